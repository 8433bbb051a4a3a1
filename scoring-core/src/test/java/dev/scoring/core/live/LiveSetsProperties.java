package dev.scoring.core.live;

import static dev.scoring.core.live.LiveFixtures.NOW;
import static dev.scoring.core.live.LiveScorerProperties.CONTACTS;
import static dev.scoring.core.live.LiveScorerProperties.READS;
import static dev.scoring.core.live.LiveScorerProperties.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.live.LiveFixtures.TestClock;
import dev.scoring.core.live.LiveScorerProperties.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A live scorer of a model set: every table's live score is {@code ModelSet.score} of the
 * contact's history, bit for bit, after random events, upserts, time moves and sweeps; each
 * table's tier changes form their own chain.
 */
class LiveSetsProperties {

  static ModelSet suite() {
    return ModelSet.builder("suite").version("3")
        .add(ExampleModels.seed()).add(LiveFixtures.rich()).add(LiveFixtures.leads()).build();
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return new LiveScorerProperties().steps();
  }

  /** A contact's attributes and every event recorded since its last upsert. */
  static final class Tracked {
    Contact.Builder attributes;
    final List<Event> events = new ArrayList<>();

    Tracked(Contact.Builder attributes) {
      this.attributes = attributes;
    }

    Contact contact(String id) {
      Contact.Builder b = Contact.builder(id).attributes(attributes.build().attributes());
      events.forEach(b::event);
      return b.build();
    }
  }

  @Property(tries = 50)
  void everyTablesLiveScoreIsTheSetsScoreOfTheHistory(@ForAll("steps") List<Step> steps) {
    ModelSet set = suite();
    TestClock clock = new TestClock(NOW.minus(Duration.ofDays(3)));
    LiveScorer scorer = LiveScorer.builder(set).clock(clock).build();
    Map<String, Tracked> tracked = new java.util.HashMap<>();
    for (int c = 0; c < CONTACTS; c++) {
      scorer.upsert(LiveScorerProperties.person(c).build());
      tracked.put("c-" + c, new Tracked(LiveScorerProperties.person(c)));
    }
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      Tracked t = tracked.get(s.id());
      clock.advance(Duration.ofHours(5 * (i % 4)));
      if (i % 6 == 5) {
        // Upsert: other attributes, the history so far plus this event.
        t.attributes = LiveScorerProperties.person((s.contact() + 1) % CONTACTS);
        t.events.add(s.event());
        Contact c = t.contact(s.id());
        Score first = scorer.upsert(c);
        assertSameBits(set.tables().get(0).score(c, clock.instant()), first);
      } else {
        t.events.add(s.event());
        Score first = scorer.record(s.id(), s.event());
        assertSameBits(set.tables().get(0).score(t.contact(s.id()), clock.instant()), first);
      }
      if (i % 9 == 8) {
        scorer.sweep(clock.instant());
      }
      Instant read = READS.get(i % READS.size());
      Map<String, Score> expected = set.score(t.contact(s.id()), read);
      Map<String, Score> live = scorer.tableScores(s.id(), read).orElseThrow();
      assertEquals(List.copyOf(expected.keySet()), List.copyOf(live.keySet()));
      expected.forEach((table, score) -> assertSameBits(score, live.get(table)));
    }
    for (int c = 0; c < CONTACTS; c++) {
      String id = "c-" + c;
      for (Instant read : READS) {
        Map<String, Score> expected = set.score(tracked.get(id).contact(id), read);
        Map<String, Score> live = scorer.tableScores(id, read).orElseThrow();
        expected.forEach((table, score) -> assertSameBits(score, live.get(table)));
      }
    }
  }

  @Property(tries = 40)
  void eachTablesTierChangesFormAChainAcrossASwap(@ForAll("steps") List<Step> steps) {
    ModelSet set = suite();
    ScoringTable rich2 = LiveFixtures.rich().toBuilder().version("8").clearTiers()
        .tier("MQL", 20).tier("SQL", 35).build();
    // The swap drops "leads", changes "rich" and reorders the tables.
    ModelSet next = ModelSet.builder("suite").version("4").add(rich2)
        .add(ExampleModels.seed()).build();
    TestClock clock = new TestClock(NOW.minus(Duration.ofDays(60)));
    Map<String, List<TierChange>> heard = new ConcurrentHashMap<>();
    LiveScorer scorer = LiveScorer.builder(set).clock(clock)
        .listener(c -> heard.computeIfAbsent(c.contactId() + "/" + c.table(),
            k -> new ArrayList<>()).add(c))
        .build();
    for (int c = 0; c < CONTACTS; c++) {
      scorer.upsert(LiveScorerProperties.person(c).build());
    }
    ModelSet current = set;
    for (int i = 0; i < steps.size(); i++) {
      clock.advance(Duration.ofDays(i % 4 * 3));
      if (i % 7 == 3) {
        scorer.sweep(clock.instant());
      }
      if (i == steps.size() / 2) {
        scorer.swapModel(next);
        current = next;
      }
      scorer.record(steps.get(i).id(), steps.get(i).event());
    }
    clock.advance(Duration.ofDays(40));
    scorer.sweep(clock.instant());

    Set<Long> sequences = new HashSet<>();
    for (int c = 0; c < CONTACTS; c++) {
      String id = "c-" + c;
      Map<String, Score> now = current.score(scorer.contact(id).orElseThrow(), clock.instant());
      for (ScoringTable table : set.tables()) {
        String tier = table.baseTier();
        for (TierChange change : heard.getOrDefault(id + "/" + table.name(), List.of())) {
          assertEquals(tier, change.previousTier(), id + " chain broken at " + change);
          assertNotEquals(change.previousTier(), change.currentTier());
          assertEquals(table.name(), change.current().modelName());
          assertTrue(sequences.add(change.sequence()), "duplicate " + change);
          tier = change.currentTier();
        }
        if (now.containsKey(table.name())) {
          assertEquals(now.get(table.name()).tier(), tier, id + " " + table.name());
        }
      }
    }
  }
}
