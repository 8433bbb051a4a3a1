package dev.scoring.core;

import dev.scoring.api.Values;
import dev.scoring.api.internal.Attributes;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.ContactJsonException;
import dev.scoring.core.json.ContactSink;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Account records (SPEC section 12): each account's own attributes, by account id. Read from
 * NDJSON, one <code>{"id": ..., "attributes": {...}}</code> per line, with the contact
 * reader (so attribute values and errors follow section 1 exactly), except that an id is any
 * non-empty string: <code>" "</code> is an account id (no contact's key names it, since a
 * blank key gives no account, so such an account has no members), <code>""</code> is
 * refused. A line with events or a repeated id is refused.
 *
 * <p>Immutable and thread-safe.
 */
public final class AccountRecords {
  private static final AccountRecords EMPTY = new AccountRecords(Map.of());

  private final Map<String, Map<String, Object>> byId;

  private AccountRecords(Map<String, Map<String, Object>> byId) {
    this.byId = byId;
  }

  /**
   * Returns no records: every account then has no attributes.
   *
   * @return the empty records
   */
  public static AccountRecords empty() {
    return EMPTY;
  }

  /**
   * Returns records from a map.
   *
   * @param records account id (any non-empty string) to attributes (values as in SPEC
   *                section 1; null values mean absent, a null map no attributes)
   * @return the records
   * @throws IllegalArgumentException if an id is null or empty, or an attribute is refused,
   *     naming the account and the value
   * @throws NullPointerException if {@code records} is null
   */
  public static AccountRecords of(Map<String, ? extends Map<String, ?>> records) {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends Map<String, ?>> e : records.entrySet()) {
      String id = e.getKey();
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("account record id must be a non-empty string, but"
            + " was " + Values.describe(id));
      }
      Map<String, Object> attributes = normalized(id, e.getValue());
      m.put(id, attributes.isEmpty() ? Map.of()
          : Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
    }
    return new AccountRecords(Collections.unmodifiableMap(m));
  }

  /**
   * An account's attributes in their stored form (as {@link dev.scoring.api.Contact} keeps a
   * contact's): names non-blank, whole numbers as {@code Long}, other numbers as
   * {@code Double}, nulls left out. The one check of account attributes given as a map. A map
   * already in that form (the attributes of a record, for instance) is returned itself, so
   * checking it allocates nothing.
   *
   * @param accountId  the account, for messages
   * @param attributes the attributes, or null for none
   * @return the map in stored form; not to be modified
   * @throws IllegalArgumentException if a name is blank or a value is not allowed
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> normalized(String accountId, Map<String, ?> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return Map.of();
    }
    boolean stored = true;
    for (Map.Entry<String, ?> a : attributes.entrySet()) {
      String name = a.getKey();
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("account " + Values.describe(accountId)
            + " attribute name must be a non-blank string, but was " + Values.describe(name));
      }
      Object v = a.getValue();
      stored &= v instanceof String || v instanceof Boolean || v instanceof Long
          || v instanceof Double d && Double.isFinite(d);
    }
    if (stored) {
      return (Map<String, Object>) attributes;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, ?> a : attributes.entrySet()) {
      Object value = Attributes.normalize(a.getKey(), a.getValue());
      if (value != null) {
        m.put(a.getKey(), value);
      }
    }
    return m;
  }

  /**
   * Reads records from NDJSON, failing at the first bad line; blank lines are skipped. The
   * reader is closed.
   *
   * @param in the lines
   * @return the records
   * @throws ContactJsonException at the first bad line (with its number): not a valid
   *     record (an empty id, for instance), events present, or an id seen on an earlier line
   * @throws UncheckedIOException if reading fails
   */
  public static AccountRecords fromNdjson(Reader in) {
    Objects.requireNonNull(in, "in");
    RecordSink sink = new RecordSink();
    try (in) {
      ContactJson.defaults().readInto(in, sink, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AccountRecords(Collections.unmodifiableMap(sink.records));
  }

  /**
   * Reads one record from a JSON document (which may span lines), as
   * {@link #fromNdjson(Reader)} reads a line: for a stream of records, one message each.
   *
   * @param json one <code>{"id": ..., "attributes": {...}}</code> object
   * @return the records of that one account ({@link #ids()} holds its id)
   * @throws ContactJsonException if it is not a valid record (an empty id, events present;
   *     line number 0)
   */
  public static AccountRecords fromJson(String json) {
    RecordSink sink = new RecordSink();
    ContactJson.defaults().read(json, sink);
    return new AccountRecords(Collections.unmodifiableMap(sink.records));
  }

  /**
   * Takes the contact reader's lines as account records: ids need only be non-empty, events
   * and repeated ids are refused at once (the reader then names the line and the path).
   */
  private static final class RecordSink implements ContactSink {
    final Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    private final Map<String, Long> lines = new HashMap<>();
    private long line;
    private String id;
    private Map<String, Object> attributes;

    @Override
    public boolean takesBlankIds() {
      return true;
    }

    @Override
    public void begin(long line) {
      this.line = line;
      id = null;
      attributes = new LinkedHashMap<>();
    }

    @Override
    public void id(String id) {
      Long first = lines.get(id);
      if (first != null) {
        throw new IllegalArgumentException("must be unique among account records, but was "
            + Values.describe(id) + ", first on line " + first);
      }
      this.id = id;
    }

    @Override
    public void attribute(String name, String value) {
      attributes.put(name, value);
    }

    @Override
    public void attribute(String name, long value) {
      attributes.put(name, value);
    }

    @Override
    public void attribute(String name, double value) {
      attributes.put(name, value);
    }

    @Override
    public void attribute(String name, boolean value) {
      attributes.put(name, value);
    }

    @Override
    public void event(String type, long epochSecond, int nano, boolean hasValue,
        double value) {
      throw new IllegalArgumentException("must be absent from an account record (accounts"
          + " have no events), but was an event of type " + Values.describe(type));
    }

    @Override
    public void end() {
      lines.put(id, line);
      records.put(id, attributes.isEmpty() ? Map.of()
          : Collections.unmodifiableMap(attributes));
    }

    @Override
    public void abort() {
      id = null;
      attributes = null;
    }
  }

  /**
   * Returns the number of records.
   *
   * @return the count
   */
  public int size() {
    return byId.size();
  }

  /**
   * Returns the attributes of an account.
   *
   * @param id the account id
   * @return its attributes, or null when it has no record
   */
  public Map<String, Object> attributes(String id) {
    return byId.get(id);
  }

  /**
   * Returns the account ids of the records, in input order.
   *
   * @return an unmodifiable set
   */
  public java.util.Set<String> ids() {
    return Collections.unmodifiableSet(byId.keySet());
  }
}
