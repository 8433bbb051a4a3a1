package dev.scoring.benchmarks.rfm;

import dev.scoring.rfm.Rfm;
import dev.scoring.rfm.RfmResult;
import dev.scoring.rfm.SegmentTable;
import dev.scoring.rfm.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RFM aggregation and scoring of 10,000,000 transactions of 1,000,000 customers held in
 * memory (amounts in cents, dates over two years, 2% after the analysis date, 3% returns):
 *
 * <ul>
 *   <li>{@code baseline}: what one writes by hand, one thread: a {@code HashMap} of running
 *       sums, then sorted copies for the quintile thresholds and the segment lookup;
 *   <li>{@code sequential}: {@link Rfm} with {@code parallelism(1)}: the same work plus
 *       exact decimal sums, results sorted by id and one {@code CustomerRfm} per customer;
 *   <li>{@code parallel}: {@link Rfm} with its default, all available processors.
 * </ul>
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -o package -DskipTests
 * java -jar scoring-benchmarks/target/benchmarks.jar RfmBenchmark -f 1 -wi 2 -i 3 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class RfmBenchmark {
  static final int TRANSACTIONS = 10_000_000;
  static final int CUSTOMERS = 1_000_000;
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

  List<Transaction> transactions;
  Rfm sequential;
  Rfm parallel;

  /** Builds the transactions once per fork; customer ids and dates are shared instances. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261122);
    String[] ids = new String[CUSTOMERS];
    for (int i = 0; i < CUSTOMERS; i++) {
      ids[i] = String.format("cust-%07d", i);
    }
    LocalDate[] days = new LocalDate[760];
    for (int d = 0; d < days.length; d++) {
      days[d] = AS_OF.minusDays(d - 15);
    }
    transactions = new ArrayList<>(TRANSACTIONS);
    for (int i = 0; i < TRANSACTIONS; i++) {
      // skewed: a few customers buy much more often
      int customer = (int) (CUSTOMERS * Math.pow(random.nextDouble(), 1.5));
      if (i < CUSTOMERS) {
        customer = i; // every customer buys at least once
      }
      double amount = random.nextInt(1, 50_000) / 100.0;
      if (random.nextInt(100) < 3) {
        amount = -amount;
      }
      transactions.add(Transaction.of(ids[customer], days[random.nextInt(days.length)], amount));
    }
    sequential = Rfm.builder().analysisDate(AS_OF).parallelism(1).build();
    parallel = Rfm.builder().analysisDate(AS_OF).build();
  }

  /** Hand-written single-threaded RFM: the reference to compare with. */
  @Benchmark
  public long baseline() {
    long asOf = AS_OF.toEpochDay();
    HashMap<String, double[]> sums = new HashMap<>();
    for (Transaction t : transactions) {
      long day = t.date().toEpochDay();
      if (day > asOf || t.amount() < 0) {
        continue;
      }
      double[] s = sums.get(t.customerId());
      if (s == null) {
        s = new double[] {Double.NEGATIVE_INFINITY, 0, 0};
        sums.put(t.customerId(), s);
      }
      s[0] = Math.max(s[0], day);
      s[1]++;
      s[2] += t.amount();
    }
    int n = sums.size();
    double[] recency = new double[n];
    double[] frequency = new double[n];
    double[] monetary = new double[n];
    int i = 0;
    for (double[] s : sums.values()) {
      recency[i] = asOf - s[0];
      frequency[i] = s[1];
      monetary[i] = s[2];
      i++;
    }
    double[] rq = quintiles(recency);
    double[] fq = quintiles(frequency);
    double[] mq = quintiles(monetary);
    SegmentTable segments = SegmentTable.rPackage();
    long checksum = 0;
    for (int k = 0; k < n; k++) {
      int r = 6 - bin(recency[k], rq);
      int f = bin(frequency[k], fq);
      int m = bin(monetary[k], mq);
      checksum += segments.segmentOf(r, f, m).length() + 100 * r + 10 * f + m;
    }
    return checksum;
  }

  /** The library on the calling thread only. */
  @Benchmark
  public RfmResult sequential() {
    return sequential.score(transactions);
  }

  /** The library on all available processors. */
  @Benchmark
  public RfmResult parallel() {
    return parallel.score(transactions);
  }

  private static double[] quintiles(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] q = new double[4];
    for (int k = 1; k <= 4; k++) {
      double h = (sorted.length - 1) * k / 5.0;
      int lo = (int) Math.floor(h);
      q[k - 1] = lo + 1 < sorted.length
          ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
    }
    return q;
  }

  private static int bin(double x, double[] q) {
    int bin = 1;
    for (double t : q) {
      if (x > t) {
        bin++;
      }
    }
    return bin;
  }
}
