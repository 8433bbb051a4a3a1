package dev.scoring.benchmarks.live;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveScorer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second through the {@link LiveScorer}, against batch scoring of the same
 * contacts ({@code baseline}), with the seed model (half-life decay, 24 rules).
 *
 * <ul>
 *   <li>{@code record}: one event into one of 50 000 contacts holding {@code history} events
 *       each (refilled before each iteration), returning the new exact score;
 *   <li>{@code read}: the score of one of those contacts as of now;
 *   <li>{@code baseline}: {@code model.score(contact, now)} of one of the same 50 000
 *       contacts, taken from an array in the same order: no cache, no copy, no lock;
 * </ul>
 *
 * <p>{@code ignored} adds that many events of a type no rule reads ({@code page_view}) to each
 * contact: the scorer does not store them, so {@code record} should not slow down, while
 * {@code baseline} scores them.
 *
 * <p>Run: {@code mvn -B -q -o package -DskipTests && java -jar
 * scoring-benchmarks/target/benchmarks.jar LiveScorerBenchmark} (add {@code -t 2} for two
 * threads, {@code -prof gc} for allocation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LiveScorerBenchmark {
  static final int CONTACTS = 50_000;
  static final String[] TYPES = {"white_paper_download", "pricing_page_visit", "email_open",
      "newsletter_subscription", "contact_form", "webinar", "case_study_download",
      "chatbot_interaction", "blog_visit", "demo_request", "page_view", "hard_bounce"};

  /** Events per contact before each iteration. */
  @Param({"20", "200"})
  int history;

  /** Extra events per contact of a type no rule reads. */
  @Param({"0"})
  int ignored;

  ScoringTable model;
  LiveScorer scorer;
  String[] ids;
  Event[] events;
  Contact[] population;
  Instant now;

  /** Builds the model and the incoming events. */
  @Setup(Level.Trial)
  public void prepare() {
    model = ExampleModels.seed();
    now = Instant.now();
    Random random = new Random(42);
    ids = new String[CONTACTS];
    for (int i = 0; i < CONTACTS; i++) {
      ids[i] = "c-" + i;
    }
    events = new Event[1 << 16];
    for (int i = 0; i < events.length; i++) {
      events[i] = event(random, 2);
    }
  }

  /** Refills the scorer with {@link #CONTACTS} contacts of {@code history} events. */
  @Setup(Level.Iteration)
  public void fill() {
    scorer = LiveScorer.builder(model).maximumSize(2L * CONTACTS).build();
    Random random = new Random(7);
    population = new Contact[CONTACTS];
    for (int i = 0; i < CONTACTS; i++) {
      population[i] = contact(random, ids[i]);
      scorer.upsert(population[i]);
    }
  }

  Contact contact(Random random, String id) {
    Contact.Builder b = Contact.builder(id)
        .attribute("age", 20 + random.nextInt(40))
        .attribute("sector", random.nextBoolean() ? "technology" : "finance")
        .attribute("near_office", random.nextBoolean());
    for (int k = 0; k < history; k++) {
      b.event(event(random, 180));
    }
    for (int k = 0; k < ignored; k++) {
      b.event(Event.of("page_view", now.minus(Duration.ofSeconds(random.nextInt(180 * 86_400)))));
    }
    return b.build();
  }

  Event event(Random random, int maxAgeDays) {
    return Event.of(TYPES[random.nextInt(TYPES.length)],
        now.minus(Duration.ofSeconds(random.nextInt(maxAgeDays * 86_400))));
  }

  /** Each thread's position in the stream of incoming events. */
  @State(Scope.Thread)
  public static class Cursor {
    int next = new Random().nextInt(1 << 20);
  }

  /** Records one event and returns the contact's new score. */
  @Benchmark
  public Score record(Cursor cursor) {
    int i = cursor.next++;
    return scorer.record(ids[Math.floorMod(i * 7919, CONTACTS)],
        events[i & (events.length - 1)]);
  }

  /** Reads one stored contact's score as of now. */
  @Benchmark
  public Optional<Score> read(Cursor cursor) {
    int i = cursor.next++;
    return scorer.score(ids[Math.floorMod(i * 7919, CONTACTS)]);
  }

  /** Scores one of the same contacts directly, for comparison. */
  @Benchmark
  public Score baseline(Cursor cursor) {
    int i = cursor.next++;
    return model.score(population[Math.floorMod(i * 7919, CONTACTS)], Instant.now());
  }
}
