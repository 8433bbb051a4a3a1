package dev.scoring.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The RFC 8785 JSON Canonicalization Scheme (JCS) form of a JSON tree: object members sorted
 * by their names' UTF-16 code units, no whitespace, strings escaped as RFC 8785 section
 * 3.2.2.2 says and numbers written as ECMAScript's Number-to-String (section 3.2.2.3).
 *
 * <ul>
 *   <li>Strings: only {@code "}, {@code \} and the controls U+0000..U+001F are escaped; the
 *       controls as {@code \b \t \n \f \r} where JSON has a short form, else as
 *       <code>&#92;u00xx</code> with lower-case hex; everything else is written as itself.
 *   <li>Numbers: the shortest digits that read back to the same double (of two such, the one
 *       closer to the double, then the even one), as plain digits from 1e-6 up to below 1e21
 *       ({@code 0.000001}, {@code 333333333.3333333}, {@code 4.5}) and in exponent form
 *       outside ({@code 1e-7}, {@code 1e+21}); whole numbers without a fraction; {@code -0}
 *       as {@code 0}.
 * </ul>
 *
 * <p>Two deviations, for input RFC 8785 has no form for (it requires I-JSON: valid Unicode,
 * numbers that are doubles), so that distinct values still never share a form: an unpaired
 * surrogate in a string is written as a lower-case <code>&#92;udxxx</code> escape (what
 * ECMAScript's {@code JSON.stringify} writes), and a whole number that a {@code long} holds
 * but a double does not hold exactly (beyond 2<sup>53</sup> in magnitude) is written with all
 * its digits rather than rounded to a double.
 *
 * <p>Stateless and thread-safe; time linear in the size of the tree (a number costs at most
 * 17 rounding steps).
 */
final class Jcs {
  private static final long EXACT = 1L << 53;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Reads back {@link CanonicalJson}'s own text, whatever its size: no reading limits. */
  private static final JsonFactory OWN_TEXT = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxNameLength(Integer.MAX_VALUE)
          .maxNestingDepth(Integer.MAX_VALUE)
          .build())
      .build();

  private Jcs() {}

  /**
   * Returns the JCS form of a JSON text this package wrote (a canonical model or set).
   *
   * @param json a JSON object
   * @return the canonical text
   */
  static String of(String json) {
    try {
      return write(ModelTree.read(OWN_TEXT, JsonLimits.defaults(), f -> f.createParser(json),
          "characters"));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  /**
   * Returns the JCS form of a tree.
   *
   * @param node a tree of objects, arrays, strings, numbers, booleans and nulls
   * @return the canonical text
   * @throws IllegalArgumentException if a number is not finite or is not a double or a long
   */
  static String write(JsonNode node) {
    StringBuilder out = new StringBuilder(256);
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          members.add(it.next());
        }
        // String.compareTo compares UTF-16 code units, as RFC 8785 section 3.2.3 asks.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          string(members.get(i).getKey(), out);
          out.append(':');
          write(members.get(i).getValue(), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      case NUMBER -> {
        if (node.isIntegralNumber() && !node.canConvertToLong()) {
          throw new IllegalArgumentException("number must fit a long or a double, but was "
              + node.bigIntegerValue());
        }
        long whole = node.isIntegralNumber() ? node.longValue() : 0;
        if (whole > EXACT || whole < -EXACT) {
          out.append(whole); // beyond a double's exact range: every digit
        } else {
          out.append(number(node.doubleValue()));
        }
      }
      default -> throw new IllegalArgumentException("node must be a JSON value, but was "
          + node.getNodeType());
    }
  }

  /**
   * Writes a string as RFC 8785 section 3.2.2.2 says (with the unpaired-surrogate escape).
   *
   * @param s   the string
   * @param out where to write it, quotes included
   */
  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !paired(s, i)) {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15])
                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean paired(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /**
   * Returns a double as ECMAScript's Number-to-String writes it (ECMA-262, Number::toString
   * with radix 10), as RFC 8785 section 3.2.2.3 asks.
   *
   * @param value a finite double
   * @return its text: {@code 0} for both zeros, {@code 1e+21}, {@code 1e-7},
   *     {@code 0.000001}, {@code 4.5}, ...
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("number must be finite, but was " + value);
    }
    if (value == 0) {
      return "0";
    }
    if (value < 0) {
      return "-" + number(-value);
    }
    BigDecimal shortest = shortest(value);
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    // value = 0.d1d2...dk * 10^n
    int n = k - shortest.scale();
    StringBuilder out = new StringBuilder(k + 8);
    if (k <= n && n <= 21) {
      out.append(digits);
      for (int i = k; i < n; i++) {
        out.append('0');
      }
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.");
      for (int i = n; i < 0; i++) {
        out.append('0');
      }
      out.append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      int e = n - 1;
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }

  /**
   * The decimal with the fewest significant digits that reads back to {@code value}; of two
   * such, the one closer to {@code value}, and of two equally close the one whose last digit
   * is even (ECMA-262's note to Number::toString). Trailing zeros stripped.
   */
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int p = 1; p <= 17; p++) {
      BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
      boolean downOk = Double.parseDouble(down.toString()) == value;
      boolean upOk = Double.parseDouble(up.toString()) == value;
      if (downOk && upOk && down.compareTo(up) != 0) {
        int c = exact.subtract(down).compareTo(up.subtract(exact));
        if (c < 0) {
          return down.stripTrailingZeros();
        }
        if (c > 0) {
          return up.stripTrailingZeros();
        }
        return (down.unscaledValue().testBit(0) ? up : down).stripTrailingZeros();
      }
      if (downOk) {
        return down.stripTrailingZeros();
      }
      if (upOk) {
        return up.stripTrailingZeros();
      }
    }
    throw new AssertionError("17 significant digits always read back, but not for " + value);
  }
}
