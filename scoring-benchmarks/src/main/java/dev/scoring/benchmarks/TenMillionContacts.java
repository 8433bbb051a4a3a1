package dev.scoring.benchmarks;

import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import java.time.Instant;

/**
 * Proof that 10,000,000 contacts with 10 events each fit in a 2 GB heap: streams generated
 * contacts into a {@link ContactTable} (never holding the objects), scores them all on every
 * processor, and prints the table's bytes per contact and per event, the heap used and the
 * times. Not a JMH benchmark: one run, a few minutes.
 *
 * <p>Run: {@code java -Xmx2g -cp scoring-benchmarks/target/benchmarks.jar
 * dev.scoring.benchmarks.TenMillionContacts [contacts]}
 */
public final class TenMillionContacts {
  private TenMillionContacts() {}

  /**
   * Runs the proof.
   *
   * @param args optionally the number of contacts (default 10,000,000)
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int eventsPerContact = 10;
    Instant asOf = BatchScoringBenchmark.AS_OF;
    Runtime rt = Runtime.getRuntime();
    System.out.printf("max heap %,d MB, %d processors%n", rt.maxMemory() >> 20,
        rt.availableProcessors());

    long t0 = System.nanoTime();
    ExampleContacts generator = new ExampleContacts(42, asOf, eventsPerContact, eventsPerContact);
    ContactTable.Builder builder = ContactTable.builder()
        .expectedContacts(n)
        .expectedEvents(n * eventsPerContact);
    for (int i = 0; i < n; i++) {
      builder.add(generator.next());
    }
    ContactTable table = builder.build();
    long t1 = System.nanoTime();
    System.out.printf("built %s in %.1f s (generating the contacts included)%n", table,
        (t1 - t0) / 1e9);
    System.out.printf("table arrays: %,d bytes = %.1f bytes per contact, %.2f per event "
        + "(all included)%n", table.memoryBytes(), (double) table.memoryBytes() / n,
        (double) table.memoryBytes() / table.eventCount());

    BatchScorer scorer = BatchScorer.of(ExampleModels.seed());
    BatchScores scores = scorer.score(table, asOf);
    long t2 = System.nanoTime();
    scorer.scoreInto(table, asOf, rt.availableProcessors(), scores);
    long t3 = System.nanoTime();
    System.out.printf("scored %,d contacts on %d threads in %.2f s (second run): %s; tiers %s%n",
        table.size(), rt.availableProcessors(), (t3 - t2) / 1e9,
        String.format("%,.0f contacts/s", table.size() / ((t3 - t2) / 1e9)),
        scores.tierCountsByName());
    int[] top = scores.topK(3);
    for (int i : top) {
      System.out.printf("top: %s score %.3f %s%n", table.id(i), scores.score(i), scores.tier(i));
    }
    System.gc();
    System.out.printf("heap used after GC, table and scores live: %,d MB of %,d MB%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
  }
}
