package dev.scoring.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import dev.scoring.api.ModelException;
import dev.scoring.core.ScoringTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads model files (SPEC section 7) under given {@link JsonLimits}. The file is read into a
 * plain JSON tree (no data binding, no type information, so nothing in a file can make the
 * reader instantiate a class or run code) and replayed onto
 * {@link ScoringTable#builder(String)}: a file is validated exactly as Java code is.
 *
 * <p>Every rejection is a {@link ModelException} whose {@link ModelException#path() path()}
 * is the JSON path of the problem ({@code behavioral[3].points}, empty for the document as a
 * whole) and whose message names that path and the offending value:
 * <ul>
 *   <li>malformed JSON, a repeated field, trailing content, a document over a limit;
 *   <li>an unknown field (with a suggestion when a known one is close), a missing field, a
 *       value of the wrong type;
 *   <li>an ambiguous rule: two operators in a condition, or a negative rule with more than
 *       one of {@code attribute}, {@code event} and {@code inactiveDays};
 *   <li>everything the builder refuses: a duplicate rule id, zero or non-finite points,
 *       out-of-range values, tiers not strictly increasing, decay steps not strictly
 *       increasing.
 * </ul>
 * Fields left out take the builder's defaults; the sections and {@code and} lists, when
 * present, are lists; JSON {@code null} is never a valid value. A byte-order mark at the
 * start is ignored.
 *
 * <p>Instances are immutable and thread-safe. {@link ModelJson} offers the same reading with
 * the default limits.
 */
public final class ModelReader {
  static final ModelReader DEFAULT = new ModelReader(JsonLimits.defaults());
  private static final String BOM = "\uFEFF";

  private final JsonLimits limits;
  private final JsonFactory factory;
  private final ModelReplay replay;

  private ModelReader(JsonLimits limits) {
    this.limits = limits;
    this.factory = JsonSupport.readerFactory(limits);
    this.replay = new ModelReplay(limits);
  }

  /**
   * Returns a reader enforcing the given limits.
   *
   * @param limits the limits
   * @return the reader
   * @throws NullPointerException if {@code limits} is null
   */
  public static ModelReader withLimits(JsonLimits limits) {
    return new ModelReader(Objects.requireNonNull(limits, "limits"));
  }

  /** Returns the limits this reader enforces. */
  public JsonLimits limits() {
    return limits;
  }

  /**
   * Reads a model from JSON text.
   *
   * @param json the model file's content
   * @return the model
   * @throws ModelException if the text is not a valid model
   * @throws NullPointerException if {@code json} is null
   */
  public ScoringTable read(String json) {
    Objects.requireNonNull(json, "json");
    String text = json.startsWith(BOM) ? json.substring(1) : json;
    if (text.length() > limits.maxDocumentLength()) {
      throw new ModelException("", "model must be at most " + limits.maxDocumentLength()
          + " characters long, but was " + text.length());
    }
    try {
      return replay.replay(ModelTree.read(factory, limits, f -> f.createParser(text),
          "characters"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading from a string cannot fail", e);
    }
  }

  /**
   * Reads a model from characters. The reader is not closed.
   *
   * @param in the model file's content
   * @return the model
   * @throws ModelException if the content is not a valid model
   * @throws IOException if reading fails
   */
  public ScoringTable read(Reader in) throws IOException {
    PushbackReader unread = new PushbackReader(Objects.requireNonNull(in, "in"), 1);
    int first = unread.read();
    if (first >= 0 && first != BOM.charAt(0)) {
      unread.unread(first);
    }
    return replay.replay(ModelTree.read(factory, limits, f -> f.createParser(unread),
        "characters"));
  }

  /**
   * Reads a model from bytes in UTF-8 (or UTF-16/32, detected as JSON allows). The stream is
   * not closed.
   *
   * @param in the model file's content
   * @return the model
   * @throws ModelException if the content is not a valid model
   * @throws IOException if reading fails
   */
  public ScoringTable read(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    return replay.replay(ModelTree.read(factory, limits, f -> f.createParser(in), "bytes"));
  }

  /**
   * Reads a model file.
   *
   * @param file the model file
   * @return the model
   * @throws ModelException if the content is not a valid model
   * @throws IOException if the file cannot be read
   */
  public ScoringTable read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }
}
