package dev.scoring.rfm;

import dev.scoring.core.report.BarChart;
import dev.scoring.core.report.Heatmap;
import dev.scoring.core.report.Histogram;
import dev.scoring.core.report.HtmlReport;
import dev.scoring.core.report.Numbers;
import dev.scoring.rfm.value.CustomerValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws an {@link RfmResult} as a self-contained HTML page, with the views of R's {@code rfm}
 * package:
 *
 * <ul>
 *   <li>the R x F heatmap of mean monetary value, and the customer counts by R x F, R x M and
 *       F x M scores;
 *   <li>segment sizes and revenue, each segment's share of customers against its share of
 *       revenue, the segment summary table, and the median recency, frequency and monetary
 *       value per segment;
 *   <li>with customer values: mean churn probability and CLV per segment, customers without a
 *       repeat purchase counted apart (BG/NBD gives them P(alive) = 1 by construction, which
 *       is not a finding about them);
 *   <li>the order-count distribution (one bar per count), and the recency and monetary
 *       distributions.
 * </ul>
 *
 * <pre>{@code
 * RfmReport.of(result, "$").write(Path.of("rfm.html"));
 * }</pre>
 *
 * <p>Every number is formatted by {@link Numbers}. Stateless.
 */
public final class RfmReport {
  private static final int MONETARY_BINS = 20;

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
   * The page of an RFM result with each segment's customer value beside it.
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
        Numbers.count(customers.size()) + " customers, "
            + Numbers.count(result.transactionsUsed()) + " transactions, as of "
            + result.analysisDate() + "; " + result.grid().bins() + " bins per measure");
    page.section("Recency, frequency and monetary scores").chart(grid(result, currency))
        .chart(scorePairs(result, 'R', 'F')).chart(scorePairs(result, 'R', 'M'))
        .chart(scorePairs(result, 'F', 'M'));
    page.section("Segments").chart(segmentChart(summary, false, currency))
        .chart(segmentChart(summary, true, currency)).chart(shares(summary));
    List<List<String>> rows = new ArrayList<>();
    for (SegmentSummary.Row r : summary.rows()) {
      rows.add(List.of(r.segment(), Numbers.count(r.customers()),
          Numbers.percent(r.customerShare(), 1), Numbers.count(r.orders()),
          Numbers.decimal(r.revenue(), 2), Numbers.decimal(r.averageOrderValue(), 2),
          Numbers.percent(r.revenueShare(), 1)));
    }
    page.table(List.of("segment", "customers", "share", "orders", "revenue (" + currency + ")",
        "avg order (" + currency + ")", "revenue share"), rows);
    medians(page, result, currency);
    if (!values.isEmpty()) {
      customerValue(page, result, currency, values);
    }
    page.section("Distributions");
    long[] orders = new long[customers.size()];
    long[] recency = new long[customers.size()];
    double[] monetary = new double[customers.size()];
    for (int i = 0; i < orders.length; i++) {
      orders[i] = customers.get(i).frequency();
      recency[i] = customers.get(i).recencyDays();
      monetary[i] = customers.get(i).monetary();
    }
    page.chart(orderCounts(customers));
    page.chart(Histogram.ofWholeNumbers("Recency of customers", "days since the last purchase",
        "customers", recency));
    page.chart(Histogram.ofValues("Monetary value of customers",
        "monetary value (" + currency + ")", "customers", monetary, MONETARY_BINS));
    return page;
  }

  /**
   * The order-count distribution: customers per number of orders, one bar per count (or
   * bars of consecutive counts when there are many; see {@link Histogram#ofWholeNumbers}).
   *
   * @param customers the customers
   * @return the histogram
   */
  public static Histogram orderCounts(List<CustomerRfm> customers) {
    long[] orders = new long[customers.size()];
    for (int i = 0; i < orders.length; i++) {
      orders[i] = customers.get(i).frequency();
    }
    return Histogram.ofWholeNumbers("Order-count distribution", "orders per customer",
        "customers", orders);
  }

  /** The R x F grid: cells hold the mean monetary value, rows R (1 at the bottom). */
  static Heatmap grid(RfmResult result, String currency) {
    RfmGrid g = result.grid();
    int n = g.bins();
    List<String> labels = scoreLabels(n);
    double[][] values = new double[n][n];
    for (int r = 1; r <= n; r++) {
      for (int f = 1; f <= n; f++) {
        values[r - 1][f - 1] = g.meanMonetary(r, f);
      }
    }
    return new Heatmap("Mean monetary value by recency and frequency score",
        "frequency score F (1 = fewest purchases)", "recency score R (" + n + " = most recent)",
        "mean monetary value (" + currency + ")", labels, labels, values).withDecimals(2);
  }

  private static List<String> scoreLabels(int n) {
    List<String> labels = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      labels.add(Integer.toString(k));
    }
    return labels;
  }

  /**
   * Customers by two scores ({@code 'R'}, {@code 'F'} or {@code 'M'}): the first down, the
   * second across, as R's {@code rfm_rf_plot}, {@code rfm_rm_plot} and {@code rfm_fm_plot}
   * show them.
   *
   * @param result the result
   * @param rows   the score of the rows
   * @param cols   the score of the columns
   * @return the heatmap of customer counts
   */
  static Heatmap scorePairs(RfmResult result, char rows, char cols) {
    int n = result.grid().bins();
    double[][] counts = new double[n][n];
    for (CustomerRfm c : result.customers()) {
      counts[score(c, rows) - 1][score(c, cols) - 1]++;
    }
    List<String> labels = scoreLabels(n);
    return new Heatmap("Customers by " + rows + " and " + cols + " score", name(cols) + " score "
        + cols, name(rows) + " score " + rows, "customers", labels, labels, counts)
        .withDecimals(0);
  }

  private static int score(CustomerRfm c, char measure) {
    return switch (measure) {
      case 'R' -> c.r();
      case 'F' -> c.f();
      default -> c.m();
    };
  }

  private static String name(char measure) {
    return switch (measure) {
      case 'R' -> "recency";
      case 'F' -> "frequency";
      default -> "monetary";
    };
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
        values.stream().mapToDouble(Double::doubleValue).toArray(), revenue ? 2 : 0);
  }

  /** Each segment's share of customers against its share of revenue. */
  static BarChart shares(SegmentSummary summary) {
    List<String> names = new ArrayList<>();
    List<double[]> pairs = new ArrayList<>();
    for (SegmentSummary.Row r : summary.rows()) {
      if (r.customers() > 0) {
        names.add(r.segment());
        pairs.add(new double[] {100 * r.customerShare(), 100 * Math.max(0, r.revenueShare())});
      }
    }
    double[][] values = new double[2][names.size()];
    for (int i = 0; i < names.size(); i++) {
      values[0][i] = pairs.get(i)[0];
      values[1][i] = pairs.get(i)[1];
    }
    return new BarChart("Share of customers against share of revenue, per segment", "segment",
        "share of all (%)", names, List.of("customers (%)", "revenue (%)"), values, 1);
  }

  /** Median recency, frequency and monetary value per segment: a table and three charts. */
  private static void medians(HtmlReport page, RfmResult result, String currency) {
    Map<String, List<CustomerRfm>> bySegment = new LinkedHashMap<>();
    for (SegmentSummary.Row r : result.summary().rows()) {
      bySegment.put(r.segment(), new ArrayList<>());
    }
    for (CustomerRfm c : result.customers()) {
      bySegment.computeIfAbsent(c.segment(), k -> new ArrayList<>()).add(c);
    }
    List<String> names = new ArrayList<>();
    List<double[]> medians = new ArrayList<>();
    bySegment.forEach((segment, list) -> {
      if (!list.isEmpty()) {
        double[] r = new double[list.size()];
        double[] f = new double[list.size()];
        double[] m = new double[list.size()];
        for (int i = 0; i < r.length; i++) {
          r[i] = list.get(i).recencyDays();
          f[i] = list.get(i).frequency();
          m[i] = list.get(i).monetary();
        }
        names.add(segment);
        medians.add(new double[] {median(r), median(f), median(m)});
      }
    });
    List<List<String>> rows = new ArrayList<>();
    double[][] columns = new double[3][names.size()];
    for (int i = 0; i < names.size(); i++) {
      double[] x = medians.get(i);
      rows.add(List.of(names.get(i), Numbers.decimal(x[0], 1), Numbers.decimal(x[1], 1),
          Numbers.decimal(x[2], 2)));
      for (int k = 0; k < 3; k++) {
        columns[k][i] = Math.max(0, x[k]);
      }
    }
    page.table(List.of("segment", "median recency (days)", "median orders",
        "median monetary (" + currency + ")"), rows);
    page.chart(new BarChart("Median recency by segment", "segment",
        "median days since the last purchase", names, columns[0], 1));
    page.chart(new BarChart("Median frequency by segment", "segment", "median orders", names,
        columns[1], 1));
    page.chart(new BarChart("Median monetary value by segment", "segment",
        "median monetary value (" + currency + ")", names, columns[2], 2));
  }

  /** The median (the mean of the two middle values for an even count), NaN when empty. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  /**
   * Customer value per segment. BG/NBD gives P(alive) = 1 to every customer without a repeat
   * purchase (x = 0): the model has seen no dropout opportunity for them. Counted in the mean
   * churn probability, those customers would make the segments of one-time buyers ("Lost",
   * "About To Sleep") look safer than the best ones; so they are counted apart, and the mean
   * churn probability is over customers with a repeat purchase only.
   */
  private static void customerValue(HtmlReport page, RfmResult result, String currency,
      List<CustomerValue> values) {
    page.section("Customer value by segment");
    page.notice("BG/NBD gives P(alive) = 1, a churn probability of 0, to every customer "
        + "without a repeat purchase: the model cannot see such a customer drop out. That is "
        + "a property of the model, not a finding, so these customers are counted apart "
        + "below and the mean churn probability is over customers with a repeat purchase.");
    Map<String, CustomerValue> byId = new HashMap<>();
    for (CustomerValue v : values) {
      byId.put(v.customerId(), v);
    }
    // per segment: with a value, without a repeat purchase, churn sum (repeat), CLV sum
    Map<String, double[]> bySegment = new LinkedHashMap<>();
    for (SegmentSummary.Row r : result.summary().rows()) {
      bySegment.put(r.segment(), new double[4]);
    }
    for (CustomerRfm c : result.customers()) {
      CustomerValue v = byId.get(c.customerId());
      if (v != null) {
        double[] cell = bySegment.computeIfAbsent(c.segment(), k -> new double[4]);
        cell[0]++;
        if (noRepeatPurchase(v)) {
          cell[1]++;
        } else {
          cell[2] += v.churnProbability();
        }
        cell[3] += v.clv().orElse(0);
      }
    }
    List<String> names = new ArrayList<>();
    List<Double> meanClv = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    bySegment.forEach((segment, cell) -> {
      if (cell[0] > 0) {
        long repeat = (long) (cell[0] - cell[1]);
        names.add(segment);
        meanClv.add(Math.max(0, cell[3] / cell[0]));
        rows.add(List.of(segment, Numbers.count((long) cell[0]), Numbers.count((long) cell[1]),
            Numbers.percent(cell[1] / cell[0], 1),
            Numbers.decimal(repeat == 0 ? Double.NaN : cell[2] / repeat, 3),
            Numbers.decimal(cell[3] / cell[0], 2)));
      }
    });
    page.table(List.of("segment", "customers", "no repeat purchase", "share",
        "mean churn, repeat buyers", "mean CLV (" + currency + ")"), rows);
    page.chart(new BarChart("Mean customer lifetime value by segment", "segment",
        "mean CLV (" + currency + ")", names,
        meanClv.stream().mapToDouble(Double::doubleValue).toArray(), 2));
  }

  /**
   * Whether BG/NBD saw no repeat purchase: it gives P(alive) = 1 exactly then, and below 1
   * for every customer with one ({@code 1 / (1 + a / (b + x - 1) ((alpha + T) / (alpha +
   * t_x))^(r + x))}, the ratio at least 1).
   */
  static boolean noRepeatPurchase(CustomerValue v) {
    return v.probabilityAlive() == 1.0;
  }
}
