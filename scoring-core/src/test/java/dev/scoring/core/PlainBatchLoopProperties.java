package dev.scoring.core;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.examples.ExampleModels;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The columnar path's loop for tables of plain event rules ({@code BatchScorer.runPlain})
 * against the object path, bit for bit: whole-second events (so the table has no
 * nanoseconds and the plain loop applies), ages beyond the decay table, future events,
 * values, types no rule reads, rules that do and do not decay in both sections.
 */
class PlainBatchLoopProperties {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  /** Plain event rules only, with caps, a step decay and both kinds of decaying rule. */
  static ScoringTable plainModel() {
    return ScoringTable.builder("plain")
        .version("1")
        .scale(-20, 60)
        .decay(Decay.steps(Decay.step(7, 1), Decay.step(30, 0.5), Decay.step(180, 0.125)))
        .demographicCap(6)
        .behavioralCap(40)
        .demographic("young", attribute("age").between(18, 30), 4)
        .demographic("tech", attribute("sector").equalToIgnoreCase("technology"), 3)
        .behavioral("demo", on("demo_request").decays(false), 20)
        .behavioral("pricing", on("pricing_page_visit"), 6.1)
        .behavioral("open", on("email_open"), 0.3)
        .negative("unsubscribe", on("unsubscribe"), -30)
        .negative("bounce", on("hard_bounce").decays(true), -5.5)
        .inactivity("idle-30", 30, -3)
        .inactivity("idle-120", 120, -6)
        .tier("warm", 10)
        .tier("hot", 30)
        .baseTier("cold")
        .build();
  }

  /**
   * The plain rules with aggregate rules that read no values, in both sections, one of them
   * on a type no event rule reads ({@code blog_visit}).
   */
  static ScoringTable aggregateModel() {
    return plainModel().toBuilder().name("plain-aggregates")
        .behavioral("opens", Aggregate.count("email_open").withinDays(30).atLeast(2), 2.5)
        .behavioral("blog-days", Aggregate.distinctDays("blog_visit", "email_open")
            .withinDays(60).atLeast(2), 3)
        .behavioral("regular", Aggregate.meanDaysBetween("pricing_page_visit").below(20), 1.5)
        .behavioral("rate", Aggregate.rate("demo_request").per("email_open").minCount(2)
            .atLeast(0.25), 4)
        .negative("no-pricing", Aggregate.daysSinceLast("pricing_page_visit").atLeast(45),
            -4)
        .build();
  }

  @Property(tries = 80)
  void thePlainLoopGivesTheObjectPathsBits(@ForAll("contacts") List<Contact> contacts) {
    ContactTable table = ContactTable.of(contacts);
    for (ScoringTable model : List.of(ExampleModels.seed(), plainModel(), aggregateModel())) {
      assertTrue(BatchScorer.takesPlainLoop(model, table, AS_OF), model.name());
      for (int threads : new int[] {1, 2}) {
        BatchScores scores = BatchScorer.of(model).score(table, AS_OF, threads);
        long[] tiers = new long[scores.tierCounts.length];
        for (int i = 0; i < contacts.size(); i++) {
          dev.scoring.api.Score expected = model.score(contacts.get(i), AS_OF);
          assertEquals(expected, scores.toScore(i), model.name() + " " + contacts.get(i));
          assertEquals(Double.doubleToRawLongBits(expected.score()),
              Double.doubleToRawLongBits(scores.score(i)));
          tiers[scores.tierId(i)]++;
        }
        assertArrayEquals(tiers, scores.tierCounts(), "tier counts");
      }
    }
  }

  @Example
  void blocksOfThePlainLoopGiveTheObjectPathsBits() {
    // More contacts than a block (BatchScorer.PLAIN_BLOCK), so blocks end inside a range.
    List<Contact> contacts = dev.scoring.core.examples.ExampleContacts.generate(
        2 * BatchScorer.PLAIN_BLOCK + 123, 7, AS_OF);
    ContactTable table = ContactTable.of(contacts);
    for (ScoringTable model : List.of(ExampleModels.seed(), plainModel(), aggregateModel())) {
      assertTrue(BatchScorer.takesPlainLoop(model, table, AS_OF), model.name());
      for (int threads : new int[] {1, 3}) {
        BatchScores scores = BatchScorer.of(model).score(table, AS_OF, threads);
        for (int i = 0; i < contacts.size(); i++) {
          assertEquals(model.score(contacts.get(i), AS_OF), scores.toScore(i),
              model.name() + " contact " + i + " on " + threads + " threads");
        }
      }
    }
  }

  @Example
  void tablesWithNanosecondsWindowsOrValueReadingAggregatesTakeTheGeneralLoop() {
    Contact whole = Contact.builder("w")
        .event(Event.of("email_open", AS_OF.minusSeconds(86_400))).build();
    Contact nanos = Contact.builder("n")
        .event(Event.of("email_open", AS_OF.minusSeconds(86_400).plusNanos(5))).build();
    ContactTable plain = ContactTable.of(List.of(whole));
    assertTrue(BatchScorer.takesPlainLoop(ExampleModels.seed(), plain, AS_OF));
    assertFalse(BatchScorer.takesPlainLoop(ExampleModels.seed(),
        ContactTable.of(List.of(whole, nanos)), AS_OF));
    ScoringTable windowed = ExampleModels.seed().toBuilder()
        .behavioral("recent-open", on("email_open").withinDays(7), 1).build();
    assertFalse(BatchScorer.takesPlainLoop(windowed, plain, AS_OF));
    ScoringTable aggregate = ExampleModels.seed().toBuilder()
        .behavioral("opens", Aggregate.count("email_open").atLeast(2), 1).build();
    assertTrue(BatchScorer.takesPlainLoop(aggregate, plain, AS_OF));
    ScoringTable values = ExampleModels.seed().toBuilder()
        .behavioral("reading", Aggregate.sum("page_view").atLeast(100), 1).build();
    assertFalse(BatchScorer.takesPlainLoop(values, plain, AS_OF));
    ScoringTable minValue = ExampleModels.seed().toBuilder()
        .behavioral("long-reads", Aggregate.count("page_view").minValue(60).atLeast(2), 1)
        .build();
    assertFalse(BatchScorer.takesPlainLoop(minValue, plain, AS_OF));
  }

  @Provide
  Arbitrary<List<Contact>> contacts() {
    return contact().list().ofMaxSize(40);
  }

  private Arbitrary<Contact> contact() {
    Arbitrary<Object> age = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 100).map(v -> (Object) v),
        Arbitraries.of("24", "x").map(v -> (Object) v), Arbitraries.just(null));
    Arbitrary<Object> sector = Arbitraries.of("technology", "Technology", "health", "")
        .map(v -> (Object) v).injectNull(0.2);
    Arbitrary<Object> gender = Arbitraries.of("female", "MALE", "x").map(v -> (Object) v)
        .injectNull(0.3);
    Arbitrary<Object> flag = Arbitraries.of(true, false, "TRUE").map(v -> (Object) v)
        .injectNull(0.3);
    return Combinators.combine(age, sector, gender, flag, event().list().ofMaxSize(15))
        .as((a, s, g, f, es) -> Contact.builder("p").attribute("age", a)
            .attribute("sector", s).attribute("gender", g).attribute("near_office", f)
            .events(es).build());
  }

  private Arbitrary<Event> event() {
    Arbitrary<String> type = Arbitraries.of("demo_request", "pricing_page_visit", "email_open",
        "unsubscribe", "hard_bounce", "blog_visit", "webinar", "page_view", "unknown");
    // Seconds before asOf: two days in the future to about 14 years ago (beyond the decay
    // table of 4096 days), and exact whole days.
    Arbitrary<Long> ago = Arbitraries.oneOf(
        Arbitraries.longs().between(-2 * 86_400L, 5_000 * 86_400L),
        Arbitraries.longs().between(-2, 200).map(d -> d * 86_400L),
        Arbitraries.longs().between(4_090, 4_100).map(d -> d * 86_400L));
    Arbitrary<Double> value = Arbitraries.doubles().between(0, 300).ofScale(2).injectNull(0.5);
    return Combinators.combine(type, ago, value).as((t, s, v) -> {
      Instant at = Instant.ofEpochSecond(AS_OF.getEpochSecond() - s);
      return v == null ? Event.of(t, at) : Event.of(t, at, v);
    });
  }
}
