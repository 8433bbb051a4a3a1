package dev.scoring.core.live;

import static dev.scoring.core.EventMatch.on;
import static dev.scoring.core.live.LiveFixtures.NOW;
import static dev.scoring.core.live.LiveFixtures.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveFixtures.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the compact history stores, what it counts, and listeners that fail. */
class LiveScorerCompactTest {
  final ScoringTable model = LiveFixtures.leads(); // reads demo_request, page_view, unsubscribe
  final TestClock clock = new TestClock(NOW);
  final List<TierChange> changes = new ArrayList<>();

  @Test
  void heavyBrowser_demoRequestIsScored_becauseIgnoredEventsDoNotCountTowardsTheBound() {
    LiveScorer scorer = LiveScorer.builder(model).clock(clock).maxEventsPerContact(2)
        .listener(changes::add).build();
    for (int i = 0; i < 500; i++) {
      scorer.record("c-1", Event.of("blog_visit", daysAgo(i % 20)));
    }
    scorer.record("c-1", Event.of("page_view", daysAgo(1)));
    Score score = scorer.record("c-1", Event.of("demo_request", NOW));

    Contact stored = Contact.builder("c-1").event("page_view", daysAgo(1))
        .event("demo_request", NOW).build();
    assertEquals(stored, scorer.contact("c-1").orElseThrow());
    assertEquals(model.score(stored, NOW), score);
    // 40 + 10 * 0.5^(1/30)
    assertEquals(40 + 10 * Math.pow(0.5, 1 / 30.0), score.score(), 1e-12);
    // The bound still holds for what is stored: nothing changes.
    IllegalStateException full = assertThrows(IllegalStateException.class,
        () -> scorer.record("c-1", Event.of("page_view", NOW)));
    assertEquals("contact 'c-1' history must hold at most 2 events (maxEventsPerContact), "
        + "but would hold 3", full.getMessage());
    assertEquals(Optional.of(score), scorer.score("c-1"));
  }

  @Test
  void upsertAndLoader_countOnlyTheEventsTheyStore() {
    Contact heavy = Contact.builder("c-2").event("blog_visit", NOW).event("blog_visit", NOW)
        .event("blog_visit", NOW).event("demo_request", NOW).build();
    LiveScorer scorer = LiveScorer.builder(model).clock(clock).maxEventsPerContact(1)
        .loader(id -> Optional.of(Contact.builder(id).event("email_open", NOW)
            .event("email_open", NOW).event("page_view", NOW).build()))
        .build();
    assertEquals(model.score(heavy, NOW), scorer.upsert(heavy));
    assertEquals(1, scorer.contact("c-2").orElseThrow().events().size());
    assertEquals(10.0, scorer.score("c-3").orElseThrow().score());
  }

  @Test
  void swapToAModelReadingANewType_seesOnlyTheEventsStored_unlessTheTypeIsKept() {
    ScoringTable webinars = model.toBuilder().version("2")
        .behavioral("webinar", on("webinar"), 30).build();
    LiveScorer compact = LiveScorer.builder(model).clock(clock).build();
    LiveScorer keeping = LiveScorer.builder(model).clock(clock)
        .keepEventTypes(Set.of("webinar")).build();
    LiveScorer everything = LiveScorer.builder(model).clock(clock).keepAllEvents().build();
    for (LiveScorer s : List.of(compact, keeping, everything)) {
      s.record("c-1", Event.of("webinar", NOW));
      s.record("c-1", Event.of("blog_visit", NOW));
      s.swapModel(webinars);
      s.record("c-1", Event.of("webinar", NOW));
    }
    Contact all = Contact.builder("c-1").event("webinar", NOW).event("blog_visit", NOW)
        .event("webinar", NOW).build();
    // Before the swap no rule read "webinar": only the one recorded after it is stored.
    assertEquals(Contact.builder("c-1").event("webinar", NOW).build(),
        compact.contact("c-1").orElseThrow());
    assertEquals(30.0, compact.score("c-1").orElseThrow().score());
    assertEquals(Contact.builder("c-1").event("webinar", NOW).event("webinar", NOW).build(),
        keeping.contact("c-1").orElseThrow());
    assertEquals(webinars.score(all, NOW), keeping.score("c-1").orElseThrow());
    assertEquals(all, everything.contact("c-1").orElseThrow());
    assertEquals(webinars.score(all, NOW), everything.score("c-1").orElseThrow());
  }

  @Test
  void keepEventTypes_rejectsBlankTypes() {
    LiveScorer.Builder b = LiveScorer.builder(model);
    assertEquals("keepEventTypes type must be a non-blank string, but was \" \"",
        assertThrows(IllegalArgumentException.class, () -> b.keepEventTypes(List.of(" ")))
            .getMessage());
  }

  @Test
  void outOfOrderEvents_areInsertedInTimeOrderAfterEventsOfTheSameInstant() {
    LiveScorer scorer = LiveScorer.builder(LiveFixtures.rich()).clock(clock).build();
    scorer.record("c-1", Event.of("page_view", daysAgo(1), 70));
    scorer.record("c-1", Event.of("page_view", daysAgo(5), 20));
    scorer.record("c-1", Event.of("page_view", daysAgo(1), 90));
    scorer.record("c-1", Event.of("email_open", daysAgo(3)));
    Contact expected = Contact.builder("c-1")
        .event("page_view", daysAgo(5), 20)
        .event("email_open", daysAgo(3))
        .event("page_view", daysAgo(1), 70)
        .event("page_view", daysAgo(1), 90)
        .build();
    assertEquals(expected.events(), scorer.contact("c-1").orElseThrow().events());
    assertEquals(LiveFixtures.rich().score(expected, NOW), scorer.score("c-1").orElseThrow());
  }

  @Test
  void listenerThrowingAnError_neitherFailsTheOperationNorLosesTheChange() {
    List<String> heard = new ArrayList<>();
    LiveScorer scorer = LiveScorer.builder(model).clock(clock)
        .listener(c -> {
          throw new StackOverflowError("listener down");
        })
        .listener(c -> heard.add(c.previousTier() + "->" + c.currentTier()))
        .build();
    Score first = scorer.record("c-1", Event.of("demo_request", NOW)); // 40: cold
    Score second = scorer.record("c-1", Event.of("demo_request", NOW)); // 80: SQL
    Score third = scorer.record("c-1", Event.of("unsubscribe", NOW)); // 30: cold
    assertEquals(List.of(40.0, 80.0, 30.0),
        List.of(first.score(), second.score(), third.score()));
    assertEquals(List.of("cold->SQL", "SQL->cold"), heard);
    assertEquals(3, scorer.contact("c-1").orElseThrow().events().size());
  }
}
