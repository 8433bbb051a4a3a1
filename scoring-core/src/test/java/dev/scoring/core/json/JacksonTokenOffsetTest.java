package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code ContactParser}'s byte path rests on: for the parser our factory makes over a
 * {@code byte[]}, {@link ParserBase#getTokenCharacterOffset()} of a string value is the byte
 * offset just after its opening quote (its first byte, not the quote: jackson-core 2.22.4),
 * counted in bytes from the offset the parser was created with; and a string not asked for
 * is skipped on the next token.
 */
class JacksonTokenOffsetTest {
  private static final JsonFactory FACTORY = JsonSupport.readerFactory(JsonLimits.defaults());

  /** Each string value's token offset, and the bytes from there to the closing quote. */
  private static List<String> strings(byte[] bytes, int offset, int length) throws IOException {
    List<String> found = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
      assertInstanceOf(ParserBase.class, p);
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          long at = ((ParserBase) p).getTokenCharacterOffset();
          int quote = offset + (int) at - 1;
          assertEquals('"', (char) bytes[quote]);
          int end = quote + 1;
          while (bytes[end] != '"') {
            end++;
          }
          found.add(at + ":" + new String(bytes, quote, end + 1 - quote,
              StandardCharsets.UTF_8));
        }
      }
    }
    return found;
  }

  private static final String JSON = "{\"id\":\"c-1\", \"attributes\" : {\"city\":  \"Z\u00fcrich\","
      + "\"sector\":\"tech\"},\"events\":[{\"type\":\"page_view\",\"at\":\"2026-01-01T00:00:00Z\"},"
      + "\"x\", {\"type\" :\n\"\u00e9\"}]}";

  @Test
  void tokenOffsetIsJustAfterTheOpeningQuote_inBytes() throws IOException {
    byte[] bytes = JSON.getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("7:\"c-1\"", "39:\"Z\u00fcrich\"", "58:\"tech\"", "84:\"page_view\"",
        "101:\"2026-01-01T00:00:00Z\"", "125:\"x\"", "140:\"\u00e9\""),
        strings(bytes, 0, bytes.length));
  }

  @Test
  void tokenOffsetCountsFromTheParsersStart_inBytes() throws IOException {
    byte[] json = JSON.getBytes(StandardCharsets.UTF_8);
    // A line of non-ASCII text before the range, and garbage after it.
    byte[] prefix = "[\"\u00e4\u00f6\u00fc\u20ac\"]\n  ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[prefix.length + json.length + 5];
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    System.arraycopy(json, 0, bytes, prefix.length, json.length);
    System.arraycopy("\"}]\"\"".getBytes(StandardCharsets.US_ASCII), 0, bytes,
        prefix.length + json.length, 5);
    assertEquals(strings(json, 0, json.length), strings(bytes, prefix.length, json.length));
  }

  @Test
  void aStringNotAskedForIsSkipped_andTheNextTokenIsRight() throws IOException {
    byte[] bytes = "  {\"a\":\"skip me\",\"b\":\"read\"}".getBytes(StandardCharsets.US_ASCII);
    try (JsonParser p = FACTORY.createParser(bytes, 2, bytes.length - 2)) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      assertEquals(JsonToken.FIELD_NAME, p.nextToken());
      assertEquals(JsonToken.VALUE_STRING, p.nextToken());
      assertEquals(6, ((ParserBase) p).getTokenCharacterOffset());
      assertEquals(JsonToken.FIELD_NAME, p.nextToken());
      assertEquals("b", p.currentName());
      assertEquals(JsonToken.VALUE_STRING, p.nextToken());
      assertEquals(20, ((ParserBase) p).getTokenCharacterOffset());
      assertEquals("read", p.getText());
      assertEquals(JsonToken.END_OBJECT, p.nextToken());
    }
  }
}
