package dev.scoring.kafka.streams;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.internal.CompactModel;
import dev.scoring.core.internal.EventColumns;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The processor's state of one contact, as kept in the store: attributes, the event types
 * the contact has (its own small dictionary), its stored events as {@link EventColumns} in
 * chronological order, the last score emitted and the number of tier changes emitted. Not
 * thread-safe: a task owns it while it processes.
 */
final class ContactState {
  final String id;
  Map<String, Object> attributes;
  final List<String> typeNames;
  final EventColumns events;
  /** The last score emitted, null before the first. */
  Score reported;
  /** Tier changes emitted so far: the next change's sequence is this plus one. */
  long changes;

  ContactState(String id, Map<String, Object> attributes, List<String> typeNames,
      EventColumns events) {
    this.id = id;
    this.attributes = attributes;
    this.typeNames = typeNames;
    this.events = events;
  }

  static ContactState empty(String id) {
    return new ContactState(id, Map.of(), new ArrayList<>(4), new EventColumns());
  }

  /** Inserts an event in time order; returns its index. */
  int add(Event e) {
    int type = typeNames.indexOf(e.type());
    if (type < 0) {
      type = typeNames.size();
      typeNames.add(e.type());
    }
    Instant at = e.at();
    int p = events.insertionPoint(at.getEpochSecond(), at.getNano());
    events.insert(p, type, at.getEpochSecond(), at.getNano(),
        e.value().isPresent() ? e.value().getAsDouble() : Double.NaN);
    return p;
  }

  /**
   * Scores the stored history with a model, exactly {@code model.score(contact(), asOf)}.
   *
   * @param compact the model's compact form, or null to score through {@code model}
   * @param skip    an event index to leave out, or -1
   */
  Score score(dev.scoring.api.ScoringModel model, CompactModel compact, Instant asOf, int skip) {
    if (compact == null) {
      return model.score(contact(skip), asOf);
    }
    int[] typeMap = new int[typeNames.size()];
    for (int t = 0; t < typeMap.length; t++) {
      typeMap[t] = compact.typeId(typeNames.get(t));
    }
    long[] matched = new long[compact.words()];
    compact.match(attributes, matched);
    EventColumns x = events;
    return compact.score(matched, x.types, typeMap, x.seconds, x.nanos, x.values, x.size, skip,
        asOf, null);
  }

  /** The stored history as a contact, without event {@code skip} (-1: none). */
  Contact contact(int skip) {
    Contact.Builder b = Contact.builder(id).attributes(attributes);
    EventColumns x = events;
    for (int i = 0; i < x.size; i++) {
      if (i != skip) {
        Instant at = Instant.ofEpochSecond(x.seconds[i], x.nanos[i]);
        String type = typeNames.get(x.types[i]);
        b.event(Double.isNaN(x.values[i]) ? Event.of(type, at) : Event.of(type, at, x.values[i]));
      }
    }
    return b.build();
  }

  static void write(DataOutputStream out, ContactState s) throws IOException {
    out.writeUTF(s.id);
    Codec.writeAttributes(out, s.attributes);
    out.writeInt(s.typeNames.size());
    for (String t : s.typeNames) {
      out.writeUTF(t);
    }
    EventColumns x = s.events;
    out.writeInt(x.size);
    for (int i = 0; i < x.size; i++) {
      out.writeInt(x.types[i]);
      out.writeLong(x.seconds[i]);
      out.writeInt(x.nanos[i]);
      out.writeDouble(x.values[i]);
    }
    out.writeBoolean(s.reported != null);
    if (s.reported != null) {
      Codec.writeScore(out, s.reported);
    }
    out.writeLong(s.changes);
  }

  static ContactState read(DataInputStream in) throws IOException {
    String id = in.readUTF();
    Map<String, Object> attributes = Codec.readAttributes(in);
    int k = in.readInt();
    if (k < 0) {
      throw new IOException("contact '" + id + "' type count must be at least 0, but was " + k);
    }
    List<String> types = new ArrayList<>(k);
    for (int t = 0; t < k; t++) {
      types.add(in.readUTF());
    }
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("contact '" + id + "' event count must be at least 0, but was " + n);
    }
    EventColumns x = new EventColumns(n);
    for (int i = 0; i < n; i++) {
      int type = in.readInt();
      if (type < 0 || type >= k) {
        throw new IOException("contact '" + id + "' event " + i + " type must be below " + k
            + ", but was " + type);
      }
      x.types[i] = type;
      x.seconds[i] = in.readLong();
      x.nanos[i] = in.readInt();
      x.values[i] = in.readDouble();
    }
    x.size = n;
    ContactState s = new ContactState(id, attributes, types, x);
    s.reported = in.readBoolean() ? Codec.readScore(in) : null;
    s.changes = in.readLong();
    return s;
  }
}
