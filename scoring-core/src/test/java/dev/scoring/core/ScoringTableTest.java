package dev.scoring.core;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.Explanation.Entry;
import dev.scoring.api.Explanation.Kind;
import dev.scoring.api.ModelException;
import dev.scoring.api.Score;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScoringTableTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  static Instant daysAgo(long days) {
    return NOW.minusSeconds(days * 86_400L);
  }

  /** Scores a contact with one attribute against a table with one demographic rule of 10. */
  static double fitOf(Condition condition, Object value) {
    ScoringTable t = ScoringTable.builder("t").demographic("r", condition, 10).build();
    Contact.Builder c = Contact.builder("c");
    if (value != null) {
      c.attribute(condition.attribute(), value);
    }
    return t.score(c.build(), NOW).fit();
  }

  static ScoringTable.Builder table() {
    return ScoringTable.builder("t").scale(-1000, 1000);
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
    assertThat(s).isEqualTo(new Score(21.5, 21.5, 10, 11.5, "unqualified", "seed-b2b", "1", NOW));
  }

  @Nested
  class Operators {
    @Test
    void equals_string_isCaseSensitive() {
      assertThat(fitOf(attribute("sector").equalTo("tech"), "tech")).isEqualTo(10);
      assertThat(fitOf(attribute("sector").equalTo("tech"), "Tech")).isEqualTo(0);
    }

    @Test
    void equals_ignoreCase_matchesAnyCase() {
      assertThat(fitOf(attribute("sector").equalToIgnoreCase("tech"), "TeCh")).isEqualTo(10);
      assertThat(fitOf(attribute("sector").equalToIgnoreCase("tech"), "tech ")).isEqualTo(0);
    }

    @Test
    void equals_number_isNumeric() {
      assertThat(fitOf(attribute("age").equalTo(18), 18)).isEqualTo(10);
      assertThat(fitOf(attribute("age").equalTo(18), 18.0)).isEqualTo(10);
      assertThat(fitOf(attribute("age").equalTo(18), 18.5)).isEqualTo(0);
      assertThat(fitOf(attribute("age").equalTo(18.5), 18.5)).isEqualTo(10);
    }

    @Test
    void equals_number_matchesANumericString() {
      assertThat(fitOf(attribute("age").equalTo(18), "18")).isEqualTo(10);
      assertThat(fitOf(attribute("age").equalTo(18), "18.0")).isEqualTo(10);
      assertThat(fitOf(attribute("age").equalTo(18), "1.8e1")).isEqualTo(10);
      assertThat(fitOf(attribute("age").equalTo(18), " 18")).isEqualTo(10); // SPEC 3: stripped
      assertThat(fitOf(attribute("age").equalTo(18), "eighteen")).isEqualTo(0);
    }

    @Test
    void equals_numericStringOperand_matchesANumber() {
      assertThat(fitOf(attribute("zip").equalTo("75001"), 75001)).isEqualTo(10);
      assertThat(fitOf(attribute("zip").equalTo("75001"), "75001")).isEqualTo(10);
      assertThat(fitOf(attribute("zip").equalTo("75001"), "075001")).isEqualTo(0);
    }

    @Test
    void equals_boolean_matchesBooleansAndBooleanStringsInAnyCase() {
      assertThat(fitOf(attribute("near").equalTo(true), true)).isEqualTo(10);
      assertThat(fitOf(attribute("near").equalTo(true), false)).isEqualTo(0);
      assertThat(fitOf(attribute("near").equalTo(true), "TRUE")).isEqualTo(10);
      assertThat(fitOf(attribute("near").equalTo(false), "False")).isEqualTo(10);
      assertThat(fitOf(attribute("near").equalTo(true), "yes")).isEqualTo(0);
      assertThat(fitOf(attribute("near").equalTo(true), 1)).isEqualTo(0);
    }

    @Test
    void in_matchesAnyElement() {
      Condition c = attribute("sector").in("tech", "health", 3);
      assertThat(fitOf(c, "health")).isEqualTo(10);
      assertThat(fitOf(c, 3)).isEqualTo(10);
      assertThat(fitOf(c, "3")).isEqualTo(10);
      assertThat(fitOf(c, "finance")).isEqualTo(0);
      assertThat(fitOf(attribute("sector").inIgnoreCase("tech", "health"), "HEALTH"))
          .isEqualTo(10);
    }

    @Test
    void between_isInclusiveAtBothEnds() {
      Condition c = attribute("age").between(18, 24);
      assertThat(fitOf(c, 17.999)).isEqualTo(0);
      assertThat(fitOf(c, 18)).isEqualTo(10);
      assertThat(fitOf(c, 24)).isEqualTo(10);
      assertThat(fitOf(c, 24.001)).isEqualTo(0);
      assertThat(fitOf(c, "20")).isEqualTo(10);
      assertThat(fitOf(c, "young")).isEqualTo(0);
      assertThat(fitOf(c, true)).isEqualTo(0);
    }

    @Test
    void atLeast_includesTheThreshold() {
      assertThat(fitOf(attribute("age").atLeast(45), 45)).isEqualTo(10);
      assertThat(fitOf(attribute("age").atLeast(45), 44.99)).isEqualTo(0);
      assertThat(fitOf(attribute("age").atLeast(45), "46")).isEqualTo(10);
    }

    @Test
    void below_excludesTheThreshold() {
      assertThat(fitOf(attribute("age").below(18), 17)).isEqualTo(10);
      assertThat(fitOf(attribute("age").below(18), 18)).isEqualTo(0);
      assertThat(fitOf(attribute("age").below(18), "-3.5")).isEqualTo(10);
    }

    @Test
    void present_requiresANonBlankValue() {
      assertThat(fitOf(attribute("email").present(), "a@b.c")).isEqualTo(10);
      assertThat(fitOf(attribute("email").present(), 0)).isEqualTo(10);
      assertThat(fitOf(attribute("email").present(), false)).isEqualTo(10);
      assertThat(fitOf(attribute("email").present(), "  ")).isEqualTo(0);
      assertThat(fitOf(attribute("email").present(), "")).isEqualTo(0);
      assertThat(fitOf(attribute("email").present(), null)).isEqualTo(0);
    }

    @Test
    void absent_matchesMissingAndBlankValues() {
      assertThat(fitOf(attribute("email").absent(), null)).isEqualTo(10);
      assertThat(fitOf(attribute("email").absent(), " ")).isEqualTo(10);
      assertThat(fitOf(attribute("email").absent(), "a@b.c")).isEqualTo(0);
    }

    @Test
    void anAbsentAttribute_matchesNothingButAbsent() {
      for (Condition c : List.of(attribute("x").equalTo("a"), attribute("x").in(1, 2),
          attribute("x").between(-1e9, 1e9), attribute("x").atLeast(-1e9),
          attribute("x").below(1e9), attribute("x").present())) {
        assertThat(fitOf(c, null)).as(c.toString()).isEqualTo(0);
      }
    }

    @Test
    void and_requiresEveryCondition() {
      ScoringTable t = ScoringTable.builder("t")
          .demographic("exec-it", attribute("job_level").equalTo("executive")
              .and(attribute("department").equalTo("IT")), 6)
          .build();
      Contact both = Contact.builder("a").attribute("job_level", "executive")
          .attribute("department", "IT").build();
      Contact one = Contact.builder("b").attribute("job_level", "executive")
          .attribute("department", "HR").build();
      assertThat(t.score(both, NOW).fit()).isEqualTo(6);
      assertThat(t.score(one, NOW).fit()).isEqualTo(0);
    }
  }

  @Nested
  class Events {
    @Test
    void behavioral_countsEveryMatchingEventWithoutDecay() {
      ScoringTable t = table().behavioral("p", on("pricing"), 5).build();
      Contact c = Contact.builder("c").event("pricing", daysAgo(1)).event("pricing", daysAgo(200))
          .event("other", daysAgo(1)).build();
      assertThat(t.score(c, NOW).engagement()).isEqualTo(10);
      assertThat(t.explain(c, NOW).entries())
          .containsExactly(new Entry(Kind.BEHAVIORAL, "p", 2, 10));
    }

    @Test
    void withinDays_excludesAnEventExactlyThatOld() {
      ScoringTable t = table().behavioral("p", on("view").withinDays(30), 2).build();
      Contact c = Contact.builder("c")
          .event("view", daysAgo(30))                    // age 30: out
          .event("view", daysAgo(30).plusSeconds(1))     // age 29: in
          .event("view", daysAgo(29)).build();           // age 29: in
      assertThat(t.score(c, NOW).engagement()).isEqualTo(4);
    }

    @Test
    void maxOccurrences_keepsTheMostRecentEvents() {
      ScoringTable t = table().decay(Decay.halfLife(30))
          .behavioral("p", on("pricing").maxOccurrences(2), 8).build();
      Contact c = Contact.builder("c").event("pricing", daysAgo(60)).event("pricing", daysAgo(0))
          .event("pricing", daysAgo(30)).build();
      // the two most recent: ages 0 and 30 -> 8 * (1 + 0.5)
      assertThat(t.score(c, NOW).engagement()).isEqualTo(12);
    }

    @Test
    void minValue_requiresAValueAtLeastThatHigh() {
      ScoringTable t = table().behavioral("read", on("page_view").minValue(60), 2).build();
      Contact c = Contact.builder("c")
          .event("page_view", daysAgo(1), 60)
          .event("page_view", daysAgo(1), 59.99)
          .event("page_view", daysAgo(1))               // no value: does not match
          .event("page_view", daysAgo(2), 600).build();
      assertThat(t.score(c, NOW).engagement()).isEqualTo(4);
    }

    @Test
    void futureEvents_areIgnoredEverywhere() {
      ScoringTable t = table().behavioral("p", on("pricing"), 5)
          .negative("unsub", on("unsubscribe"), -15)
          .inactivity("quiet", 30, -10).build();
      Contact c = Contact.builder("c")
          .event("pricing", NOW.plusSeconds(1))
          .event("unsubscribe", NOW.plusSeconds(86_400)).build();
      // no points, no activity: only the inactivity rule fires
      assertThat(t.score(c, NOW).engagement()).isEqualTo(-10);
      Contact atNow = Contact.builder("c").event("pricing", NOW).build();
      assertThat(t.score(atNow, NOW).engagement()).isEqualTo(5);
    }

    @Test
    void negativeEventRule_doesNotDecayByDefault() {
      ScoringTable t = table().decay(Decay.halfLife(30))
          .negative("unsub", on("unsubscribe"), -15)
          .negative("bounce", on("bounce").decays(true), -10).build();
      Contact c = Contact.builder("c").event("unsubscribe", daysAgo(300))
          .event("bounce", daysAgo(30)).build();
      assertThat(t.score(c, NOW).engagement()).isEqualTo(-15 - 5);
    }

    @Test
    void behavioralRule_canOptOutOfDecay() {
      ScoringTable t = table().decay(Decay.halfLife(30))
          .behavioral("form", on("contact_form").decays(false), 8).build();
      Contact c = Contact.builder("c").event("contact_form", daysAgo(300)).build();
      assertThat(t.score(c, NOW).engagement()).isEqualTo(8);
    }

    @Test
    void inactivity_firesAtExactlyInactiveDaysAndStacks() {
      ScoringTable t = table().behavioral("p", on("visit"), 1)
          .inactivity("quiet-30", 30, -5).inactivity("quiet-90", 90, -10).build();
      // two visits of 1 point each; only the most recent one decides inactivity
      assertThat(engagementWithLastVisit(t, 29)).isEqualTo(2);
      assertThat(engagementWithLastVisit(t, 30)).isEqualTo(2 - 5);
      assertThat(engagementWithLastVisit(t, 89)).isEqualTo(2 - 5);
      assertThat(engagementWithLastVisit(t, 90)).isEqualTo(2 - 15);
      assertThat(t.score(Contact.builder("c").build(), NOW).engagement()).isEqualTo(-15);
    }

    private double engagementWithLastVisit(ScoringTable t, long days) {
      return t.score(Contact.builder("c").event("visit", daysAgo(days))
          .event("visit", daysAgo(days + 500)).build(), NOW).engagement();
    }

    @Test
    void inactivity_countsOnlyEventTypesOfBehavioralRules() {
      ScoringTable t = table().behavioral("p", on("visit").minValue(100), 1)
          .negative("unsub", on("unsubscribe"), -1)
          .inactivity("quiet", 30, -5).build();
      // a visit without a value earns nothing but still counts as activity
      Contact visit = Contact.builder("c").event("visit", daysAgo(1)).build();
      Contact unsub = Contact.builder("c").event("unsubscribe", daysAgo(1)).build();
      assertThat(t.score(visit, NOW).engagement()).isEqualTo(0);
      assertThat(t.score(unsub, NOW).engagement()).isEqualTo(-1 - 5);
    }

    @Test
    void severalRules_mayCountTheSameEvent() {
      ScoringTable t = table().behavioral("any", on("view"), 1)
          .behavioral("long", on("view").minValue(60), 2).build();
      Contact c = Contact.builder("c").event("view", daysAgo(1), 90).build();
      assertThat(t.score(c, NOW).engagement()).isEqualTo(3);
    }
  }

  @Nested
  class Decays {
    double factorAt(Decay decay, long days) {
      ScoringTable t = table().decay(decay).behavioral("p", on("e"), 1).build();
      return t.score(Contact.builder("c").event("e", daysAgo(days)).build(), NOW).engagement();
    }

    @Test
    void none_keepsFullWeight() {
      assertThat(factorAt(Decay.none(), 1000)).isEqualTo(1);
    }

    @Test
    void halfLife_halvesEveryHalfLife() {
      assertThat(factorAt(Decay.halfLife(30), 0)).isEqualTo(1);
      assertThat(factorAt(Decay.halfLife(30), 30)).isEqualTo(0.5);
      assertThat(factorAt(Decay.halfLife(30), 60)).isEqualTo(0.25);
      assertThat(factorAt(Decay.halfLife(30), 15)).isEqualTo(Math.pow(0.5, 0.5));
      assertThat(factorAt(Decay.halfLife(30), 5000)).isEqualTo(Math.pow(0.5, 5000 / 30.0));
    }

    @Test
    void halfLife_usesWholeDays() {
      ScoringTable t = table().decay(Decay.halfLife(30)).behavioral("p", on("e"), 1).build();
      Contact almost30 = Contact.builder("c").event("e", daysAgo(30).plusSeconds(1)).build();
      assertThat(t.score(almost30, NOW).engagement()).isEqualTo(Math.pow(0.5, 29 / 30.0));
    }

    @Test
    void linear_reachesZeroAtItsLength() {
      assertThat(factorAt(Decay.linear(100), 0)).isEqualTo(1);
      assertThat(factorAt(Decay.linear(100), 25)).isEqualTo(0.75);
      assertThat(factorAt(Decay.linear(100), 100)).isEqualTo(0);
      assertThat(factorAt(Decay.linear(100), 150)).isEqualTo(0);
    }

    @Test
    void steps_takeTheFirstStepAboveTheAge() {
      Decay d = Decay.steps(Decay.step(30, 1), Decay.step(90, 0.5));
      assertThat(factorAt(d, 29)).isEqualTo(1);
      assertThat(factorAt(d, 30)).isEqualTo(0.5);
      assertThat(factorAt(d, 89)).isEqualTo(0.5);
      assertThat(factorAt(d, 90)).isEqualTo(0);
    }
  }

  @Nested
  class CapsClampAndTiers {
    @Test
    void demographicCap_cutsTheSumAndIsExplained() {
      ScoringTable t = table().demographicCap(6)
          .demographic("a", attribute("x").present(), 5)
          .demographic("b", attribute("y").present(), 4)
          .negative("n", attribute("z").present(), -2).build();
      Contact c = Contact.builder("c").attribute("x", 1).attribute("y", 1).attribute("z", 1)
          .build();
      Explanation e = t.explain(c, NOW);
      assertThat(e.score().fit()).isEqualTo(6 - 2);
      assertThat(e.entries()).containsExactly(
          new Entry(Kind.DEMOGRAPHIC, "a", 1, 5), new Entry(Kind.DEMOGRAPHIC, "b", 1, 4),
          new Entry(Kind.NEGATIVE, "n", 1, -2), new Entry(Kind.CAP, "caps.demographic", 1, -3));
    }

    @Test
    void behavioralCap_cutsBeforeNegativeRules() {
      ScoringTable t = table().behavioralCap(10).behavioral("p", on("e"), 4)
          .negative("u", on("unsub"), -3).build();
      Contact c = Contact.builder("c").event("e", daysAgo(1)).event("e", daysAgo(2))
          .event("e", daysAgo(3)).event("unsub", daysAgo(1)).build();
      assertThat(t.score(c, NOW).engagement()).isEqualTo(10 - 3);
    }

    @Test
    void score_isClampedToScale() {
      ScoringTable t = ScoringTable.builder("t").scale(0, 10)
          .behavioral("p", on("e"), 4).negative("u", on("unsub"), -50).build();
      Contact high = Contact.builder("c").event("e", daysAgo(1)).event("e", daysAgo(2))
          .event("e", daysAgo(3)).build();
      Contact low = Contact.builder("c").event("unsub", daysAgo(1)).build();
      assertThat(t.score(high, NOW)).extracting(Score::raw, Score::score).containsExactly(12.0,
          10.0);
      assertThat(t.score(low, NOW)).extracting(Score::raw, Score::score).containsExactly(-50.0,
          0.0);
      assertThat(t.explain(high, NOW).entries()).contains(new Entry(Kind.CLAMP, "scale.max", 1,
          -2));
      assertThat(t.explain(low, NOW).entries()).contains(new Entry(Kind.CLAMP, "scale.min", 1,
          50));
    }

    @Test
    void tier_isTheHighestThresholdReached() {
      ScoringTable t = ScoringTable.builder("t").demographic("a", attribute("pts").atLeast(60), 60)
          .demographic("b", attribute("pts").atLeast(80), 19.999)
          .demographic("c", attribute("pts").atLeast(90), 0.001)
          .tier("MQL", 60).tier("SQL", 80).baseTier("cold").build();
      assertThat(t.score(Contact.builder("c").attribute("pts", 1).build(), NOW).tier())
          .isEqualTo("cold");
      assertThat(t.score(Contact.builder("c").attribute("pts", 60).build(), NOW).tier())
          .isEqualTo("MQL");
      assertThat(t.score(Contact.builder("c").attribute("pts", 80).build(), NOW).tier())
          .isEqualTo("MQL"); // 79.999
      assertThat(t.score(Contact.builder("c").attribute("pts", 90).build(), NOW).tier())
          .isEqualTo("SQL"); // exactly 80
    }

    @Test
    void defaultBaseTier_isUnqualified() {
      ScoringTable t = ScoringTable.builder("t").behavioral("v", on("visit"), 1).tier("MQL", 60)
          .build();
      assertThat(t.score(Contact.builder("c").build(), NOW).tier()).isEqualTo("unqualified");
    }
  }

  @Nested
  class Building {
    @Test
    void score_withoutAsOf_usesTheInjectedClock() {
      Instant fixed = Instant.parse("2026-01-01T00:00:00Z");
      ScoringTable t = ScoringTable.builder("t").clock(Clock.fixed(fixed, ZoneOffset.UTC))
          .behavioral("p", on("e"), 1).build();
      Contact c = Contact.builder("c").event("e", fixed.plusSeconds(1)).build();
      assertThat(t.score(c).asOf()).isEqualTo(fixed);
      assertThat(t.score(c).engagement()).isEqualTo(0); // the event is in the clock's future
    }

    @Test
    void toBuilder_derivesANewVersionAndLeavesTheOriginal() {
      ScoringTable v1 = ExampleModels.seed();
      ScoringTable v2 = v1.toBuilder().version("2").removeRule("gender-male")
          .behavioral("trial", on("trial_signup"), 12).build();
      assertThat(v1.behavioral()).hasSize(10);
      assertThat(v2.behavioral()).hasSize(11);
      assertThat(v2.demographic()).hasSize(10);
      assertThat(v2.version()).isEqualTo("2");
      assertThat(v1.toBuilder().build()).isEqualTo(v1);
      assertThat(v1.toBuilder().build().fingerprint()).isEqualTo(v1.fingerprint());
      assertThat(v2.fingerprint()).isNotEqualTo(v1.fingerprint());
    }

    @Test
    void build_leavesTheBuilderReusable() {
      ScoringTable.Builder b = ScoringTable.builder("t").behavioral("p", on("e"), 1);
      ScoringTable first = b.build();
      ScoringTable second = b.behavioral("q", on("f"), 2).build();
      assertThat(first.behavioral()).hasSize(1);
      assertThat(second.behavioral()).hasSize(2);
    }

    @Test
    void errors_nameThePlaceAndTheValue() {
      assertError(() -> ScoringTable.builder(" "), "name",
          "name must be a non-blank string, but was \" \"");
      assertError(() -> table().behavioral("p", on("e"), Double.NaN), "behavioral[0].points",
          "behavioral[0].points must be finite and non-zero, but was NaN");
      assertError(() -> table().demographic("a", attribute("x").present(), 0),
          "demographic[0].points", "demographic[0].points must be finite and non-zero, but was 0");
      assertError(() -> table().behavioral("p", on("e"), 1).behavioral("p", on("f"), 1),
          "behavioral[1].id", "behavioral[1].id must be unique, but was \"p\"");
      assertError(() -> table().negative("u", on("unsub"), 5), "negative[0].points",
          "negative[0].points must be negative and finite, but was 5");
      assertError(() -> table().inactivity("q", 0, -5), "negative[0].inactiveDays",
          "negative[0].inactiveDays must be at least 1, but was 0");
      assertError(() -> table().demographicCap(-1), "caps.demographic",
          "caps.demographic must be positive and finite, but was -1");
      assertError(() -> table().tier("MQL", 60).tier("SQL", 60), "tiers[1].atLeast",
          "tiers[1].atLeast must be greater than the previous tier's 60, but was 60");
      assertError(() -> table().tier("MQL", 60).tier("MQL", 80), "tiers[1].name",
          "tiers[1].name must be unique, but was \"MQL\"");
      assertError(() -> table().behavioral("v", on("visit"), 1).tier("MQL", 60).baseTier("MQL")
              .build(), "baseTier",
          "baseTier must be different from every tier name, but was \"MQL\"");
      assertError(() -> ScoringTable.builder("t").scale(10, 5), "scale.max",
          "scale.max must be finite and greater than scale.min (10), but was 5");
    }

    @Test
    void conditionAndMatchErrors_nameTheFieldAndTheValue() {
      assertThatThrownBy(() -> on("e").withinDays(0))
          .hasMessage("withinDays must be at least 1, but was 0");
      assertThatThrownBy(() -> on("e").maxOccurrences(-2))
          .hasMessage("maxOccurrences must be at least 1, but was -2");
      assertThatThrownBy(() -> on("e").minValue(Double.POSITIVE_INFINITY))
          .hasMessage("minValue must be finite, but was Infinity");
      assertThatThrownBy(() -> attribute("age").between(Double.NaN, 3))
          .hasMessage("between[0] must be a finite number, but was NaN");
      assertThatThrownBy(() -> attribute("x").in())
          .hasMessage("in must be a non-empty list, but was []");
      assertThatThrownBy(() -> attribute("x").equalTo(List.of(1)))
          .hasMessage("equals must be a string, a finite number or a boolean, but was [1] (a "
              + "list)");
      assertThatThrownBy(() -> Decay.halfLife(0))
          .hasMessage("decay.days must be positive and finite, but was 0");
      assertThatThrownBy(() -> Decay.steps(Decay.step(30, 1), Decay.step(30, 0.5)))
          .hasMessage("decay.steps[1].belowDays must be greater than 30, but was 30");
      assertThatThrownBy(() -> Decay.step(10, 1.5))
          .hasMessage("factor must be in [0, 1], but was 1.5");
    }

    private void assertError(Runnable r, String path, String message) {
      assertThatThrownBy(r::run).isInstanceOf(ModelException.class).hasMessage(message)
          .satisfies(e -> assertThat(((ModelException) e).path()).isEqualTo(path));
    }
  }
}
