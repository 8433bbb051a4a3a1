package dev.scoring.core.live;

import static dev.scoring.core.live.LiveFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveFixtures.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The live score is the batch score of the stored history, bit for bit. */
class LiveScorerProperties {
  static final int CONTACTS = 4;
  static final List<Instant> READS = List.of(NOW.minus(Duration.ofDays(100)),
      NOW.minus(Duration.ofSeconds(86_401)), NOW, NOW.plus(Duration.ofHours(30)),
      NOW.plus(Duration.ofDays(95)));

  /** One event of contact {@code c-<contact>}, {@code secondsAgo} before NOW (negative: after). */
  record Step(int contact, String type, long secondsAgo, Double value) {
    Event event() {
      Instant at = NOW.minusSeconds(secondsAgo);
      return value == null ? Event.of(type, at) : Event.of(type, at, value);
    }

    String id() {
      return "c-" + contact;
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.integers().between(0, CONTACTS - 1),
        Arbitraries.of("pricing_page_visit", "page_view", "demo_request", "email_open",
            "hard_bounce", "white_paper_download", "unsubscribe", "something_else"),
        Arbitraries.oneOf(
            Arbitraries.longs().between(-3, 150).map(days -> days * 86_400L), // shared instants
            Arbitraries.longs().between(-3 * 86_400L, 150 * 86_400L)),
        Arbitraries.doubles().between(0, 120).ofScale(1).injectNull(0.3))
        .as(Step::new);
    return step.list().ofMaxSize(40);
  }

  static ScoringTable model(boolean rich) {
    return rich ? LiveFixtures.rich() : ExampleModels.seed();
  }

  /** Attributes that make some demographic and negative attribute rules apply. */
  static Contact.Builder person(int contact) {
    Contact.Builder b = Contact.builder("c-" + contact);
    switch (contact) {
      case 0 -> b.attribute("title", "exec").attribute("age", 25).attribute("sector", "health");
      case 1 -> b.attribute("title", "student").attribute("gender", "female");
      case 2 -> b.attribute("age", 52).attribute("near_office", true);
      default -> { }
    }
    return b;
  }

  /** The batch contact: attributes and the events in the order they were generated. */
  static Contact batch(int contact, List<Step> steps) {
    Contact.Builder b = person(contact);
    steps.stream().filter(s -> s.contact() == contact).forEach(s -> b.event(s.event()));
    return b.build();
  }

  @Property(tries = 60)
  void liveScoreEqualsBatchScoreWhateverTheArrivalOrder(@ForAll("steps") List<Step> steps,
      @ForAll boolean rich, @ForAll long shuffleSeed) {
    ScoringTable model = model(rich);
    TestClock clock = new TestClock(NOW.minus(Duration.ofDays(2)));
    LiveScorer inOrder = LiveScorer.builder(model).clock(clock).build();
    LiveScorer shuffled = LiveScorer.builder(model).clock(new TestClock(NOW)).build();
    for (int c = 0; c < CONTACTS; c++) {
      inOrder.upsert(person(c).build());
      shuffled.upsert(person(c).build());
    }

    List<Step> seen = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      seen.add(s);
      clock.advance(Duration.ofHours(7 * (i % 3)));
      Score recorded = inOrder.record(s.id(), s.event());
      Contact expected = batch(s.contact(), seen);
      assertEquals(model.score(expected, clock.instant()), recorded);
      Instant read = READS.get(i % READS.size());
      assertSameBits(model.score(expected, read), inOrder.score(s.id(), read).orElseThrow());
    }

    List<Step> arrival = new ArrayList<>(steps);
    Collections.shuffle(arrival, new Random(shuffleSeed));
    arrival.forEach(s -> shuffled.record(s.id(), s.event()));

    for (int c = 0; c < CONTACTS; c++) {
      Contact expected = batch(c, steps);
      for (Instant read : READS) {
        Score batch = model.score(expected, read);
        assertSameBits(batch, inOrder.score("c-" + c, read).orElseThrow());
        assertSameBits(batch, shuffled.score("c-" + c, read).orElseThrow());
      }
    }
  }

  @Property(tries = 40)
  void tierChangesFormAChainEndingAtTheCurrentTier(@ForAll("steps") List<Step> steps,
      @ForAll boolean rich) {
    ScoringTable model = model(rich);
    ScoringTable v2 = model.toBuilder().version("v2").clearTiers().tier("MQL", 30)
        .tier("SQL", 50).build();
    TestClock clock = new TestClock(NOW.minus(Duration.ofDays(60)));
    Map<String, List<TierChange>> heard = new ConcurrentHashMap<>();
    List<Score> recorded = new CopyOnWriteArrayList<>();
    LiveScorer scorer = LiveScorer.builder(model).clock(clock)
        .listener(c -> heard.computeIfAbsent(c.contactId(), k -> new ArrayList<>()).add(c))
        .build();
    for (int c = 0; c < CONTACTS; c++) {
      recorded.add(scorer.upsert(person(c).build()));
    }
    ScoringTable current = model;
    for (int i = 0; i < steps.size(); i++) {
      clock.advance(Duration.ofDays(i % 4 * 3));
      if (i % 7 == 3) {
        scorer.sweep(clock.instant());
      }
      if (i == steps.size() / 2) {
        scorer.swapModel(v2);
        current = v2;
      }
      recorded.add(scorer.record(steps.get(i).id(), steps.get(i).event()));
    }
    clock.advance(Duration.ofDays(40));
    scorer.sweep(clock.instant());

    Set<Long> sequences = new HashSet<>();
    for (int c = 0; c < CONTACTS; c++) {
      String id = "c-" + c;
      String tier = model.baseTier();
      for (TierChange change : heard.getOrDefault(id, List.of())) {
        assertEquals(tier, change.previousTier(), id + " chain broken at " + change);
        assertNotEquals(change.previousTier(), change.currentTier());
        change.previous().ifPresent(p -> assertEquals(change.previousTier(), p.tier()));
        assertTrue(sequences.add(change.sequence()), "duplicate " + change);
        if (change.cause() == TierChange.Cause.EVENT
            || change.cause() == TierChange.Cause.UPSERT) {
          assertTrue(recorded.contains(change.current()), "not a returned score: " + change);
        }
        tier = change.currentTier();
      }
      Score now = current.score(scorer.contact(id).orElseThrow(), clock.instant());
      assertEquals(now.tier(), tier, id);
    }
  }

  /**
   * Swapping between models that read different event types: a scorer that keeps every
   * event scores exactly the model's score of every event recorded; a compact scorer scores
   * exactly the model's score of what it stored, and stores exactly the events of types the
   * model in use when each arrived read.
   */
  @Property(tries = 40)
  void acrossSwaps_compactScoresAreExactForTheStoredHistory(@ForAll("steps") List<Step> steps,
      @ForAll boolean startRich) {
    ScoringTable[] models = {model(startRich), model(!startRich)};
    TestClock clock = new TestClock(NOW);
    LiveScorer compact = LiveScorer.builder(models[0]).clock(clock).build();
    LiveScorer all = LiveScorer.builder(models[0]).clock(clock).keepAllEvents().build();
    Map<String, Contact.Builder> stored = new HashMap<>();
    Map<String, Contact.Builder> everything = new HashMap<>();
    for (int c = 0; c < CONTACTS; c++) {
      compact.upsert(person(c).build());
      all.upsert(person(c).build());
      stored.put("c-" + c, person(c));
      everything.put("c-" + c, person(c));
    }
    int current = 0;
    for (int i = 0; i < steps.size(); i++) {
      if (i % 9 == 8) {
        current = 1 - current;
        compact.swapModel(models[current]);
        all.swapModel(models[current]);
      }
      Step s = steps.get(i);
      ScoringTable model = models[current];
      Score fromCompact = compact.record(s.id(), s.event());
      Score fromAll = all.record(s.id(), s.event());
      everything.get(s.id()).event(s.event());
      if (reads(model).contains(s.type())) {
        stored.get(s.id()).event(s.event());
      }
      assertSameBits(model.score(everything.get(s.id()).build(), NOW), fromAll);
      assertEquals(stored.get(s.id()).build(), compact.contact(s.id()).orElseThrow());
      assertSameBits(model.score(stored.get(s.id()).build(), NOW), fromCompact);
    }
  }

  /** The event types a table's event rules read (the models here have no aggregates). */
  static Set<String> reads(ScoringTable model) {
    Set<String> types = new HashSet<>();
    model.behavioral().forEach(r -> types.add(r.match().event()));
    model.negative().forEach(r -> {
      if (r instanceof dev.scoring.core.EventRule e) {
        types.add(e.match().event());
      }
    });
    return types;
  }

  static void assertSameBits(Score expected, Score actual) {
    assertEquals(expected, actual);
    assertEquals(Double.doubleToRawLongBits(expected.score()),
        Double.doubleToRawLongBits(actual.score()));
    assertEquals(Double.doubleToRawLongBits(expected.raw()),
        Double.doubleToRawLongBits(actual.raw()));
  }
}
