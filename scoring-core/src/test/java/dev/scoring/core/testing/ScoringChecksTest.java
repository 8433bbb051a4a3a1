package dev.scoring.core.testing;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Explanation;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.api.Tier;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.analysis.ModelAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringChecksTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  static final Instant YESTERDAY = AS_OF.minus(Duration.ofDays(1));

  static final ScoringTable GATED = ScoringTable.builder("gated")
      .demographic("tech", attribute("sector").equalTo("tech"), 20)
      .behavioral("content", on("white_paper_download").maxOccurrences(3), 10)
      .behavioral("demo", on("demo_request").maxOccurrences(1), 40)
      .tier("MQL", 40)
      .tier("SQL", 80)
      .build();

  @Test
  void addingEventNeverLowersScore_failsForAnEventThatCosts() {
    ScoringTable t = ScoringTable.builder("t")
        .demographic("tech", attribute("sector").equalTo("tech"), 20)
        .behavioral("complaint", on("complaint"), -5)
        .build();
    Contact c = Contact.builder("c-1").attribute("sector", "tech").build();
    AssertionError e = assertThrows(AssertionError.class,
        () -> ScoringChecks.addingEventNeverLowersScore(t, c, Event.of("complaint", YESTERDAY),
            AS_OF));
    assertTrue(e.getMessage().startsWith(
        "adding complaint@2026-11-21T12:00:00Z must not lower the score 20.0, but it became 15.0"),
        e.getMessage());
    ScoringChecks.addingEventNeverLowersScore(ExampleModels.seed(), c,
        Event.of("demo_request", YESTERDAY), AS_OF);
  }

  @Test
  void tierRequiresEvent_holdsForTheGatedTableAndFailsWhenContentSuffices() {
    Contact lead = Contact.builder("c-1").attribute("sector", "tech")
        .event("white_paper_download", YESTERDAY)
        .event("white_paper_download", YESTERDAY)
        .event("demo_request", YESTERDAY)
        .build();
    assertEquals("SQL", GATED.score(lead, AS_OF).tier());
    ScoringChecks.tierRequiresEvent(GATED, lead, AS_OF, "SQL", "demo_request");

    ScoringTable generous = GATED.toBuilder().removeRule("content")
        .behavioral("content", on("white_paper_download").maxOccurrences(3), 20).build();
    Contact reader = Contact.builder("c-2").attribute("sector", "tech")
        .event("white_paper_download", YESTERDAY)
        .event("white_paper_download", YESTERDAY)
        .event("white_paper_download", YESTERDAY)
        .event("demo_request", AS_OF.plusSeconds(60)) // future: ignored
        .build();
    AssertionError e = assertThrows(AssertionError.class,
        () -> ScoringChecks.tierRequiresEvent(generous, reader, AS_OF, "SQL", "demo_request"));
    assertTrue(e.getMessage().startsWith("tier SQL must be unreachable without a demo_request"
        + " event, but the contact reached SQL with score 80.0"), e.getMessage());

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> ScoringChecks.tierRequiresEvent(GATED, lead, AS_OF, "HOT", "demo_request"));
    assertEquals("tier must be one of the model's tiers [MQL, SQL], but was \"HOT\"",
        unknown.getMessage());
  }

  @Test
  void explanationSumsToScore_failsForAnExplanationThatDoesNotAddUp() {
    ScoringModel broken = new Delegating(ExampleModels.seed()) {
      @Override
      public Explanation explain(Contact contact, Instant asOf) {
        Explanation e = super.explain(contact, asOf);
        return new Explanation(e.score(), e.entries().subList(0, e.entries().size() - 1));
      }
    };
    Contact c = Contact.builder("c-1").attribute("age", 30).event("webinar", YESTERDAY).build();
    ScoringChecks.explanationSumsToScore(ExampleModels.seed(), c, AS_OF);
    AssertionError e = assertThrows(AssertionError.class,
        () -> ScoringChecks.explanationSumsToScore(broken, c, AS_OF));
    assertTrue(e.getMessage().startsWith("explanation entries must sum to the score"),
        e.getMessage());
  }

  @Test
  void withinAnalysedRanges_failsForAContactOfAnotherTable() {
    ModelAnalysis small = ModelAnalysis.of(ScoringTable.builder("small")
        .behavioral("demo", on("demo_request").maxOccurrences(1), 5).build());
    Contact c = Contact.builder("c-1").event("demo_request", YESTERDAY)
        .event("demo_request", YESTERDAY).build();
    AssertionError e = assertThrows(AssertionError.class,
        () -> ScoringChecks.withinAnalysedRanges(small, ExampleModels.seed(), c, AS_OF));
    assertTrue(e.getMessage().startsWith(
        "engagement must be within the analysed range [0.0, 5.0], but was 17.")
        , e.getMessage());
  }

  /** A model that forwards to another, to break one method in a test. */
  static class Delegating implements ScoringModel {
    private final ScoringModel m;

    Delegating(ScoringModel m) {
      this.m = m;
    }

    @Override
    public String name() {
      return m.name();
    }

    @Override
    public String version() {
      return m.version();
    }

    @Override
    public String fingerprint() {
      return m.fingerprint();
    }

    @Override
    public List<Tier> tiers() {
      return m.tiers();
    }

    @Override
    public String baseTier() {
      return m.baseTier();
    }

    @Override
    public Score score(Contact contact) {
      return m.score(contact);
    }

    @Override
    public Score score(Contact contact, Instant asOf) {
      return m.score(contact, asOf);
    }

    @Override
    public Explanation explain(Contact contact, Instant asOf) {
      return m.explain(contact, asOf);
    }

    @Override
    public Explanation explain(Contact contact) {
      return m.explain(contact);
    }
  }
}
