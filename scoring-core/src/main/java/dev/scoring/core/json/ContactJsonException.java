package dev.scoring.core.json;

/**
 * A contact document or NDJSON line is not a valid contact (SPEC section 1): the error for
 * bad contact input, carrying the line number (0 for a single document) and the JSON path
 * of the problem. Messages follow the house template, for example
 * {@code line 3: events[0].at must be an ISO-8601 instant such as "2026-10-01T09:30:00Z",
 * but was "yesterday"}.
 */
public class ContactJsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final long line;
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

  /** Returns the line number from 1, or 0 for a single document. */
  public long line() {
    return line;
  }

  /** Returns the JSON path of the problem within the document, empty for all of it. */
  public String path() {
    return path;
  }

  /** Returns this error as a report entry. */
  public BadLine toBadLine() {
    return new BadLine(line, path, getMessage());
  }
}
