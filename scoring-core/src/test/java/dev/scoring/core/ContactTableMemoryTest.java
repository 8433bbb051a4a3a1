package dev.scoring.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.core.json.BadLine;
import dev.scoring.core.json.ContactJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table's memory is linear in its input whatever the attribute names. Before sparse
 * columns each new name cost a byte per contact of the whole table: 200,000 contacts with
 * a name each needed 40 GB (50,000 needed 2.5 GB) and ran out of the 1 GB test heap; these
 * tests state the exact bytes instead.
 */
class ContactTableMemoryTest {
  static final int N = 200_000;
  /** Lines for the NDJSON cases: 50,000 names needed 2.5 GB before. */
  static final int LINES = 50_000;

  private static long idBytes(List<Contact> contacts) {
    long bytes = 0;
    for (Contact c : contacts) {
      bytes += c.id().getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }

  @Test
  void aNewAttributeNamePerContact_fromNdjson_costsEightBytesPerContact() {
    StringBuilder text = new StringBuilder();
    List<Contact> expected = new ArrayList<>();
    for (int i = 0; i < LINES; i++) {
      text.append("{\"id\":\"c").append(i).append("\",\"attributes\":{\"a").append(i)
          .append("\":").append(i % 3).append("}}\n");
      expected.add(Contact.builder("c" + i).attribute("a" + i, (long) (i % 3)).build());
    }
    ContactTable table = ContactJson.defaults().readTable(
        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(LINES, table.size());
    assertEquals(LINES, table.attributeNames().size());
    // ids + id ends + event starts + per-contact sparse starts + (column, code) per value
    assertEquals(idBytes(expected) + 4L * LINES + 4L * (LINES + 1) + 4L * (LINES + 1)
        + 8L * LINES,
        table.memoryBytes());
    for (int i : new int[] {0, 1, 7, 8, 9, 1_000, LINES - 1}) {
      assertEquals(expected.get(i), table.contact(i));
      assertEquals((long) (i % 3), table.attribute(i, "a" + i));
      assertEquals(null, table.attribute(i, "a" + (i + 1)));
    }
  }

  @Test
  void namesSharedByContactsFarApart_stayLinear() {
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      // contact i and contact N - 1 - i share a name: every name spans the table's middle
      contacts.add(Contact.builder("p" + i).attribute("p" + Math.min(i, N - 1 - i), "v")
          .attribute("shared", i % 2 == 0).build());
    }
    ContactTable table = ContactTable.of(contacts);
    assertEquals(N / 2 + 1, table.attributeNames().size());
    // "shared" is dense (1 byte per contact); every "p<k>" is sparse
    assertEquals(idBytes(contacts) + 4L * N + 4L * (N + 1) + N + 4L * (N + 1) + 8L * N,
        table.memoryBytes());
    for (int i : new int[] {0, 5, N / 2, N - 6, N - 1}) {
      assertEquals(contacts.get(i), table.contact(i));
    }
  }

  @Test
  void aFirstContactWithManyNames_doesNotWidenEveryLaterContact() {
    Contact.Builder wide = Contact.builder("wide");
    for (int k = 0; k < 20_000; k++) {
      wide.attribute("w" + k, k);
    }
    List<Contact> contacts = new ArrayList<>();
    contacts.add(wide.build());
    for (int i = 1; i < N; i++) {
      contacts.add(Contact.builder("n" + i).attribute("sector", i % 2 == 0 ? "a" : "b")
          .build());
    }
    ContactTable table = ContactTable.of(contacts);
    // "sector" dense, the 20,000 names of the first contact sparse
    assertEquals(idBytes(contacts) + 4L * N + 4L * (N + 1) + N + 4L * (N + 1) + 8L * 20_000,
        table.memoryBytes());
    assertEquals(contacts.get(0), table.contact(0));
    assertEquals(contacts.get(N - 1), table.contact(N - 1));
  }

  @Test
  void badLinesWithNewNamesAndTypes_leaveNothingBehind() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      if (i % 2 == 0) {
        text.append("{\"id\":\"g").append(i).append("\",\"attributes\":{\"sector\":\"tech\"}}\n");
      } else { // a new name, value and event type, then a bad instant
        text.append("{\"id\":\"b").append(i).append("\",\"attributes\":{\"x").append(i)
            .append("\":\"v").append(i).append("\",\"sector\":\"s").append(i)
            .append("\"},\"events\":[{\"type\":\"t").append(i)
            .append("\",\"at\":\"2026-01-01T00:00:00Z\"},{\"type\":\"t\",\"at\":\"0000-01-01T00:00:00Z\"}]}\n");
      }
    }
    List<BadLine> bad = new ArrayList<>();
    ContactTable table = ContactJson.defaults().readTable(
        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), bad::add);
    assertEquals(LINES / 2, table.size());
    assertEquals(LINES / 2, bad.size());
    assertEquals(List.of("sector"), table.attributeNames());
    assertEquals(1, table.distinctValues("sector"));
    assertEquals(0, table.eventCount());
    assertTrue(bad.get(0).message().startsWith("line 2: events[1].at must be an ISO-8601 "
        + "instant from 0001-01-01T00:00:00Z"), bad.get(0).message());
  }
}
