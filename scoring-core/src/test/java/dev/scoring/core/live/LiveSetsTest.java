package dev.scoring.core.live;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static dev.scoring.core.live.LiveFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveFixtures.TestClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A live scorer of a model set: one stored history, a score, tier changes and a log per table. */
class LiveSetsTest {

  static ModelSet crmAndProduct() {
    ScoringTable crm = ScoringTable.builder("crm")
        .demographic("exec", attribute("title").equalTo("exec"), 20)
        .behavioral("demo", on("demo_request"), 40)
        .tier("MQL", 60)
        .build();
    ScoringTable product = ScoringTable.builder("product")
        .behavioral("trial", on("trial_started"), 50)
        .tier("PQL", 50).baseTier("free")
        .build();
    return ModelSet.builder("acme").version("2").add(crm).add(product).build();
  }

  @Test
  void eachTableScoresReportsAndLogsOnItsOwn() {
    ModelSet set = crmAndProduct();
    List<String> heard = new CopyOnWriteArrayList<>();
    LiveScorer scorer = LiveScorer.builder(set).clock(new TestClock(NOW)).scoreHistory(5)
        .listener(c -> heard.add(c.table() + " " + c.contactId() + ": " + c.previousTier()
            + " -> " + c.currentTier() + " (" + c.cause() + ")"))
        .build();
    assertSame(set.tables().get(0), scorer.model());
    assertEquals(Optional.of(set), scorer.modelSet());

    assertEquals(20, scorer.upsert(Contact.builder("c1").attribute("title", "exec").build())
        .score());
    scorer.record("c1", Event.of("blog_visit", NOW));     // no table reads it: not stored
    scorer.record("c1", Event.of("trial_started", NOW));  // product 50: PQL
    Score crm = scorer.record("c1", Event.of("demo_request", NOW)); // crm 60: MQL
    assertEquals(60, crm.score());
    assertEquals("crm", crm.modelName());

    Contact stored = scorer.contact("c1").orElseThrow();
    assertEquals(List.of(Event.of("trial_started", NOW), Event.of("demo_request", NOW)),
        stored.events());
    Map<String, Score> scores = scorer.tableScores("c1").orElseThrow();
    assertEquals(set.score(stored, NOW), scores);
    assertEquals(List.of("crm", "product"), List.copyOf(scores.keySet()));
    assertEquals(50, scores.get("product").score());
    assertEquals(Optional.empty(), scorer.tableScores("nobody"));

    assertEquals(List.of(
        "product c1: free -> PQL (EVENT)",
        "crm c1: unqualified -> MQL (EVENT)"), heard);
    assertEquals(List.of("UPSERT null -> 20.0 -", "EVENT 20.0 -> 60.0 demo"),
        log(scorer.scoreHistory("c1")));
    assertEquals(log(scorer.scoreHistory("c1")), log(scorer.scoreHistory("c1", "crm")));
    assertEquals(List.of("UPSERT null -> 0.0 -", "EVENT 0.0 -> 50.0 trial"),
        log(scorer.scoreHistory("c1", "product")));
  }

  @Test
  void aSwapContinuesTablesByNameAndStartsNewOnesFromTheirBaseTier() {
    ModelSet set = crmAndProduct();
    List<TierChange> heard = new CopyOnWriteArrayList<>();
    LiveScorer scorer = LiveScorer.builder(set).clock(new TestClock(NOW))
        .listener(heard::add).build();
    scorer.upsert(Contact.builder("c1").event(Event.of("trial_started", NOW))
        .event(Event.of("demo_request", NOW)).build()); // crm 40, product 50: PQL
    ScoringTable strictProduct = set.table("product").toBuilder().version("2").clearTiers()
        .tier("PQL", 60).build();
    ScoringTable usage = ScoringTable.builder("usage")
        .behavioral("demo", on("demo_request"), 30).tier("active", 25).build();
    ModelSwap swap = scorer.swapModel(ModelSet.builder("acme").version("3")
        .add(strictProduct).add(usage).build());
    assertEquals(List.of("product PQL -> free (MODEL_CHANGE)",
        "usage unqualified -> active (MODEL_CHANGE)"),
        swap.changes().stream().map(c -> c.table() + " " + c.previousTier() + " -> "
            + c.currentTier() + " (" + c.cause() + ")").toList());
    assertEquals(swap.changes(), heard.subList(1, 3));
    assertEquals(List.of("product", "usage"),
        List.copyOf(scorer.tableScores("c1").orElseThrow().keySet()));
    assertSame(strictProduct, scorer.model());
  }

  private static List<String> log(List<ScoreChange> changes) {
    return changes.stream().map(c -> c.cause() + " "
        + c.previous().map(Score::score).orElse(null) + " -> " + c.current().score() + " "
        + c.rule().orElse("-")).toList();
  }
}
