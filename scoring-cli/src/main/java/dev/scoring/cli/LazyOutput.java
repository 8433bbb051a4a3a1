package dev.scoring.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The output of {@code score}, created on the first write ({@link Io#create}) and starting
 * with a header: a run that fails before its first line (a missing contacts file) leaves no
 * file behind and prints nothing. {@link #finish()} creates it (header only) if nothing was
 * written; {@link #close()} closes it if it was created. Not thread-safe: the reading thread
 * writes.
 */
final class LazyOutput implements AutoCloseable {
  private final Path file;
  private final PrintStream stdout;
  private final Supplier<byte[]> header;
  private OutputStream stream;

  /**
   * @param file   the file, {@code null} or {@code -} for standard output
   * @param stdout standard output
   * @param header the bytes the output starts with, asked for once, on the first write
   */
  LazyOutput(Path file, PrintStream stdout, Supplier<byte[]> header) {
    this.file = file;
    this.stdout = stdout;
    this.header = header;
  }

  /**
   * Returns the stream, created (with the header written) on the first call.
   *
   * @return the buffered stream
   * @throws BadInputException if the output cannot be created or written
   */
  OutputStream stream() {
    if (stream == null) {
      byte[] start = header.get();
      stream = Io.create(file, stdout);
      try {
        stream.write(start);
      } catch (IOException e) {
        throw unwritable(e);
      }
    }
    return stream;
  }

  /**
   * Writes a block's bytes.
   *
   * @param bytes the block
   * @throws BadInputException if the output cannot be created or written
   */
  void write(ScoreBlocks.Bytes bytes) {
    try {
      bytes.writeTo(stream());
    } catch (IOException e) {
      throw unwritable(e);
    }
  }

  /** The error of an output that cannot be written (not the input's: it is read fine). */
  private BadInputException unwritable(IOException e) {
    return new BadInputException("output must be writable, but was "
        + (file == null ? "-" : file) + " (" + e.getMessage() + ")", e);
  }

  /** Creates the output if nothing was written (so it holds the header) and closes it. */
  void finish() {
    stream();
    close();
  }

  @Override
  public void close() {
    if (stream != null) {
      try (OutputStream s = stream) {
        stream = null;
        s.flush();
      } catch (IOException e) {
        throw unwritable(e);
      }
    }
  }
}
