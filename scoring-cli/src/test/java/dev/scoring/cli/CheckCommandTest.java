package dev.scoring.cli;

import static dev.scoring.core.Condition.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scoring.core.analysis.ModelAnalysis;
import dev.scoring.core.examples.ExampleModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoring check}: the former ModelCheck, and the coverage of a contacts sample. */
class CheckCommandTest {
  @TempDir
  Path dir;

  Path seed;
  Path broken;
  Path suspect;

  void models() throws IOException {
    seed = Files.writeString(dir.resolve("seed.json"), ExampleModels.seedJson());
    broken = Files.writeString(dir.resolve("broken.json"), "{\"name\": \"x\", \"behavioral\":"
        + " [{\"id\": \"a\", \"event\": \"e\", \"points\": 0}]}");
    suspect = Files.writeString(dir.resolve("suspect.json"), ExampleModels.seed().toBuilder()
        .demographic("tech-again", attribute("sector").equalToIgnoreCase("technology"), 1)
        .build().toJson());
  }

  @Test
  void check_cleanModelExitsZeroAndPrintsTheAnalysis() throws IOException {
    models();
    Cli r = Cli.run("check", seed.toString());
    assertThat(r.exit()).isEqualTo(Exit.OK);
    assertThat(r.out()).isEqualTo("== " + seed + "\n"
        + ModelAnalysis.of(ExampleModels.seed()).report());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void check_findingsExitOneAndAModelThatDoesNotLoadExitsThree() throws IOException {
    models();
    Cli suspicious = Cli.run("check", seed.toString(), suspect.toString());
    assertThat(suspicious.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(suspicious.out()).contains("== " + suspect, "tech-again");

    Cli bad = Cli.run("check", seed.toString(), suspect.toString(), broken.toString());
    assertThat(bad.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(bad.out()).contains("== " + broken + "\ndoes not load: " + broken
        + ": behavioral[0].points must be finite and non-zero, but was 0\n");
  }

  @Test
  void check_helpIsNotAFileAndNoFileIsUsage() {
    Cli help = Cli.run("check", "--help");
    assertThat(help.exit()).isEqualTo(Exit.OK);
    assertThat(help.out()).startsWith("Usage: scoring check ");
    assertThat(Cli.run("check").exit()).isEqualTo(Exit.USAGE);
  }

  @Test
  void check_jsonForCi() throws IOException {
    models();
    Cli r = Cli.run("check", "--json", seed.toString(), suspect.toString(), broken.toString());
    assertThat(r.exit()).isEqualTo(Exit.BAD_INPUT);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("status").asInt()).isEqualTo(Exit.BAD_INPUT);
    assertThat(doc.get("models")).hasSize(3);
    assertThat(doc.get("models").get(0).get("loads").asBoolean()).isTrue();
    assertThat(doc.get("models").get(0).get("findings")).isEmpty();
    assertThat(doc.get("models").get(1).get("findings").get(0).get("subject").asText())
        .isEqualTo("tech-again");
    assertThat(doc.get("models").get(2).get("loads").asBoolean()).isFalse();
    assertThat(doc.get("models").get(2).get("error").asText()).isEqualTo(broken
        + ": behavioral[0].points must be finite and non-zero, but was 0");
  }

  @Test
  void check_coverageNamesUnmatchedRulesAndTheClosestNameOfUnreadOnes() throws IOException {
    Path model = Files.writeString(dir.resolve("m.json"), ScoreCommandTest.MODEL);
    Path contacts = Files.writeString(dir.resolve("sample.ndjson"), """
        {"id":"a","attributes":{"age":29,"sectr":"technology"},"events":[{"type":"webinar","at":"2026-11-01T00:00:00Z"}]}
        {"id":"b","attributes":{"age":31,"country":"NL"},"events":[{"type":"pricing_pag_visit","at":"2026-11-01T00:00:00Z"},{"type":"page_view","at":"2026-11-01T00:00:00Z"}]}
        """);
    Cli r = Cli.run("check", model.toString(), "--contacts", contacts.toString(), "--as-of",
        ScoreCommandTest.AS_OF);

    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.out()).endsWith("coverage of " + contacts + " (2 contacts, as of "
        + ScoreCommandTest.AS_OF + ")\n"
        + "  rules that never matched: tech, pricing, unsubscribe\n"
        + "  attributes no rule reads:\n"
        + "    \"country\" (1 contact), closest rule attribute \"sector\"\n"
        + "    \"sectr\" (1 contact), closest rule attribute \"sector\": likely a typo\n"
        + "  event types no rule reads:\n"
        + "    \"page_view\" (1 contact), closest rule event type \"webinar\"\n"
        + "    \"pricing_pag_visit\" (1 contact), closest rule event type"
        + " \"pricing_page_visit\": likely a typo\n");

    JsonNode doc = new ObjectMapper().readTree(Cli.run("check", model.toString(), "--contacts",
        contacts.toString(), "--as-of", ScoreCommandTest.AS_OF, "--json").out());
    JsonNode coverage = doc.get("models").get(0).get("coverage");
    assertThat(coverage.get("unmatchedRules").toString())
        .isEqualTo("[\"tech\",\"pricing\",\"unsubscribe\"]");
    assertThat(coverage.get("unreadAttributes").get(1).toString()).isEqualTo(
        "{\"name\":\"sectr\",\"contacts\":1,\"closest\":\"sector\",\"distance\":1,"
            + "\"likelyTypo\":true}");
  }

  @Test
  void check_fullCoverageIsClean() throws IOException {
    Path model = Files.writeString(dir.resolve("m.json"), ScoreCommandTest.MODEL);
    Path contacts = Files.writeString(dir.resolve("sample.ndjson"), """
        {"id":"a","attributes":{"age":29,"sector":"technology"},"events":[{"type":"webinar","at":"2026-11-01T00:00:00Z"},{"type":"pricing_page_visit","at":"2026-11-01T00:00:00Z"}]}
        {"id":"b","events":[{"type":"unsubscribe","at":"2026-11-01T00:00:00Z"}]}
        """);
    Cli r = Cli.run("check", model.toString(), "--contacts", contacts.toString(), "--as-of",
        ScoreCommandTest.AS_OF);
    assertThat(r.exit()).isEqualTo(Exit.OK);
    assertThat(r.out()).endsWith("  rules that never matched: none\n"
        + "  attributes no rule reads: none\n  event types no rule reads: none\n");
  }

  @Test
  void likelyTypos() {
    assertThat(Coverage.isLikelyTypo("sectr", "sector")).isTrue();
    assertThat(Coverage.isLikelyTypo("Sector", "sector")).isTrue();
    assertThat(Coverage.isLikelyTypo("sector", "sector")).isFalse();
    assertThat(Coverage.isLikelyTypo("country", "age")).isFalse();
    assertThat(Coverage.isLikelyTypo("page_view", "webinar")).isFalse();
    assertThat(Coverage.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Coverage.distance("", "abc")).isEqualTo(3);
  }
}
