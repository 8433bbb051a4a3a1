package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code main} in a JVM of its own: exit codes reach the process, output its streams. */
class ProcessTest {
  @TempDir
  Path dir;

  record Result(int exit, String out, String err) {}

  static Result java(List<String> prefix, String... args) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(prefix);
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    return new Result(p.waitFor(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  static Result classPath(String... args) throws IOException, InterruptedException {
    return java(List.of("-cp", System.getProperty("java.class.path"),
        ScoringCli.class.getName()), args);
  }

  @Test
  void exitCodesReachTheProcess() throws Exception {
    Path model = Files.writeString(dir.resolve("m.json"), ScoreCommandTest.MODEL);
    Path contacts = Files.writeString(dir.resolve("c.ndjson"), ScoreCommandTest.CONTACTS);

    Result score = classPath("score", "--model", model.toString(), "--contacts",
        contacts.toString(), "--as-of", ScoreCommandTest.AS_OF, "--format", "csv");
    assertThat(score.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(score.out()).isEqualTo("""
        id,score,raw,fit,engagement,tier
        c-1,17.5,17.5,5.5,12,MQL
        c-2,0,-15,0,-15,unqualified
        c-3,0,0,0,0,unqualified
        """);
    assertThat(score.err()).startsWith(contacts + ": line 3: ");

    assertThat(classPath("check", model.toString()).exit()).isEqualTo(Exit.OK);
    assertThat(classPath("check", dir.resolve("none.json").toString()).exit())
        .isEqualTo(Exit.BAD_INPUT);
    assertThat(classPath("check", "--frobnicate").exit()).isEqualTo(Exit.USAGE);
  }
}
