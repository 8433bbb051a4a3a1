package dev.scoring.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.core.EventRule;
import dev.scoring.core.Rule;
import dev.scoring.core.ScoringTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TableFitterTest {
  static final List<LabeledContact> TRAIN = Synthetic.contacts(7, 600);

  static TableFitter.Builder fitter() {
    return TableFitter.builder("synthetic").features(Synthetic.spec());
  }

  @Test
  void exactPoints_reproduceTheScaledLogOdds() {
    FittedTable fitted = fitter().pointsStep(0).build().fit(TRAIN, Synthetic.AS_OF);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (LabeledContact c : TRAIN) {
      double eta = fitted.regression().linearPredictor(c.contact(), Synthetic.AS_OF);
      double expected = fitted.offset() + fitted.factor() * eta;
      assertEquals(expected, fitted.table().score(c.contact(), Synthetic.AS_OF).raw(), 1e-9);
      lo = Math.min(lo, expected);
      hi = Math.max(hi, expected);
    }
    // fit to scale: the training log odds span 0..100 exactly
    assertEquals(0, lo, 1e-9);
    assertEquals(100, hi, 1e-9);
    assertEquals(fitted.factor() * Math.log(2), fitted.pdo(), 1e-12);
  }

  @Test
  void eventKnots_becomeStackedRulesWithMaxOccurrences() {
    FittedTable fitted = fitter().pointsStep(0).build().fit(TRAIN, Synthetic.AS_OF);
    ScoringTable t = fitted.table();
    List<EventRule> visitRules = Stream.concat(t.behavioral().stream(), t.negative().stream())
        .filter(r -> r instanceof EventRule e && e.match().event().equals("visit"))
        .map(r -> (EventRule) r)
        .sorted(java.util.Comparator.comparingInt(r -> r.match().maxOccurrences().getAsInt()))
        .toList();
    assertEquals(List.of("visit.first", "visit.up-to-3", "visit.up-to-5"),
        visitRules.stream().map(Rule::id).toList());
    double[] w = new double[3];
    for (int k = 0; k < 3; k++) {
      EventRule r = visitRules.get(k);
      assertEquals(new int[] {1, 3, 5}[k], r.match().maxOccurrences().getAsInt());
      assertEquals(30, r.match().withinDays().getAsInt());
      w[k] = r.points();
      List<String> terms = fitted.regression().terms();
      int term = terms.indexOf("visit: min(count, " + new int[] {1, 3, 5}[k] + ")");
      assertEquals(fitted.factor() * fitted.regression().coefficients().get(term), w[k], 1e-12);
    }
    // c recent visits (and two old ones outside the window) are worth
    // w1 min(c, 1) + w3 min(c, 3) + w5 min(c, 5)
    for (int c = 0; c <= 7; c++) {
      Contact.Builder b = Contact.builder("v" + c).attribute("plan", "team");
      for (int v = 0; v < c; v++) {
        b.event("visit", Synthetic.AS_OF.minus(Duration.ofDays(v)));
      }
      b.event("visit", Synthetic.AS_OF.minus(Duration.ofDays(30)));
      b.event("visit", Synthetic.AS_OF.minus(Duration.ofDays(45)));
      Explanation e = t.explain(b.build(), Synthetic.AS_OF);
      double visitPoints = e.entries().stream().filter(x -> x.id().startsWith("visit."))
          .mapToDouble(Explanation.Entry::points).sum();
      assertEquals(w[0] * Math.min(c, 1) + w[1] * Math.min(c, 3) + w[2] * Math.min(c, 5),
          visitPoints, 1e-9, "visits " + c);
    }
  }

  @Test
  void roundedPoints_areWholeAndTheTableIsOrdinary() {
    FittedTable fitted = fitter().build().fit(TRAIN, Synthetic.AS_OF);
    ScoringTable t = fitted.table();
    List<Rule> rules = new ArrayList<>(t.demographic());
    rules.addAll(t.behavioral());
    rules.addAll(t.negative());
    for (Rule r : rules) {
      assertEquals(Math.rint(r.points()), r.points(), r.id());
      assertNotEquals(0.0, r.points(), r.id());
      assertEquals(r.points() < 0, t.negative().contains(r), r.id());
    }
    assertTrue(t.toJson().contains("\"id\":\"base.plan-present\""), t.toJson());
    assertTrue(t.toJson().contains("\"id\":\"plan.free\",\"attribute\":\"plan\",\"equals\":"
        + "\"free\",\"ignoreCase\":true"), t.toJson());
    for (LabeledContact c : TRAIN.subList(0, 50)) {
      Explanation e = t.explain(c.contact(), Synthetic.AS_OF);
      assertEquals(e.score().score(), e.total(), 1e-9);
    }
  }

  @Test
  void tiers_followCapacityAndConversionTargets() {
    FittedTable fitted = fitter()
        .tier(TierTarget.capacity("SQL", 0.10))
        .tier(TierTarget.conversionRate("MQL", 0.5))
        .build().fit(TRAIN, Synthetic.AS_OF);
    ScoringTable t = fitted.table();
    assertEquals(List.of("MQL", "SQL"), t.tiers().stream().map(x -> x.name()).toList());
    double[] scores = TRAIN.stream()
        .mapToDouble(c -> t.score(c.contact(), Synthetic.AS_OF).score()).toArray();
    double[] desc = Arrays.stream(scores).boxed().sorted((a, b) -> Double.compare(b, a))
        .mapToDouble(Double::doubleValue).toArray();
    // SQL: the score of the 60th best of 600
    assertEquals(desc[59], t.tiers().get(1).atLeast());
    // MQL: the lowest score whose cut converts at 50% or more
    double mql = t.tiers().get(0).atLeast();
    for (double cut : desc) {
      double rate = rateAtLeast(scores, cut);
      if (cut == mql) {
        assertTrue(rate >= 0.5, "rate " + rate);
      } else if (cut < mql) {
        assertTrue(rate < 0.5, "cut " + cut + " rate " + rate);
      }
    }
  }

  private static double rateAtLeast(double[] scores, double cut) {
    int n = 0;
    int p = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] >= cut) {
        n++;
        p += TRAIN.get(i).converted() ? 1 : 0;
      }
    }
    return (double) p / n;
  }

  @Test
  void pdoScaling_anchorsTheOdds() {
    FittedTable fitted = fitter().pointsStep(0).scaling(Scaling.pdo(20, 50, 1))
        .scale(-1000, 1000).build().fit(TRAIN, Synthetic.AS_OF);
    assertEquals(20 / Math.log(2), fitted.factor(), 1e-12);
    assertEquals(50, fitted.offset(), 1e-12);
    assertEquals(20, fitted.pdo(), 1e-12);
    LabeledContact c = TRAIN.get(0);
    double eta = fitted.regression().linearPredictor(c.contact(), Synthetic.AS_OF);
    assertEquals(50 + 20 * eta / Math.log(2),
        fitted.table().score(c.contact(), Synthetic.AS_OF).score(), 1e-9);
  }

  @Test
  void errors_sayWhatIsWrong() {
    // plan a converts 2 of 5, plan b 1 of 5: no cut reaches 50%
    List<LabeledContact> small = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      small.add(LabeledContact.of(Contact.builder("x" + i).attribute("plan", i < 5 ? "a" : "b")
          .build(), i < 2 || i == 5));
    }
    FeatureSpec plan = FeatureSpec.builder().categorical("plan").minCount(1).build();
    IllegalStateException unreachable = assertThrows(IllegalStateException.class,
        () -> TableFitter.builder("x").features(plan).tier(TierTarget.conversionRate("SQL", 0.5))
            .build().fit(small, Synthetic.AS_OF));
    assertEquals("tier 'SQL' conversion rate must be reachable on the training contacts, but "
        + "was 0.5 and the best cut converts at 0.4", unreachable.getMessage());
    IllegalStateException same = assertThrows(IllegalStateException.class,
        () -> TableFitter.builder("x").features(plan).tier(TierTarget.capacity("A", 0.2))
            .tier(TierTarget.capacity("B", 0.3)).build().fit(small, Synthetic.AS_OF));
    assertEquals("tier 'B' threshold must differ from tier 'A', but both were 100.0",
        same.getMessage());
    IllegalStateException eventsOnly = assertThrows(IllegalStateException.class,
        () -> TableFitter.builder("e")
            .features(FeatureSpec.builder().events("unsubscribe", 1).build())
            .build().fit(TRAIN, Synthetic.AS_OF));
    assertTrue(eventsOnly.getMessage().startsWith(
        "a feature spec must include an attribute feature to carry the constant"));
    IllegalArgumentException oneClass = assertThrows(IllegalArgumentException.class,
        () -> fitter().build().fit(TRAIN.stream().filter(LabeledContact::converted).toList(),
            Synthetic.AS_OF));
    assertTrue(oneClass.getMessage().startsWith("training must include at least one converted"));
    assertThrows(IllegalStateException.class, () -> TableFitter.builder("x").build());
    assertEquals("l2 must be positive and finite, but was 0.0",
        assertThrows(IllegalArgumentException.class, () -> fitter().l2(0)).getMessage());
  }
}
