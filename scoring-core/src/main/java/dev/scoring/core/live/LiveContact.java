package dev.scoring.core.live;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * One contact's live state: attributes, and the events the scorer stores as parallel
 * primitive arrays in chronological order (dictionary type id, epoch second, nanosecond,
 * value or NaN), 24 bytes an event plus the arrays' spare capacity; its matched conditions
 * under the model in use; the score last reported and the score at the last sweep.
 *
 * <p>Not thread-safe by itself: every read and write happens while holding this object's
 * monitor (the contact's lock). Events are inserted in place, after the events with the same
 * instant, so the arrays hold what {@link Contact.Builder#build()} would sort them into.
 */
final class LiveContact {
  private static final int[] NO_INTS = {};
  private static final long[] NO_LONGS = {};
  private static final double[] NO_DOUBLES = {};

  final String id;
  Map<String, Object> attributes;
  int[] types = NO_INTS;
  long[] seconds = NO_LONGS;
  int[] nanos = NO_INTS;
  double[] values = NO_DOUBLES;
  int size;

  /** Matched conditions of {@link #attributes} under {@link #matchedFor}. */
  private long[] matched;
  private Version matchedFor;

  /** The model version of {@link #reported}. */
  Version version;
  /** The score last reported; null while the contact is being created. */
  Score reported;
  /** The score at the last sweep, null before the first. */
  Score swept;
  /** Each rule's points in {@link #reported}, when the score history is on. */
  double[] contributions;
  /** The bounded log of score changes, or null when off. */
  ScoreLog log;
  /** Set once the contact left the cache: an operation holding it must start again. */
  boolean dead;

  LiveContact(String id, Map<String, Object> attributes) {
    this.id = id;
    this.attributes = attributes;
  }

  /** Returns the number of events of a contact this version stores. */
  static int storedCount(Contact c, Version v) {
    if (v.storesAll) {
      return c.events().size();
    }
    int n = 0;
    for (Event e : c.events()) {
      if (v.storedId(e.type()) >= 0) {
        n++;
      }
    }
    return n;
  }

  /** Replaces attributes and events with a contact's (its events already in time order). */
  void replace(Contact c, Version v) {
    attributes = c.attributes();
    matchedFor = null;
    int n = storedCount(c, v);
    types = new int[n];
    seconds = new long[n];
    nanos = new int[n];
    values = new double[n];
    size = 0;
    for (Event e : c.events()) {
      int type = v.storedId(e.type());
      if (type >= 0) {
        set(size++, type, e);
      }
    }
  }

  /** Takes over another state's attributes and events. */
  void adopt(LiveContact other) {
    attributes = other.attributes;
    types = other.types;
    seconds = other.seconds;
    nanos = other.nanos;
    values = other.values;
    size = other.size;
    matched = other.matched;
    matchedFor = other.matchedFor;
  }

  /** Returns where an event at this instant goes: after every event at or before it. */
  int insertionPoint(long second, int nano) {
    int n = size;
    if (n == 0 || compare(n - 1, second, nano) <= 0) {
      return n;
    }
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(mid, second, nano) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int compare(int i, long second, int nano) {
    int c = Long.compare(seconds[i], second);
    return c != 0 ? c : Integer.compare(nanos[i], nano);
  }

  /** Inserts an event at position {@code p}, shifting the later ones. */
  void insert(int p, int type, Event e) {
    if (size == types.length) {
      int capacity = Math.max(4, size + (size >> 1));
      types = Arrays.copyOf(types, capacity);
      seconds = Arrays.copyOf(seconds, capacity);
      nanos = Arrays.copyOf(nanos, capacity);
      values = Arrays.copyOf(values, capacity);
    }
    int tail = size - p;
    if (tail > 0) {
      System.arraycopy(types, p, types, p + 1, tail);
      System.arraycopy(seconds, p, seconds, p + 1, tail);
      System.arraycopy(nanos, p, nanos, p + 1, tail);
      System.arraycopy(values, p, values, p + 1, tail);
    }
    set(p, type, e);
    size++;
  }

  /** Removes the event at position {@code p}: undoes {@link #insert}. */
  void remove(int p) {
    int tail = size - p - 1;
    System.arraycopy(types, p + 1, types, p, tail);
    System.arraycopy(seconds, p + 1, seconds, p, tail);
    System.arraycopy(nanos, p + 1, nanos, p, tail);
    System.arraycopy(values, p + 1, values, p, tail);
    size--;
  }

  private void set(int i, int type, Event e) {
    Instant at = e.at();
    types[i] = type;
    seconds[i] = at.getEpochSecond();
    nanos[i] = at.getNano();
    values[i] = e.value().isPresent() ? e.value().getAsDouble() : Double.NaN;
  }

  /**
   * Scores the stored history under a version, exactly {@code v.model.score(contact(), asOf)}.
   *
   * @param skip          an event index to leave out, or -1
   * @param contributions null, or receives each rule's points (compact models only)
   */
  Score score(Version v, TypeDictionary dict, Instant asOf, int skip, double[] contributions) {
    if (v.compact == null) {
      return v.model.score(toContact(dict, skip), asOf);
    }
    if (matchedFor != v) {
      long[] m = new long[v.compact.words()];
      v.compact.match(attributes, m);
      matched = m;
      matchedFor = v;
    }
    return v.compact.score(matched, types, v.typeMap, seconds, nanos, values, size, skip, asOf,
        contributions);
  }

  /** The stored history as a contact. */
  Contact toContact(TypeDictionary dict) {
    return toContact(dict, -1);
  }

  private Contact toContact(TypeDictionary dict, int skip) {
    Contact.Builder b = Contact.builder(id).attributes(attributes);
    for (int i = 0; i < size; i++) {
      if (i == skip) {
        continue;
      }
      Instant at = Instant.ofEpochSecond(seconds[i], nanos[i]);
      String type = dict.name(types[i]);
      b.event(Double.isNaN(values[i]) ? Event.of(type, at) : Event.of(type, at, values[i]));
    }
    return b.build();
  }
}
