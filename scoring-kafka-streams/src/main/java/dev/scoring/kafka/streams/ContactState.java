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
 * chronological order, the last score emitted under each table, the number of tier changes
 * emitted, and the account the contact was last counted in with the score counted. Not
 * thread-safe: a task owns it while it processes.
 *
 * <p>Stored in format 2: format 1 (one score, no account) is still read.
 */
final class ContactState {
  final String id;
  Map<String, Object> attributes;
  final List<String> typeNames;
  final EventColumns events;
  /** The store's format of contact states. */
  static final byte FORMAT = 2;

  /** The last score emitted under each table (its model name names the table); empty first. */
  List<Score> reported = List.of();
  /** The account this contact was last counted in, or null. */
  String account;
  /** The score it was counted with there (NaN when {@link #account} is null). */
  double accountScore = Double.NaN;
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

  /**
   * Returns the score last emitted under a table of the model in use, or null: the score of
   * the same table name, or, when the model and the state both have one table, that score
   * (so a single model keeps its chain across versions whatever its name).
   */
  Score reported(Models models, int table) {
    if (models.size() == 1 && reported.size() == 1) {
      return reported.get(0);
    }
    String name = models.name(table);
    for (Score r : reported) {
      if (r.modelName().equals(name)) {
        return r;
      }
    }
    return null;
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
    out.writeInt(s.reported.size());
    for (Score r : s.reported) {
      Codec.writeScore(out, r);
    }
    out.writeLong(s.changes);
    out.writeBoolean(s.account != null);
    if (s.account != null) {
      out.writeUTF(s.account);
      out.writeDouble(s.accountScore);
    }
  }

  static ContactState read(DataInputStream in, int format) throws IOException {
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
    if (format == 1) {
      s.reported = in.readBoolean() ? List.of(Codec.readScore(in)) : List.of();
      s.changes = in.readLong();
      return s;
    }
    int r = in.readInt();
    if (r < 0) {
      throw new IOException("contact '" + id + "' score count must be at least 0, but was " + r);
    }
    List<Score> reported = new ArrayList<>(r);
    for (int i = 0; i < r; i++) {
      reported.add(Codec.readScore(in));
    }
    s.reported = List.copyOf(reported);
    s.changes = in.readLong();
    if (in.readBoolean()) {
      s.account = in.readUTF();
      s.accountScore = in.readDouble();
    }
    return s;
  }
}
