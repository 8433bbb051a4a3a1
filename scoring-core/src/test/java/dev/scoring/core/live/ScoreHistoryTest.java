package dev.scoring.core.live;

import static dev.scoring.core.live.LiveFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveFixtures.TestClock;
import dev.scoring.core.live.TierChange.Cause;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bounded per-contact log of score changes. */
class ScoreHistoryTest {
  final ScoringTable model = LiveFixtures.leads();
  final TestClock clock = new TestClock(NOW);

  @Test
  void history_tellsWhenFromWhatToWhatWhyAndWhichRuleMovedMost() {
    LiveScorer scorer = LiveScorer.builder(model).clock(clock).scoreHistory(10).build();
    Score exec = scorer.upsert(Contact.builder("c-1").attribute("title", "exec").build());
    Event demo = Event.of("demo_request", NOW);
    Score hot = scorer.record("c-1", demo);
    scorer.record("c-1", Event.of("blog_visit", NOW)); // no rule reads it: no change
    clock.advance(Duration.ofDays(30));
    SweepReport sweep = scorer.sweep(clock.instant()); // 20 + 40 * 0.5 = 40: MQL -> cold

    List<ScoreChange> log = scorer.scoreHistory("c-1");
    assertEquals(3, log.size(), log.toString());
    ScoreChange first = log.get(0);
    assertEquals(Optional.empty(), first.previous());
    assertEquals(exec, first.current());
    assertEquals(Cause.UPSERT, first.cause());
    assertEquals(Optional.empty(), first.rule());

    ScoreChange second = log.get(1);
    assertEquals(Optional.of(exec), second.previous());
    assertEquals(hot, second.current());
    assertEquals(60.0, hot.score());
    assertEquals(Optional.of(demo), second.event());
    assertEquals(Optional.of("demo"), second.rule());
    assertEquals(40.0, second.ruleDelta());
    assertTrue(second.tierChanged());

    ScoreChange third = log.get(2);
    assertEquals(Cause.TIME, third.cause());
    assertEquals(Optional.of("demo"), third.rule());
    assertEquals(-20.0, third.ruleDelta()); // half-life 30 days: 40 -> 20
    assertEquals(40.0, third.current().score());
    assertEquals(sweep.changes().get(0).current(), third.current());
    assertEquals("cold", third.current().tier());
  }

  @Test
  void history_keepsTheMostRecentEntries_andIsOffByDefault() {
    LiveScorer bounded = LiveScorer.builder(model).clock(clock).scoreHistory(2).build();
    LiveScorer off = LiveScorer.builder(model).clock(clock).build();
    for (int i = 1; i <= 5; i++) {
      bounded.record("c-1", Event.of("page_view", NOW));
      off.record("c-1", Event.of("page_view", NOW));
    }
    List<ScoreChange> log = bounded.scoreHistory("c-1");
    assertEquals(List.of(40.0, 50.0), log.stream().map(c -> c.current().score()).toList());
    assertEquals(List.of(Optional.of("visit"), Optional.of("visit")),
        log.stream().map(ScoreChange::rule).toList());
    assertEquals(List.of(), off.scoreHistory("c-1"));
    assertEquals(List.of(), bounded.scoreHistory("nobody"));
  }

  @Test
  void modelChange_isLoggedWithoutARule() {
    LiveScorer scorer = LiveScorer.builder(model).clock(clock).scoreHistory(5).build();
    scorer.record("c-1", Event.of("page_view", NOW));
    scorer.swapModel(model.toBuilder().version("2").clearTiers().tier("MQL", 5).build());
    ScoreChange last = scorer.scoreHistory("c-1").get(1);
    assertEquals(Cause.MODEL_CHANGE, last.cause());
    assertEquals(Optional.empty(), last.rule());
    assertEquals("MQL", last.current().tier());
    assertEquals("2", last.current().modelVersion());
  }

  @Test
  void aggregateRules_areNamedWhenTheyMoveMost() {
    ScoringTable engaged = ScoringTable.builder("engaged")
        .behavioral("visit", dev.scoring.core.EventMatch.on("page_view"), 5)
        .behavioral("regular", dev.scoring.core.Aggregate.count("page_view").atLeast(3), 25)
        .negative("bouncy", dev.scoring.core.Aggregate.count("hard_bounce").atLeast(1), -7)
        .tier("MQL", 30)
        .build();
    LiveScorer scorer = LiveScorer.builder(engaged).clock(clock).scoreHistory(10).build();
    Contact.Builder all = Contact.builder("c-1");
    for (String type : List.of("page_view", "page_view", "page_view", "hard_bounce")) {
      Event e = Event.of(type, NOW);
      all.event(e);
      assertEquals(engaged.score(all.build(), NOW), scorer.record("c-1", e));
    }
    List<ScoreChange> log = scorer.scoreHistory("c-1");
    assertEquals(List.of(5.0, 10.0, 40.0, 33.0),
        log.stream().map(c -> c.current().score()).toList());
    assertEquals(Optional.of("regular"), log.get(2).rule());
    assertEquals(25.0, log.get(2).ruleDelta());
    assertEquals(Optional.of("bouncy"), log.get(3).rule());
    assertEquals(-7.0, log.get(3).ruleDelta());
  }

  @Test
  void scoreHistory_boundIsChecked() {
    assertEquals("scoreHistory must be between 0 and 10000, but was 10001",
        assertThrows(IllegalArgumentException.class,
            () -> LiveScorer.builder(model).scoreHistory(10_001)).getMessage());
  }
}
