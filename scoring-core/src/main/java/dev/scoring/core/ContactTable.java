package dev.scoring.core;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Values;
import dev.scoring.core.internal.Utf8;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.ContactSink;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Contacts held column by column in primitive arrays, for scoring millions of them at once
 * with a {@link BatchScorer}.
 *
 * <p>Layout, per contact and per event (the figures {@link #memoryBytes()} adds up):
 *
 * <ul>
 *   <li>id: its UTF-8 bytes in one shared {@code byte[]} (an unpaired surrogate, which
 *       JSON can carry as an escape, kept as its three bytes), plus a 4-byte end offset;
 *   <li>attributes: one dictionary-encoded column per attribute name: each distinct value is
 *       stored once, and each contact holds a code of 1 byte while the column has at most
 *       255 distinct values, 2 bytes up to 65,535 and 4 bytes beyond (code 0 means absent).
 *       A column that few contacts have (when its codes would take more bytes than 8 per
 *       contact having it) is kept sparse instead: 8 bytes per contact that has it, in
 *       per-contact lists that cost 4 more bytes per contact once the table has any. So
 *       memory is linear in the input however many attribute names the contacts use;
 *   <li>events: a 4-byte offset per contact; per event a 2-byte type code (event type names
 *       are dictionary-encoded too) and the 4-byte second relative to the table's
 *       {@link #epoch()}, or 8 bytes (the epoch second itself) in a table where some event
 *       lies more than {@code 2^31} seconds (about 68 years) from the epoch; 8 more bytes
 *       per event that carries a value (values are stored only where present, with a 4-byte
 *       count per contact once any contact has one), and 4 more bytes per event once any
 *       event in the table has a sub-second instant (the nanoseconds, kept exact).
 * </ul>
 *
 * <p>So 10,000,000 contacts with 10 value-less, whole-second events each, five attributes
 * of up to 255 distinct values and ids of about ten characters take about
 * {@code 10M * (4 + 10 + 5 + 4) + 100M * 6} bytes, about 830 MB.
 *
 * <p>Every instant of SPEC section 1 (years 0001 to 9999, to the nanosecond) is held
 * exactly. Each contact's events are kept in chronological order (stable for equal
 * instants), as {@link Contact#events()} are.
 *
 * <p>Instances are immutable and thread-safe. Build one with {@link #builder()},
 * {@link #of(Collection)}, {@link ContactJson#readTable(InputStream)} or its shorthand
 * {@link #fromNdjson(InputStream)}.
 */
public final class ContactTable {
  /** The default epoch event seconds are stored relative to. */
  public static final Instant DEFAULT_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

  /** Set in a stored event type code when the event carries a value. */
  static final int VALUE_FLAG = 0x8000; // bit 15: BatchScorer reads it as stored >>> 15
  /** The number of distinct event types a table can hold. */
  static final int MAX_EVENT_TYPES = VALUE_FLAG;

  final int size;
  final long epochSecond;
  final byte[] idBytes;
  final int[] idEnds;
  final AttributeColumn[] columns;
  private final Map<String, AttributeColumn> columnsByName;
  /** The indices of the dense columns. */
  private final int[] denseColumns;
  /** Per contact, its sparse values: column indices and codes; null when none. */
  private final int[] sparseStart;
  private final int[] sparseColumn;
  private final int[] sparseCode;
  final String[] typeNames;
  /** {@code eventStart[c] .. eventStart[c + 1]}: the events of contact {@code c}. */
  final int[] eventStart;
  /** Type code per event, with {@link #VALUE_FLAG} set when it has a value. */
  final char[] types;
  /** Seconds after the epoch per event, or null when {@link #wideSeconds} holds them. */
  final int[] seconds;
  /** Epoch seconds per event when some event is beyond {@code 2^31} s of the epoch. */
  final long[] wideSeconds;
  /** Nanoseconds per event, or null when every event is on a whole second. */
  final int[] nanos;
  /** The values of the events that have one, in event order. */
  final double[] values;
  /** Per contact, the number of values of it and every contact before it; null if none. */
  final int[] valueEnds;

  private ContactTable(Builder b) {
    size = b.size;
    epochSecond = b.epochSecond;
    idBytes = Arrays.copyOf(b.idBytes, b.idLength);
    idEnds = trim(b.idEnds, size);
    int n = b.columns.size();
    columns = new AttributeColumn[n];
    boolean[] dense = new boolean[n];
    int denseCount = 0;
    int sparseValues = 0;
    for (int j = 0; j < n; j++) {
      AttributeColumn.Builder c = b.columns.get(j);
      dense[j] = c.denseFor(size);
      if (dense[j]) {
        denseCount++;
      } else {
        sparseValues += c.count();
      }
    }
    denseColumns = new int[denseCount];
    if (denseCount < n) {
      sparseStart = new int[size + 1];
      sparseColumn = new int[sparseValues];
      sparseCode = new int[sparseValues];
      for (int j = 0; j < n; j++) {
        if (!dense[j]) {
          b.columns.get(j).forEach((c, k) -> sparseStart[c + 1]++);
        }
      }
      for (int c = 0; c < size; c++) {
        sparseStart[c + 1] += sparseStart[c];
      }
      int[] next = Arrays.copyOf(sparseStart, size);
      for (int j = 0; j < n; j++) {
        if (!dense[j]) {
          int column = j;
          b.columns.get(j).forEach((c, k) -> {
            int at = next[c]++;
            sparseColumn[at] = column;
            sparseCode[at] = k;
          });
        }
      }
    } else {
      sparseStart = null;
      sparseColumn = null;
      sparseCode = null;
    }
    Map<String, AttributeColumn> byName = new HashMap<>();
    for (int j = 0, d = 0; j < n; j++) {
      AttributeColumn.Builder c = b.columns.get(j);
      columns[j] = dense[j] ? c.buildDense(size)
          : c.buildSparse(j, sparseStart, sparseColumn, sparseCode);
      if (dense[j]) {
        denseColumns[d++] = j;
      }
      byName.put(columns[j].name, columns[j]);
    }
    columnsByName = byName;
    typeNames = b.typeNames.toArray(new String[0]);
    int events = b.eventStart[size];
    eventStart = trim(b.eventStart, size + 1);
    types = b.types.length == events ? b.types : Arrays.copyOf(b.types, events);
    seconds = b.seconds == null ? null : trim(b.seconds, events);
    wideSeconds = b.wideSeconds == null ? null
        : b.wideSeconds.length == events ? b.wideSeconds : Arrays.copyOf(b.wideSeconds, events);
    nanos = b.nanos == null ? null : trim(b.nanos, events);
    values = b.values.length == b.valueCount ? b.values : Arrays.copyOf(b.values, b.valueCount);
    valueEnds = b.valueEnds == null ? null : trim(b.valueEnds, size);
  }

  /** The array itself when it has the length, else a trimmed copy. */
  private static int[] trim(int[] a, int length) {
    return a.length == length ? a : Arrays.copyOf(a, length);
  }

  /**
   * Starts an empty table with the default epoch.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a table of contacts, in iteration order.
   *
   * @param contacts the contacts, none null
   * @return the table
   * @throws IllegalArgumentException if the contacts use more than 32,768 event types
   */
  public static ContactTable of(Collection<Contact> contacts) {
    Builder b = builder().expectedContacts(contacts.size());
    contacts.forEach(b::add);
    return b.build();
  }

  /**
   * Builds a table from NDJSON with the default limits, failing at the first bad line: a
   * shorthand for {@code ContactJson.defaults().readTable(in)}, where the file format, the
   * limits and the way to report bad lines and go on are described. The stream is read to
   * its end but not closed.
   *
   * @param in UTF-8 NDJSON, one contact per line (SPEC section 1)
   * @return the table
   * @throws dev.scoring.core.json.ContactJsonException naming the line and the JSON path
   *     when a line is not a valid contact
   * @throws UncheckedIOException if reading fails
   */
  public static ContactTable fromNdjson(InputStream in) {
    return ContactJson.defaults().readTable(in);
  }

  /**
   * Joins tables into one holding their contacts in order: the first table's contacts, then
   * the second's, and so on, each equal to what it was. This is how a file read in parts on
   * several threads becomes one table ({@link ContactJson#readTable(InputStream, int,
   * java.util.function.Consumer)}). Costs time linear in the tables' sizes plus a hash
   * lookup per distinct attribute value and event type of each part.
   *
   * @param parts the tables, all with the same epoch
   * @return the joined table
   * @throws IllegalArgumentException if the epochs differ, or the result would hold more
   *     than {@code 2^31 - 16} contacts or events or 32,768 event types
   */
  public static ContactTable concat(List<ContactTable> parts) {
    Builder b = new Builder();
    if (parts.isEmpty()) {
      return b.build();
    }
    long epoch = parts.get(0).epochSecond;
    long contacts = 0;
    long events = 0;
    long idLength = 0;
    long valueCount = 0;
    boolean wide = false;
    boolean anyNanos = false;
    boolean anyValues = false;
    for (ContactTable t : parts) {
      if (t.epochSecond != epoch) {
        throw new IllegalArgumentException("parts must share one epoch, but had "
            + Instant.ofEpochSecond(epoch) + " and " + t.epoch());
      }
      contacts += t.size;
      events += t.eventCount();
      idLength += t.idBytes.length;
      valueCount += t.values.length;
      wide |= t.wideSeconds != null;
      anyNanos |= t.nanos != null;
      anyValues |= t.valueEnds != null;
    }
    long max = Integer.MAX_VALUE - 16;
    if (contacts > max || events > max || idLength > max || valueCount > max) {
      throw new IllegalArgumentException("parts must add up to fewer than 2^31 - 16 contacts,"
          + " events, id bytes and values, but had " + contacts + ", " + events + ", "
          + idLength + " and " + valueCount);
    }
    int n = (int) contacts;
    int m = (int) events;
    b.epochSecond = epoch;
    b.size = n;
    b.idBytes = new byte[(int) idLength];
    b.idLength = (int) idLength;
    b.idEnds = new int[n];
    b.eventStart = new int[n + 1];
    b.types = new char[m];
    b.seconds = wide ? null : new int[m];
    b.wideSeconds = wide ? new long[m] : null;
    b.nanos = anyNanos ? new int[m] : null;
    b.values = new double[(int) valueCount];
    b.valueCount = (int) valueCount;
    b.valueEnds = anyValues ? new int[n] : null;
    int c0 = 0;
    int e0 = 0;
    int id0 = 0;
    int v0 = 0;
    for (ContactTable t : parts) {
      System.arraycopy(t.idBytes, 0, b.idBytes, id0, t.idBytes.length);
      int te = (int) t.eventCount();
      for (int c = 0; c < t.size; c++) {
        b.idEnds[c0 + c] = t.idEnds[c] + id0;
        b.eventStart[c0 + c + 1] = t.eventStart[c + 1] + e0;
        if (anyValues) {
          b.valueEnds[c0 + c] = (t.valueEnds == null ? 0 : t.valueEnds[c]) + v0;
        }
      }
      int[] typeRemap = new int[t.typeNames.length];
      for (int k = 0; k < typeRemap.length; k++) {
        Integer code = b.typeCodes.get(t.typeNames[k]);
        if (code == null) {
          if (b.typeNames.size() == MAX_EVENT_TYPES) {
            throw new IllegalArgumentException("parts must have at most " + MAX_EVENT_TYPES
                + " distinct event types together, but had more");
          }
          code = b.typeNames.size();
          b.typeCodes.put(t.typeNames[k], code);
          b.typeNames.add(t.typeNames[k]);
        }
        typeRemap[k] = code;
      }
      for (int i = 0; i < te; i++) {
        int stored = t.types[i];
        b.types[e0 + i] = (char) (typeRemap[stored & ~VALUE_FLAG] | (stored & VALUE_FLAG));
        if (wide) {
          b.wideSeconds[e0 + i] = t.epochSecond(i);
        } else {
          b.seconds[e0 + i] = t.seconds[i];
        }
      }
      if (t.nanos != null) {
        System.arraycopy(t.nanos, 0, b.nanos, e0, te);
      }
      System.arraycopy(t.values, 0, b.values, v0, t.values.length);
      // attribute columns, by name, with codes remapped to the joined dictionaries
      AttributeColumn.Builder[] target = new AttributeColumn.Builder[t.columns.length];
      int[][] remap = new int[t.columns.length][];
      for (int j = 0; j < t.columns.length; j++) {
        AttributeColumn col = t.columns[j];
        AttributeColumn.Builder into = b.columnsByName.get(col.name);
        if (into == null) {
          into = new AttributeColumn.Builder(col.name);
          b.columns.add(into);
          b.columnsByName.put(col.name, into);
        }
        target[j] = into;
        remap[j] = new int[col.dictionary.length + 1];
        for (int k = 0; k < col.dictionary.length; k++) {
          remap[j][k + 1] = into.code(col.dictionary[k]);
        }
      }
      for (int j : t.denseColumns) {
        AttributeColumn col = t.columns[j];
        for (int c = 0; c < t.size; c++) {
          int code = col.code(c);
          if (code != 0) {
            target[j].setCode(c0 + c, remap[j][code]);
          }
        }
      }
      if (t.sparseStart != null) {
        for (int c = 0; c < t.size; c++) {
          for (int i = t.sparseStart[c]; i < t.sparseStart[c + 1]; i++) {
            int j = t.sparseColumn[i];
            target[j].setCode(c0 + c, remap[j][t.sparseCode[i]]);
          }
        }
      }
      c0 += t.size;
      e0 += te;
      id0 += t.idBytes.length;
      v0 += t.values.length;
    }
    ContactTable joined = new ContactTable(b);
    return joined;
  }

  /**
   * Returns the number of contacts.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Returns the number of events of all contacts.
   *
   * @return the count
   */
  public long eventCount() {
    return eventStart[size];
  }

  /**
   * Returns the epoch event times are stored relative to.
   *
   * @return the epoch
   */
  public Instant epoch() {
    return Instant.ofEpochSecond(epochSecond);
  }

  /**
   * Returns the attribute names (column names), in order of first appearance.
   *
   * @return an unmodifiable list
   */
  public List<String> attributeNames() {
    List<String> names = new ArrayList<>(columns.length);
    for (AttributeColumn c : columns) {
      names.add(c.name);
    }
    return Collections.unmodifiableList(names);
  }

  /**
   * Returns the number of distinct values of an attribute.
   *
   * @param name the attribute name
   * @return the count, 0 for an attribute no contact has
   */
  public int distinctValues(String name) {
    AttributeColumn c = columnsByName.get(name);
    return c == null ? 0 : c.dictionary.length;
  }

  /**
   * Returns the id of a contact.
   *
   * @param index the contact index, {@code 0 <= index < size()}
   * @return the id
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public String id(int index) {
    Objects.checkIndex(index, size);
    int from = index == 0 ? 0 : idEnds[index - 1];
    return Utf8.decode(idBytes, from, idEnds[index]);
  }

  /**
   * Returns the length of a contact's id in UTF-8 bytes: what {@link #idUtf8} copies.
   *
   * @param index the contact index, {@code 0 <= index < size()}
   * @return the number of bytes
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public int idUtf8Length(int index) {
    Objects.checkIndex(index, size);
    return idEnds[index] - (index == 0 ? 0 : idEnds[index - 1]);
  }

  /**
   * Copies a contact's id as UTF-8 bytes (the encoding of {@link #id}), for writers that
   * emit ids without a {@code String} per contact.
   *
   * @param index  the contact index, {@code 0 <= index < size()}
   * @param into   where to copy, with room for {@link #idUtf8Length} bytes at {@code offset}
   * @param offset where the bytes go
   * @return the number of bytes copied
   * @throws IndexOutOfBoundsException if the index is out of range or {@code into} has no
   *     room
   */
  public int idUtf8(int index, byte[] into, int offset) {
    Objects.checkIndex(index, size);
    int from = index == 0 ? 0 : idEnds[index - 1];
    int length = idEnds[index] - from;
    System.arraycopy(idBytes, from, into, offset, length);
    return length;
  }

  /**
   * Returns an attribute value of a contact.
   *
   * @param index the contact index, {@code 0 <= index < size()}
   * @param name  the attribute name
   * @return a {@link String}, {@link Long}, {@link Double}, {@link Boolean}, or null when
   *     absent
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public Object attribute(int index, String name) {
    Objects.checkIndex(index, size);
    AttributeColumn c = columnsByName.get(name);
    if (c == null) {
      return null;
    }
    int code = c.code(index);
    return code == 0 ? null : c.dictionary[code - 1];
  }

  /**
   * Returns the number of events of a contact.
   *
   * @param index the contact index, {@code 0 <= index < size()}
   * @return the count
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public int eventCount(int index) {
    Objects.checkIndex(index, size);
    return eventStart[index + 1] - eventStart[index];
  }

  /**
   * Rebuilds one contact as an object, equal to the one the table was built from (attribute
   * order aside). Costs time linear in the contact's attributes and events plus the
   * table's dense columns.
   *
   * @param index the contact index, {@code 0 <= index < size()}
   * @return the contact
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public Contact contact(int index) {
    Contact.Builder b = Contact.builder(id(index));
    for (int j : denseColumns) {
      AttributeColumn c = columns[j];
      int code = c.code(index);
      if (code != 0) {
        b.attribute(c.name, c.dictionary[code - 1]);
      }
    }
    if (sparseStart != null) {
      for (int i = sparseStart[index]; i < sparseStart[index + 1]; i++) {
        AttributeColumn c = columns[sparseColumn[i]];
        b.attribute(c.name, c.dictionary[sparseCode[i] - 1]);
      }
    }
    int vi = index == 0 || valueEnds == null ? 0 : valueEnds[index - 1];
    for (int i = eventStart[index]; i < eventStart[index + 1]; i++) {
      int t = types[i];
      Instant at = Instant.ofEpochSecond(epochSecond(i), nanos == null ? 0 : nanos[i]);
      String type = typeNames[t & ~VALUE_FLAG];
      b.event((t & VALUE_FLAG) != 0 ? Event.of(type, at, values[vi++]) : Event.of(type, at));
    }
    return b.build();
  }

  /** The epoch second of event {@code i}. */
  long epochSecond(int i) {
    return wideSeconds != null ? wideSeconds[i] : epochSecond + seconds[i];
  }

  /**
   * Returns the bytes held by the table's arrays (array headers and the dictionaries'
   * value objects left out): the figure the class comment explains.
   *
   * @return the size in bytes
   */
  public long memoryBytes() {
    long bytes = idBytes.length + 4L * idEnds.length + 4L * eventStart.length
        + 2L * types.length + 8L * values.length;
    bytes += seconds != null ? 4L * seconds.length : 8L * wideSeconds.length;
    if (nanos != null) {
      bytes += 4L * nanos.length;
    }
    if (valueEnds != null) {
      bytes += 4L * valueEnds.length;
    }
    if (sparseStart != null) {
      bytes += 4L * sparseStart.length + 8L * sparseColumn.length;
    }
    for (AttributeColumn c : columns) {
      bytes += c.bytes();
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "ContactTable{" + size + " contacts, " + eventCount() + " events, "
        + columns.length + " attributes, " + memoryBytes() + " bytes}";
  }

  /** Returns the column of an attribute name, or null. */
  AttributeColumn column(String name) {
    return columnsByName.get(name);
  }

  /**
   * Appends contacts to a new table: from {@link Contact} objects, or through its
   * {@link #sink()} from a reader (NDJSON with {@link ContactJson#readInto}, or any other
   * format), one at a time. Arrays grow by half as needed; {@link #expectedContacts} and
   * {@link #expectedEvents} size them up front, so that a table of known size is built
   * without copies (its largest array is otherwise copied once more by {@link #build()} to
   * trim it). Not thread-safe.
   */
  public static final class Builder {
    private long epochSecond = DEFAULT_EPOCH.getEpochSecond();
    private int size;
    private byte[] idBytes;
    private int idLength;
    private int[] idEnds;
    private final List<AttributeColumn.Builder> columns = new ArrayList<>();
    private final Map<String, AttributeColumn.Builder> columnsByName = new HashMap<>();
    private final Map<String, Integer> typeCodes = new HashMap<>();
    private final List<String> typeNames = new ArrayList<>();
    private int[] eventStart;
    private char[] types;
    private int[] seconds;
    private long[] wideSeconds;
    private int[] nanos;
    private double[] values;
    private int valueCount;
    private int[] valueEnds;

    // The contact being appended: its events are sorted before they are stored.
    private String rowId;
    private int rowEvents;
    private int[] rowType = new int[16];
    private long[] rowSecond = new long[16];
    private int[] rowNano = new int[16];
    private double[] rowValue = new double[16];
    private boolean[] rowHasValue = new boolean[16];
    private Integer[] order = new Integer[16];
    // What the row added, to take back when it is aborted.
    private AttributeColumn.Builder[] rowColumns = new AttributeColumn.Builder[8];
    private boolean[] rowNewValue = new boolean[8];
    private int rowColumnCount;
    private int columnsAtRowStart;
    private int typesAtRowStart;
    private final Sink sink = new Sink();

    private Builder() {
      reset();
    }

    private void reset() {
      size = 0;
      idBytes = new byte[256];
      idLength = 0;
      idEnds = new int[16];
      columns.clear();
      columnsByName.clear();
      typeCodes.clear();
      typeNames.clear();
      eventStart = new int[17];
      types = new char[64];
      seconds = new int[64];
      wideSeconds = null;
      nanos = null;
      values = new double[0];
      valueCount = 0;
      valueEnds = null;
      rowId = null;
      rowEvents = 0;
      rowColumnCount = 0;
    }

    /**
     * Sets the epoch event seconds are stored relative to (default {@link #DEFAULT_EPOCH}):
     * events within {@code 2^31} seconds of it take 4 bytes for their second, and a table
     * with any other event takes 8 for each.
     *
     * @param epoch the epoch; its sub-second part is ignored
     * @return this builder
     * @throws IllegalStateException if contacts were already added
     */
    public Builder epoch(Instant epoch) {
      if (size > 0) {
        throw new IllegalStateException(
            "epoch must be set before the first contact, but " + size + " were added");
      }
      this.epochSecond = epoch.getEpochSecond();
      return this;
    }

    /**
     * Sizes the per-contact arrays for this many contacts in all.
     *
     * @param contacts at least 0
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder expectedContacts(int contacts) {
      if (contacts < 0) {
        throw new IllegalArgumentException(
            "expectedContacts must be at least 0, but was " + contacts);
      }
      if (contacts > idEnds.length) {
        resizeContacts(contacts);
      }
      return this;
    }

    /**
     * Sizes the per-event arrays for this many events in all.
     *
     * @param events at least 0
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder expectedEvents(int events) {
      if (events < 0) {
        throw new IllegalArgumentException("expectedEvents must be at least 0, but was " + events);
      }
      if (events > types.length) {
        resizeEvents(events);
      }
      return this;
    }

    /**
     * Returns the number of contacts added so far.
     *
     * @return the count
     */
    public int size() {
      return size;
    }

    /**
     * Appends a contact.
     *
     * @param contact the contact
     * @return this builder
     * @throws IllegalArgumentException if the table would hold more than 32,768 event types
     *     or {@code 2^31 - 16} events; the builder is then as before the call
     */
    public Builder add(Contact contact) {
      beginRow();
      int i = -1;
      try {
        rowId(contact.id());
        for (Map.Entry<String, Object> a : contact.attributes().entrySet()) {
          setAttribute(a.getKey(), a.getValue());
        }
        List<Event> events = contact.events();
        for (i = 0; i < events.size(); i++) {
          Event e = events.get(i);
          addEvent(e.type(), e.at().getEpochSecond(), e.at().getNano(), e.value().isPresent(),
              e.value().isPresent() ? e.value().getAsDouble() : 0.0);
        }
        i = -1;
        endRow();
      } catch (IllegalArgumentException e) {
        abortRow();
        throw new IllegalArgumentException("contact " + Values.describe(contact.id())
            + (i >= 0 ? " events[" + i + "]" : "") + " " + e.getMessage(), e);
      } catch (RuntimeException e) {
        abortRow();
        throw e;
      }
      return this;
    }

    /**
     * Returns the sink that appends contacts to this builder as a reader reads them,
     * without an object per contact: what {@link ContactJson#readInto} and
     * {@link ContactJson#readTable(InputStream)} write to. A contact the reader aborts
     * leaves no trace (no column, attribute value or event type of its own). The same
     * instance on every call; use it from the builder's thread only.
     *
     * @return the sink
     */
    public ContactSink sink() {
      return sink;
    }

    /**
     * Builds the table and leaves this builder empty (with the same epoch), ready for a new
     * one.
     *
     * @return the table
     */
    public ContactTable build() {
      ContactTable table = new ContactTable(this);
      reset();
      return table;
    }

    // ---- rows, shared by add(Contact) and the sink

    /** Starts a row; its id is set with {@link #rowId(String)} before {@link #endRow()}. */
    private void beginRow() {
      rowId = null;
      rowEvents = 0;
      rowColumnCount = 0;
      columnsAtRowStart = columns.size();
      typesAtRowStart = typeNames.size();
      if (size == idEnds.length) {
        resizeContacts(grown(idEnds.length, size + 1));
      }
    }

    private void rowId(String id) {
      rowId = id;
    }

    /** Forgets the current row: its attribute values, new columns and new event types. */
    private void abortRow() {
      for (int i = 0; i < rowColumnCount; i++) {
        rowColumns[i].unset(rowNewValue[i]);
        rowColumns[i] = null;
      }
      rowColumnCount = 0;
      while (columns.size() > columnsAtRowStart) {
        columnsByName.remove(columns.remove(columns.size() - 1).name);
      }
      while (typeNames.size() > typesAtRowStart) {
        typeCodes.remove(typeNames.remove(typeNames.size() - 1));
      }
      rowId = null;
      rowEvents = 0;
    }

    /** Sets an attribute of the current row; the value is normalised and not null. */
    private void setAttribute(String name, Object value) {
      AttributeColumn.Builder c = columnsByName.get(name);
      if (c == null) {
        c = new AttributeColumn.Builder(name);
        columns.add(c);
        columnsByName.put(name, c);
      }
      boolean added = c.set(size, value);
      if (rowColumnCount == rowColumns.length) {
        rowColumns = Arrays.copyOf(rowColumns, rowColumnCount * 2);
        rowNewValue = Arrays.copyOf(rowNewValue, rowColumnCount * 2);
      }
      rowColumns[rowColumnCount] = c;
      rowNewValue[rowColumnCount++] = added;
    }

    private void addEvent(String type, long second, int nano, boolean hasValue,
        double value) {
      Integer code = typeCodes.get(type);
      if (code == null) {
        if (typeNames.size() == MAX_EVENT_TYPES) {
          throw new IllegalArgumentException("must have one of at most " + MAX_EVENT_TYPES
              + " distinct event types in a table, but had a new one: " + Values.describe(type));
        }
        code = typeNames.size();
        typeCodes.put(type, code);
        typeNames.add(type);
      }
      int n = rowEvents;
      if (n == rowType.length) {
        int capacity = n * 2;
        rowType = Arrays.copyOf(rowType, capacity);
        rowSecond = Arrays.copyOf(rowSecond, capacity);
        rowNano = Arrays.copyOf(rowNano, capacity);
        rowValue = Arrays.copyOf(rowValue, capacity);
        rowHasValue = Arrays.copyOf(rowHasValue, capacity);
        order = Arrays.copyOf(order, capacity);
      }
      rowType[n] = code;
      rowSecond[n] = second;
      rowNano[n] = nano;
      rowHasValue[n] = hasValue;
      rowValue[n] = value;
      rowEvents = n + 1;
    }

    private void endRow() {
      if (rowId == null) {
        throw new IllegalArgumentException("must have a non-blank id, but had none");
      }
      int n = rowEvents;
      int from = eventStart[size];
      if ((long) from + n > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("must fit in a table of fewer than 2^31 - 16 "
            + "events, but would bring it to " + ((long) from + n));
      }
      byte[] id = Utf8.encode(rowId);
      if (idBytes.length - idLength < id.length) {
        idBytes = Arrays.copyOf(idBytes, grown(idBytes.length, idLength + id.length));
      }
      System.arraycopy(id, 0, idBytes, idLength, id.length);
      idLength += id.length;
      idEnds[size] = idLength;

      if (from + n > types.length) {
        resizeEvents(grown(types.length, from + n));
      }
      boolean sorted = true;
      for (int i = 1; i < n && sorted; i++) {
        sorted = !before(i, i - 1);
      }
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      if (!sorted) {
        Arrays.sort(order, 0, n, (x, y) -> before(x, y) ? -1 : before(y, x) ? 1 : 0);
      }
      int rowValues = 0;
      for (int k = 0; k < n; k++) {
        int i = order[k];
        int at = from + k;
        long relative = rowSecond[i] - epochSecond;
        if (wideSeconds == null && relative != (int) relative) {
          widenSeconds(at);
        }
        if (wideSeconds != null) {
          wideSeconds[at] = rowSecond[i];
        } else {
          seconds[at] = (int) relative;
        }
        if (rowNano[i] != 0 && nanos == null) {
          nanos = new int[types.length];
        }
        if (nanos != null) {
          nanos[at] = rowNano[i];
        }
        int type = rowType[i];
        if (rowHasValue[i]) {
          type |= VALUE_FLAG;
          if (valueCount == values.length) {
            values = Arrays.copyOf(values, grown(values.length, valueCount + 1));
          }
          values[valueCount++] = rowValue[i];
          rowValues++;
        }
        types[at] = (char) type;
      }
      if (rowValues > 0 && valueEnds == null) {
        valueEnds = new int[idEnds.length];
      }
      if (valueEnds != null) {
        valueEnds[size] = valueCount;
      }
      eventStart[size + 1] = from + n;
      size++;
      rowId = null;
      for (int i = 0; i < rowColumnCount; i++) {
        rowColumns[i] = null;
      }
      rowColumnCount = 0;
    }

    /** Switches to 8-byte epoch seconds, keeping the {@code events} stored so far. */
    private void widenSeconds(int events) {
      wideSeconds = new long[types.length];
      for (int i = 0; i < events; i++) {
        wideSeconds[i] = epochSecond + seconds[i];
      }
      seconds = null;
    }

    /** Whether row event x is strictly earlier than row event y. */
    private boolean before(int x, int y) {
      return rowSecond[x] < rowSecond[y]
          || (rowSecond[x] == rowSecond[y] && rowNano[x] < rowNano[y]);
    }

    private void resizeContacts(int capacity) {
      idEnds = Arrays.copyOf(idEnds, capacity);
      eventStart = Arrays.copyOf(eventStart, capacity + 1);
      if (valueEnds != null) {
        valueEnds = Arrays.copyOf(valueEnds, capacity);
      }
    }

    private void resizeEvents(int capacity) {
      types = Arrays.copyOf(types, capacity);
      if (seconds != null) {
        seconds = Arrays.copyOf(seconds, capacity);
      } else {
        wideSeconds = Arrays.copyOf(wideSeconds, capacity);
      }
      if (nanos != null) {
        nanos = Arrays.copyOf(nanos, capacity);
      }
    }

    /** A capacity at least {@code needed}, half again as large as {@code current}. */
    private static int grown(int current, int needed) {
      long grown = Math.max((long) needed, current + (current >> 1) + 16L);
      return (int) Math.min(grown, Integer.MAX_VALUE - 16);
    }

    /** The builder as a {@link ContactSink}. */
    private final class Sink implements ContactSink {
      @Override
      public void begin(long line) {
        beginRow();
      }

      @Override
      public void id(String id) {
        rowId(id);
      }

      @Override
      public void attribute(String name, String value) {
        setAttribute(name, value);
      }

      @Override
      public void attribute(String name, long value) {
        setAttribute(name, value);
      }

      @Override
      public void attribute(String name, double value) {
        setAttribute(name, value);
      }

      @Override
      public void attribute(String name, boolean value) {
        setAttribute(name, value);
      }

      @Override
      public void event(String type, long epochSecond, int nano, boolean hasValue,
          double value) {
        addEvent(type, epochSecond, nano, hasValue, value);
      }

      @Override
      public void end() {
        endRow();
      }

      @Override
      public void abort() {
        abortRow();
      }
    }
  }
}
