package dev.scoring.core.json;

import static dev.scoring.core.EventMatch.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.ModelException;
import dev.scoring.api.Score;
import dev.scoring.core.Decay;
import dev.scoring.core.ScoringTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Model loading is bounded (limits with defaults for tiers, decay steps, conditions per rule
 * and message length; strict UTF-8) and linear. The timeouts are generous guards against
 * quadratic blow-up (120,000 tiers took over 100 s, 100,000 decay steps made every score of
 * an old event scan them all), not speed assertions.
 */
class BoundedModelLoadingTest {
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  private static final String RULE =
      "\"behavioral\":[{\"id\":\"visit\",\"event\":\"visit\",\"points\":1}]";

  private static String tiersModel(int count) {
    StringBuilder json = new StringBuilder(count * 32 + 200)
        .append("{\"name\":\"many-tiers\",\"scale\":{\"min\":0,\"max\":1000000},")
        .append(RULE).append(",\"tiers\":[");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append("{\"name\":\"t").append(i).append("\",\"atLeast\":")
          .append(i + 1).append('}');
    }
    return json.append("]}").toString();
  }

  @Test
  void tiers_overTheDefaultLimit_areRefused() {
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(tiersModel(1001)));
    assertEquals("tiers must be a list of at most 1000 tiers, but had 1001", e.getMessage());
    assertEquals("tiers", e.path());
    assertEquals(1000, ModelJson.parse(tiersModel(1000)).tiers().size());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void tiers_120000_loadAndScoreInLinearTime() {
    String json = tiersModel(120_000);
    assertTrue(json.length() > 3_500_000 && json.length() < 4_194_304, "" + json.length());
    ScoringTable model = ModelJson.parse(json, JsonLimits.builder().maxTiers(200_000).build());
    assertEquals(120_000, model.tiers().size());
    // 5 visits: raw 5, the tier whose threshold is 5 is t4
    Contact.Builder c = Contact.builder("c");
    for (int i = 0; i < 5; i++) {
      c.event("visit", AS_OF.minusSeconds(60 + i));
    }
    Score s = model.score(c.build(), AS_OF);
    assertEquals(5.0, s.score());
    assertEquals("t4", s.tier());
    assertTrue(model.toJson().endsWith("{\"name\":\"t119999\",\"atLeast\":120000}\n  ],\n"
        + "  \"baseTier\": \"unqualified\"\n}\n"));
  }

  private static String stepsModel(int count) {
    StringBuilder json = new StringBuilder(count * 32 + 200)
        .append("{\"name\":\"many-steps\",").append(RULE)
        .append(",\"decay\":{\"type\":\"steps\",\"steps\":[");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append("{\"belowDays\":").append(i + 1)
          .append(",\"factor\":").append(i % 2 == 0 ? "1" : "0.5").append('}');
    }
    return json.append("]}}").toString();
  }

  @Test
  void decaySteps_overTheDefaultLimit_areRefused() {
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(stepsModel(1001)));
    assertEquals("decay.steps must be a list of at most 1000 steps, but had 1001",
        e.getMessage());
    assertEquals("decay.steps", e.path());
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void decaySteps_100000_costALogarithmPerOldEvent() {
    ScoringTable model = ModelJson.parse(stepsModel(100_000),
        JsonLimits.builder().maxDecaySteps(100_000).build());
    Decay decay = model.decay();
    assertEquals(1.0, decay.factor(0));
    assertEquals(0.5, decay.factor(1));
    assertEquals(1.0, decay.factor(50_000));
    assertEquals(0.5, decay.factor(99_999));
    assertEquals(0.0, decay.factor(100_000));
    // Ages 4096 and above are past the kernel's per-day table: each needs the step search.
    // 20,000 contacts with 10 old events each: 200,000 searches.
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      Contact.Builder c = Contact.builder("c" + i);
      for (int k = 0; k < 10; k++) {
        c.event("visit", AS_OF.minus(Duration.ofDays(50_000L + i + k)));
      }
      contacts.add(c.build());
    }
    double total = 0;
    for (Contact c : contacts) {
      total += model.score(c, AS_OF).score();
    }
    // ages 50,000 + i + k: even ages have factor 1, odd 0.5; each contact has 5 of each
    assertEquals(20_000 * 7.5, total);
  }

  @Test
  void conditionsPerRule_overTheLimit_areRefused() {
    StringBuilder and = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      and.append(i == 0 ? "" : ",").append("{\"attribute\":\"a").append(i)
          .append("\",\"present\":true}");
    }
    String json = "{\"name\":\"m\",\"demographic\":[{\"id\":\"wide\",\"attribute\":\"a\","
        + "\"present\":true,\"and\":[" + and + "],\"points\":1}]}";
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(json));
    assertEquals("demographic[0] must have at most 100 conditions, but had 101", e.getMessage());
    assertEquals("demographic[0]", e.path());
    assertEquals(101, ModelJson.parse(json,
        JsonLimits.builder().maxConditionsPerRule(101).build()).demographic().get(0)
        .conditions().size());
  }

  @Test
  void invalidUtf8_isRefusedWithTheByteOffset() {
    byte[] head = "{\"name\":\"a".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(head);
    bytes.write(0xC0); // an overlong encoding of '/': C0 AF
    bytes.write(0xAF);
    bytes.writeBytes(("\"," + RULE + "}").getBytes(StandardCharsets.UTF_8));
    ModelException e = assertThrows(ModelException.class,
        () -> ModelJson.read(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals("model must be valid UTF-8, but was invalid at byte 11 (0xC0)", e.getMessage());
    assertEquals("", e.path());
    // an encoded surrogate (ED A0 80) and a truncated sequence are refused too
    for (byte[] bad : List.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        new byte[] {(byte) 0xE2, (byte) 0x82})) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.writeBytes(head);
      b.writeBytes(bad);
      b.writeBytes(("\"," + RULE + "}").getBytes(StandardCharsets.UTF_8));
      ModelException x = assertThrows(ModelException.class,
          () -> ModelJson.read(new ByteArrayInputStream(b.toByteArray())));
      assertEquals("model must be valid UTF-8, but was invalid at byte 11 (0x"
          + String.format("%02X", bad[0] & 0xFF) + ")", x.getMessage());
    }
  }

  @Test
  void validUtf8_withABom_isRead() throws IOException {
    String json = "\uFEFF{\"name\":\"caf\u00E9 \u65E5\u672C \uD83D\uDE00\"," + RULE + "}";
    ScoringTable m = ModelJson.read(new ByteArrayInputStream(
        json.getBytes(StandardCharsets.UTF_8)));
    assertEquals("caf\u00E9 \u65E5\u672C \uD83D\uDE00", m.name());
  }

  @Test
  void messages_areBounded() {
    String longName = "x".repeat(50_000);
    ModelException unknown = assertThrows(ModelException.class, () -> ModelJson.parse(
        "{\"name\":\"m\"," + RULE + ",\"" + longName + "\":1}"));
    assertEquals(1000, unknown.getMessage().length());
    assertTrue(unknown.getMessage().endsWith("..."));
    assertTrue(longName.equals(unknown.path()), "the path stays whole");
    ModelException shorter = assertThrows(ModelException.class, () -> ModelJson.parse(
        "{\"name\":\"m\"," + RULE + ",\"" + longName + "\":1}",
        JsonLimits.builder().maxMessageLength(100).build()));
    assertEquals(100, shorter.getMessage().length());
    // values quoted by the builder are cut at 60 characters
    String longId = "i".repeat(100_000);
    ModelException dup = assertThrows(ModelException.class, () -> ScoringTable.builder("m")
        .behavioral(longId, on("a"), 1).behavioral(longId, on("b"), 1));
    assertEquals("behavioral[1].id must be unique, but was \"" + "i".repeat(55) + "\"...",
        dup.getMessage());
  }
}
