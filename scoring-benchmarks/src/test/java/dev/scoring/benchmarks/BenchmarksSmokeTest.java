package dev.scoring.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.core.examples.ExampleContacts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs every benchmark body once on a small population, after its {@code @Setup} (which
 * checks that every implementation agrees), so the suite cannot rot.
 */
class BenchmarksSmokeTest {
  private static final Blackhole BLACKHOLE = new Blackhole(
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  /** Calls {@code @Setup} then every {@code @Benchmark} method; returns their names. */
  static List<String> runAll(Object state) throws Exception {
    Method[] methods = state.getClass().getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    for (Method m : methods) {
      if (m.isAnnotationPresent(Setup.class)) {
        m.invoke(state);
      }
    }
    List<String> ran = new ArrayList<>();
    for (Method m : methods) {
      if (m.isAnnotationPresent(Benchmark.class)) {
        Object result = m.getParameterCount() == 0 ? m.invoke(state) : m.invoke(state, BLACKHOLE);
        if (m.getReturnType() != void.class) {
          assertNotNull(result, m.getName());
        }
        ran.add(m.getName());
      }
    }
    return ran;
  }

  @Test
  void batchScoring_everyBodyRuns() throws Exception {
    BatchScoringBenchmark b = new BatchScoringBenchmark();
    b.contacts = 2_000;
    assertEquals(List.of("baseline", "columnarAllThreads", "columnarOneThread",
        "handWrittenColumnar", "handWrittenObject", "objectApi"), runAll(b));
  }

  @Test
  void batchScoringWithAggregates_everyBodyRunsAndAgrees() throws Exception {
    BatchScoringBenchmark b = new BatchScoringBenchmark();
    b.contacts = 5_000;
    b.table = "seed+aggregates";
    assertEquals(List.of("baseline", "columnarAllThreads", "columnarOneThread",
        "handWrittenColumnar", "handWrittenObject", "objectApi"), runAll(b));
  }

  @Test
  void ruleEngines_everyBodyRuns() throws Exception {
    RuleEnginesBenchmark b = new RuleEnginesBenchmark();
    b.contacts = 200;
    assertEquals(List.of("baseline", "drools", "easyRules", "handWrittenObject", "objectApi"),
        runAll(b));
  }

  @Test
  void tableBuild_everyBodyRuns() throws Exception {
    TableBuildBenchmark b = new TableBuildBenchmark();
    b.contacts = 1_000;
    assertEquals(List.of("baseline", "fromContacts", "fromNdjson", "fromNdjsonAllThreads"),
        runAll(b));
  }

  @Test
  void sinkReplayHarness_replaysAFileIntoTheTable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("contacts.ndjson");
    Files.write(file, TableBuildBenchmark.write(
        ExampleContacts.generate(300, 7, BatchScoringBenchmark.AS_OF)));
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      SinkReplayHarness.main(new String[] {file.toString(), "3"});
    } finally {
      System.setOut(out);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    assertEquals(3, text.lines().filter(l -> l.startsWith("round ")).count(), text);
    assertTrue(text.contains(" for 300 contacts ("), text);
  }

  @Test
  void modelCompile_everyBodyRuns() throws Exception {
    assertEquals(List.of("baseline", "drools", "easyRules", "seed"),
        runAll(new ModelCompileBenchmark()));
  }
}
