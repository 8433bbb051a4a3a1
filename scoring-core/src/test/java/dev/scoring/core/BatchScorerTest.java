package dev.scoring.core;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchScorerTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  /** A model using every feature: caps, minValue, withinDays, maxOccurrences, steps. */
  static ScoringTable richModel() {
    ScoringTable.Builder b = ScoringTable.builder("rich")
        .version("7")
        .scale(-20, 60)
        .decay(Decay.steps(Decay.step(7, 1), Decay.step(30, 0.5), Decay.step(180, 0.125)))
        .demographicCap(12)
        .behavioralCap(45)
        .demographic("young", attribute("age").between(18, 30), 4)
        .demographic("tech", attribute("sector").in("technology", "Technology"), 3)
        .demographic("eu", attribute("country").in("FR", "DE", "ES", "IT", "NL"), 2.5)
        .demographic("titled", attribute("job_title").present(), 1)
        .demographic("near-young",
            attribute("near_office").equalTo(true).and(attribute("age").below(40)), 5)
        .behavioral("long-read", on("page_view").minValue(120).withinDays(60), 1.5)
        .behavioral("pricing", on("pricing_page_visit").maxOccurrences(2), 6)
        .behavioral("demo", on("demo_request").decays(false).maxOccurrences(1), 20)
        .behavioral("open", on("email_open").withinDays(30), 0.75)
        .negative("student", attribute("job_title").equalTo("student"), -8)
        .negative("unsubscribe", on("unsubscribe"), -30)
        .negative("bounce", on("hard_bounce").withinDays(90).decays(true), -5)
        .inactivity("idle-30", 30, -3)
        .inactivity("idle-120", 120, -6)
        .tier("warm", 10)
        .tier("hot", 30)
        .baseTier("cold");
    return b.build();
  }

  /** A model with more than 64 conditions, so matched bits span two words. */
  static ScoringTable wideModel() {
    ScoringTable.Builder b = ScoringTable.builder("wide").decay(Decay.halfLife(10));
    for (int k = 0; k < 70; k++) {
      b.demographic("age-" + k, attribute("age").atLeast(10 + k * 0.75), 0.1 + k * 0.01);
    }
    b.behavioral("blog", on("blog_visit"), 2);
    return b.build();
  }

  static void assertBitIdentical(ScoringTable model, List<Contact> contacts, Instant asOf) {
    ContactTable table = ContactTable.of(contacts);
    BatchScorer scorer = BatchScorer.of(model);
    for (int threads : new int[] {1, 2, 3, 8}) {
      BatchScores scores = scorer.score(table, asOf, threads);
      long[] expectedCounts = new long[model.tiers().size() + 1];
      for (int i = 0; i < contacts.size(); i++) {
        Score expected = model.score(contacts.get(i), asOf);
        // Score is a record: equals compares doubles bit for bit (Double.compare).
        assertEquals(expected, scores.toScore(i), () -> "threads " + threads);
        expectedCounts[scores.tierId(i)]++;
      }
      assertArrayEquals(expectedCounts, scores.tierCounts());
    }
  }

  @Test
  void seed_batchScoresAreBitIdenticalToTheObjectPath_atAnyThreadCount() {
    assertBitIdentical(ExampleModels.seed(), ExampleContacts.generate(3_000, 42, AS_OF), AS_OF);
  }

  @Test
  void richModel_batchScoresAreBitIdenticalToTheObjectPath() {
    assertBitIdentical(richModel(), ExampleContacts.generate(3_000, 7, AS_OF), AS_OF);
  }

  @Test
  void wideModel_twoWordsOfConditions_areBitIdentical() {
    assertBitIdentical(wideModel(), ExampleContacts.generate(1_000, 9, AS_OF), AS_OF);
  }

  @Test
  void subSecondInstants_andAsOfWithNanos_areBitIdentical() {
    Instant asOf = Instant.parse("2026-11-22T12:00:00.500Z");
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Contact.Builder b = Contact.builder("n-" + i).attribute("age", 20 + i % 40);
      // Around whole-day boundaries, where half a second decides the age in days.
      for (int d = 0; d < 6; d++) {
        Instant at = asOf.minusSeconds(86_400L * (i % 100 + d))
            .plusNanos((i * 7919L + d) % 1_000_000_000L - 500_000_000L);
        b.event(d % 2 == 0 ? "demo_request" : "page_view", at, 100 + d * 10);
      }
      contacts.add(b.build());
    }
    assertBitIdentical(richModel(), contacts, asOf);
    assertBitIdentical(ExampleModels.seed(), contacts, asOf);
  }

  /** Contacts whose events lie around {@code base}, some a nanosecond off whole days. */
  static List<Contact> around(Instant base, int count) {
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Contact.Builder b = Contact.builder("y-" + i).attribute("age", 20 + i % 40);
      for (int d = 0; d < 6; d++) {
        Instant at = base.plusSeconds(86_400L * (i % 50 + d)).plusNanos(d % 3 == 0 ? 0 : 1);
        b.event(d % 2 == 0 ? "demo_request" : "page_view", at, 100 + d * 10);
        b.event("pricing_page_visit", at.plusSeconds(3_600L * d));
      }
      contacts.add(b.build());
    }
    return contacts;
  }

  @Test
  void eventsInYears1And9999_scoreAsTheObjectPath() {
    Instant first = Instant.parse("0001-01-01T00:00:00Z");
    Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
    List<Contact> early = around(first, 100);
    List<Contact> late = around(last.minusSeconds(86_400L * 60), 100);
    // As of the last instant of year 9999: every event of both eras is in the past.
    List<Contact> both = new ArrayList<>(early);
    both.addAll(late);
    for (ScoringTable model : List.of(richModel(), ExampleModels.seed())) {
      assertBitIdentical(model, early, Instant.parse("0001-03-15T12:00:00.5Z"));
      assertBitIdentical(model, late, last);
      assertBitIdentical(model, both, last);
      assertBitIdentical(model, both, AS_OF);
    }
  }

  @Test
  void anEventInYear1_isTwoThousandYearsOld_inTheBatch() {
    ScoringTable model = ScoringTable.builder("old")
        .behavioral("visit", on("visit"), 10)
        .inactivity("idle", 730_000, -4)
        .build();
    Contact c = Contact.builder("c")
        .event("visit", Instant.parse("0001-01-01T00:00:00.000000001Z"))
        .build();
    // 2026-11-22 is day 739,576 after 0001-01-01 (LocalDate.toEpochDay difference).
    BatchScores scores = BatchScorer.of(model).score(ContactTable.of(List.of(c)), AS_OF, 1);
    assertEquals(6.0, scores.score(0));
    assertEquals(model.score(c, AS_OF), scores.toScore(0));
  }

  @Test
  void seed_scoresTheReadmeLeadExactly() {
    Contact lead = Contact.builder("c-1")
        .attribute("age", 29)
        .attribute("sector", "Technology")
        .attribute("near_office", true)
        .event("demo_request", AS_OF)
        .event("pricing_page_visit", AS_OF.minusSeconds(30 * 86_400))
        .build();
    ContactTable table = ContactTable.of(List.of(lead, Contact.builder("c-2").build()));
    BatchScores scores = BatchScorer.of(ExampleModels.seed()).score(table, AS_OF, 1);
    assertEquals(21.5, scores.score(0));
    assertEquals(10.0, scores.fit(0));
    assertEquals(11.5, scores.engagement(0));
    assertEquals("unqualified", scores.tier(0));
    // No attributes, no events: inactive for 90 days.
    assertEquals(0.0, scores.score(1));
    assertEquals(-10.0, scores.engagement(1));
    assertEquals(List.of("unqualified", "MQL", "SQL"), scores.tierNames());
    assertArrayEquals(new long[] {2, 0, 0}, scores.tierCounts());
  }

  @Test
  void topK_equalsTheFirstKOfAFullSort_withTiesInTableOrder() {
    List<Contact> contacts = ExampleContacts.generate(5_000, 3, AS_OF);
    BatchScores scores = BatchScorer.of(ExampleModels.seed())
        .score(ContactTable.of(contacts), AS_OF, 2);
    int[] sorted = IntStream.range(0, scores.size()).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -scores.score(i))
            .thenComparing(i -> i))
        .mapToInt(Integer::intValue).toArray();
    for (int k : new int[] {0, 1, 2, 10, 100, 4_999, 5_000, 6_000}) {
      int[] expected = java.util.Arrays.copyOf(sorted, Math.min(k, sorted.length));
      assertArrayEquals(expected, scores.topK(k), "k = " + k);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> scores.topK(-1));
    assertEquals("k must be at least 0, but was -1", e.getMessage());
  }

  @Test
  void scoreInto_reusesResults_andRejectsTooSmallOnes() {
    List<Contact> contacts = ExampleContacts.generate(100, 5, AS_OF);
    ContactTable table = ContactTable.of(contacts);
    BatchScorer scorer = BatchScorer.of(ExampleModels.seed());
    BatchScores out = new BatchScores(150);
    scorer.scoreInto(table, AS_OF, 2, out);
    scorer.scoreInto(table, AS_OF, 2, out);
    assertEquals(100, out.size());
    assertEquals(100L, java.util.Arrays.stream(out.tierCounts()).sum());
    assertEquals(ExampleModels.seed().score(contacts.get(99), AS_OF), out.toScore(99));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> scorer.scoreInto(table, AS_OF, 1, new BatchScores(99)));
    assertEquals("results capacity must be at least the table size 100, but was 99",
        e.getMessage());
    IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
        () -> scorer.score(table, AS_OF, 0));
    assertEquals("threads must be at least 1, but was 0", threads.getMessage());
  }

  @Test
  void emptyTable_scoresToNothing() {
    BatchScores scores = BatchScorer.of(ExampleModels.seed())
        .score(ContactTable.of(List.of()), AS_OF);
    assertEquals(0, scores.size());
    assertArrayEquals(new long[] {0, 0, 0}, scores.tierCounts());
    assertArrayEquals(new int[0], scores.topK(5));
  }

  @Test
  void partition_cutsIntoRangesOfAboutEqualWork() {
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Contact.Builder b = Contact.builder("p-" + i);
      for (int e = 0; e < (i < 50 ? 0 : 9); e++) {
        b.event("blog_visit", AS_OF);
      }
      contacts.add(b.build());
    }
    // Work: 50 units for the first 50 contacts, 500 for the last 50; total 550.
    int[] bounds = BatchScorer.partition(ContactTable.of(contacts), 2);
    assertArrayEquals(new int[] {0, 73, 100}, bounds);
  }
}
