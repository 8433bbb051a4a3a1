package dev.scoring.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Tier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T00:00:00Z");
  static final double[] SCORES = {9, 8, 8, 8, 5, 5, 3, 2, 1, 0};
  static final int[] CONVERTED = {1, 1, 0, 0, 1, 0, 0, 1, 0, 0};
  static final FixedScores MODEL =
      new FixedScores("fixed", new Tier("warm", 5), new Tier("hot", 8));

  static Evaluation evaluation() {
    return Evaluation.of(MODEL, FixedScores.contacts(SCORES, CONVERTED), AS_OF, 5);
  }

  @Test
  void summary_byHand() {
    Evaluation e = evaluation();
    assertEquals(10, e.contacts());
    assertEquals(4, e.converted());
    // pairs won of 24: 9 beats 6; 8 ties two 8s and beats 4; 5 ties one 5 and beats 3;
    // 2 beats 2 -> 16.5
    assertEquals(16.5 / 24, e.auc(), 1e-15);
    assertEquals(2 * 16.5 / 24 - 1, e.gini(), 1e-15);
    // cuts: >=9 1/4-0, >=8 2/4-2/6, >=5 3/4-3/6, >=3 3/4-4/6, >=2 1-4/6 (largest), ...
    assertEquals(1.0 / 3, e.ks(), 1e-15);
    assertEquals(2.0, e.ksThreshold());
  }

  @Test
  void deciles_splitTieGroupsInProportion() {
    List<Evaluation.Decile> d = evaluation().deciles();
    // one contact per decile; the three 8s (1 converted) share deciles 2-4, the two 5s
    // (1 converted) deciles 5-6
    double[] converted = {1, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0.5, 0.5, 0, 1, 0, 0};
    double[] gains = {0.25, 1.0 / 3, 5.0 / 12, 0.5, 0.625, 0.75, 0.75, 1, 1, 1};
    for (int k = 0; k < 10; k++) {
      assertEquals(k + 1, d.get(k).decile());
      assertEquals(1.0, d.get(k).contacts(), 1e-15);
      assertEquals(converted[k], d.get(k).converted(), 1e-15, "decile " + (k + 1));
      assertEquals(gains[k], d.get(k).cumulativeGain(), 1e-15, "decile " + (k + 1));
      assertEquals(converted[k] / 0.4, d.get(k).lift(), 1e-12, "decile " + (k + 1));
      assertEquals(gains[k] * 4 / (k + 1) / 0.4, d.get(k).cumulativeLift(), 1e-12);
    }
    assertEquals(8.0, d.get(1).minScore());
    assertEquals(8.0, d.get(1).maxScore());
    assertEquals(9.0, d.get(0).maxScore());
  }

  @Test
  void deciles_withFractionalSizes() {
    // 5 contacts: deciles of half a contact; scores 4 > 3 > 2 > 1 > 0, converted 1, 0, 1, 0, 0
    Evaluation e = Evaluation.of(new FixedScores("fixed"),
        FixedScores.contacts(new double[] {4, 3, 2, 1, 0}, new int[] {1, 0, 1, 0, 0}), AS_OF);
    assertEquals(0.5, e.deciles().get(0).contacts());
    assertEquals(0.5, e.deciles().get(0).converted());
    assertEquals(0.5, e.deciles().get(1).converted());
    assertEquals(0.0, e.deciles().get(2).converted());
    assertEquals(0.5, e.deciles().get(4).converted());
    assertEquals(1.0, e.deciles().get(9).cumulativeGain());
  }

  @Test
  void tiersBandsAndThresholds_byHand() {
    Evaluation e = evaluation();
    assertEquals(List.of(new Evaluation.Group("cold", 4, 1), new Evaluation.Group("warm", 2, 1),
        new Evaluation.Group("hot", 4, 2)), e.tiers());
    assertEquals(List.of(new Evaluation.Group("[0, 5)", 4, 1),
        new Evaluation.Group("[5, 10)", 6, 3)), e.bands());
    assertEquals(List.of(new Evaluation.Threshold("warm", 5, 6, 3, 0.5, 0.75),
        new Evaluation.Threshold("hot", 8, 4, 2, 0.5, 0.5)), e.thresholds());
    assertEquals(0.25, e.tiers().get(0).conversionRate());
  }

  @Test
  void emptyGroups_haveNaNRates() {
    Evaluation e = Evaluation.of(new FixedScores("fixed", new Tier("top", 100)),
        FixedScores.contacts(new double[] {1, 25}, new int[] {0, 1}), AS_OF);
    assertEquals(new Evaluation.Group("top", 0, 0), e.tiers().get(1));
    assertEquals(Double.NaN, e.thresholds().get(0).precision());
    assertEquals(List.of("[0, 10)", "[10, 20)", "[20, 30)"),
        e.bands().stream().map(Evaluation.Group::label).toList());
    assertEquals(0, e.bands().get(1).contacts());
  }

  @Test
  void format_printsEverySection() {
    String text = evaluation().format();
    String expected = String.join("\n",
        "model fixed v1 as of 2026-11-22T00:00:00Z: 10 contacts, 4 converted (40.00%)",
        "AUC 0.6875  Gini 0.3750  KS 0.3333 at score >= 2",
        "",
        "decile  contacts converted    rate      min      max    gain   lift cum.lift",
        "1            1.0       1.0  100.0%     9.00     9.00   25.0%   2.50     2.50");
    assertEquals(expected, String.join("\n", text.lines().limit(5).toList()));
  }
}
