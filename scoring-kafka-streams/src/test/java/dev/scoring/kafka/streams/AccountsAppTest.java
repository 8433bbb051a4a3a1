package dev.scoring.kafka.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.AccountScore;
import dev.scoring.core.ModelSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/kafka-streams.md shows {@link AccountsApp} verbatim; its topology scores accounts. */
class AccountsAppTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @TempDir
  Path stateDir;

  @Test
  void theDocumentedAccountsTopology_scoresTheSetAndTheAccounts() {
    ModelSet set = ModelSet.builder("acme").add(ModelSetTopologyTest.product())
        .add(AccountTopologyTest.b2b()).build();
    Properties props = ScoringApp.config("dummy:9092");
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "accounts-app");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(AccountsApp.topology(set), props,
        NOW)) {
      TestInputTopic<String, Event> events = driver.createInputTopic("events",
          Serdes.String().serializer(), ScoringSerdes.event().serializer());
      driver.createInputTopic("contact-attributes", Serdes.String().serializer(),
          ScoringSerdes.attributes().serializer())
          .pipeInput("a1", new ContactAttributes(Map.of("account_id", "acme")), NOW);
      driver.createInputTopic("account-records", Serdes.String().serializer(),
          Serdes.String().serializer())
          .pipeInput("acme", "{\"id\":\"acme\",\"attributes\":{\"employees\":1500}}", NOW);
      for (int i = 0; i < 3; i++) {
        events.pipeInput("a1", Event.of("visit", NOW.minusSeconds(60 * i)), NOW);
      }
      List<Score> scores = driver.createOutputTopic("scores", Serdes.String().deserializer(),
          ScoringSerdes.score().deserializer()).readValuesToList();
      assertEquals(List.of("product", "b2b"), List.of(scores.get(6).modelName(),
          scores.get(7).modelName()));
      assertEquals(30.0, scores.get(7).score());
      // fit: enterprise 20 + big 15, capped at 30; engagement: a1's 30
      assertEquals(new AccountScore("acme", 60, 60, 30, 30, "target", 1),
          driver.createOutputTopic("account-scores", Serdes.String().deserializer(),
              ScoringSerdes.accountScore().deserializer()).readKeyValuesToMap().get("acme"));
      assertEquals("cold -> target", driver.createOutputTopic("account-tier-changes",
          Serdes.String().deserializer(), ScoringSerdes.accountTierChange().deserializer())
          .readValuesToList().stream().map(c -> c.previousTier() + " -> " + c.currentTier())
          .reduce((a, b) -> b).orElseThrow());
    }
  }

  @Test
  void theRepartitionTopicAndTheStores_haveTheDocumentedNames() {
    ModelSet set = ModelSet.of(AccountTopologyTest.b2b());
    TopologyDescription d = AccountsApp.topology(ModelSet.builder("s").add(set.tables().get(0))
        .build()).describe();
    String text = d.toString();
    assertTrue(text.contains("scoring-accounts-repartition"), text);
    assertTrue(text.contains("stores: [scoring-contacts]"), text);
    assertTrue(text.contains("stores: [scoring-accounts-members, scoring-accounts]"), text);
  }

  @Test
  void docsShowTheExampleVerbatim() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/dev/scoring/kafka/streams/AccountsApp.java"));
    String snippet = source.substring(source.indexOf("// docs:kafka-accounts\n") + 23,
        source.indexOf("// docs:end"));
    String page = Files.readString(Path.of("..", "docs", "kafka-streams.md"));
    assertTrue(page.contains("```java\n" + snippet + "```\n"),
        "docs/kafka-streams.md must show AccountsApp verbatim");
  }
}
