package dev.scoring.spark;

import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ModelJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Scores the contacts of a Spark {@code Dataset<Row>} with a {@link ScoringTable}: adds the
 * columns {@code score}, {@code raw}, {@code fit}, {@code engagement} (doubles), {@code tier}
 * and {@code error} (strings), and optionally the model's {@code fingerprint}. Every score is
 * bit-identical to {@link ScoringTable#score(dev.scoring.api.Contact, Instant)} for the same
 * contact: each task compiles the model once (sent to the executors once, as a broadcast of
 * its canonical JSON) and feeds the same kernel through {@link dev.scoring.core.ArrayScorer},
 * from primitive arrays it reuses from contact to contact.
 *
 * <pre>{@code
 * SparkScorer scorer = SparkScorer.of(ModelJson.read(Path.of("model.json")));
 * Dataset<Row> scored = scorer.scoreNested(contacts, Instant.parse("2026-11-30T00:00:00Z"));
 * Dataset<Row> scored2 = scorer.scoreLong(contacts, events, asOf);
 * }</pre>
 *
 * <h2>Layouts</h2>
 * <ul>
 *   <li>nested ({@link #scoreNested}): one row per contact with an id column (default
 *       {@code id}), an events column (default {@code events}) of type
 *       {@code array<struct<type: string, at: timestamp or string, value: number>>}
 *       ({@code value} optional) and the attributes either in a map or struct column (default
 *       name {@code attributes}) or, when there is no such column, as the other top-level
 *       columns;
 *   <li>long ({@link #scoreLong}): a contacts table as above without the events column, and an
 *       events table {@code (contact_id, type, at, value)}; events are grouped by contact
 *       inside the adapter (a contact without events scores as such; events of unknown
 *       contacts are not scored).
 * </ul>
 *
 * <p>{@code at} as a Spark timestamp is read as its exact UTC microsecond (whatever the
 * session time zone and calendar); as a string it must be an ISO-8601 instant
 * ({@link Instant#parse}), to the nanosecond.
 *
 * <h2>Bad rows</h2>
 * A row that the Java contact reader ({@link dev.scoring.core.json.ContactJson}) would refuse
 * (a null or blank id or event type, a null or unparseable instant, a non-finite value or
 * attribute, an attribute that is not a string, number or boolean) gets null scores and, in
 * {@code error}, the reader's message for the same contact, such as
 * {@code events[2].at must be an ISO-8601 instant from 0001-01-01T00:00:00Z to
 * 9999-12-31T23:59:59.999999999Z, but was "yesterday"} (in the long layout, {@code events[i]} counts the contact's events sorted by
 * type, then instant, then value). Good rows have a null {@code error}. A row is never
 * silently scored 0.
 *
 * <p>Several tables in one pass: {@link SparkSetScorer}; account scores:
 * {@link SparkAccountScorer}.
 *
 * <p>Instances are immutable and thread-safe; they are used on the driver only.
 */
public final class SparkScorer {
  /** The columns this adapter adds, in order. */
  public static final List<String> SCORE_COLUMNS =
      List.of("score", "raw", "fit", "engagement", "tier", "error");

  static final StructType RESULT = new StructType(new StructField[] {
    DataTypes.createStructField("score", DataTypes.DoubleType, true),
    DataTypes.createStructField("raw", DataTypes.DoubleType, true),
    DataTypes.createStructField("fit", DataTypes.DoubleType, true),
    DataTypes.createStructField("engagement", DataTypes.DoubleType, true),
    DataTypes.createStructField("tier", DataTypes.StringType, true),
    DataTypes.createStructField("error", DataTypes.StringType, true)});

  /** One table's scores in a set's result: {@link #RESULT} without {@code error}. */
  static final StructType TABLE_RESULT = new StructType(new StructField[] {
    DataTypes.createStructField("score", DataTypes.DoubleType, false),
    DataTypes.createStructField("raw", DataTypes.DoubleType, false),
    DataTypes.createStructField("fit", DataTypes.DoubleType, false),
    DataTypes.createStructField("engagement", DataTypes.DoubleType, false),
    DataTypes.createStructField("tier", DataTypes.StringType, false)});

  /** The set scored: a set of one for {@link #of(ScoringTable)}. */
  private final ModelSet set;
  /** Whether the result is one struct column per table ({@link SparkSetScorer}). */
  private final boolean perTable;
  private final String idColumn;
  private final String eventsColumn;
  private final String attributesColumn;
  private final boolean fingerprint;

  private SparkScorer(ModelSet set, boolean perTable, String idColumn, String eventsColumn,
      String attributesColumn, boolean fingerprint) {
    this.set = set;
    this.perTable = perTable;
    this.idColumn = idColumn;
    this.eventsColumn = eventsColumn;
    this.attributesColumn = attributesColumn;
    this.fingerprint = fingerprint;
  }

  /**
   * The fingerprint the rows carry: the table's for {@link #of(ScoringTable)} (as
   * {@code model.score} reports it), the set's for a {@link SparkSetScorer}.
   */
  private String fingerprint() {
    return perTable ? set.fingerprint() : set.tables().get(0).fingerprint();
  }

  /** The scorer behind a {@link SparkSetScorer}: one struct column per table. */
  static SparkScorer perTable(ModelSet set) {
    return new SparkScorer(Objects.requireNonNull(set, "set"), true, "id", "events",
        "attributes", false);
  }

  ModelSet set() {
    return set;
  }

  /**
   * Returns a scorer for a model, with the default column names ({@code id}, {@code events},
   * {@code attributes}) and no fingerprint column.
   *
   * @param model the scoring table
   * @return the scorer
   * @throws NullPointerException if {@code model} is null
   */
  public static SparkScorer of(ScoringTable model) {
    return new SparkScorer(ModelSet.of(Objects.requireNonNull(model, "model")), false, "id",
        "events", "attributes", false);
  }

  /**
   * Returns a scorer for a JSON model file (SPEC section 7).
   *
   * @param modelFile the model file
   * @return the scorer
   * @throws IOException if the file cannot be read
   * @throws dev.scoring.api.ModelException if it is not a valid model
   */
  public static SparkScorer of(Path modelFile) throws IOException {
    return of(ModelJson.read(modelFile));
  }

  /**
   * Returns the model.
   *
   * @return the model
   */
  public ScoringTable model() {
    return set.tables().get(0);
  }

  /**
   * Returns a copy that reads the contact id from another column.
   *
   * @param name the column name
   * @return the new scorer
   */
  public SparkScorer idColumn(String name) {
    return new SparkScorer(set, perTable, name(name, "idColumn"), eventsColumn,
        attributesColumn, fingerprint);
  }

  /**
   * Returns a copy that reads the nested events from another column.
   *
   * @param name the column name
   * @return the new scorer
   */
  public SparkScorer eventsColumn(String name) {
    return new SparkScorer(set, perTable, idColumn, name(name, "eventsColumn"),
        attributesColumn, fingerprint);
  }

  /**
   * Returns a copy that reads the attributes from another map or struct column (when the
   * Dataset has no column of that name, the attributes are its other top-level columns).
   *
   * @param name the column name
   * @return the new scorer
   */
  public SparkScorer attributesColumn(String name) {
    return new SparkScorer(set, perTable, idColumn, eventsColumn,
        name(name, "attributesColumn"), fingerprint);
  }

  /**
   * Returns a copy that also adds the column {@code fingerprint}: the model's
   * {@link ScoringTable#fingerprint()}.
   *
   * @param add whether to add it
   * @return the new scorer
   */
  public SparkScorer withFingerprint(boolean add) {
    return new SparkScorer(set, perTable, idColumn, eventsColumn, attributesColumn, add);
  }

  private static String name(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " must be a non-blank column name, but was "
          + (name == null ? "null" : "\"" + name + "\""));
    }
    return name;
  }

  /**
   * Scores a Dataset in the nested layout (see the class comment).
   *
   * @param contacts one row per contact
   * @param asOf     the instant to score as of
   * @return {@code contacts} with the score columns added
   * @throws IllegalArgumentException naming the column when the schema does not fit the
   *     layout (a missing id or events column, events of the wrong type, a score column name
   *     already taken)
   */
  public Dataset<Row> scoreNested(Dataset<Row> contacts, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    StructType schema = contacts.schema();
    checkId(schema);
    StructField events = field(schema, eventsColumn, "contacts");
    checkFree(schema);
    Column eventsMicros = eventsAsMicros(events);
    return score(contacts, eventsMicros, List.of(eventsColumn), asOf);
  }

  /**
   * Scores a Dataset in the long layout (see the class comment): contacts and their events
   * in a separate table.
   *
   * @param contacts     one row per contact, with no events column
   * @param events       one row per event: {@code contact_id}, {@code type}, {@code at},
   *                     optional {@code value}
   * @param asOf         the instant to score as of
   * @return {@code contacts} with the score columns added
   * @throws IllegalArgumentException naming the column when a schema does not fit the layout
   */
  public Dataset<Row> scoreLong(Dataset<Row> contacts, Dataset<Row> events, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    StructType schema = contacts.schema();
    checkId(schema);
    checkFree(schema);
    StructType eventSchema = events.schema();
    field(eventSchema, "contact_id", "events");
    field(eventSchema, "type", "events");
    StructField at = field(eventSchema, "at", "events");
    boolean hasValue = has(eventSchema, "value");
    String grouped = "__scoring_events";
    String atExpr = at.dataType() == DataTypes.StringType ? "`at`"
        : checkAt(at.dataType(), "events.at", "unix_micros(`at`)");
    Dataset<Row> byContact = events
        .selectExpr("`contact_id` as __scoring_contact",
            "named_struct('type', `type`, 'at', " + atExpr + ", 'value', "
                + (hasValue ? "cast(`value` as double)" : "cast(null as double)") + ") as e")
        .groupBy("__scoring_contact")
        .agg(functions.sort_array(functions.collect_list("e")).as(grouped));
    Dataset<Row> joined = contacts.join(byContact,
        contacts.col(idColumn).equalTo(byContact.col("__scoring_contact")), "left_outer")
        .drop("__scoring_contact");
    Column eventsCol = functions.coalesce(joined.col(grouped),
        functions.array().cast(joined.schema().apply(grouped).dataType()));
    return score(joined, eventsCol, List.of(grouped), asOf).drop(grouped);
  }

  /** Adds the score columns, reading events from {@code events} (type, at micros, value). */
  private Dataset<Row> score(Dataset<Row> contacts, Column events, List<String> eventColumns,
      Instant asOf) {
    StructType schema = contacts.schema();
    Set<String> skip = Set.copyOf(eventColumns);
    List<Column> attributeCols = new ArrayList<>();
    List<String> attributeNames = new ArrayList<>();
    List<DataType> attributeTypes = new ArrayList<>();
    String attributeSource;
    if (has(schema, attributesColumn)) {
      DataType t = schema.apply(attributesColumn).dataType();
      if (!(t instanceof MapType m && m.keyType() == DataTypes.StringType)
          && !(t instanceof StructType)) {
        throw new IllegalArgumentException("contacts." + attributesColumn + " must be a map"
            + " with string keys or a struct, but was " + t.simpleString());
      }
      attributeSource = t instanceof MapType ? ContactRows.MAP : ContactRows.STRUCT;
      attributeCols.add(contacts.col(attributesColumn));
      attributeNames.add(attributesColumn);
      attributeTypes.add(t);
    } else {
      attributeSource = ContactRows.COLUMNS;
      for (StructField f : schema.fields()) {
        if (!f.name().equals(idColumn) && !skip.contains(f.name())) {
          attributeCols.add(contacts.col(f.name()));
          attributeNames.add(f.name());
          attributeTypes.add(f.dataType());
        }
      }
    }
    ContactRows.checkAttributeTypes(attributeSource, attributeNames, attributeTypes);
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(contacts.sparkSession()
        .sparkContext());
    Broadcast<String> json = sc.broadcast(set.toJson());
    String[] names = switch (attributeSource) {
      case ContactRows.MAP -> new String[0];
      case ContactRows.STRUCT -> ((StructType) attributeTypes.get(0)).fieldNames();
      default -> attributeNames.toArray(new String[0]);
    };
    ContactRows rows = new ContactRows(json, fingerprint(), asOf, attributeSource, names,
        perTable);
    UserDefinedFunction udf = functions.udf(rows, resultType()).asNondeterministic();
    List<Column> args = new ArrayList<>();
    args.add(contacts.col(idColumn));
    args.add(events);
    args.addAll(attributeCols);
    String result = "__scoring_result";
    Dataset<Row> withResult = contacts.withColumn(result,
        udf.apply(functions.struct(args.toArray(new Column[0]))));
    List<Column> out = new ArrayList<>();
    for (String c : schema.fieldNames()) {
      out.add(withResult.col(c));
    }
    for (String c : addedColumns()) {
      if (!c.equals("fingerprint")) {
        out.add(withResult.col(result).getField(c).as(c));
      }
    }
    if (fingerprint) {
      out.add(functions.lit(fingerprint()).as("fingerprint"));
    }
    return withResult.select(out.toArray(new Column[0]));
  }

  /** The nested events as {@code array<struct<type, at: epoch micros or string, value>>}. */
  private static Column eventsAsMicros(StructField events) {
    if (!(events.dataType() instanceof ArrayType a)
        || !(a.elementType() instanceof StructType e)) {
      throw new IllegalArgumentException("contacts." + events.name() + " must be an array of"
          + " struct<type, at, value>, but was " + events.dataType().simpleString());
    }
    for (StructField f : e.fields()) {
      if (!Set.of("type", "at", "value").contains(f.name())) {
        throw new IllegalArgumentException("contacts." + events.name() + " must have the"
            + " fields (type, at, value), but had " + f.name());
      }
    }
    field(e, "type", "contacts." + events.name());
    StructField at = field(e, "at", "contacts." + events.name());
    String c = "`" + events.name().replace("`", "``") + "`";
    String atExpr = at.dataType() == DataTypes.StringType ? "e.at"
        : checkAt(at.dataType(), "contacts." + events.name() + ".at", "unix_micros(e.at)");
    String value = e.getFieldIndex("value").isDefined() ? "cast(e.value as double)"
        : "cast(null as double)";
    return functions.expr("transform(" + c + ", e -> named_struct('type', e.type, 'at', "
        + atExpr + ", 'value', " + value + "))");
  }

  private static String checkAt(DataType type, String where, String expr) {
    if (type != DataTypes.TimestampType) {
      throw new IllegalArgumentException(where + " must be a timestamp or an ISO-8601 string,"
          + " but was " + type.simpleString());
    }
    return expr;
  }

  private void checkId(StructType schema) {
    DataType t = field(schema, idColumn, "contacts").dataType();
    if (t != DataTypes.StringType) {
      throw new IllegalArgumentException("contacts." + idColumn + " must be a string column, but"
          + " was " + t.simpleString());
    }
  }

  private void checkFree(StructType schema) {
    List<String> added = addedColumns();
    for (int i = 0; i < added.size(); i++) {
      if (added.indexOf(added.get(i)) != i) {
        throw new IllegalArgumentException("the set's table names must differ from the other"
            + " columns added (error, fingerprint), but one was " + added.get(i));
      }
    }
    for (String c : added) {
      if (has(schema, c)) {
        throw new IllegalArgumentException("contacts must not have a column named " + c
            + " (it is added), but had one");
      }
    }
  }

  /**
   * The columns this scorer adds, in order: {@link #SCORE_COLUMNS}, or one per table of the
   * set and {@code error}; then {@code fingerprint} if asked for.
   */
  List<String> addedColumns() {
    List<String> out = new ArrayList<>();
    if (perTable) {
      for (ScoringTable t : set.tables()) {
        out.add(t.name());
      }
      out.add("error");
    } else {
      out.addAll(SCORE_COLUMNS);
    }
    if (fingerprint) {
      out.add("fingerprint");
    }
    return out;
  }

  /** The type of the UDF's result: {@link #RESULT}, or a struct per table and the error. */
  private StructType resultType() {
    if (!perTable) {
      return RESULT;
    }
    List<StructField> fields = new ArrayList<>();
    for (ScoringTable t : set.tables()) {
      fields.add(DataTypes.createStructField(t.name(), TABLE_RESULT, true));
    }
    fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }

  private static boolean has(StructType schema, String name) {
    return schema.getFieldIndex(name).isDefined();
  }

  private static StructField field(StructType schema, String name, String where) {
    if (!has(schema, name)) {
      throw new IllegalArgumentException(where + " must have a column " + name + ", but had "
          + String.join(", ", schema.fieldNames()));
    }
    return schema.apply(name);
  }
}
