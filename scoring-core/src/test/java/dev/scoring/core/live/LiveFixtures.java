package dev.scoring.core.live;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;

import dev.scoring.core.Decay;
import dev.scoring.core.ScoringTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** Models and a settable clock shared by the live scoring tests. */
final class LiveFixtures {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  private LiveFixtures() {}

  static Instant daysAgo(long days) {
    return NOW.minus(Duration.ofDays(days));
  }

  /**
   * exec title 20; demo_request 40 and page_view 10, halving every 30 days; unsubscribe -50;
   * MQL at 60, SQL at 80, base tier "cold".
   */
  static ScoringTable leads() {
    return ScoringTable.builder("leads")
        .version("1")
        .decay(Decay.halfLife(30))
        .demographic("exec", attribute("title").equalTo("exec"), 20)
        .behavioral("demo", on("demo_request"), 40)
        .behavioral("visit", on("page_view"), 10)
        .negative("unsub", on("unsubscribe"), -50)
        .tier("MQL", 60)
        .tier("SQL", 80)
        .baseTier("cold")
        .build();
  }

  /** Every rule feature at once: windows, caps on occurrences, minimum values, steps. */
  static ScoringTable rich() {
    return ScoringTable.builder("rich")
        .version("7")
        .decay(Decay.steps(Decay.step(7, 1), Decay.step(30, 0.5), Decay.step(90, 0.25)))
        .demographicCap(15)
        .behavioralCap(70)
        .demographic("exec", attribute("title").equalTo("exec"), 12)
        .demographic("young", attribute("age").between(18, 30), 6)
        .behavioral("pricing", on("pricing_page_visit").maxOccurrences(3), 9)
        .behavioral("long-read", on("page_view").minValue(60).withinDays(30), 4.5)
        .behavioral("demo", on("demo_request"), 25)
        .behavioral("email", on("email_open").decays(false).maxOccurrences(5), 1.7)
        .negative("bounce", on("hard_bounce").withinDays(60), -20)
        .negative("student", attribute("title").equalTo("student"), -8)
        .inactivity("idle-30", 30, -5)
        .inactivity("idle-90", 90, -10)
        .tier("MQL", 40)
        .tier("SQL", 65)
        .build();
  }

  /** A clock the test sets; thread-safe. */
  static final class TestClock extends Clock {
    private final AtomicReference<Instant> now;

    TestClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void set(Instant instant) {
      now.set(instant);
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("withZone");
    }
  }
}
