package dev.scoring.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.core.report.Histogram;
import dev.scoring.rfm.value.CustomerValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RfmReportTest {
  static final LocalDate DAY = LocalDate.of(2026, 2, 2);

  /** Customer i buys i + 1 times (a: 1, b: 2, c: 3, d: 4) and e 8 times, 10 each. */
  static RfmResult result() {
    List<Transaction> t = new ArrayList<>();
    String[] ids = {"a", "b", "c", "d"};
    for (int i = 0; i < ids.length; i++) {
      for (int k = 0; k <= i; k++) {
        t.add(Transaction.of(ids[i], DAY.minusDays(1 + 10 * i + k), 10));
      }
    }
    for (int k = 0; k < 8; k++) {
      t.add(Transaction.of("e", DAY.minusDays(100 + k), 10));
    }
    return Rfm.builder().analysisDate(DAY).build().score(t);
  }

  @Test
  void orderCounts_haveOneBarPerCount_noCountSkipped() {
    Histogram h = RfmReport.orderCounts(result().customers());
    assertThat(h.binLabels()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    assertThat(h.counts()).containsExactly(1, 1, 1, 1, 0, 0, 0, 1);
    assertThat(h.title()).isEqualTo("Order-count distribution");
  }

  @Test
  void reportShowsTheViewsOfRsRfmPackage() {
    RfmResult r = result();
    String html = RfmReport.of(r, "$").html();
    assertThat(html).contains("Customers by R and F score", "Customers by R and M score",
        "Customers by F and M score", "Share of customers against share of revenue",
        "Median recency by segment", "Median frequency by segment",
        "Median monetary value by segment", "Order-count distribution",
        "<th scope=\"col\">customers (%)</th><th scope=\"col\">revenue (%)</th>");
    // 5 customers: every customer counted once in each pairs view
    for (String pair : List.of("RF", "RM", "FM")) {
      String table = RfmReport.scorePairs(r, pair.charAt(0), pair.charAt(1)).table();
      long total = 0;
      for (String row : table.split("<tr>")) {
        if (row.startsWith("<td>")) {
          String[] cells = row.split("<td>");
          for (int i = 2; i < cells.length; i++) { // cells[1] is the row label
            total += Long.parseLong(cells[i].substring(0, cells[i].indexOf("</td>")));
          }
        }
      }
      assertThat(total).as(pair).isEqualTo(5);
    }
  }

  @Test
  void medians_arePerSegment_withTheMeanOfTheMiddlePairForAnEvenCount() {
    assertThat(RfmReport.median(new double[] {5, 1, 3})).isEqualTo(3);
    assertThat(RfmReport.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(RfmReport.median(new double[0])).isNaN();
    // Loyal Customers b (11 days, 2 orders, 20) and d (31 days, 4 orders, 40)
    assertThat(RfmReport.of(result(), "$").html()).contains(
        "<tr><td>Loyal Customers</td><td>21.0</td><td>3.0</td><td>30.00</td></tr>");
  }

  @Test
  void churnTable_countsCustomersWithoutARepeatPurchaseApart() {
    RfmResult r = result();
    List<CustomerValue> values = new ArrayList<>();
    for (CustomerRfm c : r.customers()) {
      // BG/NBD: P(alive) = 1 exactly for one-time buyers
      double alive = c.frequency() == 1 ? 1.0 : c.customerId().equals("e") ? 0.2 : 0.9;
      values.add(new CustomerValue(c.customerId(), alive, 1, OptionalDouble.of(10),
          OptionalDouble.of(100)));
    }
    String segmentOfA = r.find("a").orElseThrow().segment();
    String html = RfmReport.of(r, "$", values).html();
    assertThat(html).contains("<p class=\"notice\">BG/NBD gives P(alive) = 1");
    assertThat(html).contains("<th scope=\"col\">no repeat purchase</th>",
        "<th scope=\"col\">mean churn, repeat buyers</th>");
    // a: New Customers, alone, one purchase; b, d: Loyal Customers; e: At Risk
    assertThat(segmentOfA).isEqualTo("New Customers");
    assertThat(html).contains(
        "<tr><td>New Customers</td><td>1</td><td>1</td><td>100.0%</td><td>-</td>"
            + "<td>100.00</td></tr>",
        "<tr><td>Loyal Customers</td><td>2</td><td>0</td><td>0.0%</td><td>0.100</td>"
            + "<td>100.00</td></tr>",
        "<tr><td>At Risk</td><td>1</td><td>0</td><td>0.0%</td><td>0.800</td>"
            + "<td>100.00</td></tr>");
    assertThat(RfmReport.noRepeatPurchase(values.get(0))).isEqualTo(
        r.customers().get(0).frequency() == 1);
  }
}
