package dev.scoring.core;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;

/** The model file of SPEC section 7, built in Java: one fixture for every test that needs it. */
public final class SpecExample {
  private SpecExample() {}

  /** Returns the SPEC section 7 table. */
  public static ScoringTable table() {
    return ScoringTable.builder("b2b-leads").version("3")
        .decay(Decay.halfLife(30))
        .demographicCap(40)
        .demographic("age-18-24", attribute("age").between(18, 24), 5)
        .demographic("tech", attribute("sector").equalTo("tech"), 3)
        .demographic("exec-it", attribute("job_level").equalTo("executive")
            .and(attribute("department").equalTo("IT")), 6)
        .behavioral("pricing", on("pricing_page_visit").maxOccurrences(3), 5)
        .behavioral("long-read", on("page_view").minValue(60).withinDays(30), 2)
        .negative("unsub", on("unsubscribe"), -15)
        .negative("student", attribute("job_title").equalTo("student"), -10)
        .inactivity("dormant", 90, -10)
        .tier("MQL", 60).tier("SQL", 80)
        .baseTier("cold")
        .build();
  }
}
