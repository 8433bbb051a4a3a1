package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Contact;
import dev.scoring.api.ModelException;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the guide page {@code docs/model-files.md}, run here. The regions between
 * {@code // readme:<name>} and {@code // end} in this file, and the text blocks named
 * below, must appear verbatim in that page, so it never shows code that does not compile
 * or run.
 */
class ReadmeExamplesTest {
  static final String MODEL_FILE = """
      {
        "name": "b2b-leads", "version": "3",
        "decay": {"type": "halfLife", "days": 30},
        "demographic": [
          {"id": "age-25-34", "attribute": "age", "between": [25, 34], "points": 3},
          {"id": "tech", "attribute": "sector", "equals": "tech", "ignoreCase": true, "points": 3}
        ],
        "behavioral": [
          {"id": "demo", "event": "demo_request", "points": 9},
          {"id": "pricing", "event": "pricing_page_visit", "points": 5, "maxOccurrences": 3}
        ],
        "negative": [
          {"id": "unsub", "event": "unsubscribe", "points": -15},
          {"id": "dormant", "inactiveDays": 90, "points": -10}
        ],
        "tiers": [{"name": "MQL", "atLeast": 60}, {"name": "SQL", "atLeast": 80}]
      }
      """;

  static final String CONTACTS = """
      {"id":"c-17","attributes":{"age":29,"sector":"Tech"},"events":[{"type":"demo_request","at":"2026-11-22T09:00:00Z"},{"type":"pricing_page_visit","at":"2026-10-23T12:00:00Z"}]}
      {"id":"c-18","events":[{"type":"demo_request","at":"last week"}]}
      """;

  static final String BROKEN_FILE = """
      {
        "name": "b2b-leads",
        "behavioral": [
          {"id": "demo", "event": "demo_request", "points": 9},
          {"id": "pricing", "event": "pricing_page_visit", "points": 0}
        ]
      }
      """;

  static final String BROKEN_MESSAGE =
      "behavioral[1].points must be finite and non-zero, but was 0";

  static final String TYPO_MESSAGE = "behavioral[0].maxOccurences must be a field of a"
      + " behavioral rule (id, event, withinDays, maxOccurrences, minValue, decays, points),"
      + " but was unknown (did you mean maxOccurrences?)";

  @Test
  void loadAndScore(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b2b-leads.json"), MODEL_FILE);
    Path modelFile = dir.resolve("b2b-leads.json");
    // readme:load
    ScoringTable model = ModelJson.read(modelFile);
    Contact contact = ContactJson.defaults().read("""
        {"id":"c-17","attributes":{"age":29,"sector":"Tech"},
         "events":[{"type":"demo_request","at":"2026-11-22T09:00:00Z"},
                   {"type":"pricing_page_visit","at":"2026-10-23T12:00:00Z"}]}
        """);
    Score score = model.score(contact, Instant.parse("2026-11-22T12:00:00Z"));
    // score.score() == 17.5: fit 3 + 3, engagement 9 + 5 * 0.5 (30 days, half-life 30)
    // end
    assertEquals(17.5, score.score());
    assertEquals(6.0, score.fit());
    assertEquals(11.5, score.engagement());
    assertEquals("unqualified", score.tier());
  }

  @Test
  void scoreAFile(@TempDir Path dir) throws IOException {
    ScoringTable model = ModelJson.parse(MODEL_FILE);
    Path contactsFile = dir.resolve("contacts.ndjson");
    Files.writeString(contactsFile, CONTACTS);
    Path scoresFile = dir.resolve("scores.ndjson");
    Instant asOf = Instant.parse("2026-11-22T12:00:00Z");
    List<BadLine> bad = new ArrayList<>();
    try (ContactLines contacts = ContactJson.defaults().lines(contactsFile, bad::add);
         ScoreLines scores = ScoreLines.to(Files.newBufferedWriter(scoresFile), model, false)) {
      while (contacts.hasNext()) {
        scores.write(contacts.next(), asOf);
      }
    }
    assertEquals(List.of("{\"id\":\"c-17\",\"score\":17.5,\"raw\":17.5,\"fit\":6,"
        + "\"engagement\":11.5,\"tier\":\"unqualified\",\"model\":{\"name\":\"b2b-leads\","
        + "\"version\":\"3\",\"fingerprint\":\"" + model.fingerprint() + "\"},"
        + "\"asOf\":\"2026-11-22T12:00:00Z\"}"), Files.readAllLines(scoresFile));
    assertEquals(List.of(new BadLine(2, "events[0].at", "line 2: events[0].at must be an"
        + " ISO-8601 instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z,"
        + " but was \"last week\"")), bad);
  }

  @Test
  void explainedScoreLine() {
    ScoringTable model = ModelJson.parse(MODEL_FILE);
    Contact contact = ContactJson.defaults().read(CONTACTS.lines().findFirst().orElseThrow());
    Instant asOf = Instant.parse("2026-11-22T12:00:00Z");
    String line = ScoreLines.toJson(contact.id(), model.score(contact, asOf),
        model.fingerprint(), model.explain(contact, asOf));
    assertEquals("{\"id\":\"c-17\",\"score\":17.5,\"raw\":17.5,\"fit\":6,\"engagement\":11.5,"
        + "\"tier\":\"unqualified\",\"model\":{\"name\":\"b2b-leads\",\"version\":\"3\","
        + "\"fingerprint\":\"" + model.fingerprint() + "\"},\"asOf\":\"2026-11-22T12:00:00Z\","
        + "\"explanation\":["
        + "{\"kind\":\"demographic\",\"id\":\"age-25-34\",\"occurrences\":1,\"points\":3},"
        + "{\"kind\":\"demographic\",\"id\":\"tech\",\"occurrences\":1,\"points\":3},"
        + "{\"kind\":\"behavioral\",\"id\":\"demo\",\"occurrences\":1,\"points\":9},"
        + "{\"kind\":\"behavioral\",\"id\":\"pricing\",\"occurrences\":1,\"points\":2.5}]}",
        line);
  }

  @Test
  void errors() {
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(BROKEN_FILE));
    assertEquals(BROKEN_MESSAGE, e.getMessage());
    assertEquals("behavioral[1].points", e.path());
    ModelException typo = assertThrows(ModelException.class, () -> ModelJson.parse(
        "{\"name\":\"b2b-leads\",\"behavioral\":[{\"id\":\"pricing\","
            + "\"event\":\"pricing_page_visit\",\"points\":5,\"maxOccurences\":3}]}"));
    assertEquals(TYPO_MESSAGE, typo.getMessage());
  }

  @Test
  void seed() {
    // readme:seed
    ScoringTable seed = ExampleModels.seed(); // the seed-b2b model
    String fingerprint = seed.fingerprint(); // SHA-256 of seed.toJson(), the canonical form
    // end
    assertEquals(64, fingerprint.length());
  }

  @Test
  void readmeShowsTheseExamplesVerbatim() throws IOException {
    Path readme = Path.of(System.getProperty("user.dir")).resolve("../docs/model-files.md").normalize();
    Path self = Path.of("src/test/java/dev/scoring/core/json/ReadmeExamplesTest.java");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(readme) && Files.exists(self),
        "docs/model-files.md or this test's source is not where a Maven build puts them");
    String text = Files.readString(readme);
    String source = Files.readString(self);
    Matcher m = Pattern.compile("\\n([ \\t]*)// readme:(\\w+)\\n(.*?)\\n[ \\t]*// end\\n",
        Pattern.DOTALL).matcher(source);
    int regions = 0;
    while (m.find()) {
      String indent = m.group(1);
      String code = m.group(3).lines().map(l -> l.startsWith(indent)
          ? l.substring(indent.length()) : l).reduce((a, b) -> a + "\n" + b).orElse("");
      assertTrue(text.contains(code), "docs/model-files.md must show region " + m.group(2) + ":\n" + code);
      regions++;
    }
    assertEquals(2, regions);
    assertTrue(text.contains(MODEL_FILE), "docs/model-files.md must show the model file");
    assertTrue(text.contains(BROKEN_FILE), "docs/model-files.md must show the broken file");
    assertTrue(text.contains(BROKEN_MESSAGE), "docs/model-files.md must show the error");
    assertTrue(text.contains(TYPO_MESSAGE), "docs/model-files.md must show the typo error");
  }
}
