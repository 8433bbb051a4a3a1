package dev.scoring.core.live;

import static dev.scoring.core.live.LiveFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Event;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveFixtures.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The races of tier change delivery, driven deterministically: a worker thread is parked at a
 * chosen point of its delivery (after its change is queued and the contact's lock released,
 * or inside a listener while it drains), the test thread runs operations, sweeps and model
 * swaps on the same contact meanwhile, then the worker is released. Whatever the schedule,
 * the listener hears exactly what a sequential run of the same operations makes it hear.
 * Nothing depends on timing: every wait is on a latch the test controls.
 */
class LiveScorerRaceTest {
  static final String[] TYPES = {"demo_request", "page_view", "unsubscribe", "blog_visit"};

  static final AtomicInteger PARKED = new AtomicInteger();
  final ExecutorService worker = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() throws InterruptedException {
    worker.shutdownNow();
    assertTrue(worker.awaitTermination(10, TimeUnit.SECONDS));
  }

  /** One step of a schedule, applied to a scorer and its clock. */
  record Op(int kind, String type, long hoursAgo) {
    void apply(LiveScorer scorer, TestClock clock, ScoringTable[] models) {
      switch (kind) {
        case 0 -> scorer.record("c-1", Event.of(type, clock.instant().minusSeconds(
            hoursAgo * 3600)));
        case 1 -> {
          clock.advance(Duration.ofDays(hoursAgo));
          scorer.sweep(clock.instant());
        }
        default -> scorer.swapModel(
            models[scorer.model() == models[0] ? 1 : 0]);
      }
    }

    static Op random(Random r) {
      int kind = r.nextInt(10);
      return new Op(kind < 7 ? 0 : kind < 9 ? 1 : 2, TYPES[r.nextInt(TYPES.length)],
          r.nextInt(24 * 40));
    }
  }

  static ScoringTable[] models() {
    ScoringTable v1 = LiveFixtures.leads();
    ScoringTable v2 = v1.toBuilder().version("2").clearTiers().tier("MQL", 35).tier("SQL", 70)
        .build();
    return new ScoringTable[] {v1, v2};
  }

  /** The contact's tier after recording an event now, and the tier last reported. */
  static boolean changesTier(LiveScorer reference, TestClock clock, List<TierChange> heard,
      String type) {
    String reported = heard.isEmpty() ? "cold" : heard.get(heard.size() - 1).currentTier();
    ScoringTable model = (ScoringTable) reference.model();
    var contact = reference.contact("c-1").orElseThrow().toBuilder()
        .event(type, clock.instant()).build();
    return !model.score(contact, clock.instant()).tier().equals(reported);
  }

  @RepeatedTest(50)
  void parkedDeliveries_hearWhatASequentialRunHears(RepetitionInfo info) throws Exception {
    Random random = new Random(info.getCurrentRepetition());
    boolean parkInsideListener = random.nextBoolean();
    List<Op> before = new ArrayList<>();
    before.add(new Op(0, "demo_request", 0));
    for (int i = random.nextInt(4); i > 0; i--) {
      before.add(Op.random(random));
    }
    List<Op> during = new ArrayList<>();
    for (int i = 1 + random.nextInt(8); i > 0; i--) {
      during.add(Op.random(random));
    }

    // Sequential run: the reference.
    ScoringTable[] models = models();
    List<TierChange> expected = Collections.synchronizedList(new ArrayList<>());
    TestClock refClock = new TestClock(NOW);
    LiveScorer reference = LiveScorer.builder(models[0]).clock(refClock)
        .listener(expected::add).build();
    before.forEach(op -> op.apply(reference, refClock, models));
    Op parkedOp = new Op(0, "page_view", 0);
    for (String type : List.of("demo_request", "unsubscribe", "page_view")) {
      if (changesTier(reference, refClock, expected, type)) {
        parkedOp = new Op(0, type, 0);
        break;
      }
    }
    int heardBeforeParked = expected.size();
    parkedOp.apply(reference, refClock, models);
    boolean parks = expected.size() > heardBeforeParked;
    during.forEach(op -> op.apply(reference, refClock, models));

    // Raced run: the worker parks in its delivery while the test thread goes on.
    List<TierChange> heard = Collections.synchronizedList(new ArrayList<>());
    TestClock clock = new TestClock(NOW);
    CountDownLatch parked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread[] workerThread = new Thread[1];
    Runnable park = () -> {
      if (Thread.currentThread() == workerThread[0] && parked.getCount() > 0) {
        parked.countDown();
        try {
          assertTrue(release.await(30, TimeUnit.SECONDS), "never released");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    LiveScorer scorer = LiveScorer.builder(models[0]).clock(clock)
        .listener(c -> {
          if (parkInsideListener) {
            park.run(); // parks while draining: the others queue and return
          }
          heard.add(c);
        })
        .build();
    if (!parkInsideListener) {
      // parks after queueing, before draining: the next thread delivers its change too
      scorer.delivery().beforeDrain = id -> park.run();
    }
    before.forEach(op -> op.apply(scorer, clock, models));
    Op op = parkedOp;
    Future<?> parkedRun = worker.submit(() -> {
      workerThread[0] = Thread.currentThread();
      op.apply(scorer, clock, models);
    });
    if (parks) {
      assertTrue(parked.await(30, TimeUnit.SECONDS), "the worker never reached its delivery");
      PARKED.incrementAndGet();
      during.forEach(o -> o.apply(scorer, clock, models));
      release.countDown();
      parkedRun.get(30, TimeUnit.SECONDS);
    } else {
      parkedRun.get(30, TimeUnit.SECONDS);
      assertFalse(parked.getCount() == 0, "parked without a change to deliver");
      during.forEach(o -> o.apply(scorer, clock, models));
    }

    assertEquals(expected, heard);
    assertEquals(reference.score("c-1"), scorer.score("c-1"));
  }

  @AfterAll
  static void mostRepetitionsRaced() {
    assertTrue(PARKED.get() >= 25, "only " + PARKED.get() + " of 50 runs parked a delivery");
  }
}
