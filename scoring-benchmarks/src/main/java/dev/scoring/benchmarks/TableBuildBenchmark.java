package dev.scoring.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ContactJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Building a {@link ContactTable} of 100,000 generated contacts from NDJSON bytes in memory
 * (on one thread, and on every processor) and from {@link Contact} objects; the {@code baseline} only walks the NDJSON tokens with
 * Jackson, the floor of any streaming reader. Scores are contacts per second;
 * {@code gc.alloc.rate.norm} is bytes per contact (the table's own arrays included). The
 * NDJSON table is checked in {@code @Setup} to hold the same contacts and give the same
 * scores.
 *
 * <p>Run: {@code java -jar scoring-benchmarks/target/benchmarks.jar TableBuildBenchmark
 * -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@OperationsPerInvocation(TableBuildBenchmark.CONTACTS)
public class TableBuildBenchmark {
  static final int CONTACTS = 100_000;
  private static final JsonFactory JSON = new JsonFactory();

  /** The population size; the smoke test lowers it. */
  int contacts = CONTACTS;

  private List<Contact> population;
  private byte[] ndjson;
  private int threads;

  /** Generates the population and its NDJSON, and checks the NDJSON table. */
  @Setup
  public void setup() {
    Instant asOf = BatchScoringBenchmark.AS_OF;
    population = ExampleContacts.generate(contacts, 42, asOf);
    ndjson = write(population);
    threads = Runtime.getRuntime().availableProcessors();
    System.err.println("NDJSON: " + ndjson.length + " bytes, " + contacts + " contacts, "
        + threads + " threads");
    ContactTable table = fromNdjson();
    ContactTable parallel = fromNdjsonAllThreads();
    if (parallel.size() != table.size() || parallel.memoryBytes() != table.memoryBytes()) {
      throw new IllegalStateException("the parallel table must equal the sequential one, but"
          + " was " + parallel + " against " + table);
    }
    ScoringTable model = ExampleModels.seed();
    BatchScores scores = BatchScorer.of(model).score(table, asOf, 1);
    for (int i = 0; i < contacts; i++) {
      if (!table.contact(i).equals(population.get(i))) {
        throw new IllegalStateException("NDJSON contact " + i + " must equal "
            + population.get(i) + ", but was " + table.contact(i));
      }
      Agreement.identical("NDJSON table", i, model.score(population.get(i), asOf).score(),
          scores.score(i));
    }
  }

  /** Writes contacts as NDJSON (SPEC section 1). */
  static byte[] write(List<Contact> contacts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
      for (Contact c : contacts) {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeObjectFieldStart("attributes");
        for (Map.Entry<String, Object> a : c.attributes().entrySet()) {
          g.writeFieldName(a.getKey());
          Object v = a.getValue();
          if (v instanceof String s) {
            g.writeString(s);
          } else if (v instanceof Long l) {
            g.writeNumber(l);
          } else if (v instanceof Double d) {
            g.writeNumber(d);
          } else {
            g.writeBoolean((Boolean) v);
          }
        }
        g.writeEndObject();
        g.writeArrayFieldStart("events");
        for (Event e : c.events()) {
          g.writeStartObject();
          g.writeStringField("type", e.type());
          g.writeStringField("at", e.at().toString());
          if (e.value().isPresent()) {
            g.writeNumberField("value", e.value().getAsDouble());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Walks every NDJSON token without building anything. */
  @Benchmark
  public long baseline() throws IOException {
    long tokens = 0;
    try (JsonParser p = JSON.createParser(ndjson)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        tokens += t.id();
      }
    }
    return tokens;
  }

  /** {@link ContactTable#fromNdjson}: parse and append, no objects per contact. */
  @Benchmark
  public ContactTable fromNdjson() {
    return ContactTable.fromNdjson(new ByteArrayInputStream(ndjson));
  }

  /**
   * {@link ContactJson#readTable(java.io.InputStream, int, java.util.function.Consumer)} on
   * every processor: chunks parsed in parallel, then joined.
   */
  @Benchmark
  public ContactTable fromNdjsonAllThreads() {
    return ContactJson.defaults().readTable(new ByteArrayInputStream(ndjson), threads, null);
  }

  /** {@link ContactTable#of}: append from contact objects. */
  @Benchmark
  public ContactTable fromContacts() {
    return ContactTable.of(population);
  }
}
