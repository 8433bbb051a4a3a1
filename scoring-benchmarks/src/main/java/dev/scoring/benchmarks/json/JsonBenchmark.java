package dev.scoring.benchmarks.json;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.ModelJson;
import dev.scoring.core.json.ScoreLines;
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
 * The cost of JSON around scoring: reading one NDJSON contact line, reading and scoring it,
 * writing its score line, and loading the seed model file. {@code baseline} builds the
 * same contact in Java from instants parsed beforehand, without JSON.
 *
 * <p>Run: {@code java -jar scoring-benchmarks/target/benchmarks.jar JsonBenchmark}
 * (after {@code mvn -B -q -o package -DskipTests}); add {@code -prof gc} for allocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JsonBenchmark {
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  private String line;
  private String seedJson;
  private ScoringTable model;
  private ContactJson contacts;
  private Contact contact;
  private Score score;
  private Instant[] at;

  /** Prepares a typical contact line (3 attributes, 4 events) and the seed model. */
  @Setup
  public void setup() {
    line = "{\"id\":\"c-17\",\"attributes\":{\"age\":29,\"sector\":\"Technology\","
        + "\"near_office\":true},\"events\":["
        + "{\"type\":\"pricing_page_visit\",\"at\":\"2026-11-20T10:00:00Z\"},"
        + "{\"type\":\"email_open\",\"at\":\"2026-11-10T08:30:00Z\"},"
        + "{\"type\":\"page_view\",\"at\":\"2026-11-03T10:00:00Z\",\"value\":95},"
        + "{\"type\":\"demo_request\",\"at\":\"2026-11-21T16:45:00Z\"}]}";
    seedJson = ExampleModels.seedJson();
    model = ExampleModels.seed();
    contacts = ContactJson.defaults();
    contact = contacts.read(line);
    score = model.score(contact, AS_OF);
    at = new Instant[] {Instant.parse("2026-11-20T10:00:00Z"),
        Instant.parse("2026-11-10T08:30:00Z"), Instant.parse("2026-11-03T10:00:00Z"),
        Instant.parse("2026-11-21T16:45:00Z")};
  }

  /** Builds the same contact in Java from ready instants: the cost without JSON. */
  @Benchmark
  public Contact baseline() {
    return Contact.builder("c-17")
        .attribute("age", 29).attribute("sector", "Technology").attribute("near_office", true)
        .event("pricing_page_visit", at[0])
        .event("email_open", at[1])
        .event("page_view", at[2], 95)
        .event("demo_request", at[3])
        .build();
  }

  /** Reads one NDJSON contact line. */
  @Benchmark
  public Contact readContactLine() {
    return contacts.read(line);
  }

  /** Reads one contact line and scores it with the seed model. */
  @Benchmark
  public Score readAndScoreLine() {
    return model.score(contacts.read(line), AS_OF);
  }

  /** Writes one score line (no explanation). */
  @Benchmark
  public String writeScoreLine() {
    return ScoreLines.toJson(contact.id(), score, model.fingerprint(), null);
  }

  /** Reads and compiles the seed model file (24 rules). */
  @Benchmark
  public ScoringTable readSeedModel() {
    return ModelJson.parse(seedJson);
  }
}
