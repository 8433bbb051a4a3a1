package dev.scoring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ScoringTableProperties {

  @Provide
  Arbitrary<ScoringTable> tables() {
    return ArbitraryTables.tables();
  }

  @Provide
  Arbitrary<ScoringTable> monotoneTables() {
    return ArbitraryTables.monotoneTables();
  }

  @Provide
  Arbitrary<Contact> contacts() {
    return ArbitraryTables.contacts();
  }

  @Provide
  Arbitrary<Contact> pastContacts() {
    return ArbitraryTables.contacts(false);
  }

  @Property(tries = 2000)
  void compiledScorerAgreesWithTheReferenceScorer(@ForAll("tables") ScoringTable table,
      @ForAll("contacts") Contact contact) {
    Score s = table.score(contact, ArbitraryTables.AS_OF);
    ReferenceScorer.Result r = ReferenceScorer.score(table, contact, ArbitraryTables.AS_OF);
    assertClose(r.fit(), s.fit());
    assertClose(r.engagement(), s.engagement());
    assertClose(r.raw(), s.raw());
    assertClose(r.score(), s.score());
    if (Math.abs(r.score() - s.score()) == 0) {
      assertThat(s.tier()).isEqualTo(r.tier());
    }
  }

  @Property(tries = 500)
  void scoreLiesInsideTheScale(@ForAll("tables") ScoringTable table,
      @ForAll("contacts") Contact contact) {
    Score s = table.score(contact, ArbitraryTables.AS_OF);
    assertThat(s.score()).isBetween(table.scale().min(), table.scale().max());
  }

  @Property(tries = 1000)
  void explanationEntriesSumToTheScore(@ForAll("tables") ScoringTable table,
      @ForAll("contacts") Contact contact) {
    Explanation e = table.explain(contact, ArbitraryTables.AS_OF);
    assertThat(e.score()).isEqualTo(table.score(contact, ArbitraryTables.AS_OF));
    assertClose(e.score().score(), e.total());
  }

  @Property(tries = 500)
  void addingANegativeRuleNeverRaisesAScore(@ForAll("tables") ScoringTable table,
      @ForAll("contacts") Contact contact, @ForAll("negativeKinds") int kind) {
    ScoringTable.Builder more = table.toBuilder();
    switch (kind) {
      case 0 -> more.negative("extra", Condition.attribute("sector").present(), -3);
      case 1 -> more.negative("extra", EventMatch.on("a").maxOccurrences(2), -4);
      default -> more.inactivity("extra", 30, -5);
    }
    double before = table.score(contact, ArbitraryTables.AS_OF).score();
    double after = more.build().score(contact, ArbitraryTables.AS_OF).score();
    assertThat(after).isLessThanOrEqualTo(before);
  }

  @Provide
  Arbitrary<Integer> negativeKinds() {
    return net.jqwik.api.Arbitraries.integers().between(0, 2);
  }

  @Property(tries = 500)
  void movingAsOfLaterNeverRaisesTheEngagement(@ForAll("monotoneTables") ScoringTable table,
      @ForAll("pastContacts") Contact contact, @ForAll @IntRange(min = 0, max = 400) int days,
      @ForAll @IntRange(min = 0, max = 86_399) int seconds) {
    Instant later = ArbitraryTables.AS_OF.plusSeconds(days * 86_400L + seconds);
    double before = table.score(contact, ArbitraryTables.AS_OF).engagement();
    double after = table.score(contact, later).engagement();
    assertThat(after).isLessThanOrEqualTo(before);
  }

  @Property(tries = 300)
  void eventOrderOfArrivalNeverChangesTheBits(@ForAll("tables") ScoringTable table,
      @ForAll("contacts") Contact contact, @ForAll long seed) {
    Contact reordered = Contact.builder(contact.id()).attributes(contact.attributes())
        .events(ArbitraryTables.shuffled(contact.events(), seed)).build();
    assertThat(table.score(reordered, ArbitraryTables.AS_OF))
        .isEqualTo(table.score(contact, ArbitraryTables.AS_OF));
  }

  @Property(tries = 20)
  void theSameModelScoredFromManyThreadsGivesIdenticalResults(
      @ForAll("tables") ScoringTable table) throws Exception {
    List<Contact> contacts = ArbitraryTables.contacts().list().ofSize(200)
        .sample();
    List<Score> expected = new ArrayList<>();
    for (Contact c : contacts) {
      expected.add(table.score(c, ArbitraryTables.AS_OF));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Score>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          List<Score> out = new ArrayList<>();
          for (int round = 0; round < 5; round++) {
            out.clear();
            for (Contact c : contacts) {
              out.add(table.score(c, ArbitraryTables.AS_OF));
            }
          }
          return out;
        }));
      }
      for (Future<List<Score>> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static void assertClose(double expected, double actual) {
    double tolerance = 1e-9 * Math.max(1.0, Math.abs(expected));
    assertThat(actual).isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
  }
}
