package dev.scoring.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The RFM example of {@code docs/rfm.md}, run as written: the code between the markers is
 * copied into that page, and so is the summary it prints. The test checks that the page still
 * holds both, and that its imports name real classes.
 */
class RfmReadmeExampleTest {
  static final String PRINTED = """
      segment             customers   share   orders         revenue  avg order  revenue share
      Champions                  35    3.5%      316       31,646.00     100.15           6.8%
      Potential Loyalist        342   34.4%    2,211      204,856.00      92.65          44.1%
      Loyal Customers           170   17.1%      799       76,562.00      95.82          16.5%
      Promising                   9    0.9%       28        4,249.00     151.75           0.9%
      New Customers             104   10.5%      329       28,837.00      87.65           6.2%
      Can't Lose Them            47    4.7%      274       32,446.00     118.42           7.0%
      At Risk                    28    2.8%      216       22,227.00     102.90           4.8%
      Need Attention             10    1.0%       57        4,562.00      80.04           1.0%
      About To Sleep            102   10.3%      283       23,449.00      82.86           5.1%
      Lost                      148   14.9%      393       35,324.00      89.88           7.6%
      Others                      0    0.0%        0            0.00       0.00           0.0%
      """;

  @Test
  void theReadmeExampleRunsAndPrintsTheSummary() throws IOException {
    Path file = SharedData.file("datasets/rfm_r_package/rfm_data_orders.csv");
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      // README-BEGIN
      TransactionCsvReader.Result orders = TransactionCsvReader.builder()
          .customerColumn("customer_id")
          .dateColumn("order_date")
          .amountColumn("revenue")
          .build()
          .read(file);                          // every row used or reported: orders.rejected()
      RfmResult result = Rfm.builder()
          .analysisDate(LocalDate.of(2006, 12, 31))
          .binning(Binning.rCompatible())       // the R rfm package's rule; default: quantiles()
          .build()
          .score(orders.transactions());
      System.out.println(result.summary());
      CustomerRfm brion = result.find("Mr. Brion Stark Sr.").orElseThrow();
      System.out.println(brion.cell() + " " + brion.segment() + " " + brion.toAttributes());
      // README-END
    } finally {
      System.setOut(stdout);
    }
    String printed = captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    System.out.print(printed);
    assertTrue(printed.startsWith(PRINTED), printed);
    assertEquals("355 Potential Loyalist {rfm_segment=Potential Loyalist, "
        + "rfm_score=83.33333333333333, rfm_cell=355, rfm_r=3, rfm_f=5, rfm_m=5, rfm_sum=13, "
        + "rfm_recency_days=229, rfm_frequency=8, rfm_monetary=852.0, rfm_revenue=852.0, "
        + "rfm_last_purchase=2006-05-16}\n", printed.substring(PRINTED.length() + 1));
  }

  @Test
  void docsRfmHoldsTheExampleItsImportsAndItsOutput() throws IOException,
      ClassNotFoundException {
    Path page = Path.of("..", "docs", "rfm.md");
    Path source = Path.of("src/test/java/dev/scoring/rfm/RfmReadmeExampleTest.java");
    if (!Files.isRegularFile(source)) {
      return; // not run from the module directory
    }
    String text = Files.readString(page, StandardCharsets.UTF_8);
    String code = Files.readString(source, StandardCharsets.UTF_8);
    String snippet = code.substring(code.indexOf("// README-BEGIN\n") + 16,
        code.indexOf("      // README-END"));
    assertTrue(stripIndent(text).contains(stripIndent(snippet)),
        "docs/rfm.md must contain the example:\n" + snippet);
    assertTrue(text.contains(PRINTED), "docs/rfm.md must contain the printed summary");
    // the page's imports name real classes, so the snippet compiles as shown
    for (String line : text.lines().filter(l -> l.startsWith("import ")).toList()) {
      Class.forName(line.substring(7, line.length() - 1));
    }
  }

  /** The text with each line's leading spaces removed. */
  static String stripIndent(String text) {
    return text.lines().map(String::stripLeading).reduce("", (a, b) -> a + b + "\n");
  }
}
