package dev.scoring.core.json;

/**
 * A contact document or NDJSON line is not a valid contact (SPEC section 1): the error for
 * bad contact input, carrying the line number (0 for a single document) and the JSON path
 * of the problem. Messages follow the house template, for example
 * {@code line 3: events[0].at must be an ISO-8601 instant from 0001-01-01T00:00:00Z to
 * 9999-12-31T23:59:59.999999999Z, but was "yesterday"}. Every reader of contacts throws
 * this one type, with the same message for the same line.
 *
 * <p>Immutable and thread-safe.
 */
public final class ContactJsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The line number from 1, or 0 for a single document. */
  private final long line;
  /** The JSON path of the problem, empty for the whole document. */
  private final String path;

  /**
   * Creates the error.
   *
   * @param line    the line number from 1, or 0 for a single document
   * @param path    the JSON path within the document, empty for the document as a whole
   * @param message the full message
   */
  public ContactJsonException(long line, String path, String message) {
    super(message);
    this.line = line;
    this.path = path == null ? "" : path;
  }

  /**
   * Returns the line number from 1, or 0 for a single document.
   *
   * @return the line number
   */
  public long line() {
    return line;
  }

  /**
   * Returns the JSON path of the problem within the document, empty for all of it.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Returns this error as a report entry.
   *
   * @return the bad line
   */
  public BadLine toBadLine() {
    return new BadLine(line, path, getMessage());
  }
}
