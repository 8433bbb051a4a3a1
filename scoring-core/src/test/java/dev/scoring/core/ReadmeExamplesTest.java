package dev.scoring.core;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The README's examples: the code between the {@code readme:} markers below is what the README
 * shows (the test checks the README still contains it verbatim), and it runs here.
 */
class ReadmeExamplesTest {

  @Test
  void quickStart() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // readme:quick-start
      ScoringTable model = ScoringTable.builder("b2b-leads")
          .decay(Decay.halfLife(30))
          .demographic("age-25-34", attribute("age").between(25, 34), 3)
          .demographic("tech", attribute("sector").equalToIgnoreCase("tech"), 3)
          .behavioral("pricing", on("pricing_page_visit").maxOccurrences(3), 5)
          .behavioral("demo", on("demo_request"), 9)
          .negative("unsub", on("unsubscribe"), -15)
          .inactivity("dormant", 90, -10)
          .tier("MQL", 60).tier("SQL", 80)
          .build();

      Contact contact = Contact.builder("c-1")
          .attribute("age", 29)
          .attribute("sector", "Tech")
          .event("pricing_page_visit", Instant.parse("2026-11-21T09:00:00Z"))
          .event("demo_request", Instant.parse("2026-10-22T10:00:00Z"))
          .build();

      Instant asOf = Instant.parse("2026-11-21T10:00:00Z");
      Score score = model.score(contact, asOf);
      System.out.println(score.score() + " " + score.tier());
      System.out.print(model.explain(contact, asOf));
      // readme:end
      assertThat(score.score()).isEqualTo(15.5);
    } finally {
      System.setOut(original);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("""
        15.5 unqualified
        score 15.50 (unqualified), raw 15.50 = fit 6.00 + engagement 9.50
             +3.00  demographic age-25-34
             +3.00  demographic tech
             +5.00  behavioral  pricing
             +4.50  behavioral  demo
        """);
  }

  @Test
  void readmeShowsTheseExamplesVerbatim() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String source = Files.readString(
        Path.of("src/test/java/dev/scoring/core/ReadmeExamplesTest.java"));
    for (String snippet : ReadmeSnippets.between(source, "// readme:", "// readme:end")) {
      assertThat(readme).contains(snippet);
    }
  }
}
