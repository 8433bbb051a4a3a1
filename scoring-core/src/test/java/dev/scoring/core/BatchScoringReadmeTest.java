package dev.scoring.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.core.examples.ExampleModels;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of the guide page {@code docs/batch.md}, run as written; the page must show it. */
class BatchScoringReadmeTest {
  static final String NDJSON = """
      {"id":"c-1","attributes":{"age":29,"sector":"Technology"},"events":[{"type":"demo_request","at":"2026-11-21T09:00:00Z"}]}
      {"id":"c-2","attributes":{"age":51},"events":[{"type":"webinar","at":"2026-11-20T15:30:00Z"},{"type":"white_paper_download","at":"2026-11-20T16:00:00Z"}]}
      {"id":"c-3","events":[{"type":"unsubscribe","at":"2026-06-01T08:00:00Z"}]}
      """;

  @Test
  void readmeExample() {
    InputStream in = new ByteArrayInputStream(NDJSON.getBytes(StandardCharsets.UTF_8));
    // readme:batch
    ContactTable table = ContactTable.fromNdjson(in);              // or ContactTable.of(contacts)
    Instant asOf = Instant.parse("2026-11-22T12:00:00Z");
    BatchScores scores = BatchScorer.of(ExampleModels.seed()).score(table, asOf); // all cores
    Map<String, Long> tiers = scores.tierCountsByName();          // {unqualified=3, MQL=0, SQL=0}
    for (int i : scores.topK(2)) {                                // best first, no full sort
      System.out.println(table.id(i) + " " + scores.score(i) + " " + scores.tier(i));
    }
    // readme:end
    assertEquals(Map.of("unqualified", 3L, "MQL", 0L, "SQL", 0L), tiers);
    assertArrayEquals(new int[] {1, 0}, scores.topK(2));
    // c-2: age 51 (1) + webinar 7 + white paper 10, both one day old: 1 + 17 * 0.5^(1/30)
    assertEquals(1 + 7 * Math.pow(0.5, 1 / 30.0) + 10 * Math.pow(0.5, 1 / 30.0),
        scores.score(1), 1e-12);
    // c-1: 3 + 3 + 9 * 0.5^(1/30)
    assertEquals(6 + 9 * Math.pow(0.5, 1 / 30.0), scores.score(0), 1e-12);
    // c-3: unsubscribed and inactive: clamped to 0
    assertEquals(0.0, scores.score(2));
  }

  @Test
  void theGuideShowsThisExampleVerbatim() throws java.io.IOException {
    String source = java.nio.file.Files.readString(
        java.nio.file.Path.of("src/test/java/dev/scoring/core/BatchScoringReadmeTest.java"));
    var snippets = ReadmeSnippets.between(source, "// readme:", "// readme:end");
    org.assertj.core.api.Assertions.assertThat(snippets).hasSize(1);
    org.assertj.core.api.Assertions.assertThat(ReadmeSnippets.docPage("batch.md"))
        .contains(snippets.get(0));
  }
}
