package dev.scoring.benchmarks.report;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.report.ScoringReport;
import dev.scoring.demo.DemoPopulation;
import java.time.Instant;
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
 * The cost per contact of feeding a {@link ScoringReport} (histogram, tiers, grid, top 10 and,
 * since the rule contributions, one tally per explanation entry), against the
 * {@code baseline} of scoring the contact alone: {@code addScore} explains the contact once
 * more, {@code addExplanation} takes the explanation the caller has.
 *
 * <p>Run: {@code java -jar scoring-benchmarks/target/benchmarks.jar ScoringReportBenchmark}
 * after {@code mvn -B -q -pl scoring-benchmarks -am -DskipTests package}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScoringReportBenchmark {
  private static final Instant AS_OF = Instant.parse("2026-11-22T00:00:00Z");
  private static final int CONTACTS = 4_096;

  private ScoringTable model;
  private Contact[] contacts;
  private Explanation[] explanations;
  private ScoringReport report;
  private int next;

  /** Generates the contacts (about ten events each) and an empty report. */
  @Setup
  public void setUp() {
    model = ExampleModels.seed();
    DemoPopulation population = new DemoPopulation(42, AS_OF);
    contacts = new Contact[CONTACTS];
    explanations = new Explanation[CONTACTS];
    for (int i = 0; i < CONTACTS; i++) {
      contacts[i] = population.contact(i);
      explanations[i] = model.explain(contacts[i], AS_OF);
    }
    report = new ScoringReport(model, AS_OF, 10);
  }

  private int nextIndex() {
    next = (next + 1) & (CONTACTS - 1);
    return next;
  }

  /**
   * Scoring one contact, nothing collected.
   *
   * @return the score
   */
  @Benchmark
  public Score baseline() {
    return model.score(contacts[nextIndex()], AS_OF);
  }

  /**
   * Scoring one contact and adding it with its score (the report explains it).
   *
   * @return the report
   */
  @Benchmark
  public ScoringReport addScore() {
    Contact c = contacts[nextIndex()];
    return report.add(c, model.score(c, AS_OF));
  }

  /**
   * Explaining one contact and adding it with its explanation.
   *
   * @return the report
   */
  @Benchmark
  public ScoringReport addExplanation() {
    Contact c = contacts[nextIndex()];
    return report.add(c, model.explain(c, AS_OF));
  }

  /**
   * Adding an explanation computed beforehand: the report's own cost.
   *
   * @return the report
   */
  @Benchmark
  public ScoringReport addPrecomputed() {
    int i = nextIndex();
    return report.add(contacts[i], explanations[i]);
  }
}
