package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.ScoreLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreCommandTest {
  static final String AS_OF = "2026-11-30T00:00:00Z";
  /** No decay, so every score below is exact by hand. */
  static final String MODEL = """
      {"name":"small","version":"2",
       "demographic":[
         {"id":"age-25-34","attribute":"age","between":[25,34],"points":3},
         {"id":"tech","attribute":"sector","equals":"technology","ignoreCase":true,"points":2.5}],
       "behavioral":[
         {"id":"webinar","event":"webinar","points":7},
         {"id":"pricing","event":"pricing_page_visit","points":5,"maxOccurrences":1}],
       "negative":[{"id":"unsubscribe","event":"unsubscribe","points":-15}],
       "tiers":[{"name":"MQL","atLeast":10}]}
      """;
  static final String CONTACTS = """
      {"id":"c-1","attributes":{"age":29,"sector":"Technology"},"events":[{"type":"webinar","at":"2026-11-01T00:00:00Z"},{"type":"pricing_page_visit","at":"2026-11-02T00:00:00Z"},{"type":"pricing_page_visit","at":"2026-11-03T00:00:00Z"}]}
      {"id":"c-2","attributes":{"age":"40"},"events":[{"type":"unsubscribe","at":"2026-10-01T00:00:00Z"}]}
      {"id":"c-bad","events":[{"type":"webinar","at":"yesterday"}]}

      {"id":"c-3","events":[{"type":"webinar","at":"2026-12-01T00:00:00Z"}]}
      """;

  @TempDir
  Path dir;

  Path model;
  Path contacts;

  void smallFiles() throws IOException {
    model = Files.writeString(dir.resolve("small.json"), MODEL);
    contacts = Files.writeString(dir.resolve("c.ndjson"), CONTACTS);
  }

  @Test
  void score_writesExactNdjsonScoresAndReportsTheBadLine() throws IOException {
    smallFiles();
    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", contacts.toString(),
        "--as-of", AS_OF);

    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    String fp = ScoreCommand.loadModel(model).fingerprint();
    String tail = ",\"model\":{\"name\":\"small\",\"version\":\"2\",\"fingerprint\":\"" + fp
        + "\"},\"asOf\":\"" + AS_OF + "\"}\n";
    assertThat(r.out()).isEqualTo(
        "{\"id\":\"c-1\",\"score\":17.5,\"raw\":17.5,\"fit\":5.5,\"engagement\":12,\"tier\":\"MQL\""
            + tail
            + "{\"id\":\"c-2\",\"score\":0,\"raw\":-15,\"fit\":0,\"engagement\":-15,"
            + "\"tier\":\"unqualified\"" + tail
            + "{\"id\":\"c-3\",\"score\":0,\"raw\":0,\"fit\":0,\"engagement\":0,"
            + "\"tier\":\"unqualified\"" + tail);
    assertThat(r.err()).startsWith(contacts + ": line 3: events[0].at must be an ISO-8601"
        + " instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z, but was"
        + " \"yesterday\"\n");
    assertThat(r.err()).contains("scored 3 contacts (1 bad lines skipped)");
  }

  @Test
  void score_writesCsvToAGzipFile() throws IOException {
    smallFiles();
    Path out = dir.resolve("s.csv.gz");
    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", contacts.toString(),
        "--as-of", AS_OF, "--out", out.toString());

    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.out()).isEmpty();
    assertThat(gunzip(out)).isEqualTo("""
        id,score,raw,fit,engagement,tier
        c-1,17.5,17.5,5.5,12,MQL
        c-2,0,-15,0,-15,unqualified
        c-3,0,0,0,0,unqualified
        """);
  }

  @Test
  void score_csvQuotesIdsThatNeedItAndKeepsNonAsciiIds() throws IOException {
    smallFiles();
    Files.writeString(contacts, """
        {"id":"a,\\"b\\"","attributes":{"age":30}}
        {"id":"é-1 ✓","attributes":{"age":20}}
        {"id":"한-1","attributes":{"age":20}}
        {"id":"s\\uD800","attributes":{"age":20}}
        {"id":"p-1","attributes":{"age":20}}
        """);
    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", contacts.toString(),
        "--as-of", AS_OF, "--format", "csv");
    assertThat(r.exit()).isEqualTo(Exit.OK);
    // an unpaired surrogate is written as '?', as String.getBytes writes it
    assertThat(r.out()).isEqualTo("""
        id,score,raw,fit,engagement,tier
        "a,""b\"\"",3,3,3,0,unqualified
        é-1 ✓,0,0,0,0,unqualified
        한-1,0,0,0,0,unqualified
        s?,0,0,0,0,unqualified
        p-1,0,0,0,0,unqualified
        """);
  }

  @Test
  void score_readsGzipContactsAndExplains() throws IOException {
    smallFiles();
    Path gz = dir.resolve("c.ndjson.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(CONTACTS.getBytes(StandardCharsets.UTF_8));
    }
    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", gz.toString(),
        "--as-of", AS_OF, "--explain");

    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.out().lines().findFirst().orElseThrow()).endsWith(",\"explanation\":["
        + "{\"kind\":\"demographic\",\"id\":\"age-25-34\",\"occurrences\":1,\"points\":3},"
        + "{\"kind\":\"demographic\",\"id\":\"tech\",\"occurrences\":1,\"points\":2.5},"
        + "{\"kind\":\"behavioral\",\"id\":\"webinar\",\"occurrences\":1,\"points\":7},"
        + "{\"kind\":\"behavioral\",\"id\":\"pricing\",\"occurrences\":1,\"points\":5}]}");
    assertThat(r.err()).contains(gz + ": line 3: events[0].at");
  }

  @Test
  void score_readsGzipContactsFromStandardInput() throws IOException {
    smallFiles();
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(gz)) {
      o.write(CONTACTS.getBytes(StandardCharsets.UTF_8));
    }
    Cli r = Cli.withInput(gz.toByteArray(), "score", "--model", model.toString(),
        "--contacts", "-", "--as-of", AS_OF, "--format", "csv");
    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.out()).isEqualTo("""
        id,score,raw,fit,engagement,tier
        c-1,17.5,17.5,5.5,12,MQL
        c-2,0,-15,0,-15,unqualified
        c-3,0,0,0,0,unqualified
        """);
    assertThat(r.err()).startsWith("stdin: line 3: events[0].at must be");
  }

  @Test
  void score_withoutBadLinesExitsZero() throws IOException {
    smallFiles();
    Files.writeString(contacts, CONTACTS.lines().filter(l -> !l.contains("c-bad"))
        .reduce("", (a, b) -> a + b + "\n"));
    Path bad = dir.resolve("bad.txt");
    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", contacts.toString(),
        "--as-of", AS_OF, "--format", "csv", "--bad-lines", bad.toString());

    assertThat(r.exit()).isEqualTo(Exit.OK);
    assertThat(r.out()).startsWith("id,score,raw,fit,engagement,tier\nc-1,17.5,");
    assertThat(Files.readString(bad)).isEmpty();
  }

  @Test
  void score_badLinesFileHoldsEveryBadLine() throws IOException {
    smallFiles();
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      text.append("{\"id\":\"x").append(i).append("\",\"nope\":1}\n");
    }
    Files.writeString(contacts, text);
    Path bad = dir.resolve("bad.txt");
    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", contacts.toString(),
        "--as-of", AS_OF, "--bad-lines", bad.toString());

    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(Files.readAllLines(bad)).hasSize(30);
    assertThat(Files.readAllLines(bad).get(29)).startsWith(contacts + ": line 30: ");
    assertThat(r.err().lines().filter(l -> l.startsWith(contacts + ": line "))).hasSize(20);
    assertThat(r.err()).contains("... 10 more bad lines not shown (30 in all)");
  }

  @Test
  void score_usageAndInputErrors() throws IOException {
    smallFiles();
    assertThat(Cli.run("score", "--model", model.toString(), "--as-of", AS_OF).exit())
        .isEqualTo(Exit.USAGE);
    assertThat(Cli.run("score", "--model", model.toString(), "--contacts",
        contacts.toString()).exit()).isEqualTo(Exit.USAGE);
    assertThat(Cli.run("score", "--model", model.toString(), "--contacts",
        contacts.toString(), "--as-of", "yesterday").exit()).isEqualTo(Exit.USAGE);
    Cli csvExplain = Cli.run("score", "--model", model.toString(), "--contacts",
        contacts.toString(), "--as-of", AS_OF, "--format", "csv", "--explain");
    assertThat(csvExplain.exit()).isEqualTo(Exit.USAGE);
    assertThat(csvExplain.err())
        .contains("--explain must come with --format ndjson, but was csv");

    Cli missing = Cli.run("score", "--model", model.toString(), "--contacts",
        dir.resolve("none.ndjson").toString(), "--as-of", AS_OF);
    assertThat(missing.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(missing.err()).isEqualTo("error: contacts file must exist, but was "
        + dir.resolve("none.ndjson") + " (not found)\n");

    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"name\":\"x\","
        + "\"behavioral\":[{\"id\":\"a\",\"event\":\"e\",\"points\":0}]}");
    Cli badModel = Cli.run("score", "--model", broken.toString(), "--contacts",
        contacts.toString(), "--as-of", AS_OF);
    assertThat(badModel.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(badModel.err()).isEqualTo("error: " + broken
        + ": behavioral[0].points must be finite and non-zero, but was 0\n");
    assertThat(badModel.out()).isEmpty();

    // The model loads while the contacts are read, but its errors still come first: with a
    // missing contacts file too, and with bad contact lines (none reported, no file made).
    Cli both = Cli.run("score", "--model", broken.toString(), "--contacts",
        dir.resolve("none.ndjson").toString(), "--as-of", AS_OF);
    assertThat(both.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(both.err()).isEqualTo(badModel.err());
    Path badContacts = Files.writeString(dir.resolve("bad.ndjson"), "{\"id\":\"a\"}\nnope\n");
    Path out = dir.resolve("never.csv");
    Path badLines = dir.resolve("never-bad.txt");
    Cli withBadLines = Cli.run("score", "--model", broken.toString(), "--contacts",
        badContacts.toString(), "--as-of", AS_OF, "--out", out.toString(), "--bad-lines",
        badLines.toString());
    assertThat(withBadLines.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(withBadLines.err()).isEqualTo(badModel.err());
    assertThat(out).doesNotExist();
    assertThat(badLines).doesNotExist();
    Cli noBadLinesFile = Cli.run("score", "--model", broken.toString(), "--contacts",
        badContacts.toString(), "--as-of", AS_OF, "--out", out.toString());
    assertThat(noBadLinesFile.err()).isEqualTo(badModel.err());
    assertThat(out).doesNotExist();
  }

  /** The acceptance property: the file path gives model.score's bits, at 1 and 2 threads. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void score_onAFileEqualsModelScoreBitForBit(int threads) throws IOException {
    ScoringTable seed = ExampleModels.seed();
    Instant asOf = Instant.parse(AS_OF);
    List<Contact> population = ExampleContacts.generate(3000, 7, asOf);
    Path file = writeNdjson(population);
    Path modelFile = dir.resolve("seed.json");
    Files.writeString(modelFile, seed.toJson());
    Path out = dir.resolve("scores.ndjson");

    Cli r = Cli.run("score", "--model", modelFile.toString(), "--contacts", file.toString(),
        "--as-of", AS_OF, "--threads", Integer.toString(threads), "--out", out.toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(Exit.OK);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(population.size());
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < population.size(); i++) {
      Contact c = population.get(i);
      Score expected = seed.score(c, asOf);
      JsonNode line = json.readTree(lines.get(i));
      assertThat(line.get("id").asText()).isEqualTo(c.id());
      assertThat(Double.doubleToRawLongBits(line.get("score").doubleValue()))
          .as("score of %s", c.id()).isEqualTo(Double.doubleToRawLongBits(expected.score()));
      assertThat(Double.doubleToRawLongBits(line.get("raw").doubleValue()))
          .isEqualTo(Double.doubleToRawLongBits(expected.raw()));
      assertThat(Double.doubleToRawLongBits(line.get("fit").doubleValue()))
          .isEqualTo(Double.doubleToRawLongBits(expected.fit()));
      assertThat(Double.doubleToRawLongBits(line.get("engagement").doubleValue()))
          .isEqualTo(Double.doubleToRawLongBits(expected.engagement()));
      assertThat(line.get("tier").asText()).isEqualTo(expected.tier());
      // and the line itself is the library's score line, byte for byte
      assertThat(lines.get(i)).isEqualTo(ScoreLines.toJson(c.id(), expected, seed.fingerprint(),
          null));
    }
  }

  @Test
  void score_trendIsTheModelsTrendBitForBit() throws IOException {
    ScoringTable seed = ExampleModels.seed();
    Instant asOf = Instant.parse(AS_OF);
    List<Contact> population = ExampleContacts.generate(400, 3, asOf);
    Path modelFile = Files.writeString(dir.resolve("seed.json"), seed.toJson());
    Path file = writeNdjson(population);

    Cli ndjson = Cli.run("score", "--model", modelFile.toString(), "--contacts",
        file.toString(), "--as-of", AS_OF, "--trend", "7");
    Cli explained = Cli.run("score", "--model", modelFile.toString(), "--contacts",
        file.toString(), "--as-of", AS_OF, "--trend", "7", "--explain");
    Cli csv = Cli.run("score", "--model", modelFile.toString(), "--contacts",
        file.toString(), "--as-of", AS_OF, "--trend", "7", "--format", "csv");

    assertThat(ndjson.exit()).isEqualTo(Exit.OK);
    List<String> lines = ndjson.out().lines().toList();
    List<String> explainedLines = explained.out().lines().toList();
    List<String> rows = csv.out().lines().toList();
    assertThat(rows.get(0)).isEqualTo("id,score,raw,fit,engagement,tier,trend7");
    int rising = 0;
    for (int i = 0; i < population.size(); i++) {
      Contact c = population.get(i);
      double trend = seed.trend(c, asOf, 7);
      rising += trend > 0 ? 1 : 0;
      assertThat(lines.get(i)).isEqualTo(ScoreLines.toJson(c.id(), seed.score(c, asOf),
          seed.fingerprint(), null, 7, trend));
      assertThat(explainedLines.get(i)).isEqualTo(ScoreLines.toJson(c.id(),
          seed.score(c, asOf), seed.fingerprint(), seed.explain(c, asOf), 7, trend));
      String[] f = rows.get(i + 1).split(",");
      assertThat(Double.doubleToRawLongBits(Double.parseDouble(f[6])))
          .isEqualTo(Double.doubleToRawLongBits(trend));
    }
    assertThat(rising).isPositive();
    assertThat(Cli.run("score", "--model", modelFile.toString(), "--contacts",
        file.toString(), "--as-of", AS_OF, "--trend", "0").exit()).isEqualTo(Exit.USAGE);
  }

  @Test
  void score_csvNumbersReadBackToTheSameBits() throws IOException {
    ScoringTable seed = ExampleModels.seed();
    Instant asOf = Instant.parse(AS_OF);
    List<Contact> population = ExampleContacts.generate(500, 11, asOf);
    Path modelFile = Files.writeString(dir.resolve("seed.json"), seed.toJson());
    Cli r = Cli.run("score", "--model", modelFile.toString(), "--contacts",
        writeNdjson(population).toString(), "--as-of", AS_OF, "--format", "csv");

    assertThat(r.exit()).isEqualTo(Exit.OK);
    List<String> rows = r.out().lines().toList();
    assertThat(rows.get(0)).isEqualTo("id,score,raw,fit,engagement,tier");
    for (int i = 0; i < population.size(); i++) {
      Score s = seed.score(population.get(i), asOf);
      String[] f = rows.get(i + 1).split(",");
      assertThat(f[0]).isEqualTo(population.get(i).id());
      assertThat(Double.parseDouble(f[1])).isEqualTo(s.score());
      assertThat(Double.parseDouble(f[2])).isEqualTo(s.raw());
      assertThat(Double.parseDouble(f[3])).isEqualTo(s.fit());
      assertThat(Double.parseDouble(f[4])).isEqualTo(s.engagement());
      assertThat(f[5]).isEqualTo(s.tier());
    }
  }

  Path writeNdjson(List<Contact> population) throws IOException {
    Path file = dir.resolve("population.ndjson");
    List<String> lines = new ArrayList<>();
    for (Contact c : population) {
      lines.add(ContactJson.toJson(c));
    }
    Files.write(file, lines);
    return file;
  }

  static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
