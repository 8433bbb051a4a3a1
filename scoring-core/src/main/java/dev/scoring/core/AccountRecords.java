package dev.scoring.core;

import dev.scoring.api.Contact;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.ContactJsonException;
import dev.scoring.core.json.ContactLines;
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
 * reader (so ids, attribute values and errors follow section 1 exactly: an id must be
 * non-blank); a line with events or a repeated id is refused.
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
   * @param records account id (non-blank) to attributes (values as in SPEC section 1; null
   *                values mean absent)
   * @return the records
   * @throws IllegalArgumentException if an id or attribute is refused, with its place
   * @throws NullPointerException if {@code records} is null
   */
  public static AccountRecords of(Map<String, ? extends Map<String, ?>> records) {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends Map<String, ?>> e : records.entrySet()) {
      Contact c = Contact.builder(e.getKey())
          .attributes(e.getValue() == null ? Map.of() : e.getValue()).build();
      m.put(c.id(), c.attributes());
    }
    return new AccountRecords(Collections.unmodifiableMap(m));
  }

  /**
   * Reads records from NDJSON, failing at the first bad line; blank lines are skipped. The
   * reader is closed.
   *
   * @param in the lines
   * @return the records
   * @throws ContactJsonException at the first bad line (with its number): not a valid
   *     record, events present, or an id seen on an earlier line
   * @throws UncheckedIOException if reading fails
   */
  public static AccountRecords fromNdjson(Reader in) {
    Objects.requireNonNull(in, "in");
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    Map<String, Long> lines = new HashMap<>();
    try (ContactLines records = ContactJson.defaults().lines(in)) {
      while (records.hasNext()) {
        Contact c = records.next();
        long line = records.lineNumber();
        if (!c.events().isEmpty()) {
          throw new ContactJsonException(line, "events", "events must be absent from an account"
              + " record, but had " + c.events().size());
        }
        Long first = lines.putIfAbsent(c.id(), line);
        if (first != null) {
          throw new ContactJsonException(line, "id", "id must be unique among account records,"
              + " but was " + dev.scoring.api.Values.describe(c.id()) + ", first on line "
              + first);
        }
        m.put(c.id(), c.attributes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AccountRecords(Collections.unmodifiableMap(m));
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

  /** The ids in input order. */
  Iterable<String> ids() {
    return byId.keySet();
  }
}
