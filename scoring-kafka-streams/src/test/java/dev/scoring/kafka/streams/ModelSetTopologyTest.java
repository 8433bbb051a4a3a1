package dev.scoring.kafka.streams;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountScore;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.AccountScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.Decay;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.TierChange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.PunctuationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC section 11 in the Kafka Streams topology: a model set, one Score per table. */
class ModelSetTopologyTest {
  static final Instant NOW = LiveScoringTopologyTest.START;
  static final String[] TYPES = LiveScoringTopologyTest.TYPES;

  @TempDir
  Path stateDir;

  /** A second product line: pricing interest, its own decay, tiers and base tier. */
  static ScoringTable product() {
    return ScoringTable.builder("product").version("3")
        .decay(Decay.halfLife(7))
        .demographic("big", attribute("employees").atLeast(500), 15)
        .behavioral("pricing", on("pricing_page_visit"), 25)
        .behavioral("blog", on("blog_visit").maxOccurrences(3), 5)
        .tier("warm", 30).tier("hot", 60).baseTier("none")
        .build();
  }

  static ModelSet set() {
    return ModelSet.builder("acme").version("4").add(LiveScoringTopologyTest.model())
        .add(product()).build();
  }

  Properties props() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "sets-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return p;
  }

  /** Scores and tier changes heard, by contact. */
  static final class Heard {
    final Map<String, Map<String, Score>> last = new HashMap<>();
    final Map<String, List<TierChange>> changes = new LinkedHashMap<>();
    final List<KeyValue<String, Score>> scores = new ArrayList<>();

    void drain(TestOutputTopic<String, Score> s, TestOutputTopic<String, TierChange> c) {
      for (KeyValue<String, Score> kv : s.readKeyValuesToList()) {
        scores.add(kv);
        last.computeIfAbsent(kv.key, k -> new HashMap<>()).put(kv.value.modelName(), kv.value);
      }
      for (KeyValue<String, TierChange> kv : c.readKeyValuesToList()) {
        changes.computeIfAbsent(kv.key, k -> new ArrayList<>()).add(kv.value);
      }
    }
  }

  /** Random events and attributes for 25 contacts; returns the contacts as sent. */
  static Map<String, Contact.Builder> feed(long seed, TestInputTopic<String, Event> events,
      TestInputTopic<String, ContactAttributes> attributes) {
    Random random = new Random(seed);
    Map<String, Map<String, Object>> attrs = new HashMap<>();
    Map<String, List<Event>> history = new LinkedHashMap<>();
    for (int i = 0; i < 600; i++) {
      String id = "c-" + random.nextInt(25);
      if (random.nextInt(10) == 0) {
        Map<String, Object> a = Map.of("title", random.nextBoolean() ? "exec" : "intern",
            "employees", (long) random.nextInt(1000));
        attrs.put(id, a);
        history.computeIfAbsent(id, k -> new ArrayList<>());
        attributes.pipeInput(id, new ContactAttributes(a), NOW);
      } else {
        Instant at = NOW.minusSeconds(random.nextInt(60 * 86_400));
        String type = TYPES[random.nextInt(TYPES.length)];
        Event e = random.nextBoolean() ? Event.of(type, at, random.nextInt(60))
            : Event.of(type, at);
        history.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
        events.pipeInput(id, e, NOW);
      }
    }
    Map<String, Contact.Builder> out = new LinkedHashMap<>();
    history.forEach((id, h) -> out.put(id,
        Contact.builder(id).attributes(attrs.getOrDefault(id, Map.of())).events(h)));
    return out;
  }

  @Test
  void aSet_emitsEachTablesScore_bitForBit_andEachTablesTierChain() {
    ModelSet set = set();
    LiveScoringTopology scoring = LiveScoringTopology.builder(set).attributesTopic("attributes")
        .build();
    Heard heard = new Heard();
    Map<String, Contact.Builder> contacts;
    try (TopologyTestDriver driver = new TopologyTestDriver(scoring.addTo(new Topology()),
        props(), NOW)) {
      contacts = feed(7, driver.createInputTopic("events", Serdes.String().serializer(),
          ScoringSerdes.event().serializer()), driver.createInputTopic("attributes",
          Serdes.String().serializer(), ScoringSerdes.attributes().serializer()));
      heard.drain(driver.createOutputTopic("scores", Serdes.String().deserializer(),
          ScoringSerdes.score().deserializer()), driver.createOutputTopic("tier-changes",
          Serdes.String().deserializer(), ScoringSerdes.tierChange().deserializer()));
    }
    // every record emits one score per table, in set order
    for (int i = 0; i < heard.scores.size(); i += 2) {
      assertEquals("leads", heard.scores.get(i).value.modelName());
      assertEquals("product", heard.scores.get(i + 1).value.modelName());
      assertEquals(heard.scores.get(i).key, heard.scores.get(i + 1).key);
    }
    int moves = 0;
    for (Map.Entry<String, Contact.Builder> c : contacts.entrySet()) {
      Map<String, Score> expected = set.score(c.getValue().build(), NOW);
      Map<String, Score> emitted = heard.last.get(c.getKey());
      for (String table : List.of("leads", "product")) {
        LiveScoringTopologyTest.assertSameBits(expected.get(table), emitted.get(table));
      }
      // one counter per contact; each table's changes chain from its base tier
      List<TierChange> changes = heard.changes.getOrDefault(c.getKey(), List.of());
      Map<String, String> tiers = new HashMap<>(Map.of("leads", "cold", "product", "none"));
      for (int i = 0; i < changes.size(); i++) {
        TierChange t = changes.get(i);
        assertEquals(i + 1, t.sequence());
        String table = t.current().modelName();
        // the fingerprint of the table that computed the score, as the live scorer's
        assertEquals(set.table(table).fingerprint(), t.modelFingerprint());
        assertEquals(tiers.get(table), t.previousTier(), c.getKey() + " " + t);
        tiers.put(table, t.currentTier());
        moves++;
      }
      assertEquals(expected.get("leads").tier(), tiers.get("leads"));
      assertEquals(expected.get("product").tier(), tiers.get("product"));
    }
    assertTrue(moves > 20, "too few tier changes to test: " + moves);
  }

  @Test
  void aSetOfOne_isExactlyTheTable() {
    ScoringTable table = LiveScoringTopologyTest.model();
    List<List<Object>> outputs = new ArrayList<>();
    for (LiveScoringTopology.Builder b : List.of(LiveScoringTopology.builder(table),
        LiveScoringTopology.builder(ModelSet.of(table)))) {
      try (TopologyTestDriver driver = new TopologyTestDriver(
          b.attributesTopic("attributes").sweepEvery(Duration.ofHours(1),
              PunctuationType.WALL_CLOCK_TIME).build().addTo(new Topology()), props(), NOW)) {
        feed(11, driver.createInputTopic("events", Serdes.String().serializer(),
            ScoringSerdes.event().serializer()), driver.createInputTopic("attributes",
            Serdes.String().serializer(), ScoringSerdes.attributes().serializer()));
        driver.advanceWallClockTime(Duration.ofDays(20));
        List<Object> out = new ArrayList<>(driver.createOutputTopic("scores",
            Serdes.String().deserializer(), ScoringSerdes.score().deserializer())
            .readKeyValuesToList());
        out.addAll(driver.createOutputTopic("tier-changes", Serdes.String().deserializer(),
            ScoringSerdes.tierChange().deserializer()).readKeyValuesToList());
        outputs.add(out);
      }
    }
    assertTrue(outputs.get(0).size() > 600);
    assertEquals(outputs.get(0), outputs.get(1));
  }

  @Test
  void aSetFromTheModelTopic_addsATable_whoseChainsStartAtItsBaseTier() {
    for (boolean dsl : new boolean[] {false, true}) {
      modelTopic(dsl);
    }
  }

  private void modelTopic(boolean dsl) {
    ScoringTable leads = LiveScoringTopologyTest.model();
    Heard heard = new Heard();
    LiveScoringTopology scoring = LiveScoringTopology.builder(leads).modelTopic("models")
        .build();
    Topology topology = dsl ? scoring.addTo(new StreamsBuilder()).build()
        : scoring.addTo(new Topology());
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props(), NOW)) {
      TestInputTopic<String, Event> events = driver.createInputTopic("events",
          Serdes.String().serializer(), ScoringSerdes.event().serializer());
      TestOutputTopic<String, Score> scores = driver.createOutputTopic("scores",
          Serdes.String().deserializer(), ScoringSerdes.score().deserializer());
      TestOutputTopic<String, TierChange> changes = driver.createOutputTopic("tier-changes",
          Serdes.String().deserializer(), ScoringSerdes.tierChange().deserializer());
      events.pipeInput("c-1", Event.of("demo_request", NOW), NOW);
      events.pipeInput("c-1", Event.of("pricing_page_visit", NOW), NOW);
      events.pipeInput("c-1", Event.of("pricing_page_visit", NOW), NOW);
      heard.drain(scores, changes);
      driver.createInputTopic("models", Serdes.String().serializer(),
          Serdes.String().serializer()).pipeInput("m", set().toJson(), NOW);
      events.pipeInput("c-1", Event.of("pricing_page_visit", NOW), NOW);
      heard.drain(scores, changes);
    }
    Contact c = Contact.builder("c-1").event("demo_request", NOW)
        .event("pricing_page_visit", NOW).event("pricing_page_visit", NOW)
        .event("pricing_page_visit", NOW).build();
    Map<String, Score> expected = set().score(c, NOW);
    LiveScoringTopologyTest.assertSameBits(expected.get("leads"),
        heard.last.get("c-1").get("leads"));
    LiveScoringTopologyTest.assertSameBits(expected.get("product"),
        heard.last.get("c-1").get("product"));
    // leads: cold -> MQL (demo 40 + pricing 15 + 15 = 70); the switch: product starts at
    // its base tier (2 pricing visits then 50: warm), then the third visit (75: hot)
    assertEquals(List.of("leads cold -> MQL EVENT 1", "product none -> warm MODEL_CHANGE 2",
            "product warm -> hot EVENT 3"),
        heard.changes.get("c-1").stream().map(t -> t.current().modelName() + " "
            + t.previousTier() + " -> " + t.currentTier() + " " + t.cause() + " "
            + t.sequence()).toList(), dsl ? "StreamsBuilder" : "Topology");
  }

  @Test
  void aSetWithAnAccountTable_onTheStreamsBuilder_scoresBothAndTheAccounts() {
    ScoringTable b2b = AccountTopologyTest.b2b();
    ModelSet set = ModelSet.builder("both").add(product()).add(b2b).build();
    Map<String, AccountScore> accounts = new HashMap<>();
    Heard heard = new Heard();
    StreamsBuilder builder = LiveScoringTopology.builder(set).attributesTopic("attributes")
        .build().addTo(new StreamsBuilder());
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props(), NOW)) {
      TestInputTopic<String, Event> events = driver.createInputTopic("events",
          Serdes.String().serializer(), ScoringSerdes.event().serializer());
      TestInputTopic<String, ContactAttributes> attributes = driver.createInputTopic(
          "attributes", Serdes.String().serializer(), ScoringSerdes.attributes().serializer());
      attributes.pipeInput("a1", new ContactAttributes(Map.of("account_id", "acme")), NOW);
      attributes.pipeInput("a2", new ContactAttributes(Map.of("account_id", "acme",
          "employees", 800L)), NOW);
      for (int i = 0; i < 4; i++) {
        events.pipeInput("a1", Event.of("visit", NOW.minusSeconds(60 * i)), NOW);
        events.pipeInput("a2", Event.of("pricing_page_visit", NOW.minusSeconds(60 * i)), NOW);
      }
      events.pipeInput("a2", Event.of("visit", NOW), NOW);
      heard.drain(driver.createOutputTopic("scores", Serdes.String().deserializer(),
          ScoringSerdes.score().deserializer()), driver.createOutputTopic("tier-changes",
          Serdes.String().deserializer(), ScoringSerdes.tierChange().deserializer()));
      driver.createOutputTopic("account-scores", Serdes.String().deserializer(),
          ScoringSerdes.accountScore().deserializer()).readKeyValuesToList()
          .forEach(kv -> accounts.put(kv.key, kv.value));
    }
    Contact a1 = Contact.builder("a1").attribute("account_id", "acme").events(List.of(
        Event.of("visit", NOW), Event.of("visit", NOW.minusSeconds(60)),
        Event.of("visit", NOW.minusSeconds(120)), Event.of("visit", NOW.minusSeconds(180))))
        .build();
    Contact a2 = Contact.builder("a2").attribute("account_id", "acme")
        .attribute("employees", 800L).events(List.of(Event.of("visit", NOW),
            Event.of("pricing_page_visit", NOW), Event.of("pricing_page_visit",
                NOW.minusSeconds(60)), Event.of("pricing_page_visit", NOW.minusSeconds(120)),
            Event.of("pricing_page_visit", NOW.minusSeconds(180)))).build();
    for (Contact c : List.of(a1, a2)) {
      Map<String, Score> expected = set.score(c, NOW);
      LiveScoringTopologyTest.assertSameBits(expected.get("product"),
          heard.last.get(c.id()).get("product"));
      LiveScoringTopologyTest.assertSameBits(expected.get("b2b"),
          heard.last.get(c.id()).get("b2b"));
    }
    // the account combines the members' b2b scores (40 and 10), not their product scores
    AccountScores batch = AccountScorer.of(b2b).score(ContactTable.of(List.of(a1, a2)),
        AccountRecords.empty(), NOW, 1);
    assertEquals(new AccountScore("acme", batch.score(0), batch.raw(0), batch.fit(0),
        batch.engagement(0), batch.tier(0), 2), accounts.get("acme"));
    assertEquals(25.0, accounts.get("acme").score());
  }
}
