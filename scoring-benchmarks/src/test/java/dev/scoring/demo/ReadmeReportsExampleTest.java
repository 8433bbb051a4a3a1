package dev.scoring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.evaluation.Comparison;
import dev.scoring.core.evaluation.LabeledContact;
import dev.scoring.core.report.EvaluationReport;
import dev.scoring.core.report.ScoringReport;
import dev.scoring.rfm.Rfm;
import dev.scoring.rfm.RfmReport;
import dev.scoring.rfm.RfmResult;
import dev.scoring.rfm.value.CustomerValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "HTML reports" example: it runs here, and the README shows it verbatim. */
class ReadmeReportsExampleTest {
  @TempDir
  Path dir;

  @Test
  void theReportsExampleRunsAndIsInTheReadme() throws Exception {
    ScoringTable model = ExampleModels.seed();
    Instant asOf = DemoReports.AS_OF;
    List<LabeledContact> labelled = DemoReports.labelled(2_000);
    List<Contact> contacts = labelled.stream().map(LabeledContact::contact).toList();
    ScoringTable current = model;
    ScoringTable candidate = model.toBuilder().version("2").removeRule("email-open").build();
    RfmResult rfmResult = Rfm.builder().analysisDate(DemoTransactions.END.plusDays(1)).build()
        .score(DemoTransactions.generate(500, 3));
    List<CustomerValue> customerValues = new ArrayList<>();
    Path workingDir = dir;

    // readme:reports
    ScoringReport report = new ScoringReport(model, asOf, 10);   // keeps bins and the top 10
    for (Contact c : contacts) {
      report.add(c, model.score(c, asOf));
    }
    report.toHtml().write(Path.of("scoring.html"));
    EvaluationReport.of(Comparison.of(current, candidate, labelled, asOf)).write(Path.of("ab.html"));
    RfmReport.of(rfmResult, "$", customerValues).write(Path.of("rfm.html"));
    // readme:end

    for (String name : List.of("scoring.html", "ab.html", "rfm.html")) {
      Path written = Path.of(name);
      assertThat(Files.readString(written)).startsWith("<!DOCTYPE html>").contains("<svg");
      Files.move(written, workingDir.resolve(name));
    }
    assertThat(report.count()).isEqualTo(2_000);

    String source = Files.readString(
        Path.of("src/test/java/dev/scoring/demo/ReadmeReportsExampleTest.java"));
    String snippet = source.substring(source.indexOf("// readme:reports\n") + 18,
        source.indexOf("    // readme:end"));
    String dedented = snippet.lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip())
        .collect(Collectors.joining("\n", "", "\n"));
    assertThat(Files.readString(Path.of("..", "README.md"))).contains(dedented);
  }
}
