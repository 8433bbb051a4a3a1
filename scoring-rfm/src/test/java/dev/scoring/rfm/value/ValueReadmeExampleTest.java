package dev.scoring.rfm.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The example of {@code docs/customer-value.md}, verbatim between the markers. */
class ValueReadmeExampleTest {

  @Test
  void readmeExample_fitsCdnowAndRanksCustomers() throws IOException {
    Path file = SharedData.cdnow("cdnow_customers_summary_with_transactions.csv");
    StringBuilder out = new StringBuilder();
    // README-BEGIN
    List<CustomerSummary> customers = CustomerSummaries.read(file); // id, x, t_x, T, mean value
    BgNbdModel purchases = BgNbdModel.fit(customers);               // r, alpha, a, b
    GammaGammaModel spend = GammaGammaModel.fit(customers);         // p, q, v
    CustomerValueScorer scorer = CustomerValueScorer.builder(purchases)
        .spendModel(spend)
        .horizon(52).steps(12).discountRate(0.01) // a year in weeks, 12 periods at 1% each
        .build();
    List<CustomerValue> values = scorer.values(customers);

    out.append(String.format(Locale.ROOT, "r %.4f  alpha %.3f  a %.4f  b %.3f  (LL %.2f)%n",
        purchases.r(), purchases.alpha(), purchases.a(), purchases.b(),
        purchases.fitReport().orElseThrow().logLikelihood()));
    out.append(String.format(Locale.ROOT, "p %.2f  q %.2f  v %.2f%n", spend.p(), spend.q(),
        spend.v()));
    out.append("most valuable next year:\n");
    values.stream()
        .sorted(Comparator.comparingDouble((CustomerValue v) -> v.clv().orElseThrow()).reversed())
        .limit(3)
        .forEach(v -> out.append(String.format(Locale.ROOT, "  %-5s clv %7.2f  churn %.3f%n",
            v.customerId(), v.clv().orElseThrow(), v.churnProbability())));
    out.append("slipping away, among customers worth 100 or more:\n");
    values.stream()
        .filter(v -> v.clv().orElseThrow() >= 100)
        .sorted(Comparator.comparingDouble(CustomerValue::churnProbability).reversed())
        .limit(3)
        .forEach(v -> out.append(String.format(Locale.ROOT, "  %-5s clv %7.2f  churn %.3f%n",
            v.customerId(), v.clv().orElseThrow(), v.churnProbability())));
    // README-END
    assertEquals(EXPECTED_OUTPUT, out.toString());
  }

  @Test
  void docsCustomerValue_showsThisCodeItsImportsAndItsOutput() throws IOException,
      ClassNotFoundException {
    // surefire runs in the module directory
    String page = Files.readString(Path.of("..", "docs", "customer-value.md"));
    String source = Files.readString(
        Path.of("src/test/java/dev/scoring/rfm/value/ValueReadmeExampleTest.java"));
    String code = source.substring(source.indexOf("// README-BEGIN\n") + 16,
        source.indexOf("    // README-END"));
    assertTrue(stripIndent(page)
            .contains(stripIndent(code)),
        "docs/customer-value.md code differs from the test's:\n" + code);
    assertTrue(page.contains(EXPECTED_OUTPUT), "docs/customer-value.md output differs");
    for (String line : page.lines().filter(l -> l.startsWith("import ")).toList()) {
      Class.forName(line.substring(7, line.length() - 1));
    }
  }

  private static String stripIndent(String text) {
    return text.lines().map(String::stripLeading).reduce("", (a, b) -> a + b + "\n");
  }

  private static final String EXPECTED_OUTPUT = """
        r 0.2426  alpha 4.414  a 0.7929  b 2.426  (LL -9582.43)
        p 6.25  q 3.74  v 15.45
        most valuable next year:
          509   clv 1172.40  churn 0.054
          1081  clv 1000.72  churn 0.083
          1516  clv  970.20  churn 0.031
        slipping away, among customers worth 100 or more:
          2332  clv  214.93  churn 0.731
          167   clv  105.58  churn 0.636
          1414  clv  157.35  churn 0.576
        """;
}
