package dev.scoring.core.analysis;

import static dev.scoring.core.Condition.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.json.ModelJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckTest {
  @TempDir
  Path dir;

  @Test
  void cleanFilesPassAndBrokenOrSuspectFilesFail() throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, ExampleModels.seedJson());
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"name\": \"x\", \"behavioral\": [{\"id\": \"a\", "
        + "\"event\": \"e\", \"points\": 0}]}");
    Path suspect = dir.resolve("suspect.json");
    Files.writeString(suspect, ExampleModels.seed().toBuilder()
        .demographic("tech-again", attribute("sector").equalToIgnoreCase("technology"), 1)
        .build().toJson());

    assertThat(run(seed.toString())).isEqualTo(0);
    assertThat(ModelAnalysis.of(seed)).isEqualTo(ModelAnalysis.of(ExampleModels.seed()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ModelCheck.run(new String[] {seed.toString(), broken.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("== " + broken,
        "does not load: behavioral[0].points must be finite and non-zero, but was 0");
    assertThat(run(suspect.toString())).isEqualTo(1);
    assertThat(ModelCheck.run(new String[0], new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8))).isEqualTo(2);
  }

  private static int run(String file) {
    return ModelCheck.run(new String[] {file}, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
  }
}
