package dev.scoring.core.json;

import dev.scoring.api.ModelException;
import dev.scoring.core.ScoringTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Model files (SPEC section 7): reading with the default {@link JsonLimits}, writing the
 * canonical form, and the seed model shipped as a resource.
 *
 * <pre>{@code
 * ScoringTable model = ModelJson.read(Path.of("b2b-leads.json"));
 * Score score = model.score(contact, Instant.parse("2026-11-22T12:00:00Z"));
 * ModelJson.write(model.toBuilder().version("4").build(), Path.of("b2b-leads-v4.json"));
 * }</pre>
 *
 * <p>Writing produces {@link ScoringTable#toJson()}, the canonical form: keys in a fixed
 * order, rules in table order one per line, defaults left out, numbers in their shortest
 * round-tripping form. Reading it back gives an {@link ScoringTable#equals equal} table
 * that scores every contact with the same bits, and {@link ScoringTable#fingerprint()} is
 * the SHA-256 of that text. Reading is described in {@link ModelReader}; use
 * {@link #reader(JsonLimits)} for other limits.
 *
 * <p>All methods are static and thread-safe.
 */
public final class ModelJson {
  private static final String SEED = "seed-b2b.json";

  private ModelJson() {}

  /**
   * Returns a reader enforcing the given limits.
   *
   * @param limits the limits
   * @return the reader
   * @throws NullPointerException if {@code limits} is null
   */
  public static ModelReader reader(JsonLimits limits) {
    return ModelReader.withLimits(limits);
  }

  /**
   * Reads a model from JSON text, with the default limits.
   *
   * @param json the model file's content
   * @return the model
   * @throws ModelException if the text is not a valid model
   */
  public static ScoringTable read(String json) {
    return ModelReader.DEFAULT.read(json);
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
    return ModelReader.DEFAULT.read(in);
  }

  /**
   * Reads a model from bytes (UTF-8, or UTF-16/32 as JSON allows), with the default limits.
   * The stream is not closed.
   *
   * @param in the model file's content
   * @return the model
   * @throws ModelException if the content is not a valid model
   * @throws IOException if reading fails
   */
  public static ScoringTable read(InputStream in) throws IOException {
    return ModelReader.DEFAULT.read(in);
  }

  /**
   * Reads a model file, with the default limits.
   *
   * @param file the model file
   * @return the model
   * @throws ModelException if the content is not a valid model
   * @throws IOException if the file cannot be read
   */
  public static ScoringTable read(Path file) throws IOException {
    return ModelReader.DEFAULT.read(file);
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

  /**
   * Returns the seed B2B lead-scoring model, read from the resource
   * {@code dev/scoring/core/json/seed-b2b.json} of this module; equal to
   * {@link dev.scoring.core.ExampleModels#seed()}.
   *
   * @return the model
   */
  public static ScoringTable seed() {
    return SeedHolder.SEED_MODEL;
  }

  /**
   * Returns the text of the seed model file, the canonical JSON of {@link #seed()}.
   *
   * @return the file's content
   */
  public static String seedJson() {
    try (InputStream in = ModelJson.class.getResourceAsStream(SEED)) {
      if (in == null) {
        throw new IllegalStateException("resource dev/scoring/core/json/" + SEED
            + " must be on the class path, but was missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading resource " + SEED, e);
    }
  }

  private static final class SeedHolder {
    static final ScoringTable SEED_MODEL = read(seedJson());
  }
}
