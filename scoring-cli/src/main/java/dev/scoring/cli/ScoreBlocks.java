package dev.scoring.cli;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How {@code score} turns contacts into output bytes, one block at a time: a block's
 * {@link ContactTable} is scored under every table of the model set ({@link BatchScorer} for
 * one table, {@link ModelSet#scoreBatch} in one pass for several, one {@link BatchScorer}
 * with a trend per table when {@code --trend} is given) and its lines are formatted by a
 * {@link ScoreWriter} into a byte buffer of its own. Workers score and format blocks in
 * parallel ({@link #score}); the reading thread writes the buffers in file order and hands
 * them back ({@link #done}), so buffers are reused and memory stays linear in the blocks
 * held at a time.
 *
 * <p>Thread-safe: {@link #score} may run on several threads at once; {@link #done},
 * {@link #contacts()} and {@link #tierCounts()} are called by one thread (the reading
 * thread), {@link #contacts()} also by the progress bar.
 */
final class ScoreBlocks {
  /** A block's output: its lines' bytes, its contact count and each table's tier counts. */
  record Block(Bytes bytes, int contacts, long[][] tierCounts) {}

  private final ModelSet set;
  private final Instant asOf;
  private final boolean explain;
  private final ScoreWriter.Format format;
  private final int trendDays;
  private final BatchScorer[] scorers;
  private final Queue<Bytes> free = new ConcurrentLinkedQueue<>();
  private final long[][] tierCounts;
  private volatile long contacts;

  /**
   * @param set       the model set (a single table is a set of one)
   * @param asOf      the instant to score as of
   * @param trendDays the trend window ({@code --trend}), 0 for none
   * @param explain   whether lines carry explanations
   * @param format    the output format
   */
  ScoreBlocks(ModelSet set, Instant asOf, int trendDays, boolean explain,
      ScoreWriter.Format format) {
    this.set = set;
    this.asOf = asOf;
    this.trendDays = trendDays;
    this.explain = explain;
    this.format = format;
    List<ScoringTable> tables = set.tables();
    scorers = new BatchScorer[tables.size()];
    for (int t = 0; t < scorers.length; t++) {
      BatchScorer s = BatchScorer.of(tables.get(t));
      scorers[t] = trendDays > 0 ? s.withTrend(trendDays) : s;
    }
    tierCounts = new long[tables.size()][];
  }

  /**
   * Returns what the output starts with (the CSV header, nothing for NDJSON).
   *
   * @return the bytes
   */
  byte[] header() {
    return ScoreWriter.header(format, set, trendDays);
  }

  /**
   * Scores a block and formats its lines (on any thread).
   *
   * @param table   the block's contacts
   * @param threads threads that score it, at least 1
   * @return the block's output
   */
  Block score(ContactTable table, int threads) {
    List<BatchScores> scores = scores(table, threads);
    Bytes bytes = free.poll();
    if (bytes == null) {
      bytes = new Bytes();
    }
    bytes.reset();
    format(table, scores, bytes);
    long[][] counts = new long[scores.size()][];
    for (int t = 0; t < counts.length; t++) {
      counts[t] = scores.get(t).tierCounts();
    }
    return new Block(bytes, table.size(), counts);
  }

  /**
   * Scores a whole table on several threads and writes its lines to a stream, in slices, so
   * that the output is never all in memory.
   *
   * @param table   the contacts
   * @param threads threads that score them, at least 1
   * @param out     where the lines go (not closed)
   * @throws IOException if writing fails
   */
  void write(ContactTable table, int threads, OutputStream out) throws IOException {
    List<BatchScores> scores = scores(table, threads);
    OutputStream kept = new OutputStream() { // the writer closes its stream: keep this one
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }
    };
    format(table, scores, kept);
    long[][] counts = new long[scores.size()][];
    for (int t = 0; t < counts.length; t++) {
      counts[t] = scores.get(t).tierCounts();
    }
    done(new Block(null, table.size(), counts));
  }

  private List<BatchScores> scores(ContactTable table, int threads) {
    if (scorers.length > 1 && trendDays == 0) {
      return new ArrayList<>(set.scoreBatch(table, asOf, threads).values()); // one pass
    }
    List<BatchScores> out = new ArrayList<>(scorers.length);
    for (BatchScorer s : scorers) {
      out.add(s.score(table, asOf, threads));
    }
    return out;
  }

  private void format(ContactTable table, List<BatchScores> scores, OutputStream out) {
    List<ScoringTable> tables = set.tables();
    try (ScoreWriter writer = ScoreWriter.of(format, out, set, scores)) {
      Explanation[] explanations = explain ? new Explanation[tables.size()] : null;
      for (int i = 0; i < table.size(); i++) {
        if (explain) {
          Contact contact = table.contact(i);
          for (int t = 0; t < explanations.length; t++) {
            explanations[t] = tables.get(t).explain(contact, asOf);
          }
        }
        writer.write(table, i, explanations);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Counts a block once its bytes are written and takes its buffer back (reading thread).
   *
   * @param block the block
   */
  void done(Block block) {
    long[][] c = block.tierCounts();
    for (int t = 0; t < c.length; t++) {
      if (tierCounts[t] == null) {
        tierCounts[t] = new long[c[t].length];
      }
      for (int k = 0; k < c[t].length; k++) {
        tierCounts[t][k] += c[t][k];
      }
    }
    contacts += block.contacts(); // one writing thread: a volatile sum is enough
    if (block.bytes() != null) {
      free.offer(block.bytes());
    }
  }

  /**
   * Returns the contacts written so far.
   *
   * @return the count
   */
  long contacts() {
    return contacts;
  }

  /**
   * Returns the tier counts so far, for the summary: {@code {MQL=3, ...}} for one table,
   * {@code crm {MQL=3, ...}, web {...}} for several.
   *
   * @return the text
   */
  String tierCounts() {
    List<String> parts = new ArrayList<>();
    List<ScoringTable> tables = set.tables();
    for (int t = 0; t < tables.size(); t++) {
      Map<String, Long> byName = new LinkedHashMap<>();
      List<String> names = tierNames(tables.get(t));
      for (int k = 0; k < names.size(); k++) {
        byName.put(names.get(k), tierCounts[t] == null ? 0 : tierCounts[t][k]);
      }
      parts.add(tables.size() == 1 ? byName.toString() : tables.get(t).name() + " " + byName);
    }
    return String.join(", ", parts);
  }

  /** A table's tier names as its scores name them, base tier first. */
  private static List<String> tierNames(ScoringTable table) {
    List<String> names = new ArrayList<>();
    names.add(table.baseTier());
    for (dev.scoring.api.Tier tier : table.tiers()) {
      names.add(tier.name());
    }
    return names;
  }

  /** A growable byte buffer, not synchronized (one writer at a time). */
  static final class Bytes extends OutputStream {
    private byte[] bytes = new byte[1 << 16];
    private int size;

    void reset() {
      size = 0;
    }

    @Override
    public void write(int b) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len > bytes.length - size) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
      }
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    /**
     * Writes the bytes to a stream.
     *
     * @param out the stream
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException {
      out.write(bytes, 0, size);
    }
  }
}
