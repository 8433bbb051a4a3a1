package dev.scoring.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for long work: rows done, rate and time left
 * (estimated from the fraction of the input file read). It draws only when the JVM has a
 * console ({@link System#console()} is not null, that is, it runs in a terminal) and is
 * quiet otherwise, so logs and pipes never see it. Redrawn by a daemon thread twice a
 * second; {@link #close()} erases it.
 *
 * <p>Thread-safe: the suppliers are read from the drawing thread.
 */
final class Progress implements AutoCloseable {
  private static final long PERIOD_MS = 500;

  private final PrintStream err;
  private final String what;
  private final LongSupplier rows;
  private final LongSupplier bytes;
  private final long totalBytes;
  private final long start = System.nanoTime();
  private final Thread thread;
  private volatile boolean done;

  private Progress(PrintStream err, String what, LongSupplier rows, LongSupplier bytes,
      long totalBytes) {
    this.err = err;
    this.what = what;
    this.rows = rows;
    this.bytes = bytes;
    this.totalBytes = totalBytes;
    this.thread = new Thread(this::loop, "scoring-progress");
    thread.setDaemon(true);
  }

  /**
   * Starts a progress bar, or a silent one when disabled or without a terminal.
   *
   * @param enabled    false for {@code --no-progress}
   * @param err        standard error
   * @param what       what is counted ({@code contacts read})
   * @param rows       rows done so far, or null when only the bytes read are known (a
   *                   reader on several threads): the bar then counts megabytes
   * @param bytes      input bytes read so far
   * @param totalBytes the input size in bytes, 0 if unknown
   * @return the running bar; close it when the work ends
   */
  static Progress start(boolean enabled, PrintStream err, String what, LongSupplier rows,
      LongSupplier bytes, long totalBytes) {
    Progress p = new Progress(err, what, rows, bytes, totalBytes);
    if (enabled && System.console() != null) {
      p.thread.start();
    }
    return p;
  }

  private void loop() {
    try {
      while (!done) {
        Thread.sleep(PERIOD_MS);
        if (!done) {
          err.print("\r" + line(rows == null ? -1 : rows.getAsLong(), bytes.getAsLong(),
              (System.nanoTime() - start) / 1e9) + "   ");
          err.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The text of the bar, e.g. {@code contacts read: 1,200,000 (400,000/s), 48%, 3 s left}, or
   * without a row count ({@code done < 0}) {@code contacts read: 312 MB (104 MB/s), 48%, ...}.
   */
  String line(long done, long read, double seconds) {
    StringBuilder s = new StringBuilder(what).append(": ");
    if (done < 0) {
      double mb = read / 1e6;
      s.append(String.format(Locale.ROOT, "%,.0f MB", mb));
      if (seconds > 0) {
        s.append(String.format(Locale.ROOT, " (%,.0f MB/s)", mb / seconds));
      }
    } else {
      s.append(String.format(Locale.ROOT, "%,d", done));
      if (seconds > 0) {
        s.append(String.format(Locale.ROOT, " (%,.0f/s)", done / seconds));
      }
    }
    if (totalBytes > 0 && read > 0) {
      double fraction = Math.min(1, (double) read / totalBytes);
      s.append(String.format(Locale.ROOT, ", %.0f%%", 100 * fraction));
      s.append(String.format(Locale.ROOT, ", %.0f s left", seconds * (1 - fraction) / fraction));
    }
    return s.toString();
  }

  /** Stops the bar and erases its line. */
  @Override
  public void close() {
    done = true;
    if (thread.isAlive()) {
      thread.interrupt();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      err.print("\r" + " ".repeat(78) + "\r");
      err.flush();
    }
  }
}
