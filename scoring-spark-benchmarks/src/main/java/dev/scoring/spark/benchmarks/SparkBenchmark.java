package dev.scoring.spark.benchmarks;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.rfm.Rfm;
import dev.scoring.spark.SparkRfm;
import dev.scoring.spark.SparkScorer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Whole-process timing harness (not JMH: one Spark action takes seconds): on one machine,
 * {@code local[2]},
 *
 * <ol>
 *   <li>the library's Spark scorer ({@link SparkScorer}) against the seed table written as
 *       Spark SQL (CASE expressions and higher-order functions over the events array), on the
 *       same cached Dataset of generated contacts, checked equal to 1e-9, and both against
 *       {@link BatchScorer} on two threads over the same contacts;
 *   <li>{@link SparkRfm} against the same aggregation written in Spark SQL ({@code sum},
 *       exact {@code percentile}, CASE bins) on generated transactions.
 * </ol>
 *
 * Each contender runs {@code runs} times after one warm-up run; the best and median wall
 * times are printed. Run (see BENCHMARKS.md): {@code mvn -B -q -Pspark -DskipTests -pl
 * scoring-spark-benchmarks -am package exec:exec -Dbench.args="1000000 10000000 3"}.
 */
public final class SparkBenchmark {
  static final Instant AS_OF = Instant.parse("2026-11-30T00:00:00Z");
  static final int PARTS = 8;

  private SparkBenchmark() {}

  /**
   * Runs the harness.
   *
   * @param args contacts (default 1,000,000), transactions (default 10,000,000), runs
   *             (default 3)
   */
  public static void main(String[] args) {
    int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long transactions = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("SparkBenchmark")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    System.out.printf("java %s, %d processors, max heap %,d MB, Spark %s%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, spark.version());
    try {
      if (contacts > 0) {
        scoring(spark, contacts, runs);
      }
      if (transactions > 0) {
        rfm(spark, transactions, runs);
      }
    } finally {
      spark.stop();
    }
  }

  // ---------------------------------------------------------------- scoring

  static final StructType CONTACT = new StructType()
      .add("id", DataTypes.StringType)
      .add("age", DataTypes.LongType)
      .add("near_office", DataTypes.BooleanType)
      .add("sector", DataTypes.StringType)
      .add("gender", DataTypes.StringType)
      .add("country", DataTypes.StringType)
      .add("job_title", DataTypes.StringType)
      .add("events", DataTypes.createArrayType(new StructType()
          .add("type", DataTypes.StringType)
          .add("at", DataTypes.TimestampType)
          .add("value", DataTypes.DoubleType)));

  /**
   * Contact {@code i} of part {@code p}: {@link ExampleContacts} (5 to 15 events, 10 on
   * average), the age always a number so that it fits one typed column.
   */
  static Contact contact(ExampleContacts generator, int part) {
    Contact c = generator.next();
    Contact.Builder b = Contact.builder(part + "-" + c.id());
    c.attributes().forEach((k, v) -> b.attribute(k, k.equals("age") && v instanceof String s
        ? Long.parseLong(s) : v));
    b.events(c.events());
    return b.build();
  }

  static void scoring(SparkSession spark, int n, int runs) {
    ScoringTable model = ExampleModels.seed();
    int perPart = n / PARTS;
    int total = perPart * PARTS;
    System.out.printf("%n== scoring: %,d contacts of 5..15 events (seed table), local[2]%n",
        total);
    // The contacts, generated on the executors in PARTS partitions, then cached.
    MapPartitionsFunction<Long, Row> generate = parts -> {
      List<Row> rows = new ArrayList<>();
      while (parts.hasNext()) {
        int p = (int) (long) parts.next();
        ExampleContacts g = new ExampleContacts(p, AS_OF, 5, 15);
        for (int i = 0; i < perPart; i++) {
          rows.add(row(contact(g, p)));
        }
      }
      return rows.iterator();
    };
    Dataset<Row> contacts = spark.range(0, PARTS, 1, PARTS).as(Encoders.LONG())
        .mapPartitions(generate, Encoders.row(CONTACT)).cache();
    long t0 = System.nanoTime();
    long count = contacts.count();
    System.out.printf("generated and cached %,d contacts in %.1f s%n", count,
        (System.nanoTime() - t0) / 1e9);

    // The same contacts in one JVM for BatchScorer.
    ContactTable.Builder tb = ContactTable.builder().expectedContacts(total)
        .expectedEvents(10 * total);
    for (int p = 0; p < PARTS; p++) {
      ExampleContacts g = new ExampleContacts(p, AS_OF, 5, 15);
      for (int i = 0; i < perPart; i++) {
        tb.add(contact(g, p));
      }
    }
    ContactTable table = tb.build();
    System.out.printf("%,d events%n", table.eventCount());
    BatchScorer batch = BatchScorer.of(model);
    BatchScores scores = batch.score(table, AS_OF, 2);
    double[] batchTimes = time(runs, () -> {
      batch.scoreInto(table, AS_OF, 2, scores);
      return (long) scores.size();
    });

    Dataset<Row> library = SparkScorer.of(model).scoreNested(contacts, AS_OF)
        .select("id", "score", "raw", "fit", "engagement", "tier", "error");
    Dataset<Row> sql = seedAsSql(contacts);
    double[] libraryTimes = time(runs, () -> noop(library));
    double[] sqlTimes = time(runs, () -> noop(sql));

    Row check = library.alias("l").join(sql.alias("s"), "id").agg(
        functions.count(functions.lit(1)),
        functions.max(functions.abs(functions.col("l.score").minus(functions.col("s.score")))),
        functions.max(functions.abs(functions.col("l.raw").minus(functions.col("s.raw")))),
        functions.sum(functions.when(functions.col("l.tier").equalTo(functions.col("s.tier")),
            0).otherwise(1)),
        functions.sum(functions.when(functions.col("l.error").isNull(), 0).otherwise(1)))
        .first();
    System.out.printf("check: %,d joined rows, max |score diff| %.3g, max |raw diff| %.3g, "
        + "%d tier differences, %d errors%n", check.getLong(0), check.getDouble(1),
        check.getDouble(2), check.getLong(3), check.getLong(4));
    if (check.getLong(0) != total || check.getDouble(1) > 1e-9 || check.getDouble(2) > 1e-9
        || check.getLong(3) != 0) {
      throw new IllegalStateException("the SQL must give the library's scores to 1e-9, but"
          + " did not: " + check);
    }
    report("BatchScorer, 2 threads, ContactTable in memory", batchTimes, total);
    report("SparkScorer.scoreNested -> noop sink", libraryTimes, total);
    report("seed table as Spark SQL -> noop sink", sqlTimes, total);
    System.out.printf("ratio SQL / SparkScorer (best): %.2f; SparkScorer / BatchScorer (best):"
        + " %.1f%n", min(sqlTimes) / min(libraryTimes), min(libraryTimes) / min(batchTimes));
    contacts.unpersist();
  }

  static Row row(Contact c) {
    List<Row> events = new ArrayList<>(c.events().size());
    for (Event e : c.events()) {
      events.add(RowFactory.create(e.type(), java.sql.Timestamp.from(e.at()),
          e.value().isPresent() ? e.value().getAsDouble() : null));
    }
    Map<String, Object> a = c.attributes();
    return RowFactory.create(c.id(), a.get("age"), a.get("near_office"), a.get("sector"),
        a.get("gender"), a.get("country"), a.get("job_title"),
        scala.jdk.javaapi.CollectionConverters.asScala(events).toSeq());
  }

  /**
   * The seed table (ExampleModels.seed) as a data engineer would write it in Spark SQL: CASE
   * per attribute rule, higher-order functions over the events for the behavioral, negative
   * and inactivity rules, the half-life decay with {@code pow}.
   */
  static Dataset<Row> seedAsSql(Dataset<Row> contacts) {
    long asOfMicros = AS_OF.getEpochSecond() * 1_000_000L;
    String age = "floor((" + asOfMicros + " - unix_micros(e.at)) / 86400000000D)";
    String live = "filter(events, e -> e.at <= timestamp'2026-11-30 00:00:00')";
    String points = "CASE e.type WHEN 'white_paper_download' THEN 10D"
        + " WHEN 'pricing_page_visit' THEN 5D WHEN 'email_open' THEN 3D"
        + " WHEN 'newsletter_subscription' THEN 2D WHEN 'contact_form' THEN 8D"
        + " WHEN 'webinar' THEN 7D WHEN 'case_study_download' THEN 6D"
        + " WHEN 'chatbot_interaction' THEN 4D WHEN 'blog_visit' THEN 3D"
        + " WHEN 'demo_request' THEN 9D ELSE 0D END";
    String activity = "e.type IN ('white_paper_download', 'pricing_page_visit', 'email_open',"
        + " 'newsletter_subscription', 'contact_form', 'webinar', 'case_study_download',"
        + " 'chatbot_interaction', 'blog_visit', 'demo_request')";
    String fit = "(CASE WHEN age BETWEEN 18 AND 24 THEN 5 ELSE 0 END"
        + " + CASE WHEN age BETWEEN 25 AND 34 THEN 3 ELSE 0 END"
        + " + CASE WHEN age BETWEEN 35 AND 44 THEN 2 ELSE 0 END"
        + " + CASE WHEN age >= 45 THEN 1 ELSE 0 END"
        + " + CASE WHEN near_office THEN 4 ELSE 0 END"
        + " + CASE lower(sector) WHEN 'technology' THEN 3 WHEN 'health' THEN 2"
        + " WHEN 'finance' THEN 2 WHEN 'education' THEN 1 ELSE 0 END"
        + " + CASE lower(gender) WHEN 'female' THEN 3 WHEN 'male' THEN 2 ELSE 0 END)";
    String engagement = "(aggregate(" + live + ", 0D, (acc, e) -> acc + " + points
        + " * pow(0.5D, " + age + " / 30D))"
        + " - 15D * size(filter(" + live + ", e -> e.type = 'unsubscribe'))"
        + " - 10D * size(filter(" + live + ", e -> e.type = 'hard_bounce'))"
        + " + CASE WHEN exists(" + live + ", e -> " + activity + " AND " + age + " < 90)"
        + " THEN 0D ELSE -10D END)";
    return contacts.selectExpr("id", "cast(" + fit + " AS double) AS fit",
            engagement + " AS engagement")
        .selectExpr("id", "fit", "engagement", "fit + engagement AS raw")
        .selectExpr("id", "least(greatest(raw, 0D), 100D) AS score", "raw", "fit",
            "engagement")
        .selectExpr("id", "score", "raw", "fit", "engagement",
            "CASE WHEN score >= 80 THEN 'SQL' WHEN score >= 60 THEN 'MQL'"
                + " ELSE 'unqualified' END AS tier");
  }

  // ---------------------------------------------------------------- RFM

  static void rfm(SparkSession spark, long n, int runs) {
    int customers = (int) Math.max(1, n / 50);
    System.out.printf("%n== RFM: %,d transactions of %,d customers, local[2]%n", n, customers);
    Dataset<Row> tx = spark.range(0, n, 1, PARTS).selectExpr(
        "concat('c', cast(pmod(hash(id, 1), " + customers + ") AS string)) AS customer_id",
        "date_sub(DATE'2024-12-31', pmod(hash(id, 2), 730)) AS date",
        "round(pmod(hash(id, 3), 20000) / 100D + 0.5D, 2) AS amount").cache();
    long t0 = System.nanoTime();
    System.out.printf("generated and cached %,d transactions in %.1f s%n", tx.count(),
        (System.nanoTime() - t0) / 1e9);
    Rfm rfm = Rfm.builder().analysisDate(LocalDate.of(2025, 1, 1)).build();
    double[] libraryTimes = time(runs, () -> {
      SparkRfm.Scored s = SparkRfm.of(rfm).score(tx);
      long c = noop(s.customers());
      s.unpersist();
      return c;
    });
    tx.createOrReplaceTempView("tx");
    String bins = "array(0.2D, 0.4D, 0.6D, 0.8D)";
    String sql = "WITH c AS (SELECT customer_id, datediff(DATE'2025-01-01', max(date)) AS"
        + " recency, count(*) AS frequency, sum(amount) AS monetary FROM tx"
        + " WHERE date <= DATE'2025-01-01' AND amount >= 0 GROUP BY customer_id),"
        + " q AS (SELECT percentile(recency, " + bins + ") AS rq, percentile(frequency, " + bins
        + ") AS fq, percentile(monetary, " + bins + ") AS mq FROM c)"
        + " SELECT customer_id, recency, frequency, monetary,"
        + " 6 - (1 + " + passes("recency", "rq") + ") AS r,"
        + " 1 + " + passes("frequency", "fq") + " AS f,"
        + " 1 + " + passes("monetary", "mq") + " AS m FROM c CROSS JOIN q";
    double[] sqlTimes = time(runs, () -> noop(spark.sql(sql)
        .selectExpr("*", "100D * ((r - 1) + (f - 1) + (m - 1)) / 12D AS score")));
    report("SparkRfm.score -> noop sink", libraryTimes, customers);
    report("the same aggregation as Spark SQL -> noop sink", sqlTimes, customers);
    System.out.printf("ratio SQL / SparkRfm (best): %.2f%n", min(sqlTimes) / min(libraryTimes));
    tx.unpersist();
  }

  private static String passes(String x, String q) {
    StringBuilder b = new StringBuilder("(");
    for (int k = 0; k < 4; k++) {
      b.append(k > 0 ? " + " : "").append("CASE WHEN ").append(x).append(" > ").append(q)
          .append('[').append(k).append("] THEN 1 ELSE 0 END");
    }
    return b.append(')').toString();
  }

  // ---------------------------------------------------------------- timing

  static long noop(Dataset<Row> d) {
    d.write().format("noop").mode("overwrite").save();
    return 0;
  }

  /** One warm-up run, then {@code runs} timed runs: the wall times in seconds. */
  static double[] time(int runs, Supplier<Long> body) {
    body.get();
    double[] t = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      body.get();
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    return t;
  }

  static double min(double[] t) {
    return Arrays.stream(t).min().orElse(Double.NaN);
  }

  static void report(String what, double[] t, long items) {
    double[] sorted = t.clone();
    Arrays.sort(sorted);
    System.out.printf("%-50s best %7.3f s, median %7.3f s (%,.0f per second, best); runs %s%n",
        what, sorted[0], sorted[sorted.length / 2], items / sorted[0], Arrays.toString(t));
  }
}
