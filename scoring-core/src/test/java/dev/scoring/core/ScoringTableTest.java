package dev.scoring.core;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScoringTableTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  static Instant daysAgo(double days) {
    return NOW.minus(Duration.ofSeconds(Math.round(days * 86_400)));
  }

  @Test
  void seed_scoresAHotLead() {
    Contact c = Contact.builder("c-1")
        .attribute("age", 29)
        .attribute("sector", "Technology")
        .attribute("near_office", true)
        .event("demo_request", daysAgo(0))
        .event("pricing_page_visit", daysAgo(30))
        .build();
    Score s = ExampleModels.seed().score(c, NOW);
    // fit 3 + 3 + 4 = 10; engagement 9 * 1 + 5 * 0.5 = 11.5
    assertEquals(10.0, s.fit());
    assertEquals(11.5, s.engagement());
    assertEquals(21.5, s.score());
    assertEquals("unqualified", s.tier());
  }
}
