package dev.scoring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.core.json.ModelJson;
import dev.scoring.core.live.LiveScorer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * SPEC sections 9 and 10 on every path: over tables mixing all rule kinds (aggregates
 * included), the object API, explanations, the columnar batch path (with its trend column),
 * a model read back from its JSON and the live scorer give the same bits, and a trend is
 * exactly the difference of the two scores.
 */
class AggregatePathsProperties {
  static final Instant AS_OF = ArbitraryTables.AS_OF;

  @Provide
  Arbitrary<ScoringTable> tables() {
    return ArbitraryTables.tables();
  }

  @Provide
  Arbitrary<List<Contact>> contacts() {
    return ArbitraryTables.contacts().list().ofMaxSize(12).map(cs -> {
      List<Contact> out = new ArrayList<>();
      for (int i = 0; i < cs.size(); i++) {
        out.add(Contact.builder("c" + i).attributes(cs.get(i).attributes())
            .events(cs.get(i).events()).build());
      }
      return out;
    });
  }

  @Property(tries = 300)
  void batchWithTrendEqualsObjectScoresAndTheirDifferenceBitForBit(
      @ForAll("tables") ScoringTable table, @ForAll("contacts") List<Contact> contacts,
      @ForAll @IntRange(min = 1, max = 45) int days) {
    Instant start = AS_OF.minusSeconds(days * 86_400L);
    ContactTable columns = ContactTable.of(contacts);
    for (int threads : new int[] {1, 2}) {
      BatchScores plain = BatchScorer.of(table).score(columns, AS_OF, threads);
      BatchScores withTrend = BatchScorer.of(table).withTrend(days)
          .score(columns, AS_OF, threads);
      for (int i = 0; i < contacts.size(); i++) {
        Score now = table.score(contacts.get(i), AS_OF);
        Score before = table.score(contacts.get(i), start);
        assertThat(plain.toScore(i)).isEqualTo(now);
        assertThat(withTrend.toScore(i)).isEqualTo(now);
        assertThat(bits(withTrend.trend(i))).isEqualTo(bits(now.score() - before.score()));
        assertThat(bits(table.trend(contacts.get(i), AS_OF, days)))
            .isEqualTo(bits(withTrend.trend(i)));
      }
    }
  }

  @Property(tries = 500)
  void explanationCarriesTheAggregateValueAndCount_andScoresLikeScore(
      @ForAll("tables") ScoringTable table, @ForAll("contacts") List<Contact> contacts) {
    for (Contact c : contacts) {
      Explanation e = table.explain(c, AS_OF);
      assertThat(e.score()).isEqualTo(table.score(c, AS_OF));
      List<Rule> rules = new ArrayList<>(table.behavioralRules());
      rules.addAll(table.negative());
      for (Explanation.Entry entry : e.entries()) {
        Rule rule = rules.stream().filter(r -> r.id().equals(entry.id())).findFirst()
            .orElse(null);
        if (rule instanceof AggregateRule a) {
          double expected = ReferenceScorer.aggregateValue(a.when().measure(), c, AS_OF);
          assertThat(entry.value()).isEqualTo(expected);
          assertThat(a.when().test(expected)).isTrue();
          assertThat(entry.points()).isEqualTo(a.points());
        } else {
          assertThat(entry.isAggregate()).isFalse();
        }
      }
      for (Rule rule : rules) {
        if (rule instanceof AggregateRule a) {
          boolean holds = a.when()
              .test(ReferenceScorer.aggregateValue(a.when().measure(), c, AS_OF));
          assertThat(e.entries().stream().anyMatch(x -> x.id().equals(a.id())))
              .isEqualTo(holds);
        }
      }
    }
  }

  @Property(tries = 300)
  void aModelReadBackFromItsJsonIsEqualAndScoresTheSameBits(
      @ForAll("tables") ScoringTable table, @ForAll("contacts") List<Contact> contacts) {
    ScoringTable read = ModelJson.parse(table.toJson());
    assertThat(read).isEqualTo(table);
    assertThat(read.toJson()).isEqualTo(table.toJson());
    assertThat(read.fingerprint()).isEqualTo(table.fingerprint());
    for (Contact c : contacts) {
      assertThat(read.score(c, AS_OF)).isEqualTo(table.score(c, AS_OF));
    }
  }

  @Property(tries = 200)
  void liveScorerGivesTheSameScoresAndTrends(@ForAll("tables") ScoringTable table,
      @ForAll("contacts") List<Contact> contacts,
      @ForAll @IntRange(min = 1, max = 45) int days) {
    LiveScorer live = LiveScorer.builder(table).clock(Clock.fixed(AS_OF, ZoneOffset.UTC))
        .build();
    for (Contact c : contacts) {
      assertThat(live.upsert(c)).isEqualTo(table.score(c, AS_OF));
    }
    for (Contact c : contacts) {
      assertThat(live.score(c.id(), AS_OF)).contains(table.score(c, AS_OF));
      assertThat(bits(live.trend(c.id(), AS_OF, days).orElseThrow()))
          .isEqualTo(bits(table.trend(c, AS_OF, days)));
    }
  }

  @Property(tries = 300)
  void trendIsTheDifferenceOfTheTwoScoresExactly(@ForAll("tables") ScoringTable table,
      @ForAll("contacts") List<Contact> contacts,
      @ForAll @IntRange(min = 1, max = 400) int days) {
    ScoringModel model = table;
    for (Contact c : contacts) {
      double expected = table.score(c, AS_OF).score()
          - table.score(c, AS_OF.minusSeconds(days * 86_400L)).score();
      assertThat(bits(model.trend(c, AS_OF, days))).isEqualTo(bits(expected));
    }
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }
}
