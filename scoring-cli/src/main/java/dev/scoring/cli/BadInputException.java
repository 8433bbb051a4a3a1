package dev.scoring.cli;

/**
 * An input the tool cannot use: a missing or unreadable file, a model that does not load, a
 * file that is not CSV. Maps to exit code {@value Exit#BAD_INPUT}; the message is printed
 * as is, so it names the file and, where it can, the line.
 */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
