package dev.scoring.core;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Contact;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link ArrayScorer} gives the object API's bits, whatever the order of the events. */
class ArrayScorerProperties {
  static final Instant AS_OF = BatchScorerProperties.AS_OF;

  @Property(tries = 60)
  void arraysGiveTheObjectScoresBitForBit_inAnyEventOrder(
      @ForAll("contacts") List<Contact> contacts, @ForAll long seed) {
    Random random = new Random(seed);
    for (ScoringTable model : List.of(ExampleModels.seed(), BatchScorerTest.richModel(),
        withAggregates())) {
      ArrayScorer s = ArrayScorer.of(model);
      for (Contact c : contacts) {
        s.beginContact();
        List<String> names = new ArrayList<>(s.attributeNames());
        Collections.shuffle(names, random);
        for (String name : names) {
          s.attribute(s.attributeNames().indexOf(name), c.attribute(name));
        }
        List<Event> events = new ArrayList<>(c.events());
        Collections.shuffle(events, random);
        int n = events.size();
        int[] types = new int[n];
        long[] seconds = new long[n];
        int[] nanos = new int[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          Event e = events.get(i);
          types[i] = s.typeId(e.type());
          seconds[i] = e.at().getEpochSecond();
          nanos[i] = e.at().getNano();
          values[i] = e.value().isPresent() ? e.value().getAsDouble() : Double.NaN;
        }
        s.score(types, seconds, nanos, values, n, AS_OF);
        Score expected = model.score(c, AS_OF);
        Score actual = new Score(s.score(), s.raw(), s.fit(), s.engagement(),
            s.tierName(s.tier()), model.name(), model.version(), AS_OF);
        if (!expected.equals(actual)) {
          throw new AssertionError(c + " with " + model.name() + ": object " + expected
              + ", arrays " + actual);
        }
      }
    }
  }

  /** The rich model plus one aggregate rule of each kind (SPEC section 9). */
  static ScoringTable withAggregates() {
    return BatchScorerTest.richModel().toBuilder()
        .name("rich+aggregates")
        .behavioral("readers", Aggregate.count("email_open").withinDays(30).atLeast(2), 4)
        .behavioral("days", Aggregate.distinctDays("blog_visit", "page_view").atLeast(2), 3)
        .behavioral("reading-time", Aggregate.sum("page_view").withinDays(60).atLeast(100), 5)
        .behavioral("rate", Aggregate.rate("demo_request").per("email_open").atLeast(0.5), 2)
        .behavioral("regular", Aggregate.meanDaysBetween("blog_visit").below(10), 3)
        .negative("no-pricing", Aggregate.daysSinceLast("pricing_page_visit").atLeast(60), -5)
        .build();
  }

  @Provide
  Arbitrary<List<Contact>> contacts() {
    return new BatchScorerProperties().contacts();
  }
}
