package dev.scoring.core.analysis;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.ModelException;
import dev.scoring.core.Decay;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.SpecExample;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ModelAnalysisTest {

  static ScoringTable.Builder table() {
    return ScoringTable.builder("t");
  }

  @Test
  void engagementMax_underACapWithADecayingNegativeRule_isASafeBoundNotAnEdgeValue() {
    // engagement = min(7 S, 10) - 6 S for S the sum of the two latest factors: largest where
    // 7 S reaches the cap, inside an age interval (found by a jqwik run, seed
    // 1423334976895258273). Ages 0 and 6 give S = 1 + (1 - 6 / 9.5) = 1.368...
    ScoringTable t = ScoringTable.builder("kink").decay(Decay.linear(9.5)).behavioralCap(10)
        .behavioral("b", on("b").maxOccurrences(2), 7)
        .negative("n", on("b").maxOccurrences(2).decays(true), -6)
        .build();
    java.time.Instant asOf = ModelAnalysis.WITNESS_AS_OF;
    Contact c = Contact.builder("c").event("b", asOf).event("b", asOf.minusSeconds(6 * 86_400L))
        .build();
    double reached = t.score(c, asOf).engagement();
    assertEquals(1 + (1 - 6 / 9.5), reached, 1e-12);
    ModelAnalysis a = ModelAnalysis.of(t);
    assertFalse(a.engagement().max().exact());
    assertTrue(a.engagement().max().value() >= reached);
    assertEquals(10.0, a.engagement().max().value());
    assertTrue(a.engagement().min().exact());
  }

  @Test
  void seed_rangesTiersAndNoFindings() {
    ModelAnalysis a = ModelAnalysis.of(ExampleModels.seed());
    assertEquals(0.0, a.fit().min().value());
    // age 18-24 (5) + near office (4) + technology (3) + female (3); age bands exclude
    // each other, as do sectors and genders.
    assertEquals(15.0, a.fit().max().value());
    assertTrue(a.engagement().max().unbounded());
    assertEquals(List.of("white-paper", "pricing-page", "email-open", "newsletter",
        "contact-form", "webinar", "case-study", "chatbot", "blog-visit", "demo-request"),
        a.engagement().max().unboundedBy());
    assertEquals(List.of("unsubscribe", "hard-bounce"), a.engagement().min().unboundedBy());
    assertEquals(Double.NEGATIVE_INFINITY, a.raw().min().value());
    assertEquals(Double.POSITIVE_INFINITY, a.raw().max().value());
    assertEquals(0.0, a.score().min().value());
    assertEquals(100.0, a.score().max().value());
    assertTrue(a.exact());

    TierReach mql = a.tiers().get(0);
    assertEquals("MQL", mql.name());
    assertTrue(mql.reachable());
    assertFalse(mql.byFitAlone()); // 15 - 10 (inactive) = 5
    assertTrue(mql.byEngagementAlone());
    assertEquals(OptionalInt.of(5), mql.fewestEvents()); // 15 + 5 * 10 = 65 >= 60
    assertEquals(OptionalInt.of(7), a.tiers().get(1).fewestEvents()); // 15 + 70 >= 80
    Contact w = a.tiers().get(1).witness().orElseThrow();
    assertEquals(7, w.events().size());
    assertEquals("SQL", ExampleModels.seed().score(w, ModelAnalysis.WITNESS_AS_OF).tier());
    assertEquals(List.of(), a.findings());
  }

  @Test
  void specExampleTable_fewestEventsMixTypes() {
    // The model of SPEC section 7.
    ScoringTable t = SpecExample.table();
    ModelAnalysis a = ModelAnalysis.of(t);
    assertEquals(14.0, a.fit().max().value());
    assertEquals(-10.0, a.fit().min().value());
    assertEquals(List.of("long-read"), a.engagement().max().unboundedBy());
    assertEquals(List.of("unsub"), a.engagement().min().unboundedBy());
    // MQL: 14 + 3 * 5 + 16 * 2 = 61; SQL: 14 + 15 + 26 * 2 = 81.
    assertEquals(OptionalInt.of(19), a.tiers().get(0).fewestEvents());
    assertEquals(OptionalInt.of(29), a.tiers().get(1).fewestEvents());
    Contact sql = a.tiers().get(1).witness().orElseThrow();
    assertEquals("SQL", t.score(sql, ModelAnalysis.WITNESS_AS_OF).tier());
    assertEquals(List.of(), a.findings());
  }

  @Test
  void maxFit_respectsMutuallyExclusiveValues() {
    ModelAnalysis a = ModelAnalysis.of(table()
        .demographic("young", attribute("age").between(18, 24), 5)
        .demographic("adult", attribute("age").between(25, 34), 3)
        .demographic("any-adult", attribute("age").atLeast(18), 1)
        .build());
    assertEquals(6.0, a.fit().max().value());
    assertEquals(Map.of("age", 18L), a.fit().max().witness().orElseThrow().attributes());
    assertEquals(0.0, a.fit().min().value());
  }

  @Test
  void fit_underCap_avoidsANegativeRuleWhenTheCapMakesItsPartnerUseless() {
    // x: 8 and y: 8 capped at 10, and -5 with x: x and y give 5, y alone gives 8.
    ScoringTable t = table()
        .demographicCap(10)
        .demographic("x", attribute("a").equalTo("x"), 8)
        .demographic("y", attribute("b").equalTo("y"), 8)
        .negative("not-x", attribute("a").equalTo("x"), -5)
        .negative("no-c", attribute("c").absent(), -2)
        .build();
    ModelAnalysis a = ModelAnalysis.of(t);
    assertEquals(8.0, a.fit().max().value());
    Map<String, Object> best = a.fit().max().witness().orElseThrow().attributes();
    assertEquals("y", best.get("b"));
    assertFalse("x".equals(best.get("a")));
    assertTrue(best.containsKey("c"));
    // Lowest: neither x nor y, c absent: -2.
    assertEquals(-2.0, a.fit().min().value());
    assertEquals(-2.0, t.score(a.fit().min().witness().orElseThrow(),
        ModelAnalysis.WITNESS_AS_OF).fit());
  }

  @Test
  void neverFires_emptyRangeAndContradictoryAnd_areRefusedByTheBuilder() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> attribute("age").between(5, 1));
    assertEquals("between[1] must be >= between[0] (5), but was 1", empty.getMessage());
    ModelException contradiction = assertThrows(ModelException.class, () -> table()
        .demographic("fine", attribute("age").below(18).and(attribute("tech").equalTo(true)), 2)
        .demographic("contradiction", attribute("age").below(18).and(attribute("age").atLeast(30)),
            5)
        .build());
    assertEquals("demographic[1] must be able to fire, but its conditions on \"age\" cannot all"
        + " hold: age below 18, age atLeast 30", contradiction.getMessage());
    assertEquals("demographic[1]", contradiction.path());
  }

  @Test
  void engagement_maxOccurrencesAndDecay() {
    ScoringTable t = table()
        .decay(Decay.halfLife(30))
        .behavioral("pricing", on("pricing_page_visit").maxOccurrences(3), 5)
        .build();
    ModelAnalysis a = ModelAnalysis.of(t);
    assertEquals(15.0, a.engagement().max().value());
    assertEquals(3, a.engagement().max().witness().orElseThrow().events().size());
    assertEquals(0.0, a.engagement().min().value());
    assertTrue(a.exact());
  }

  @Test
  void engagement_inactivityAndNegativeEvents() {
    ScoringTable t = table()
        .behavioral("email", on("email_open").maxOccurrences(1), 1)
        .negative("unsub", on("unsubscribe").maxOccurrences(1), -5)
        .inactivity("dormant", 30, -10)
        .build();
    ModelAnalysis a = ModelAnalysis.of(t);
    assertEquals(1.0, a.engagement().max().value());
    assertEquals(-15.0, a.engagement().min().value());
    assertEquals(0.0, a.score().min().value());
    assertEquals(1.0, a.score().max().value());
  }

  @Test
  void engagement_activityThatCostsStillBeatsInactivity() {
    // The only activity is a complaint (-2); without it, inactivity costs 10.
    ScoringTable t = table()
        .scale(-100, 100)
        .behavioral("complaint", on("complaint").maxOccurrences(1), -2)
        .inactivity("dormant", 7, -10)
        .build();
    ModelAnalysis a = ModelAnalysis.of(t);
    assertEquals(-2.0, a.engagement().max().value());
    List<Event> events = a.engagement().max().witness().orElseThrow().events();
    assertEquals(1, events.size());
    // An old complaint: -2 and -10.
    assertEquals(-12.0, a.engagement().min().value());
  }

  @Test
  void engagement_windowsSeparateRulesOnOneType() {
    // A long read (value >= 60) gains 2; any view in the last day costs 1.
    ScoringTable t = table()
        .behavioral("long-read", on("page_view").minValue(60).maxOccurrences(1), 2)
        .negative("recent-view", on("page_view").withinDays(1).maxOccurrences(1), -1)
        .build();
    ModelAnalysis a = ModelAnalysis.of(t);
    assertEquals(2.0, a.engagement().max().value());
    Event e = a.engagement().max().witness().orElseThrow().events().get(0);
    assertEquals(60.0, e.value().getAsDouble());
    assertEquals(-1.0, a.engagement().min().value());
  }

  @Test
  void engagement_behavioralCapIsReachedWithEnoughEvents() {
    ScoringTable t = table()
        .behavioralCap(20)
        .behavioral("blog", on("blog_visit"), 3)
        .tier("warm", 20)
        .build();
    ModelAnalysis a = ModelAnalysis.of(t);
    assertEquals(20.0, a.engagement().max().value());
    assertFalse(a.engagement().max().unbounded());
    assertEquals(OptionalInt.of(7), a.tiers().get(0).fewestEvents()); // 7 * 3 = 21
  }

  @Test
  void engagement_manyRulesWithMaxOccurrences_stayExact() {
    ScoringTable.Builder b = table().behavioralCap(100).tier("hot", 95);
    for (int i = 0; i < 30; i++) {
      b.behavioral("r" + i, on("e" + i).maxOccurrences(3), 2);
    }
    ModelAnalysis a = ModelAnalysis.of(b.inactivity("dormant", 30, -5).build());
    assertTrue(a.exact());
    assertEquals(100.0, a.engagement().max().value()); // 30 * 3 * 2 = 180, capped at 100
    Contact witness = a.engagement().max().witness().orElseThrow();
    assertEquals(100.0, b.build().score(witness, ModelAnalysis.WITNESS_AS_OF).engagement());
    assertEquals(-5.0, a.engagement().min().value());
    assertEquals(OptionalInt.of(48), a.tiers().get(0).fewestEvents()); // 48 * 2 = 96
  }

  @Test
  void engagement_unboundedWithoutCap() {
    ModelAnalysis a = ModelAnalysis.of(table()
        .behavioral("blog", on("blog_visit"), 3)
        .negative("bounce", on("hard_bounce"), -10)
        .build());
    assertEquals(List.of("blog"), a.engagement().max().unboundedBy());
    assertEquals(List.of("bounce"), a.engagement().min().unboundedBy());
    assertEquals(100.0, a.score().max().value());
    assertEquals(0.0, a.score().min().value());
    assertTrue(a.report().contains("    unbounded above by blog\n"), a.report());
  }

  @Test
  void neverCounts_decayZeroInsideTheWindow_isRefusedByTheBuilder() {
    ModelException e = assertThrows(ModelException.class, () -> table()
        .decay(Decay.steps(Decay.step(5, 0), Decay.step(30, 1)))
        .behavioral("fresh", on("visit").withinDays(5), 3)
        .behavioral("older", on("visit").withinDays(40).maxOccurrences(1), 2)
        .build());
    assertEquals("behavioral[0] must be able to add points, but the decay factor is 0 at every"
        + " age it matches (below 5 days)", e.getMessage());
    ModelAnalysis a = ModelAnalysis.of(table()
        .decay(Decay.steps(Decay.step(5, 0), Decay.step(30, 1)))
        .behavioral("fresh", on("visit").withinDays(6).maxOccurrences(1), 3)
        .behavioral("older", on("visit").withinDays(40).maxOccurrences(1), 2)
        .build());
    assertEquals(5.0, a.engagement().max().value()); // one visit 5 days old counts for both
  }

  @Test
  void duplicatesAndShadowedRules() {
    ModelAnalysis a = ModelAnalysis.of(table()
        .demographic("tech", attribute("sector").equalTo("tech"), 3)
        .demographic("tech-again", attribute("sector").equalTo("tech"), 2)
        .demographic("young", attribute("age").between(18, 24), 2)
        .demographic("adult", attribute("age").atLeast(18), 1)
        .behavioral("visit", on("visit"), 1)
        .behavioral("recent-visit", on("visit").withinDays(7), 1)
        .build());
    assertEquals(List.of(
        new Finding(Finding.Kind.DUPLICATE, "tech-again",
            "demographic rule 'tech-again' has the same conditions as 'tech': both apply"),
        new Finding(Finding.Kind.SHADOWED, "adult",
            "demographic rule 'adult' fires whenever 'young' fires: their points add up"),
        new Finding(Finding.Kind.SHADOWED, "recent-visit",
            "behavioral rule 'visit' matches every event 'recent-visit' matches: their points"
                + " add up")), a.findings());
  }

  @Test
  void tiersOutsideTheScaleOrUnreachable() {
    ModelAnalysis a = ModelAnalysis.of(table()
        .demographic("tech", attribute("sector").equalTo("tech"), 30)
        .behavioral("demo", on("demo_request").maxOccurrences(1), 20)
        .tier("everyone", 0)
        .tier("warm", 40)
        .tier("hot", 90)
        .build());
    assertEquals(50.0, a.score().max().value());
    assertEquals(List.of(
        new Finding(Finding.Kind.TIER_AT_OR_BELOW_SCALE_MIN, "everyone",
            "tier 'everyone' at 0 is at or below scale.min 0: every score reaches it"),
        new Finding(Finding.Kind.TIER_UNREACHABLE, "hot",
            "tier 'hot' at 90 is unreachable: the highest score is 50")),
        a.findings());
    ModelException above = assertThrows(ModelException.class, () -> table()
        .behavioral("demo", on("demo_request"), 20).tier("impossible", 120).build());
    assertEquals("tiers[0].atLeast must be <= scale.max (100), but was 120", above.getMessage());
    TierReach warm = a.tiers().get(1);
    assertTrue(warm.reachable());
    assertFalse(warm.byFitAlone());
    assertFalse(warm.byEngagementAlone());
    assertEquals(OptionalInt.of(1), warm.fewestEvents());
    assertFalse(a.tiers().get(2).reachable());
    assertEquals(OptionalInt.empty(), a.tiers().get(2).fewestEvents());
    assertEquals(OptionalInt.of(0), a.tiers().get(0).fewestEvents());
  }

  @Test
  void searchesOverBudget_giveSafeBoundsMarkedInexact() {
    ScoringTable.Builder b = table();
    for (int i = 0; i < 11; i++) {
      // a chain of and-rules ties 12 attributes of 4 classes each: too many combinations
      b.demographic("r" + i, attribute("a" + i).between(0, 5)
          .and(attribute("a" + (i + 1)).atLeast(3)), 2);
    }
    for (int i = 0; i < 6; i++) {
      // six limited rules on one event type: too many states
      b.behavioral("v" + i, on("visit").maxOccurrences(10), 1);
    }
    ModelAnalysis a = ModelAnalysis.of(b.build());
    assertFalse(a.exact());
    assertFalse(a.fit().max().exact());
    assertEquals(22.0, a.fit().max().value()); // each rule on its own
    assertTrue(a.fit().max().witness().isEmpty());
    assertFalse(a.engagement().max().exact());
    assertEquals(60.0, a.engagement().max().value());
    assertTrue(a.report().contains("  fit        at least 0 .. at most 22\n"), a.report());
    assertTrue(a.report().contains("  engagement at least 0 .. at most 60\n"), a.report());
  }

  @Test
  void report_ofTheSeedModel() {
    assertEquals("""
        analysis of seed-b2b v1 (scale 0..100)
          fit        0 .. 15
          engagement -inf .. +inf
            unbounded below by unsubscribe, hard-bounce
            unbounded above by white-paper, pricing-page, email-open, newsletter, contact-form,
              webinar, case-study, chatbot, blog-visit, demo-request
          raw        -inf .. +inf
          score      0 .. 100
        tiers
          MQL >= 60: reachable; by fit alone no; by engagement alone yes; fewest events 5
          SQL >= 80: reachable; by fit alone no; by engagement alone yes; fewest events 7
        findings: none
        """, ModelAnalysis.of(ExampleModels.seed()).report());
  }

  static long ageDays(Event e) {
    return Math.floorDiv(ModelAnalysis.WITNESS_AS_OF.getEpochSecond() - e.at().getEpochSecond(),
        86_400L);
  }
}
