package dev.scoring.core.live;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import java.time.Instant;
import dev.scoring.core.internal.EventColumns;
import java.util.Map;

/**
 * One contact's live state: attributes, and the events the scorer stores as
 * {@link EventColumns} (24 bytes an event plus the arrays' spare capacity); its matched conditions
 * under the model in use; the score last reported and the score at the last sweep.
 *
 * <p>Not thread-safe by itself: every read and write happens while holding this object's
 * monitor (the contact's lock). Events are inserted in place, after the events with the same
 * instant, so the arrays hold what {@link Contact.Builder#build()} would sort them into.
 */
final class LiveContact {
  final String id;
  Map<String, Object> attributes;
  /** The stored events; type ids are the scorer's {@link TypeDictionary} ids. */
  EventColumns events = new EventColumns();

  /** Matched conditions of {@link #attributes} under {@link #matchedFor}, per table. */
  private long[][] matched;
  private Version matchedFor;

  /** The model version of {@link #reported}. */
  Version version;
  /**
   * The scores last reported, one per table of {@link #version} (index of its part); null
   * while the contact is being created.
   */
  Score[] reported;
  /** The first table's score at the last sweep, null before the first. */
  Score swept;
  /** Each table's rules' points in {@link #reported}, when the score history is on. */
  double[][] contributions;
  /** The bounded logs of score changes by table name, or null when off or empty. */
  java.util.HashMap<String, ScoreLog> logs;
  /** Set once the contact left the cache: an operation holding it must start again. */
  boolean dead;
  /** Set when an operation queued tier changes; cleared by the operation's thread. */
  boolean queued;
  /** Keys of accounts an operation queued changes of; taken by the operation's thread. */
  java.util.List<String> accountKeys;

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
    events = new EventColumns(n + Math.max(4, n >> 3)); // room to record a few more
    for (Event e : c.events()) {
      int type = v.storedId(e.type());
      if (type >= 0) {
        insert(events.size, type, e);
      }
    }
  }

  /** Takes over another state's attributes and events. */
  void adopt(LiveContact other) {
    attributes = other.attributes;
    events = other.events;
    matched = other.matched;
    matchedFor = other.matchedFor;
  }

  /** Inserts an event at position {@code p} (from {@code events.insertionPoint}). */
  void insert(int p, int type, Event e) {
    Instant at = e.at();
    events.insert(p, type, at.getEpochSecond(), at.getNano(),
        e.value().isPresent() ? e.value().getAsDouble() : Double.NaN);
  }

  /** The first table's last reported score; null while the contact is being created. */
  Score first() {
    return reported == null ? null : reported[0];
  }

  /**
   * Scores the stored history under a version's table, exactly
   * {@code part.model.score(contact(), asOf)}.
   *
   * @param part          the index of the table's part in {@code v}
   * @param skip          an event index to leave out, or -1
   * @param contributions null, or receives each rule's points (compact models only)
   */
  Score score(Version v, int part, TypeDictionary dict, Instant asOf, int skip,
      double[] contributions) {
    Version.Part p = v.parts[part];
    if (p.compact == null) {
      return p.model.score(toContact(dict, skip), asOf);
    }
    if (matchedFor != v) {
      matched = new long[v.parts.length][];
      matchedFor = v;
    }
    long[] m = matched[part];
    if (m == null) {
      m = new long[p.compact.words()];
      p.compact.match(attributes, m);
      matched[part] = m;
    }
    EventColumns x = events;
    return p.compact.score(m, x.types, p.typeMap, x.seconds, x.nanos, x.values, x.size,
        skip, asOf, contributions);
  }

  /** The stored history as a contact. */
  Contact toContact(TypeDictionary dict) {
    return toContact(dict, -1);
  }

  private Contact toContact(TypeDictionary dict, int skip) {
    Contact.Builder b = Contact.builder(id).attributes(attributes);
    EventColumns x = events;
    for (int i = 0; i < x.size; i++) {
      if (i == skip) {
        continue;
      }
      Instant at = Instant.ofEpochSecond(x.seconds[i], x.nanos[i]);
      String type = dict.name(x.types[i]);
      b.event(Double.isNaN(x.values[i]) ? Event.of(type, at) : Event.of(type, at, x.values[i]));
    }
    return b.build();
  }
}
