package dev.scoring.benchmarks;

import dev.scoring.core.ContactTable;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.ContactSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The table builder alone, without the JSON reader: an NDJSON file is read once into a
 * recording of the {@link ContactSink} calls the reader makes (the same name, type and
 * string instances), and the recording is then replayed, round after round, into
 * {@link ContactTable.Builder#sink()} and into a sink that does nothing, alternately. The
 * difference of the two, in <em>thread CPU time</em> and taken as the best of the later
 * rounds, is what building the table costs; the reader's share, which this leaves out, is
 * what the no-op sink of {@code ContactJson.readInto} measures.
 *
 * <p>Run: {@code java -Xmx3g -cp scoring-benchmarks/target/benchmarks.jar
 * dev.scoring.benchmarks.SinkReplayHarness contacts.ndjson 15}. Not thread-safe; a command
 * line program.
 */
public final class SinkReplayHarness {
  private static final byte BEGIN = 0;
  private static final byte ID = 1;
  private static final byte TEXT = 2;
  private static final byte WHOLE = 3;
  private static final byte REAL = 4;
  private static final byte FLAG = 5;
  private static final byte EVENT = 6;
  private static final byte END = 7;
  private static final byte ABORT = 8;

  private SinkReplayHarness() {}

  /** The sink calls of one read, in order, in parallel arrays. */
  private static final class Recording implements ContactSink {
    byte[] op = new byte[1 << 16];
    Object[] name = new Object[1 << 16];
    Object[] text = new Object[1 << 16];
    long[] number = new long[1 << 16];
    int[] nano = new int[1 << 16];
    double[] value = new double[1 << 16];
    int size;

    private int add(byte kind, Object n, Object t, long x) {
      if (size == op.length) {
        int capacity = size * 2;
        op = Arrays.copyOf(op, capacity);
        name = Arrays.copyOf(name, capacity);
        text = Arrays.copyOf(text, capacity);
        number = Arrays.copyOf(number, capacity);
        nano = Arrays.copyOf(nano, capacity);
        value = Arrays.copyOf(value, capacity);
      }
      op[size] = kind;
      name[size] = n;
      text[size] = t;
      number[size] = x;
      return size++;
    }

    @Override
    public void begin(long line) {
      add(BEGIN, null, null, line);
    }

    @Override
    public void id(String id) {
      add(ID, null, id, 0);
    }

    @Override
    public void attribute(String n, String v) {
      add(TEXT, n, v, 0);
    }

    @Override
    public void attribute(String n, long v) {
      add(WHOLE, n, null, v);
    }

    @Override
    public void attribute(String n, double v) {
      value[add(REAL, n, null, 0)] = v;
    }

    @Override
    public void attribute(String n, boolean v) {
      add(FLAG, n, null, v ? 1 : 0);
    }

    @Override
    public void event(String type, long second, int nanos, boolean hasValue, double v) {
      int i = add(EVENT, type, hasValue ? Boolean.TRUE : null, second);
      nano[i] = nanos;
      value[i] = v;
    }

    @Override
    public void end() {
      add(END, null, null, 0);
    }

    @Override
    public void abort() {
      add(ABORT, null, null, 0);
    }

    /** Makes the recorded calls on a sink. */
    void replay(ContactSink to) {
      for (int i = 0; i < size; i++) {
        switch (op[i]) {
          case BEGIN -> to.begin(number[i]);
          case ID -> to.id((String) text[i]);
          case TEXT -> to.attribute((String) name[i], (String) text[i]);
          case WHOLE -> to.attribute((String) name[i], number[i]);
          case REAL -> to.attribute((String) name[i], value[i]);
          case FLAG -> to.attribute((String) name[i], number[i] != 0);
          case EVENT -> to.event((String) name[i], number[i], nano[i], text[i] != null,
              value[i]);
          case END -> to.end();
          default -> to.abort();
        }
      }
    }
  }

  /** Takes every call and does nothing but count, so the replay loop is not removed. */
  private static final class Nothing implements ContactSink {
    long calls;

    @Override
    public void begin(long line) {
      calls++;
    }

    @Override
    public void id(String id) {
      calls++;
    }

    @Override
    public void attribute(String n, String v) {
      calls++;
    }

    @Override
    public void attribute(String n, long v) {
      calls++;
    }

    @Override
    public void attribute(String n, double v) {
      calls++;
    }

    @Override
    public void attribute(String n, boolean v) {
      calls++;
    }

    @Override
    public void event(String type, long second, int nanos, boolean hasValue, double v) {
      calls++;
    }

    @Override
    public void end() {
      calls++;
    }

    @Override
    public void abort() {
      calls++;
    }
  }

  /**
   * Prints, per round, the CPU milliseconds of a replay into the table builder and into
   * the no-op sink, then the best of the later rounds and the builder's share.
   *
   * @param args the NDJSON file, and the number of rounds (default 15; the first third
   *             warm up)
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    byte[] data = Files.readAllBytes(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Recording recording = new Recording();
    long lines = ContactJson.defaults().readInto(new ByteArrayInputStream(data), recording,
        null);
    ContactTable read = ContactJson.defaults().readTable(new ByteArrayInputStream(data));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long bestTable = Long.MAX_VALUE;
    long bestNothing = Long.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      long t0 = threads.getCurrentThreadCpuTime();
      ContactTable.Builder builder = ContactTable.builder();
      recording.replay(builder.sink());
      ContactTable table = builder.build();
      long t1 = threads.getCurrentThreadCpuTime();
      Nothing nothing = new Nothing();
      recording.replay(nothing);
      long t2 = threads.getCurrentThreadCpuTime();
      if (table.size() != lines || table.memoryBytes() != read.memoryBytes()
          || nothing.calls != recording.size) {
        throw new IllegalStateException("the replay must build the table the reader does, but"
            + " built " + table + " against " + read);
      }
      System.out.printf("round %d: table %.1f ms, no-op %.1f ms%n", r, (t1 - t0) / 1e6,
          (t2 - t1) / 1e6);
      if (r >= rounds / 3) {
        bestTable = Math.min(bestTable, t1 - t0);
        bestNothing = Math.min(bestNothing, t2 - t1);
      }
    }
    System.out.printf("best: table %.1f ms, no-op %.1f ms, builder %.1f ms for %d contacts"
        + " (%.1f ns per contact)%n", bestTable / 1e6, bestNothing / 1e6,
        (bestTable - bestNothing) / 1e6, lines, (double) (bestTable - bestNothing) / lines);
  }
}
