package dev.scoring.benchmarks;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.ArrayScorer;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * The entry point the Spark adapter feeds per contact ({@link ArrayScorer}: attributes, then
 * events as primitive arrays in the order Spark gives them, shuffled here) against
 * {@link BatchScorer} on one thread over the same 100,000 contacts. Scores are contacts per
 * second, so {@code gc.alloc.rate.norm} is bytes per contact: it shows that the per-contact
 * path allocates nothing. Checked bit for bit against the object API in {@code @Setup}.
 *
 * <p>Run: {@code java -jar scoring-benchmarks/target/benchmarks.jar ArrayScorerBenchmark
 * -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OperationsPerInvocation(ArrayScorerBenchmark.CONTACTS)
public class ArrayScorerBenchmark {
  static final int CONTACTS = 100_000;
  static final Instant AS_OF = BatchScoringBenchmark.AS_OF;

  private ScoringTable model;
  private ArrayScorer arrays;
  private Object[][] attributes;
  private int[][] types;
  private long[][] seconds;
  private int[][] nanos;
  private double[][] values;
  private ContactTable table;
  private BatchScorer batch;
  private BatchScores results;

  /** Generates the contacts, converts them to arrays once, checks both paths. */
  @Setup
  public void setup() {
    List<Contact> population = ExampleContacts.generate(CONTACTS, 42, AS_OF);
    model = ExampleModels.seed();
    arrays = ArrayScorer.of(model);
    List<String> names = arrays.attributeNames();
    attributes = new Object[CONTACTS][];
    types = new int[CONTACTS][];
    seconds = new long[CONTACTS][];
    nanos = new int[CONTACTS][];
    values = new double[CONTACTS][];
    Random random = new Random(7);
    for (int c = 0; c < CONTACTS; c++) {
      Contact contact = population.get(c);
      attributes[c] = new Object[names.size()];
      for (int a = 0; a < names.size(); a++) {
        attributes[c][a] = contact.attribute(names.get(a));
      }
      List<Event> events = new ArrayList<>(contact.events());
      Collections.shuffle(events, random);
      int n = events.size();
      types[c] = new int[n];
      seconds[c] = new long[n];
      nanos[c] = new int[n];
      values[c] = new double[n];
      for (int i = 0; i < n; i++) {
        Event e = events.get(i);
        types[c][i] = arrays.typeId(e.type());
        seconds[c][i] = e.at().getEpochSecond();
        nanos[c][i] = e.at().getNano();
        values[c][i] = e.value().isPresent() ? e.value().getAsDouble() : Double.NaN;
      }
      score(c);
      if (arrays.score() != model.score(contact, AS_OF).score()) {
        throw new IllegalStateException("contact " + c + " must score as the object API, but"
            + " did not");
      }
    }
    table = ContactTable.of(population);
    batch = BatchScorer.of(model);
    results = batch.score(table, AS_OF, 1);
  }

  private void score(int c) {
    ArrayScorer s = arrays;
    s.beginContact();
    Object[] a = attributes[c];
    for (int i = 0; i < a.length; i++) {
      s.attribute(i, a[i]);
    }
    s.score(types[c], seconds[c], nanos[c], values[c], types[c].length, AS_OF);
  }

  /**
   * Scores every contact through {@link ArrayScorer}.
   *
   * @return the sum of the scores
   */
  @Benchmark
  public double arrayScorer() {
    double sum = 0;
    for (int c = 0; c < CONTACTS; c++) {
      score(c);
      sum += arrays.score();
    }
    return sum;
  }

  /**
   * Scores every contact with {@link BatchScorer} on one thread.
   *
   * @return the results
   */
  @Benchmark
  public BatchScores batchScorer() {
    batch.scoreInto(table, AS_OF, 1, results);
    return results;
  }
}
