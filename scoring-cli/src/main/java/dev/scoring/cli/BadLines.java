package dev.scoring.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where bad input lines go: each is printed on standard error as {@code <file>: line <n>:
 * <message>}, up to {@link #PRINT_LIMIT} of them, then only counted there (the summary
 * says how many); with {@code --bad-lines <file>}, every one is also written to that file.
 * None is dropped without a trace. Not thread-safe: one reader reports into it.
 */
final class BadLines implements AutoCloseable {
  /** Default number of bad lines printed on standard error (all go to the file). */
  static final int PRINT_LIMIT = 20;

  private final PrintStream err;
  private final Writer all;
  private long count;

  /**
   * @param err  standard error
   * @param file where to write every bad line, or null
   */
  BadLines(PrintStream err, Path file) {
    this.err = err;
    try {
      this.all = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException("bad-lines file must be writable, but was " + file + " ("
          + e.getMessage() + ")", e);
    }
  }

  /**
   * Reports a bad line.
   *
   * @param source  the file name
   * @param message the message, starting with {@code line <n>: }
   */
  void report(String source, String message) {
    count++;
    String text = source + ": " + message;
    if (count <= PRINT_LIMIT) {
      err.println(text);
    }
    if (all != null) {
      try {
        all.write(text);
        all.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Returns how many bad lines were reported. */
  long count() {
    return count;
  }

  /** Prints how many were not shown, if any, and closes the file. */
  @Override
  public void close() {
    if (count > PRINT_LIMIT) {
      err.println("... " + (count - PRINT_LIMIT) + " more bad lines not shown ("
          + count + " in all" + (all == null ? "; --bad-lines <file> writes them all)" : ")"));
    }
    if (all != null) {
      try {
        all.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
