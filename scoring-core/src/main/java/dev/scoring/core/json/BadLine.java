package dev.scoring.core.json;

import java.util.Objects;

/**
 * A line of an NDJSON contact file that could not be read, as reported in skip-and-report
 * mode (see {@link ContactJson#lines(java.io.Reader, java.util.function.Consumer)}).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param line    the line number, from 1
 * @param path    the JSON path of the problem within the line ({@code events[2].at}), empty
 *                for the line as a whole
 * @param message the full message, starting with {@code line <n>: } and naming the path
 *                and the offending value
 */
public record BadLine(long line, String path, String message) {

  /**
   * Checks the components.
   *
   * @param line    the line number, from 1
   * @param path    the JSON path of the problem, empty for the line as a whole
   * @param message the full message
   * @throws NullPointerException if {@code path} or {@code message} is null
   */
  public BadLine {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
