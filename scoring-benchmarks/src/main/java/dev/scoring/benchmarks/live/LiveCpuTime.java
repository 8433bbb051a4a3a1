package dev.scoring.benchmarks.live;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveScorer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * A companion to {@link LiveScorerBenchmark} for shared, noisy machines: the same three
 * operations timed in <em>CPU time</em> of the measuring thread (which other processes
 * disturb far less than wall-clock time), in one thread, after a warm-up: {@code model.score}
 * of a contact, a copy of it with one more event (what {@code record} did before compact
 * histories) and {@code record} into the live scorer. Not a JMH
 * benchmark: use it for ratios, and JMH for throughput.
 *
 * <p>Run: {@code mvn -B -q -o package -DskipTests && java -cp
 * scoring-benchmarks/target/benchmarks.jar dev.scoring.benchmarks.live.LiveCpuTime}
 */
public final class LiveCpuTime {
  private static final int CONTACTS = 50_000;
  private static final int OPS = 200_000;
  private static final int ROUNDS = 8;

  private LiveCpuTime() {}

  /**
   * Prints, per round, the CPU nanoseconds per operation of {@code model.score},
   * of the history copy and of {@code LiveScorer.record}; the first rounds are warm-up.
   *
   * @param args the history length, events per contact (default 20), and how many events of
   *     a type no rule reads ({@code page_view}) each contact has besides (default 0)
   */
  public static void main(String[] args) {
    final int history = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    final int ignored = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    ScoringTable model = ExampleModels.seed();
    Instant now = Instant.now();
    Random random = new Random(42);
    Event[] events = new Event[1 << 16];
    for (int i = 0; i < events.length; i++) {
      events[i] = Event.of(LiveScorerBenchmark.TYPES[random.nextInt(
          LiveScorerBenchmark.TYPES.length)], now.minusSeconds(random.nextInt(2 * 86_400)));
    }
    String[] ids = new String[CONTACTS];
    for (int i = 0; i < CONTACTS; i++) {
      ids[i] = "c-" + i;
    }
    double sink = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      LiveScorer scorer = LiveScorer.builder(model).maximumSize(2L * CONTACTS).build();
      Contact[] population = new Contact[CONTACTS];
      for (int i = 0; i < CONTACTS; i++) {
        Contact.Builder b = Contact.builder(ids[i]).attribute("age", 20 + random.nextInt(40))
            .attribute("sector", random.nextBoolean() ? "technology" : "finance");
        for (int k = 0; k < history; k++) {
          b.event(events[random.nextInt(events.length)].type(),
              now.minusSeconds(random.nextInt(180 * 86_400)));
        }
        for (int k = 0; k < ignored; k++) {
          b.event("page_view", now.minusSeconds(random.nextInt(180 * 86_400)));
        }
        population[i] = b.build();
        scorer.upsert(population[i]);
      }
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < OPS; i++) {
        sink += model.score(population[Math.floorMod(i * 7919, CONTACTS)], Instant.now())
            .score();
      }
      long t1 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < OPS; i++) {
        sink += population[Math.floorMod(i * 7919, CONTACTS)].toBuilder()
            .event(events[i & (events.length - 1)]).build().events().size();
      }
      long t2 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < OPS; i++) {
        sink += scorer.record(ids[Math.floorMod(i * 7919, CONTACTS)],
            events[i & (events.length - 1)]).score();
      }
      long t3 = mx.getCurrentThreadCpuTime();
      System.out.printf(Locale.ROOT,
          "round %d%s: score %.0f ns, copy %.0f ns, record %.0f ns of CPU per operation%n",
          round, round <= 3 ? " (warm-up)" : "", (t1 - t0) / (double) OPS,
          (t2 - t1) / (double) OPS, (t3 - t2) / (double) OPS);
    }
    if (sink == 42) {
      System.out.println();
    }
  }
}
