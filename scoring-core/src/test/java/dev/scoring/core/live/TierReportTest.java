package dev.scoring.core.live;

import static dev.scoring.core.live.LiveFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Score;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TierReportTest {
  static Score score(double value, String tier, String version) {
    return new Score(value, value, 0, value, tier, "leads", version, NOW);
  }

  @Test
  void between_listsWhoEnteredAndLeftEachTier() {
    Map<String, Score> before = Map.of(
        "a", score(85, "SQL", "1"),
        "b", score(65, "MQL", "1"),
        "c", score(10, "cold", "1"),
        "d", score(70, "MQL", "1"),
        "gone", score(90, "SQL", "1"));
    Map<String, Score> after = Map.of(
        "a", score(75, "MQL", "2"),
        "b", score(62, "MQL", "2"),
        "c", score(81, "SQL", "2"),
        "d", score(55, "cold", "2"),
        "new", score(60, "MQL", "2"));

    TierReport report = TierReport.between(before, after);

    assertEquals(List.of("a", "c", "d", "gone", "new"),
        report.moves().stream().map(TierReport.Move::contactId).toList());
    assertEquals(List.of("c"), report.entered("SQL"));
    assertEquals(List.of("a", "gone"), report.left("SQL"));
    assertEquals(List.of("a", "new"), report.entered("MQL"));
    assertEquals(List.of("d"), report.left("MQL"));
    assertEquals(List.of("d"), report.entered("cold"));
    assertEquals(List.of("c"), report.left("cold"));
    assertEquals(List.of(), report.entered("nope"));
    TierReport.Move gone = report.moves().get(3);
    assertEquals(Optional.of("SQL"), gone.previousTier());
    assertEquals(Optional.empty(), gone.currentTier());
    assertEquals("TierReport{MQL +2 -1, SQL +1 -2, cold +1 -1}", report.toString());
  }

  @Test
  void between_nullScore_isAnError() {
    Map<String, Score> previous = new java.util.HashMap<>();
    previous.put("a", null);
    NullPointerException e = org.junit.jupiter.api.Assertions.assertThrows(
        NullPointerException.class, () -> TierReport.between(previous, Map.of()));
    assertEquals("previous score of 'a' must not be null", e.getMessage());
  }

  @Test
  void between_sameTiers_isEmpty() {
    Map<String, Score> scores = Map.of("a", score(85, "SQL", "1"));
    TierReport report = TierReport.between(scores, Map.of("a", score(99, "SQL", "2")));
    assertTrue(report.isEmpty());
    assertEquals(Map.of(), report.entered());
    assertEquals(TierReport.between(Map.of(), Map.of()), report);
  }
}
