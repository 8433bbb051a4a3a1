package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ScoringTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/contacts.md, run here: the regions between {@code // docs:<name>} and
 * {@code // docs:end} must appear verbatim in the page, and so must the import lines of its
 * Java blocks, so the page never shows code that does not compile or run.
 */
class ContactsDocTest {
  static final String FILE = String.join("\n",
      "{\"id\":\"c-17\",\"attributes\":{\"age\":29,\"sector\":\"tech\"},\"events\":[{\"type\":\"demo_request\",\"at\":\"2026-11-20T09:00:00Z\"}]}",
      "",
      "{\"id\":\"c-18\",\"events\":[{\"type\":\"demo_request\",\"at\":\"last week\"}]}",
      "{\"id\":\"c-19\",\"attributes\":null,\"events\":[{\"type\":\"page_view\",\"at\":\"0001-01-01T00:00:00Z\",\"value\":95}]}",
      "");

  @TempDir
  Path dir;

  @Test
  void objectsAndTable_fromTheSameFile() throws IOException {
    Path contactsFile = dir.resolve("contacts.ndjson");
    Files.writeString(contactsFile, FILE);
    ScoringTable model = ScoringTable.builder("demo")
        .behavioral("demo", dev.scoring.core.EventMatch.on("demo_request"), 30)
        .build();
    Instant asOf = Instant.parse("2026-11-22T12:00:00Z");
    Map<String, Double> scored = new HashMap<>();

    // docs:objects
    List<BadLine> bad = new ArrayList<>();
    try (ContactLines contacts = ContactJson.defaults().lines(contactsFile, bad::add)) {
      while (contacts.hasNext()) {
        Contact contact = contacts.next();
        Score score = model.score(contact, asOf);
        scored.put(contact.id(), score.score());
      }
    }
    // bad: [BadLine[line=3, path=events[0].at, message=line 3: events[0].at must be ...]]
    // docs:end

    assertEquals(Map.of("c-17", 30.0, "c-19", 0.0), scored);
    assertEquals(List.of(new BadLine(3, "events[0].at", "line 3: events[0].at must be an"
        + " ISO-8601 instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z,"
        + " but was \"last week\"")), bad);

    List<BadLine> tableBad = new ArrayList<>();
    // docs:table
    ContactTable table = ContactJson.defaults().readTable(contactsFile, tableBad::add);
    BatchScores scores = BatchScorer.of(model).score(table, asOf);
    // docs:end
    assertEquals(bad, tableBad);
    assertEquals(2, table.size());
    assertEquals(30.0, scores.score(0));

    tableBad.clear();
    // docs:parallel
    try (InputStream in = Files.newInputStream(contactsFile)) {
      ContactTable all = ContactJson.defaults().readTable(in,
          Runtime.getRuntime().availableProcessors(), tableBad::add);
    }
    // docs:end
    assertEquals(bad, tableBad);

    // docs:failfast
    try (InputStream in = Files.newInputStream(contactsFile)) {
      ContactTable.fromNdjson(in); // ContactJson.defaults().readTable(in): the first bad line throws
    } catch (ContactJsonException e) {
      System.err.println(e.line() + " " + e.path()); // 3 events[0].at
    }
    // docs:end
    try (InputStream in = Files.newInputStream(contactsFile)) {
      ContactJsonException e = assertThrows(ContactJsonException.class,
          () -> ContactTable.fromNdjson(in));
      assertEquals(3, e.line());
      assertEquals("events[0].at", e.path());
    }
  }

  @Test
  void aSinkOfYourOwn() throws IOException {
    Path contactsFile = dir.resolve("contacts.ndjson");
    Files.writeString(contactsFile, FILE);
    // docs:sink
    Map<String, Integer> eventsPerType = new HashMap<>();
    ContactSink counter = new ContactSink() {
      @Override public void begin(long line) { }
      @Override public void id(String id) { }
      @Override public void attribute(String name, String value) { }
      @Override public void attribute(String name, long value) { }
      @Override public void attribute(String name, double value) { }
      @Override public void attribute(String name, boolean value) { }
      @Override public void event(String type, long epochSecond, int nano, boolean hasValue,
          double value) {
        eventsPerType.merge(type, 1, Integer::sum); // a bad line's events are seen too...
      }
      @Override public void end() { }
      @Override public void abort() { } // ...and abort() says to forget them
    };
    try (InputStream in = Files.newInputStream(contactsFile)) {
      long contacts = ContactJson.defaults().readInto(in, counter, bad -> { });
    }
    // docs:end
    assertEquals(Map.of("demo_request", 1, "page_view", 1), eventsPerType);
  }

  @Test
  void limits() {
    // docs:limits
    JsonLimits strict = JsonLimits.builder().maxDocumentLength(64 * 1024)
        .maxStringLength(1_000).build();
    ContactJson reader = ContactJson.withLimits(strict);
    // docs:end
    ContactJsonException e = assertThrows(ContactJsonException.class,
        () -> reader.read("{\"id\":\"" + "x".repeat(1_001) + "\"}"));
    assertEquals("id must be a string of at most 1000 characters, but was longer",
        e.getMessage());
  }

  @Test
  void theErrorTableOfThePageIsWhatTheReaderSays() throws IOException {
    Path page = Path.of(System.getProperty("user.dir")).resolve("../docs/contacts.md")
        .normalize();
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(page),
        "docs/contacts.md is not where a Maven build puts it");
    java.util.regex.Matcher row = java.util.regex.Pattern.compile(
        "(?m)^\\| `(\\{.*)` \\| `(line 1: .*)` \\|$").matcher(Files.readString(page));
    int rows = 0;
    while (row.find()) {
      String line = row.group(1);
      String message = row.group(2);
      List<BadLine> bad = new ArrayList<>();
      try (ContactLines lines = ContactJson.defaults().lines(new java.io.StringReader(line),
          bad::add)) {
        lines.forEachRemaining(c -> { });
      }
      assertEquals(1, bad.size(), line);
      String got = bad.get(0).message();
      if (message.endsWith(": ...")) {
        assertTrue(got.startsWith(message.substring(0, message.length() - 3)), got);
      } else {
        assertEquals(message, got);
      }
      rows++;
    }
    assertEquals(8, rows);
    byte[] number = ("{\"id\":\"a\",\"attributes\":{\"n\":" + "9".repeat(2_000) + "}}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] notUtf8 = "{\"id\":\"a\",\"x\":\"?\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    notUtf8[16] = (byte) 0xFF;
    List<BadLine> bad = new ArrayList<>();
    ContactJson.defaults().readTable(new java.io.ByteArrayInputStream(number), bad::add);
    ContactJson.defaults().readTable(new java.io.ByteArrayInputStream(notUtf8), bad::add);
    assertEquals(List.of(new BadLine(1, "attributes.n", "line 1: attributes.n must be a number"
            + " of at most 1000 characters, but was longer"),
        new BadLine(1, "", "line 1: contact must be valid UTF-8, but was invalid at byte 17"
            + " (0xFF)")), bad);
  }

  @Test
  void thePageShowsTheseExamplesVerbatim() throws IOException {
    Path page = Path.of(System.getProperty("user.dir")).resolve("../docs/contacts.md")
        .normalize();
    Path self = Path.of(System.getProperty("user.dir"))
        .resolve("src/test/java/dev/scoring/core/json/ContactsDocTest.java");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(page) && Files.exists(self),
        "docs/contacts.md or this test's source is not where a Maven build puts them");
    String text = Files.readString(page);
    String source = Files.readString(self);
    List<String> snippets = dev.scoring.core.DocSnippets.between(source, "// docs:",
        "// docs:end");
    assertEquals(6, snippets.size());
    for (String snippet : snippets) {
      assertTrue(text.contains(snippet), () -> "docs/contacts.md must show\n" + snippet);
    }
    for (String line : text.split("\n")) {
      if (line.startsWith("import ")) {
        assertTrue(source.contains(line + "\n") || line.matches("import dev\\.scoring\\.core"
            + "\\.json\\.[A-Za-z]+;"),
            () -> "this test must import what the page imports: " + line);
      }
    }
  }
}
