package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Random contact lines whose strings mix plain ASCII, escapes, non-ASCII text, control
 * bytes and {@code DEL}, read by one parser after another (so the string cache is shared
 * across lines, fed from bytes and from characters): the reader gives exactly the sink calls
 * and errors of the reader before the change ({@link TextContactParser}), with the text at
 * any offset of a larger array and bytes after it that would close an open string.
 */
class PlainStringsProperties {

  /** The raw JSON text of one string, without its quotes. */
  @Provide
  Arbitrary<String> strings() {
    Arbitrary<String> plain = Arbitraries.strings().withChars(' ', '~')
        .excludeChars('"', '\\').ofMaxLength(8);
    Arbitrary<String> escape = Arbitraries.of("\\u005f", "\\\"", "\\\\", "\\n", "\\u00e9",
        "\\ud83d\\ude00", "\\/", "\\u0041");
    Arbitrary<String> nonAscii = Arbitraries.of("\u00e9", "\u20ac", "\ud83d\ude00", "\u00fc");
    Arbitrary<String> odd = Arbitraries.of("\t", "\u0001", "\u007f", "\u001f");
    Arbitrary<String> fragment = Arbitraries.frequencyOf(Tuple.of(12, plain),
        Tuple.of(2, escape), Tuple.of(2, nonAscii), Tuple.of(1, odd));
    Arbitrary<String> mixed = fragment.list().ofMaxSize(4).map(l -> String.join("", l));
    // Repeated values, some alike but for one byte at the start, in the middle or at the end
    // of short, 8..16 and 17..48 byte strings, to catch a cache that confuses them.
    Arbitrary<String> repeated = Arbitraries.of("page_view", "page_xiew", "page_vie", "blog_visit",
        "blog\\u005fvisit", "tech", "tecx", "xech", "Z\u00fcrich", "", " ", "case_study_download",
        "case_study_xownload", "case_study_downloax", "xase_study_download",
        "pricing\\u005fpage_visit", "pricing_page_visit", "sixteen_bytes_ab", "sixteen_bytes_ax",
        "a-fairly-long-plain-ascii-value-of-more-than-48-bytes", "\u00e9t\u00e9");
    return Arbitraries.frequencyOf(Tuple.of(3, mixed), Tuple.of(2, repeated));
  }

  /** The raw JSON text of an event instant, without its quotes. */
  @Provide
  Arbitrary<String> instants() {
    Arbitrary<Instant> instant = Combinators.combine(
            Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
    Arbitrary<String> canonical = instant.map(Instant::toString);
    Arbitrary<String> seconds = instant.map(i -> i.toString().substring(0, 19) + "Z");
    Arbitrary<String> offset = seconds.map(s -> s.substring(0, 19) + "+02:00");
    Arbitrary<String> escaped = seconds.map(s -> s.replace(":", "\\u003a"));
    Arbitrary<String> odd = Combinators.combine(seconds, Arbitraries.integers().between(0, 19),
            Arbitraries.of("\t", "\u0665", "\u007f", "A", "\\u0031", "1"))
        .as((s, at, c) -> s.substring(0, at) + c + s.substring(at + 1));
    return Arbitraries.frequencyOf(Tuple.of(3, canonical), Tuple.of(3, seconds),
        Tuple.of(1, offset), Tuple.of(1, escaped), Tuple.of(2, odd),
        Tuple.of(1, Arbitraries.of("2026-12-31T23:59:60Z", "2026-02-29T00:00:00Z", "",
            "0000-12-31T23:59:59Z")));
  }

  /** One contact line. */
  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> attribute = Arbitraries.oneOf(strings().map(s -> "\"" + s + "\""),
        Arbitraries.of("1", "2.5", "true", "null", "[1]"));
    Arbitrary<String> attributes = attribute.list().ofMaxSize(4).map(values -> {
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < values.size(); i++) {
        b.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":").append(values.get(i));
      }
      return b.append('}').toString();
    });
    Arbitrary<String> event = Combinators.combine(strings(), instants(),
            Arbitraries.of("", ",\"value\":3", ",\"value\":null"))
        .as((type, at, value) -> "{\"type\":\"" + type + "\",\"at\":\"" + at + "\"" + value
            + "}");
    Arbitrary<String> events = event.list().ofMaxSize(5).map(l -> "[" + String.join(",", l)
        + "]");
    return Combinators.combine(strings(), attributes, events, Arbitraries.integers()
            .between(0, 9))
        .as((id, attrs, evs, cut) -> {
          String line = "{\"id\":\"" + id + "\",\"attributes\":" + attrs + ",\"events\":" + evs
              + "}";
          // now and then an unterminated line: cut inside its last string
          return cut == 0 && line.length() > 12 ? line.substring(0, line.length() - 6) : line;
        });
  }

  /** A few lines, read one after another by one parser. */
  @Provide
  Arbitrary<List<String>> files() {
    return lines().list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 300)
  void theBytePathGivesTheCallsAndErrorsOfJacksonsText(
      @ForAll("files") List<String> lines,
      @ForAll @IntRange(min = 0, max = 40) int offset,
      @ForAll @IntRange(min = 0, max = 2) int limit) {
    JsonLimits limits = switch (limit) {
      case 0 -> JsonLimits.defaults();
      case 1 -> JsonLimits.builder().maxStringLength(12).build();
      default -> JsonLimits.builder().maxStringLength(20).build();
    };
    ContactParser now = ContactJson.withLimits(limits).newParser();
    TextContactParser then = new TextContactParser(limits, JsonSupport.readerFactory(limits));
    List<String> nowCalls = new ArrayList<>();
    List<String> thenCalls = new ArrayList<>();
    long line = 0;
    for (String text : lines) {
      byte[] json = text.getBytes(StandardCharsets.UTF_8);
      byte[] bytes = new byte[offset + json.length + 4];
      java.util.Arrays.fill(bytes, 0, offset, (byte) '"');
      System.arraycopy(json, 0, bytes, offset, json.length);
      System.arraycopy("\"}]}".getBytes(StandardCharsets.US_ASCII), 0, bytes,
          offset + json.length, 4);
      line++;
      nowCalls.addAll(RecordingSink.run(now::parse, bytes, offset, json.length, line));
      thenCalls.addAll(RecordingSink.run(then::parse, bytes, offset, json.length, line));
    }
    assertEquals(thenCalls, nowCalls);
  }

  /**
   * NDJSON of such lines through {@link ContactJson#readInto} (block mode: one Jackson parser
   * over many lines, the byte path reading from the block): the contacts taken and the bad
   * lines reported are those of the old reader run on each line alone.
   */
  @Property(tries = 150)
  void blockMode_takesAndReportsWhatTheOldReaderDoesLineByLine(
      @ForAll("files") List<String> lines, @ForAll boolean crlf) {
    StringBuilder file = new StringBuilder();
    List<String> expected = new ArrayList<>();
    TextContactParser then = new TextContactParser(JsonLimits.defaults(),
        JsonSupport.readerFactory(JsonLimits.defaults()));
    for (int i = 0; i < lines.size(); i++) {
      file.append(lines.get(i)).append(crlf ? "\r\n" : "\n");
      byte[] json = lines.get(i).getBytes(StandardCharsets.UTF_8);
      List<String> calls = RecordingSink.run(then::parse, json, 0, json.length, i + 1);
      String last = calls.get(calls.size() - 1);
      if (last.equals("end")) {
        expected.addAll(calls);
      } else {
        expected.add(last);
      }
    }
    List<String> actual = new ArrayList<>();
    ContactSink taken = new ContactSink() {
      private final RecordingSink.Buffer contact = new RecordingSink.Buffer();

      @Override
      public void begin(long line) {
        contact.clear();
        contact.begin(line);
      }

      @Override
      public void id(String id) {
        contact.id(id);
      }

      @Override
      public void attribute(String name, String value) {
        contact.attribute(name, value);
      }

      @Override
      public void attribute(String name, long value) {
        contact.attribute(name, value);
      }

      @Override
      public void attribute(String name, double value) {
        contact.attribute(name, value);
      }

      @Override
      public void attribute(String name, boolean value) {
        contact.attribute(name, value);
      }

      @Override
      public void event(String type, long second, int nano, boolean hasValue, double value) {
        contact.event(type, second, nano, hasValue, value);
      }

      @Override
      public void end() {
        contact.end();
        actual.addAll(contact.calls());
      }

      @Override
      public void abort() {
        contact.clear();
      }
    };
    ContactJson.defaults().readInto(new java.io.ByteArrayInputStream(
        file.toString().getBytes(StandardCharsets.UTF_8)), taken,
        bad -> actual.add("error line=" + bad.line() + " path=" + bad.path() + " "
            + bad.message()));
    assertEquals(expected, actual);
  }

  /** The generated lines are mostly contacts, and mostly plain: the property tests both. */
  @Property(tries = 1)
  void theLinesCoverGoodAndBadContacts() {
    int good = 0;
    int bad = 0;
    ContactParser parser = ContactJson.defaults().newParser();
    for (String text : lines().sampleStream().limit(400).toList()) {
      byte[] json = text.getBytes(StandardCharsets.UTF_8);
      List<String> calls = RecordingSink.run(parser::parse, json, 0, json.length, 1);
      if (calls.get(calls.size() - 1).equals("end")) {
        good++;
      } else {
        bad++;
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(good > 40 && bad > 40,
        "good " + good + ", bad " + bad);
  }

  /**
   * Strings alike but for one character, or one a prefix of another, of every length class
   * of the cache; a backslash before a quote stays in the raw bytes.
   */
  @Provide
  Arbitrary<List<String>> alike() {
    return Arbitraries.of("", "a", "tech", "tecx", "xech", "techno", "page_vie", "page_view",
        "page_xiew", "page_viewer", "page_view\\\"", "tech\\\"", "line\nbreak", "del\u007f",
        "sixteen_bytes_ab", "sixteen_bytes_ax", "xixteen_bytes_ab", "seventeen_bytes_a",
        "seventeen_bytes_x", "case_study_download", "case_study_xownload", "xase_study_download",
        "forty-eight-bytes-forty-eight-bytes-forty-eight", "forty-eight-bytes-forty-xight-bytes"
            + "-forty-eight", "forty-nine-bytes-forty-nine-bytes-forty-nine-byte",
        "forty-nine-bytes-forty-nine-bytes-forty-xine-byte", "Z\u00fcrich", "Z\u00fcrici",
        "caf\u00e9", "\u00e9t\u00e9", "\ud83d\ude00").list().ofMaxSize(40);
  }

  /** What follows a string's closing quote. */
  @Provide
  Arbitrary<List<String>> afterQuote() {
    return Arbitraries.of("", ",\"at\":\"2026", "}", ",\"country\":\"DE\"}", "\"\"\"\"\"\"\"")
        .list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 300)
  void theStringCache_withOneOrTwoSlots_neverConfusesAlikeStrings(
      @ForAll("alike") List<String> values, @ForAll boolean twoSlots,
      @ForAll("afterQuote") List<String> after) throws IOException {
    ContactParser.StringCache cache = new ContactParser.StringCache(twoSlots ? 2 : 1);
    JsonFactory factory = JsonSupport.readerFactory(JsonLimits.defaults());
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      // as the reader reads it: found by its start, else its plain length, then the cache
      byte[] bytes = ("\"" + value + "\"" + after.get(i % after.size()))
          .getBytes(StandardCharsets.UTF_8);
      int length = ContactParser.plainLength(bytes, 1, bytes.length);
      String read = cache.seen(bytes, 1, bytes.length);
      if (read == null && length >= 0) {
        read = cache.get(bytes, 1, length, bytes.length);
      }
      if (length >= 0) {
        assertEquals(new String(bytes, 1, length, StandardCharsets.US_ASCII), read);
      } else {
        assertEquals(null, read);
      }
      // at the very end of an array
      if (length >= 0) {
        byte[] tail = value.getBytes(StandardCharsets.US_ASCII);
        assertEquals(value, cache.get(tail, 0, tail.length));
      }
      try (JsonParser p = factory.createParser(JsonSupport.quote(value))) {
        p.nextToken();
        assertEquals(value, cache.get(p));
      }
    }
  }
}
