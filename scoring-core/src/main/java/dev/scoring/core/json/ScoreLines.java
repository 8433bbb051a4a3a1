package dev.scoring.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes scores as NDJSON, one line per contact:
 *
 * <pre>{@code
 * {"id":"c-1","score":21.5,"raw":21.5,"fit":10,"engagement":11.5,"tier":"unqualified",
 *  "model":{"name":"seed-b2b","version":"1","fingerprint":"3f0c..."},
 *  "asOf":"2026-11-22T12:00:00Z"}
 * }</pre>
 * (on one line), followed when explanations are asked for by
 * {@code "explanation":[{"kind":"demographic","id":"age-25-34","occurrences":1,"points":3},
 * ...]} with one entry per rule that contributed, cap that cut and clamp, summing to the
 * score. Whole numbers are written without a fraction, others in their shortest form that
 * reads back to the same double. An aggregate rule's entry also carries its measured
 * {@code "value"} ({@code "Infinity"} for a {@code daysSinceLast} without events).
 *
 * <p>A writer made with {@link #to(Writer, ScoringModel, boolean, int)} adds the trend over
 * that many days (SPEC section 10) after {@code "asOf"}: {@code "trend7":12.5} for 7 days.
 *
 * <pre>{@code
 * try (ContactLines contacts = ContactJson.defaults().lines(in, bad::add);
 *      ScoreLines out = ScoreLines.to(writer, model, false)) {
 *   while (contacts.hasNext()) {
 *     out.write(contacts.next(), asOf);
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one writer at a time. Closing it closes the underlying writer.
 */
public final class ScoreLines implements Flushable, Closeable {
  private final Writer out;
  private final ScoringModel model;
  private final String fingerprint;
  private final boolean explain;
  private final int trendDays;
  private long lines;

  private ScoreLines(Writer out, ScoringModel model, boolean explain, int trendDays) {
    this.out = Objects.requireNonNull(out, "out");
    this.model = Objects.requireNonNull(model, "model");
    this.fingerprint = model.fingerprint();
    this.explain = explain;
    this.trendDays = trendDays;
  }

  /**
   * Starts writing scores of a model.
   *
   * @param out     where the lines go
   * @param model   the model that scores
   * @param explain whether each line carries the explanation
   * @return the writer
   */
  public static ScoreLines to(Writer out, ScoringModel model, boolean explain) {
    return new ScoreLines(out, model, explain, 0);
  }

  /**
   * Starts writing scores of a model, each line with the contact's trend over
   * {@code trendDays} as {@code "trend<days>"} ({@code "trend7"} for a week).
   *
   * @param out       where the lines go
   * @param model     the model that scores
   * @param explain   whether each line carries the explanation
   * @param trendDays the trend window in whole days, at least 1
   * @return the writer
   * @throws IllegalArgumentException if {@code trendDays < 1}
   */
  public static ScoreLines to(Writer out, ScoringModel model, boolean explain, int trendDays) {
    if (trendDays < 1) {
      throw new IllegalArgumentException("trendDays must be at least 1, but was " + trendDays);
    }
    return new ScoreLines(out, model, explain, trendDays);
  }

  /**
   * Scores a contact and writes its line, terminated by {@code \n}.
   *
   * @param contact the contact
   * @param asOf    the instant to score for
   * @return the score written
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if this writer adds a trend and its window would start
   *     before 0001-01-01T00:00:00Z (nothing is written then)
   */
  public Score write(Contact contact, Instant asOf) throws IOException {
    Score score;
    Explanation explanation = null;
    if (explain) {
      explanation = model.explain(contact, asOf);
      score = explanation.score();
    } else {
      score = model.score(contact, asOf);
    }
    if (trendDays > 0) {
      Instant start = ScoringModel.trendStart(asOf, trendDays);
      double trend = score.score() - model.score(contact, start).score();
      out.write(toJson(contact.id(), score, fingerprint, explanation, trendDays, trend));
    } else {
      out.write(toJson(contact.id(), score, fingerprint, explanation));
    }
    out.write('\n');
    lines++;
    return score;
  }

  /** {@return how many lines have been written} */
  public long linesWritten() {
    return lines;
  }

  /**
   * Flushes the underlying writer.
   *
   * @throws IOException if flushing fails
   */
  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /**
   * Flushes and closes the underlying writer.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * Returns the JSON line of a score (without a line terminator).
   *
   * @param contactId   the contact's id
   * @param score       the score
   * @param fingerprint the fingerprint of the model that computed it
   * @param explanation the explanation to include, or null for none
   * @return one line of JSON
   */
  public static String toJson(String contactId, Score score, String fingerprint,
      Explanation explanation) {
    return toJson(contactId, score, fingerprint, explanation, 0, 0);
  }

  /**
   * Returns the JSON line of a score with its trend (without a line terminator).
   *
   * @param contactId   the contact's id
   * @param score       the score
   * @param fingerprint the fingerprint of the model that computed it
   * @param explanation the explanation to include, or null for none
   * @param trendDays   the trend window in days, written as {@code "trend<days>"}; 0 for no
   *                    trend
   * @param trend       the trend, ignored when {@code trendDays} is 0
   * @return one line of JSON
   */
  public static String toJson(String contactId, Score score, String fingerprint,
      Explanation explanation, int trendDays, double trend) {
    StringWriter w = new StringWriter(192);
    try (JsonGenerator g = JsonSupport.WRITER_FACTORY.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("id", contactId);
      number(g, "score", score.score());
      number(g, "raw", score.raw());
      number(g, "fit", score.fit());
      number(g, "engagement", score.engagement());
      g.writeStringField("tier", score.tier());
      g.writeObjectFieldStart("model");
      g.writeStringField("name", score.modelName());
      g.writeStringField("version", score.modelVersion());
      g.writeStringField("fingerprint", fingerprint);
      g.writeEndObject();
      g.writeStringField("asOf", score.asOf().toString());
      if (trendDays > 0) {
        number(g, "trend" + trendDays, trend);
      }
      if (explanation != null) {
        g.writeArrayFieldStart("explanation");
        for (Explanation.Entry e : explanation.entries()) {
          g.writeStartObject();
          g.writeStringField("kind", e.kind().name().toLowerCase(Locale.ROOT));
          g.writeStringField("id", e.id());
          g.writeNumberField("occurrences", e.occurrences());
          number(g, "points", e.points());
          if (e.isAggregate()) {
            if (e.value() == Double.POSITIVE_INFINITY) {
              g.writeStringField("value", "Infinity");
            } else {
              number(g, "value", e.value());
            }
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return JsonSupport.escapeUnpairedSurrogates(w.toString());
  }

  private static void number(JsonGenerator g, String field, double value) throws IOException {
    g.writeFieldName(field);
    JsonSupport.writeNumber(g, value);
  }
}
