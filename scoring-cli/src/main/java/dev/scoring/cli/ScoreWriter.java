package dev.scoring.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.scoring.api.Explanation;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ScoreLines;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams the scores of a batch (a whole table, or one block of a file) to a byte stream,
 * one line per contact, without a {@code String} per field: field names, tier names, the
 * model and the instant are encoded once per writer; numbers go through Jackson's shortest
 * round-trip writer (whole numbers without a fraction), exactly as {@link ScoreLines} writes
 * them.
 *
 * <p>For a single table (a model file, or a set of one table):
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
 * <p>For a set of several tables, each line holds every table's result, in set order:
 * <ul>
 *   <li>{@code ndjson}: <code>{"id":..,"scores":{"&lt;table&gt;":{"score":..,"raw":..,
 *       "fit":..,"engagement":..,"tier":..[,"trend&lt;days&gt;":..][,"explanation":[..]]},
 *       ..},"model":{"name":set,"version":..,"fingerprint":set's},"asOf":..}</code>;
 *   <li>{@code csv}: a header {@code id,<table>.score,<table>.raw,<table>.fit,
 *       <table>.engagement,<table>.tier[,<table>.trend<days>],...}.
 * </ul>
 *
 * <p>The header (CSV) is written once per output by {@link #header}, not by the writers, so
 * that blocks written by several writers join into one file. Not thread-safe. Closing it
 * closes the stream.
 */
abstract class ScoreWriter implements Closeable {
  /** The output formats. */
  enum Format { ndjson, csv }

  /**
   * Writes one contact's scores.
   *
   * @param id           the contact's id
   * @param index        the contact's index in the batch
   * @param explanations each table's explanation (set order), or null (ndjson only)
   * @throws IOException if writing fails
   */
  abstract void write(String id, int index, Explanation[] explanations) throws IOException;

  /**
   * Writes the scores of contact {@code index} of a table: {@link #write(String, int,
   * Explanation[])} with its id, which a writer may copy from the table's bytes instead.
   *
   * @param table        the contacts scored
   * @param index        the contact's index in the table and the batch
   * @param explanations each table's explanation (set order), or null (ndjson only)
   * @throws IOException if writing fails
   */
  void write(ContactTable table, int index, Explanation[] explanations) throws IOException {
    write(table.id(index), index, explanations);
  }

  /**
   * Returns what an output starts with: the CSV header line, or nothing for NDJSON.
   *
   * @param format    the format
   * @param set       the model set (a single table is a set of one)
   * @param trendDays the trend window, 0 for none
   * @return the bytes, possibly empty
   */
  static byte[] header(Format format, ModelSet set, int trendDays) {
    if (format != Format.csv) {
      return new byte[0];
    }
    String[] columns = {"score", "raw", "fit", "engagement", "tier"};
    StringBuilder s = new StringBuilder("id");
    boolean single = set.tables().size() == 1;
    for (ScoringTable t : set.tables()) {
      String prefix = single ? "" : t.name() + ".";
      for (String c : columns) {
        s.append(',').append(Csv.field(prefix + c));
      }
      if (trendDays > 0) {
        s.append(',').append(Csv.field(prefix + "trend" + trendDays));
      }
    }
    return s.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns a writer of a batch's lines.
   *
   * @param format the format
   * @param out    where the lines go
   * @param set    the model set (a single table is a set of one)
   * @param scores each table's scores of the batch, in set order
   * @return the writer
   * @throws IOException if the stream cannot be written
   */
  static ScoreWriter of(Format format, OutputStream out, ModelSet set, List<BatchScores> scores)
      throws IOException {
    if (format == Format.csv) {
      return new Csv(out, scores);
    }
    return set.tables().size() == 1 ? new Ndjson(out, set.tables().get(0), scores.get(0))
        : new SetNdjson(out, set, scores);
  }

  /** Whether a double is written as a whole number (as the library's JSON writer does). */
  static boolean whole(double v) {
    return v == Math.rint(v) && Math.abs(v) < 0x1p53
        && !(v == 0 && Double.doubleToRawLongBits(v) != 0);
  }

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .build();
  private static final SerializableString ID = new SerializedString("id");
  private static final SerializableString SCORE = new SerializedString("score");
  private static final SerializableString RAW = new SerializedString("raw");
  private static final SerializableString FIT = new SerializedString("fit");
  private static final SerializableString ENGAGEMENT = new SerializedString("engagement");
  private static final SerializableString TIER = new SerializedString("tier");
  private static final SerializableString SCORES = new SerializedString("scores");
  private static final SerializableString MODEL = new SerializedString("model");
  private static final SerializableString NAME = new SerializedString("name");
  private static final SerializableString VERSION = new SerializedString("version");
  private static final SerializableString FINGERPRINT = new SerializedString("fingerprint");
  private static final SerializableString AS_OF = new SerializedString("asOf");

  /** The tier names of a batch's scores, encoded once. */
  private static SerializableString[] tiers(BatchScores scores) {
    List<String> names = scores.tierNames();
    SerializableString[] tiers = new SerializableString[names.size()];
    for (int t = 0; t < tiers.length; t++) {
      tiers[t] = new SerializedString(names.get(t));
    }
    return tiers;
  }

  private static boolean hasSurrogate(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (Character.isSurrogate(s.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private static void number(JsonGenerator g, SerializableString field, double v)
      throws IOException {
    g.writeFieldName(field);
    if (whole(v)) {
      g.writeNumber((long) v);
    } else {
      g.writeNumber(v);
    }
  }

  /** One table: the lines of {@link ScoreLines}. */
  private static final class Ndjson extends ScoreWriter {
    private final JsonGenerator g;
    private final BatchScores scores;
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
      this.scores = scores;
      fingerprint = model.fingerprint();
      tiers = tiers(scores);
      name = new SerializedString(model.name());
      version = new SerializedString(model.version());
      fingerprintValue = new SerializedString(fingerprint);
      asOf = new SerializedString(scores.asOf().toString());
      trendDays = scores.trendDays();
      trendField = new SerializedString("trend" + trendDays);
    }

    @Override
    void write(String id, int i, Explanation[] explanations) throws IOException {
      Explanation explanation = explanations == null ? null : explanations[0];
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
      number(g, SCORE, scores.score(i));
      number(g, RAW, fit + engagement); // the kernel computes raw as exactly this sum
      number(g, FIT, fit);
      number(g, ENGAGEMENT, engagement);
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
        number(g, trendField, scores.trend(i));
      }
      g.writeEndObject();
      g.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
      g.close();
    }
  }

  /** Several tables: one object per table under {@code "scores"}. */
  private static final class SetNdjson extends ScoreWriter {
    private static final String EXPLANATION = ",\"explanation\":";

    private final JsonGenerator g;
    private final List<BatchScores> scores;
    private final SerializableString[] tables;
    private final SerializableString[][] tiers;
    private final SerializableString name;
    private final SerializableString version;
    private final SerializableString fingerprint;
    private final SerializableString asOf;
    private final SerializableString[] trendFields;

    SetNdjson(OutputStream out, ModelSet set, List<BatchScores> scores) throws IOException {
      g = FACTORY.createGenerator(out);
      g.setRootValueSeparator(null);
      this.scores = scores;
      tables = new SerializableString[scores.size()];
      tiers = new SerializableString[scores.size()][];
      trendFields = new SerializableString[scores.size()];
      for (int t = 0; t < tables.length; t++) {
        tables[t] = new SerializedString(set.tables().get(t).name());
        tiers[t] = tiers(scores.get(t));
        trendFields[t] = new SerializedString("trend" + scores.get(t).trendDays());
      }
      name = new SerializedString(set.name());
      version = new SerializedString(set.version());
      fingerprint = new SerializedString(set.fingerprint());
      asOf = new SerializedString(scores.get(0).asOf().toString());
    }

    @Override
    void write(String id, int i, Explanation[] explanations) throws IOException {
      g.writeStartObject();
      g.writeFieldName(ID);
      if (hasSurrogate(id)) {
        // unpaired surrogates escaped as the library's score lines escape them
        String line = ScoreLines.toJson(id, scores.get(0).toScore(i), "", null);
        g.writeRaw(line, "{\"id\":".length(),
            line.indexOf(",\"score\":") - "{\"id\":".length());
      } else {
        g.writeString(id);
      }
      g.writeFieldName(SCORES);
      g.writeStartObject();
      for (int t = 0; t < tables.length; t++) {
        BatchScores s = scores.get(t);
        double fit = s.fit(i);
        double engagement = s.engagement(i);
        g.writeFieldName(tables[t]);
        g.writeStartObject();
        number(g, SCORE, s.score(i));
        number(g, RAW, fit + engagement); // the kernel computes raw as exactly this sum
        number(g, FIT, fit);
        number(g, ENGAGEMENT, engagement);
        g.writeFieldName(TIER);
        g.writeString(tiers[t][s.tierId(i)]);
        if (s.trendDays() > 0) {
          number(g, trendFields[t], s.trend(i));
        }
        if (explanations != null) {
          // the library's explanation array, as ScoreLines writes it (it ends the line)
          String line = ScoreLines.toJson("", s.toScore(i), "", explanations[t]);
          g.writeRaw(line, line.indexOf(EXPLANATION), line.length() - 1
              - line.indexOf(EXPLANATION));
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeFieldName(MODEL);
      g.writeStartObject();
      g.writeFieldName(NAME);
      g.writeString(name);
      g.writeFieldName(VERSION);
      g.writeString(version);
      g.writeFieldName(FINGERPRINT);
      g.writeString(fingerprint);
      g.writeEndObject();
      g.writeFieldName(AS_OF);
      g.writeString(asOf);
      g.writeEndObject();
      g.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
      g.close();
    }
  }

  /**
   * CSV into its own byte buffer, flushed to the stream in blocks: no synchronized call
   * per byte, no {@code String} per whole number (fit is usually whole). One group of
   * columns per table.
   */
  private static final class Csv extends ScoreWriter {
    private final OutputStream out;
    private final List<BatchScores> scores;
    private final byte[][][] tiers;
    private final byte[] buffer = new byte[1 << 13]; // per block: kept small
    private int used;

    Csv(OutputStream out, List<BatchScores> scores) {
      this.out = out;
      this.scores = scores;
      tiers = new byte[scores.size()][][];
      for (int t = 0; t < tiers.length; t++) {
        List<String> names = scores.get(t).tierNames();
        tiers[t] = new byte[names.size()][];
        for (int k = 0; k < names.size(); k++) {
          tiers[t][k] = field(names.get(k)).getBytes(StandardCharsets.UTF_8);
        }
      }
    }

    /**
     * The id's bytes straight from the table, no String, when the String path would write
     * the same bytes: no quotes needed, no possible unpaired surrogate.
     */
    @Override
    void write(ContactTable table, int i, Explanation[] explanations) throws IOException {
      int length = table.idUtf8Length(i);
      if (length <= buffer.length - 1) {
        room(length);
        int start = used;
        table.idUtf8(i, buffer, start);
        boolean plain = true;
        for (int k = start; k < start + length; k++) {
          byte b = buffer[k];
          // 0xED may start an unpaired surrogate as the table keeps it, which the String
          // path writes as '?'
          plain &= b != ',' && b != '"' && b != '\n' && b != '\r' && b != (byte) 0xED;
        }
        if (plain) {
          used += length;
          values(i);
          return;
        }
      }
      write(table.id(i), i, explanations); // quoted, or longer than the buffer
    }

    @Override
    void write(String id, int i, Explanation[] explanations) throws IOException {
      String f = field(id);
      if (isAscii(f)) {
        room(f.length());
        for (int k = 0; k < f.length(); k++) {
          buffer[used++] = (byte) f.charAt(k);
        }
      } else {
        bytes(f.getBytes(StandardCharsets.UTF_8));
      }
      values(i);
    }

    /** Everything of line {@code i} after the id, with its line end. */
    private void values(int i) throws IOException {
      for (int t = 0; t < tiers.length; t++) {
        BatchScores s = scores.get(t);
        double fit = s.fit(i);
        double engagement = s.engagement(i);
        number(s.score(i));
        number(fit + engagement);
        number(fit);
        number(engagement);
        room(1);
        buffer[used++] = ',';
        bytes(tiers[t][s.tierId(i)]);
        if (s.trendDays() > 0) {
          number(s.trend(i));
        }
      }
      room(1);
      buffer[used++] = '\n';
    }

    private void number(double v) throws IOException {
      room(32); // a comma and at most 24 characters of a double or 20 of a long
      buffer[used++] = ',';
      long bits = Double.doubleToRawLongBits(v);
      if (bits == lastBits && lastLength > 0) {
        // the same double as the number before (raw is the score unless capped): its bytes
        System.arraycopy(buffer, lastStart, buffer, used, lastLength);
        lastStart = used;
        used += lastLength;
        return;
      }
      int start = used;
      write(v);
      lastBits = bits;
      lastStart = start;
      lastLength = used - start;
    }

    /** The bits of the last number written, and where its text is in {@link #buffer}. */
    private long lastBits;
    private int lastStart;
    private int lastLength;

    private void write(double v) {
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
      lastLength = 0; // the last number's text is gone from the buffer
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
