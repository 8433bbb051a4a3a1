package dev.scoring.rfm;

import dev.scoring.core.report.BarChart;
import dev.scoring.core.report.Heatmap;
import dev.scoring.core.report.Histogram;
import dev.scoring.core.report.HtmlReport;
import dev.scoring.rfm.value.CustomerValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws an {@link RfmResult} as a self-contained HTML page: the R x F heatmap of mean
 * monetary value, segment sizes and revenue, the segment summary table and the distributions
 * of recency, frequency and monetary value.
 *
 * <pre>{@code
 * RfmReport.of(result, "$").write(Path.of("rfm.html"));
 * }</pre>
 *
 * <p>Stateless.
 */
public final class RfmReport {
  private static final int BINS = 20;

  private RfmReport() {}

  /**
   * The page of an RFM result.
   *
   * @param result   the result
   * @param currency the currency unit for monetary axes, such as {@code "$"} or {@code "GBP"}
   * @return the page
   */
  public static HtmlReport of(RfmResult result, String currency) {
    return of(result, currency, List.of());
  }

  /**
   * The page of an RFM result with each segment's customer value beside it: mean churn
   * probability (1 - P(alive)) and mean CLV of the segment's customers that have a value.
   *
   * @param result   the result
   * @param currency the currency unit for monetary axes
   * @param values   customer values (BG/NBD, Gamma-Gamma) by customer id; may be empty
   * @return the page
   */
  public static HtmlReport of(RfmResult result, String currency, List<CustomerValue> values) {
    List<CustomerRfm> customers = result.customers();
    SegmentSummary summary = result.summary();
    HtmlReport page = new HtmlReport("RFM report",
        String.format(Locale.ROOT, "%,d customers, %,d transactions, as of %s; %d bins per "
            + "measure", customers.size(), result.transactionsUsed(), result.analysisDate(),
            result.grid().bins()));
    page.section("Recency and frequency").chart(grid(result, currency));
    page.section("Segments").chart(segmentChart(summary, false, currency))
        .chart(segmentChart(summary, true, currency));
    List<List<String>> rows = new ArrayList<>();
    for (SegmentSummary.Row r : summary.rows()) {
      rows.add(List.of(r.segment(), String.format(Locale.ROOT, "%,d", r.customers()),
          String.format(Locale.ROOT, "%.1f%%", 100 * r.customerShare()),
          String.format(Locale.ROOT, "%,d", r.orders()),
          String.format(Locale.ROOT, "%,.2f", r.revenue()),
          String.format(Locale.ROOT, "%,.2f", r.averageOrderValue()),
          String.format(Locale.ROOT, "%.1f%%", 100 * r.revenueShare())));
    }
    page.table(List.of("segment", "customers", "share", "orders", "revenue (" + currency + ")",
        "avg order (" + currency + ")", "revenue share"), rows);
    if (!values.isEmpty()) {
      page.section("Customer value by segment");
      Map<String, CustomerValue> byId = new HashMap<>();
      for (CustomerValue v : values) {
        byId.put(v.customerId(), v);
      }
      Map<String, double[]> bySegment = new LinkedHashMap<>();
      for (SegmentSummary.Row r : summary.rows()) {
        bySegment.put(r.segment(), new double[3]);
      }
      for (CustomerRfm c : customers) {
        CustomerValue v = byId.get(c.customerId());
        if (v != null) {
          double[] cell = bySegment.computeIfAbsent(c.segment(), k -> new double[3]);
          cell[0]++;
          cell[1] += v.churnProbability();
          cell[2] += v.clv().orElse(0);
        }
      }
      List<String> names = new ArrayList<>();
      List<Double> meanClv = new ArrayList<>();
      List<List<String>> valueRows = new ArrayList<>();
      bySegment.forEach((segment, cell) -> {
        if (cell[0] > 0) {
          names.add(segment);
          meanClv.add(Math.max(0, cell[2] / cell[0]));
          valueRows.add(List.of(segment, String.format(Locale.ROOT, "%,d", (long) cell[0]),
              String.format(Locale.ROOT, "%.3f", cell[1] / cell[0]),
              String.format(Locale.ROOT, "%,.2f", cell[2] / cell[0])));
        }
      });
      page.chart(new BarChart("Mean customer lifetime value by segment", "segment",
          "mean CLV (" + currency + ")", names,
          meanClv.stream().mapToDouble(Double::doubleValue).toArray()));
      page.table(List.of("segment", "customers with a value", "mean churn probability",
          "mean CLV (" + currency + ")"), valueRows);
    }
    page.section("Distributions");
    double[] recency = new double[customers.size()];
    double[] frequency = new double[customers.size()];
    double[] monetary = new double[customers.size()];
    for (int i = 0; i < recency.length; i++) {
      recency[i] = customers.get(i).recencyDays();
      frequency[i] = customers.get(i).frequency();
      monetary[i] = customers.get(i).monetary();
    }
    page.chart(histogram("Recency", "days since the last purchase", recency));
    page.chart(histogram("Frequency", "purchases", frequency));
    page.chart(histogram("Monetary", "monetary value (" + currency + ")", monetary));
    return page;
  }

  /** The R x F grid: cells hold the mean monetary value, rows R (1 at the bottom). */
  static Heatmap grid(RfmResult result, String currency) {
    RfmGrid g = result.grid();
    int n = g.bins();
    List<String> labels = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      labels.add(Integer.toString(k));
    }
    double[][] values = new double[n][n];
    for (int r = 1; r <= n; r++) {
      for (int f = 1; f <= n; f++) {
        values[r - 1][f - 1] = g.meanMonetary(r, f);
      }
    }
    return new Heatmap("Mean monetary value by recency and frequency score",
        "frequency score F (1 = fewest purchases)", "recency score R (5 = most recent)",
        "mean monetary value (" + currency + ")", labels, labels, values);
  }

  private static BarChart segmentChart(SegmentSummary summary, boolean revenue, String currency) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (SegmentSummary.Row r : summary.rows()) {
      double v = revenue ? r.revenue() : r.customers();
      if (r.customers() > 0 && v >= 0) {
        names.add(r.segment());
        values.add(v);
      }
    }
    return new BarChart(revenue ? "Revenue by segment" : "Customers by segment", "segment",
        revenue ? "revenue (" + currency + ")" : "customers", names,
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * A histogram from 0 (or the minimum, if negative) to the 99th percentile; the last bar
   * also counts the values above it, as its title says.
   */
  static Histogram histogram(String name, String unit, double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double lo = sorted.length == 0 ? 0 : Math.min(0, sorted[0]);
    double hi = sorted.length == 0 ? 1 : sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    long[] counts = new long[BINS];
    long above = 0;
    for (double v : values) {
      int b = (int) Math.floor((v - lo) / (hi - lo) * BINS);
      if (v > hi) {
        above++;
      }
      counts[Math.max(0, Math.min(BINS - 1, b))]++;
    }
    String title = name + " of customers" + (above > 0
        ? String.format(Locale.ROOT, " (the last bar includes %,d above %s)", above,
            hi == Math.rint(hi) ? Long.toString((long) hi) : String.format(Locale.ROOT, "%.2f",
                hi))
        : "");
    return new Histogram(title, unit, "customers", lo, hi, counts, List.of());
  }
}
