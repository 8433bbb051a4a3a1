package dev.scoring.core.report;

import dev.scoring.core.evaluation.Comparison;
import dev.scoring.core.evaluation.Evaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws an {@link Evaluation} (ROC curve, cumulative gains, conversion by tier, and the
 * tables of deciles, tiers, thresholds and score bands) or a {@link Comparison} (both models
 * on the same axes, and the tier changes as a matrix read like its table: the first model's
 * tiers down, the second's across, unchanged contacts grey on the diagonal). Every number
 * is formatted by {@link Numbers}. Stateless.
 */
public final class EvaluationReport {
  private EvaluationReport() {}

  /**
   * The page of one model's evaluation.
   *
   * @param e the evaluation
   * @return the page
   */
  public static HtmlReport of(Evaluation e) {
    HtmlReport page = new HtmlReport("Evaluation: " + label(e), summary(e));
    page.section("Ranking").chart(roc(List.of(e))).chart(gains(List.of(e)));
    page.section("Tiers").chart(conversionByTier(e));
    page.section("Numbers");
    numbers(page, e);
    return page;
  }

  /**
   * The page comparing two models on the same contacts.
   *
   * @param c the comparison
   * @return the page
   */
  public static HtmlReport of(Comparison c) {
    Evaluation a = c.first();
    Evaluation b = c.second();
    HtmlReport page = new HtmlReport("Comparison: " + label(a) + " vs " + label(b),
        "AUC " + Numbers.decimal(a.auc(), 4) + " vs " + Numbers.decimal(b.auc(), 4)
            + ": difference " + signed(c.aucDifference(), 4) + ", "
            + Numbers.decimal(100 * c.confidence(), 0) + "% CI [" + signed(c.lower(), 4) + ", "
            + signed(c.upper(), 4) + "], p " + pText(c.pValue()) + "; "
            + Numbers.count(a.contacts()) + " contacts, " + Numbers.count(a.converted())
            + " converted");
    page.section("Ranking").chart(roc(List.of(a, b))).chart(gains(List.of(a, b)));
    page.section("Tiers").chart(conversionByTier(a)).chart(conversionByTier(b));
    page.chart(tierChanges(c));
    page.section("Numbers: " + label(a));
    numbers(page, a);
    page.section("Numbers: " + label(b));
    numbers(page, b);
    return page;
  }

  /**
   * The tier changes of a comparison: the first model's tiers as rows (top to bottom, as in
   * {@link Comparison#format()}), the second's as columns; the unchanged diagonal is grey and
   * outside the colour scale.
   *
   * @param c the comparison
   * @return the heatmap
   */
  public static Heatmap tierChanges(Comparison c) {
    Comparison.TierChanges t = c.tierChanges();
    double[][] moves = new double[t.from().size()][t.to().size()];
    for (int r = 0; r < t.from().size(); r++) {
      for (int col = 0; col < t.to().size(); col++) {
        moves[r][col] = t.counts().get(r).get(col);
      }
    }
    return new Heatmap("Tier changes: " + label(c.first()) + " (rows) to "
        + label(c.second()) + " (columns)", "tier under " + label(c.second()),
        "tier under " + label(c.first()), "contacts", t.to(), t.from(), moves)
        .withDecimals(0).topDown().diagonalApart();
  }

  /** "= 0.003" or "< 0.001". */
  private static String pText(double p) {
    String s = Numbers.pValue(p);
    return s.startsWith("<") ? s : "= " + s;
  }

  private static String signed(double v, int decimals) {
    String s = Numbers.decimal(v, decimals);
    return v > 0 || (v == 0 && !s.startsWith("-")) ? "+" + s : s;
  }

  private static void numbers(HtmlReport page, Evaluation e) {
    List<List<String>> rows = new ArrayList<>();
    for (Evaluation.Decile d : e.deciles()) {
      rows.add(List.of(Integer.toString(d.decile()), Numbers.decimal(d.contacts(), 1),
          Numbers.decimal(d.converted(), 1), Numbers.percent(d.conversionRate(), 1),
          Numbers.decimal(d.minScore(), 2), Numbers.decimal(d.maxScore(), 2),
          Numbers.percent(d.cumulativeGain(), 1), Numbers.decimal(d.lift(), 2),
          Numbers.decimal(d.cumulativeLift(), 2)));
    }
    page.table(List.of("decile", "contacts", "converted", "rate", "min score", "max score",
        "gain", "lift", "cumulative lift"), rows);
    page.table(List.of("tier", "contacts", "converted", "rate"), groups(e.tiers()));
    if (!e.thresholds().isEmpty()) {
      List<List<String>> t = new ArrayList<>();
      for (Evaluation.Threshold x : e.thresholds()) {
        t.add(List.of(x.tier() + " " + Numbers.decimal(x.atLeast(),
            x.atLeast() == Math.rint(x.atLeast()) ? 0 : 2), Numbers.count(x.contacts()),
            Numbers.count(x.converted()), Numbers.percent(x.precision(), 1),
            Numbers.percent(x.recall(), 1)));
      }
      page.table(List.of("score at least tier", "contacts", "converted", "precision",
          "recall"), t);
    }
    page.table(List.of("score band", "contacts", "converted", "rate"), groups(e.bands()));
  }

  private static List<List<String>> groups(List<Evaluation.Group> groups) {
    List<List<String>> rows = new ArrayList<>();
    for (Evaluation.Group g : groups) {
      rows.add(List.of(g.label(), Numbers.count(g.contacts()), Numbers.count(g.converted()),
          Numbers.percent(g.conversionRate(), 1)));
    }
    return rows;
  }

  /**
   * The ROC curves of evaluations of the same contacts, on one pair of axes.
   *
   * @param evaluations the evaluations
   * @return the chart
   */
  public static LineChart roc(List<Evaluation> evaluations) {
    List<LineChart.Series> series = new ArrayList<>();
    for (Evaluation e : evaluations) {
      double[] xs = new double[e.roc().size()];
      double[] ys = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = 100 * e.roc().get(i).falsePositiveRate();
        ys[i] = 100 * e.roc().get(i).truePositiveRate();
      }
      series.add(new LineChart.Series(label(e) + " (AUC " + Numbers.decimal(e.auc(), 3) + ")",
          xs, ys));
    }
    return new LineChart("ROC curve", "non-converted contacts above the cut (%)",
        "converted contacts above the cut (%)", 100, 100, true, series);
  }

  /**
   * The cumulative gains by decile of evaluations of the same contacts.
   *
   * @param evaluations the evaluations
   * @return the chart
   */
  public static LineChart gains(List<Evaluation> evaluations) {
    List<LineChart.Series> series = new ArrayList<>();
    for (Evaluation e : evaluations) {
      double[] xs = new double[11];
      double[] ys = new double[11];
      for (int d = 0; d < 10; d++) {
        xs[d + 1] = 10.0 * (d + 1);
        ys[d + 1] = 100 * e.deciles().get(d).cumulativeGain();
      }
      series.add(new LineChart.Series(label(e), xs, ys));
    }
    return new LineChart("Cumulative gains", "contacts called, best scores first (%)",
        "conversions reached (%)", 100, 100, true, series);
  }

  /**
   * The conversion rate per tier, base tier first.
   *
   * @param e the evaluation
   * @return the chart
   */
  public static BarChart conversionByTier(Evaluation e) {
    List<String> tiers = new ArrayList<>();
    double[] rates = new double[e.tiers().size()];
    for (int i = 0; i < rates.length; i++) {
      Evaluation.Group g = e.tiers().get(i);
      tiers.add(g.label() + " (" + Numbers.count(g.contacts()) + ")");
      rates[i] = g.contacts() == 0 ? 0 : 100 * g.conversionRate();
    }
    return new BarChart("Conversion by tier: " + label(e), "tier (contacts)",
        "converted (% of the tier)", tiers, rates, 1);
  }

  private static String label(Evaluation e) {
    return e.model() + " v" + e.version();
  }

  private static String summary(Evaluation e) {
    return Numbers.count(e.contacts()) + " contacts scored as of " + e.asOf() + ", "
        + Numbers.count(e.converted()) + " converted (" + Numbers.percent(e.conversionRate(), 1)
        + "); AUC " + Numbers.decimal(e.auc(), 4) + ", Gini " + Numbers.decimal(e.gini(), 4)
        + ", KS " + Numbers.decimal(e.ks(), 4);
  }
}
