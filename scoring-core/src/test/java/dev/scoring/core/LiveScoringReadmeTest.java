package dev.scoring.core;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.live.LiveScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The README's "Live scoring" example: the code between the {@code readme:} markers below is
 * what the README shows (the test checks the README still contains it verbatim), and it runs
 * here.
 */
class LiveScoringReadmeTest {

  @Test
  void listenerReactsToAContactBecomingSql() {
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    // readme:live-scoring
    ScoringTable model = ScoringTable.builder("leads")
        .decay(Decay.halfLife(30))
        .demographic("exec", attribute("title").equalTo("exec"), 20)
        .behavioral("demo", on("demo_request"), 40)
        .behavioral("visit", on("page_view"), 10)
        .tier("MQL", 60).tier("SQL", 80)
        .build();

    List<String> salesQueue = new CopyOnWriteArrayList<>();
    LiveScorer scorer = LiveScorer.builder(model)
        .clock(clock)
        .listener(change -> {
          if (change.currentTier().equals("SQL")) {
            salesQueue.add(change.contactId() + " (" + change.previousTier() + " -> SQL after "
                + change.event().map(Event::type).orElse(change.cause().toString()) + ")");
          }
        })
        .build();

    scorer.upsert(Contact.builder("c-17").attribute("title", "exec").build()); // 20
    scorer.record("c-17", Event.of("demo_request", now));                      // 60: MQL
    scorer.record("c-17", Event.of("page_view", now));                         // 70
    Score score = scorer.record("c-17", Event.of("page_view", now));           // 80: SQL

    assertEquals(80.0, score.score());
    assertEquals(List.of("c-17 (MQL -> SQL after page_view)"), salesQueue);
    // readme:end
  }

  @Test
  void readmeShowsThisExampleVerbatim() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String source = Files.readString(
        Path.of("src/test/java/dev/scoring/core/LiveScoringReadmeTest.java"));
    var snippets = ReadmeSnippets.between(source, "// readme:", "// readme:end");
    assertThat(snippets).hasSize(1);
    assertThat(readme).contains(snippets.get(0));
  }
}
