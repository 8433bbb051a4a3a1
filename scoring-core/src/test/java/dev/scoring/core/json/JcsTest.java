package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8785 (JCS): the RFC's own examples and ECMAScript's number form, with exact strings. */
class JcsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String jcs(String json) throws IOException {
    return Jcs.write(MAPPER.readTree(json));
  }

  @Test
  void theRfcsSection322Example() throws IOException {
    String input = "{\n"
        + "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
        + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
        + "  \"literals\": [null, true, false]\n"
        + "}";
    assertEquals("{\"literals\":[null,true,false],"
        + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", jcs(input));
  }

  @Test
  void theRfcsSection323Example_keysSortedByUtf16CodeUnits() throws IOException {
    String input = "{\n"
        + "  \"\\u20ac\": \"Euro Sign\",\n"
        + "  \"\\r\": \"Carriage Return\",\n"
        + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
        + "  \"1\": \"One\",\n"
        + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
        + "  \"\\u0080\": \"Control\",\n"
        + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
        + "}";
    assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
        + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}", jcs(input));
  }

  @Test
  void theRfcsNumbers_exactly() {
    assertEquals("1e+21", Jcs.number(1e21));
    assertEquals("1e-7", Jcs.number(1e-7));
    assertEquals("0.000001", Jcs.number(0.000001));
    assertEquals("333333333.3333333", Jcs.number(333333333.33333329));
    assertEquals("0", Jcs.number(-0.0));
    assertEquals("0", Jcs.number(0.0));
    assertEquals("4.5", Jcs.number(4.50));
    assertEquals("0.002", Jcs.number(2e-3));
    assertEquals("1e+30", Jcs.number(1E30));
    assertEquals("1e-27", Jcs.number(0.000000000000000000000000001));
    assertEquals("999999999999999900000", Jcs.number(999999999999999900000.0));
    assertEquals("100", Jcs.number(100.0));
    assertEquals("-1.5", Jcs.number(-1.5));
    // Java writes 4.9E-324 (two digits), ECMAScript the one digit that reads back
    assertEquals("5e-324", Jcs.number(Double.MIN_VALUE));
    assertEquals("1.7976931348623157e+308", Jcs.number(Double.MAX_VALUE));
    assertEquals("9007199254740992", Jcs.number(0x1p53));
    assertEquals("295147905179352830000", Jcs.number(0x1p68));
  }

  /** Every line of {@code es-numbers.txt}, written by V8's {@code String(x)}. */
  @Test
  void numbersAsEcmaScriptWritesThem_againstV8() throws IOException {
    List<String> wrong = new ArrayList<>();
    int lines = 0;
    try (InputStream in = JcsTest.class.getResourceAsStream("es-numbers.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        lines++;
        String[] parts = line.split(" ");
        double x = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(parts[0]));
        String got = Jcs.number(x);
        if (!got.equals(parts[1])) {
          wrong.add(parts[0] + ": expected " + parts[1] + ", got " + got);
        }
      }
    }
    assertEquals(5826, lines);
    assertEquals(List.of(), wrong);
  }

  @Test
  void stringsEscapeOnlyQuoteBackslashAndControls() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("s", "\u0000\u0001\b\t\n\u000b\f\r\u001f \"\\/<>&\u007f\u2028\u00e9\ud83d\ude00");
    assertEquals("{\"s\":\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f \\\"\\\\/<>&\u007f"
        + "\u2028\u00e9\ud83d\ude00\"}", Jcs.write(o));
  }

  @Test
  void anUnpairedSurrogate_isEscapedInLowerCase_asJsonStringifyDoes() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("a\udc00", "x\ud800");
    assertEquals("{\"a\\udc00\":\"x\\ud800\"}", Jcs.write(o));
  }

  @Test
  void wholeNumbersBeyondADoublesExactRange_keepEveryDigit() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    assertEquals("[9007199254740992,-9007199254740992,9007199254740993,"
        + "-9223372036854775808,1152921504606846976,3,1e+21]",
        Jcs.write(f.arrayNode().add(1L << 53).add(-(1L << 53)).add((1L << 53) + 1)
            .add(Long.MIN_VALUE).add(1L << 60).add(3).add(1e21)));
  }

  @Test
  void nestedObjectsAndArrays_sortedAtEveryLevel_arraysKeepTheirOrder() throws IOException {
    assertEquals("{\"a\":[{\"x\":1,\"y\":[3,2]},{}],\"b\":{\"c\":null,\"d\":true}}",
        jcs("{ \"b\": {\"d\": true, \"c\": null}, \"a\": [ {\"y\": [3, 2.0], \"x\": 1.0}, {} ] }"));
  }

  @Test
  void nonFiniteNumbers_areRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Jcs.number(Double.NaN));
    assertEquals("number must be finite, but was NaN", e.getMessage());
    JsonNode big = JsonNodeFactory.instance.numberNode(new java.math.BigInteger("1"
        + "0".repeat(20)));
    e = assertThrows(IllegalArgumentException.class, () -> Jcs.write(big));
    assertEquals("number must fit a long or a double, but was 100000000000000000000",
        e.getMessage());
  }
}
