package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.ModelSetJson;
import dev.scoring.core.json.ScoreLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code score --model} with a model set (SPEC section 11): one line per contact with every
 * table's result, each bit for bit {@code set.score(contact, asOf)}; a set of one table
 * writes the single-table lines.
 */
class ScoreSetTest {
  static final String AS_OF = ScoreCommandTest.AS_OF;
  static final String WEB = """
      {"name":"web","version":"1",
       "behavioral":[{"id":"pricing","event":"pricing_page_visit","points":4}],
       "tiers":[{"name":"hot","atLeast":8}]}
      """;
  static final String SET = "{\"name\":\"acme\",\"version\":\"4\",\"tables\":["
      + ScoreCommandTest.MODEL + "," + WEB + "]}";

  @TempDir
  Path dir;

  @Test
  void set_writesEveryTablesScoreInOneLine() throws IOException {
    Path set = Files.writeString(dir.resolve("acme.json"), SET);
    Path contacts = Files.writeString(dir.resolve("c.ndjson"), ScoreCommandTest.CONTACTS);
    String fp = ModelSetJson.read(set).fingerprint();

    Cli r = Cli.run("score", "--model", set.toString(), "--contacts", contacts.toString(),
        "--as-of", AS_OF);

    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    String tail = "},\"model\":{\"name\":\"acme\",\"version\":\"4\",\"fingerprint\":\"" + fp
        + "\"},\"asOf\":\"" + AS_OF + "\"}\n";
    assertThat(r.out()).isEqualTo(
        "{\"id\":\"c-1\",\"scores\":{"
            + "\"small\":{\"score\":17.5,\"raw\":17.5,\"fit\":5.5,\"engagement\":12,"
            + "\"tier\":\"MQL\"},"
            + "\"web\":{\"score\":8,\"raw\":8,\"fit\":0,\"engagement\":8,\"tier\":\"hot\"}"
            + tail
            + "{\"id\":\"c-2\",\"scores\":{"
            + "\"small\":{\"score\":0,\"raw\":-15,\"fit\":0,\"engagement\":-15,"
            + "\"tier\":\"unqualified\"},"
            + "\"web\":{\"score\":0,\"raw\":0,\"fit\":0,\"engagement\":0,"
            + "\"tier\":\"unqualified\"}" + tail
            + "{\"id\":\"c-3\",\"scores\":{"
            + "\"small\":{\"score\":0,\"raw\":0,\"fit\":0,\"engagement\":0,"
            + "\"tier\":\"unqualified\"},"
            + "\"web\":{\"score\":0,\"raw\":0,\"fit\":0,\"engagement\":0,"
            + "\"tier\":\"unqualified\"}" + tail);
    assertThat(r.err()).contains("scored 3 contacts (1 bad lines skipped)");
    assertThat(r.err()).contains("tiers small {unqualified=2, MQL=1}, web {unqualified=2,"
        + " hot=1}");

    Cli csv = Cli.run("score", "--model", set.toString(), "--contacts", contacts.toString(),
        "--as-of", AS_OF, "--format", "csv", "--trend", "30");
    assertThat(csv.out()).isEqualTo("""
        id,small.score,small.raw,small.fit,small.engagement,small.tier,small.trend30,\
        web.score,web.raw,web.fit,web.engagement,web.tier,web.trend30
        c-1,17.5,17.5,5.5,12,MQL,12,8,8,0,8,hot,8
        c-2,0,-15,0,-15,unqualified,0,0,0,0,0,unqualified,0
        c-3,0,0,0,0,unqualified,0,0,0,0,0,unqualified,0
        """);
  }

  /** The acceptance property for sets: every table's numbers are set.score's bits. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void set_onAFileEqualsSetScoreBitForBit(int threads) throws IOException {
    ModelSet set = ModelSet.builder("pair").version("7")
        .add(ScoreFileProperties.MODELS.get(0)).add(ScoreFileProperties.MODELS.get(1)).build();
    Path model = dir.resolve("pair.json");
    ModelSetJson.write(set, model);
    Instant asOf = Instant.parse(AS_OF);
    List<Contact> population = ExampleContacts.generate(1200, 5, asOf);
    List<String> lines = new ArrayList<>();
    for (Contact c : population) {
      lines.add(ContactJson.toJson(c));
    }
    Path contacts = Files.write(dir.resolve("p.ndjson"), lines);

    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", contacts.toString(),
        "--as-of", AS_OF, "--threads", Integer.toString(threads), "--block-bytes", "20000");
    Cli trend = Cli.run("score", "--model", model.toString(), "--contacts",
        contacts.toString(), "--as-of", AS_OF, "--threads", Integer.toString(threads),
        "--block-bytes", "20000", "--trend", "7", "--explain");

    assertThat(r.exit()).as(r.err()).isEqualTo(Exit.OK);
    assertThat(trend.exit()).as(trend.err()).isEqualTo(Exit.OK);
    List<String> out = r.out().lines().toList();
    List<String> explained = trend.out().lines().toList();
    assertThat(out).hasSize(population.size());
    assertThat(explained).hasSize(population.size());
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < population.size(); i++) {
      Contact c = population.get(i);
      JsonNode line = json.readTree(out.get(i));
      JsonNode withTrend = json.readTree(explained.get(i));
      assertThat(line.get("id").asText()).isEqualTo(c.id());
      assertThat(line.get("model").toString()).isEqualTo("{\"name\":\"pair\",\"version\":\"7\","
          + "\"fingerprint\":\"" + set.fingerprint() + "\"}");
      assertThat(line.get("asOf").asText()).isEqualTo(AS_OF);
      Map<String, Score> expected = set.score(c, asOf);
      assertThat(line.get("scores").size()).isEqualTo(2);
      for (ScoringTable table : set.tables()) {
        Score s = expected.get(table.name());
        for (JsonNode node : List.of(line.get("scores").get(table.name()),
            withTrend.get("scores").get(table.name()))) {
          assertThat(bits(node.get("score"))).as("%s %s", c.id(), table.name())
              .isEqualTo(Double.doubleToRawLongBits(s.score()));
          assertThat(bits(node.get("raw"))).isEqualTo(Double.doubleToRawLongBits(s.raw()));
          assertThat(bits(node.get("fit"))).isEqualTo(Double.doubleToRawLongBits(s.fit()));
          assertThat(bits(node.get("engagement")))
              .isEqualTo(Double.doubleToRawLongBits(s.engagement()));
          assertThat(node.get("tier").asText()).isEqualTo(s.tier());
        }
        JsonNode t = withTrend.get("scores").get(table.name());
        assertThat(bits(t.get("trend7")))
            .isEqualTo(Double.doubleToRawLongBits(table.trend(c, asOf, 7)));
        JsonNode library = json.readTree(ScoreLines.toJson(c.id(), s, table.fingerprint(),
            table.explain(c, asOf)));
        assertThat(t.get("explanation")).isEqualTo(library.get("explanation"));
      }
    }
  }

  @Test
  void set_ofOneTableWritesTheTablesOwnLines() throws IOException {
    Path table = Files.writeString(dir.resolve("small.json"), ScoreCommandTest.MODEL);
    Path one = Files.writeString(dir.resolve("one.json"), "{\"name\":\"solo\",\"tables\":["
        + ScoreCommandTest.MODEL + "]}");
    Path contacts = Files.writeString(dir.resolve("c.ndjson"), ScoreCommandTest.CONTACTS);
    for (String format : List.of("ndjson", "csv")) {
      Cli fromTable = Cli.run("score", "--model", table.toString(), "--contacts",
          contacts.toString(), "--as-of", AS_OF, "--format", format);
      Cli fromSet = Cli.run("score", "--model", one.toString(), "--contacts",
          contacts.toString(), "--as-of", AS_OF, "--format", format);
      assertThat(fromSet.out()).isEqualTo(fromTable.out());
      assertThat(fromSet.out()).contains("17.5");
    }
  }

  private static long bits(JsonNode number) {
    return Double.doubleToRawLongBits(number.doubleValue());
  }
}
