package dev.scoring.kafka.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.AccountScore;
import dev.scoring.core.live.AccountTierChange;
import dev.scoring.core.live.TierChange;
import dev.scoring.core.live.TierChange.Cause;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
    s.reported = List.of(new Score(40, 40, 0, 40, "cold", "leads", "1", AT),
        new Score(12.5, 12.5, 0, 12.5, "low", "product", "3", AT));
    s.changes = 4;
    s.account = "acme";
    s.accountScore = 12.5;
    ContactState back = roundTrip(ScoringSerdes.contactState(), s);
    assertEquals("c-9", back.id);
    assertEquals(s.attributes, back.attributes);
    assertEquals(s.typeNames, back.typeNames);
    assertEquals(3, back.events.size);
    assertArrayEquals(new int[] {1, 0, 0}, java.util.Arrays.copyOf(back.events.types, 3));
    assertEquals(s.contact(-1), back.contact(-1));
    assertEquals(s.reported, back.reported);
    assertEquals(4, back.changes);
    assertEquals("acme", back.account);
    assertEquals(12.5, back.accountScore);
  }

  @Test
  void contactState_format1_fromBeforeSets_isStillRead() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeUTF("c-1");
      out.writeInt(0); // attributes
      out.writeInt(1);
      out.writeUTF("demo_request");
      out.writeInt(1); // one event
      out.writeInt(0);
      out.writeLong(AT.getEpochSecond());
      out.writeInt(AT.getNano());
      out.writeDouble(Double.NaN);
      out.writeBoolean(true);
      Score last = new Score(40, 40, 0, 40, "cold", "leads", "1", AT);
      Codec.writeScore(out, last);
      out.writeLong(2);
    }
    ContactState back = ScoringSerdes.contactState().deserializer().deserialize("t",
        bytes.toByteArray());
    assertEquals(List.of(new Score(40, 40, 0, 40, "cold", "leads", "1", AT)), back.reported);
    assertEquals(2, back.changes);
    assertNull(back.account);
    assertEquals(Contact.builder("c-1").event("demo_request", AT).build(), back.contact(-1));
    assertEquals("contact state format byte must be from 1 to 2, but was 3",
        assertThrows(IllegalArgumentException.class, () -> ScoringSerdes.contactState()
            .deserializer().deserialize("t", new byte[] {3})).getMessage());
  }

  @Test
  void accountValues_roundTrip() {
    AccountScore acme = new AccountScore("acme", 66.5, 66.5, 30, 36.5, "target", 4);
    assertEquals(acme, roundTrip(ScoringSerdes.accountScore(), acme));
    AccountTierChange change = new AccountTierChange(2, "b2b", "acme", "cold", Optional.of(
        new AccountScore("acme", 20, 20, 0, 20, "cold", 1)), acme,
        AccountTierChange.Cause.MEMBER, Optional.of("c-1"), "abc");
    assertEquals(change, roundTrip(ScoringSerdes.accountTierChange(), change));
    AccountTierChange first = new AccountTierChange(1, "b2b", "acme", "cold", Optional.empty(),
        acme, AccountTierChange.Cause.RECORD, Optional.empty(), "abc");
    assertEquals(first, roundTrip(ScoringSerdes.accountTierChange(), first));
    byte[] bytes = ScoringSerdes.accountTierChange().serializer().serialize("t", first);
    assertEquals(2, bytes[0]);
    bytes[0] = 1; // the Kafka module's own record of before, without table and member
    assertEquals("account tier change format byte must be 2, but was 1 (format 1 has no table"
        + " and is not read)", assertThrows(IllegalArgumentException.class,
            () -> ScoringSerdes.accountTierChange().deserializer().deserialize("t", bytes))
        .getMessage());
    for (AccountInput in : List.of(new AccountInput.Member("c-1", 12.25),
        new AccountInput.Leave("c-1"), new AccountInput.Attributes(null),
        new AccountInput.Attributes(Map.of("employees", 5000L)))) {
      assertEquals(in, roundTrip(ScoringSerdes.accountInput(), in));
    }
    AccountState s = new AccountState("acme");
    s.attributes = Map.of("employees", 5000L);
    s.reported = acme;
    s.changes = 3;
    AccountState back = roundTrip(ScoringSerdes.accountState(), s);
    assertEquals(s.attributes, back.attributes);
    assertEquals("4:acmec-1", AccountState.memberKey("acme", "c-1"));
    assertEquals("3:acmc-1", AccountState.memberKey("acm", "c-1")); // no prefix of acme's
    assertEquals(acme, back.reported);
    assertEquals(3, back.changes);
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
