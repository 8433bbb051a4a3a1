package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain ASCII string values are read from the input bytes, everything else through Jackson's
 * text: each kind of string (id, attribute value, event type, event instant) gives exactly
 * the sink calls and the errors (line, path, message) of the reader before the change,
 * {@link TextContactParser}, whichever path it takes. The text is parsed at an offset inside
 * a larger array, with bytes after its end that would close an unterminated string.
 */
class PlainStringsTest {
  private static final long AT = Instant.parse("2026-11-02T10:00:00Z").getEpochSecond();

  /** The calls of the new reader, after checking they are the old reader's. */
  private static List<String> read(JsonLimits limits, String json) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    byte[] before = "{\"id\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] after = "\"}]}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[before.length + text.length + after.length];
    System.arraycopy(before, 0, bytes, 0, before.length);
    System.arraycopy(text, 0, bytes, before.length, text.length);
    System.arraycopy(after, 0, bytes, before.length + text.length, after.length);
    List<String> now = RecordingSink.run(
        ContactJson.withLimits(limits).newParser()::parse,
        bytes, before.length, text.length, 7);
    List<String> then = RecordingSink.run(
        new TextContactParser(limits, JsonSupport.readerFactory(limits))::parse,
        bytes, before.length, text.length, 7);
    assertEquals(then, now);
    return now;
  }

  private static List<String> read(String json) {
    return read(JsonLimits.defaults(), json);
  }

  private static String contact(String id, String sector, String type, String at) {
    return "{\"id\":\"" + id + "\",\"attributes\":{\"sector\":\"" + sector + "\"},"
        + "\"events\":[{\"type\":\"" + type + "\",\"at\":\"" + at + "\",\"value\":3}]}";
  }

  private static final List<String> SAME = List.of("begin 7", "id c-17",
      "attribute sector string tech", "event blog_visit " + AT + " 0 true 3.0", "end");

  @Test
  void plainAscii_everyKind() {
    assertEquals(SAME, read(contact("c-17", "tech", "blog_visit", "2026-11-02T10:00:00Z")));
  }

  @Test
  void anEscape_inEveryKind_readsTheSame() {
    assertEquals(SAME, read(contact("c\\u002d17", "te\\u0063h", "blog\\u005fvisit",
        "2026-11-02T10\\u003a00:00Z")));
    assertEquals(SAME, read(contact("c-17", "tech", "blog\\u005fvisit", "2026-11-02T10:00:00Z")));
  }

  @Test
  void nonAscii_isReadThroughJackson() {
    assertEquals(List.of("begin 7", "id \u00e7-17", "attribute sector string Z\u00fcrich",
        "event caf\u00e9_visit " + AT + " 0 true 3.0", "end"),
        read(contact("\u00e7-17", "Z\u00fcrich", "caf\u00e9_visit", "2026-11-02T10:00:00Z")));
  }

  @Test
  void delete_0x7F_isNotPlain_butAccepted() {
    assertEquals(List.of("begin 7", "id c\u007f17", "attribute sector string t\u007fch",
        "event blog\u007fvisit " + AT + " 0 true 3.0", "end"),
        read(contact("c\u007f17", "t\u007fch", "blog\u007fvisit", "2026-11-02T10:00:00Z")));
  }

  @Test
  void aNonAsciiInstant_isRefusedAsBefore() {
    assertEquals(List.of("begin 7", "id c-17", "attribute sector string tech", "abort",
        "error line=7 path=events[0].at line 7: events[0].at must be " + Instants.RANGE
            + ", but was \"2026-11-02T10:00:0\u0665Z\""),
        read(contact("c-17", "tech", "blog_visit", "2026-11-02T10:00:0\u0665Z")));
  }

  @Test
  void aControlByte_inEachKind_isJacksonsError() {
    String tab = "Illegal unquoted character ((CTRL-CHAR, code 9)): has to be escaped using"
        + " backslash to be included in string value";
    assertEquals(List.of("begin 7", "abort", "error line=7 path=id line 7: id must be valid"
        + " JSON, but was malformed at column 10: " + tab),
        read(contact("c-\t17", "tech", "blog_visit", "2026-11-02T10:00:00Z")));
    assertEquals(List.of("begin 7", "id c-17", "abort", "error line=7 path=attributes.sector"
        + " line 7: attributes.sector must be valid JSON, but was malformed at column 40: " + tab),
        read(contact("c-17", "te\tch", "blog_visit", "2026-11-02T10:00:00Z")));
    assertEquals(List.of("begin 7", "id c-17", "attribute sector string tech", "abort",
        "error line=7 path=events[0].type line 7: events[0].type must be valid JSON, but was"
            + " malformed at column 68: " + tab),
        read(contact("c-17", "tech", "blog\tvisit", "2026-11-02T10:00:00Z")));
    assertEquals(List.of("begin 7", "id c-17", "attribute sector string tech", "abort",
        "error line=7 path=events[0].at line 7: events[0].at must be valid JSON, but was"
            + " malformed at column 102: " + tab),
        read(contact("c-17", "tech", "blog_visit", "2026-11-02T10:00:00Z\t")));
  }

  @Test
  void plainButRefusedValues_keepTheirMessages() {
    assertEquals(List.of("begin 7", "abort",
        "error line=7 path=id line 7: id must be a non-blank string, but was \"  \""),
        read(contact("  ", "tech", "blog_visit", "2026-11-02T10:00:00Z")));
    assertEquals(List.of("begin 7", "id c-17", "attribute sector string ", "abort",
        "error line=7 path=events[0].type line 7: events[0].type must be a non-blank string,"
            + " but was \"\""),
        read(contact("c-17", "", "", "2026-11-02T10:00:00Z")));
    assertEquals(List.of("begin 7", "id c-17", "attribute sector string tech", "abort",
        "error line=7 path=events[0].at line 7: events[0].at must be " + Instants.RANGE
            + ", but was \"2026-13-02T10:00:00Z\""),
        read(contact("c-17", "tech", "blog_visit", "2026-13-02T10:00:00Z")));
  }

  @Test
  void offsetsAndLeapSeconds_goToInstantParse_fromBytes() {
    long plusTwo = Instant.parse("2026-11-02T10:00:00+02:00").getEpochSecond();
    assertEquals(List.of("begin 7", "id c-17", "attribute sector string tech",
        "event blog_visit " + plusTwo + " 500000000 true 3.0", "end"),
        read(contact("c-17", "tech", "blog_visit", "2026-11-02T10:00:00.5+02:00")));
    long leap = Instant.parse("2026-12-31T23:59:60Z").getEpochSecond();
    assertEquals(List.of("begin 7", "id c-17", "attribute sector string tech",
        "event blog_visit " + leap + " 0 true 3.0", "end"),
        read(contact("c-17", "tech", "blog_visit", "2026-12-31T23:59:60Z")));
  }

  @Test
  void anUnterminatedString_atTheEnd_isNotReadPastIt() {
    // The bytes after the range close the string; the reader must not look at them.
    assertEquals(List.of("begin 7", "abort", "error line=7 path=id line 7: id must be valid"
        + " JSON, but was malformed at column 11: Unexpected end-of-input in VALUE_STRING"),
        read("{\"id\":\"abc"));
    assertEquals(List.of("begin 7", "id c", "abort", "error line=7 path=attributes.s line 7:"
        + " attributes.s must be valid JSON, but was malformed at column 33: Unexpected"
        + " end-of-input in VALUE_STRING"),
        read("{\"id\":\"c\",\"attributes\":{\"s\":\"abc"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "sector", "type"})
  void theStringLengthLimit_holdsOnTheBytePath(String kind) {
    JsonLimits limits = JsonLimits.builder().maxStringLength(10).build();
    String ten = "abcdefghij";
    String eleven = ten + "k";
    String at = "2026-11-02T10:00:00Z";
    List<String> ok = read(JsonLimits.builder().maxStringLength(20).build(), contact(
        kind.equals("id") ? ten : "c", kind.equals("sector") ? ten : "t",
        kind.equals("type") ? ten : "t", at));
    assertEquals("end", ok.get(ok.size() - 1));
    String path = switch (kind) {
      case "id" -> "id";
      case "sector" -> "attributes.sector";
      default -> "events[0].type";
    };
    List<String> refused = read(limits, contact(
        kind.equals("id") ? eleven : "c", kind.equals("sector") ? eleven : "t",
        kind.equals("type") ? eleven : "t", "x"));
    assertEquals("error line=7 path=" + path + " line 7: " + path + " must be a string of at"
        + " most 10 characters, but was longer", refused.get(refused.size() - 1));
  }

  @Test
  void theStringLengthLimit_holdsForInstants() {
    JsonLimits limits = JsonLimits.builder().maxStringLength(20).build();
    assertEquals(SAME, read(limits, contact("c-17", "tech", "blog_visit",
        "2026-11-02T10:00:00Z")));
    assertEquals(List.of("begin 7", "id c-17", "attribute sector string tech", "abort",
        "error line=7 path=events[0].at line 7: events[0].at must be a string of at most 20"
            + " characters, but was longer"),
        read(limits, contact("c-17", "tech", "blog_visit", "2026-11-02T10:00:00.5Z")));
  }

  @Test
  void plainLength_countsPrintableAsciiUpToTheQuote() {
    // x"page_view","a\"b","café","","~ !" with the strings' first bytes at 2, 14, 21, 29, 32
    byte[] b = "x\"page_view\",\"a\\\"b\",\"caf\u00e9\",\"\",\"~ !\""
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(9, ContactParser.plainLength(b, 2, b.length));
    assertEquals(-1, ContactParser.plainLength(b, 2, 11)); // no quote before the end
    assertEquals(9, ContactParser.plainLength(b, 2, 12));
    assertEquals(-1, ContactParser.plainLength(b, 14, b.length)); // a backslash
    assertEquals(-1, ContactParser.plainLength(b, 21, b.length)); // non-ASCII
    assertEquals(0, ContactParser.plainLength(b, 29, b.length));
    assertEquals(3, ContactParser.plainLength(b, 32, b.length));
    byte[] controls = {'a', 0x1F, '"', 'a', 0x7F, '"', 'a', 0x20, '"', 'a', 0x7E, '"'};
    assertEquals(-1, ContactParser.plainLength(controls, 0, controls.length));
    assertEquals(-1, ContactParser.plainLength(controls, 3, controls.length));
    assertEquals(2, ContactParser.plainLength(controls, 6, controls.length));
    assertEquals(2, ContactParser.plainLength(controls, 9, controls.length));
  }
}
