package dev.scoring.core;

import static dev.scoring.core.ArbitraryTables.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.live.LiveScorer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The live scorer agrees with batch scoring on arbitrary tables and contacts, bit for bit,
 * whatever order the events arrive in (the scorer's own example-based properties are in
 * {@code dev.scoring.core.live}).
 */
class LiveScoringProperties {
  static final List<Instant> READS = List.of(AS_OF, AS_OF.minus(Duration.ofDays(31)),
      AS_OF.minusSeconds(43_201), AS_OF.plus(Duration.ofDays(2)));

  @Provide
  Arbitrary<ScoringTable> tables() {
    return ArbitraryTables.tables();
  }

  @Provide
  Arbitrary<Contact> contacts() {
    return ArbitraryTables.contacts();
  }

  @Property(tries = 150)
  void liveScoreIsTheBatchScoreWhateverTheArrivalOrder(@ForAll("tables") ScoringTable table,
      @ForAll("contacts") Contact contact, @ForAll long seed) {
    LiveScorer scorer = LiveScorer.builder(table).clock(Clock.fixed(AS_OF, ZoneOffset.UTC))
        .build();
    scorer.upsert(Contact.builder(contact.id()).attributes(contact.attributes()).build());
    Score last = null;
    for (Event e : ArbitraryTables.shuffled(contact.events(), seed)) {
      last = scorer.record(contact.id(), e);
    }
    if (last != null) {
      assertEquals(table.score(contact, AS_OF), last);
    }
    for (Instant read : READS) {
      Score batch = table.score(contact, read);
      Score live = scorer.score(contact.id(), read).orElseThrow();
      assertEquals(batch, live);
      assertEquals(Double.doubleToRawLongBits(batch.score()),
          Double.doubleToRawLongBits(live.score()));
      assertEquals(Double.doubleToRawLongBits(batch.raw()),
          Double.doubleToRawLongBits(live.raw()));
    }
  }
}
