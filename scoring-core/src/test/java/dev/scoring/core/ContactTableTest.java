package dev.scoring.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactTableTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  static ContactTable ndjson(String text) {
    return ContactTable.fromNdjson(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> ndjson(text)).getMessage();
  }

  /** Contacts as NDJSON, written by hand (ids, names and strings need no escaping). */
  static String toNdjson(List<Contact> contacts) {
    StringBuilder out = new StringBuilder();
    for (Contact c : contacts) {
      out.append("{\"id\":\"").append(c.id()).append("\",\"attributes\":{");
      String sep = "";
      for (Map.Entry<String, Object> a : c.attributes().entrySet()) {
        Object v = a.getValue();
        out.append(sep).append('"').append(a.getKey()).append("\":")
            .append(v instanceof String s ? "\"" + s + "\"" : v.toString());
        sep = ",";
      }
      out.append("},\"events\":[");
      sep = "";
      for (Event e : c.events()) {
        out.append(sep).append("{\"type\":\"").append(e.type()).append("\",\"at\":\"")
            .append(e.at()).append('"');
        if (e.value().isPresent()) {
          out.append(",\"value\":").append(e.value().getAsDouble());
        }
        out.append('}');
        sep = ",";
      }
      out.append("]}\n");
    }
    return out.toString();
  }

  @Test
  void of_keepsEveryContactExactly() {
    List<Contact> contacts = ExampleContacts.generate(2_000, 11, AS_OF);
    ContactTable table = ContactTable.of(contacts);
    assertEquals(2_000, table.size());
    long events = 0;
    for (int i = 0; i < contacts.size(); i++) {
      assertEquals(contacts.get(i), table.contact(i));
      events += contacts.get(i).events().size();
    }
    assertEquals(events, table.eventCount());
  }

  @Test
  void fromNdjson_readsTheSameContactsAsTheObjects() {
    List<Contact> contacts = ExampleContacts.generate(500, 12, AS_OF);
    ContactTable table = ndjson(toNdjson(contacts));
    assertEquals(500, table.size());
    for (int i = 0; i < contacts.size(); i++) {
      assertEquals(contacts.get(i), table.contact(i));
    }
    BatchScorerTest.assertBitIdentical(ExampleModels.seed(), contacts, AS_OF);
  }

  @Test
  void fromNdjson_readsTheSpecExample_sortsEvents_andSkipsNullsAndBlankLines() {
    String text = "{\"id\":\"c-17\",\"attributes\":{\"age\":29,\"sector\":\"tech\","
        + "\"near_office\":true,\"x\":null},\"events\":[{\"type\":\"page_view\","
        + "\"at\":\"2026-11-03T10:00:00Z\",\"value\":95},{\"type\":\"pricing_page_visit\","
        + "\"at\":\"2026-11-02T10:00:00.25Z\"}]}\n"
        + " \t \n"
        + "{\"id\":\"c-18\",\"attributes\":null,\"events\":[{\"type\":\"page_view\","
        + "\"at\":\"2026-11-03T10:00:00Z\",\"value\":null}]}\n"
        + "{\"id\":\"c-19\",\"events\":null}";
    ContactTable table = ndjson(text);
    assertEquals(3, table.size());
    assertEquals(Contact.builder("c-17")
        .attribute("age", 29L)
        .attribute("sector", "tech")
        .attribute("near_office", true)
        .event("pricing_page_visit", Instant.parse("2026-11-02T10:00:00.25Z"))
        .event("page_view", Instant.parse("2026-11-03T10:00:00Z"), 95)
        .build(), table.contact(0));
    assertEquals(Contact.builder("c-18")
        .event("page_view", Instant.parse("2026-11-03T10:00:00Z"))
        .build(), table.contact(1));
    assertEquals(Contact.builder("c-19").build(), table.contact(2));
    assertEquals("c-18", table.id(1));
    assertEquals(29L, table.attribute(0, "age"));
    assertNull(table.attribute(1, "age"));
    assertNull(table.attribute(0, "x"));
    assertEquals(List.of("age", "sector", "near_office"), table.attributeNames());
    assertEquals(2, table.eventCount(0));
  }

  @Test
  void fromNdjson_namesTheLineAndThePathOfAnError() {
    assertEquals("line 2: events[1].at must be an ISO-8601 instant from 0001-01-01T00:00:00Z"
        + " to 9999-12-31T23:59:59.999999999Z, but was \"soon\"",
        error("{\"id\":\"a\"}\n{\"id\":\"b\",\"events\":[{\"type\":\"x\",\"at\":\"2026-01-01T00:00:00Z\"},"
            + "{\"type\":\"x\",\"at\":\"soon\"}]}"));
    assertEquals("line 1: id must be present, but was missing",
        error("{\"attributes\":{}}"));
    assertEquals("line 1: id must be a non-blank string, but was 7",
        error("{\"id\":7}"));
    assertEquals("line 1: attributes.age must be a string, a finite number, "
        + "a boolean or null, but was a list", error("{\"id\":\"a\",\"attributes\":{\"age\":[1]}}"));
    assertEquals("line 1: colour must be a field of a contact (id, attributes, events), "
        + "but was unknown", error("{\"id\":\"a\",\"colour\":\"red\"}"));
    assertEquals("line 1: events[0].type must be present, but was missing",
        error("{\"id\":\"a\",\"events\":[{\"at\":\"2026-01-01T00:00:00Z\"}]}"));
    assertEquals("line 1: events[0].value must be a finite number, but was 1e999",
        error("{\"id\":\"a\",\"events\":[{\"type\":\"x\",\"at\":\"2026-01-01T00:00:00Z\","
            + "\"value\":1e999}]}"));
    assertEquals("line 3: contact must be a JSON object, but was a list",
        error("{\"id\":\"a\"}\n{\"id\":\"b\"}\n[]"));
    assertEquals("line 1: attributes.age must be present once, but was repeated",
        error("{\"id\":\"a\",\"attributes\":{\"age\":1,\"age\":2}}"));
  }

  @Test
  void eventsInYears1And9999_andNanoseconds_areKeptExactly() {
    Contact c = Contact.builder("edges")
        .event("x", Instant.parse("0001-01-01T00:00:00Z"))
        .event("x", Instant.parse("9999-12-31T23:59:59.999999999Z"), 2.5)
        .event("y", Instant.parse("2026-01-01T00:00:00.000000001Z"))
        .build();
    Contact recent = Contact.builder("recent").event("x", AS_OF).build();
    ContactTable table = ContactTable.of(List.of(recent, c));
    assertEquals(recent, table.contact(0));
    assertEquals(c, table.contact(1));
    // 8-byte seconds once one event is beyond 2^31 s of the epoch
    // ids 11 + id ends 2*4 + event starts 3*4 + types 4*2 + seconds 4*8 + values 1*8
    // + value ends 2*4 + nanos 4*4
    assertEquals(11 + 8 + 12 + 8 + 32 + 8 + 8 + 16, table.memoryBytes());
  }

  @Test
  void aContactTheReaderRefuses_leavesNoTrace() {
    String text = "{\"id\":\"first\",\"attributes\":{\"sector\":\"tech\"}}\n"
        + "{\"id\":\"bad\",\"attributes\":{\"sector\":\"retail\",\"colour\":\"red\"},"
        + "\"events\":[{\"type\":\"new_type\",\"at\":\"2026-01-01T00:00:00Z\"},"
        + "{\"type\":\"x\",\"at\":\"never\"}]}\n"
        + "{\"id\":\"good\",\"events\":[{\"type\":\"x\",\"at\":\"2026-01-01T00:00:00Z\"}]}\n";
    List<dev.scoring.core.json.BadLine> bad = new java.util.ArrayList<>();
    ContactTable table = dev.scoring.core.json.ContactJson.defaults().readTable(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), bad::add);
    assertEquals(2, table.size());
    assertEquals(List.of(2L), bad.stream().map(dev.scoring.core.json.BadLine::line).toList());
    assertEquals(List.of("sector"), table.attributeNames());
    assertEquals(1, table.distinctValues("sector"));
    assertEquals(Contact.builder("good").event("x", Instant.parse("2026-01-01T00:00:00Z"))
        .build(), table.contact(1));
    assertEquals("ContactTable{2 contacts, 1 events, 1 attributes, 37 bytes}", table.toString());
  }

  @Test
  void concat_keepsEveryContactOfEveryPart_inOrder() {
    List<Contact> a = ExampleContacts.generate(300, 21, AS_OF);
    List<Contact> b = List.of(
        Contact.builder("plain").attribute("colour", "red").build(),
        Contact.builder("old").event("x", Instant.parse("0001-01-01T00:00:00.5Z")).build());
    List<Contact> c = ExampleContacts.generate(200, 22, AS_OF);
    ContactTable joined = ContactTable.concat(List.of(ContactTable.of(a), ContactTable.of(b),
        ContactTable.builder().build(), ContactTable.of(c)));
    List<Contact> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    assertEquals(all.size(), joined.size());
    for (int i = 0; i < all.size(); i++) {
      assertEquals(all.get(i), joined.contact(i));
    }
    ContactTable direct = ContactTable.of(all);
    assertEquals(direct.memoryBytes(), joined.memoryBytes());
    assertEquals(direct.attributeNames().stream().sorted().toList(),
        joined.attributeNames().stream().sorted().toList());
    assertEquals(0, ContactTable.concat(List.of()).size());
  }

  @Test
  void attributeCodes_widenFromBytesToCharsToInts() {
    ContactTable.Builder b = ContactTable.builder();
    for (int i = 0; i < 70_000; i++) {
      b.add(Contact.builder("k" + i).attribute("key", (long) i).attribute("flag", i % 2 == 0)
          .build());
    }
    ContactTable table = b.build();
    assertEquals(70_000, table.distinctValues("key"));
    assertEquals(2, table.distinctValues("flag"));
    assertEquals(69_999L, table.attribute(69_999, "key"));
    assertEquals(255L, table.attribute(255, "key"));
    assertEquals(Boolean.FALSE, table.attribute(69_999, "flag"));
    assertEquals(0, table.distinctValues("nothing"));
  }

  @Test
  void memoryBytes_countsEveryArray() {
    ContactTable table = ContactTable.of(List.of(
        Contact.builder("ab").attribute("sector", "tech")
            .event("x", AS_OF).event("y", AS_OF, 2.5).build(),
        Contact.builder("c").event("x", AS_OF.plusNanos(1)).build()));
    // ids 3 + id ends 2*4 + event starts 3*4 + types 3*2 + seconds 3*4 + values 1*8
    // + value ends 2*4 + nanos 3*4 + sector codes 2*1
    assertEquals(3 + 8 + 12 + 6 + 12 + 8 + 8 + 12 + 2, table.memoryBytes());
  }

  @Test
  void builder_rejectsNegativeSizes_andLateEpochs() {
    assertEquals("expectedContacts must be at least 0, but was -1",
        assertThrows(IllegalArgumentException.class,
            () -> ContactTable.builder().expectedContacts(-1)).getMessage());
    ContactTable.Builder b = ContactTable.builder().add(Contact.builder("a").build());
    assertEquals("epoch must be set before the first contact, but 1 were added",
        assertThrows(IllegalStateException.class, () -> b.epoch(Instant.EPOCH)).getMessage());
  }

  @Test
  void exactExpectedSizes_buildWithoutSlack() {
    List<Contact> contacts = ExampleContacts.generate(100, 1, AS_OF);
    int events = contacts.stream().mapToInt(c -> c.events().size()).sum();
    ContactTable.Builder b = ContactTable.builder().expectedContacts(100).expectedEvents(events);
    contacts.forEach(b::add);
    ContactTable table = b.build();
    assertEquals(events, table.eventCount());
    assertEquals(contacts.get(99), table.contact(99));
    // The builder is empty again and can build another table.
    assertEquals(0, b.size());
    assertEquals(1, b.add(contacts.get(0)).build().size());
  }
}
