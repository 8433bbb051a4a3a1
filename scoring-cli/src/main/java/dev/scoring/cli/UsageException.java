package dev.scoring.cli;

/**
 * A command line that parses but asks for something the command cannot do (options that
 * exclude each other, a column list of the wrong length). Maps to exit code
 * {@value Exit#USAGE}.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
