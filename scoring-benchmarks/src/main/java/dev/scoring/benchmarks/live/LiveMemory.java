package dev.scoring.benchmarks.live;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveScorer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * Heap bytes per stored event of a {@link LiveScorer}, against the same histories held as
 * {@link Contact} objects (what the scorer kept before compact histories). Each is measured
 * as the growth of the used heap after a full collection, divided by the number of events;
 * the per-contact cost (cache entry, attributes) is included, spread over the events.
 *
 * <p>Run: {@code mvn -B -q -o -pl scoring-benchmarks -am package -DskipTests && java
 * -Xmx4g -cp scoring-benchmarks/target/benchmarks.jar
 * dev.scoring.benchmarks.live.LiveMemory}
 */
public final class LiveMemory {
  private static final int CONTACTS = 20_000;

  private LiveMemory() {}

  /**
   * Prints bytes per event at histories of 20 and 200 events.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    ScoringTable model = ExampleModels.seed();
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    for (int history : new int[] {20, 200}) {
      long base = used();
      Contact[] contacts = new Contact[CONTACTS];
      for (int i = 0; i < CONTACTS; i++) {
        contacts[i] = contact(new Random(i), "c-" + i, history, now);
      }
      long asObjects = used() - base;
      LiveScorer scorer = LiveScorer.builder(model).maximumSize(2L * CONTACTS).build();
      long before = used();
      for (Contact c : contacts) {
        for (Event e : c.events()) {
          scorer.record(c.id(), e);
        }
      }
      long live = used() - before;
      double events = (double) CONTACTS * history;
      System.out.printf(Locale.ROOT,
          "history %3d: live scorer %.1f bytes/event, Contact objects %.1f bytes/event "
              + "(%.2fx)%n", history, live / events, asObjects / events,
          (double) asObjects / live);
      if (scorer.estimatedSize() != CONTACTS || contacts.length != CONTACTS) {
        throw new AssertionError("lost contacts");
      }
    }
  }

  static Contact contact(Random random, String id, int history, Instant now) {
    Contact.Builder b = Contact.builder(id);
    for (int k = 0; k < history; k++) {
      String type = LiveScorerBenchmark.TYPES[random.nextInt(10)]; // types the model reads
      b.event(Event.of(type, now.minus(Duration.ofSeconds(random.nextInt(180 * 86_400)))));
    }
    return b.build();
  }

  private static long used() {
    MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return mx.getHeapMemoryUsage().getUsed();
  }
}
