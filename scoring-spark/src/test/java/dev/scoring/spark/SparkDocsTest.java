package dev.scoring.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/spark.md shows {@link ScoreContacts}, {@link ScoreSets}, {@link ScoreAccounts} and
 * {@link CustomerAnalytics} verbatim, and this
 * module compiles them against Spark 3.5 (they need a cluster to run).
 */
class SparkDocsTest {

  @Test
  void docsShowTheCompiledExamplesVerbatim() throws IOException {
    String page = Files.readString(Path.of("..", "docs", "spark.md"));
    for (String name : List.of("ScoreContacts", "ScoreSets", "ScoreAccounts",
        "CustomerAnalytics")) {
      String source = Files.readString(Path.of("..", "scoring-spark", "src", "test", "java",
          "dev", "scoring", "spark", name + ".java"));
      String snippet = source.substring(source.indexOf("// docs:spark\n") + 14,
          source.indexOf("// docs:end"));
      assertTrue(page.contains("```java\n" + snippet + "```\n"),
          "docs/spark.md must show " + name + " verbatim");
    }
  }
}
