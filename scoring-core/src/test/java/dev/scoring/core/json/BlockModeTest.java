package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.core.ContactTable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Block mode of {@link NdjsonReader} (one Jackson parser over many lines) at the places where
 * it hands over to line-by-line reading: a {@code \r\n} cut between two reads, the document
 * limit within a region larger than it, and a bad line in the middle of a region.
 * {@code ContactReadersAgreeProperties.blockModeAgreesWithTheOracle} checks the rest.
 */
class BlockModeTest {

  private static List<String> read(ContactJson json, java.io.InputStream in, List<BadLine> bad) {
    ContactTable.Builder table = ContactTable.builder();
    json.readInto(in, table.sink(), bad::add);
    ContactTable t = table.build();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      ids.add(t.contact(i).id());
    }
    return ids;
  }

  /** The lines an array reader parses one at a time, reading all of {@code text}. */
  private static long oneByOne(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ContactJson json = ContactJson.defaults();
    NdjsonReader reader = new NdjsonReader(bytes, bytes.length, json.newParser(), json.limits(),
        true);
    ContactTable.Builder table = ContactTable.builder();
    while (true) {
      try {
        if (!reader.next(table.sink())) {
          return reader.linesReadOneByOne();
        }
      } catch (ContactJsonException e) {
        // a bad line: reading goes on
      }
    }
  }

  @Test
  void blockModeTakesEveryLineOfAFileWithoutBadLines() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      text.append("{\"id\":\"c").append(i).append("\",\"attributes\":{\"sector\":\"tech\",")
          .append("\"age\":").append(20 + i % 40).append(",\"vip\":").append(i % 2 == 0)
          .append("},\"events\":[{\"type\":\"blog_visit\",\"at\":\"2026-11-0")
          .append(1 + i % 9).append("T10:00:00Z\"},{\"type\":\"page_view\",\"at\":")
          .append("\"2026-11-20T10:00:00.5Z\",\"value\":").append(i).append("}]}")
          .append(i % 3 == 0 ? "\r\n" : "\n");
    }
    assertEquals(0, oneByOne(text.toString()));
    List<BadLine> bad = new ArrayList<>();
    assertEquals(300, read(ContactJson.defaults(), new ByteArrayInputStream(
        text.toString().getBytes(StandardCharsets.UTF_8)), bad).size());
    assertEquals(List.of(), bad);
  }

  @Test
  void aRegionEndingWithTheCarriageReturnOfACrLfDoesNotCountTheLineFeedAsALine() {
    String first = "{\"id\":\"a\"}\n{\"id\":\"b\"}\r";
    byte[] text = (first + "\nx\n{\"id\":\"c\"}\n").getBytes(StandardCharsets.UTF_8);
    // the first read ends right after the \r: line 1 is read line by line (the buffer was
    // empty), line 2 as a region of its own that ends with the \r
    List<BadLine> bad = new ArrayList<>();
    List<String> ids = read(ContactJson.defaults(),
        new ContactReadersAgreeProperties.Trickle(text, first.length()), bad);
    assertEquals(List.of("a", "b", "c"), ids);
    assertEquals(1, bad.size());
    assertEquals(3, bad.get(0).line());
    assertEquals("line 3: contact must be valid JSON, but was malformed at column 1:"
        + " Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token"
        + " 'null', 'true' or 'false')", bad.get(0).message());
  }

  @Test
  void theDocumentLimitHoldsPerLineInARegionLargerThanIt() {
    JsonLimits limits = JsonLimits.builder().maxDocumentLength(40).build();
    ContactJson json = ContactJson.withLimits(limits);
    String atLimit = "  {\"id\":\"" + "a".repeat(29) + "\"}"; // 2 + 38 = 40 bytes
    String overLimit = "{\"id\":\"" + "b".repeat(27) + "\"}     "; // 36 + 5 = 41 bytes
    assertEquals(40, atLimit.length());
    assertEquals(41, overLimit.length());
    String text = "{\"id\":\"x\"}\n" + atLimit + "\n" + overLimit + "\r\n{\"id\":\"y\"}\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> expectedIds = List.of("x", "a".repeat(29), "y");
    String expectedMessage = "line 3: contact must be at most 40 bytes long, but was longer";

    List<BadLine> bad = new ArrayList<>();
    assertEquals(expectedIds, read(json, new ByteArrayInputStream(bytes), bad));
    assertEquals(List.of(new BadLine(3, "", expectedMessage)), bad);

    List<BadLine> blockBad = new ArrayList<>();
    List<String> blockIds = new ArrayList<>();
    json.readBlocks(new ByteArrayInputStream(bytes), 1, 1 << 20, blockBad::add, t -> {
      List<String> part = new ArrayList<>();
      for (int i = 0; i < t.size(); i++) {
        part.add(t.contact(i).id());
      }
      return part;
    }, blockIds::addAll);
    assertEquals(expectedIds, blockIds);
    assertEquals(List.of(new BadLine(3, "", expectedMessage)), blockBad);
  }

  @Test
  void aBadLineInTheMiddleOfARegionLeavesTheLinesAroundItAsTheyAre() {
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      if (i % 50 == 0) {
        text.append("{\"id\":\"bad").append(i).append("\",\"unknown\":1}\n");
      } else if (i % 70 == 0) {
        text.append("{\"id\":\"c").append(i).append("\"} {\"id\":\"two\"}\n");
      } else {
        text.append("{\"id\":\"c").append(i).append("\"}\n");
        expected.add("c" + i);
      }
    }
    List<BadLine> bad = new ArrayList<>();
    List<String> ids = read(ContactJson.defaults(),
        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), bad);
    assertEquals(expected, ids);
    assertEquals(List.of(50L, 70L, 100L, 140L, 150L, 200L),
        bad.stream().map(BadLine::line).toList());
    // read as an array, block mode hands over the bad lines only, and takes the rest
    assertEquals(6, oneByOne(text.toString()));
    assertEquals("line 70: contact must be a single JSON object (one contact per line), but was"
        + " followed by more content at column 14", bad.get(1).message());
    assertEquals("line 50: unknown must be a field of a contact (id, attributes,"
        + " events), but was unknown", bad.get(0).message());
  }
}
