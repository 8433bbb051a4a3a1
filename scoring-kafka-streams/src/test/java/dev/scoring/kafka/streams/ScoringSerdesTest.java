package dev.scoring.kafka.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.live.TierChange;
import dev.scoring.core.live.TierChange.Cause;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** Every value survives its serde, and bad bytes are a clear error. */
class ScoringSerdesTest {
  static final Instant AT = Instant.parse("2026-11-22T12:00:00.123456789Z");

  static <T> T roundTrip(Serde<T> serde, T value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }

  @Test
  void eventsAttributesScoresAndTierChanges_roundTrip() {
    Event plain = Event.of("demo_request", AT);
    Event valued = Event.of("purchase", Instant.parse("0001-01-01T00:00:00Z"), -12.5);
    assertEquals(plain, roundTrip(ScoringSerdes.event(), plain));
    assertEquals(valued, roundTrip(ScoringSerdes.event(), valued));

    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", "exec");
    values.put("age", 42L);
    values.put("ratio", 0.25);
    values.put("vip", true);
    ContactAttributes attributes = new ContactAttributes(values);
    assertEquals(attributes, roundTrip(ScoringSerdes.attributes(), attributes));

    Score score = new Score(61.5, 63.0, 20.0, 43.0, "MQL", "leads", "7", AT);
    assertEquals(score, roundTrip(ScoringSerdes.score(), score));
    TierChange change = new TierChange(3, "c-1", "cold", Optional.of(new Score(30, 30, 20, 10, "cold", "leads", "7", AT)),
        score, Cause.EVENT, Optional.of(valued), "abc");
    assertEquals(change, roundTrip(ScoringSerdes.tierChange(), change));
    TierChange first = new TierChange(1, "c-1", "cold", Optional.empty(), score, Cause.TIME,
        Optional.empty(), "abc");
    assertEquals(first, roundTrip(ScoringSerdes.tierChange(), first));
    assertNull(ScoringSerdes.event().serializer().serialize("t", null));
    assertNull(ScoringSerdes.event().deserializer().deserialize("t", null));
  }

  @Test
  void contactState_roundTripsItsColumnsAndScore() {
    ContactState s = ContactState.empty("c-9");
    s.attributes = Map.of("title", "exec");
    s.add(Event.of("page_view", AT, 30));
    s.add(Event.of("demo_request", AT.minusSeconds(5)));
    s.add(Event.of("page_view", AT.minusSeconds(1)));
    s.reported = new Score(40, 40, 0, 40, "cold", "leads", "1", AT);
    s.changes = 4;
    ContactState back = roundTrip(ScoringSerdes.contactState(), s);
    assertEquals("c-9", back.id);
    assertEquals(s.attributes, back.attributes);
    assertEquals(s.typeNames, back.typeNames);
    assertEquals(3, back.events.size);
    assertArrayEquals(new int[] {1, 0, 0}, java.util.Arrays.copyOf(back.events.types, 3));
    assertEquals(s.contact(-1), back.contact(-1));
    assertEquals(s.reported, back.reported);
    assertEquals(4, back.changes);
  }

  @Test
  void badBytes_areAClearError() {
    assertEquals("score format byte must be 1, but was 7",
        assertThrows(IllegalArgumentException.class,
            () -> ScoringSerdes.score().deserializer().deserialize("t", new byte[] {7}))
            .getMessage());
    IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
        () -> ScoringSerdes.event().deserializer().deserialize("t", new byte[] {1, 0}));
    assertEquals("event must be 2 well-formed bytes, but reading failed: "
        + "java.io.EOFException", truncated.getMessage());
  }
}
