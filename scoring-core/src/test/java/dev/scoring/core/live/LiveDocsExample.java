package dev.scoring.core.live;

// docs:live
import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.Decay;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveScorer;
import dev.scoring.core.live.ScoreChange;
import dev.scoring.core.live.SweepReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public class LiveDocsExample {
  public static List<String> run() {
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    ScoringTable model = ScoringTable.builder("leads")
        .decay(Decay.halfLife(30))
        .demographic("exec", attribute("title").equalTo("exec"), 20)
        .behavioral("demo", on("demo_request"), 40)
        .behavioral("visit", on("page_view"), 10)
        .tier("MQL", 60).tier("SQL", 80)
        .build();

    List<String> salesQueue = new CopyOnWriteArrayList<>();
    LiveScorer scorer = LiveScorer.builder(model)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .maximumSize(1_000_000)             // contacts in memory
        .maxEventsPerContact(10_000)        // stored events per contact
        .scoreHistory(20)                   // the last 20 score changes of each contact
        .listener(change -> salesQueue.add(change.contactId() + ": "
            + change.previousTier() + " -> " + change.currentTier() + " (" + change.cause() + ")"))
        .build();

    scorer.upsert(Contact.builder("c-17").attribute("title", "exec").build()); // 20
    scorer.record("c-17", Event.of("blog_visit", now));   // no rule reads it: not stored
    scorer.record("c-17", Event.of("demo_request", now)); // 60: MQL
    Score score = scorer.record("c-17", Event.of("page_view", now));    // 70
    if (score.score() != 70.0) {
      throw new AssertionError(score);
    }

    // Thirty days later, decay alone takes the lead back below MQL: a sweep reports it.
    SweepReport sweep = scorer.sweep(now.plus(Duration.ofDays(30)));
    if (sweep.changes().size() != 1) {
      throw new AssertionError(sweep);
    }

    // Why is this lead where it is? The score history tells.
    for (ScoreChange c : scorer.scoreHistory("c-17")) {
      salesQueue.add(c.cause() + " " + c.previous().map(Score::score).orElse(null) + " -> "
          + c.current().score() + " " + c.rule().orElse("-"));
    }
    return salesQueue;
  }
}
// docs:end
