package dev.scoring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountRules;
import dev.scoring.core.Condition;
import dev.scoring.core.ContactTable;
import dev.scoring.demo.docs.AccountReport;
import dev.scoring.demo.docs.RfmPage;
import dev.scoring.demo.docs.WeeklyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of docs/reports.md are these files, verbatim, and they run. */
class ReportsDocsTest {
  private static final Path SNIPPETS = Path.of("src/test/java/dev/scoring/demo/docs");

  @TempDir
  Path dir;

  static String snippet(String file) throws Exception {
    String source = Files.readString(SNIPPETS.resolve(file));
    return source.substring(source.indexOf("import "));
  }

  @Test
  void theDocsShowTheSnippetsVerbatim() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "reports.md"));
    assertThat(docs).contains(snippet("WeeklyReport.java"), snippet("RfmPage.java"),
        snippet("AccountReport.java"));
  }

  @Test
  void theSnippetsRun() throws Exception {
    ScoringTable model = ExampleModels.seed();
    DemoPopulation population = new DemoPopulation(42, DemoReports.AS_OF);
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      contacts.add(population.contact(i));
    }
    Map<String, Score> lastWeek = WeeklyReport.write(model, contacts, Map.of(),
        DemoReports.AS_OF.minus(7, ChronoUnit.DAYS), dir.resolve("last.html"));
    Map<String, Score> thisWeek = WeeklyReport.write(model, contacts, lastWeek,
        DemoReports.AS_OF, dir.resolve("scoring.html"));
    assertThat(thisWeek).hasSize(500);
    assertThat(Files.readString(dir.resolve("scoring.html")))
        .contains("<h2>Since the last run</h2>", "500 contacts in the last run, 500 in this one",
            "<h2>Rule contributions</h2>");
    Path rfm = RfmPage.write(ReportPopulations.transactions(2_000, 3),
        DemoTransactions.END.plusDays(1), dir.resolve("rfm.html"));
    assertThat(Files.readString(rfm)).contains("Order-count distribution",
        "<h2>Customer value by segment</h2>");

    ScoringTable leads = model.toBuilder().account(AccountRules.builder(
        AccountRules.Combine.topMean(3)).demographic("enterprise",
        Condition.attribute("employees").atLeast(1000), 20).tier("target", 50).build()).build();
    List<Contact> members = new ArrayList<>();
    for (Contact c : contacts) {
      members.add(c.toBuilder().attribute("account_id", "acct-" + members.size() % 40).build());
    }
    Path page = AccountReport.write(leads, ContactTable.of(members),
        AccountRecords.of(Map.of("acct-0", Map.of("employees", 5000))), DemoReports.AS_OF,
        dir.resolve("accounts.html"));
    assertThat(Files.readString(page)).contains("<h2>Accounts</h2>\n<p>40 accounts (0 without"
        + " members)", "<p>acct-0: score ");
  }
}
