package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, as users run it: {@code java -jar scoring-cli.jar}. Runs after package. */
class JarIT {
  @TempDir
  Path dir;

  @Test
  void theJarRuns() throws Exception {
    Path jar = Path.of(System.getProperty("cli.jar", "target/scoring-cli.jar"));
    assertThat(jar).exists();
    List<String> prefix = List.of("-jar", jar.toString());

    ProcessTest.Result help = ProcessTest.java(prefix, "--help");
    assertThat(help.exit()).isEqualTo(Exit.OK);
    assertThat(help.out()).isEqualTo(HelpTest.usage(""));
    ProcessTest.Result version = ProcessTest.java(prefix, "--version");
    assertThat(version.out()).startsWith("scoring 0.1.0-SNAPSHOT\n");

    Path model = Files.writeString(dir.resolve("m.json"), ScoreCommandTest.MODEL);
    Path contacts = Files.writeString(dir.resolve("c.ndjson"), ScoreCommandTest.CONTACTS);
    Path out = dir.resolve("s.csv.gz");
    ProcessTest.Result score = ProcessTest.java(prefix, "score", "--model", model.toString(),
        "--contacts", contacts.toString(), "--as-of", ScoreCommandTest.AS_OF, "--out",
        out.toString());
    assertThat(score.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(ScoreCommandTest.gunzip(out)).isEqualTo("""
        id,score,raw,fit,engagement,tier
        c-1,17.5,17.5,5.5,12,MQL
        c-2,0,-15,0,-15,unqualified
        c-3,0,0,0,0,unqualified
        """);
  }
}
