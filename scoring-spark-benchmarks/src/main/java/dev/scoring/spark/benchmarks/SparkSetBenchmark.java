package dev.scoring.spark.benchmarks;

import dev.scoring.core.AccountRules;
import dev.scoring.core.Condition;
import dev.scoring.core.Decay;
import dev.scoring.core.EventMatch;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.spark.SparkAccountScorer;
import dev.scoring.spark.SparkScorer;
import dev.scoring.spark.SparkSetScorer;
import java.util.ArrayList;
import java.util.List;
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
 * Whole-process timing harness for model sets and accounts on Spark ({@code local[2]}), on
 * the cached contacts of {@link SparkBenchmark}:
 *
 * <ol>
 *   <li>a set of three tables in one pass ({@link SparkSetScorer}) against three separate
 *       passes, one {@link SparkScorer} per table, each to the {@code noop} sink;
 *   <li>accounts ({@link SparkAccountScorer}, {@code topMean} of 3, with records) against
 *       scoring the same contacts alone ({@link SparkScorer}): the cost of the account step.
 * </ol>
 *
 * Each contender runs {@code runs} times after one warm-up run; best and median wall times.
 * Run: see BENCHMARKS.md, section "Spark: model sets and accounts (issue 18)".
 */
public final class SparkSetBenchmark {
  private SparkSetBenchmark() {}

  /**
   * Runs the harness.
   *
   * @param args contacts (default 200,000), accounts (default 20,000), runs (default 3)
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("SparkSetBenchmark")
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
      run(spark, n, accounts, runs);
    } finally {
      spark.stop();
    }
  }

  /** The seed table and two variants with other rules, names and tiers. */
  static List<ScoringTable> tables() {
    ScoringTable seed = ExampleModels.seed();
    ScoringTable product = seed.toBuilder().name("product")
        .decay(Decay.steps(Decay.step(7, 1), Decay.step(30, 0.5), Decay.step(90, 0.25)))
        .behavioral("pricing-3", EventMatch.on("pricing_page_visit").maxOccurrences(3), 4)
        .build();
    ScoringTable support = ScoringTable.builder("support")
        .demographic("tech", Condition.attribute("sector").equalToIgnoreCase("technology"), 5)
        .behavioral("chat", EventMatch.on("chatbot_interaction").withinDays(30), 3)
        .behavioral("form", EventMatch.on("contact_form"), 6)
        .negative("bounce", EventMatch.on("hard_bounce"), -20)
        .tier("needs-help", 20)
        .build();
    return List.of(seed, product, support);
  }

  static void run(SparkSession spark, int n, int accounts, int runs) {
    int perPart = n / SparkBenchmark.PARTS;
    int total = perPart * SparkBenchmark.PARTS;
    System.out.printf("%n== model sets and accounts: %,d contacts of 5..15 events in %,d "
        + "accounts, local[2]%n", total, accounts);
    MapPartitionsFunction<Long, Row> generate = parts -> {
      List<Row> rows = new ArrayList<>();
      while (parts.hasNext()) {
        int p = (int) (long) parts.next();
        ExampleContacts g = new ExampleContacts(p, SparkBenchmark.AS_OF, 5, 15);
        for (int i = 0; i < perPart; i++) {
          rows.add(SparkBenchmark.row(SparkBenchmark.contact(g, p)));
        }
      }
      return rows.iterator();
    };
    // the key: a string account id, from a hash of the contact id
    Dataset<Row> contacts = spark.range(0, SparkBenchmark.PARTS, 1, SparkBenchmark.PARTS)
        .as(Encoders.LONG())
        .mapPartitions(generate, Encoders.row(SparkBenchmark.CONTACT))
        .withColumn("account_id", functions.concat(functions.lit("acct-"),
            functions.pmod(functions.hash(functions.col("id")), functions.lit(accounts))
                .cast(DataTypes.StringType)))
        .cache();
    long t0 = System.nanoTime();
    long count = contacts.count();
    System.out.printf("generated and cached %,d contacts in %.1f s%n", count,
        (System.nanoTime() - t0) / 1e9);

    List<ScoringTable> tables = tables();
    ModelSet.Builder b = ModelSet.builder("bench");
    tables.forEach(b::add);
    ModelSet set = b.build();
    Dataset<Row> one = SparkSetScorer.of(set).scoreNested(contacts, SparkBenchmark.AS_OF)
        .select("id", "seed-b2b", "product", "support", "error");
    List<Dataset<Row>> separate = new ArrayList<>();
    for (ScoringTable t : tables) {
      separate.add(SparkScorer.of(t).scoreNested(contacts, SparkBenchmark.AS_OF)
          .select("id", "score", "raw", "fit", "engagement", "tier", "error"));
    }
    double[] setTimes = SparkBenchmark.time(runs, () -> SparkBenchmark.noop(one));
    double[] separateTimes = SparkBenchmark.time(runs, () -> {
      long c = 0;
      for (Dataset<Row> d : separate) {
        c += SparkBenchmark.noop(d);
      }
      return c;
    });
    // check: the set's columns equal the separate passes' (same bits, 0 differences)
    long differences = 0;
    for (int t = 0; t < tables.size(); t++) {
      String name = tables.get(t).name();
      differences += one.alias("o").join(separate.get(t).alias("s"), "id")
          .where(functions.col("o.`" + name + "`.score").notEqual(functions.col("s.score"))
              .or(functions.col("o.`" + name + "`.tier").notEqual(functions.col("s.tier"))))
          .count();
    }
    System.out.printf("check: %d score or tier differences between the set and the separate"
        + " passes%n", differences);
    if (differences != 0) {
      throw new IllegalStateException("the set must give each table's own scores, but "
          + differences + " rows differ");
    }
    SparkBenchmark.report("SparkSetScorer, 3 tables, one pass -> noop", setTimes, total);
    SparkBenchmark.report("SparkScorer x 3 tables, three passes -> noop", separateTimes, total);
    System.out.printf("ratio three passes / set (best): %.2f%n",
        SparkBenchmark.min(separateTimes) / SparkBenchmark.min(setTimes));

    // accounts: topMean of 3 with records for every other account
    ScoringTable b2b = ExampleModels.seed().toBuilder()
        .account(AccountRules.builder(AccountRules.Combine.topMean(3))
            .demographicCap(30)
            .demographic("enterprise", Condition.attribute("employees").atLeast(1000), 20)
            .tier("target", 50)
            .build())
        .build();
    List<Row> recordRows = new ArrayList<>();
    for (int a = 0; a < accounts; a += 2) {
      recordRows.add(RowFactory.create("acct-" + a, (long) (a * 7919L % 5000)));
    }
    Dataset<Row> records = spark.createDataFrame(recordRows, new StructType()
        .add("id", DataTypes.StringType).add("employees", DataTypes.LongType)).cache();
    records.count();
    Dataset<Row> contactScores = SparkScorer.of(b2b).scoreNested(contacts, SparkBenchmark.AS_OF)
        .select("id", "score", "tier", "error");
    Dataset<Row> accountScores = SparkAccountScorer.of(b2b)
        .scoreNested(contacts, records, SparkBenchmark.AS_OF);
    double[] contactTimes = SparkBenchmark.time(runs,
        () -> SparkBenchmark.noop(contactScores));
    double[] accountTimes = SparkBenchmark.time(runs,
        () -> SparkBenchmark.noop(accountScores));
    long accountRows = accountScores.count();
    System.out.printf("%,d accounts%n", accountRows);
    SparkBenchmark.report("SparkScorer (contacts only) -> noop", contactTimes, total);
    SparkBenchmark.report("SparkAccountScorer (contacts + accounts) -> noop", accountTimes,
        total);
    System.out.printf("ratio accounts / contacts only (best): %.2f%n",
        SparkBenchmark.min(accountTimes) / SparkBenchmark.min(contactTimes));
    records.unpersist();
    contacts.unpersist();
  }
}
