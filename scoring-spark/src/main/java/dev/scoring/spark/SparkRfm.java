package dev.scoring.spark;

import dev.scoring.rfm.Binning;
import dev.scoring.rfm.Measure;
import dev.scoring.rfm.Monetary;
import dev.scoring.rfm.ReturnPolicy;
import dev.scoring.rfm.Rfm;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * RFM on Spark: from a transactions Dataset, the same per-customer recency, frequency,
 * monetary, R, F, M, cell, 0..100 score and segment as {@link Rfm#score} gives for the same
 * transactions and settings (SPEC section 8), computed with Spark's own aggregations.
 *
 * <pre>{@code
 * Rfm rfm = Rfm.builder().analysisDate(LocalDate.of(2011, 12, 10)).build();
 * SparkRfm.Scored scored = SparkRfm.of(rfm).score(transactions);
 * scored.customers().show();
 * }</pre>
 *
 * <p>Input columns (names configurable with {@link #columns}): {@code customer_id} (string),
 * {@code date} (date), {@code amount} (double or decimal) and, when present,
 * {@code order_id} (string; frequency then counts distinct orders, as {@link Rfm} does).
 *
 * <p>How each number is made:
 * <ul>
 *   <li>per customer, one {@code groupBy}: the last purchase day ({@code max}), the number of
 *       purchases or distinct orders ({@code count}, {@code count(distinct)}), and the exact
 *       decimal sum of the amounts ({@code sum} over {@code decimal(38, 18)}: each double
 *       amount is its shortest decimal form, as {@code Double.toString} writes it), turned into
 *       the nearest double through its decimal string, so two customers whose amounts add up to
 *       the same decimal total tie (SPEC section 8);
 *   <li>thresholds: exact type-7 quantiles over all customers, by
 *       {@link Binning#thresholds(int, long, java.util.function.LongToDoubleFunction)} reading
 *       only the few ranks it needs: of recency and frequency from their histograms (one row
 *       per distinct whole number), of monetary from the column sorted by Spark
 *       ({@code orderBy}, {@code zipWithIndex}); nothing of size {@code customers} reaches
 *       the driver;
 *   <li>R, F, M as Spark expressions counting the thresholds passed; the score and segment
 *       looked up in a table of the {@code n^3} cells made on the driver by
 *       {@link Rfm#scoreOf} and the segment table.
 * </ul>
 *
 * <p>Limits: amounts need at most 18 decimal places and customers' totals below
 * {@code 10^20} (the range of {@code decimal(38, 18)}).
 *
 * <p>Instances are immutable and thread-safe; they are used on the driver.
 */
public final class SparkRfm {
  private final Rfm rfm;
  private final String customer;
  private final String date;
  private final String amount;
  private final String order;

  private SparkRfm(Rfm rfm, String customer, String date, String amount, String order) {
    this.rfm = rfm;
    this.customer = customer;
    this.date = date;
    this.amount = amount;
    this.order = order;
  }

  /**
   * Returns an RFM analysis on Spark with the settings of {@code rfm} and the default column
   * names {@code customer_id}, {@code date}, {@code amount}, {@code order_id}.
   *
   * @param rfm the settings: analysis date, bins, binnings, monetary, weights, segments,
   *            returns
   * @return the analysis
   */
  public static SparkRfm of(Rfm rfm) {
    return new SparkRfm(Objects.requireNonNull(rfm, "rfm"), "customer_id", "date", "amount",
        "order_id");
  }

  /**
   * Returns a copy reading other column names.
   *
   * @param customer the customer id column
   * @param date     the date column
   * @param amount   the amount column
   * @param order    the order id column, used when the Dataset has it
   * @return the new analysis
   */
  public SparkRfm columns(String customer, String date, String amount, String order) {
    return new SparkRfm(rfm, Objects.requireNonNull(customer, "customer"),
        Objects.requireNonNull(date, "date"), Objects.requireNonNull(amount, "amount"),
        Objects.requireNonNull(order, "order"));
  }

  /**
   * The result: per-customer rows and the thresholds used.
   *
   * @param customers  one row per customer with a purchase: {@code customer_id},
   *                   {@code last_purchase} (date), {@code recency_days}, {@code frequency},
   *                   {@code revenue}, {@code monetary}, {@code r}, {@code f}, {@code m},
   *                   {@code cell}, {@code score}, {@code segment}; persisted (call
   *                   {@link #unpersist()} when done)
   * @param count      the number of customers
   * @param thresholds per measure, the thresholds as {@link dev.scoring.rfm.RfmResult#thresholds}
   *                   gives them
   */
  public record Scored(Dataset<Row> customers, long count, Map<Measure, List<Double>> thresholds) {
    /**
     * Copies the thresholds.
     *
     * @param customers  the per-customer rows
     * @param count      the number of customers
     * @param thresholds the thresholds per measure
     */
    public Scored {
      thresholds = Map.copyOf(thresholds);
    }

    /** Frees the persisted per-customer aggregate. */
    public void unpersist() {
      customers.unpersist();
    }
  }

  /**
   * Scores the customers of a transactions Dataset.
   *
   * @param transactions the transactions
   * @return the customers and thresholds
   * @throws IllegalArgumentException naming the column when the schema does not fit
   */
  public Scored score(Dataset<Row> transactions) {
    int analysisDay = (int) rfm.analysisDate().toEpochDay();
    Column day = day(transactions);
    Column money = money(transactions);
    boolean hasOrder = transactions.schema().getFieldIndex(order).isDefined();
    Dataset<Row> kept = transactions.select(
        transactions.col(customer).as("customer_id"), day.as("day"), money.as("amount"),
        hasOrder ? transactions.col(order).cast(DataTypes.StringType).as("order_id")
            : functions.lit(null).cast(DataTypes.StringType).as("order_id"))
        .where(functions.col("day").leq(analysisDay));
    Column purchase = functions.col("amount").geq(0);
    if (rfm.returns() == ReturnPolicy.EXCLUDE) {
      kept = kept.where(purchase);
    }
    Column frequency = functions.countDistinct(functions.when(purchase, functions.col("order_id")))
        .plus(functions.count(functions.when(purchase.and(functions.col("order_id").isNull()),
            functions.lit(1))));
    Dataset<Row> totals = kept.groupBy("customer_id").agg(
        functions.max(functions.when(purchase, functions.col("day"))).as("last_day"),
        frequency.cast(DataTypes.IntegerType).as("frequency"),
        functions.sum("amount").as("revenue_exact"))
        .where(functions.col("last_day").isNotNull());
    // the double nearest the exact decimal sum: through its decimal string, parsed exactly
    Column revenue = functions.col("revenue_exact").cast(DataTypes.StringType)
        .cast(DataTypes.DoubleType);
    Column monetary = rfm.monetary() == Monetary.SUM ? functions.col("revenue")
        : functions.col("revenue").divide(functions.col("frequency").cast(DataTypes.DoubleType));
    Dataset<Row> measures = totals.select(functions.col("customer_id"),
        functions.col("last_day"),
        functions.lit(analysisDay).minus(functions.col("last_day")).as("recency_days"),
        functions.col("frequency"), revenue.as("revenue"))
        .withColumn("monetary", monetary)
        .persist(StorageLevel.MEMORY_AND_DISK());
    long count = measures.count();
    int n = rfm.bins();
    Map<Measure, List<Double>> thresholds = new EnumMap<>(Measure.class);
    Column[] bins = new Column[3];
    Measure[] order3 = {Measure.RECENCY, Measure.FREQUENCY, Measure.MONETARY};
    String[] columns = {"recency_days", "frequency", "monetary"};
    for (int k = 0; k < 3; k++) {
      Binning binning = rfm.binning(order3[k]);
      double[] t = count == 0 ? new double[0]
          : thresholds(measures, columns[k], k < 2, binning, n, count);
      List<Double> list = new ArrayList<>();
      for (double d : t) {
        list.add(d);
      }
      thresholds.put(order3[k], list);
      bins[k] = bin(functions.col(columns[k]).cast(DataTypes.DoubleType), t,
          binning.equals(Binning.rCompatible()));
    }
    Column r = functions.lit(n + 1).minus(bins[0]);
    Column[] scores = new Column[n * n * n];
    Column[] segments = new Column[n * n * n];
    for (int ri = 1; ri <= n; ri++) {
      for (int fi = 1; fi <= n; fi++) {
        for (int mi = 1; mi <= n; mi++) {
          int cell = ((ri - 1) * n + (fi - 1)) * n + (mi - 1);
          scores[cell] = functions.lit(rfm.scoreOf(ri, fi, mi));
          segments[cell] = functions.lit(rfm.segments().segmentOf(ri, fi, mi));
        }
      }
    }
    Dataset<Row> scored = measures
        .withColumn("r", r)
        .withColumn("f", bins[1])
        .withColumn("m", bins[2]);
    Column cell = functions.col("r").minus(1).multiply(n).plus(functions.col("f").minus(1))
        .multiply(n).plus(functions.col("m").minus(1)).plus(1);
    Dataset<Row> customers = scored.select(
        functions.col("customer_id"),
        functions.expr("date_from_unix_date(last_day)").as("last_purchase"),
        functions.col("recency_days"),
        functions.col("frequency"),
        functions.col("revenue"),
        functions.col("monetary"),
        functions.col("r"), functions.col("f"), functions.col("m"),
        functions.concat(functions.col("r").cast(DataTypes.StringType),
            functions.col("f").cast(DataTypes.StringType),
            functions.col("m").cast(DataTypes.StringType)).as("cell"),
        functions.element_at(functions.array(scores), cell).as("score"),
        functions.element_at(functions.array(segments), cell).as("segment"));
    return new Scored(customers, count, thresholds);
  }

  /** {@code 1 + #{k : x > t_k}} ({@code >=} for the R rule), as an int column. */
  private static Column bin(Column x, double[] thresholds, boolean orEqual) {
    Column bin = functions.lit(1);
    for (double t : thresholds) {
      Column passes = orEqual ? x.geq(t) : x.gt(t);
      bin = bin.plus(functions.when(passes, 1).otherwise(0));
    }
    return bin.cast(DataTypes.IntegerType);
  }

  /** Exact type-7 thresholds: the ranks the binning reads, fetched from the sorted column. */
  private static double[] thresholds(Dataset<Row> measures, String column, boolean integral,
      Binning binning, int n, long count) {
    TreeSet<Long> ranks = new TreeSet<>();
    binning.thresholds(n, count, rank -> {
      ranks.add(rank);
      return 0;
    });
    if (ranks.isEmpty()) {
      return binning.thresholds(n, count, rank -> {
        throw new IllegalStateException("a fixed binning must not read ranks, but read " + rank);
      });
    }
    if (integral) {
      // Whole days or counts: few distinct values (at most the days in the data, or about
      // the square root of twice the transactions), so a histogram gives every rank.
      List<Row> histogram = measures.groupBy(column).count().orderBy(column).collectAsList();
      double[] values = new double[histogram.size()];
      long[] ends = new long[histogram.size()];
      long end = 0;
      for (int i = 0; i < values.length; i++) {
        values[i] = histogram.get(i).getInt(0);
        end += histogram.get(i).getLong(1);
        ends[i] = end;
      }
      return binning.thresholds(n, count, rank -> {
        int i = java.util.Arrays.binarySearch(ends, rank + 1);
        return values[i >= 0 ? i : -i - 1];
      });
    }
    JavaRDD<Row> sorted = measures.select(functions.col(column).cast(DataTypes.DoubleType)
        .as("v")).orderBy("v").javaRDD();
    java.util.Set<Long> wanted = new java.util.HashSet<>(ranks);
    List<Tuple2<Row, Long>> found = sorted.zipWithIndex()
        .filter(p -> wanted.contains(p._2()))
        .collect();
    Map<Long, Double> at = new HashMap<>();
    for (Tuple2<Row, Long> p : found) {
      at.put(p._2(), p._1().getDouble(0));
    }
    return binning.thresholds(n, count, rank -> at.get(rank));
  }

  private Column day(Dataset<Row> tx) {
    DataType t = field(tx, date);
    Column c = tx.col(date);
    if (t == DataTypes.TimestampType) {
      c = functions.to_date(c);
    } else if (t != DataTypes.DateType) {
      throw new IllegalArgumentException("transactions." + date + " must be a date column, but"
          + " was " + t.simpleString());
    }
    return functions.datediff(c, functions.lit("1970-01-01").cast(DataTypes.DateType));
  }

  private Column money(Dataset<Row> tx) {
    DataType t = field(tx, amount);
    field(tx, customer);
    if (t instanceof DecimalType) {
      return tx.col(amount);
    }
    if (t != DataTypes.DoubleType && t != DataTypes.FloatType && t != DataTypes.LongType
        && t != DataTypes.IntegerType) {
      throw new IllegalArgumentException("transactions." + amount + " must be a number column,"
          + " but was " + t.simpleString());
    }
    return tx.col(amount).cast(DataTypes.createDecimalType(38, 18));
  }

  private static DataType field(Dataset<Row> tx, String name) {
    if (!tx.schema().getFieldIndex(name).isDefined()) {
      throw new IllegalArgumentException("transactions must have a column " + name
          + ", but had " + String.join(", ", tx.columns()));
    }
    return tx.schema().apply(name).dataType();
  }
}
