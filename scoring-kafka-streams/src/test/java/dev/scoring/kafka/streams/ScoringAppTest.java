package dev.scoring.kafka.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.TierChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/kafka-streams.md shows {@link ScoringApp} verbatim; its topology works, exactly once. */
class ScoringAppTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @TempDir
  Path stateDir;

  @Test
  void theDocumentedTopology_scoresEventsAndAttributesExactlyOnce() {
    ScoringTable model = LiveScoringTopologyTest.model();
    Properties props = ScoringApp.config("dummy:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(ScoringApp.topology(model), props,
        NOW)) {
      TestInputTopic<String, Event> events = driver.createInputTopic("events",
          Serdes.String().serializer(), ScoringSerdes.event().serializer());
      TestInputTopic<String, ContactAttributes> attributes = driver.createInputTopic(
          "contact-attributes", Serdes.String().serializer(),
          ScoringSerdes.attributes().serializer());
      TestOutputTopic<String, Score> scores = driver.createOutputTopic("scores",
          Serdes.String().deserializer(), ScoringSerdes.score().deserializer());
      TestOutputTopic<String, TierChange> changes = driver.createOutputTopic("tier-changes",
          Serdes.String().deserializer(), ScoringSerdes.tierChange().deserializer());

      attributes.pipeInput("c-17", new ContactAttributes(Map.of("title", "exec")), NOW);
      events.pipeInput("c-17", Event.of("demo_request", NOW), NOW);
      events.pipeInput("c-17", Event.of("page_view", NOW, 45), NOW);
      events.pipeInput("c-17", Event.of("page_view", NOW, 50), NOW);

      Contact all = Contact.builder("c-17").attribute("title", "exec")
          .event("demo_request", NOW).event("page_view", NOW, 45).event("page_view", NOW, 50)
          .build();
      List<Score> emitted = scores.readValuesToList();
      assertEquals(4, emitted.size());
      assertEquals(model.score(all, NOW), emitted.get(3));
      assertEquals(80.0, emitted.get(3).score());
      List<String> tiers = changes.readValuesToList().stream()
          .map(c -> c.previousTier() + " -> " + c.currentTier() + " " + c.cause()).toList();
      assertEquals(List.of("cold -> MQL EVENT", "MQL -> SQL EVENT"), tiers);

      driver.advanceWallClockTime(Duration.ofDays(30)); // the sweep: decay drops the lead
      assertEquals(List.of("SQL -> cold TIME"), changes.readValuesToList().stream()
          .map(c -> c.previousTier() + " -> " + c.currentTier() + " " + c.cause()).toList());
    }
  }

  @Test
  void docsShowTheExampleVerbatim() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/dev/scoring/kafka/streams/ScoringApp.java"));
    String snippet = source.substring(source.indexOf("// docs:kafka-streams\n") + 22,
        source.indexOf("// docs:end"));
    String page = Files.readString(Path.of("..", "docs", "kafka-streams.md"));
    assertTrue(page.contains("```java\n" + snippet + "```\n"),
        "docs/kafka-streams.md must show ScoringApp verbatim");
  }
}
