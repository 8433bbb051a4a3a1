package dev.scoring.benchmarks;

import dev.scoring.api.Contact;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The peers: the seed table in Easy Rules 4.1.0 and in Drools (DRL compiled in
 * {@code @Setup}), beside the object API and the hand-written code, on the first 10,000
 * contacts of the same population as {@link BatchScoringBenchmark} (the rule engines are too
 * slow for a million per operation). Scores are contacts per second; {@code gc.alloc.rate.norm}
 * is bytes per contact. Every implementation is checked against the object API in
 * {@code @Setup}.
 *
 * <p>Run: {@code java -jar scoring-benchmarks/target/benchmarks.jar RuleEnginesBenchmark
 * -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@OperationsPerInvocation(RuleEnginesBenchmark.CONTACTS)
public class RuleEnginesBenchmark {
  static final int CONTACTS = 10_000;
  static final Instant AS_OF = BatchScoringBenchmark.AS_OF;

  /** The population size; the smoke test lowers it. */
  int contacts = CONTACTS;

  private List<Contact> population;
  private ScoringTable model;
  private EasyRulesSeed easyRules;
  private DroolsSeed drools;

  /** Generates the population, compiles the peers and checks they agree. */
  @Setup
  public void setup() {
    population = ExampleContacts.generate(contacts, 42, AS_OF);
    model = ExampleModels.seed();
    easyRules = new EasyRulesSeed();
    drools = new DroolsSeed();
    for (int i = 0; i < contacts; i++) {
      Contact c = population.get(i);
      double expected = model.score(c, AS_OF).score();
      Agreement.close("Easy Rules", i, expected, easyRules.score(c, AS_OF));
      Agreement.close("Drools", i, expected, drools.score(c, AS_OF));
      Agreement.close("hand-written object", i, expected, HandWrittenSeed.score(c, AS_OF));
    }
  }

  /** Turns every contact into the peers' {@link Lead} fact: their floor. */
  @Benchmark
  public void baseline(Blackhole bh) {
    for (int i = 0; i < population.size(); i++) {
      bh.consume(new Lead(population.get(i), AS_OF));
    }
  }

  /** Easy Rules: one {@code fire} per contact. */
  @Benchmark
  public double easyRules() {
    double sum = 0;
    for (int i = 0; i < population.size(); i++) {
      sum += easyRules.score(population.get(i), AS_OF);
    }
    return sum;
  }

  /** Drools: one stateless {@code execute} per contact. */
  @Benchmark
  public double drools() {
    double sum = 0;
    for (int i = 0; i < population.size(); i++) {
      sum += drools.score(population.get(i), AS_OF);
    }
    return sum;
  }

  /** The object API on the same contacts. */
  @Benchmark
  public void objectApi(Blackhole bh) {
    for (int i = 0; i < population.size(); i++) {
      bh.consume(model.score(population.get(i), AS_OF));
    }
  }

  /** The hand-written object code on the same contacts. */
  @Benchmark
  public double handWrittenObject() {
    double sum = 0;
    for (int i = 0; i < population.size(); i++) {
      sum += HandWrittenSeed.score(population.get(i), AS_OF);
    }
    return sum;
  }
}
