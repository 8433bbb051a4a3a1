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
  /** Set when an operation queued tier changes; cleared by the operation's thread. */
  boolean queued;

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
    EventColumns x = events;
    return v.compact.score(matched, x.types, v.typeMap, x.seconds, x.nanos, x.values, x.size,
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
