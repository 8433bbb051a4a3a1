package dev.scoring.rfm;

import dev.scoring.api.ModelException;
import dev.scoring.api.Values;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * RFM analysis: from transactions to each customer's recency, frequency and monetary
 * measures, their scores {@code 1..n}, the cell code, a 0..100 score and a segment.
 *
 * <pre>{@code
 * Rfm rfm = Rfm.builder()
 *     .analysisDate(LocalDate.of(2006, 12, 31))
 *     .binning(Binning.rCompatible())     // default: Binning.quantiles()
 *     .build();
 * RfmResult result = rfm.score(transactions);
 * System.out.println(result.summary());
 * }</pre>
 *
 * <p>Per customer, as of the analysis date (transactions dated after it are ignored):
 * <ul>
 *   <li>recency: whole days from the day of the last purchase to the analysis date;
 *   <li>frequency: the number of purchases, or of distinct orders when transactions carry an
 *       order id (several lines of one order are one purchase);
 *   <li>monetary: the sum of the amounts ({@link Monetary#SUM}, the default) or that sum per
 *       order ({@link Monetary#MEAN_PER_ORDER}).
 * </ul>
 * A purchase is a transaction with an amount of at least zero. A negative amount is a return:
 * left out under {@link ReturnPolicy#EXCLUDE} (the default), or subtracted from the revenue
 * under {@link ReturnPolicy#NET}; it never counts as a purchase.
 *
 * <p>Scores are computed per measure over all customers with a {@link Binning} (type-7
 * quantiles by default); recency is reversed, {@code R = n + 1 - bin(recencyDays)}. The
 * 0..100 score is {@code 100 (wR(R-1) + wF(F-1) + wM(M-1)) / ((n-1)(wR+wF+wM))}, weights 1 by
 * default. The segment is the first matching row of a {@link SegmentTable} (the R
 * {@code rfm} package's table by default).
 *
 * <p>Aggregation and scoring run on several cores ({@link Builder#parallelism(int)}); the
 * result does not depend on the order of the transactions. Amounts are decimal (SPEC section
 * 8): each amount counts as the shortest decimal that rounds to it, a customer's amounts are
 * added exactly, and the monetary sum is the double nearest to that exact decimal total. So
 * the sum is the same in any order, and customers whose amounts add up to the same decimal
 * total tie (0.1 + 0.2 and 0.3).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Rfm {
  /** The fewest bins per measure. */
  public static final int MIN_BINS = 2;
  /** The most bins per measure (scores stay single digits in the cell code). */
  public static final int MAX_BINS = 9;

  private final LocalDate analysisDate;
  private final int bins;
  private final Binning recencyBinning;
  private final Binning frequencyBinning;
  private final Binning monetaryBinning;
  private final Monetary monetary;
  private final double recencyWeight;
  private final double frequencyWeight;
  private final double monetaryWeight;
  private final SegmentTable segments;
  private final ReturnPolicy returns;
  private final int parallelism;
  private final boolean commonPool;

  private Rfm(Builder b) {
    this.analysisDate = b.analysisDate;
    this.bins = b.bins;
    this.recencyBinning = b.recencyBinning;
    this.frequencyBinning = b.frequencyBinning;
    this.monetaryBinning = b.monetaryBinning;
    this.monetary = b.monetary;
    this.recencyWeight = b.recencyWeight;
    this.frequencyWeight = b.frequencyWeight;
    this.monetaryWeight = b.monetaryWeight;
    this.segments = b.segments;
    this.returns = b.returns;
    this.parallelism = b.parallelism;
    this.commonPool = b.commonPool;
  }

  /**
   * Starts a builder with the defaults: 5 bins, quantile binning, sum monetary, weights 1,
   * the R package's segments, returns excluded, all available processors. The analysis
   * date has no default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this analysis's settings.
   *
   * @return a builder holding this analysis's settings
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.analysisDate = analysisDate;
    b.bins = bins;
    b.recencyBinning = recencyBinning;
    b.frequencyBinning = frequencyBinning;
    b.monetaryBinning = monetaryBinning;
    b.monetary = monetary;
    b.recencyWeight = recencyWeight;
    b.frequencyWeight = frequencyWeight;
    b.monetaryWeight = monetaryWeight;
    b.segments = segments;
    b.returns = returns;
    b.parallelism = parallelism;
    b.commonPool = commonPool;
    return b;
  }

  /**
   * Returns the analysis date.
   *
   * @return the analysis date
   */
  public LocalDate analysisDate() {
    return analysisDate;
  }

  /**
   * Returns the number of bins per measure, 2..9.
   *
   * @return the number of bins per measure, 2..9
   */
  public int bins() {
    return bins;
  }

  /**
   * Returns the binning of one measure.
   *
   * @param measure the measure
   * @return its binning
   */
  public Binning binning(Measure measure) {
    switch (measure) {
      case RECENCY:
        return recencyBinning;
      case FREQUENCY:
        return frequencyBinning;
      default:
        return monetaryBinning;
    }
  }

  /**
   * Returns how monetary is measured.
   *
   * @return how monetary is measured
   */
  public Monetary monetary() {
    return monetary;
  }

  /**
   * Returns the segment table.
   *
   * @return the segment table
   */
  public SegmentTable segments() {
    return segments;
  }

  /**
   * Returns the return policy.
   *
   * @return the return policy
   */
  public ReturnPolicy returns() {
    return returns;
  }

  /**
   * Returns the number of workers used for large inputs.
   *
   * @return the number of workers used for large inputs
   */
  public int parallelism() {
    return parallelism;
  }

  /**
   * Scores the customers of a collection of transactions.
   *
   * @param transactions the transactions, in any order, none null
   * @return the result, customers sorted by id
   * @throws NullPointerException if the collection or a transaction is null
   */
  public RfmResult score(Collection<? extends Transaction> transactions) {
    Transaction[] tx = transactions.toArray(new Transaction[0]);
    for (Transaction t : tx) {
      Objects.requireNonNull(t, "transaction");
    }
    boolean parallel = parallelism > 1 && tx.length >= Aggregation.PARALLEL_THRESHOLD;
    ForkJoinPool pool = parallel && !commonPool ? new ForkJoinPool(parallelism) : null;
    try {
      Aggregation.Totals totals = new Aggregation((int) analysisDate.toEpochDay(), returns)
          .run(tx, parallel, pool);
      return scoreTotals(totals, parallel, pool);
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  private RfmResult scoreTotals(Aggregation.Totals totals, boolean parallel, ForkJoinPool pool) {
    int count = totals.ids.length;
    int analysisDay = (int) analysisDate.toEpochDay();
    double[] recency = new double[count];
    double[] frequency = new double[count];
    double[] money = new double[count];
    double[] revenue = new double[count];
    for (int i = 0; i < count; i++) {
      recency[i] = analysisDay - totals.lastDay[i];
      frequency[i] = totals.frequency[i];
      revenue[i] = totals.revenue[i];
      money[i] = monetary == Monetary.SUM ? revenue[i] : revenue[i] / frequency[i];
    }
    double[] rT = thresholds(recencyBinning, recency, parallel, pool);
    double[] fT = thresholds(frequencyBinning, frequency, parallel, pool);
    double[] mT = thresholds(monetaryBinning, money, parallel, pool);
    double weights = weightsTimesBins();
    CustomerRfm[] rows = new CustomerRfm[count];
    IntStream range = IntStream.range(0, count);
    Runnable fill = () -> (parallel ? range.parallel() : range).forEach(i -> {
      int r = bins + 1 - recencyBinning.bin(recency[i], rT);
      int f = frequencyBinning.bin(frequency[i], fT);
      int m = monetaryBinning.bin(money[i], mT);
      double score = weighted(r, f, m, weights);
      rows[i] = new CustomerRfm(totals.ids[i], LocalDate.ofEpochDay(totals.lastDay[i]),
          (int) recency[i], (int) frequency[i], revenue[i], money[i], r, f, m, score,
          segments.segmentOf(r, f, m));
    });
    Aggregation.invoke(parallel ? pool : null, fill);
    return new RfmResult(this, java.util.Arrays.asList(rows), rT, fT, mT, totals.used,
        totals.afterAnalysisDate, totals.excludedReturns, totals.customersWithoutPurchase);
  }

  /**
   * Returns the 0..100 score of scores {@code r}, {@code f} and {@code m}:
   * {@code 100 (wR(R-1) + wF(F-1) + wM(M-1)) / ((n-1)(wR+wF+wM))}. It is 0 for "111" and 100
   * for the top cell, and never decreases when one of the scores increases.
   *
   * @param r the recency score, 1..n
   * @param f the frequency score, 1..n
   * @param m the monetary score, 1..n
   * @return the score, 0..100
   * @throws IllegalArgumentException if a score is outside 1..n
   */
  public double scoreOf(int r, int f, int m) {
    checkScore("r", r);
    checkScore("f", f);
    checkScore("m", m);
    return weighted(r, f, m, weightsTimesBins());
  }

  private void checkScore(String name, int score) {
    if (score < 1 || score > bins) {
      throw new IllegalArgumentException(name + " must be in 1.." + bins + ", but was " + score);
    }
  }

  private double weightsTimesBins() {
    return (bins - 1) * (recencyWeight + frequencyWeight + monetaryWeight);
  }

  private double weighted(int r, int f, int m, double weightsTimesBins) {
    return 100 * (recencyWeight * (r - 1) + frequencyWeight * (f - 1) + monetaryWeight * (m - 1))
        / weightsTimesBins;
  }

  private double[] thresholds(Binning binning, double[] values, boolean parallel,
      ForkJoinPool pool) {
    if (binning.kind() == Binning.Kind.FIXED) {
      return binning.thresholds(values, bins);
    }
    if (values.length == 0) {
      return new double[0];
    }
    double[] sorted = values.clone();
    if (parallel) {
      Aggregation.invoke(pool, () -> java.util.Arrays.parallelSort(sorted));
    } else {
      java.util.Arrays.sort(sorted);
    }
    return binning.thresholds(sorted, bins);
  }

  @Override
  public String toString() {
    return "Rfm{analysisDate=" + analysisDate + ", bins=" + bins + ", binning=" + recencyBinning
        + "/" + frequencyBinning + "/" + monetaryBinning + ", monetary=" + monetary
        + ", weights=" + Values.number(recencyWeight) + "/" + Values.number(frequencyWeight)
        + "/" + Values.number(monetaryWeight) + ", returns=" + returns + "}";
  }

  /**
   * A mutable builder of {@link Rfm} analyses. Not thread-safe; {@link #build()} may be
   * called more than once.
   */
  public static final class Builder {
    private LocalDate analysisDate;
    private int bins = 5;
    private Binning recencyBinning = Binning.quantiles();
    private Binning frequencyBinning = Binning.quantiles();
    private Binning monetaryBinning = Binning.quantiles();
    private Monetary monetary = Monetary.SUM;
    private double recencyWeight = 1;
    private double frequencyWeight = 1;
    private double monetaryWeight = 1;
    private SegmentTable segments = SegmentTable.rPackage();
    private ReturnPolicy returns = ReturnPolicy.EXCLUDE;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private boolean commonPool = true;

    private Builder() {}

    /**
     * Sets the analysis date (required): recency is counted to this day and transactions
     * after it are ignored.
     *
     * @param date the day
     * @return this builder
     * @throws ModelException if {@code date} is null
     */
    public Builder analysisDate(LocalDate date) {
      if (date == null) {
        throw new ModelException("analysisDate", "analysisDate must be a date, but was null");
      }
      this.analysisDate = date;
      return this;
    }

    /**
     * Sets the number of bins, so the scores are {@code 1..n} (default 5).
     *
     * @param n the number of bins, 2..9
     * @return this builder
     * @throws ModelException if {@code n} is outside 2..9
     */
    public Builder bins(int n) {
      if (n < MIN_BINS || n > MAX_BINS) {
        throw new ModelException("bins",
            "bins must be in " + MIN_BINS + ".." + MAX_BINS + ", but was " + n);
      }
      this.bins = n;
      return this;
    }

    /**
     * Sets the binning of all three measures (default {@link Binning#quantiles()}).
     *
     * @param binning the binning
     * @return this builder
     * @throws ModelException if {@code binning} is null
     */
    public Builder binning(Binning binning) {
      check(binning, "binning");
      this.recencyBinning = binning;
      this.frequencyBinning = binning;
      this.monetaryBinning = binning;
      return this;
    }

    /**
     * Sets the binning of one measure, for example fixed recency breakpoints in days.
     *
     * @param measure the measure
     * @param binning its binning
     * @return this builder
     * @throws ModelException if an argument is null
     */
    public Builder binning(Measure measure, Binning binning) {
      check(measure, "measure");
      check(binning, "binning");
      switch (measure) {
        case RECENCY:
          this.recencyBinning = binning;
          break;
        case FREQUENCY:
          this.frequencyBinning = binning;
          break;
        default:
          this.monetaryBinning = binning;
      }
      return this;
    }

    /**
     * Sets how monetary is measured (default {@link Monetary#SUM}).
     *
     * @param monetary the measure
     * @return this builder
     * @throws ModelException if {@code monetary} is null
     */
    public Builder monetary(Monetary monetary) {
      check(monetary, "monetary");
      this.monetary = monetary;
      return this;
    }

    /**
     * Sets the weights of R, F and M in the 0..100 score (default 1 each).
     *
     * @param recency   the weight of R, finite and at least 0
     * @param frequency the weight of F, finite and at least 0
     * @param monetary  the weight of M, finite and at least 0
     * @return this builder
     * @throws ModelException if a weight is negative or not finite, or all are 0
     */
    public Builder weights(double recency, double frequency, double monetary) {
      weight("weights.recency", recency);
      weight("weights.frequency", frequency);
      weight("weights.monetary", monetary);
      if (!(recency + frequency + monetary > 0)) {
        throw new ModelException("weights", "weights must have a positive sum, but was "
            + Values.number(recency + frequency + monetary));
      }
      this.recencyWeight = recency;
      this.frequencyWeight = frequency;
      this.monetaryWeight = monetary;
      return this;
    }

    /**
     * Sets the segment table (default {@link SegmentTable#rPackage()}).
     *
     * @param table the table; its bounds must not exceed the number of bins
     * @return this builder
     * @throws ModelException if {@code table} is null
     */
    public Builder segments(SegmentTable table) {
      check(table, "segments");
      this.segments = table;
      return this;
    }

    /**
     * Sets what happens to negative amounts (default {@link ReturnPolicy#EXCLUDE}).
     *
     * @param policy the policy
     * @return this builder
     * @throws ModelException if {@code policy} is null
     */
    public Builder returns(ReturnPolicy policy) {
      check(policy, "returns");
      this.returns = policy;
      return this;
    }

    /**
     * Sets the number of worker threads for inputs of 50,000 transactions or more (default:
     * the available processors, on the common fork-join pool). 1 runs everything on the
     * calling thread; another value runs on a fork-join pool of that size made for each
     * call.
     *
     * @param threads 1..256
     * @return this builder
     * @throws ModelException if {@code threads} is outside 1..256
     */
    public Builder parallelism(int threads) {
      if (threads < 1 || threads > 256) {
        throw new ModelException("parallelism",
            "parallelism must be in 1..256, but was " + threads);
      }
      this.parallelism = threads;
      this.commonPool = false;
      return this;
    }

    /**
     * Returns the immutable analysis.
     *
     * @return the analysis
     * @throws IllegalStateException if the analysis date is not set, a fixed binning does not
     *     have {@code bins - 1} breakpoints, or a segment bound exceeds the number of bins
     */
    public Rfm build() {
      if (analysisDate == null) {
        throw new IllegalStateException("analysisDate must be set, but was null");
      }
      fixedCount("recency", recencyBinning);
      fixedCount("frequency", frequencyBinning);
      fixedCount("monetary", monetaryBinning);
      if (segments.maxBound() > bins) {
        throw new IllegalStateException("segment bounds must be at most bins (" + bins
            + "), but was " + segments.maxBound());
      }
      return new Rfm(this);
    }

    private void fixedCount(String measure, Binning binning) {
      if (binning.kind() == Binning.Kind.FIXED && binning.fixedCount() != bins - 1) {
        throw new IllegalStateException(measure + " breakpoints must be bins - 1 = " + (bins - 1)
            + " numbers, but was " + binning.breakpoints());
      }
    }

    private static void weight(String where, double w) {
      if (!Double.isFinite(w) || w < 0) {
        throw new ModelException(where,
            where + " must be finite and at least 0, but was " + Values.number(w));
      }
    }

    private static void check(Object value, String where) {
      if (value == null) {
        throw new ModelException(where, where + " must not be null, but was null");
      }
    }
  }
}
