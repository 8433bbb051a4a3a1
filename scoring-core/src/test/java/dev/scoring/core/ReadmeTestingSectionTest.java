package dev.scoring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.analysis.ModelAnalysis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The guide page {@code docs/checking.md}: its code is copied from this test and from
 * {@code testing/ReadmeJqwikExampleProperties} (which jqwik runs), and the report it shows is the one
 * the analysis prints for the seed table.
 */
class ReadmeTestingSectionTest {

  @Test
  void seedAnalysisReport() throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // readme:analysis
      ModelAnalysis analysis = ModelAnalysis.of(ExampleModels.seed());
      System.out.print(analysis.report());
      // readme:end
    } finally {
      System.setOut(original);
    }
    String report = printed.toString(StandardCharsets.UTF_8);
    assertThat(report).startsWith("analysis of seed-b2b v1 (scale 0..100)\n");
    assertThat(readme()).contains("```\n" + report + "```\n");
  }

  @Test
  void readmeShowsTheseExamplesVerbatim() throws IOException {
    for (String file : new String[] {"ReadmeTestingSectionTest.java",
        "testing/ReadmeJqwikExampleProperties.java"}) {
      String source = Files.readString(Path.of("src/test/java/dev/scoring/core", file));
      var snippets = ReadmeSnippets.between(source, "// readme:", "// readme:end");
      assertThat(snippets).isNotEmpty();
      for (String snippet : snippets) {
        assertThat(readme()).contains(snippet);
      }
    }
  }

  private static String readme() throws IOException {
    return ReadmeSnippets.docPage("checking.md");
  }
}
