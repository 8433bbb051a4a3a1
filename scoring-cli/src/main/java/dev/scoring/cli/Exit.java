package dev.scoring.cli;

/** The exit codes of the tool. Constants only. */
public final class Exit {
  /** Everything went well. */
  public static final int OK = 0;
  /** The command ran and found something: bad lines skipped, check findings. */
  public static final int FINDINGS = 1;
  /** The command line was wrong: an unknown or missing option or argument. */
  public static final int USAGE = 2;
  /** An input could not be used: a missing or unreadable file, a model that does not load. */
  public static final int BAD_INPUT = 3;

  private Exit() {}
}
