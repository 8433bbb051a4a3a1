package dev.scoring.benchmarks;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling the seed table: the library's builder ({@link ExampleModels#seed()}: validation
 * and compilation to the kernel) beside the peers' setup, Easy Rules' rule registration and
 * Drools' DRL compilation. The {@code baseline} only starts a builder. Average time per
 * model.
 *
 * <p>Run: {@code java -jar scoring-benchmarks/target/benchmarks.jar ModelCompileBenchmark
 * -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ModelCompileBenchmark {

  /** Starts a builder: the floor. */
  @Benchmark
  public ScoringTable.Builder baseline() {
    return ScoringTable.builder("seed-b2b");
  }

  /** Builds and compiles the seed table. */
  @Benchmark
  public ScoringTable seed() {
    return ExampleModels.seed();
  }

  /** Registers the seed table's rules in Easy Rules. */
  @Benchmark
  public Object easyRules() {
    return new EasyRulesSeed();
  }

  /** Compiles the seed table's DRL with Drools. */
  @Benchmark
  public KieBase drools() {
    return DroolsSeed.compile();
  }
}
