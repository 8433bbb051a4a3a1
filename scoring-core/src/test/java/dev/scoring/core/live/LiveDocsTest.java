package dev.scoring.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/live.md shows {@link LiveDocsExample} verbatim, and the example does what it says. */
class LiveDocsTest {

  @Test
  void example_reportsTheChangesAndExplainsThem() {
    assertEquals(List.of(
        "c-17: unqualified -> MQL (EVENT)",
        "c-17: MQL -> unqualified (TIME)",
        "UPSERT null -> 20.0 -",
        "EVENT 20.0 -> 60.0 demo",
        "EVENT 60.0 -> 70.0 visit",
        "TIME 70.0 -> 45.0 demo"), LiveDocsExample.run());
  }

  @Test
  void accountsExample_reportsTableAndAccountChanges() {
    assertEquals(List.of(
        "product cem: unqualified -> PQL",
        "account acme: cold -> target (MEMBER of bob)",
        "bob {crm=55.0, product=0.0}",
        "acme 51.66666666666667"), LiveAccountsDocsExample.run());
  }

  @Test
  void docsShowTheExampleVerbatim() throws IOException {
    assertShownVerbatim("LiveDocsExample", "// docs:live\n");
  }

  @Test
  void docsShowTheAccountsExampleVerbatim() throws IOException {
    assertShownVerbatim("LiveAccountsDocsExample", "// docs:live-accounts\n");
  }

  private static void assertShownVerbatim(String example, String marker) throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/dev/scoring/core/live/" + example + ".java"));
    String snippet = source.substring(source.indexOf(marker) + marker.length(),
        source.indexOf("// docs:end"));
    String page = Files.readString(Path.of("..", "docs", "live.md"));
    assertTrue(page.contains("```java\n" + snippet + "```\n"),
        "docs/live.md must show " + example + " verbatim");
  }
}
