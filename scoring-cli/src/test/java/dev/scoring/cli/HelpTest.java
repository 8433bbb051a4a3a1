package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code --help} and {@code --version} on every command; usage errors. */
class HelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "score", "check", "rfm", "value", "report", "report scores",
      "report rfm", "accounts"})
  void helpAndVersionEverywhere(String command) {
    List<String> args = new ArrayList<>(command.isEmpty() ? List.of()
        : List.of(command.split(" ")));
    args.add("--help");
    Cli help = Cli.run(args.toArray(new String[0]));
    assertThat(help.exit()).isEqualTo(Exit.OK);
    assertThat(help.out()).startsWith("Usage: scoring" + (command.isEmpty() ? "" : " " + command)
        + " ").contains("-h, --help", "-V, --version");
    assertThat(help.out()).isEqualTo(usage(command));
    assertThat(help.err()).isEmpty();

    args.set(args.size() - 1, "--version");
    Cli version = Cli.run(args.toArray(new String[0]));
    assertThat(version.exit()).isEqualTo(Exit.OK);
    assertThat(version.out()).startsWith("scoring 0.1.0-SNAPSHOT\nJava ");
  }

  /** A {@code %} in a description must be escaped, or picocli warns and prints it raw. */
  @Test
  void everyUsageFormatsWithoutPicocliWarnings() {
    PrintStream old = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (String command : List.of("", "score", "check", "rfm", "value", "report",
          "report scores", "report rfm", "accounts")) {
        usage(command);
      }
    } finally {
      System.setErr(old);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void unknownOptionsAndCommandsAreUsageErrors() {
    Cli unknown = Cli.run("score", "--model", "m.json", "--as-of", "2026-01-01T00:00:00Z",
        "--nope");
    assertThat(unknown.exit()).isEqualTo(Exit.USAGE);
    assertThat(unknown.err()).isEqualTo("error: Unknown option: '--nope'\n"
        + "Possible solutions: --no-progress\n"
        + "Try 'scoring score --help' for more information.\n");
    Cli missing = Cli.run("score");
    assertThat(missing.exit()).isEqualTo(Exit.USAGE);
    assertThat(missing.err()).isEqualTo("error: Missing required options: '--model=<file>',"
        + " '--as-of=<instant>'\nTry 'scoring score --help' for more information.\n");
    assertThat(Cli.run("frobnicate").exit()).isEqualTo(Exit.USAGE);
    Cli none = Cli.run();
    assertThat(none.exit()).isEqualTo(Exit.USAGE);
    assertThat(none.err()).startsWith("error: a command must be given (score, accounts, check,"
        + " rfm, value or report), but was none");
  }

  /** What {@code scoring <command> --help} prints. */
  static String usage(String command) {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    CommandLine cl = ScoringCli.commandLine(sink, sink);
    if (!command.isEmpty()) {
      for (String part : command.split(" ")) {
        cl = cl.getSubcommands().get(part);
      }
    }
    return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }
}
