package dev.scoring.demo;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.api.Tier;
import dev.scoring.core.ExampleModels;
import dev.scoring.core.ScoringTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The demo: scores a generated population with the seed table and prints the tier counts and
 * the top contacts with their explanations.
 *
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; java -cp scoring-benchmarks/target/benchmarks.jar dev.scoring.demo.Demo [contacts]
 * </pre>
 */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args optionally the number of contacts (default 1,000,000)
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    Instant asOf = Instant.parse("2026-11-22T00:00:00Z");
    ScoringTable model = ExampleModels.seed();
    DemoPopulation population = new DemoPopulation(42, asOf);
    System.out.printf(Locale.ROOT, "Scoring %,d generated contacts with %s v%s as of %s%n", n,
        model.name(), model.version(), asOf);

    Map<String, Integer> tiers = new LinkedHashMap<>();
    tiers.put(model.baseTier(), 0);
    for (Tier t : model.tiers()) {
      tiers.put(t.name(), 0);
    }
    Comparator<Map.Entry<Contact, Score>> byScore =
        Comparator.comparingDouble(e -> e.getValue().score());
    PriorityQueue<Map.Entry<Contact, Score>> top = new PriorityQueue<>(byScore);
    long scoringNanos = 0;
    int chunk = 10_000;
    List<Contact> batch = new ArrayList<>(chunk);
    for (int from = 0; from < n; from += chunk) {
      batch.clear();
      for (int i = from; i < Math.min(n, from + chunk); i++) {
        batch.add(population.contact(i));
      }
      long start = System.nanoTime();
      for (Contact c : batch) {
        Score s = model.score(c, asOf);
        tiers.merge(s.tier(), 1, Integer::sum);
        if (top.size() < 5 || s.score() > top.peek().getValue().score()) {
          top.add(Map.entry(c, s));
          if (top.size() > 5) {
            top.poll();
          }
        }
      }
      scoringNanos += System.nanoTime() - start;
      if ((from / chunk) % 20 == 19) {
        System.out.printf(Locale.ROOT, "  ... %,d contacts%n", from + chunk);
      }
    }
    System.out.printf(Locale.ROOT, "Scored %,d contacts in %.2f s of scoring time: %,.0f "
        + "contacts/s on one thread (object API)%n", n, scoringNanos / 1e9,
        n / (scoringNanos / 1e9));
    System.out.println();
    System.out.println("Tier counts:");
    tiers.forEach((tier, count) -> System.out.printf(Locale.ROOT, "  %-12s %,10d  %5.1f%%%n",
        tier, count, 100.0 * count / n));
    System.out.println();
    System.out.println("Top 5 contacts:");
    List<Map.Entry<Contact, Score>> best = new ArrayList<>(top);
    best.sort(byScore.reversed());
    for (Map.Entry<Contact, Score> e : best) {
      System.out.println(e.getKey().id() + " " + e.getKey().attributes());
      System.out.print(model.explain(e.getKey(), asOf));
    }
  }
}
