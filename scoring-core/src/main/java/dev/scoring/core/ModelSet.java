package dev.scoring.core;

import dev.scoring.api.Contact;
import dev.scoring.api.ModelException;
import dev.scoring.api.Score;
import dev.scoring.core.json.CanonicalJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named, versioned list of scoring tables with distinct names, scored on the same contact
 * and {@code asOf} (SPEC section 11): one score per product line, one file, one fingerprint.
 *
 * <p>Each table's score is exactly what that table alone gives. A single table is a set of one
 * ({@link #of(ScoringTable)}), named and versioned as that table; its canonical JSON is the
 * table's. Every set's {@link #fingerprint()}, a set of one included, is the SHA-256 of the
 * RFC 8785 form of its canonical JSON; the scores of a set of one still carry the table's own
 * {@link ScoringTable#fingerprint()}, as they do when the table is scored alone.
 *
 * <pre>{@code
 * ModelSet set = ModelSet.builder("acme").version("4").add(crm).add(analytics).build();
 * Map<String, Score> scores = set.score(contact, asOf);   // "crm" -> ..., "analytics" -> ...
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ModelSet {
  private final String name;
  private final String version;
  private final List<ScoringTable> tables;
  private final Map<String, ScoringTable> byName;
  private volatile String canonicalJson;
  private volatile String fingerprint;

  private ModelSet(String name, String version, List<ScoringTable> tables) {
    this.name = name;
    this.version = version;
    this.tables = List.copyOf(tables);
    Map<String, ScoringTable> m = new LinkedHashMap<>();
    for (ScoringTable t : tables) {
      m.put(t.name(), t);
    }
    this.byName = Collections.unmodifiableMap(m);
  }

  /**
   * Starts a set.
   *
   * @param name the set's name, non-blank
   * @return a builder with version {@code "1"} and no tables
   * @throws ModelException if the name is blank
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns the set of one table, named and versioned as that table.
   *
   * @param table the table
   * @return the set
   * @throws NullPointerException if {@code table} is null
   */
  public static ModelSet of(ScoringTable table) {
    Objects.requireNonNull(table, "table");
    return new ModelSet(table.name(), table.version(), List.of(table));
  }

  /**
   * Returns the set's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the set's version label.
   *
   * @return the version
   */
  public String version() {
    return version;
  }

  /**
   * Returns the tables in set order.
   *
   * @return an unmodifiable list of at least one table
   */
  public List<ScoringTable> tables() {
    return tables;
  }

  /**
   * Returns the table of a name.
   *
   * @param tableName a table's name
   * @return the table
   * @throws IllegalArgumentException if no table has that name
   */
  public ScoringTable table(String tableName) {
    ScoringTable t = byName.get(tableName);
    if (t == null) {
      throw new IllegalArgumentException("tableName must name a table of set " + name + " ("
          + String.join(", ", byName.keySet()) + "), but was " + tableName);
    }
    return t;
  }

  /**
   * Scores one contact under every table. The contact's events were sorted once when it was
   * made ({@link Contact}); every table walks that same list.
   *
   * @param contact the contact
   * @param asOf    the instant to score as of
   * @return table name to score, in set order; each exactly the table's own score
   * @throws NullPointerException if an argument is null
   */
  public Map<String, Score> score(Contact contact, Instant asOf) {
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(asOf, "asOf");
    Map<String, Score> out = new LinkedHashMap<>();
    for (ScoringTable t : tables) {
      out.put(t.name(), t.score(contact, asOf));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Scores every contact of a table under every table of the set in one pass: the contacts
   * are cut into one range per thread, and each range is read in blocks that every table
   * scores while the block is in cache. Each table's columns equal
   * {@code BatchScorer.of(table).score(contacts, asOf, threads)} bit for bit.
   *
   * @param contacts the contacts
   * @param asOf     the instant to score as of
   * @param threads  at least 1
   * @return table name to its scores, in set order
   * @throws IllegalArgumentException if {@code threads < 1}
   * @throws NullPointerException if an argument is null
   */
  public Map<String, BatchScores> scoreBatch(ContactTable contacts, Instant asOf, int threads) {
    List<BatchScorer> scorers = new ArrayList<>(tables.size());
    BatchScores[] outs = new BatchScores[tables.size()];
    for (int t = 0; t < tables.size(); t++) {
      scorers.add(BatchScorer.of(tables.get(t)));
      outs[t] = new BatchScores(contacts.size());
    }
    BatchScorer.scoreSet(scorers, contacts, asOf, threads, outs);
    Map<String, BatchScores> out = new LinkedHashMap<>();
    for (int t = 0; t < tables.size(); t++) {
      out.put(tables.get(t).name(), outs[t]);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns the canonical JSON of the set: the table's own {@link ScoringTable#toJson()} for a
   * set of one table named and versioned as that table, otherwise
   * <code>{"name": ..., "version": ..., "tables": [...]}</code> with each table in its
   * canonical form, defaults left out.
   *
   * @return the canonical text, ending in a line break
   */
  public String toJson() {
    String json = canonicalJson;
    if (json == null) {
      json = CanonicalJson.write(this);
      canonicalJson = json;
    }
    return json;
  }

  /**
   * Returns the set's fingerprint (SPEC section 11): the SHA-256, in lower-case hex, of the
   * UTF-8 bytes of the RFC 8785 (JSON Canonicalization Scheme) form of its canonical content
   * ({@link CanonicalJson#jcs(ModelSet)}: the content of {@link #toJson()}, defaults left out
   * as there, members sorted, no whitespace, numbers as ECMAScript writes them). It does not
   * depend on the key order, whitespace or number spelling of the file the set was read
   * from, and any change to a table, a name or a version changes it.
   *
   * <p>A set of one table named and versioned as that table (a single table file) has the
   * table's canonical JSON, so its fingerprint is the SHA-256 of the RFC 8785 form of the
   * table's JSON. That differs from {@link ScoringTable#fingerprint()} (the SHA-256 of the
   * pretty-printed {@link ScoringTable#toJson()}, which score lines carry): the set's
   * fingerprint names the set, the table's names the table that made a score.
   *
   * @return 64 lower-case hex digits
   */
  public String fingerprint() {
    String f = fingerprint;
    if (f == null) {
      f = CanonicalJson.sha256(CanonicalJson.jcs(this));
      fingerprint = f;
    }
    return f;
  }


  /**
   * Two sets are equal when their canonical JSON is equal.
   *
   * @param o another object
   * @return whether {@code o} is an equal set
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ModelSet s && s.toJson().equals(toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  @Override
  public String toString() {
    return "ModelSet[" + name + " v" + version + ", tables " + byName.keySet() + "]";
  }

  /**
   * Builds a {@link ModelSet}. Not thread-safe.
   */
  public static final class Builder {
    private String name;
    private String version = "1";
    private final List<ScoringTable> tables = new ArrayList<>();
    private final java.util.Set<String> names = new java.util.HashSet<>();

    private Builder(String name) {
      name(name);
    }

    /**
     * Sets the set's name.
     *
     * @param name non-blank
     * @return this builder
     * @throws ModelException if the name is blank
     */
    public Builder name(String name) {
      this.name = nonBlank("name", name);
      return this;
    }

    /**
     * Sets the version label (default {@code "1"}).
     *
     * @param version non-blank
     * @return this builder
     * @throws ModelException if the version is blank
     */
    public Builder version(String version) {
      this.version = nonBlank("version", version);
      return this;
    }

    /**
     * Adds a table after those added so far.
     *
     * @param table a table whose name no table of the set has yet
     * @return this builder
     * @throws ModelException if a table of that name was added already
     * @throws NullPointerException if {@code table} is null
     */
    public Builder add(ScoringTable table) {
      Objects.requireNonNull(table, "table");
      String path = "tables[" + tables.size() + "].name";
      if (!names.add(table.name())) {
        throw new ModelException(path, path + " must differ from the names of the other "
            + "tables, but was " + dev.scoring.api.Values.describe(table.name())
            + ", repeated");
      }
      tables.add(table);
      return this;
    }

    /**
     * Builds the set.
     *
     * @return the set
     * @throws ModelException if no table was added
     */
    public ModelSet build() {
      if (tables.isEmpty()) {
        throw new ModelException("tables", "tables must hold at least one table, but was empty");
      }
      return new ModelSet(name, version, tables);
    }

    private static String nonBlank(String field, String value) {
      if (value == null || value.isBlank()) {
        throw new ModelException(field, field + " must be a non-blank string, but was "
            + (value == null ? "null" : dev.scoring.api.Values.describe(value)));
      }
      return value;
    }
  }
}
