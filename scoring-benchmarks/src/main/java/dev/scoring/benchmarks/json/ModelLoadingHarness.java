package dev.scoring.benchmarks.json;

import dev.scoring.api.Contact;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.JsonLimits;
import dev.scoring.core.json.ModelJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A whole-process harness for the cost of large model files (issue 13): the time to load a
 * model with {@code n} tiers, and the time to score contacts whose events are older than the
 * kernel's per-day decay table under a step decay of {@code s} steps. Run it once per
 * version to compare (see BENCHMARKS.md). Not a unit test: it measures, it asserts nothing.
 *
 * <p>Usage: {@code ModelLoadingHarness <tiers> <steps>}.
 */
public final class ModelLoadingHarness {
  private ModelLoadingHarness() {}

  /**
   * Runs the harness.
   *
   * @param args the number of tiers and of decay steps
   */
  public static void main(String[] args) {
    int tiers = Integer.parseInt(args[0]);
    int steps = Integer.parseInt(args[1]);
    JsonLimits limits = JsonLimits.builder().maxTiers(Math.max(tiers, 1))
        .maxDecaySteps(Math.max(steps, 1)).maxDocumentLength(Integer.MAX_VALUE - 8L).build();
    String rule = "\"behavioral\":[{\"id\":\"v\",\"event\":\"v\",\"points\":1}]";
    StringBuilder json = new StringBuilder("{\"name\":\"m\",\"scale\":{\"min\":0,\"max\":1e7},")
        .append(rule).append(",\"tiers\":[");
    for (int i = 0; i < tiers; i++) {
      json.append(i == 0 ? "" : ",").append("{\"name\":\"t").append(i).append("\",\"atLeast\":")
          .append(i + 1).append('}');
    }
    json.append("]}");
    long t0 = System.nanoTime();
    ModelJson.parse(json.toString(), limits);
    long t1 = System.nanoTime();
    StringBuilder decay = new StringBuilder("{\"name\":\"m\",").append(rule)
        .append(",\"decay\":{\"type\":\"steps\",\"steps\":[");
    for (int i = 0; i < steps; i++) {
      decay.append(i == 0 ? "" : ",").append("{\"belowDays\":").append(i + 1)
          .append(",\"factor\":").append(i % 2 == 0 ? "1" : "0.5").append('}');
    }
    decay.append("]}}");
    ScoringTable model = ModelJson.parse(decay.toString(), limits);
    Instant asOf = Instant.parse("2026-11-22T12:00:00Z");
    Contact[] contacts = new Contact[2000];
    for (int i = 0; i < contacts.length; i++) {
      Contact.Builder c = Contact.builder("c" + i);
      for (int k = 0; k < 10; k++) {
        c.event("v", asOf.minus(Duration.ofDays(50_000L + i + k)));
      }
      contacts[i] = c.build();
    }
    double total = 0;
    long t2 = System.nanoTime();
    for (Contact c : contacts) {
      total += model.score(c, asOf).score();
    }
    long t3 = System.nanoTime();
    System.out.printf(Locale.ROOT, "%d tiers loaded in %.2f s; %d contacts x 10 events aged"
        + " 50,000+ days under %d steps scored in %.3f s (total %.1f)%n", tiers,
        (t1 - t0) / 1e9, contacts.length, steps, (t3 - t2) / 1e9, total);
  }
}
