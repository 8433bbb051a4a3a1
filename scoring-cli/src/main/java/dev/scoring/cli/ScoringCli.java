package dev.scoring.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code scoring} command: files in, scores out. Subcommands {@code score},
 * {@code accounts}, {@code check}, {@code rfm}, {@code value} and {@code report};
 * {@code --help} and {@code --version} on every one.
 *
 * <pre>
 * java -jar scoring-cli/target/scoring-cli.jar score --model m.json --contacts c.ndjson.gz \
 *     --as-of 2026-11-30T00:00:00Z --out scores.ndjson.gz
 * </pre>
 *
 * <p>Exit codes: {@value Exit#OK} ok, {@value Exit#FINDINGS} findings (bad lines reported
 * and skipped, a check that found something), {@value Exit#USAGE} usage (an unknown or
 * missing option), {@value Exit#BAD_INPUT} bad input (a file that cannot be read, a model
 * that does not load).
 *
 * <p>Each run builds its own command objects: {@link #run(String[], PrintStream,
 * PrintStream)} is safe to call from several threads at once, each with its own streams.
 */
@Command(name = "scoring", mixinStandardHelpOptions = true,
    versionProvider = ScoringCli.Version.class,
    description = "Marketing scoring tables from the command line: lead scores, account"
        + " scores, model checks, RFM, customer value and HTML reports.",
    subcommands = {ScoreCommand.class, AccountsCommand.class, CheckCommand.class,
        RfmCommand.class, ValueCommand.class, ReportCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:ok",
        "1:findings (bad lines reported and skipped, a check that found something)",
        "2:usage (an unknown or missing option or argument)",
        "3:bad input (a file that cannot be read, a model that does not load)"})
public final class ScoringCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Standard input of this run ({@code --contacts -}). */
  InputStream in = System.in;
  /** Standard output of this run. */
  PrintStream out = System.out;
  /** Standard error of this run. */
  PrintStream err = System.err;

  /** Creates the top command; picocli calls it. */
  public ScoringCli() {}

  /** Without a subcommand: the usage message, and exit code 2. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command must be given (score, accounts, check, rfm, value or report), but was"
            + " none");
  }

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    Heap.startSmall(); // the heap as small as the work needs, unless the command line sizes it
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the tool in-process.
   *
   * @param args the command line
   * @param out  standard output: results and help
   * @param err  standard error: progress, bad lines, error messages
   * @return the exit code, one of the {@link Exit} values
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /**
   * Runs the tool in-process with its own standard input.
   *
   * @param args the command line
   * @param in   standard input: contacts given as {@code -}
   * @param out  standard output: results and help
   * @param err  standard error: progress, bad lines, error messages
   * @return the exit code, one of the {@link Exit} values
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    CommandLine cl = commandLine(out, err);
    ((ScoringCli) cl.getCommand()).in = in;
    return cl.execute(args);
  }

  /**
   * Returns the configured picocli command line (for tests and the documentation of
   * {@code --help}).
   *
   * @param out standard output
   * @param err standard error
   * @return a new command line
   */
  public static CommandLine commandLine(PrintStream out, PrintStream err) {
    ScoringCli root = new ScoringCli();
    root.out = out;
    root.err = err;
    CommandLine cl = new CommandLine(root);
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cl.setUsageHelpWidth(100);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof BadInputException) {
        commandLine.getErr().println("error: " + e.getMessage());
        return Exit.BAD_INPUT;
      }
      if (e instanceof UsageException) {
        commandLine.getErr().println("error: " + e.getMessage());
        commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName()
            + " --help' for more information.");
        return Exit.USAGE;
      }
      commandLine.getErr().println("error: " + e);
      e.printStackTrace(commandLine.getErr());
      return Exit.BAD_INPUT;
    });
    cl.setParameterExceptionHandler((e, args) -> {
      CommandLine c = e.getCommandLine();
      c.getErr().println("error: " + e.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr());
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName()
          + " --help' for more information.");
      return Exit.USAGE;
    });
    return cl;
  }

  /** The version, from {@code version.properties} (filtered by the build). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties p = new java.util.Properties();
      try (java.io.InputStream in = ScoringCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"scoring " + p.getProperty("version", "(unknown version)"),
          "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
