package dev.scoring.api;

/**
 * A scoring model definition is invalid: the one error type for bad model files and bad
 * builder input, carrying where the problem is.
 *
 * <p>Messages follow one template, {@code <where> must be <constraint>, but was <value>},
 * for example {@code behavioral[3].points must be finite, but was NaN}.
 *
 * <p>Instances are immutable once thrown; safe to share between threads.
 */
public final class ModelException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Where the problem is, as a JSON path; empty for the document as a whole. */
  private final String path;

  /**
   * Creates the error.
   *
   * @param path    where the problem is, as a JSON path such as {@code behavioral[3].points}
   *                (empty for the document as a whole)
   * @param message the full message, which names the path and the offending value
   */
  public ModelException(String path, String message) {
    super(message);
    this.path = path == null ? "" : path;
  }

  /**
   * Creates the error with a cause.
   *
   * @param path    where the problem is
   * @param message the full message
   * @param cause   the underlying error
   */
  public ModelException(String path, String message, Throwable cause) {
    super(message, cause);
    this.path = path == null ? "" : path;
  }

  /**
   * Returns where the problem is.
   *
   * @return the JSON path such as {@code behavioral[3].points}, empty for the document
   */
  public String path() {
    return path;
  }
}
