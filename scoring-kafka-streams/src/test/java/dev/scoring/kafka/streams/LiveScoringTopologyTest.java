package dev.scoring.kafka.streams;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.Aggregate;
import dev.scoring.core.Decay;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ModelJson;
import dev.scoring.core.live.TierChange;
import dev.scoring.core.live.TierChange.Cause;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring processor on {@link TopologyTestDriver}: no broker. */
class LiveScoringTopologyTest {
  static final Instant START = Instant.parse("2026-11-22T12:00:00Z");
  static final String[] TYPES = {"demo_request", "page_view", "pricing_page_visit",
      "unsubscribe", "blog_visit"};

  @TempDir
  Path stateDir;

  /** Decays, windows, occurrence caps, minimum values, inactivity: every rule feature. */
  static ScoringTable model() {
    return ScoringTable.builder("leads").version("1")
        .decay(Decay.halfLife(30))
        .demographic("exec", attribute("title").equalTo("exec"), 20)
        .behavioral("demo", on("demo_request"), 40)
        .behavioral("visit", on("page_view").minValue(30).withinDays(60), 10)
        .behavioral("pricing", on("pricing_page_visit").maxOccurrences(2), 15)
        .negative("unsub", on("unsubscribe"), -50)
        .inactivity("idle", 45, -10)
        .tier("MQL", 60).tier("SQL", 80).baseTier("cold")
        .build();
  }

  Properties props() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return p;
  }

  /** A driver and its topics. */
  static final class Run implements AutoCloseable {
    final TopologyTestDriver driver;
    final TestInputTopic<String, Event> events;
    final TestInputTopic<String, ContactAttributes> attributes;
    final TestInputTopic<String, String> models;
    final TestOutputTopic<String, Score> scores;
    final TestOutputTopic<String, TierChange> changes;

    Run(LiveScoringTopology scoring, Properties props, Instant wallClock) {
      driver = new TopologyTestDriver(scoring.addTo(new Topology()), props, wallClock);
      events = driver.createInputTopic("events", Serdes.String().serializer(),
          ScoringSerdes.event().serializer());
      attributes = driver.createInputTopic("attributes", Serdes.String().serializer(),
          ScoringSerdes.attributes().serializer());
      models = driver.createInputTopic("models", Serdes.String().serializer(),
          Serdes.String().serializer());
      scores = driver.createOutputTopic("scores", Serdes.String().deserializer(),
          ScoringSerdes.score().deserializer());
      changes = driver.createOutputTopic("tier-changes", Serdes.String().deserializer(),
          ScoringSerdes.tierChange().deserializer());
    }

    @Override
    public void close() {
      driver.close();
    }
  }

  static LiveScoringTopology.Builder scoring(ScoringTable model) {
    return LiveScoringTopology.builder(model).attributesTopic("attributes")
        .modelTopic("models").sweepEvery(Duration.ofHours(1),
            org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME);
  }

  @Test
  void randomOutOfOrderEvents_scoreExactly_tierChangesChainOnce_andTimeDropsAppear() {
    ScoringTable model = model();
    Random random = new Random(2026);
    Map<String, List<Event>> history = new LinkedHashMap<>();
    Map<String, Map<String, Object>> attributes = new HashMap<>();
    Map<String, List<TierChange>> heard = new HashMap<>();
    Map<String, Score> last = new HashMap<>();
    try (Run run = new Run(scoring(model).build(), props(), START)) {
      Instant now = START;
      for (int c = 0; c < 40; c++) {
        String id = "c-" + c;
        if (c % 3 == 0) {
          Map<String, Object> a = Map.of("title", c % 2 == 0 ? "exec" : "intern");
          attributes.put(id, a);
          run.attributes.pipeInput(id, new ContactAttributes(a), now);
        }
      }
      for (int i = 0; i < 1_500; i++) {
        String id = "c-" + random.nextInt(40);
        // out of order within a contact: anywhere in the 90 days before now
        Instant at = now.minusSeconds(random.nextInt(90 * 86_400));
        String type = TYPES[random.nextInt(TYPES.length)];
        Event e = random.nextBoolean() ? Event.of(type, at, random.nextInt(60))
            : Event.of(type, at);
        history.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
        run.events.pipeInput(id, e, now);
        if (i % 100 == 99) {
          Duration step = Duration.ofHours(1 + random.nextInt(72));
          run.driver.advanceWallClockTime(step);
          now = now.plus(step);
        }
      }
      drain(run, heard, last);
      for (Map.Entry<String, List<Event>> h : history.entrySet()) {
        Score emitted = last.get(h.getKey());
        Contact all = contact(h.getKey(), attributes, h.getValue());
        assertSameBits(model.score(all, emitted.asOf()), emitted);
      }
      // Time alone: decay and inactivity drop tiers; the sweep emits those drops.
      run.driver.advanceWallClockTime(Duration.ofDays(60));
      Instant later = now.plus(Duration.ofDays(60));
      Map<String, List<TierChange>> before = copy(heard);
      drain(run, heard, last);
      int drops = 0;
      for (String id : history.keySet()) {
        Score expected = model.score(contact(id, attributes, history.get(id)), later);
        List<TierChange> chain = heard.getOrDefault(id, List.of());
        String tier = chain.isEmpty() ? "cold" : chain.get(chain.size() - 1).currentTier();
        assertEquals(expected.tier(), tier, id);
        for (TierChange c : chain.subList(before.getOrDefault(id, List.of()).size(),
            chain.size())) {
          assertEquals(Cause.TIME, c.cause());
          assertEquals(later, c.current().asOf());
          drops++;
        }
      }
      assertTrue(drops > 0, "time dropped no tier");
    }
    for (Map.Entry<String, List<TierChange>> e : heard.entrySet()) {
      assertChain(e.getKey(), e.getValue());
    }
  }

  /** SPEC section 9 in the processor: every aggregate kind, the same bits as the table. */
  @Test
  void aggregateRules_scoreExactly() {
    ScoringTable model = model().toBuilder().version("2")
        .behavioral("readers", Aggregate.count("page_view").withinDays(30).atLeast(3), 6)
        .behavioral("days", Aggregate.distinctDays("blog_visit", "page_view").atLeast(2), 3)
        .behavioral("reading", Aggregate.sum("page_view").withinDays(60).atLeast(50), 5)
        .behavioral("rate", Aggregate.rate("demo_request").per("page_view").minCount(2)
            .atLeast(0.5), 2)
        .behavioral("regular", Aggregate.meanDaysBetween("blog_visit").below(10), 4)
        .negative("quiet", Aggregate.daysSinceLast("pricing_page_visit").atLeast(30), -7)
        .build();
    Random random = new Random(17);
    Map<String, List<Event>> history = new LinkedHashMap<>();
    Map<String, Score> last = new HashMap<>();
    try (Run run = new Run(scoring(model).build(), props(), START)) {
      for (int i = 0; i < 800; i++) {
        String id = "c-" + random.nextInt(25);
        Instant at = START.minusSeconds(random.nextInt(90 * 86_400));
        String type = TYPES[random.nextInt(TYPES.length)];
        Event e = random.nextBoolean() ? Event.of(type, at, random.nextInt(60))
            : Event.of(type, at);
        history.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
        run.events.pipeInput(id, e, START);
      }
      drain(run, new HashMap<>(), last);
      int fired = 0;
      for (Map.Entry<String, List<Event>> h : history.entrySet()) {
        Score emitted = last.get(h.getKey());
        Contact all = contact(h.getKey(), Map.of(), h.getValue());
        assertSameBits(model.score(all, emitted.asOf()), emitted);
        fired += model.explain(all, emitted.asOf()).entries().stream()
            .filter(x -> x.id().equals("readers") || x.id().equals("rate")).count() > 0 ? 1 : 0;
      }
      assertTrue(fired > 0, "no aggregate rule fired: the test would check nothing of them");
    }
  }

  @Test
  void modelUpdate_rescoresEveryContactOnceAndEmitsTheChanges() throws IOException {
    ScoringTable v1 = model();
    ScoringTable v2 = v1.toBuilder().version("2").clearTiers().tier("MQL", 30).tier("SQL", 50)
        .build();
    Map<String, List<TierChange>> heard = new HashMap<>();
    Map<String, Score> last = new HashMap<>();
    try (Run run = new Run(scoring(v1).build(), props(), START)) {
      for (int c = 0; c < 10; c++) {
        for (int k = 0; k <= c % 3; k++) {
          run.events.pipeInput("c-" + c, Event.of("demo_request", START), START);
        }
      }
      drain(run, heard, last);
      StringWriter json = new StringWriter();
      ModelJson.write(v2, json);
      run.models.pipeInput("leads", json.toString(), START);
      run.driver.advanceWallClockTime(Duration.ofHours(1)); // the next sweep switches
      List<KeyValue<String, Score>> rescored = run.scores.readKeyValuesToList();
      List<TierChange> changes = run.changes.readValuesToList();
      assertEquals(10, rescored.size());
      Instant asOf = START.plus(Duration.ofHours(1));
      for (KeyValue<String, Score> kv : rescored) {
        assertEquals("2", kv.value.modelVersion());
        int demos = Integer.parseInt(kv.key.substring(2)) % 3 + 1;
        Contact c = Contact.builder(kv.key).events(Collections.nCopies(demos,
            Event.of("demo_request", START))).build();
        assertSameBits(v2.score(c, asOf), kv.value);
      }
      // one demo: 40 cold -> MQL; two: 80 SQL stays SQL; three: 100 SQL stays SQL
      assertEquals(List.of("c-0", "c-3", "c-6", "c-9"),
          changes.stream().map(TierChange::contactId).sorted().toList());
      for (TierChange c : changes) {
        assertEquals(Cause.MODEL_CHANGE, c.cause());
        assertEquals("cold", c.previousTier());
        assertEquals("MQL", c.currentTier());
        assertEquals(v2.fingerprint(), c.modelFingerprint());
      }
    }
  }

  @Test
  void persistentState_survivesClosingAndReopeningTheDriver() {
    ScoringTable model = model();
    LiveScoringTopology scoring = scoring(model).persistent(true).build();
    List<Event> events = List.of(Event.of("demo_request", START.minus(Duration.ofDays(3))),
        Event.of("page_view", START.minus(Duration.ofDays(1)), 45),
        Event.of("blog_visit", START));
    Path snapshot = stateDir.resolveSibling(stateDir.getFileName() + "-disk");
    try (Run run = new Run(scoring, props(), START)) {
      run.events.pipeInput("c-1", events.get(0), START);
      run.events.pipeInput("c-1", events.get(1), START);
      // The driver wipes its state directory when closed, as a real application does not;
      // it flushes RocksDB at a checkpoint, which it takes every 10 000 records. So: more
      // than 10 000 records of other contacts, then a copy of the disk as the driver left it.
      for (int i = 0; i <= 10_000; i++) {
        run.events.pipeInput("other-" + (i % 100), Event.of("page_view", START, 40), START);
      }
      copy(stateDir, snapshot);
    }
    copy(snapshot, stateDir);
    try (Run run = new Run(scoring, props(), START)) {
      run.events.pipeInput("c-1", events.get(2), START);
      Score score = run.scores.readValue();
      assertTrue(run.scores.isEmpty());
      assertSameBits(model.score(Contact.builder("c-1").events(events).build(), START), score);
      assertEquals(40 * Math.pow(0.5, 0.1) + 10 * Math.pow(0.5, 1 / 30.0), score.score(),
          1e-12);
    }
  }

  static void copy(Path from, Path to) {
    try (var files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (!f.getFileName().toString().endsWith(".lock")) {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void modelFromASupplier_onStreamTime_switchesBeforeTheNextRecord() {
    ScoringTable v1 = model();
    ScoringTable v2 = v1.toBuilder().version("2").clearTiers().tier("MQL", 30).build();
    java.util.concurrent.atomic.AtomicReference<ScoringTable> current =
        new java.util.concurrent.atomic.AtomicReference<>(v1);
    LiveScoringTopology scoring = LiveScoringTopology.builder(current::get)
        .sweepEvery(Duration.ofDays(1),
            org.apache.kafka.streams.processor.PunctuationType.STREAM_TIME)
        .build();
    try (Run run = new Run(scoring, props(), START)) {
      run.events.pipeInput("c-1", Event.of("demo_request", START), START);
      run.events.pipeInput("c-2", Event.of("page_view", START, 50), START);
      assertEquals(List.of("1", "1"), run.scores.readValuesToList().stream()
          .map(Score::modelVersion).toList());
      current.set(v2);
      Instant later = START.plusSeconds(3600);
      run.events.pipeInput("c-2", Event.of("page_view", START, 50), later);
      // c-1 (40) and c-2 (10) rescored as of stream time under v2 before c-2's new event
      List<KeyValue<String, Score>> scores = run.scores.readKeyValuesToList();
      assertEquals(List.of("c-1", "c-2", "c-2"), scores.stream().map(kv -> kv.key).toList());
      for (KeyValue<String, Score> kv : scores) {
        assertEquals("2", kv.value.modelVersion());
      }
      assertSameBits(v2.score(Contact.builder("c-2").event("page_view", START, 50)
          .event("page_view", START, 50).build(), later), scores.get(2).value);
      List<TierChange> changes = run.changes.readValuesToList();
      assertEquals(List.of("c-1 cold -> MQL MODEL_CHANGE"), changes.stream()
          .map(c -> c.contactId() + " " + c.previousTier() + " -> " + c.currentTier() + " "
              + c.cause()).toList());
      // stream time moves only with records: a day later, the sweep finds the decay
      run.events.pipeInput("c-3", Event.of("blog_visit", START), START.plus(Duration.ofDays(40)));
      assertEquals(List.of("c-1 MQL -> cold TIME"), run.changes.readValuesToList().stream()
          .map(c -> c.contactId() + " " + c.previousTier() + " -> " + c.currentTier() + " "
              + c.cause()).toList());
    }
  }

  @Test
  void attributesRecord_reportsTheDropTimeMadeFirst_thenItsOwnChange() {
    ScoringTable model = ScoringTable.builder("vip").decay(Decay.halfLife(30))
        .demographic("exec", attribute("title").equalTo("exec"), 20)
        .demographic("vip", attribute("vip").equalTo(true), 45)
        .behavioral("demo", on("demo_request"), 40)
        .tier("MQL", 60).tier("SQL", 80).baseTier("cold")
        .build();
    LiveScoringTopology scoring = LiveScoringTopology.builder(model)
        .attributesTopic("attributes")
        .sweepEvery(Duration.ofDays(365),
            org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME)
        .build();
    try (Run run = new Run(scoring, props(), START)) {
      run.attributes.pipeInput("c-1", new ContactAttributes(Map.of("title", "exec")), START);
      run.events.pipeInput("c-1", Event.of("demo_request", START), START);   // 60: MQL
      run.driver.advanceWallClockTime(Duration.ofDays(30));                   // 40: cold
      run.attributes.pipeInput("c-1",
          new ContactAttributes(Map.of("title", "exec", "vip", true)), START); // 85: SQL
      assertEquals(List.of("cold -> MQL EVENT", "MQL -> cold TIME", "cold -> SQL UPSERT"),
          run.changes.readValuesToList().stream().map(c -> c.previousTier() + " -> "
              + c.currentTier() + " " + c.cause()).toList());
    }
  }

  static Contact contact(String id, Map<String, Map<String, Object>> attributes,
      List<Event> events) {
    return Contact.builder(id).attributes(attributes.getOrDefault(id, Map.of()))
        .events(events).build();
  }

  static void drain(Run run, Map<String, List<TierChange>> heard, Map<String, Score> last) {
    for (KeyValue<String, Score> kv : run.scores.readKeyValuesToList()) {
      last.put(kv.key, kv.value);
    }
    for (KeyValue<String, TierChange> kv : run.changes.readKeyValuesToList()) {
      heard.computeIfAbsent(kv.key, k -> new ArrayList<>()).add(kv.value);
    }
  }

  static Map<String, List<TierChange>> copy(Map<String, List<TierChange>> m) {
    Map<String, List<TierChange>> c = new HashMap<>();
    m.forEach((k, v) -> c.put(k, List.copyOf(v)));
    return c;
  }

  /** Each change once, numbered 1, 2, 3..., each starting where the previous ended. */
  static void assertChain(String id, List<TierChange> chain) {
    String tier = "cold";
    for (int i = 0; i < chain.size(); i++) {
      TierChange c = chain.get(i);
      assertEquals(i + 1, c.sequence(), id);
      assertEquals(tier, c.previousTier(), id + " chain broken at " + c);
      tier = c.currentTier();
    }
  }

  static void assertSameBits(Score expected, Score actual) {
    assertEquals(expected, actual);
    assertEquals(Double.doubleToRawLongBits(expected.score()),
        Double.doubleToRawLongBits(actual.score()));
  }

  static String json(ScoringTable model) {
    try {
      StringWriter w = new StringWriter();
      ModelJson.write(model, w);
      return w.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
