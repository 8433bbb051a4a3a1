package dev.scoring.core;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
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
 *   <li>id: its UTF-8 bytes in one shared {@code byte[]}, plus a 4-byte end offset;
 *   <li>attributes: one column per attribute name, dictionary-encoded: each distinct value is
 *       stored once, and each contact holds a code of 1 byte while the column has at most
 *       255 distinct values, 2 bytes up to 65,535 and 4 bytes beyond (code 0 means absent);
 *   <li>events: a 4-byte offset per contact; per event a 2-byte type code (event type names
 *       are dictionary-encoded too) and the 4-byte second relative to the table's
 *       {@link #epoch()}; 8 more bytes per event that carries a value (values are stored
 *       only where present, with a 4-byte count per contact once any contact has one), and
 *       4 more bytes per event once any event in the table has a sub-second instant (the
 *       nanoseconds, kept exact).
 * </ul>
 *
 * <p>So 10,000,000 contacts with 10 value-less, whole-second events each, five attributes
 * of up to 255 distinct values and ids of about ten characters take about
 * {@code 10M * (4 + 10 + 5 + 4) + 100M * 6} bytes, about 830 MB.
 *
 * <p>Event instants must lie within {@code 2^31} seconds (about 68 years) of the epoch
 * (default {@code 2000-01-01T00:00:00Z}, so 1931-12-13 to 2068-01-19); others are rejected
 * with an error that names the contact and the event. Each contact's events are kept in
 * chronological order (stable for equal instants), as {@link Contact#events()} are.
 *
 * <p>Instances are immutable and thread-safe. Build one with {@link #builder()},
 * {@link #of(Collection)} or {@link #fromNdjson(InputStream)}.
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
  final Column[] columns;
  private final Map<String, Column> columnsByName;
  final String[] typeNames;
  /** {@code eventStart[c] .. eventStart[c + 1]}: the events of contact {@code c}. */
  final int[] eventStart;
  /** Type code per event, with {@link #VALUE_FLAG} set when it has a value. */
  final char[] types;
  /** Seconds after the epoch per event. */
  final int[] seconds;
  /** Nanoseconds per event, or null when every event is on a whole second. */
  final int[] nanos;
  /** The values of the events that have one, in event order. */
  final double[] values;
  /** Per contact, the number of values of it and every contact before it; null if none. */
  final int[] valueEnds;

  private ContactTable(Builder b) {
    size = b.size;
    epochSecond = b.epochSecond;
    idBytes = trim(b.idBytes, b.idLength);
    idEnds = trim(b.idEnds, size);
    columns = new Column[b.columns.size()];
    Map<String, Column> byName = new HashMap<>();
    for (int j = 0; j < columns.length; j++) {
      columns[j] = b.columns.get(j).seal(size);
      byName.put(columns[j].name, columns[j]);
    }
    columnsByName = byName;
    typeNames = b.typeNames.toArray(new String[0]);
    int events = b.eventStart[size];
    eventStart = trim(b.eventStart, size + 1);
    types = b.types.length == events ? b.types : Arrays.copyOf(b.types, events);
    seconds = trim(b.seconds, events);
    nanos = b.nanos == null ? null : trim(b.nanos, events);
    values = b.values.length == b.valueCount ? b.values : Arrays.copyOf(b.values, b.valueCount);
    valueEnds = b.valueEnds == null ? null : trim(b.valueEnds, size);
  }

  /** The array itself when it has the length, else a trimmed copy. */
  private static int[] trim(int[] a, int length) {
    return a.length == length ? a : Arrays.copyOf(a, length);
  }

  private static byte[] trim(byte[] a, int length) {
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
   * @throws IllegalArgumentException if an event instant is out of range (see the class
   *     comment) or the contacts use more than 32,768 event types
   */
  public static ContactTable of(Collection<Contact> contacts) {
    Builder b = builder().expectedContacts(contacts.size());
    contacts.forEach(b::add);
    return b.build();
  }

  /**
   * Builds a table from NDJSON, one contact per line in the JSON form of SPEC section 1,
   * with the default epoch. The stream is read to its end but not closed.
   *
   * @param in UTF-8 (or UTF-16/32, detected) NDJSON
   * @return the table
   * @throws IllegalArgumentException naming the line and the field when a line is not a
   *     valid contact
   * @throws UncheckedIOException if reading fails
   */
  public static ContactTable fromNdjson(InputStream in) {
    return builder().addNdjson(in).build();
  }

  /** Returns the number of contacts. */
  public int size() {
    return size;
  }

  /** Returns the number of events of all contacts. */
  public long eventCount() {
    return eventStart[size];
  }

  /** Returns the epoch event times are stored relative to. */
  public Instant epoch() {
    return Instant.ofEpochSecond(epochSecond);
  }

  /** Returns the attribute names (column names), in order of first appearance. */
  public List<String> attributeNames() {
    List<String> names = new ArrayList<>(columns.length);
    for (Column c : columns) {
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
    Column c = columnsByName.get(name);
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
    return new String(idBytes, from, idEnds[index] - from, StandardCharsets.UTF_8);
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
    Column c = columnsByName.get(name);
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
   * order aside: attributes come in column order).
   *
   * @param index the contact index, {@code 0 <= index < size()}
   * @return the contact
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public Contact contact(int index) {
    Contact.Builder b = Contact.builder(id(index));
    for (Column c : columns) {
      int code = c.code(index);
      if (code != 0) {
        b.attribute(c.name, c.dictionary[code - 1]);
      }
    }
    int vi = index == 0 || valueEnds == null ? 0 : valueEnds[index - 1];
    for (int i = eventStart[index]; i < eventStart[index + 1]; i++) {
      int t = types[i];
      Instant at = Instant.ofEpochSecond(epochSecond + seconds[i], nanos == null ? 0 : nanos[i]);
      String type = typeNames[t & ~VALUE_FLAG];
      b.event((t & VALUE_FLAG) != 0 ? Event.of(type, at, values[vi++]) : Event.of(type, at));
    }
    return b.build();
  }

  /**
   * Returns the bytes held by the table's arrays (array headers and the dictionaries'
   * value objects left out): the figure the class comment explains.
   *
   * @return the size in bytes
   */
  public long memoryBytes() {
    long bytes = idBytes.length + 4L * idEnds.length + 4L * eventStart.length
        + 2L * types.length + 4L * seconds.length + 8L * values.length;
    if (nanos != null) {
      bytes += 4L * nanos.length;
    }
    if (valueEnds != null) {
      bytes += 4L * valueEnds.length;
    }
    for (Column c : columns) {
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
  Column column(String name) {
    return columnsByName.get(name);
  }

  /**
   * One dictionary-encoded attribute column: exactly one of the code arrays is set.
   * Immutable once sealed.
   */
  static final class Column {
    final String name;
    final Object[] dictionary;
    final byte[] bytes;
    final char[] chars;
    final int[] ints;

    Column(String name, Object[] dictionary, byte[] bytes, char[] chars, int[] ints) {
      this.name = name;
      this.dictionary = dictionary;
      this.bytes = bytes;
      this.chars = chars;
      this.ints = ints;
    }

    /** The code of a contact's value: 0 when absent, else 1 + its dictionary index. */
    int code(int contact) {
      if (bytes != null) {
        return bytes[contact] & 0xFF;
      }
      if (chars != null) {
        return chars[contact];
      }
      return ints[contact];
    }

    long bytes() {
      return bytes != null ? bytes.length : chars != null ? 2L * chars.length
          : 4L * ints.length;
    }
  }

  /** A column while a table is being built: codes widen as the dictionary grows. */
  private static final class ColumnBuilder {
    final String name;
    final Map<Object, Integer> codes = new HashMap<>();
    final List<Object> dictionary = new ArrayList<>();
    byte[] bytes;
    char[] chars;
    int[] ints;

    ColumnBuilder(String name, int capacity) {
      this.name = name;
      this.bytes = new byte[capacity];
    }

    void set(int contact, Object value) {
      Integer code = codes.get(value);
      if (code == null) {
        dictionary.add(value);
        code = dictionary.size();
        codes.put(value, code);
        widen(code);
      }
      if (bytes != null) {
        bytes[contact] = (byte) (int) code;
      } else if (chars != null) {
        chars[contact] = (char) (int) code;
      } else {
        ints[contact] = code;
      }
    }

    private void widen(int code) {
      if (bytes != null && code > 0xFF) {
        chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
          chars[i] = (char) (bytes[i] & 0xFF);
        }
        bytes = null;
      } else if (chars != null && code > 0xFFFF) {
        ints = new int[chars.length];
        for (int i = 0; i < chars.length; i++) {
          ints[i] = chars[i];
        }
        chars = null;
      }
    }

    void clear(int contact) {
      if (bytes != null) {
        bytes[contact] = 0;
      } else if (chars != null) {
        chars[contact] = 0;
      } else {
        ints[contact] = 0;
      }
    }

    void grow(int capacity) {
      if (bytes != null) {
        bytes = Arrays.copyOf(bytes, capacity);
      } else if (chars != null) {
        chars = Arrays.copyOf(chars, capacity);
      } else {
        ints = Arrays.copyOf(ints, capacity);
      }
    }

    Column seal(int size) {
      return new Column(name, dictionary.toArray(),
          bytes == null ? null : trim(bytes, size),
          chars == null ? null : chars.length == size ? chars : Arrays.copyOf(chars, size),
          ints == null ? null : trim(ints, size));
    }
  }

  /**
   * Appends contacts to a new table: from {@link Contact} objects, from NDJSON, one at a
   * time. Arrays grow by half as needed; {@link #expectedContacts} and
   * {@link #expectedEvents} size them up front, so that a table of known size is built
   * without copies (its largest array is otherwise copied once more by {@link #build()} to
   * trim it). Not thread-safe.
   */
  public static final class Builder {
    private long epochSecond = DEFAULT_EPOCH.getEpochSecond();
    private int size;
    private byte[] idBytes = new byte[256];
    private int idLength;
    private int[] idEnds = new int[16];
    private final List<ColumnBuilder> columns = new ArrayList<>();
    private final Map<String, ColumnBuilder> columnsByName = new HashMap<>();
    private final Map<String, Integer> typeCodes = new HashMap<>();
    private final List<String> typeNames = new ArrayList<>();
    private int[] eventStart = new int[17];
    private char[] types = new char[64];
    private int[] seconds = new int[64];
    private int[] nanos;
    private double[] values = new double[0];
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

    private Builder() {}

    /**
     * Sets the epoch event seconds are stored relative to (default {@link #DEFAULT_EPOCH}).
     * Events must lie within {@code 2^31} seconds of it.
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

    /** Returns the number of contacts added so far. */
    public int size() {
      return size;
    }

    /**
     * Appends a contact.
     *
     * @param contact the contact
     * @return this builder
     * @throws IllegalArgumentException if an event instant is out of range or the table
     *     would hold more than 32,768 event types
     */
    public Builder add(Contact contact) {
      beginRow();
      try {
        rowId(contact.id());
        for (Map.Entry<String, Object> a : contact.attributes().entrySet()) {
          setAttribute(a.getKey(), a.getValue());
        }
        List<Event> events = contact.events();
        for (int i = 0; i < events.size(); i++) {
          Event e = events.get(i);
          addEvent(e.type(), e.at(), e.value().isPresent(),
              e.value().isPresent() ? e.value().getAsDouble() : 0.0, "events[" + i + "]");
        }
        endRow();
      } catch (RuntimeException e) {
        abortRow();
        throw e;
      }
      return this;
    }

    /**
     * Appends every contact of an NDJSON stream (SPEC section 1: one JSON object a line with
     * {@code id}, optional {@code attributes} and {@code events}; blank lines are skipped).
     * Memory beyond the table's own arrays stays constant: the stream is parsed token by
     * token, never into objects. The stream is read to its end but not closed. On an error,
     * the contacts of the lines before it stay added.
     *
     * @param in UTF-8 (or UTF-16/32, detected) NDJSON
     * @return this builder
     * @throws IllegalArgumentException naming the line and the field when a line is not a
     *     valid contact
     * @throws UncheckedIOException if reading fails
     */
    public Builder addNdjson(InputStream in) {
      try (NdjsonContacts reader = NdjsonContacts.open(in, this)) {
        reader.readAll();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /**
     * Appends every contact of NDJSON text, as {@link #addNdjson(InputStream)} does.
     *
     * @param in NDJSON characters; read to the end, not closed
     * @return this builder
     * @throws IllegalArgumentException naming the line and the field when a line is not a
     *     valid contact
     * @throws UncheckedIOException if reading fails
     */
    public Builder addNdjson(Reader in) {
      try (NdjsonContacts reader = NdjsonContacts.open(in, this)) {
        reader.readAll();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    /**
     * Builds the table and leaves this builder empty (with the same epoch), ready for a new
     * one.
     *
     * @return the table
     */
    public ContactTable build() {
      ContactTable table = new ContactTable(this);
      long epoch = epochSecond;
      Builder fresh = new Builder();
      size = 0;
      idBytes = fresh.idBytes;
      idLength = 0;
      idEnds = fresh.idEnds;
      columns.clear();
      columnsByName.clear();
      typeCodes.clear();
      typeNames.clear();
      eventStart = fresh.eventStart;
      types = fresh.types;
      seconds = fresh.seconds;
      nanos = null;
      values = fresh.values;
      valueCount = 0;
      valueEnds = null;
      epochSecond = epoch;
      return table;
    }

    // ---- rows, shared by add(Contact) and the NDJSON reader

    /** Starts a row; its id is set with {@link #rowId(String)} before {@link #endRow()}. */
    void beginRow() {
      rowId = null;
      rowEvents = 0;
      if (size == idEnds.length) {
        resizeContacts(grown(idEnds.length, size + 1));
      }
    }

    void rowId(String id) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(
            "contact id must be a non-blank string, but was " + Values.describe(id));
      }
      rowId = id;
    }

    /** Whether the current row has its id. */
    boolean hasRowId() {
      return rowId != null;
    }

    /** Forgets the current row, clearing the attributes it set. */
    void abortRow() {
      for (ColumnBuilder c : columns) {
        c.clear(size);
      }
      rowId = null;
      rowEvents = 0;
    }

    /** Names the current row in an error message. */
    private String row() {
      return rowId == null ? "contact" : "contact " + Values.describe(rowId);
    }

    /** Sets an attribute of the current row; the value is normalised and not null. */
    void setAttribute(String name, Object value) {
      ColumnBuilder c = columnsByName.get(name);
      if (c == null) {
        c = new ColumnBuilder(name, idEnds.length);
        columns.add(c);
        columnsByName.put(name, c);
      }
      c.set(size, value);
    }

    void addEvent(String type, Instant at, boolean hasValue, double value, String where) {
      addEvent(type, at.getEpochSecond(), at.getNano(), hasValue, value, where);
    }

    void addEvent(String type, long second, int nano, boolean hasValue, double value,
        String where) {
      long relative = second - epochSecond;
      if (relative != (int) relative) {
        Instant at = Instant.ofEpochSecond(second, nano);
        throw new IllegalArgumentException(row() + " " + where
            + ".at must be within 2^31 seconds of the table epoch "
            + Instant.ofEpochSecond(epochSecond) + " (from "
            + Instant.ofEpochSecond(epochSecond + Integer.MIN_VALUE) + " to "
            + Instant.ofEpochSecond(epochSecond + Integer.MAX_VALUE) + "), but was " + at);
      }
      Integer code = typeCodes.get(type);
      if (code == null) {
        if (typeNames.size() == MAX_EVENT_TYPES) {
          throw new IllegalArgumentException(row() + " "
              + where + ".type must be one of at most " + MAX_EVENT_TYPES
              + " distinct event types in a table, but was a new one: " + Values.describe(type));
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
      rowSecond[n] = relative;
      rowNano[n] = nano;
      rowHasValue[n] = hasValue;
      rowValue[n] = value;
      rowEvents = n + 1;
    }

    void endRow() {
      if (rowId == null) {
        throw new IllegalArgumentException("contact id must be a non-blank string, but was "
            + "missing");
      }
      int n = rowEvents;
      byte[] id = rowId.getBytes(StandardCharsets.UTF_8);
      if (idBytes.length - idLength < id.length) {
        idBytes = Arrays.copyOf(idBytes, grown(idBytes.length, idLength + id.length));
      }
      System.arraycopy(id, 0, idBytes, idLength, id.length);
      idLength += id.length;
      idEnds[size] = idLength;

      int from = eventStart[size];
      if ((long) from + n > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("a table must hold fewer than 2^31 - 16 events, but "
            + "contact " + Values.describe(rowId) + " would bring it to " + ((long) from + n));
      }
      if (from + n > types.length) {
        resizeEvents(grown(types.length, from + n));
      }
      boolean sorted = true;
      for (int i = 1; i < n && sorted; i++) {
        sorted = before(i - 1, i) || !before(i, i - 1);
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
        seconds[at] = (int) rowSecond[i];
        if (rowNano[i] != 0 && nanos == null) {
          nanos = new int[seconds.length];
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
      for (ColumnBuilder c : columns) {
        c.grow(capacity);
      }
    }

    private void resizeEvents(int capacity) {
      types = Arrays.copyOf(types, capacity);
      seconds = Arrays.copyOf(seconds, capacity);
      if (nanos != null) {
        nanos = Arrays.copyOf(nanos, capacity);
      }
    }

    /** A capacity at least {@code needed}, half again as large as {@code current}. */
    private static int grown(int current, int needed) {
      long grown = Math.max((long) needed, current + (current >> 1) + 16L);
      return (int) Math.min(grown, Integer.MAX_VALUE - 16);
    }
  }
}
