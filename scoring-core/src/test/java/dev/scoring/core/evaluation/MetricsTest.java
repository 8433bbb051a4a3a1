package dev.scoring.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MetricsTest {
  // positives 0.9, 0.8, 0.5; negatives 0.8, 0.3, 0.3
  static final double[] SCORES = {0.9, 0.8, 0.8, 0.5, 0.3, 0.3};
  static final boolean[] LABELS = {true, true, false, true, false, false};

  @Test
  void auc_countsTiesHalf() {
    // pairs won: 0.9 beats 3; 0.8 ties 0.8 (1/2) and beats 0.3 twice; 0.5 beats 0.3 twice
    assertEquals(7.5 / 9, Metrics.auc(SCORES, LABELS), 1e-15);
    assertEquals(2 * 7.5 / 9 - 1, Metrics.gini(SCORES, LABELS), 1e-15);
  }

  @Test
  void ks_isTheLargestGapOverCutsThatKeepTiesTogether() {
    // cuts >= 0.9: 1/3 - 0; >= 0.8: 2/3 - 1/3; >= 0.5: 1 - 1/3; >= 0.3: 1 - 1
    assertEquals(2.0 / 3, Metrics.ks(SCORES, LABELS), 1e-15);
  }

  @Test
  void perfectModel_hasAucAndKsOne() {
    double[] s = {4, 3, 2, 1};
    boolean[] y = {true, true, false, false};
    assertEquals(1.0, Metrics.auc(s, y));
    assertEquals(1.0, Metrics.ks(s, y));
    assertEquals(1.0, Metrics.gini(s, y));
  }

  @Test
  void reversedModel_hasAucZero() {
    double[] s = {1, 2, 3, 4};
    boolean[] y = {true, true, false, false};
    assertEquals(0.0, Metrics.auc(s, y));
    assertEquals(-1.0, Metrics.gini(s, y));
    assertEquals(1.0, Metrics.ks(s, y));
  }

  @Test
  void randomModel_allTied_hasAucOneHalfAndKsZero() {
    double[] s = {7, 7, 7, 7, 7};
    boolean[] y = {true, false, false, true, false};
    assertEquals(0.5, Metrics.auc(s, y));
    assertEquals(0.0, Metrics.ks(s, y));
  }

  @Test
  void randomModel_interleaved_hasAucOneHalf() {
    // positives at ranks 1, 4, negatives at 2, 3: wins 0 + 2 of 4
    double[] s = {1, 2, 3, 4};
    boolean[] y = {true, false, false, true};
    assertEquals(0.5, Metrics.auc(s, y));
    assertEquals(0.5, Metrics.ks(s, y));
  }

  @Test
  void auc_rejectsOneClassAndNaN() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.auc(new double[] {1, 2}, new boolean[] {true, true}));
    assertEquals("labels must include at least one converted and one non-converted contact, "
        + "but was 2 converted of 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.auc(new double[] {1, Double.NaN}, new boolean[] {true, false}));
    assertEquals("scores[1] must be a number, but was NaN", e.getMessage());
  }
}
