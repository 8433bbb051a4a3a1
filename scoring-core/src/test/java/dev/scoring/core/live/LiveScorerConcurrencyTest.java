package dev.scoring.core.live;

import static dev.scoring.core.EventMatch.on;
import static dev.scoring.core.live.LiveFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveFixtures.TestClock;
import dev.scoring.core.live.TierChange.Cause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads, overlapping contacts: nothing lost, nothing reported twice or missed. */
class LiveScorerConcurrencyTest {
  static final int THREADS = 8;

  final ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
  final Map<String, List<TierChange>> heard = new ConcurrentHashMap<>();

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
  }

  /** Every "hit" is worth 3 points and nothing decays: a score only rises, 3 at a time. */
  static ScoringTable hits(String version, double points) {
    return ScoringTable.builder("hits").version(version)
        .behavioral("hit", on("hit"), points)
        .negative("unsub", on("unsubscribe"), -25)
        .tier("MQL", 60).tier("SQL", 80).baseTier("cold")
        .build();
  }

  LiveScorer scorer(ScoringTable model) {
    return LiveScorer.builder(model).clock(new TestClock(NOW))
        .listener(c -> {
          List<TierChange> list = heard.computeIfAbsent(c.contactId(),
              k -> Collections.synchronizedList(new ArrayList<>()));
          list.add(c);
        })
        .build();
  }

  /** Runs the tasks on THREADS threads, all released at once. */
  void runConcurrently(List<Runnable> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        start.await();
        for (int i = thread; i < tasks.size(); i += THREADS) {
          tasks.get(i).run();
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
  }

  /** Contact i receives i % 40 hits, in a shuffled order spread over all threads. */
  static List<String> hitPlan(int contacts, long seed) {
    List<String> plan = new ArrayList<>();
    for (int i = 0; i < contacts; i++) {
      for (int k = 0; k < i % 40; k++) {
        plan.add("c-" + i);
      }
    }
    Collections.shuffle(plan, new Random(seed));
    return plan;
  }

  @Test
  void risingScores_reportEachCrossingExactlyOnceInOrder() throws Exception {
    ScoringTable model = hits("1", 3);
    LiveScorer scorer = scorer(model);
    List<String> plan = hitPlan(600, 42);
    List<Runnable> tasks = new ArrayList<>();
    for (String id : plan) {
      tasks.add(() -> scorer.record(id, Event.of("hit", NOW)));
    }
    runConcurrently(tasks);

    Set<Long> sequences = new HashSet<>();
    for (int i = 0; i < 600; i++) {
      String id = "c-" + i;
      int hits = i % 40;
      Contact history = scorer.contact(id).orElse(null);
      List<String> expected = new ArrayList<>();
      if (hits == 0) {
        assertEquals(null, history);
      } else {
        assertEquals(hits, history.events().size(), id); // no lost event
        Score score = scorer.score(id).orElseThrow();
        assertEquals(model.score(history, NOW), score, id);
        assertEquals(Math.min(100, 3.0 * hits), score.score(), id);
        if (3 * hits >= 60) {
          expected.add("cold->MQL");
        }
        if (3 * hits >= 80) {
          expected.add("MQL->SQL");
        }
      }
      List<TierChange> got = heard.getOrDefault(id, List.of());
      assertEquals(expected, got.stream().map(LiveScorerTest::arrow).toList(), id);
      assertEquals(List.of(60.0, 81.0).subList(0, got.size()),
          got.stream().map(c -> c.current().score()).toList(), id);
      for (TierChange c : got) {
        assertTrue(sequences.add(c.sequence()), "duplicate " + c);
        assertEquals(Cause.EVENT, c.cause());
      }
    }
  }

  @Test
  void risingAndFallingScores_formAnUnbrokenChainEndingAtTheFinalTier() throws Exception {
    ScoringTable model = hits("1", 10);
    LiveScorer scorer = scorer(model);
    Random random = new Random(7);
    List<String> plan = hitPlan(300, 11);
    List<Runnable> tasks = new ArrayList<>();
    Map<String, Integer> sent = new ConcurrentHashMap<>();
    for (String id : plan) {
      String type = random.nextInt(4) == 0 ? "unsubscribe" : "hit";
      sent.merge(id, 1, Integer::sum);
      tasks.add(() -> scorer.record(id, Event.of(type, NOW)));
    }
    runConcurrently(tasks);

    int total = 0;
    for (Map.Entry<String, Integer> e : sent.entrySet()) {
      Contact history = scorer.contact(e.getKey()).orElseThrow();
      assertEquals(e.getValue(), history.events().size());
      total += history.events().size();
      Score score = scorer.score(e.getKey()).orElseThrow();
      assertEquals(model.score(history, NOW), score);
      assertChain(e.getKey(), "cold", score.tier());
    }
    assertEquals(plan.size(), total);
  }

  @Test
  void modelSwapUnderLoad_movesEveryContactOnceAndNeverMixesVersions() throws Exception {
    ScoringTable v1 = hits("1", 3);
    ScoringTable v2 = hits("2", 4);
    LiveScorer scorer = scorer(v1);
    int contacts = 400;
    for (int i = 0; i < contacts; i++) {
      scorer.upsert(Contact.builder("c-" + i).build());
    }
    List<String> plan = hitPlan(contacts, 3);
    List<Runnable> tasks = new ArrayList<>();
    for (String id : plan) {
      tasks.add(() -> scorer.record(id, Event.of("hit", NOW)));
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    Future<List<String>> reader = pool.submit(() -> {
      List<String> problems = new ArrayList<>();
      boolean sawNew = false;
      Random r = new Random(5);
      while (writing.get()) {
        Map<String, Score> all = scorer.scores(NOW);
        Set<String> versions = new HashSet<>();
        all.values().forEach(s -> versions.add(s.modelVersion()));
        if (versions.size() > 1) {
          problems.add("mixed versions " + versions);
        }
        Score one = scorer.score("c-" + r.nextInt(contacts)).orElseThrow();
        sawNew |= one.modelVersion().equals("2");
        if (sawNew && one.modelVersion().equals("1")) {
          problems.add("version 1 after version 2: " + one);
        }
      }
      return problems;
    });
    Future<ModelSwap> swapper = pool.submit(() -> {
      while (heard.values().stream().mapToInt(List::size).sum() < 50) {
        Thread.onSpinWait();
      }
      return scorer.swapModel(v2);
    });
    runConcurrently(tasks);
    ModelSwap swap = swapper.get(60, TimeUnit.SECONDS);
    writing.set(false);
    assertEquals(List.of(), reader.get(60, TimeUnit.SECONDS));

    assertEquals(contacts, swap.contacts());
    Set<TierChange> modelChanges = new HashSet<>();
    for (int i = 0; i < contacts; i++) {
      String id = "c-" + i;
      Contact history = scorer.contact(id).orElseThrow();
      assertEquals(i % 40, history.events().size(), id);
      Score score = scorer.score(id).orElseThrow();
      assertEquals(v2.score(history, NOW), score, id);
      assertChain(id, "cold", score.tier());
      long swaps = 0;
      for (TierChange c : heard.getOrDefault(id, List.of())) {
        if (c.cause() == Cause.MODEL_CHANGE) {
          swaps++;
          modelChanges.add(c);
          assertEquals(v2.fingerprint(), c.modelFingerprint());
        } else {
          assertEquals(Cause.EVENT, c.cause());
          assertEquals(c.current().modelVersion().equals("2") ? v2.fingerprint()
              : v1.fingerprint(), c.modelFingerprint());
        }
      }
      assertTrue(swaps <= 1, id + " moved to the new model " + swaps + " times");
    }
    assertEquals(modelChanges, new HashSet<>(swap.changes()));
    assertEquals(swap.changes().size(), swap.report().moves().size());
  }

  @Test
  void hotContacts_flippingTierOnAlmostEveryEvent_hearEveryChangeOnceInOrder() throws Exception {
    // A random walk around the only threshold: many changes per contact, racing each other.
    ScoringTable model = ScoringTable.builder("flip")
        .behavioral("up", on("up"), 50)
        .negative("down", on("down"), -50)
        .tier("SQL", 50).baseTier("cold")
        .build();
    LiveScorer scorer = scorer(model);
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < 8_000; i++) {
      int k = i / THREADS; // each thread sends up, down to hot-0, then up, down to hot-1, ...
      String id = "hot-" + (k / 2) % 4;
      String type = k % 2 == 0 ? "up" : "down";
      tasks.add(() -> scorer.record(id, Event.of(type, NOW)));
    }
    runConcurrently(tasks);

    int events = 0;
    int changes = 0;
    for (int c = 0; c < 4; c++) {
      String id = "hot-" + c;
      Contact history = scorer.contact(id).orElseThrow();
      events += history.events().size();
      Score score = scorer.score(id).orElseThrow();
      assertEquals(model.score(history, NOW), score);
      assertChain(id, "cold", score.tier());
      changes += heard.getOrDefault(id, List.of()).size();
    }
    assertEquals(8_000, events);
    System.out.println("flipping contacts: " + changes + " tier changes");
    // Every interleaving gives at least cold -> SQL -> cold per contact (each thread sends its
    // "up" before its "down"); how many more depends on the schedule, so it is not asserted.
    assertTrue(changes >= 8, "only " + changes + " changes");
  }

  @Test
  void sweepsRacingEventsAsTimePasses_keepEveryContactsChainUnbroken() throws Exception {
    ScoringTable model = LiveFixtures.leads(); // decays: contacts drop tiers as time passes
    TestClock clock = new TestClock(NOW);
    LiveScorer scorer = LiveScorer.builder(model).clock(clock)
        .listener(c -> heard.computeIfAbsent(c.contactId(),
            k -> Collections.synchronizedList(new ArrayList<>())).add(c))
        .build();
    Random random = new Random(13);
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      String id = "c-" + random.nextInt(50);
      String type = random.nextInt(3) == 0 ? "demo_request" : "page_view";
      boolean tick = i % 40 == 0;
      tasks.add(() -> {
        if (tick) {
          clock.advance(java.time.Duration.ofDays(1));
        }
        scorer.record(id, Event.of(type, clock.instant()));
      });
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    // At least one sweep, whatever the threads' timing: the assertions below hold for every
    // interleaving (LiveScorerRaceTest drives the delivery races deterministically).
    Future<Integer> sweeper = pool.submit(() -> {
      int sweeps = 0;
      do {
        scorer.sweep(clock.instant());
        sweeps++;
      } while (writing.get());
      return sweeps;
    });
    runConcurrently(tasks);
    writing.set(false);
    assertTrue(sweeper.get(60, TimeUnit.SECONDS) > 0);
    // Ten years later every event has decayed to nothing (half-life 30 days), so every contact
    // the run left above the base tier drops by time alone, whatever the interleaving was.
    clock.advance(java.time.Duration.ofDays(3650));
    scorer.sweep(clock.instant());

    int events = 0;
    int timeChanges = 0;
    for (int c = 0; c < 50; c++) {
      String id = "c-" + c;
      Contact history = scorer.contact(id).orElseThrow();
      events += history.events().size();
      Score now = model.score(history, clock.instant());
      assertEquals(now, scorer.score(id).orElseThrow());
      assertChain(id, "cold", now.tier());
      for (TierChange change : heard.getOrDefault(id, List.of())) {
        if (change.cause() == Cause.TIME) {
          timeChanges++;
        }
      }
    }
    assertEquals(6_000, events);
    assertTrue(timeChanges > 0, "time never changed a tier: the test lost its point");
  }

  /** The contact's changes link up from {@code first} to {@code last}, in sequence order. */
  void assertChain(String id, String first, String last) {
    String tier = first;
    long sequence = 0;
    for (TierChange c : heard.getOrDefault(id, List.of())) {
      assertEquals(tier, c.previousTier(), id + " chain broken at " + c);
      assertTrue(c.sequence() > sequence, id + " out of order at " + c);
      tier = c.currentTier();
      sequence = c.sequence();
    }
    assertEquals(last, tier, id);
  }
}
