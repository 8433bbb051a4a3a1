package dev.scoring.core.report;

import dev.scoring.core.evaluation.Comparison;
import dev.scoring.core.evaluation.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws an {@link Evaluation} (ROC curve, cumulative gains, conversion by tier) or a
 * {@link Comparison} (both models on the same axes, and the tier changes). Stateless.
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
    HtmlReport page = new HtmlReport("Evaluation: " + e.model() + " v" + e.version(),
        summary(e));
    page.section("Ranking").chart(roc(List.of(e))).chart(gains(List.of(e)));
    page.section("Tiers").chart(conversionByTier(e));
    page.section("Numbers").preformatted(e.format());
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
        String.format(Locale.ROOT, "AUC %.4f vs %.4f: difference %+.4f, %.0f%% CI [%+.4f, "
            + "%+.4f], p = %.4g; %d contacts, %d converted", a.auc(), b.auc(),
            c.aucDifference(), 100 * c.confidence(), c.lower(), c.upper(), c.pValue(),
            a.contacts(), a.converted()));
    page.section("Ranking").chart(roc(List.of(a, b))).chart(gains(List.of(a, b)));
    page.section("Tiers").chart(conversionByTier(a)).chart(conversionByTier(b));
    Comparison.TierChanges t = c.tierChanges();
    double[][] moves = new double[t.from().size()][t.to().size()];
    for (int r = 0; r < t.from().size(); r++) {
      for (int col = 0; col < t.to().size(); col++) {
        moves[r][col] = t.counts().get(r).get(col);
      }
    }
    page.chart(new Heatmap("Tier changes: " + label(a) + " (rows) to " + label(b)
        + " (columns)", "tier under " + label(b), "tier under " + label(a), "contacts",
        t.to(), t.from(), moves));
    page.section("Numbers").preformatted(c.format());
    return page;
  }

  /** The ROC curves of evaluations of the same contacts, on one pair of axes. */
  public static LineChart roc(List<Evaluation> evaluations) {
    List<LineChart.Series> series = new ArrayList<>();
    for (Evaluation e : evaluations) {
      double[] xs = new double[e.roc().size()];
      double[] ys = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = 100 * e.roc().get(i).falsePositiveRate();
        ys[i] = 100 * e.roc().get(i).truePositiveRate();
      }
      series.add(new LineChart.Series(
          String.format(Locale.ROOT, "%s (AUC %.3f)", label(e), e.auc()), xs, ys));
    }
    return new LineChart("ROC curve", "non-converted contacts above the cut (%)",
        "converted contacts above the cut (%)", 100, 100, true, series);
  }

  /** The cumulative gains by decile of evaluations of the same contacts. */
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

  /** The conversion rate per tier. */
  public static BarChart conversionByTier(Evaluation e) {
    List<String> tiers = new ArrayList<>();
    double[] rates = new double[e.tiers().size()];
    for (int i = 0; i < rates.length; i++) {
      Evaluation.Group g = e.tiers().get(i);
      tiers.add(g.label() + " (" + g.contacts() + ")");
      rates[i] = g.contacts() == 0 ? 0 : 100 * g.conversionRate();
    }
    return new BarChart("Conversion by tier: " + label(e), "tier (contacts)",
        "converted (% of the tier)", tiers, rates);
  }

  private static String label(Evaluation e) {
    return e.model() + " v" + e.version();
  }

  private static String summary(Evaluation e) {
    return String.format(Locale.ROOT, "%d contacts scored as of %s, %d converted (%.1f%%); "
        + "AUC %.4f, Gini %.4f, KS %.4f", e.contacts(), e.asOf(), e.converted(),
        100 * e.conversionRate(), e.auc(), e.gini(), e.ks());
  }
}
