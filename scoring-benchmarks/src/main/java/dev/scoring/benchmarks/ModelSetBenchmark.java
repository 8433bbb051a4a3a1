package dev.scoring.benchmarks;

import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.Decay;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A model set of three tables (SPEC section 11) on 1,000,000 generated contacts
 * ({@link ExampleContacts}, seed 42), one thread: {@code setOnePass} scores every table in
 * one blocked pass ({@link ModelSet#scoreBatch}); {@code threeSeparatePasses}, the baseline,
 * runs {@link BatchScorer} once per table. The tables: the seed table, the seed table with
 * three aggregate rules, and the seed table with a 30-day half-life. Throughput is contacts
 * per second (each scored under all three tables).
 *
 * <p>Run: {@code java -jar scoring-benchmarks/target/benchmarks.jar ModelSetBenchmark
 * -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OperationsPerInvocation(ModelSetBenchmark.CONTACTS)
public class ModelSetBenchmark {
  static final int CONTACTS = 1_000_000;
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  private ContactTable contacts;
  private ModelSet set;
  private List<BatchScorer> scorers;
  private BatchScores[] outs;

  /** Generates the population and checks that both forms agree. */
  @Setup
  public void setup() {
    contacts = ContactTable.of(ExampleContacts.generate(CONTACTS, 42, AS_OF));
    ScoringTable seed = ExampleModels.seed();
    ScoringTable aggregates = HandWrittenSeed.withAggregates().toBuilder()
        .name("seed-aggregates").build();
    ScoringTable decaying = seed.toBuilder().name("seed-decay").decay(Decay.halfLife(30))
        .build();
    set = ModelSet.builder("three").add(seed).add(aggregates).add(decaying).build();
    scorers = List.of(BatchScorer.of(seed), BatchScorer.of(aggregates),
        BatchScorer.of(decaying));
    outs = new BatchScores[3];
    Map<String, BatchScores> together = setOnePass();
    threeSeparatePasses();
    for (int t = 0; t < 3; t++) {
      BatchScores s = together.get(set.tables().get(t).name());
      for (int i = 0; i < CONTACTS; i++) {
        Agreement.identical("set table " + t, i, outs[t].score(i), s.score(i));
      }
    }
  }

  /** Every table in one blocked pass. */
  @Benchmark
  public Map<String, BatchScores> setOnePass() {
    return set.scoreBatch(contacts, AS_OF, 1);
  }

  /** The baseline: one pass per table (new results each time, as {@code setOnePass}). */
  @Benchmark
  public BatchScores[] threeSeparatePasses() {
    for (int t = 0; t < 3; t++) {
      outs[t] = scorers.get(t).score(contacts, AS_OF, 1);
    }
    return outs;
  }
}
