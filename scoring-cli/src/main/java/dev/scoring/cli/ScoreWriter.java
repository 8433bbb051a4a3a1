package dev.scoring.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.scoring.api.Explanation;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ScoreLines;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams the scores of a batch to a buffered byte stream, one line per contact, without a
 * {@code String} per field: field names, tier names, the model and the instant are encoded
 * once; numbers go through Jackson's shortest round-trip writer (whole numbers without a
 * fraction), exactly as {@link ScoreLines} writes them.
 *
 * <ul>
 *   <li>{@code ndjson}: the lines of {@link ScoreLines#toJson}, byte for byte (a test
 *       checks it), with the explanation when asked for;
 *   <li>{@code csv}: a header {@code id,score,raw,fit,engagement,tier}, then one row per
 *       contact; ids and tiers are quoted (RFC 4180) when they hold a separator, a quote or
 *       a line break.
 * </ul>
 * When the scores hold a trend ({@link BatchScores#trendDays()} above 0), NDJSON lines carry
 * {@code "trend<days>"} after {@code "asOf"} and CSV rows a last column {@code trend<days>}.
 *
 * <p>Not thread-safe. Closing it closes the stream.
 */
abstract class ScoreWriter implements Closeable {
  /** The output formats. */
  enum Format { ndjson, csv }

  /**
   * Writes one contact's scores.
   *
   * @param id          the contact's id
   * @param scores      the batch's scores
   * @param index       the contact's index in the batch
   * @param explanation its explanation, or null (ndjson only)
   * @throws IOException if writing fails
   */
  abstract void write(String id, BatchScores scores, int index, Explanation explanation)
      throws IOException;

  static ScoreWriter of(Format format, OutputStream out, ScoringTable model, BatchScores scores)
      throws IOException {
    return format == Format.csv ? new Csv(out, scores) : new Ndjson(out, model, scores);
  }

  /** Whether a double is written as a whole number (as the library's JSON writer does). */
  static boolean whole(double v) {
    return v == Math.rint(v) && Math.abs(v) < 0x1p53
        && !(v == 0 && Double.doubleToRawLongBits(v) != 0);
  }

  private static final class Ndjson extends ScoreWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        .build();
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString SCORE = new SerializedString("score");
    private static final SerializableString RAW = new SerializedString("raw");
    private static final SerializableString FIT = new SerializedString("fit");
    private static final SerializableString ENGAGEMENT = new SerializedString("engagement");
    private static final SerializableString TIER = new SerializedString("tier");
    private static final SerializableString MODEL = new SerializedString("model");
    private static final SerializableString NAME = new SerializedString("name");
    private static final SerializableString VERSION = new SerializedString("version");
    private static final SerializableString FINGERPRINT = new SerializedString("fingerprint");
    private static final SerializableString AS_OF = new SerializedString("asOf");

    private final JsonGenerator g;
    private final String fingerprint;
    private final SerializableString[] tiers;
    private final SerializableString name;
    private final SerializableString version;
    private final SerializableString fingerprintValue;
    private final SerializableString asOf;
    private final int trendDays;
    private final SerializableString trendField;

    Ndjson(OutputStream out, ScoringTable model, BatchScores scores) throws IOException {
      g = FACTORY.createGenerator(out);
      g.setRootValueSeparator(null);
      fingerprint = model.fingerprint();
      List<String> names = scores.tierNames();
      tiers = new SerializableString[names.size()];
      for (int t = 0; t < tiers.length; t++) {
        tiers[t] = new SerializedString(names.get(t));
      }
      name = new SerializedString(model.name());
      version = new SerializedString(model.version());
      fingerprintValue = new SerializedString(fingerprint);
      asOf = new SerializedString(scores.asOf().toString());
      trendDays = scores.trendDays();
      trendField = new SerializedString("trend" + trendDays);
    }

    @Override
    void write(String id, BatchScores scores, int i, Explanation explanation)
        throws IOException {
      if (explanation != null || hasSurrogate(id)) {
        // The explained line, and ids with unpaired surrogates, as the library writes them.
        g.writeRaw(ScoreLines.toJson(id, scores.toScore(i), fingerprint, explanation,
            trendDays, trendDays > 0 ? scores.trend(i) : 0));
        g.writeRaw('\n');
        return;
      }
      double fit = scores.fit(i);
      double engagement = scores.engagement(i);
      g.writeStartObject();
      g.writeFieldName(ID);
      g.writeString(id);
      number(SCORE, scores.score(i));
      number(RAW, fit + engagement); // the kernel computes raw as exactly this sum
      number(FIT, fit);
      number(ENGAGEMENT, engagement);
      g.writeFieldName(TIER);
      g.writeString(tiers[scores.tierId(i)]);
      g.writeFieldName(MODEL);
      g.writeStartObject();
      g.writeFieldName(NAME);
      g.writeString(name);
      g.writeFieldName(VERSION);
      g.writeString(version);
      g.writeFieldName(FINGERPRINT);
      g.writeString(fingerprintValue);
      g.writeEndObject();
      g.writeFieldName(AS_OF);
      g.writeString(asOf);
      if (trendDays > 0) {
        number(trendField, scores.trend(i));
      }
      g.writeEndObject();
      g.writeRaw('\n');
    }

    private void number(SerializableString field, double v) throws IOException {
      g.writeFieldName(field);
      if (whole(v)) {
        g.writeNumber((long) v);
      } else {
        g.writeNumber(v);
      }
    }

    private static boolean hasSurrogate(String s) {
      for (int k = 0; k < s.length(); k++) {
        if (Character.isSurrogate(s.charAt(k))) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() throws IOException {
      g.close();
    }
  }

  /**
   * CSV into its own byte buffer, flushed to the stream in blocks: no synchronized call
   * per byte, no {@code String} per whole number (fit is usually whole).
   */
  private static final class Csv extends ScoreWriter {
    private final OutputStream out;
    private final byte[][] tiers;
    private final byte[] buffer = new byte[1 << 16];
    private final boolean trend;
    private int used;

    Csv(OutputStream out, BatchScores scores) throws IOException {
      this.out = out;
      List<String> names = scores.tierNames();
      tiers = new byte[names.size()][];
      for (int t = 0; t < tiers.length; t++) {
        tiers[t] = field(names.get(t)).getBytes(StandardCharsets.UTF_8);
      }
      trend = scores.trendDays() > 0;
      bytes(("id,score,raw,fit,engagement,tier" + (trend ? ",trend" + scores.trendDays() : "")
          + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    void write(String id, BatchScores scores, int i, Explanation explanation)
        throws IOException {
      String f = field(id);
      if (isAscii(f)) {
        room(f.length());
        for (int k = 0; k < f.length(); k++) {
          buffer[used++] = (byte) f.charAt(k);
        }
      } else {
        bytes(f.getBytes(StandardCharsets.UTF_8));
      }
      double fit = scores.fit(i);
      double engagement = scores.engagement(i);
      number(scores.score(i));
      number(fit + engagement);
      number(fit);
      number(engagement);
      room(1);
      buffer[used++] = ',';
      bytes(tiers[scores.tierId(i)]);
      if (trend) {
        number(scores.trend(i));
      }
      room(1);
      buffer[used++] = '\n';
    }

    private void number(double v) throws IOException {
      room(32); // a comma and at most 24 characters of a double or 20 of a long
      buffer[used++] = ',';
      if (whole(v)) {
        long n = (long) v;
        if (n < 0) {
          buffer[used++] = '-';
          n = -n;
        }
        int digits = 1;
        for (long p = n; p >= 10; p /= 10) {
          digits++;
        }
        for (int k = used + digits - 1; k >= used; k--) {
          buffer[k] = (byte) ('0' + n % 10);
          n /= 10;
        }
        used += digits;
      } else {
        String s = NumberOutput.toString(v, true);
        for (int k = 0; k < s.length(); k++) {
          buffer[used++] = (byte) s.charAt(k);
        }
      }
    }

    private static boolean isAscii(String s) {
      for (int k = 0; k < s.length(); k++) {
        if (s.charAt(k) >= 0x80) {
          return false;
        }
      }
      return true;
    }

    private void bytes(byte[] b) throws IOException {
      if (b.length > buffer.length - used) {
        drain();
        if (b.length > buffer.length) {
          out.write(b);
          return;
        }
      }
      System.arraycopy(b, 0, buffer, used, b.length);
      used += b.length;
    }

    /** Makes room for {@code n} more bytes ({@code n} at most the buffer's size). */
    private void room(int n) throws IOException {
      if (n > buffer.length - used) {
        drain();
      }
    }

    private void drain() throws IOException {
      out.write(buffer, 0, used);
      used = 0;
    }

    /** A CSV field: quoted when it holds a comma, a quote or a line break. */
    static String field(String s) {
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
          return '"' + s.replace("\"", "\"\"") + '"';
        }
      }
      return s;
    }

    @Override
    public void close() throws IOException {
      try (OutputStream o = out) {
        drain();
      }
    }
  }
}
