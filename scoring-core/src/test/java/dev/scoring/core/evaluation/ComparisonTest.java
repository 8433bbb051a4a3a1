package dev.scoring.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.api.Tier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T00:00:00Z");
  static final double[] A = {9, 8, 8, 8, 5, 5, 3, 2, 1, 0};
  static final double[] B = {9, 5, 8, 2, 8, 5, 3, 8, 1, 0};
  static final int[] CONVERTED = {1, 1, 0, 0, 1, 0, 0, 1, 0, 0};
  static final List<LabeledContact> CONTACTS = FixedScores.contacts(A, B, CONVERTED);
  static final FixedScores CURRENT =
      new FixedScores("current", "s", new Tier("warm", 5), new Tier("hot", 8));
  static final FixedScores CANDIDATE =
      new FixedScores("candidate", "t", new Tier("warm", 5), new Tier("hot", 8));

  @Test
  void delong_matchesTheDefinitionComputedPairByPair() {
    Comparison c = Comparison.of(CURRENT, CANDIDATE, CONTACTS, AS_OF);
    assertEquals(16.5 / 24, c.first().auc(), 1e-15);
    // candidate: 9 beats 6; 5 ties one 5 and beats 4; each 8 ties one 8 and beats 5: 21.5
    assertEquals(21.5 / 24, c.second().auc(), 1e-15);
    assertEquals(5.0 / 24, c.aucDifference(), 1e-15);
    // Var = (S10 terms) / 4 + (S01 terms) / 6 from the structural components psi(x, y),
    // computed independently pair by pair: 0.032754629629629634
    assertEquals(Math.sqrt(0.032754629629629634), c.standardError(), 1e-15);
    double z = 1.959963984540054;
    assertEquals(5.0 / 24 - z * c.standardError(), c.lower(), 1e-12);
    assertEquals(5.0 / 24 + z * c.standardError(), c.upper(), 1e-12);
    assertEquals(0.24968089055663767, c.pValue(), 1e-9);
    assertEquals(0.95, c.confidence());
  }

  @Test
  void tierChanges_countEveryPair() {
    Comparison.TierChanges t = Comparison.of(CURRENT, CANDIDATE, CONTACTS, AS_OF).tierChanges();
    assertEquals(List.of("cold", "warm", "hot"), t.from());
    assertEquals(List.of(List.of(3L, 0L, 1L), List.of(0L, 1L, 1L), List.of(1L, 1L, 2L)),
        t.counts());
    assertEquals(4, t.changed());
    assertEquals(1, t.count("hot", "cold"));
    assertThrows(IllegalArgumentException.class, () -> t.count("hot", "tepid"));
  }

  @Test
  void aModelComparedWithItself_hasZeroDifferenceAndError() {
    Comparison c = Comparison.of(CURRENT, CURRENT, CONTACTS, AS_OF);
    assertEquals(0.0, c.aucDifference());
    assertEquals(0.0, c.standardError());
    assertEquals(0.0, c.lower());
    assertEquals(1.0, c.pValue());
    assertEquals(0, c.tierChanges().changed());
  }

  @Test
  void format_showsTheDifferenceAndTheMatrix() {
    String text = Comparison.of(CURRENT, CANDIDATE, CONTACTS, AS_OF, 0.9).format();
    assertEquals(true, text.contains("AUC difference +0.2083, 90% CI [-0.0894, +0.5060]"), text);
    assertEquals(true, text.contains("4 of 10 contacts change tier"), text);
  }

  @Test
  void rejectsTooFewContactsOfAClass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Comparison.of(CURRENT, CANDIDATE, CONTACTS.subList(6, 10), AS_OF));
    assertEquals("contacts must include at least two converted and two non-converted contacts, "
        + "but was 1 converted of 4", e.getMessage());
  }
}
