package dev.scoring.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Opening the tool's files: gzip in (recognised by its first two bytes, whatever the name)
 * and out (when the name ends with {@code .gz}), {@code -} for standard output, and a count
 * of the bytes read for the progress bar. Stateless.
 */
final class Io {
  /** The buffer of every input and output stream. */
  static final int BUFFER = 1 << 16;

  private Io() {}

  /** An input stream that counts the (compressed) bytes read from the file. */
  static final class Counted extends FilterInputStream {
    private volatile long count;

    Counted(InputStream in) {
      super(in);
    }

    /** Returns the bytes read so far. */
    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** An opened input: the decoded bytes and the counter of file bytes behind them. */
  record Input(InputStream in, Counted file, long size) {}

  /**
   * Opens a file for reading, decompressing gzip.
   *
   * @param file the file
   * @param what what it holds, for messages ({@code contacts})
   * @return the opened input
   * @throws BadInputException if the file cannot be opened
   */
  static Input open(Path file, String what) {
    return open(file, what, null);
  }

  /**
   * Opens a file for reading, or standard input for {@code -} (never closed), decompressing
   * gzip.
   *
   * @param file  the file, or {@code -}
   * @param what  what it holds, for messages ({@code contacts})
   * @param stdin standard input, or null where {@code -} is not accepted
   * @return the opened input (size 0 for standard input: unknown)
   * @throws BadInputException if the file cannot be opened
   */
  static Input open(Path file, String what, InputStream stdin) {
    try {
      boolean standardInput = stdin != null && isStdin(file);
      long size = standardInput ? 0 : Files.size(file);
      Counted counted = new Counted(standardInput ? new FilterInputStream(stdin) {
        @Override
        public void close() {
          // standard input stays open
        }
      } : Files.newInputStream(file));
      BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER);
      buffered.mark(2);
      int b1 = buffered.read();
      int b2 = buffered.read();
      buffered.reset();
      InputStream in = b1 == 0x1f && b2 == 0x8b
          ? new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER)
          : buffered;
      return new Input(in, counted, size);
    } catch (NoSuchFileException e) {
      throw new BadInputException(what + " file must exist, but was " + file + " (not found)");
    } catch (IOException e) {
      throw new BadInputException(what + " file must be readable, but was " + file + " ("
          + e.getMessage() + ")", e);
    }
  }

  /**
   * Opens an output: standard output for {@code null} or {@code -} (flushed, never closed),
   * else the file, gzip-compressed when its name ends with {@code .gz}.
   *
   * @param file   the file, {@code null} or {@code -} for standard output
   * @param stdout standard output
   * @return a buffered stream; closing it finishes the file
   * @throws BadInputException if the file cannot be created
   */
  static OutputStream create(Path file, PrintStream stdout) {
    if (file == null || file.toString().equals("-")) {
      return new BufferedOutputStream(new FilterOutputStream(stdout) {
        @Override
        public void write(byte[] b, int off, int len) {
          stdout.write(b, off, len);
        }

        @Override
        public void close() {
          stdout.flush();
        }
      }, BUFFER);
    }
    try {
      OutputStream out = Files.newOutputStream(file);
      if (isGzip(file)) {
        out = new GZIPOutputStream(out, BUFFER);
      }
      return new BufferedOutputStream(out, BUFFER);
    } catch (IOException e) {
      throw new BadInputException("output file must be writable, but was " + file + " ("
          + e.getMessage() + ")", e);
    }
  }

  /** Whether a path is {@code -}, standard input or output. */
  static boolean isStdin(Path file) {
    return file.toString().equals("-");
  }

  /** Whether a file name ends with {@code .gz} (any case). */
  static boolean isGzip(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** Whether a file name is a CSV name: {@code .csv} or {@code .csv.gz} (any case). */
  static boolean isCsv(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") || name.endsWith(".csv.gz");
  }
}
