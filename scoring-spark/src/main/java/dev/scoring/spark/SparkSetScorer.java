package dev.scoring.spark;

import dev.scoring.core.ModelSet;
import dev.scoring.core.json.ModelSetJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores the contacts of a Spark {@code Dataset<Row>} under every table of a {@link ModelSet}
 * (SPEC section 11) in one pass: each row is read once (its attributes and events into
 * reused primitive arrays) and scored by every table. Adds one struct column per table, named
 * after the table, of type
 * {@code struct<score: double, raw: double, fit: double, engagement: double, tier: string>},
 * then one {@code error} column, and optionally the set's {@code fingerprint}:
 *
 * <pre>{@code
 * SparkSetScorer scorer = SparkSetScorer.of(ModelSetJson.read(Path.of("acme.json")));
 * Dataset<Row> scored = scorer.scoreNested(contacts, asOf);
 * scored.select("id", "crm.score", "crm.tier", "analytics.score");
 * }</pre>
 *
 * <p>Each table's struct is bit-identical to what {@link SparkScorer#of} that table alone
 * gives, and so to {@link ModelSet#score(dev.scoring.api.Contact, Instant)}. The layouts,
 * column names, timestamps and bad rows are those of {@link SparkScorer}; a row the Java
 * contact reader refuses has null table structs and the reader's message in {@code error}.
 * A table column whose name is taken by an input column, or a table named {@code error} (or
 * {@code fingerprint} when that column is added), is refused at once.
 *
 * <p>Instances are immutable and thread-safe; they are used on the driver only.
 */
public final class SparkSetScorer {
  private final SparkScorer scorer;

  private SparkSetScorer(SparkScorer scorer) {
    this.scorer = scorer;
  }

  /**
   * Returns a scorer for a set, with the default column names ({@code id}, {@code events},
   * {@code attributes}) and no fingerprint column.
   *
   * @param set the model set
   * @return the scorer
   * @throws NullPointerException if {@code set} is null
   */
  public static SparkSetScorer of(ModelSet set) {
    return new SparkSetScorer(SparkScorer.perTable(set));
  }

  /**
   * Returns a scorer for a model set file, or a single table file as a set of one.
   *
   * @param setFile the file
   * @return the scorer
   * @throws IOException if the file cannot be read
   * @throws dev.scoring.api.ModelException if it is not a valid set or table
   */
  public static SparkSetScorer of(Path setFile) throws IOException {
    return of(ModelSetJson.read(setFile));
  }

  /**
   * Returns the set.
   *
   * @return the set
   */
  public ModelSet set() {
    return scorer.set();
  }

  /**
   * Returns the names of the columns this scorer adds, in order: the tables' names, then
   * {@code error}, then {@code fingerprint} when asked for.
   *
   * @return the column names, unmodifiable
   */
  public List<String> addedColumns() {
    return List.copyOf(scorer.addedColumns());
  }

  /**
   * Returns a copy that reads the contact id from another column.
   *
   * @param name the column name
   * @return the new scorer
   * @throws IllegalArgumentException if the name is null or blank
   */
  public SparkSetScorer idColumn(String name) {
    return new SparkSetScorer(scorer.idColumn(name));
  }

  /**
   * Returns a copy that reads the nested events from another column.
   *
   * @param name the column name
   * @return the new scorer
   * @throws IllegalArgumentException if the name is null or blank
   */
  public SparkSetScorer eventsColumn(String name) {
    return new SparkSetScorer(scorer.eventsColumn(name));
  }

  /**
   * Returns a copy that reads the attributes from another map or struct column (when the
   * Dataset has no column of that name, the attributes are its other top-level columns).
   *
   * @param name the column name
   * @return the new scorer
   * @throws IllegalArgumentException if the name is null or blank
   */
  public SparkSetScorer attributesColumn(String name) {
    return new SparkSetScorer(scorer.attributesColumn(name));
  }

  /**
   * Returns a copy that also adds the column {@code fingerprint}: the set's
   * {@link ModelSet#fingerprint()}.
   *
   * @param add whether to add it
   * @return the new scorer
   */
  public SparkSetScorer withFingerprint(boolean add) {
    return new SparkSetScorer(scorer.withFingerprint(add));
  }

  /**
   * Scores a Dataset in the nested layout ({@link SparkScorer#scoreNested}).
   *
   * @param contacts one row per contact
   * @param asOf     the instant to score as of
   * @return {@code contacts} with one struct column per table and {@code error} added
   * @throws IllegalArgumentException naming the column when the schema does not fit the
   *     layout or an added column's name is taken
   * @throws NullPointerException if an argument is null
   */
  public Dataset<Row> scoreNested(Dataset<Row> contacts, Instant asOf) {
    return scorer.scoreNested(Objects.requireNonNull(contacts, "contacts"), asOf);
  }

  /**
   * Scores a Dataset in the long layout ({@link SparkScorer#scoreLong}).
   *
   * @param contacts one row per contact, with no events column
   * @param events   one row per event: {@code contact_id}, {@code type}, {@code at},
   *                 optional {@code value}
   * @param asOf     the instant to score as of
   * @return {@code contacts} with one struct column per table and {@code error} added
   * @throws IllegalArgumentException naming the column when a schema does not fit the layout
   *     or an added column's name is taken
   * @throws NullPointerException if an argument is null
   */
  public Dataset<Row> scoreLong(Dataset<Row> contacts, Dataset<Row> events, Instant asOf) {
    return scorer.scoreLong(Objects.requireNonNull(contacts, "contacts"),
        Objects.requireNonNull(events, "events"), asOf);
  }
}
