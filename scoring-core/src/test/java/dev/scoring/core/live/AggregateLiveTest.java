package dev.scoring.core.live;

import static dev.scoring.core.Aggregate.count;
import static dev.scoring.core.Aggregate.daysSinceLast;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.ScoringTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live scorer on tables with aggregate rules: scores, trend and the rule the score
 * history names.
 */
class AggregateLiveTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void scoreHistoryNamesTheAggregateRuleThatMovedTheScore_andTrendIsTheModelsTrend() {
    ScoringTable model = ScoringTable.builder("live-aggregates").scale(-100, 100)
        .behavioral("visit", on("visit").decays(false), 1)
        .behavioral("regular", count("visit").withinDays(7).atLeast(3), 50)
        .negative("no-pricing", daysSinceLast("pricing").atLeast(30), -5)
        .tier("hot", 40)
        .build();
    LiveScorer live = LiveScorer.builder(model).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .scoreHistory(10).build();
    live.upsert(Contact.builder("c").build());
    live.record("c", Event.of("visit", NOW.minusSeconds(3_600)));
    live.record("c", Event.of("visit", NOW.minusSeconds(7_200)));
    live.record("c", Event.of("visit", NOW.minusSeconds(10_800)));
    List<ScoreChange> history = live.scoreHistory("c");
    ScoreChange last = history.get(history.size() - 1);
    assertThat(last.current().score()).isEqualTo(3 + 50 - 5.0);
    assertThat(last.rule()).contains("regular");
    assertThat(last.ruleDelta()).isEqualTo(50.0);
    live.record("c", Event.of("pricing", NOW.minusSeconds(60)));
    ScoreChange pricing = live.scoreHistory("c").get(live.scoreHistory("c").size() - 1);
    assertThat(pricing.rule()).contains("no-pricing");
    assertThat(pricing.ruleDelta()).isEqualTo(5.0);
    Contact c = live.contact("c").orElseThrow();
    assertThat(live.trend("c", NOW, 7)).hasValue(model.trend(c, NOW, 7));
    assertThat(live.trend("c", NOW, 7)).hasValue(53.0 - -5.0);
  }
}
