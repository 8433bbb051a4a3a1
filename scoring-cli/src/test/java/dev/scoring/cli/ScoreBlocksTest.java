package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.ScoreLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code score} reads NDJSON in blocks ({@code --block-bytes}) parsed and scored on
 * {@code --threads} workers and written in file order: whatever the block size and the
 * threads, the output is the same bytes, the bad lines are reported with their true line
 * numbers in order, and every line is the object path's.
 */
class ScoreBlocksTest {
  static final String AS_OF = "2026-11-30T00:00:00Z";

  @TempDir
  Path dir;

  /** 1,500 contacts with a bad line after every 97th, and the bad lines' numbers. */
  record File(Path path, List<Contact> contacts, List<Integer> badLines) {}

  File population() throws IOException {
    List<Contact> contacts = ExampleContacts.generate(1500, 23, Instant.parse(AS_OF));
    List<String> lines = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    for (int i = 0; i < contacts.size(); i++) {
      lines.add(ContactJson.toJson(contacts.get(i)));
      if (i % 97 == 96) {
        lines.add("{\"id\":\"bad-" + i + "\",\"nope\":1}");
        bad.add(lines.size());
      }
    }
    return new File(Files.write(dir.resolve("c.ndjson"), lines), contacts, bad);
  }

  Path seed() throws IOException {
    return Files.writeString(dir.resolve("seed.json"), ExampleModels.seed().toJson());
  }

  @ParameterizedTest
  @CsvSource({"1, 1000", "2, 1000", "3, 7000", "2, 1", "1, 100000"})
  void blocks_giveTheObjectPathsLinesAndTrueBadLineNumbers(int threads, int blockBytes)
      throws IOException {
    File file = population();
    Path model = seed();
    ScoringTable seed = ExampleModels.seed();
    Instant asOf = Instant.parse(AS_OF);

    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", file.path().toString(),
        "--as-of", AS_OF, "--trend", "7", "--threads", Integer.toString(threads),
        "--block-bytes", Integer.toString(blockBytes));

    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    List<String> out = r.out().lines().toList();
    assertThat(out).hasSize(file.contacts().size());
    for (int i = 0; i < out.size(); i++) {
      Contact c = file.contacts().get(i);
      assertThat(out.get(i)).isEqualTo(ScoreLines.toJson(c.id(), seed.score(c, asOf),
          seed.fingerprint(), null, 7, seed.trend(c, asOf, 7)));
    }
    List<String> reported = r.err().lines()
        .filter(l -> l.startsWith(file.path() + ": line ")).toList();
    assertThat(reported).hasSize(file.badLines().size());
    for (int k = 0; k < reported.size(); k++) {
      assertThat(reported.get(k)).startsWith(file.path() + ": line " + file.badLines().get(k)
          + ": ");
    }
    assertThat(r.err()).contains("scored 1,500 contacts (15 bad lines skipped)");
  }

  @Test
  void blocks_csvAndExplainedLinesAreTheSameBytesAtAnyBlockSize() throws IOException {
    File file = population();
    Path model = seed();
    for (String[] format : List.of(new String[] {"--format", "csv"},
        new String[] {"--explain"})) {
      List<String> outs = new ArrayList<>();
      for (String[] run : List.of(new String[] {"1", "100000000"}, new String[] {"2", "3000"},
          new String[] {"3", "1"})) {
        List<String> args = new ArrayList<>(List.of("score", "--model", model.toString(),
            "--contacts", file.path().toString(), "--as-of", AS_OF, "--threads", run[0],
            "--block-bytes", run[1]));
        args.addAll(List.of(format));
        Cli r = Cli.run(args.toArray(new String[0]));
        assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
        outs.add(r.out());
      }
      assertThat(outs.get(0).lines().count()).isEqualTo(file.contacts().size()
          + (format[0].equals("--format") ? 1 : 0));
      assertThat(outs.get(1)).isEqualTo(outs.get(0));
      assertThat(outs.get(2)).isEqualTo(outs.get(0));
    }
  }

  @Test
  void blocks_anEmptyFileGivesTheHeaderOnly() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.ndjson"), "\n  \n");
    Cli r = Cli.run("score", "--model", seed().toString(), "--contacts", empty.toString(),
        "--as-of", AS_OF, "--format", "csv", "--trend", "3");
    assertThat(r.exit()).isEqualTo(Exit.OK);
    assertThat(r.out()).isEqualTo("id,score,raw,fit,engagement,tier,trend3\n");
    assertThat(r.err()).startsWith("scored 0 contacts (0 bad lines skipped) in ");
  }

  @Test
  void blocks_aRunThatCannotReadItsContactsLeavesNoOutputFile() throws IOException {
    Path out = dir.resolve("s.csv");
    Cli r = Cli.run("score", "--model", seed().toString(), "--contacts",
        dir.resolve("none.ndjson").toString(), "--as-of", AS_OF, "--out", out.toString());
    assertThat(r.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void blocks_anOutputThatCannotBeCreatedIsAnOutputError() throws IOException {
    File file = population();
    Path out = dir.resolve("no-such-dir").resolve("s.csv");
    Cli r = Cli.run("score", "--model", seed().toString(), "--contacts",
        file.path().toString(), "--as-of", AS_OF, "--out", out.toString(), "--block-bytes",
        "5000");
    assertThat(r.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(r.err()).contains("error: output file must be writable, but was " + out + " (");
    assertThat(r.err()).doesNotContain("contacts file must be readable");
  }

  @Test
  void blocks_usageErrors() throws IOException {
    File file = population();
    Cli zero = Cli.run("score", "--model", seed().toString(), "--contacts",
        file.path().toString(), "--as-of", AS_OF, "--block-bytes", "0");
    assertThat(zero.exit()).isEqualTo(Exit.USAGE);
    assertThat(zero.err()).startsWith("error: --block-bytes must be at least 1, but was 0\n");
    Cli early = Cli.run("score", "--model", seed().toString(), "--contacts",
        file.path().toString(), "--as-of", "0001-01-03T00:00:00Z", "--trend", "7");
    assertThat(early.exit()).isEqualTo(Exit.USAGE);
    assertThat(early.err()).startsWith("error: --trend: asOf - 7 days must be at or after"
        + " 0001-01-01T00:00:00Z, but was before it");
    assertThat(early.out()).isEmpty();
  }
}
