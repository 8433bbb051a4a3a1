package dev.scoring.spark;

import dev.scoring.core.AccountRules;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ModelJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Scores the accounts of a Spark contacts {@code Dataset<Row>} under a table's account block
 * (SPEC section 12) with the same bits as {@link dev.scoring.core.AccountScorer}: the
 * contacts are scored ({@link SparkScorer}), grouped by their key attribute, joined with the
 * optional account records, and each account is computed by the core's one per-account
 * function, {@link AccountRules#score}, on the executors.
 *
 * <pre>{@code
 * SparkAccountScorer accounts = SparkAccountScorer.of(ModelJson.read(Path.of("b2b.json")));
 * Dataset<Row> scored = accounts.scoreNested(contacts, records, asOf);
 * scored.where("tier = 'target'").orderBy(functions.desc("score")).show();
 * }</pre>
 *
 * <h2>Inputs</h2>
 * <ul>
 *   <li>contacts: either raw ({@link #scoreNested}, {@link #scoreLong}: the layouts and column
 *       names of {@link SparkScorer}) or already scored by {@code SparkScorer.of(table)} as of
 *       the same instant ({@link #accounts}: the columns {@code id}, {@code score},
 *       {@code error} and the contacts' attributes). Rows with an {@code error} are no
 *       members.
 *   <li>the key: a contact's account is the value of the key attribute (default
 *       {@code account_id}) when it is a non-blank string ({@link AccountRules#accountOf}).
 *       It is read from the attributes map or struct, or from the top-level column of that
 *       name; a key column, map value or struct field that is not a string gives no account.
 *   <li>records (optional, {@code null} for none): one row per account, a string {@code id}
 *       column and the account's attributes as an {@code attributes} map or struct column, or,
 *       when there is no such column, as the other top-level columns.
 * </ul>
 *
 * <h2>Output</h2>
 * One row per account (those with a record and those named by a member's key), in no
 * particular order: {@code id}, {@code score}, {@code raw}, {@code fit}, {@code engagement}
 * (doubles), {@code tier} (string), {@code members} (int) and {@code error} (null for a good
 * account), then {@code explanation} if asked for ({@link #withExplanation}). An account with a record and no members has engagement 0. A record that
 * {@link dev.scoring.core.AccountRecords#of} would refuse (a null or empty id, a non-finite
 * attribute, an id on several records) gives a row with null scores and the reason in
 * {@code error}; the other accounts are not affected.
 *
 * <p>How it runs: the members of an account are gathered with {@code collect_list} of
 * {@code (contact id, score)} in one {@code groupBy}, the records grouped by id, the two
 * joined ({@code full_outer}), and one call per account sorts its members and combines them
 * (SPEC section 12 order, whatever the order Spark gathered them in). An account's members
 * are held in memory together, as in the batch.
 *
 * <p>Instances are immutable and thread-safe; they are used on the driver only.
 */
public final class SparkAccountScorer {
  /** The columns of the accounts Dataset, in order. */
  public static final List<String> ACCOUNT_COLUMNS =
      List.of("id", "score", "raw", "fit", "engagement", "tier", "members", "error");

  static final StructType RESULT = new StructType(new StructField[] {
    DataTypes.createStructField("score", DataTypes.DoubleType, true),
    DataTypes.createStructField("raw", DataTypes.DoubleType, true),
    DataTypes.createStructField("fit", DataTypes.DoubleType, true),
    DataTypes.createStructField("engagement", DataTypes.DoubleType, true),
    DataTypes.createStructField("tier", DataTypes.StringType, true),
    DataTypes.createStructField("members", DataTypes.IntegerType, true),
    DataTypes.createStructField("error", DataTypes.StringType, true)});

  /** {@link #RESULT} and the explanation's entries. */
  static final StructType EXPLAINED = RESULT.add("explanation", DataTypes.createArrayType(
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("id", DataTypes.StringType, false)
          .add("points", DataTypes.DoubleType, false), false), true);

  private final SparkScorer contacts;
  private final AccountRules rules;
  private final String idColumn;
  private final String attributesColumn;
  private final boolean explain;

  private SparkAccountScorer(SparkScorer contacts, AccountRules rules, String idColumn,
      String attributesColumn, boolean explain) {
    this.contacts = contacts;
    this.rules = rules;
    this.idColumn = idColumn;
    this.attributesColumn = attributesColumn;
    this.explain = explain;
  }

  /**
   * Returns the account scorer of a table, with the default column names ({@code id},
   * {@code events}, {@code attributes}).
   *
   * @param table a table with an {@link ScoringTable#account() account block}
   * @return the scorer
   * @throws IllegalArgumentException if the table has no account block
   * @throws NullPointerException if {@code table} is null
   */
  public static SparkAccountScorer of(ScoringTable table) {
    Objects.requireNonNull(table, "table");
    AccountRules rules = table.account().orElseThrow(() -> new IllegalArgumentException(
        "table must have an account block, but " + table.name() + " has none"));
    return new SparkAccountScorer(SparkScorer.of(table), rules, "id", "attributes", false);
  }

  /**
   * Returns the account scorer of a model file (SPEC section 7) with an account block.
   *
   * @param modelFile the model file
   * @return the scorer
   * @throws IOException if the file cannot be read
   * @throws dev.scoring.api.ModelException if it is not a valid model
   * @throws IllegalArgumentException if the table has no account block
   */
  public static SparkAccountScorer of(Path modelFile) throws IOException {
    return of(ModelJson.read(modelFile));
  }

  /**
   * Returns the table whose contact scores are combined.
   *
   * @return the table
   */
  public ScoringTable table() {
    return contacts.model();
  }

  /**
   * Returns a copy that reads the contact id (and a record's id) from another column.
   *
   * @param name the column name
   * @return the new scorer
   * @throws IllegalArgumentException if the name is null or blank
   */
  public SparkAccountScorer idColumn(String name) {
    SparkScorer c = contacts.idColumn(name);
    return new SparkAccountScorer(c, rules, name, attributesColumn, explain);
  }

  /**
   * Returns a copy that reads the contacts' nested events from another column.
   *
   * @param name the column name
   * @return the new scorer
   * @throws IllegalArgumentException if the name is null or blank
   */
  public SparkAccountScorer eventsColumn(String name) {
    return new SparkAccountScorer(contacts.eventsColumn(name), rules, idColumn,
        attributesColumn, explain);
  }

  /**
   * Returns a copy that reads the attributes (of contacts and of records) from another map or
   * struct column (when a Dataset has no column of that name, the attributes are its other
   * top-level columns).
   *
   * @param name the column name
   * @return the new scorer
   * @throws IllegalArgumentException if the name is null or blank
   */
  public SparkAccountScorer attributesColumn(String name) {
    SparkScorer c = contacts.attributesColumn(name);
    return new SparkAccountScorer(c, rules, idColumn, name, explain);
  }

  /**
   * Returns a copy that also adds the column {@code explanation}: the account's
   * {@link AccountRules#explain explanation} as
   * {@code array<struct<kind: string, id: string, points: double>>}, with {@code kind} one
   * of {@code demographic}, {@code negative}, {@code cap}, {@code member}, {@code clamp}
   * ({@link dev.scoring.core.AccountExplanation.Kind} in lower case); the points sum to the
   * score (to 1e-9). Null for an account with an {@code error}.
   *
   * @param add whether to add it
   * @return the new scorer
   */
  public SparkAccountScorer withExplanation(boolean add) {
    return new SparkAccountScorer(contacts, rules, idColumn, attributesColumn, add);
  }

  /**
   * Scores contacts in the nested layout ({@link SparkScorer#scoreNested}), then their
   * accounts.
   *
   * @param contacts one row per contact
   * @param records  one row per account record, or null for none
   * @param asOf     the instant to score as of
   * @return one row per account ({@link #ACCOUNT_COLUMNS}, and {@code explanation} if asked
   *     for)
   * @throws IllegalArgumentException naming the column when a schema does not fit
   * @throws NullPointerException if {@code contacts} or {@code asOf} is null
   */
  public Dataset<Row> scoreNested(Dataset<Row> contacts, Dataset<Row> records, Instant asOf) {
    return accounts(this.contacts.scoreNested(contacts, asOf), records, asOf);
  }

  /**
   * Scores contacts in the long layout ({@link SparkScorer#scoreLong}), then their accounts.
   *
   * @param contacts one row per contact, with no events column
   * @param events   one row per event: {@code contact_id}, {@code type}, {@code at},
   *                 optional {@code value}
   * @param records  one row per account record, or null for none
   * @param asOf     the instant to score as of
   * @return one row per account ({@link #ACCOUNT_COLUMNS}, and {@code explanation} if asked
   *     for)
   * @throws IllegalArgumentException naming the column when a schema does not fit
   * @throws NullPointerException if {@code contacts}, {@code events} or {@code asOf} is null
   */
  public Dataset<Row> scoreLong(Dataset<Row> contacts, Dataset<Row> events,
      Dataset<Row> records, Instant asOf) {
    return accounts(this.contacts.scoreLong(contacts, events, asOf), records, asOf);
  }

  /**
   * Scores the accounts of contacts already scored by {@code SparkScorer.of(table())} (with
   * this scorer's column names) as of {@code asOf}.
   *
   * @param scored  the scored contacts: the id column, {@code score}, {@code error} and the
   *                contacts' attributes
   * @param records one row per account record, or null for none
   * @param asOf    the instant the scores are as of (for the account rules)
   * @return one row per account ({@link #ACCOUNT_COLUMNS}, and {@code explanation} if asked
   *     for)
   * @throws IllegalArgumentException naming the column when a schema does not fit
   * @throws NullPointerException if {@code scored} or {@code asOf} is null
   */
  public Dataset<Row> accounts(Dataset<Row> scored, Dataset<Row> records, Instant asOf) {
    Objects.requireNonNull(scored, "scored");
    Objects.requireNonNull(asOf, "asOf");
    StructType schema = scored.schema();
    requireType(schema, idColumn, DataTypes.StringType, "scored");
    requireType(schema, "score", DataTypes.DoubleType, "scored");
    requireType(schema, "error", DataTypes.StringType, "scored");
    ScoringTable table = table();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(scored.sparkSession()
        .sparkContext());
    Broadcast<String> json = sc.broadcast(table.toJson());
    String fingerprint = table.fingerprint();

    String account = "__scoring_account";
    String members = "__scoring_members";
    String record = "__scoring_record";
    String recordList = "__scoring_records";
    Column key = functions.udf(new AccountRows.Key(json, fingerprint), DataTypes.StringType)
        .apply(keyColumn(scored));
    Dataset<Row> byAccount = scored
        .where(scored.col("error").isNull())
        .select(key.as(account), functions.struct(scored.col(idColumn).as("contact"),
            scored.col("score").as("score")).as("m"))
        .where(functions.col(account).isNotNull())
        .groupBy(account)
        .agg(functions.collect_list("m").as(members));

    String source = ContactRows.COLUMNS;
    String[] names = new String[0];
    Dataset<Row> joined;
    if (records == null) {
      joined = byAccount.select(functions.col(account).as("id"), functions.col(members),
          functions.lit(null).cast(DataTypes.createArrayType(DataTypes.createStructType(
              List.of()))).as(recordList));
    } else {
      StructType recordSchema = records.schema();
      requireType(recordSchema, idColumn, DataTypes.StringType, "records");
      List<Column> attributeCols = new ArrayList<>();
      List<String> attributeNames = new ArrayList<>();
      List<DataType> attributeTypes = new ArrayList<>();
      if (recordSchema.getFieldIndex(attributesColumn).isDefined()) {
        DataType t = recordSchema.apply(attributesColumn).dataType();
        if (!(t instanceof MapType m && m.keyType() == DataTypes.StringType)
            && !(t instanceof StructType)) {
          throw new IllegalArgumentException("records." + attributesColumn + " must be a map"
              + " with string keys or a struct, but was " + t.simpleString());
        }
        source = t instanceof MapType ? ContactRows.MAP : ContactRows.STRUCT;
        attributeCols.add(records.col(attributesColumn));
        attributeNames.add(attributesColumn);
        attributeTypes.add(t);
        names = t instanceof StructType s ? s.fieldNames() : new String[0];
      } else {
        for (StructField f : recordSchema.fields()) {
          if (!f.name().equals(idColumn)) {
            attributeCols.add(records.col(f.name()));
            attributeNames.add(f.name());
            attributeTypes.add(f.dataType());
          }
        }
        names = attributeNames.toArray(new String[0]);
      }
      ContactRows.checkAttributeTypes(source, attributeNames, attributeTypes,
          "records.");
      Dataset<Row> byRecord = records
          .select(records.col(idColumn).as(record),
              functions.struct(attributeCols.toArray(new Column[0])).as("r"))
          .groupBy(record)
          .agg(functions.collect_list("r").as(recordList));
      joined = byAccount.join(byRecord,
              byAccount.col(account).equalTo(byRecord.col(record)), "full_outer")
          .select(functions.coalesce(functions.col(account), functions.col(record)).as("id"),
              functions.col(members), functions.col(recordList));
    }
    AccountRows rows = new AccountRows(json, fingerprint, asOf, source, names, explain);
    StructType type = explain ? EXPLAINED : RESULT;
    // nondeterministic: called once per account, not once per field read from its result
    Column result = functions.udf(rows, type).asNondeterministic().apply(functions.struct(
        functions.col("id"), functions.col(members), functions.col(recordList)));
    String r = "__scoring_result";
    Dataset<Row> withResult = joined.select(functions.col("id"), result.as(r));
    List<Column> out = new ArrayList<>();
    out.add(withResult.col("id"));
    for (StructField f : type.fields()) {
      out.add(withResult.col(r).getField(f.name()).as(f.name()));
    }
    return withResult.select(out.toArray(new Column[0]));
  }

  /**
   * The contacts' key attribute as a string column, or a null literal when no contact can
   * have an account (no such attribute, or not of type string).
   */
  private Column keyColumn(Dataset<Row> scored) {
    StructType schema = scored.schema();
    String key = rules.key();
    Column none = functions.lit(null).cast(DataTypes.StringType);
    if (schema.getFieldIndex(attributesColumn).isDefined()) {
      DataType t = schema.apply(attributesColumn).dataType();
      if (t instanceof MapType m) {
        return m.keyType() == DataTypes.StringType && m.valueType() == DataTypes.StringType
            ? scored.col(attributesColumn).getItem(key) : none;
      }
      if (t instanceof StructType s) {
        return s.getFieldIndex(key).isDefined()
            && s.apply(key).dataType() == DataTypes.StringType
            ? scored.col(attributesColumn).getField(key) : none;
      }
      return none;
    }
    // the attributes are the other top-level columns: not the id, nor the columns added
    if (key.equals(idColumn) || SparkScorer.SCORE_COLUMNS.contains(key)
        || key.equals("fingerprint") || !schema.getFieldIndex(key).isDefined()
        || schema.apply(key).dataType() != DataTypes.StringType) {
      return none;
    }
    return scored.col(key);
  }

  private static void requireType(StructType schema, String name, DataType type,
      String where) {
    if (!schema.getFieldIndex(name).isDefined()) {
      throw new IllegalArgumentException(where + " must have a column " + name + ", but had "
          + String.join(", ", schema.fieldNames()));
    }
    DataType t = schema.apply(name).dataType();
    if (!t.equals(type)) {
      throw new IllegalArgumentException(where + "." + name + " must be a "
          + type.simpleString() + " column, but was " + t.simpleString());
    }
  }
}
