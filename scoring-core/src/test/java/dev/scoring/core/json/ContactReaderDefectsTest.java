package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.core.ContactTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per reader defect of issue 13, each failing on the two readers that existed
 * before: both readers are run, and must give the same result.
 */
class ContactReaderDefectsTest {

  /** The contacts and bad lines of both readers, which must agree. */
  record Read(List<Contact> contacts, List<BadLine> bad) {}

  static Read read(byte[] text) throws IOException {
    List<BadLine> bad = new ArrayList<>();
    List<Contact> contacts;
    try (ContactLines lines = ContactJson.defaults().lines(new ByteArrayInputStream(text),
        bad::add)) {
      contacts = lines.stream().toList();
    }
    List<BadLine> tableBad = new ArrayList<>();
    ContactTable table = ContactJson.defaults().readTable(new ByteArrayInputStream(text),
        tableBad::add);
    List<Contact> fromTable = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      fromTable.add(table.contact(i));
    }
    assertEquals(contacts, fromTable);
    assertEquals(bad, tableBad);
    return new Read(contacts, bad);
  }

  static Read read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  static String line(int i) {
    return "{\"id\":\"c" + i + "\",\"events\":[{\"type\":\"visit\",\"at\":\"2026-01-01T00:00:00Z\"}]}";
  }

  @Test
  void oneBadByteInLine150_costsLine150Only() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i <= 300; i++) {
      byte[] b = line(i).getBytes(StandardCharsets.UTF_8);
      if (i == 150) {
        b[8] = (byte) 0xFF; // inside the id
      }
      out.writeBytes(b);
      out.write('\n');
    }
    Read r = read(out.toByteArray());
    assertEquals(299, r.contacts().size());
    assertEquals("c149", r.contacts().get(148).id());
    assertEquals("c151", r.contacts().get(149).id());
    assertEquals(List.of(new BadLine(150, "", "line 150: contact must be valid UTF-8, but was"
        + " invalid at byte 9 (0xFF)")), r.bad());
  }

  /**
   * Lines are cut eight bytes at a time: a bad byte and a line end at every offset within
   * and across those eight-byte words are still found where they are.
   */
  @Test
  void aBadByteAndALineEnd_atEveryOffset_areFound() throws IOException {
    for (int pad = 0; pad < 17; pad++) {
      for (String end : List.of("\n", "\r\n", "\r")) {
        String padded = "{\"id\":\"" + "x".repeat(pad + 1) + "\"}";
        byte[] good = padded.getBytes(StandardCharsets.UTF_8);
        for (int at = 7; at < good.length - 2; at++) { // a byte inside the id
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.writeBytes(good);
          out.writeBytes(end.getBytes(StandardCharsets.UTF_8));
          byte[] bad = good.clone();
          bad[at] = (byte) 0xC3; // a lead byte without its continuation
          out.writeBytes(bad);
          out.writeBytes(end.getBytes(StandardCharsets.UTF_8));
          out.writeBytes("{\"id\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8));
          Read r = read(out.toByteArray());
          assertEquals(List.of(new BadLine(2, "", "line 2: contact must be valid UTF-8, but was"
              + " invalid at byte " + (at + 1) + " (0xC3)")), r.bad(), padded + " at " + at);
          assertEquals(List.of("x".repeat(pad + 1), "\u00e9"),
              r.contacts().stream().map(Contact::id).toList());
        }
      }
    }
  }

  @Test
  void aTwoThousandDigitNumber_isABadLineWithItsPath() throws IOException {
    String digits = "1".repeat(2_000);
    Read r = read(line(1) + "\n{\"id\":\"x\",\"events\":[{\"type\":\"t\",\"at\":"
        + "\"2026-01-01T00:00:00Z\",\"value\":" + digits + "}]}\n"
        + "{\"id\":\"y\",\"attributes\":{\"n\":-" + digits + "}}\n" + line(4));
    assertEquals(List.of("c1", "c4"), r.contacts().stream().map(Contact::id).toList());
    assertEquals(List.of(
        new BadLine(2, "events[0].value", "line 2: events[0].value must be a number of at"
            + " most 1000 characters, but was longer"),
        new BadLine(3, "attributes.n", "line 3: attributes.n must be a number of at most 1000"
            + " characters, but was longer")), r.bad());
  }

  @Test
  void aStringOverTheLimit_isABadLineInBothReaders() throws IOException {
    Read r = read("{\"id\":\"a\",\"attributes\":{\"note\":\"" + "n".repeat(100_001) + "\"}}\n"
        + "{\"id\":\"" + "i".repeat(100_000) + "\"}\n");
    assertEquals(List.of("i".repeat(100_000)), r.contacts().stream().map(Contact::id).toList());
    assertEquals(List.of(new BadLine(1, "attributes.note", "line 1: attributes.note must be a"
        + " string of at most 100000 characters, but was longer")), r.bad());
  }

  @Test
  void twoContactsOnOneLine_andOneContactOverTwoLines_areRefusedByBoth() throws IOException {
    Read r = read(line(1) + line(2) + "\n{\"id\":\"c3\",\n\"attributes\":{}}\n" + line(5));
    assertEquals(List.of("c5"), r.contacts().stream().map(Contact::id).toList());
    assertEquals(List.of(
        new BadLine(1, "", "line 1: contact must be a single JSON object (one contact per"
            + " line), but was followed by more content at column 68"),
        new BadLine(2, "", "line 2: contact must be valid JSON, but was malformed at column"
            + " 12: Unexpected end-of-input within/between Object entries"),
        new BadLine(3, "", "line 3: contact must be a JSON object, but was \"attributes\"")),
        r.bad());
  }

  @Test
  void nullAttributesAndEvents_meanEmpty_inBoth() throws IOException {
    Read r = read("{\"id\":\"a\",\"attributes\":null,\"events\":null}");
    assertEquals(List.of(Contact.builder("a").build()), r.contacts());
    assertEquals(List.of(), r.bad());
  }

  @Test
  void crOnlyCrlfAndLfLineEnds_countLinesTheSameWay() throws IOException {
    Read r = read(line(1) + "\r" + line(2) + "\r\n\r\n" + "{\"id\":7}\r" + line(5));
    assertEquals(List.of("c1", "c2", "c5"), r.contacts().stream().map(Contact::id).toList());
    assertEquals(List.of(new BadLine(4, "id", "line 4: id must be a non-blank string, but was"
        + " 7")), r.bad());
  }

  @Test
  void yearZero_isRefused_andYears1And9999_areRead() throws IOException {
    Read r = read("{\"id\":\"a\",\"events\":[{\"type\":\"t\",\"at\":\"0000-12-31T23:59:59Z\"}]}\n"
        + "{\"id\":\"b\",\"events\":[{\"type\":\"t\",\"at\":\"0001-01-01T00:00:00Z\"},"
        + "{\"type\":\"t\",\"at\":\"9999-12-31T23:59:59.999999999Z\"}]}");
    assertEquals(List.of(Contact.builder("b")
        .event("t", Instant.parse("0001-01-01T00:00:00Z"))
        .event("t", Instant.parse("9999-12-31T23:59:59.999999999Z")).build()), r.contacts());
    assertEquals(List.of(1L), r.bad().stream().map(BadLine::line).toList());
  }
}
