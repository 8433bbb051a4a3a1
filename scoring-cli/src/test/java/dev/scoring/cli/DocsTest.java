package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.core.examples.ExampleModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/cli.md} is generated, not hand-copied: its help blocks are what the commands
 * print for {@code --help}, and its example blocks what the commands print on the sample
 * files (standard output, then standard error without the timing summary of {@code score},
 * then the exit code). Run with {@code -Dcli.docs.update=true} to rewrite both kinds of
 * blocks from the commands.
 */
class DocsTest {
  static final Path ROOT = Path.of("..");
  static final Path DOCS = ROOT.resolve("docs/cli.md");
  static final String JAR = "java -jar scoring-cli/target/scoring-cli.jar ";
  static final Pattern HELP = Pattern.compile(
      "<!-- help: (scoring[a-z ]*) -->\\n```text\\n(.*?)```\\n", Pattern.DOTALL);
  static final Pattern RUN = Pattern.compile(
      "<!-- run -->\\n```console\\n\\$ " + Pattern.quote(JAR) + "(.*?)\\n(.*?)```\\n",
      Pattern.DOTALL);
  static final boolean UPDATE = Boolean.getBoolean("cli.docs.update");

  @Test
  void helpBlocksAreWhatTheCommandsPrint() throws IOException {
    String page = Files.readString(DOCS);
    Map<String, String> blocks = new LinkedHashMap<>();
    Matcher m = HELP.matcher(page);
    StringBuilder updated = new StringBuilder();
    while (m.find()) {
      String command = m.group(1).substring("scoring".length()).strip();
      blocks.put(command, m.group(2));
      m.appendReplacement(updated, Matcher.quoteReplacement("<!-- help: " + m.group(1)
          + " -->\n```text\n" + HelpTest.usage(command) + "```\n"));
    }
    m.appendTail(updated);
    if (UPDATE) {
      Files.writeString(DOCS, updated.toString());
      return;
    }
    assertThat(blocks.keySet()).containsExactlyInAnyOrder("", "score", "check", "rfm", "value",
        "report", "report scores", "report rfm", "accounts");
    for (Map.Entry<String, String> e : blocks.entrySet()) {
      assertThat(e.getValue()).as("docs/cli.md help of '%s' (regenerate with"
          + " -Dcli.docs.update=true)", e.getKey()).isEqualTo(HelpTest.usage(e.getKey()));
    }
  }

  @Test
  void exampleBlocksAreWhatTheCommandsPrintOnTheSamples() throws IOException {
    String page = Files.readString(DOCS);
    Matcher m = RUN.matcher(page);
    StringBuilder updated = new StringBuilder();
    int examples = 0;
    while (m.find()) {
      examples++;
      String output = run(m.group(1));
      if (!UPDATE) {
        assertThat(m.group(2)).as("docs/cli.md example '%s' (regenerate with"
            + " -Dcli.docs.update=true)", m.group(1)).isEqualTo(output);
      }
      m.appendReplacement(updated, Matcher.quoteReplacement("<!-- run -->\n```console\n$ "
          + JAR + m.group(1) + "\n" + output + "```\n"));
    }
    m.appendTail(updated);
    if (UPDATE) {
      Files.writeString(DOCS, updated.toString());
    }
    assertThat(examples).isEqualTo(10);
  }

  @Test
  void theSampleModelIsTheSeedTable() throws IOException {
    assertThat(Files.readString(ROOT.resolve("docs/samples/seed-b2b.json")))
        .isEqualTo(ExampleModels.seedJson());
  }

  /** Runs a documented command line from the repository root and renders what it printed. */
  static String run(String commandLine) {
    List<String> args = new ArrayList<>();
    for (String a : commandLine.split(" ")) {
      args.add(a.startsWith("docs/") ? ROOT.resolve(a).toString() : a);
    }
    Cli r = Cli.run(args.toArray(new String[0]));
    StringBuilder out = new StringBuilder(r.out().replace(ROOT + "/", ""));
    for (String line : r.err().lines().toList()) {
      if (!line.startsWith("scored ")) {
        out.append(line.replace(ROOT + "/", "")).append('\n');
      }
    }
    return out.append("# exit code ").append(r.exit()).append('\n').toString();
  }
}
