package dev.scoring.benchmarks;

import dev.scoring.api.Contact;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scoring 1,000,000 generated contacts ({@link ExampleContacts}, seed 42, about ten events
 * each over the past year) with the seed table: the object API, the columnar batch path on
 * one thread and on all processors, and the same table written by hand in plain Java in
 * object and columnar form. Scores are contacts per second ({@code @OperationsPerInvocation}
 * is the population), so {@code gc.alloc.rate.norm} is bytes per contact. Every
 * implementation is checked against the object API in {@code @Setup}.
 *
 * <p>{@code table=seed+aggregates} adds three aggregate rules (SPEC section 9) to the table
 * and to both hand-written forms ({@link HandWrittenSeed#withAggregates()}), to compare the
 * columnar/hand-written ratio with and without them. With {@code table=seed} the
 * hand-written columnar loop is the seed table alone: it does not keep the aggregates'
 * counters (it did before issue 17's kernel work, which made the seed baseline about half
 * as fast as a plain seed loop and the seed ratio look about twice as good).
 *
 * <p>Run: {@code java -jar scoring-benchmarks/target/benchmarks.jar BatchScoringBenchmark
 * -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@OperationsPerInvocation(BatchScoringBenchmark.CONTACTS)
public class BatchScoringBenchmark {
  static final int CONTACTS = 1_000_000;
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  /** The population size; the smoke test lowers it. */
  int contacts = CONTACTS;

  /** {@code seed}, or {@code seed+aggregates} for the seed plus three aggregate rules. */
  @Param({"seed", "seed+aggregates"})
  public String table = "seed";

  private boolean aggregates;

  private List<Contact> population;
  private ScoringTable model;
  private ContactTable contactTable;
  private BatchScorer scorer;
  private BatchScores results;
  private int threads;
  private HandWrittenSeed.Columns columns;
  private double[] handScores;
  private int[] handTiers;

  /** Generates the population, builds every form and checks they agree. */
  @Setup
  public void setup() {
    population = ExampleContacts.generate(contacts, 42, AS_OF);
    aggregates = table.equals("seed+aggregates");
    model = aggregates ? HandWrittenSeed.withAggregates() : ExampleModels.seed();
    contactTable = ContactTable.of(population);
    scorer = BatchScorer.of(model);
    results = new BatchScores(contacts);
    threads = Runtime.getRuntime().availableProcessors();
    columns = new HandWrittenSeed.Columns(population, ContactTable.DEFAULT_EPOCH);
    handScores = new double[contacts];
    handTiers = new int[contacts];

    BatchScores one = scorer.score(contactTable, AS_OF, 1);
    BatchScores all = scorer.score(contactTable, AS_OF, threads);
    columns.scoreAll(AS_OF, handScores, handTiers, aggregates);
    for (int i = 0; i < contacts; i++) {
      double expected = model.score(population.get(i), AS_OF).score();
      Agreement.identical("columnar (1 thread)", i, expected, one.score(i));
      Agreement.identical("columnar (" + threads + " threads)", i, expected, all.score(i));
      Agreement.close("hand-written object", i, expected,
          HandWrittenSeed.score(population.get(i), AS_OF, aggregates));
      Agreement.close("hand-written columnar", i, expected, handScores[i]);
      if (handTiers[i] != one.tierId(i)) {
        throw new IllegalStateException("hand-written columnar tier of contact " + i
            + " must be " + one.tierId(i) + ", but was " + handTiers[i]);
      }
    }
  }

  /** Touches every contact object once: the floor of any object-form loop. */
  @Benchmark
  public long baseline() {
    long sum = 0;
    for (int i = 0; i < population.size(); i++) {
      sum += population.get(i).events().size();
    }
    return sum;
  }

  /** {@code model.score(contact, asOf)} for every contact. */
  @Benchmark
  public void objectApi(Blackhole bh) {
    for (int i = 0; i < population.size(); i++) {
      bh.consume(model.score(population.get(i), AS_OF));
    }
  }

  /** The seed table by hand over the same contact objects. */
  @Benchmark
  public double handWrittenObject() {
    double sum = 0;
    for (int i = 0; i < population.size(); i++) {
      sum += HandWrittenSeed.score(population.get(i), AS_OF, aggregates);
    }
    return sum;
  }

  /** The columnar batch path on the calling thread. */
  @Benchmark
  public BatchScores columnarOneThread() {
    scorer.scoreInto(contactTable, AS_OF, 1, results);
    return results;
  }

  /** The columnar batch path on all available processors. */
  @Benchmark
  public BatchScores columnarAllThreads() {
    scorer.scoreInto(contactTable, AS_OF, threads, results);
    return results;
  }

  /** The seed table by hand over its own primitive columns, one thread. */
  @Benchmark
  public int[] handWrittenColumnar() {
    columns.scoreAll(AS_OF, handScores, handTiers, aggregates);
    return handTiers;
  }
}
