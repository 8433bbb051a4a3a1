package dev.scoring.core;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BatchScorerProperties {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00.250Z");

  @Property(tries = 60)
  void batchScoresEqualObjectScoresBitForBit_atAnyThreadCount(
      @ForAll("contacts") List<Contact> contacts) {
    for (ScoringTable model : List.of(ExampleModels.seed(), BatchScorerTest.richModel())) {
      ContactTable table = ContactTable.of(contacts);
      for (int threads : new int[] {1, 3}) {
        BatchScores scores = BatchScorer.of(model).score(table, AS_OF, threads);
        for (int i = 0; i < contacts.size(); i++) {
          if (!model.score(contacts.get(i), AS_OF).equals(scores.toScore(i))) {
            throw new AssertionError("contact " + contacts.get(i) + " with " + model.name()
                + " on " + threads + " threads: object " + model.score(contacts.get(i), AS_OF)
                + ", batch " + scores.toScore(i));
          }
        }
      }
    }
  }

  @Property(tries = 60)
  void aTableGivesBackTheContactsItWasBuiltFrom(@ForAll("contacts") List<Contact> contacts) {
    ContactTable table = ContactTable.of(contacts);
    for (int i = 0; i < contacts.size(); i++) {
      if (!table.contact(i).equals(contacts.get(i))) {
        throw new AssertionError(contacts.get(i) + " came back as " + table.contact(i));
      }
    }
  }

  @Provide
  Arbitrary<List<Contact>> contacts() {
    return contact().list().ofMaxSize(30);
  }

  private Arbitrary<Contact> contact() {
    Arbitrary<Object> age = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 100).map(v -> (Object) v),
        Arbitraries.doubles().between(0, 100).ofScale(1).map(v -> (Object) v),
        Arbitraries.of("24", "25", "44.5", "x", " 30", "").map(v -> (Object) v),
        Arbitraries.just(null));
    Arbitrary<Object> sector = Arbitraries.of("technology", "Technology", "TECH", "health", "",
        "finance ", "FR").map(v -> (Object) v).injectNull(0.2);
    Arbitrary<Object> flag = Arbitraries.of(true, false, "TRUE", "false", 1L)
        .map(v -> (Object) v).injectNull(0.3);
    Arbitrary<Object> country = Arbitraries.of("FR", "DE", "US").map(v -> (Object) v)
        .injectNull(0.3);
    Arbitrary<Object> title = Arbitraries.of("student", "engineer", " ").map(v -> (Object) v)
        .injectNull(0.4);
    Arbitrary<List<Event>> events = event().list().ofMaxSize(12);
    return Combinators.combine(age, sector, flag, country, title, events)
        .as((a, s, f, c, t, es) -> {
          Contact.Builder b = Contact.builder("p")
              .attribute("age", a).attribute("sector", s).attribute("near_office", f)
              .attribute("country", c).attribute("job_title", t);
          List<Event> copy = new ArrayList<>(es);
          b.events(copy);
          return b.build();
        });
  }

  private Arbitrary<Event> event() {
    Arbitrary<String> type = Arbitraries.of("demo_request", "pricing_page_visit", "page_view",
        "email_open", "unsubscribe", "hard_bounce", "blog_visit", "unknown");
    // Seconds before asOf: from two days in the future to about 400 days ago, and whole-day
    // boundaries exactly, where the nanoseconds decide the age.
    Arbitrary<Long> ago = Arbitraries.oneOf(
        Arbitraries.longs().between(-2 * 86_400L, 400 * 86_400L),
        Arbitraries.longs().between(-2, 200).map(d -> d * 86_400L));
    Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0),
        Arbitraries.integers().between(0, 999_999_999), Arbitraries.just(250_000_000));
    Arbitrary<Double> value = Arbitraries.doubles().between(0, 300).ofScale(2).injectNull(0.5);
    return Combinators.combine(type, ago, nanos, value).as((t, s, n, v) -> {
      Instant at = Instant.ofEpochSecond(AS_OF.getEpochSecond() - s, n);
      return v == null ? Event.of(t, at) : Event.of(t, at, v);
    });
  }
}
