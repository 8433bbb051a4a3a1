package dev.scoring.demo;

import dev.scoring.api.Contact;
import dev.scoring.core.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.report.ScoringReport;
import java.time.Instant;

/** The demo's reports, built from generated data; also rendered by the browser test. */
public final class DemoReports {
  /** The instant the demo scores as of. */
  public static final Instant AS_OF = Instant.parse("2026-11-22T00:00:00Z");

  private DemoReports() {}

  /**
   * Scores {@code n} generated contacts with the seed table into a report.
   *
   * @param n the number of contacts
   * @return the report, with the top 5 contacts
   */
  public static ScoringReport scoring(int n) {
    ScoringTable model = ExampleModels.seed();
    DemoPopulation population = new DemoPopulation(42, AS_OF);
    ScoringReport report = new ScoringReport(model, AS_OF, 5);
    for (int i = 0; i < n; i++) {
      Contact c = population.contact(i);
      report.add(c, model.score(c, AS_OF));
    }
    return report;
  }
}
