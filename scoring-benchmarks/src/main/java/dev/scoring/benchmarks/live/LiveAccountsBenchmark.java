package dev.scoring.benchmarks.live;

import static dev.scoring.core.Condition.attribute;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.AccountRules;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.live.LiveScorer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
 * Events per second through the {@link LiveScorer} with an account block (SPEC section 12)
 * against the same table without one, in the same run: 50 000 contacts of 20 events each
 * (seed model, half-life decay, so nearly every event moves its contact's score), in
 * accounts of {@code members} contacts ({@code 0}: the table has no account block). With a
 * block, every event that moves a member's score recomputes its account with
 * {@code AccountRules.score}, {@code O(members log members)}.
 *
 * <p>Run: {@code java -jar scoring-benchmarks/target/benchmarks.jar LiveAccountsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LiveAccountsBenchmark {
  static final int CONTACTS = 50_000;
  static final int HISTORY = 20;
  static final String[] TYPES = LiveScorerBenchmark.TYPES;

  /** Members per account; 0: the table has no account block. */
  @Param({"0", "10", "100"})
  int members;

  ScoringTable model;
  LiveScorer scorer;
  String[] ids;
  Event[] events;
  Instant now;

  /** Builds the model and the incoming events. */
  @Setup(Level.Trial)
  public void prepare() {
    ScoringTable seed = ExampleModels.seed();
    model = members == 0 ? seed : seed.toBuilder()
        .account(AccountRules.builder(AccountRules.Combine.topMean(3))
            .demographic("enterprise", attribute("employees").atLeast(1000), 20)
            .tier("target", 50).tier("hot", 75).baseTier("cold")
            .build())
        .build();
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

  /** Refills the scorer with the contacts, their accounts and the account records. */
  @Setup(Level.Iteration)
  public void fill() {
    scorer = LiveScorer.builder(model).maximumSize(2L * CONTACTS).build();
    Random random = new Random(7);
    int accounts = members == 0 ? 0 : CONTACTS / members;
    for (int a = 0; a < accounts; a++) {
      scorer.upsertAccount("a-" + a, Map.of("employees", random.nextInt(5000)));
    }
    for (int i = 0; i < CONTACTS; i++) {
      Contact.Builder b = Contact.builder(ids[i])
          .attribute("age", 20 + random.nextInt(40))
          .attribute("sector", random.nextBoolean() ? "technology" : "finance")
          .attribute("near_office", random.nextBoolean());
      if (accounts > 0) {
        b.attribute("account_id", "a-" + i % accounts);
      }
      for (int k = 0; k < HISTORY; k++) {
        b.event(event(random, 180));
      }
      scorer.upsert(b.build());
    }
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

  /** Records one event (recomputing the contact's account when its score moved). */
  @Benchmark
  public Score record(Cursor cursor) {
    int i = cursor.next++;
    return scorer.record(ids[Math.floorMod(i * 7919, CONTACTS)],
        events[i & (events.length - 1)]);
  }
}
