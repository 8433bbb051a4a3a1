package dev.scoring.benchmarks.evaluation;

import dev.scoring.api.Contact;
import dev.scoring.core.evaluation.FeatureSpec;
import dev.scoring.core.evaluation.FittedTable;
import dev.scoring.core.evaluation.LabeledContact;
import dev.scoring.core.evaluation.Metrics;
import dev.scoring.core.evaluation.TableFitter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
 * The cost of evaluating and fitting: ROC AUC and KS of 100,000 scores (with ties, rounded to
 * 0.1 on 0..100) against the {@code baseline} of sorting them, which the O(n log n) rank
 * formulation cannot beat; and fitting a table on 5,000 synthetic contacts (a categorical,
 * a numeric with 5 quantile bins, an event type with 3 knots).
 *
 * <p>Run: {@code java -jar scoring-benchmarks/target/benchmarks.jar EvaluationBenchmark}
 * after {@code mvn -B -q -o package -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EvaluationBenchmark {
  private static final Instant AS_OF = Instant.parse("2026-11-22T00:00:00Z");

  private double[] scores;
  private boolean[] converted;
  private List<LabeledContact> contacts;
  private TableFitter fitter;

  /** Builds the scores and the synthetic contacts. */
  @Setup
  public void setUp() {
    Random random = new Random(42);
    int n = 100_000;
    scores = new double[n];
    converted = new boolean[n];
    for (int i = 0; i < n; i++) {
      scores[i] = Math.rint(random.nextDouble() * 1000) / 10;
      converted[i] = random.nextDouble() < scores[i] / 120;
    }
    String[] plans = {"free", "team", "enterprise", "student"};
    contacts = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      int plan = random.nextInt(plans.length);
      double size = Math.floor(random.nextDouble() * 500);
      Contact.Builder c = Contact.builder("c" + i).attribute("plan", plans[plan])
          .attribute("size", size);
      int visits = random.nextInt(8);
      for (int v = 0; v < visits; v++) {
        c.event("visit", AS_OF.minus(Duration.ofDays(random.nextInt(60))));
      }
      double logit = -1 + plan * 0.5 + size / 500 + 0.2 * visits;
      contacts.add(LabeledContact.of(c.build(), random.nextDouble() < 1 / (1 + Math.exp(-logit))));
    }
    fitter = TableFitter.builder("bench").features(FeatureSpec.builder()
        .categorical("plan").numeric("size", 5).eventsWithin("visit", 30, 1, 3, 5).build())
        .build();
  }

  /** Sorting a copy of the scores: the floor for any rank-based metric. */
  @Benchmark
  public double[] baseline() {
    double[] copy = scores.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** ROC AUC by mid-ranks. */
  @Benchmark
  public double auc() {
    return Metrics.auc(scores, converted);
  }

  /** The KS statistic. */
  @Benchmark
  public double ks() {
    return Metrics.ks(scores, converted);
  }

  /** Fitting a table on 5,000 contacts. */
  @Benchmark
  public FittedTable fit() {
    return fitter.fit(contacts, AS_OF);
  }
}
