package dev.scoring.spark;

import dev.scoring.rfm.value.BgNbdModel;
import dev.scoring.rfm.value.CustomerSummary;
import dev.scoring.rfm.value.CustomerValue;
import dev.scoring.rfm.value.CustomerValueScorer;
import dev.scoring.rfm.value.GammaGammaModel;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Customer value on Spark: per-customer summaries {@code (x, t_x, T, mean value)} aggregated
 * by Spark exactly as {@link dev.scoring.rfm.value.CustomerSummaries#fromTransactions} defines
 * them, the BG/NBD and Gamma-Gamma models fitted on the driver from grouped statistics, and
 * P(alive), expected purchases, expected value per purchase and CLV computed on the executors
 * by {@link CustomerValueScorer}.
 *
 * <pre>{@code
 * SparkCustomerValue value = SparkCustomerValue.of(LocalDate.of(1997, 9, 30), ChronoUnit.WEEKS)
 *     .horizon(52, 12, 0.01);
 * SparkCustomerValue.Result result = value.score(transactions);
 * result.purchases();                 // the fitted BG/NBD model
 * result.customers().show();          // customer_id, frequency, recency, age, mean_value,
 *                                     // p_alive, expected_purchases, expected_value, clv
 * }</pre>
 *
 * <p>The fits see what the in-memory fits see, grouped: the driver collects one row per
 * distinct {@code (x, t_x, T)} with its count (and per distinct {@code (x, mean value)} of
 * repeat customers for Gamma-Gamma), and gives the fit a list that repeats each group's
 * summary {@code count} times without storing it (the BG/NBD likelihood groups equal
 * summaries again). Daily and repeat totals are sums of doubles in Spark's order, so means
 * can differ from the in-memory ones in the last bits; fitted parameters agree to far more
 * digits than are published.
 *
 * <p>Input columns (names configurable with {@link #columns}): {@code customer_id},
 * {@code date} (date or timestamp), {@code amount} (number).
 *
 * <p>Instances are immutable and thread-safe; they are used on the driver.
 */
public final class SparkCustomerValue {
  private final LocalDate calibrationEnd;
  private final ChronoUnit unit;
  private final String customer;
  private final String date;
  private final String amount;
  private final double horizon;
  private final int steps;
  private final double discountRate;

  private SparkCustomerValue(LocalDate calibrationEnd, ChronoUnit unit, String customer,
      String date, String amount, double horizon, int steps, double discountRate) {
    this.calibrationEnd = calibrationEnd;
    this.unit = unit;
    this.customer = customer;
    this.date = date;
    this.amount = amount;
    this.horizon = horizon;
    this.steps = steps;
    this.discountRate = discountRate;
  }

  /**
   * Returns an analysis for a calibration period ending on {@code calibrationEnd} (inclusive),
   * with a horizon of 52 units in one step and no discount.
   *
   * @param calibrationEnd the last day of the calibration period
   * @param unit           {@link ChronoUnit#DAYS} or {@link ChronoUnit#WEEKS}
   * @return the analysis
   * @throws IllegalArgumentException if the unit is neither days nor weeks
   */
  public static SparkCustomerValue of(LocalDate calibrationEnd, ChronoUnit unit) {
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    if (unit != ChronoUnit.DAYS && unit != ChronoUnit.WEEKS) {
      throw new IllegalArgumentException("unit must be DAYS or WEEKS, but was " + unit);
    }
    return new SparkCustomerValue(calibrationEnd, unit, "customer_id", "date", "amount", 52, 1,
        0);
  }

  /**
   * Returns a copy reading other column names.
   *
   * @param customer the customer id column
   * @param date     the date column
   * @param amount   the amount column
   * @return the new analysis
   */
  public SparkCustomerValue columns(String customer, String date, String amount) {
    return new SparkCustomerValue(calibrationEnd, unit, Objects.requireNonNull(customer),
        Objects.requireNonNull(date), Objects.requireNonNull(amount), horizon, steps,
        discountRate);
  }

  /**
   * Returns a copy with another CLV convention (see {@link CustomerValueScorer}).
   *
   * @param horizon      the horizon in the unit, positive
   * @param steps        the number of discounting periods, at least 1
   * @param discountRate the discount rate per period, at least 0
   * @return the new analysis
   * @throws IllegalArgumentException as {@link CustomerValueScorer.Builder} does
   */
  public SparkCustomerValue horizon(double horizon, int steps, double discountRate) {
    // validated by the scorer's builder, once, here on the driver
    CustomerValueScorer.builder(BgNbdModel.of(1, 1, 1, 1)).horizon(horizon).steps(steps)
        .discountRate(discountRate).build();
    return new SparkCustomerValue(calibrationEnd, unit, customer, date, amount, horizon, steps,
        discountRate);
  }

  /**
   * The result of {@link #score}.
   *
   * @param purchases the BG/NBD model fitted on all customers
   * @param spend     the Gamma-Gamma model fitted on the repeat customers
   * @param customers the summaries with {@code p_alive}, {@code expected_purchases},
   *                  {@code expected_value} and {@code clv}
   */
  public record Result(BgNbdModel purchases, GammaGammaModel spend, Dataset<Row> customers) {}

  /**
   * Summarises, fits and predicts.
   *
   * @param transactions the transactions
   * @return the models and the per-customer predictions
   * @throws IllegalArgumentException if a column is missing or has the wrong type
   * @throws dev.scoring.rfm.value.FitException if a fit does not converge
   */
  public Result score(Dataset<Row> transactions) {
    Dataset<Row> summaries = summaries(transactions).cache();
    BgNbdModel purchases = BgNbdModel.fit(bgNbdGroups(summaries));
    GammaGammaModel spend = GammaGammaModel.fit(gammaGammaGroups(summaries));
    return new Result(purchases, spend, predict(summaries, purchases, spend));
  }

  /**
   * Returns one summary row per customer with a transaction on or before the calibration
   * end: {@code customer_id}, {@code frequency} (x, int), {@code recency} (t_x),
   * {@code age} (T) and {@code mean_value} (doubles), as
   * {@link dev.scoring.rfm.value.CustomerSummaries#fromTransactions} defines them.
   *
   * @param transactions the transactions
   * @return the summaries
   * @throws IllegalArgumentException if a column is missing or has the wrong type
   */
  public Dataset<Row> summaries(Dataset<Row> transactions) {
    DataType dateType = type(transactions, date);
    type(transactions, customer);
    type(transactions, amount);
    Column d = transactions.col(date);
    if (dateType == DataTypes.TimestampType) {
      d = functions.to_date(d);
    } else if (dateType != DataTypes.DateType) {
      throw new IllegalArgumentException("transactions." + date + " must be a date column, but"
          + " was " + dateType.simpleString());
    }
    int endDay = (int) calibrationEnd.toEpochDay();
    double daysPerUnit = unit == ChronoUnit.WEEKS ? 7.0 : 1.0;
    Column day = functions.datediff(d, functions.lit("1970-01-01").cast(DataTypes.DateType));
    Dataset<Row> daily = transactions
        .select(transactions.col(customer).as("customer_id"), day.as("day"),
            transactions.col(amount).cast(DataTypes.DoubleType).as("amount"))
        .where(functions.col("day").leq(endDay))
        .groupBy("customer_id", "day")
        .agg(functions.sum("amount").as("amount"))
        .withColumn("first", functions.min("day").over(Window.partitionBy("customer_id")));
    Column x = functions.count(functions.lit(1)).minus(1).cast(DataTypes.IntegerType);
    Dataset<Row> perCustomer = daily.groupBy("customer_id").agg(
        x.as("frequency"),
        functions.min("day").as("first"),
        functions.max("day").as("last"),
        functions.sum(functions.when(functions.col("day").gt(functions.col("first")),
            functions.col("amount")).otherwise(0.0)).as("repeat_sum"));
    return perCustomer.select(
        functions.col("customer_id"),
        functions.col("frequency"),
        functions.col("last").minus(functions.col("first")).cast(DataTypes.DoubleType)
            .divide(daysPerUnit).as("recency"),
        functions.lit(endDay).minus(functions.col("first")).cast(DataTypes.DoubleType)
            .divide(daysPerUnit).as("age"),
        functions.when(functions.col("frequency").equalTo(0), 0.0)
            .otherwise(functions.col("repeat_sum")
                .divide(functions.col("frequency").cast(DataTypes.DoubleType)))
            .as("mean_value"));
  }

  /**
   * Returns the BG/NBD input as the driver sees it: one row per distinct
   * {@code (x, t_x, T)}, repeated by its count without being stored.
   *
   * @param summaries rows of {@link #summaries}
   * @return the customers, grouped
   */
  public static List<CustomerSummary> bgNbdGroups(Dataset<Row> summaries) {
    List<Row> groups = summaries.groupBy("frequency", "recency", "age").count()
        .orderBy("frequency", "recency", "age").collectAsList();
    CustomerSummary[] values = new CustomerSummary[groups.size()];
    long[] counts = new long[groups.size()];
    for (int g = 0; g < values.length; g++) {
      Row r = groups.get(g);
      values[g] = new CustomerSummary("group-" + g, r.getInt(0), r.getDouble(1), r.getDouble(2),
          0);
      counts[g] = r.getLong(3);
    }
    return new Repeated(values, counts);
  }

  /**
   * Returns the Gamma-Gamma input as the driver sees it: one row per distinct
   * {@code (x, mean value)} among the repeat customers, repeated by its count.
   *
   * @param summaries rows of {@link #summaries}
   * @return the repeat customers, grouped
   */
  public static List<CustomerSummary> gammaGammaGroups(Dataset<Row> summaries) {
    List<Row> groups = summaries.where(functions.col("frequency").gt(0))
        .groupBy("frequency", "mean_value").count()
        .orderBy("frequency", "mean_value").collectAsList();
    CustomerSummary[] values = new CustomerSummary[groups.size()];
    long[] counts = new long[groups.size()];
    for (int g = 0; g < values.length; g++) {
      Row r = groups.get(g);
      values[g] = new CustomerSummary("group-" + g, r.getInt(0), 0, 0, r.getDouble(1));
      counts[g] = r.getLong(2);
    }
    return new Repeated(values, counts);
  }

  /**
   * Adds the predictions to summary rows, computed on the executors.
   *
   * @param summaries rows of {@link #summaries}
   * @param purchases the purchase model
   * @param spend     the spend model
   * @return the rows with {@code p_alive}, {@code expected_purchases}, {@code expected_value}
   *     and {@code clv}
   */
  public Dataset<Row> predict(Dataset<Row> summaries, BgNbdModel purchases,
      GammaGammaModel spend) {
    Predict f = new Predict(new double[] {purchases.r(), purchases.alpha(), purchases.a(),
      purchases.b(), spend.p(), spend.q(), spend.v(), horizon, discountRate}, steps);
    UserDefinedFunction udf = functions.udf(f, Predict.TYPE).asNondeterministic();
    Dataset<Row> with = summaries.withColumn("__value", udf.apply(functions.col("frequency"),
        functions.col("recency"), functions.col("age"), functions.col("mean_value")));
    return with.select(functions.col("customer_id"), functions.col("frequency"),
        functions.col("recency"), functions.col("age"), functions.col("mean_value"),
        functions.col("__value.p_alive").as("p_alive"),
        functions.col("__value.expected_purchases").as("expected_purchases"),
        functions.col("__value.expected_value").as("expected_value"),
        functions.col("__value.clv").as("clv"));
  }

  private static DataType type(Dataset<Row> tx, String name) {
    if (!tx.schema().getFieldIndex(name).isDefined()) {
      throw new IllegalArgumentException("transactions must have a column " + name
          + ", but had " + String.join(", ", tx.columns()));
    }
    return tx.schema().apply(name).dataType();
  }

  /** Each of a few values repeated a number of times: a list of the sum of the counts. */
  private static final class Repeated extends AbstractList<CustomerSummary> {
    private final CustomerSummary[] values;
    private final long[] ends;

    Repeated(CustomerSummary[] values, long[] counts) {
      this.values = values;
      this.ends = new long[counts.length];
      long total = 0;
      for (int g = 0; g < counts.length; g++) {
        total += counts[g];
        ends[g] = total;
      }
      if (total > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("customers must be at most " + Integer.MAX_VALUE
            + " for the in-memory fit, but was " + total);
      }
    }

    @Override
    public CustomerSummary get(int index) {
      int g = Arrays.binarySearch(ends, index + 1L);
      return values[g >= 0 ? g : -g - 1];
    }

    @Override
    public java.util.Iterator<CustomerSummary> iterator() {
      return new java.util.Iterator<>() {
        int g;
        long i;

        @Override
        public boolean hasNext() {
          return i < size();
        }

        @Override
        public CustomerSummary next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          while (ends[g] <= i) {
            g++;
          }
          i++;
          return values[g];
        }
      };
    }

    @Override
    public int size() {
      return ends.length == 0 ? 0 : (int) ends[ends.length - 1];
    }
  }

  /** The executors' side: the scorer rebuilt from the models' parameters, once per task. */
  private static final class Predict
      implements UDF4<Integer, Double, Double, Double, Row>, Serializable {
    private static final long serialVersionUID = 1L;
    static final StructType TYPE = new StructType()
        .add("p_alive", DataTypes.DoubleType)
        .add("expected_purchases", DataTypes.DoubleType)
        .add("expected_value", DataTypes.DoubleType)
        .add("clv", DataTypes.DoubleType);
    private final double[] p;
    private final int steps;
    private transient CustomerValueScorer scorer;

    Predict(double[] p, int steps) {
      this.p = p;
      this.steps = steps;
    }

    @Override
    public Row call(Integer x, Double recency, Double age, Double meanValue) {
      CustomerValueScorer s = scorer;
      if (s == null) {
        s = CustomerValueScorer.builder(BgNbdModel.of(p[0], p[1], p[2], p[3]))
            .spendModel(GammaGammaModel.of(p[4], p[5], p[6]))
            .horizon(p[7]).steps(steps).discountRate(p[8]).build();
        scorer = s;
      }
      CustomerValue v = s.value(new CustomerSummary("c", x, recency, age, meanValue));
      return RowFactory.create(v.probabilityAlive(), v.expectedPurchases(),
          v.expectedAverageValue().getAsDouble(), v.clv().getAsDouble());
    }
  }
}
