package dev.scoring.demo;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.api.Tier;
import dev.scoring.core.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.report.ScoringReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    ScoringReport report = new ScoringReport(model, asOf, 5);
    long scoringNanos = 0;
    int chunk = 10_000;
    List<Contact> batch = new ArrayList<>(chunk);
    for (int from = 0; from < n; from += chunk) {
      batch.clear();
      for (int i = from; i < Math.min(n, from + chunk); i++) {
        batch.add(population.contact(i));
      }
      Score[] scores = new Score[batch.size()];
      long start = System.nanoTime();
      for (int i = 0; i < scores.length; i++) {
        scores[i] = model.score(batch.get(i), asOf);
      }
      scoringNanos += System.nanoTime() - start;
      for (int i = 0; i < scores.length; i++) {
        report.add(batch.get(i), scores[i]);
      }
      if ((from / chunk) % 20 == 19) {
        System.out.printf(Locale.ROOT, "  ... %,d contacts%n", from + chunk);
      }
    }
    System.out.printf(Locale.ROOT, "Scored %,d contacts in %.2f s of scoring time: %,.0f "
        + "contacts/s on one thread (object API)%n", n, scoringNanos / 1e9,
        n / (scoringNanos / 1e9));
    System.out.println();
    System.out.println("Tier counts:");
    for (String tier : tierOrder(model)) {
      long count = report.tierCounts().get(tier);
      System.out.printf(Locale.ROOT, "  %-12s %,10d  %5.1f%%%n", tier, count, 100.0 * count / n);
    }
    System.out.println();
    System.out.println("Top 5 contacts:");
    for (Map.Entry<Contact, Score> e : report.top()) {
      System.out.println(e.getKey().id() + " " + e.getKey().attributes());
      System.out.print(model.explain(e.getKey(), asOf));
    }
    System.out.println();
    Path out = Path.of("target", "reports");
    System.out.println("Scoring report: " + report.toHtml().write(out.resolve("scoring.html"))
        .toAbsolutePath());
  }

  private static List<String> tierOrder(ScoringTable model) {
    List<String> names = new ArrayList<>();
    names.add(model.baseTier());
    for (Tier t : model.tiers()) {
      names.add(t.name());
    }
    return names;
  }
}
