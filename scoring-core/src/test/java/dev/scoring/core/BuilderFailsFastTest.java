package dev.scoring.core;

import static dev.scoring.core.Aggregate.count;
import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.api.ModelException;
import org.junit.jupiter.api.Test;

/** {@link ScoringTable.Builder#build()} refuses what can never work, and only that. */
class BuilderFailsFastTest {

  private static void refused(ScoringTable.Builder b, String path, String message) {
    ModelException e = assertThrows(ModelException.class, b::build);
    assertEquals(message, e.getMessage());
    assertEquals(path, e.path());
  }

  @Test
  void anEmptyTable_isRefused_butAggregatesAloneAreRules() {
    refused(ScoringTable.builder("empty"), "",
        "model must have at least one rule (demographic, behavioral or negative), but had none");
    assertEquals(1, ScoringTable.builder("agg")
        .behavioral("engaged", count("email_open").withinDays(30).atLeast(5), 10)
        .build().behavioralRules().size());
    assertEquals(1, ScoringTable.builder("agg")
        .negative("quiet", count("email_open").withinDays(30).below(1), -10)
        .build().negative().size());
  }

  @Test
  void tiers_mustLieInsideTheScale() {
    ScoringTable.Builder b = ScoringTable.builder("t").behavioral("v", on("visit"), 1);
    refused(b.tier("MQL", 150), "tiers[0].atLeast",
        "tiers[0].atLeast must be <= scale.max (100), but was 150");
    refused(b.clearTiers().tier("cold", -5), "tiers[0].atLeast",
        "tiers[0].atLeast must be >= scale.min (0), but was -5");
    // at the edges, and negative on a scale that allows it
    assertEquals(2, b.clearTiers().tier("all", 0).tier("top", 100).build().tiers().size());
    assertEquals(-20.0, b.clearTiers().scale(-50, 50).tier("cold", -20).build().tiers().get(0)
        .atLeast());
  }

  @Test
  void contradictoryConditions_onePerAttributeGroup() {
    refused(ScoringTable.builder("c")
            .demographic("ok", attribute("age").atLeast(18).and(attribute("age").below(30)), 1)
            .negative("bad", attribute("sector").equalTo("tech")
                .and(attribute("sector").equalTo("health")), -1),
        "negative[0]", "negative[0] must be able to fire, but its conditions on \"sector\""
            + " cannot all hold: sector equals \"tech\", sector equals \"health\"");
    // values that read alike are not contradictions: " 42 " equals 42 and is at least 40
    assertEquals(1, ScoringTable.builder("c")
        .demographic("n", attribute("n").equalTo(" 42 ").and(attribute("n").atLeast(40)), 1)
        .build().demographic().size());
    // ignoreCase: "TECH" and "tech" can both hold
    assertEquals(1, ScoringTable.builder("c")
        .demographic("s", attribute("s").equalToIgnoreCase("TECH")
            .and(attribute("s").equalTo("tech")), 1)
        .build().demographic().size());
  }

  @Test
  void decayingRules_mustBeAbleToAddPoints() {
    Decay late = Decay.steps(Decay.step(10, 0), Decay.step(20, 1));
    refused(ScoringTable.builder("d").decay(late).behavioral("v", on("visit").withinDays(10), 1),
        "behavioral[0]", "behavioral[0] must be able to add points, but the decay factor is 0"
            + " at every age it matches (below 10 days)");
    // the path counts aggregate rules too: it is the rule's place in the behavioral section
    refused(ScoringTable.builder("d").decay(late)
            .behavioral("engaged", count("email_open").withinDays(30).atLeast(5), 10)
            .behavioral("v", on("visit").withinDays(10), 1),
        "behavioral[1]", "behavioral[1] must be able to add points, but the decay factor is 0"
            + " at every age it matches (below 10 days)");
    // a non-decaying rule, or a window reaching the second step, is fine
    assertEquals(2, ScoringTable.builder("d").decay(late)
        .behavioral("a", on("visit").withinDays(10).decays(false), 1)
        .behavioral("b", on("visit").withinDays(11), 1)
        .build().behavioral().size());
  }
}
