package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContactJsonTest {
  static final String SPEC_EXAMPLE = """
      {"id":"c-17","attributes":{"age":29,"sector":"tech","near_office":true},
       "events":[{"type":"pricing_page_visit","at":"2026-11-02T10:00:00Z"},
                 {"type":"page_view","at":"2026-11-03T10:00:00Z","value":95}]}
      """;

  @Test
  void read_specExample_equalsTheBuiltContact() {
    Contact expected = Contact.builder("c-17")
        .attribute("age", 29)
        .attribute("sector", "tech")
        .attribute("near_office", true)
        .event("pricing_page_visit", Instant.parse("2026-11-02T10:00:00Z"))
        .event("page_view", Instant.parse("2026-11-03T10:00:00Z"), 95)
        .build();
    assertEquals(expected, ContactJson.defaults().read(SPEC_EXAMPLE));
  }

  @Test
  void read_nullAttributeIsAbsent_andNumbersKeepTheirKind() {
    Contact c = ContactJson.defaults().read(
        "{\"id\":\"c\",\"attributes\":{\"gone\":null,\"n\":29,\"x\":29.0,\"big\":1e20},"
            + "\"events\":[{\"type\":\"t\",\"at\":\"2026-01-01T00:00:00Z\",\"value\":null}]}");
    assertEquals(List.of("n", "x", "big"), new ArrayList<>(c.attributes().keySet()));
    assertEquals(29L, c.attribute("n"));
    assertEquals(29.0, c.attribute("x"));
    assertEquals(1e20, c.attribute("big"));
    assertTrue(c.events().get(0).value().isEmpty());
  }

  @Test
  void toJson_writesOneLineThatReadsBack() {
    Contact c = ContactJson.defaults().read(SPEC_EXAMPLE);
    String line = ContactJson.toJson(c);
    assertEquals("{\"id\":\"c-17\",\"attributes\":{\"age\":29,\"sector\":\"tech\","
        + "\"near_office\":true},\"events\":[{\"type\":\"pricing_page_visit\","
        + "\"at\":\"2026-11-02T10:00:00Z\"},{\"type\":\"page_view\","
        + "\"at\":\"2026-11-03T10:00:00Z\",\"value\":95}]}", line);
    assertEquals(c, ContactJson.defaults().read(line));
  }

  static Stream<Arguments> badContacts() {
    return Stream.of(
        Arguments.of("[]", "", "contact must be a JSON object, but was a list"),
        Arguments.of("{\"attributes\":{}}", "id", "id must be present, but was missing"),
        Arguments.of("{\"id\":\" \"}", "id", "id must be a non-blank string, but was \" \""),
        Arguments.of("{\"id\":7}", "id", "id must be a non-blank string, but was 7"),
        Arguments.of("{\"id\":\"c\",\"id\":\"d\"}", "id", "id must be present once, but was repeated"),
        Arguments.of("{\"id\":\"c\",\"colour\":\"red\"}", "colour",
            "colour must be a field of a contact (id, attributes, events), but was unknown"),
        Arguments.of("{\"id\":\"c\",\"attributes\":{\"age\":[29]}}", "attributes.age",
            "attributes.age must be a string, a finite number, a boolean or null, but was a list"),
        Arguments.of("{\"id\":\"c\",\"attributes\":{\"age\":1,\"age\":2}}", "attributes.age",
            "attributes.age must be present once, but was repeated"),
        Arguments.of("{\"id\":\"c\",\"attributes\":{\"job title\":1e999}}",
            "attributes[\"job title\"]",
            "attributes[\"job title\"] must be a finite number, but was 1e999"),
        Arguments.of("{\"id\":\"c\",\"attributes\":[]}", "attributes",
            "attributes must be an object of attribute names to values, or null, but was a list"),
        Arguments.of("{\"id\":\"c\",\"events\":{}}", "events",
            "events must be a list of events, or null, but was an object"),
        Arguments.of("{\"id\":\"c\",\"events\":[{\"type\":\"t\",\"at\":\"yesterday\"}]}",
            "events[0].at", "events[0].at must be an ISO-8601 instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z,"
                + " but was \"yesterday\""),
        Arguments.of("{\"id\":\"c\",\"events\":[{\"type\":\"t\",\"at\":\"2026-01-01T00:00:00Z\"},"
                + "{\"at\":\"2026-01-01T00:00:00Z\"}]}", "events[1].type",
            "events[1].type must be present, but was missing"),
        Arguments.of("{\"id\":\"c\",\"events\":[{\"type\":\"t\",\"at\":\"2026-01-01T00:00:00Z\","
                + "\"value\":\"95\"}]}", "events[0].value",
            "events[0].value must be a finite number or null, but was \"95\""),
        Arguments.of("{\"id\":\"c\",\"events\":[{\"type\":\"t\",\"when\":1}]}", "events[0].when",
            "events[0].when must be a field of an event (type, at, value), but was unknown"),
        Arguments.of("{\"id\":\"c\"", "",
            "contact must be valid JSON, but was malformed at column 10: Unexpected"
                + " end-of-input: expected close marker for Object (start marker at line 1,"
                + " column 1)"),
        Arguments.of("{\"id\":\"c\"} 1", "",
            "contact must be a single JSON object, but was followed by more content at"
                + " column 12"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("badContacts")
  void read_badContact_isRefusedWithPathAndValue(String json, String path, String message) {
    ContactJsonException e = assertThrows(ContactJsonException.class,
        () -> ContactJson.defaults().read(json));
    assertEquals(message, e.getMessage());
    assertEquals(path, e.path());
    assertEquals(0, e.line());
  }

  /** Good lines 1, 4, 8 (CRLF) and 10; bad lines 2, 5, 6, 7, 9; line 3 is blank. */
  static final String MIXED = "{\"id\":\"c-1\",\"attributes\":{\"age\":29}}\n"
      + "{\"id\":\"c-2\",\"events\":[{\"type\":\"page_view\",\"at\":\"yesterday\"}]}\n"
      + "   \n"
      + "{\"id\":\"c-3\"}\n"
      + "{\"id\":\"c-4\",\n"
      + "{\"id\":\"c-5\",\"attributes\":{\"age\":[29]}}\n"
      + "{\"id\":\"c-6\",\"colour\":\"red\"}\n"
      + "{\"id\":\"c-7\",\"events\":[{\"type\":\"demo_request\",\"at\":\"2026-11-20T09:00:00Z\"}]}\r\n"
      + "{\"attributes\":{}}\n"
      + "{\"id\":\"c-8\"}";

  static final List<BadLine> MIXED_BAD = List.of(
      new BadLine(2, "events[0].at", "line 2: events[0].at must be an ISO-8601 instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z,"
          + " but was \"yesterday\""),
      new BadLine(5, "", "line 5: contact must be valid JSON, but was malformed at column 13:"
          + " Unexpected end-of-input within/between Object entries"),
      new BadLine(6, "attributes.age", "line 6: attributes.age must be a string, a finite"
          + " number, a boolean or null, but was a list"),
      new BadLine(7, "colour", "line 7: colour must be a field of a contact (id, attributes,"
          + " events), but was unknown"),
      new BadLine(9, "id", "line 9: id must be present, but was missing"));

  @Test
  void lines_skipAndReport_returnsEveryGoodLineAndReportsEveryBadOne() throws Exception {
    List<BadLine> bad = new ArrayList<>();
    List<String> ids;
    try (ContactLines lines = ContactJson.defaults().lines(new StringReader(MIXED), bad::add)) {
      ids = lines.stream().map(Contact::id).collect(Collectors.toList());
      assertEquals(10, lines.lineNumber());
      assertEquals(4, lines.contactsRead());
      assertEquals(5, lines.badLines());
    }
    assertEquals(List.of("c-1", "c-3", "c-7", "c-8"), ids);
    assertEquals(MIXED_BAD, bad);
  }

  @Test
  void lines_failFast_stopsAtTheFirstBadLine() throws Exception {
    try (ContactLines lines = ContactJson.defaults().lines(new StringReader(MIXED))) {
      assertEquals("c-1", lines.next().id());
      ContactJsonException e = assertThrows(ContactJsonException.class, lines::hasNext);
      assertEquals(MIXED_BAD.get(0).message(), e.getMessage());
      assertEquals(2, e.line());
      assertEquals("events[0].at", e.path());
    }
  }

  @Test
  void lines_fromUtf8Bytes_skipsTheByteOrderMark() throws Exception {
    byte[] bytes = ("\uFEFF{\"id\":\"é\"}\n{\"id\":\"日本\"}\n").getBytes(StandardCharsets.UTF_8);
    try (ContactLines lines = ContactJson.defaults().lines(new ByteArrayInputStream(bytes))) {
      assertEquals(List.of("é", "日本"), lines.stream().map(Contact::id).toList());
    }
  }

  @Test
  void lines_notUtf8_isABadLine_andTheOthersAreKept() throws Exception {
    byte[] bytes = {'{', '}', '\n', '{', (byte) 0xC3, '}', '\n', '{', '"', 'i', 'd', '"', ':',
        '"', 'a', '"', '}'};
    List<BadLine> bad = new ArrayList<>();
    try (ContactLines lines = ContactJson.defaults().lines(new ByteArrayInputStream(bytes),
        bad::add)) {
      assertEquals(List.of("a"), lines.stream().map(Contact::id).toList());
    }
    assertEquals(List.of(new BadLine(1, "id", "line 1: id must be present, but was missing"),
        new BadLine(2, "", "line 2: contact must be valid UTF-8, but was invalid at byte 2"
            + " (0xC3)")), bad);
  }

  @Test
  void lines_overlongLine_isReportedAndSkippedWithoutBeingHeld() throws Exception {
    JsonLimits limits = JsonLimits.builder().maxDocumentLength(40).build();
    String input = "{\"id\":\"a\"}\n{\"id\":\"" + "x".repeat(100_000) + "\"}\n{\"id\":\"b\"}\n";
    List<BadLine> bad = new ArrayList<>();
    try (ContactLines lines = ContactJson.withLimits(limits).lines(new StringReader(input),
        bad::add)) {
      assertEquals(List.of("a", "b"), lines.stream().map(Contact::id).toList());
    }
    assertEquals(List.of(new BadLine(2, "",
        "line 2: contact must be at most 40 bytes long, but was longer")), bad);
  }

  @Test
  void lines_emptyInput_hasNoContacts() throws Exception {
    try (ContactLines lines = ContactJson.defaults().lines(new StringReader("\n\n"))) {
      assertFalse(lines.hasNext());
      assertEquals(2, lines.lineNumber());
    }
  }
}
