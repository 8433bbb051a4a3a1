package dev.scoring.core.json;

import dev.scoring.api.ModelException;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.internal.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Model files (SPEC section 7): the one door for reading and writing them.
 *
 * <pre>{@code
 * ScoringTable model = ModelJson.read(Path.of("b2b-leads.json"));
 * ScoringTable inline = ModelJson.parse("{\"name\": \"tiny\", \"behavioral\": ["
 *     + "{\"id\": \"demo\", \"event\": \"demo_request\", \"points\": 30}]}");
 * ModelJson.write(model.toBuilder().version("4").build(), Path.of("b2b-leads-v4.json"));
 * }</pre>
 *
 * <p><b>Reading.</b> {@link #parse(String)} takes JSON text; {@link #read(Path)},
 * {@link #read(InputStream)} and {@link #read(Reader)} take a file, bytes or characters. Each
 * has a variant taking {@link JsonLimits}; the others use {@link JsonLimits#defaults()}. Bytes
 * must be UTF-8 (a byte-order mark at the start is skipped): an invalid sequence, such as
 * the overlong {@code C0 AF}, is refused with its place (byte 1 is the first of the file). The document is read into a
 * plain JSON tree (no data binding, no type information, so nothing in a file can make the
 * reader instantiate a class or run code) and replayed onto
 * {@link ScoringTable#builder(String)}: a file is validated exactly as Java code is, and
 * {@link ScoringTable.Builder#build()} refuses what can never work. Reading takes time and
 * memory linear in the size of the file.
 *
 * <p>Every rejection is a {@link ModelException} whose {@link ModelException#path() path()}
 * is the JSON path of the problem ({@code behavioral[3].points}, empty for the document as a
 * whole) and whose message names that path and the offending value (values are quoted up to
 * 60 characters, messages up to {@link JsonLimits#maxMessageLength()}):
 * <ul>
 *   <li>malformed JSON or UTF-8, a repeated field, trailing content, a document over a
 *       limit (length, nesting, string length, rules, tiers, decay steps, conditions per
 *       rule);
 *   <li>an unknown field (with a suggestion when a known one is close), a missing field, a
 *       value of the wrong type;
 *   <li>an ambiguous rule: two operators in a condition, or a negative rule with more than
 *       one of {@code attribute}, {@code event} and {@code inactiveDays};
 *   <li>everything the builder refuses: a duplicate rule id, zero, non-finite or too large
 *       points, out-of-range values, tiers not strictly increasing or outside the scale,
 *       decay steps not strictly increasing, a rule that can never fire, an empty table.
 * </ul>
 * Fields left out take the builder's defaults; the sections and {@code and} lists, when
 * present, are lists; JSON {@code null} is never a valid value.
 *
 * <p><b>Writing</b> produces {@link ScoringTable#toJson()}, the canonical form: keys in a
 * fixed order, rules in table order one per line, defaults left out, numbers in their
 * shortest round-tripping form. Reading it back gives an {@link ScoringTable#equals equal}
 * table that scores every contact with the same bits, and {@link ScoringTable#fingerprint()}
 * is the SHA-256 of that text.
 *
 * <p>All methods are static and thread-safe.
 */
public final class ModelJson {
  private static final char BOM = '\uFEFF';
  private static final ModelReplay DEFAULT_REPLAY = new ModelReplay(JsonLimits.defaults());
  private static final com.fasterxml.jackson.core.JsonFactory DEFAULT_FACTORY =
      JsonSupport.readerFactory(JsonLimits.defaults());

  private ModelJson() {}

  /**
   * Reads a model from JSON text, with the default limits.
   *
   * @param json the model file's content (not a file name: see {@link #read(Path)})
   * @return the model
   * @throws ModelException if the text is not a valid model
   * @throws NullPointerException if {@code json} is null
   */
  public static ScoringTable parse(String json) {
    return parse(json, JsonLimits.defaults());
  }

  /**
   * Reads a model from JSON text under the given limits.
   *
   * @param json   the model file's content
   * @param limits the limits
   * @return the model
   * @throws ModelException if the text is not a valid model
   * @throws NullPointerException if an argument is null
   */
  public static ScoringTable parse(String json, JsonLimits limits) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(limits, "limits");
    String text = !json.isEmpty() && json.charAt(0) == BOM ? json.substring(1) : json;
    if (text.length() > limits.maxDocumentLength()) {
      throw new ModelException("", "model must be at most " + limits.maxDocumentLength()
          + " characters long, but was " + text.length());
    }
    try {
      return replay(limits, factory -> factory.createParser(text), "characters");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading from a string cannot fail", e);
    }
  }

  /**
   * Reads a model from characters, with the default limits. The reader is not closed.
   *
   * @param in the model file's content
   * @return the model
   * @throws ModelException if the content is not a valid model
   * @throws IOException if reading fails
   */
  public static ScoringTable read(Reader in) throws IOException {
    return read(in, JsonLimits.defaults());
  }

  /**
   * Reads a model from characters under the given limits. The reader is not closed.
   *
   * @param in     the model file's content
   * @param limits the limits
   * @return the model
   * @throws ModelException if the content is not a valid model
   * @throws IOException if reading fails
   * @throws NullPointerException if an argument is null
   */
  public static ScoringTable read(Reader in, JsonLimits limits) throws IOException {
    PushbackReader unread = new PushbackReader(Objects.requireNonNull(in, "in"), 1);
    Objects.requireNonNull(limits, "limits");
    int first = unread.read();
    if (first >= 0 && first != BOM) {
      unread.unread(first);
    }
    return replay(limits, factory -> factory.createParser(unread), "characters");
  }

  /**
   * Reads a model from UTF-8 bytes, with the default limits. The stream is not closed.
   *
   * @param in the model file's content
   * @return the model
   * @throws ModelException if the content is not valid UTF-8 or not a valid model
   * @throws IOException if reading fails
   */
  public static ScoringTable read(InputStream in) throws IOException {
    return read(in, JsonLimits.defaults());
  }

  /**
   * Reads a model from UTF-8 bytes under the given limits. The stream is not closed; at
   * most {@code maxDocumentLength + 1} bytes are read from it.
   *
   * @param in     the model file's content
   * @param limits the limits
   * @return the model
   * @throws ModelException if the content is longer than the limit, not valid UTF-8 or not
   *     a valid model
   * @throws IOException if reading fails
   * @throws NullPointerException if an argument is null
   */
  public static ScoringTable read(InputStream in, JsonLimits limits) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(limits, "limits");
    long max = limits.maxDocumentLength();
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (bytes.length > max) {
      throw new ModelException("", "model must be at most " + max
          + " bytes long, but was longer");
    }
    String text = decodeUtf8(bytes);
    return replay(limits, factory -> factory.createParser(text), "bytes");
  }

  /**
   * Reads a model file (UTF-8), with the default limits.
   *
   * @param file the model file
   * @return the model
   * @throws ModelException if the content is not a valid model
   * @throws IOException if the file cannot be read
   */
  public static ScoringTable read(Path file) throws IOException {
    return read(file, JsonLimits.defaults());
  }

  /**
   * Reads a model file (UTF-8) under the given limits.
   *
   * @param file   the model file
   * @param limits the limits
   * @return the model
   * @throws ModelException if the content is not a valid model
   * @throws IOException if the file cannot be read
   * @throws NullPointerException if an argument is null
   */
  public static ScoringTable read(Path file, JsonLimits limits) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, limits);
    }
  }

  /**
   * Writes a model's canonical JSON. The writer is flushed, not closed.
   *
   * @param model the model
   * @param out   where to write
   * @throws IOException if writing fails
   */
  public static void write(ScoringTable model, Writer out) throws IOException {
    out.write(model.toJson());
    out.flush();
  }

  /**
   * Writes a model's canonical JSON in UTF-8. The stream is flushed, not closed.
   *
   * @param model the model
   * @param out   where to write
   * @throws IOException if writing fails
   */
  public static void write(ScoringTable model, OutputStream out) throws IOException {
    out.write(model.toJson().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * Writes a model's canonical JSON to a file in UTF-8, replacing it if it exists.
   *
   * @param model the model
   * @param file  the file
   * @throws IOException if writing fails
   */
  public static void write(ScoringTable model, Path file) throws IOException {
    Files.writeString(file, Objects.requireNonNull(model, "model").toJson(),
        StandardCharsets.UTF_8);
  }

  private static ScoringTable replay(JsonLimits limits, ModelTree.ParserSource source,
      String unit) throws IOException {
    boolean defaults = limits.equals(JsonLimits.defaults());
    try {
      return (defaults ? DEFAULT_REPLAY : new ModelReplay(limits)).replay(
          ModelTree.read(defaults ? DEFAULT_FACTORY : JsonSupport.readerFactory(limits), limits,
              source, unit));
    } catch (ModelException e) {
      throw bounded(e, limits.maxMessageLength());
    }
  }

  /** The error with its message cut to {@code max} characters. */
  private static ModelException bounded(ModelException e, int max) {
    String m = String.valueOf(e.getMessage());
    if (m.length() <= max) {
      return e;
    }
    return new ModelException(e.path(), m.substring(0, max - 3) + "...", e);
  }

  /** Decodes strict UTF-8, skipping a byte-order mark; refuses bad bytes with their place. */
  private static String decodeUtf8(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    int bad = Utf8.invalidAt(bytes, start, bytes.length);
    if (bad >= 0) {
      // the same words as the contact readers: bytes counted from 1, from the file's start
      throw new ModelException("", "model must be valid UTF-8, but was invalid at byte "
          + (bad + 1) + " (0x" + String.format(Locale.ROOT, "%02X", bytes[bad] & 0xFF) + ")");
    }
    return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
  }
}
