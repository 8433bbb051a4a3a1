package dev.scoring.core.live;

import static dev.scoring.core.live.LiveFixtures.NOW;
import static dev.scoring.core.live.LiveFixtures.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveFixtures.TestClock;
import dev.scoring.core.live.TierChange.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveScorerTest {
  final ScoringTable model = LiveFixtures.leads();
  final TestClock clock = new TestClock(NOW);
  final List<TierChange> changes = new CopyOnWriteArrayList<>();

  LiveScorer scorer() {
    return LiveScorer.builder(model).clock(clock).listener(changes::add).build();
  }

  @Test
  void record_returnsExactlyTheBatchScoreOfTheStoredHistory() {
    LiveScorer scorer = scorer();
    scorer.upsert(Contact.builder("c-1").attribute("title", "exec").build());
    scorer.record("c-1", Event.of("page_view", daysAgo(45)));
    scorer.record("c-1", Event.of("demo_request", daysAgo(3)));
    Score score = scorer.record("c-1", Event.of("page_view", daysAgo(10)));

    Contact history = Contact.builder("c-1").attribute("title", "exec")
        .event("demo_request", daysAgo(3))
        .event("page_view", daysAgo(10))
        .event("page_view", daysAgo(45))
        .build();
    assertEquals(model.score(history, NOW), score);
    assertEquals(history, scorer.contact("c-1").orElseThrow());
    assertEquals(Optional.of(model.score(history, NOW)), scorer.score("c-1"));
    assertEquals(Optional.of(model.score(history, daysAgo(5))), scorer.score("c-1", daysAgo(5)));
    // 20 + 40 * 0.5^(3/30) + 10 * 0.5^(10/30) + 10 * 0.5^(45/30)
    assertEquals(20 + 40 * Math.pow(0.5, 0.1) + 10 * Math.pow(0.5, 10 / 30.0)
        + 10 * Math.pow(0.5, 1.5), score.score(), 1e-12);
  }

  @Test
  void unknownContact_hasNoScore() {
    assertEquals(Optional.empty(), scorer().score("nobody"));
    assertEquals(Optional.empty(), scorer().contact("nobody"));
  }

  @Test
  void listener_hearsEachTierChangeUpAndDownWithItsCause() {
    LiveScorer scorer = scorer();
    scorer.upsert(Contact.builder("c-1").attribute("title", "exec").build()); // 20, cold
    Event demo = Event.of("demo_request", NOW);
    scorer.record("c-1", demo); // 60, MQL
    scorer.record("c-1", Event.of("page_view", NOW)); // 70
    Event visit = Event.of("page_view", NOW);
    scorer.record("c-1", visit); // 80, SQL
    Event unsubscribe = Event.of("unsubscribe", NOW);
    Score last = scorer.record("c-1", unsubscribe); // 30, cold

    assertEquals(30.0, last.score());
    assertEquals(3, changes.size());
    TierChange first = changes.get(0);
    assertEquals("c-1", first.contactId());
    assertEquals("cold", first.previousTier());
    assertEquals("MQL", first.currentTier());
    assertEquals(20.0, first.previous().orElseThrow().score());
    assertEquals(60.0, first.current().score());
    assertEquals(Cause.EVENT, first.cause());
    assertEquals(Optional.of(demo), first.event());
    assertEquals(model.fingerprint(), first.modelFingerprint());

    assertEquals(List.of("MQL->SQL", "SQL->cold"), List.of(arrow(changes.get(1)),
        arrow(changes.get(2))));
    assertEquals(Optional.of(visit), changes.get(1).event());
    assertEquals(70.0, changes.get(1).previous().orElseThrow().score());
    assertEquals(Optional.of(unsubscribe), changes.get(2).event());
    assertTrue(changes.get(0).sequence() < changes.get(1).sequence()
        && changes.get(1).sequence() < changes.get(2).sequence());
  }

  @Test
  void newContact_startsFromTheBaseTierWithNoPreviousScore() {
    LiveScorer scorer = scorer();
    scorer.upsert(Contact.builder("c-2").attribute("title", "exec")
        .event("demo_request", NOW).event("page_view", NOW).event("page_view", NOW).build());
    assertEquals(1, changes.size());
    TierChange c = changes.get(0);
    assertEquals("cold", c.previousTier());
    assertEquals(Optional.empty(), c.previous());
    assertEquals("SQL", c.currentTier());
    assertEquals(Cause.UPSERT, c.cause());
    assertEquals(Optional.empty(), c.event());
  }

  @Test
  void sweep_reportsWhatTimeChangedAndWhoCrossedSinceThePreviousSweep() {
    LiveScorer scorer = scorer();
    scorer.upsert(Contact.builder("x").attribute("title", "exec")
        .event("demo_request", NOW).event("page_view", NOW).event("page_view", NOW).build());
    scorer.upsert(Contact.builder("y").attribute("title", "exec").build());
    changes.clear();

    SweepReport first = scorer.sweep(NOW);
    assertEquals(List.of(), first.changes());
    assertEquals(Optional.empty(), first.previousSweep());
    assertEquals(2, first.contacts());
    assertEquals(List.of("x"), first.sincePrevious().entered("SQL"));
    assertEquals(List.of("y"), first.sincePrevious().entered("cold"));

    Instant month = NOW.plus(Duration.ofDays(30));
    SweepReport second = scorer.sweep(month); // x: 20 + 40/2 + 10/2 + 10/2 = 50
    assertEquals(Optional.of(NOW), second.previousSweep());
    assertEquals(1, second.changes().size());
    TierChange down = second.changes().get(0);
    assertEquals("x", down.contactId());
    assertEquals("SQL->cold", arrow(down));
    assertEquals(Cause.TIME, down.cause());
    assertEquals(80.0, down.previous().orElseThrow().score());
    assertEquals(50.0, down.current().score());
    assertEquals(month, down.current().asOf());
    assertEquals(List.of(down), changes);
    assertEquals(List.of("x"), second.sincePrevious().left("SQL"));
    assertEquals(List.of("x"), second.sincePrevious().entered("cold"));
    assertEquals(1, second.sincePrevious().moves().size());

    assertEquals(List.of(), scorer.sweep(month).changes());
  }

  @Test
  void record_reportsTheChangeTimeMadeBeforeTheChangeTheEventMakes() {
    LiveScorer scorer = scorer();
    scorer.upsert(Contact.builder("c-1").attribute("title", "exec")
        .event("demo_request", NOW).event("page_view", NOW).event("page_view", NOW).build());
    changes.clear();
    clock.advance(Duration.ofDays(30)); // the contact has decayed to 50, cold
    Event visit = Event.of("page_view", clock.instant());
    Score score = scorer.record("c-1", visit); // 60, MQL

    assertEquals(60.0, score.score());
    assertEquals(2, changes.size());
    assertEquals("SQL->cold", arrow(changes.get(0)));
    assertEquals(Cause.TIME, changes.get(0).cause());
    assertEquals(50.0, changes.get(0).current().score());
    assertEquals("cold->MQL", arrow(changes.get(1)));
    assertEquals(Cause.EVENT, changes.get(1).cause());
    assertEquals(Optional.of(visit), changes.get(1).event());
    assertEquals(50.0, changes.get(1).previous().orElseThrow().score());
  }

  @Test
  void record_reportsNothingWhenTheTierIsTheLastReportedOne() {
    LiveScorer scorer = scorer();
    scorer.upsert(Contact.builder("c-1").attribute("title", "exec")
        .event("demo_request", NOW).event("page_view", NOW).event("page_view", NOW).build());
    changes.clear();
    clock.advance(Duration.ofDays(30)); // decayed to 50, but nobody looked
    Score score = scorer.record("c-1", Event.of("demo_request", clock.instant())); // 90, SQL
    assertEquals(90.0, score.score());
    assertEquals(List.of(), changes);
  }

  @Test
  void futureEvent_countsOnceItComesDue() {
    LiveScorer scorer = scorer();
    scorer.upsert(Contact.builder("c-1").attribute("title", "exec").build());
    Instant tomorrow = NOW.plus(Duration.ofDays(1));
    assertEquals(20.0, scorer.record("c-1", Event.of("demo_request", tomorrow)).score());
    assertEquals(List.of(), changes);
    SweepReport sweep = scorer.sweep(tomorrow);
    assertEquals(List.of("cold->MQL"), sweep.changes().stream().map(LiveScorerTest::arrow)
        .toList());
    assertEquals(Cause.TIME, sweep.changes().get(0).cause());
  }

  @Test
  void swapModel_rescoresEveryContactAndReportsTheChanges() {
    LiveScorer scorer = scorer();
    scorer.upsert(Contact.builder("a").attribute("title", "exec").event("demo_request", NOW)
        .build()); // 60: MQL, then MQL
    scorer.upsert(Contact.builder("b").attribute("title", "exec").event("demo_request", NOW)
        .event("page_view", NOW).build()); // 70: MQL, then SQL
    scorer.upsert(Contact.builder("c").event("demo_request", NOW).build()); // 40: cold, cold
    scorer.upsert(Contact.builder("d").event("demo_request", NOW).event("page_view", NOW)
        .build()); // 50: cold, then MQL
    changes.clear();
    ScoringTable v2 = model.toBuilder().version("2").clearTiers().tier("MQL", 50)
        .tier("SQL", 70).build();

    ModelSwap swap = scorer.swapModel(v2);

    assertSame(model, swap.previous());
    assertSame(v2, swap.current());
    assertSame(v2, scorer.model());
    assertEquals(4, swap.contacts());
    assertEquals(List.of("b MQL->SQL", "d cold->MQL"), swap.changes().stream()
        .map(c -> c.contactId() + " " + arrow(c)).sorted().toList());
    for (TierChange c : swap.changes()) {
      assertEquals(Cause.MODEL_CHANGE, c.cause());
      assertEquals(v2.fingerprint(), c.modelFingerprint());
      assertEquals("1", c.previous().orElseThrow().modelVersion());
      assertEquals("2", c.current().modelVersion());
    }
    assertEquals(changes.size(), swap.changes().size());
    assertEquals(List.of("b"), swap.report().entered("SQL"));
    assertEquals(List.of("d"), swap.report().entered("MQL"));
    assertEquals(List.of("b"), swap.report().left("MQL"));
    assertEquals(List.of("d"), swap.report().left("cold"));
    Score b = scorer.score("b").orElseThrow();
    assertEquals("2", b.modelVersion());
    assertEquals("SQL", b.tier());
    assertEquals(v2.score(scorer.contact("b").orElseThrow(), NOW), b);
    scorer.scores(NOW).values().forEach(s -> assertEquals("2", s.modelVersion()));
  }

  @Test
  void historyBound_isAClearErrorThatChangesNothing() {
    LiveScorer scorer = LiveScorer.builder(model).clock(clock).maxEventsPerContact(2).build();
    scorer.record("c-1", Event.of("page_view", NOW));
    Score two = scorer.record("c-1", Event.of("page_view", NOW));
    IllegalStateException full = assertThrows(IllegalStateException.class,
        () -> scorer.record("c-1", Event.of("demo_request", NOW)));
    assertEquals("contact 'c-1' history must hold at most 2 events (maxEventsPerContact), "
        + "but would hold 3", full.getMessage());
    assertEquals(Optional.of(two), scorer.score("c-1"));
    assertEquals(2, scorer.contact("c-1").orElseThrow().events().size());

    Contact three = Contact.builder("c-2").event("page_view", NOW).event("page_view", NOW)
        .event("page_view", NOW).build();
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
        () -> scorer.upsert(three));
    assertEquals("contact 'c-2' events must be at most 2 (maxEventsPerContact), but was 3",
        tooMany.getMessage());
    assertEquals(Optional.empty(), scorer.contact("c-2"));
  }

  @Test
  void evictedContacts_goToTheHookAndComeBackThroughTheLoader() {
    Map<String, Contact> store = new ConcurrentHashMap<>();
    LiveScorer scorer = LiveScorer.builder(model).clock(clock)
        .maximumSize(10)
        .executor(Runnable::run)
        .onEviction(c -> store.put(c.id(), c))
        .loader(id -> Optional.ofNullable(store.remove(id)))
        .build();
    for (int i = 0; i < 50; i++) {
      scorer.record("c-" + i, Event.of("page_view", daysAgo(i)));
    }
    scorer.cleanUp();
    assertTrue(scorer.estimatedSize() <= 10, "size " + scorer.estimatedSize());
    assertEquals(50, store.size() + scorer.estimatedSize());

    for (int i = 0; i < 50; i++) {
      String id = "c-" + i;
      Score score = scorer.record(id, Event.of("demo_request", NOW));
      Contact expected = Contact.builder(id).event("page_view", daysAgo(i))
          .event("demo_request", NOW).build();
      assertEquals(model.score(expected, NOW), score, id);
      scorer.cleanUp();
    }
    scorer.cleanUp();
    int events = 0;
    for (int i = 0; i < 50; i++) {
      Contact c = store.containsKey("c-" + i) ? store.get("c-" + i)
          : scorer.contact("c-" + i).orElseThrow();
      events += c.events().size();
    }
    assertEquals(100, events);
  }

  @Test
  void idleContacts_expire() {
    AtomicLong nanos = new AtomicLong();
    Map<String, Contact> store = new ConcurrentHashMap<>();
    LiveScorer scorer = LiveScorer.builder(model).clock(clock)
        .expireAfterAccess(Duration.ofHours(1))
        .ticker(nanos::get)
        .executor(Runnable::run)
        .onEviction(c -> store.put(c.id(), c))
        .loader(id -> Optional.ofNullable(store.get(id)))
        .build();
    Score score = scorer.record("c-1", Event.of("demo_request", NOW));
    nanos.addAndGet(Duration.ofMinutes(59).toNanos());
    scorer.cleanUp();
    assertEquals(1, scorer.estimatedSize());
    assertEquals(Map.of(), store);

    nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    scorer.cleanUp();
    assertEquals(0, scorer.estimatedSize());
    assertEquals(Map.of("c-1", Contact.builder("c-1").event("demo_request", NOW).build()), store);
    assertEquals(Optional.of(score), scorer.score("c-1"));
    assertEquals(1, scorer.estimatedSize());
  }

  @Test
  void expiredContact_reachesTheHookBeforeItsNextOperationLoadsIt() {
    AtomicLong nanos = new AtomicLong();
    Map<String, Contact> store = new ConcurrentHashMap<>();
    LiveScorer scorer = LiveScorer.builder(model).clock(clock)
        .expireAfterAccess(Duration.ofHours(1))
        .ticker(nanos::get)
        .onEviction(c -> store.put(c.id(), c))
        .loader(id -> Optional.ofNullable(store.remove(id)))
        .build();
    scorer.record("c-1", Event.of("demo_request", NOW));
    nanos.addAndGet(Duration.ofHours(2).toNanos());
    Score score = scorer.record("c-1", Event.of("page_view", NOW)); // no cleanUp in between
    Contact expected = Contact.builder("c-1").event("demo_request", NOW)
        .event("page_view", NOW).build();
    assertEquals(expected, scorer.contact("c-1").orElseThrow());
    assertEquals(model.score(expected, NOW), score);
  }

  @Test
  void loadedContact_startsFromItsScoreAtLoadTime() {
    Contact stored = Contact.builder("c-1").attribute("title", "exec")
        .event("demo_request", NOW).event("page_view", NOW).event("page_view", NOW).build();
    LiveScorer scorer = LiveScorer.builder(model).clock(clock).listener(changes::add)
        .loader(id -> id.equals("c-1") ? Optional.of(stored) : Optional.empty()).build();
    Score score = scorer.record("c-1", Event.of("page_view", NOW));
    assertEquals(90.0, score.score());
    assertEquals(List.of(), changes); // SQL when loaded, SQL now
    assertEquals(4, scorer.contact("c-1").orElseThrow().events().size());
  }

  @Test
  void loaderReturningAnotherContact_isAnError() {
    LiveScorer scorer = LiveScorer.builder(model)
        .loader(id -> Optional.of(Contact.builder("other").build())).build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> scorer.record("c-1", Event.of("page_view", NOW)));
    assertEquals("the contact loaded for 'c-1' id must be 'c-1', but was 'other'",
        e.getMessage());
  }

  @Test
  void failingListener_doesNotStopTheOthers() {
    List<String> heard = new ArrayList<>();
    LiveScorer scorer = LiveScorer.builder(model).clock(clock)
        .listener(c -> {
          throw new IllegalStateException("listener down");
        })
        .listener(c -> heard.add(arrow(c)))
        .build();
    scorer.record("c-1", Event.of("demo_request", NOW));
    scorer.record("c-1", Event.of("demo_request", NOW));
    assertEquals(List.of("cold->SQL"), heard);
  }

  @Test
  void remove_forgetsTheContactWithoutTheHook() {
    List<Contact> evicted = new ArrayList<>();
    LiveScorer scorer = LiveScorer.builder(model).onEviction(evicted::add).build();
    scorer.record("c-1", Event.of("page_view", NOW));
    assertEquals(1, scorer.remove("c-1").orElseThrow().events().size());
    assertEquals(Optional.empty(), scorer.contact("c-1"));
    assertEquals(List.of(), evicted);
  }

  @Test
  void builder_rejectsBadSettings() {
    LiveScorer.Builder b = LiveScorer.builder(model);
    assertEquals("maximumSize must be at least 1, but was 0",
        assertThrows(IllegalArgumentException.class, () -> b.maximumSize(0)).getMessage());
    assertEquals("maxEventsPerContact must be at least 1, but was -3",
        assertThrows(IllegalArgumentException.class, () -> b.maxEventsPerContact(-3))
            .getMessage());
    assertEquals("expireAfterAccess must be positive, but was PT0S",
        assertThrows(IllegalArgumentException.class, () -> b.expireAfterAccess(Duration.ZERO))
            .getMessage());
    assertEquals("contactId must be a non-blank string, but was \" \"",
        assertThrows(IllegalArgumentException.class,
            () -> b.build().record(" ", Event.of("page_view", NOW))).getMessage());
  }

  static String arrow(TierChange c) {
    return c.previousTier() + "->" + c.currentTier();
  }
}
