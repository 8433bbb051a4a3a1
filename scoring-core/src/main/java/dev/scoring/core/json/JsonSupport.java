package dev.scoring.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scoring.api.Values;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * What the JSON readers and writers of this package share: the Jackson factory set up from
 * {@link JsonLimits} (no polymorphic typing, no data binding: plain tokens only), JSON paths
 * as they appear in messages, the description of values in messages and the translation of
 * Jackson's errors into the house message template.
 */
final class JsonSupport {
  private static final Pattern LOCATION =
      Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]");
  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final int DESCRIBE_MAX = Values.MAX_DESCRIPTION_LENGTH;

  /**
   * A reading problem: the JSON path (empty for the whole document) and the full message.
   *
   * @param path    the JSON path
   * @param message the message, naming the path and the value
   */
  record Problem(String path, String message) {}

  /** A factory for writing: shortest round-tripping doubles, the same on every JDK. */
  static final JsonFactory WRITER_FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private JsonSupport() {}

  /** A reading factory enforcing the limits; comments, NaN and the like stay disallowed. */
  static JsonFactory readerFactory(JsonLimits limits) {
    return readerBuilder(limits, limits.maxDocumentLength()).build();
  }

  /**
   * {@link #readerFactory(JsonLimits)} for parsers over many NDJSON lines at once
   * ({@link LinesJsonFactory}), whose reader checks the document limit line by line itself:
   * Jackson's document limit is lifted.
   */
  static LinesJsonFactory linesReaderFactory(JsonLimits limits) {
    return new LinesJsonFactory(readerBuilder(limits, -1)); // Jackson: <= 0 means no limit
  }

  private static JsonFactoryBuilder readerBuilder(JsonLimits limits, long maxDocumentLength) {
    return new JsonFactoryBuilder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxDocumentLength(maxDocumentLength)
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(limits.maxStringLength())
            .build())
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION);
  }

  /** The path of a field: {@code behavioral[3].points}, or {@code attributes["a b"]}. */
  static String field(String path, String name) {
    if (SIMPLE_NAME.matcher(name).matches()) {
      return path.isEmpty() ? name : path + "." + name;
    }
    return path + "[" + quote(name) + "]";
  }

  /** The path of an array element: {@code behavioral[3]}. */
  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  /** The path as the subject of a message: the document's label for the root. */
  static String where(String path, String rootLabel) {
    return path.isEmpty() ? rootLabel : path;
  }

  /** A JSON string literal. */
  static String quote(String s) {
    return Values.quote(s, -1);
  }

  /** Whether a string holds a surrogate that is not half of a pair. */
  static boolean hasUnpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i)) && !paired(s, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean paired(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** A JSON value as it appears in a message: compact JSON, shortened when long. */
  static String describe(JsonNode node) {
    if (node.isFloatingPointNumber()) {
      return Values.describe(node.doubleValue());
    }
    if (node.isTextual()) {
      return Values.describe(node.textValue());
    }
    String text = node.toString();
    return text.length() <= DESCRIBE_MAX ? text : text.substring(0, DESCRIBE_MAX - 3) + "...";
  }

  /** Writes a number: whole numbers without a fraction, others in shortest form. */
  static void writeNumber(JsonGenerator g, double value) throws IOException {
    if (value == Math.rint(value) && Math.abs(value) < 0x1p53
        && !(value == 0 && Double.doubleToRawLongBits(value) != 0)) {
      g.writeNumber((long) value);
    } else {
      g.writeNumber(value);
    }
  }

  /**
   * Turns a Jackson reading error into the house template, as a message about
   * {@code path}.
   *
   * @param e         the error
   * @param path      the path being read when it happened, empty for the document
   * @param document  the document label ({@code model}, {@code contact})
   * @param limits    the limits in force
   * @param unit      what the document length counts ({@code characters} or {@code bytes})
   * @return where the problem is and the message
   */
  static Problem translate(IOException e, String path, String document, JsonLimits limits,
      String unit) {
    return translate(e, path, document, limits, unit, true);
  }

  /** As above; {@code withLine} false leaves the line out of locations (one-line input). */
  static Problem translate(IOException e, String path, String document, JsonLimits limits,
      String unit, boolean withLine) {
    String subject = where(path, document);
    if (e instanceof StreamConstraintsException) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("getMaxDocumentLength")) {
        return new Problem("", document + " must be at most " + limits.maxDocumentLength()
            + " " + unit + " long, but was longer");
      }
      if (m.contains("getMaxNestingDepth")) {
        return new Problem(path, subject + " must be nested at most "
            + limits.maxNestingDepth() + " levels deep, but was nested deeper");
      }
      if (m.contains("getMaxStringLength")) {
        return new Problem(path, subject + " must be a string of at most "
            + limits.maxStringLength() + " characters, but was longer");
      }
      if (m.contains("getMaxNameLength")) {
        return new Problem(path, subject + " must have field names of at most "
            + limits.maxStringLength() + " characters, but had a longer one");
      }
      if (m.contains("getMaxNumberLength")) {
        return new Problem(path, subject + " must be a number of at most "
            + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " characters, but was longer");
      }
      return new Problem(path, subject + " must be within the reading limits, but was not: "
          + m);
    }
    String detail;
    if (e instanceof JsonProcessingException j) {
      String original = String.valueOf(j.getOriginalMessage());
      original = LOCATION.matcher(original).replaceAll("line $1, column $2");
      detail = j.getLocation() == null || j.getLocation().getLineNr() < 1 ? original
          : "malformed at " + (withLine ? "line " + j.getLocation().getLineNr() + ", " : "")
              + "column " + j.getLocation().getColumnNr() + ": " + original;
    } else {
      detail = "malformed: " + e.getMessage();
    }
    return new Problem(path, subject + " must be valid JSON, but was " + detail);
  }

  /**
   * Escapes unpaired surrogates (which can only occur inside JSON strings) so the text
   * encodes to UTF-8 without loss; JSON readers turn the escape back into the same char.
   */
  static String escapeUnpairedSurrogates(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean unpaired = Character.isSurrogate(c) && !paired(json, i);
      if (unpaired && out == null) {
        out = new StringBuilder(json.length() + 16).append(json, 0, i);
      }
      if (out != null) {
        if (unpaired) {
          out.append(String.format("\\u%04X", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? json : out.toString();
  }
}
