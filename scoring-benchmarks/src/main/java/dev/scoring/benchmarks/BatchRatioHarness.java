package dev.scoring.benchmarks;

import dev.scoring.api.Contact;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * A whole-process companion to {@link BatchScoringBenchmark} for a shared, loaded machine:
 * the columnar batch path on one thread against the hand-written columnar loop, on the same
 * population and table, timed in <em>thread CPU time</em> (so time the thread spends
 * descheduled does not count) and reported as the best of the later rounds, the two
 * alternating round by round. JMH's wall-clock scores swing by 2x when other processes
 * compete for the two cores; this ratio moves by a few percent. Cache and SMT contention
 * from other processes still count, so quote it beside JMH, not instead of it.
 *
 * <p>Run one table per JVM (as JMH forks per parameter), for example:
 * {@code java -cp scoring-benchmarks/target/benchmarks.jar
 * dev.scoring.benchmarks.BatchRatioHarness seed+aggregates 15}. Not thread-safe; a command
 * line program.
 */
public final class BatchRatioHarness {
  private BatchRatioHarness() {}

  /**
   * Prints ns per contact of both paths and their ratio.
   *
   * @param args the table ({@code seed} or {@code seed+aggregates}, default {@code seed}),
   *             the number of rounds (default 15; the first third warm up) and the number
   *             of contacts (default 1,000,000)
   */
  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "seed";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int contacts = args.length > 2 ? Integer.parseInt(args[2]) : BatchScoringBenchmark.CONTACTS;
    if (!name.equals("seed") && !name.equals("seed+aggregates")) {
      throw new IllegalArgumentException(
          "table must be seed or seed+aggregates, but was " + name);
    }
    boolean aggregates = name.equals("seed+aggregates");
    List<Contact> population =
        ExampleContacts.generate(contacts, 42, BatchScoringBenchmark.AS_OF);
    ScoringTable model = aggregates ? HandWrittenSeed.withAggregates() : ExampleModels.seed();
    ContactTable table = ContactTable.of(population);
    BatchScorer scorer = BatchScorer.of(model);
    BatchScores out = new BatchScores(contacts);
    HandWrittenSeed.Columns columns =
        new HandWrittenSeed.Columns(population, ContactTable.DEFAULT_EPOCH);
    double[] handScores = new double[contacts];
    int[] handTiers = new int[contacts];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long bestColumnar = Long.MAX_VALUE;
    long bestHand = Long.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      long t0 = threads.getCurrentThreadCpuTime();
      scorer.scoreInto(table, BatchScoringBenchmark.AS_OF, 1, out);
      long t1 = threads.getCurrentThreadCpuTime();
      columns.scoreAll(BatchScoringBenchmark.AS_OF, handScores, handTiers, aggregates);
      long t2 = threads.getCurrentThreadCpuTime();
      if (r >= rounds / 3) {
        bestColumnar = Math.min(bestColumnar, t1 - t0);
        bestHand = Math.min(bestHand, t2 - t1);
      }
    }
    for (int i = 0; i < contacts; i++) {
      Agreement.close("hand-written columnar", i, out.score(i), handScores[i]);
    }
    System.out.printf("table=%s columnar %.1f ns/contact, hand-written %.1f ns/contact,"
        + " columnar/hand-written %.2fx%n", name, bestColumnar / (double) contacts,
        bestHand / (double) contacts, bestHand / (double) bestColumnar);
  }
}
