package dev.scoring.core.evaluation;

import static dev.scoring.core.evaluation.Evaluation.f;
import static dev.scoring.core.evaluation.Evaluation.number;
import static dev.scoring.core.evaluation.Evaluation.percent;

import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.api.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErf;

/**
 * Two models on the same labelled contacts: both evaluations side by side, the difference of
 * their AUCs with a confidence interval, and how many contacts change tier.
 *
 * <pre>{@code
 * Comparison ab = Comparison.of(current, candidate, labeled, asOf);
 * if (ab.lower() > 0) {
 *   // the candidate ranks better, and not by chance at the 95% level
 * }
 * System.out.println(ab.format());
 * }</pre>
 *
 * <p>The confidence interval is DeLong's (DeLong, DeLong and Clarke-Pearson, 1988), for two
 * correlated AUCs measured on the same contacts, computed from mid-ranks in O(n log n) (Sun
 * and Xu, 2014): with {@code V10} and {@code V01} the structural components of each model
 * over converted and non-converted contacts and {@code S10}, {@code S01} their 2x2 sample
 * covariance matrices, {@code Var(AUC2 - AUC1) = (S10[1][1] + S10[2][2] - 2 S10[1][2]) / P
 * + (S01[1][1] + S01[2][2] - 2 S01[1][2]) / N}, and the interval is {@code difference +- z *
 * standardError} with {@code z} the normal quantile. The p-value is two-sided. DeLong's
 * method needs at least two converted and two non-converted contacts.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param first         the evaluation of the first (current) model
 * @param second        the evaluation of the second (candidate) model
 * @param aucDifference {@code second.auc() - first.auc()}
 * @param standardError DeLong's standard error of the difference
 * @param confidence    the confidence level of the interval, such as 0.95
 * @param lower         the lower end of the interval
 * @param upper         the upper end of the interval
 * @param pValue        the two-sided p-value of "the AUCs are equal" (1 when the standard error
 *                      is 0 and the difference is 0, 0 when only the error is 0)
 * @param tierChanges   contacts by tier under the first model (rows) and the second (columns)
 */
public record Comparison(Evaluation first, Evaluation second, double aucDifference,
    double standardError, double confidence, double lower, double upper, double pValue,
    TierChanges tierChanges) {

  /**
   * Checks the references.
   *
   * @param first the evaluation of the first (current) model
   * @param second the evaluation of the second (candidate) model
   * @param aucDifference {@code second.auc() - first.auc()}
   * @param standardError DeLong's standard error of the difference
   * @param confidence the confidence level of the interval, such as 0.95
   * @param lower the lower end of the interval
   * @param upper the upper end of the interval
   * @param pValue the two-sided p-value of "the AUCs are equal" (1 when the standard error is 0
   *     and the difference is 0, 0 when only the error is 0)
   * @param tierChanges contacts by tier under the first model (rows) and the second (columns)
   * @throws NullPointerException if a reference is null
   */
  public Comparison {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(tierChanges, "tierChanges");
  }

  /**
   * Compares two models with a 95% confidence interval.
   *
   * @param first    the current model
   * @param second   the candidate model
   * @param contacts the labelled contacts, at least two converted and two not
   * @param asOf     the instant to score for
   * @return the comparison
   * @throws IllegalArgumentException if there are fewer than two converted or non-converted
   *     contacts
   * @throws NullPointerException     if an argument is null
   */
  public static Comparison of(ScoringModel first, ScoringModel second,
      List<LabeledContact> contacts, Instant asOf) {
    return of(first, second, contacts, asOf, 0.95);
  }

  /**
   * Compares two models.
   *
   * @param first      the current model
   * @param second     the candidate model
   * @param contacts   the labelled contacts, at least two converted and two not
   * @param asOf       the instant to score for
   * @param confidence the confidence level of the interval, in (0, 1)
   * @return the comparison
   * @throws IllegalArgumentException if the confidence is outside (0, 1) or there are fewer
   *     than two converted or non-converted contacts
   * @throws NullPointerException     if an argument is null
   */
  public static Comparison of(ScoringModel first, ScoringModel second,
      List<LabeledContact> contacts, Instant asOf, double confidence) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(asOf, "asOf");
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), but was " + confidence);
    }
    int n = contacts.size();
    double[] a = new double[n];
    double[] b = new double[n];
    String[] ta = new String[n];
    String[] tb = new String[n];
    boolean[] labels = new boolean[n];
    int positives = 0;
    for (int i = 0; i < n; i++) {
      LabeledContact c = contacts.get(i);
      Score sa = first.score(c.contact(), asOf);
      Score sb = second.score(c.contact(), asOf);
      a[i] = sa.score();
      b[i] = sb.score();
      ta[i] = sa.tier();
      tb[i] = sb.tier();
      labels[i] = c.converted();
      positives += labels[i] ? 1 : 0;
    }
    if (positives < 2 || n - positives < 2) {
      throw new IllegalArgumentException("contacts must include at least two converted and two "
          + "non-converted contacts, but was " + positives + " converted of " + n);
    }
    Evaluation ea = Evaluation.of(first, asOf, a, ta, labels, Evaluation.DEFAULT_BAND_WIDTH);
    Evaluation eb = Evaluation.of(second, asOf, b, tb, labels, Evaluation.DEFAULT_BAND_WIDTH);
    double diff = eb.auc() - ea.auc();
    double se = delongStandardError(a, b, labels);
    // the standard normal quantile at 0.5 + confidence / 2 is sqrt(2) erf^-1(confidence)
    double z = Math.sqrt(2) * InverseErf.value(confidence);
    double p;
    if (se > 0) {
      // two-sided: 2 Phi(-|d| / se) = erfc(|d| / (se sqrt(2)))
      p = Erfc.value(Math.abs(diff) / (se * Math.sqrt(2)));
    } else {
      p = diff == 0 ? 1 : 0;
    }
    return new Comparison(ea, eb, diff, se, confidence, diff - z * se, diff + z * se, p,
        TierChanges.of(first, second, ta, tb));
  }

  /** DeLong's standard error of {@code AUC(b) - AUC(a)} on the same contacts. */
  static double delongStandardError(double[] a, double[] b, boolean[] labels) {
    int n = labels.length;
    int m = 0;
    for (boolean l : labels) {
      m += l ? 1 : 0;
    }
    int k = n - m;
    double[][] v10 = new double[2][m];
    double[][] v01 = new double[2][k];
    double[][] models = {a, b};
    for (int r = 0; r < 2; r++) {
      double[] all = models[r];
      double[] pos = new double[m];
      double[] neg = new double[k];
      for (int i = 0, p = 0, q = 0; i < n; i++) {
        if (labels[i]) {
          pos[p++] = all[i];
        } else {
          neg[q++] = all[i];
        }
      }
      double[] rankAll = midranks(all);
      double[] rankPos = midranks(pos);
      double[] rankNeg = midranks(neg);
      for (int i = 0, p = 0, q = 0; i < n; i++) {
        if (labels[i]) {
          // share of negatives below this positive, ties half
          v10[r][p] = (rankAll[i] - rankPos[p]) / k;
          p++;
        } else {
          // share of positives above this negative, ties half
          v01[r][q] = 1.0 - (rankAll[i] - rankNeg[q]) / m;
          q++;
        }
      }
    }
    double var = (cov(v10[0], v10[0]) + cov(v10[1], v10[1]) - 2 * cov(v10[0], v10[1])) / m
        + (cov(v01[0], v01[0]) + cov(v01[1], v01[1]) - 2 * cov(v01[0], v01[1])) / k;
    return Math.sqrt(Math.max(0, var));
  }

  private static double[] midranks(double[] values) {
    return Ranking.Groups.of(values).midranks();
  }

  private static double cov(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (x[i] - mx) * (y[i] - my);
    }
    return s / (n - 1);
  }

  /**
   * A readable report: both models' summaries and deciles side by side, the AUC difference
   * with its interval, each model's tiers, and the tier change matrix.
   *
   * @return the report, several lines of aligned text
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    String na = first.model() + " v" + first.version();
    String nb = second.model() + " v" + second.version();
    out.append(f("comparison as of %s on %d contacts, %d converted (%.2f%%)%n", first.asOf(),
        first.contacts(), first.converted(), 100 * first.conversionRate()));
    out.append(f("%-10s %22s %22s%n", "", na, nb));
    out.append(f("%-10s %22.4f %22.4f%n", "AUC", first.auc(), second.auc()));
    out.append(f("%-10s %22.4f %22.4f%n", "Gini", first.gini(), second.gini()));
    out.append(f("%-10s %22.4f %22.4f%n", "KS", first.ks(), second.ks()));
    out.append(f("AUC difference %+.4f, %.0f%% CI [%+.4f, %+.4f] (DeLong, SE %.4f, p %.4g)%n",
        aucDifference, 100 * confidence, lower, upper, standardError, pValue));
    out.append(f("%n%-6s %8s %8s %7s  %8s %8s %7s%n", "decile", "rate", "gain", "lift", "rate",
        "gain", "lift"));
    for (int d = 0; d < 10; d++) {
      Evaluation.Decile x = first.deciles().get(d);
      Evaluation.Decile y = second.deciles().get(d);
      out.append(f("%-6d %7.1f%% %7.1f%% %7.2f  %7.1f%% %7.1f%% %7.2f%n", d + 1,
          100 * x.conversionRate(), 100 * x.cumulativeGain(), x.lift(),
          100 * y.conversionRate(), 100 * y.cumulativeGain(), y.lift()));
    }
    for (Evaluation e : List.of(first, second)) {
      out.append(f("%ntiers of %s v%s%n", e.model(), e.version()));
      for (Evaluation.Group g : e.tiers()) {
        out.append(f("  %-14s %7d contacts %7d converted %7s%n", g.label(), g.contacts(),
            g.converted(), percent(g.conversionRate())));
      }
    }
    out.append(f("%ntier changes (rows: %s, columns: %s): %d of %d contacts change tier%n", na,
        nb, tierChanges.changed(), first.contacts()));
    out.append(f("%-14s", "from \\ to"));
    for (String t : tierChanges.to()) {
      out.append(f(" %12s", t));
    }
    out.append(System.lineSeparator());
    for (int i = 0; i < tierChanges.from().size(); i++) {
      out.append(f("%-14s", tierChanges.from().get(i)));
      for (long c : tierChanges.counts().get(i)) {
        out.append(f(" %12d", c));
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  /** Returns {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }

  /**
   * How contacts move between the tiers of two models: {@code counts.get(i).get(j)} contacts
   * are in tier {@code from.get(i)} under the first model and {@code to.get(j)} under the
   * second. Tiers are listed base tier first, then in increasing order of threshold.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param from   the first model's tier names
   * @param to     the second model's tier names
   * @param counts one row per {@code from} tier, one column per {@code to} tier
   */
  public record TierChanges(List<String> from, List<String> to, List<List<Long>> counts) {

    /**
     * Copies the lists.
     *
     * @param from the first model's tier names
     * @param to the second model's tier names
     * @param counts one row per {@code from} tier, one column per {@code to} tier
     */
    public TierChanges {
      from = List.copyOf(from);
      to = List.copyOf(to);
      List<List<Long>> rows = new ArrayList<>();
      for (List<Long> row : counts) {
        rows.add(List.copyOf(row));
      }
      counts = List.copyOf(rows);
    }

    static TierChanges of(ScoringModel a, ScoringModel b, String[] ta, String[] tb) {
      List<String> from = names(a);
      List<String> to = names(b);
      long[][] cells = new long[from.size()][to.size()];
      for (int i = 0; i < ta.length; i++) {
        cells[from.indexOf(ta[i])][to.indexOf(tb[i])]++;
      }
      List<List<Long>> counts = new ArrayList<>();
      for (long[] row : cells) {
        List<Long> r = new ArrayList<>();
        for (long c : row) {
          r.add(c);
        }
        counts.add(r);
      }
      return new TierChanges(from, to, counts);
    }

    private static List<String> names(ScoringModel m) {
      List<String> names = new ArrayList<>();
      names.add(m.baseTier());
      for (Tier t : m.tiers()) {
        names.add(t.name());
      }
      return names;
    }

    /**
     * Returns how many contacts are in tier {@code from} under the first model and {@code to}
     * under the second.
     *
     * @param from a tier name of the first model
     * @param to   a tier name of the second model
     * @return the count
     * @throws IllegalArgumentException if a name is not a tier of its model
     */
    public long count(String from, String to) {
      int i = this.from.indexOf(from);
      int j = this.to.indexOf(to);
      if (i < 0 || j < 0) {
        throw new IllegalArgumentException("tiers must be one of " + this.from + " and one of "
            + this.to + ", but was \"" + from + "\" and \"" + to + "\"");
      }
      return counts.get(i).get(j);
    }

    /**
     * {@return how many contacts change tier: those off the diagonal, where a tier counts as
     * the same when both models have a tier of that name}
     */
    public long changed() {
      long changed = 0;
      for (int i = 0; i < from.size(); i++) {
        for (int j = 0; j < to.size(); j++) {
          if (!from.get(i).equals(to.get(j))) {
            changed += counts.get(i).get(j);
          }
        }
      }
      return changed;
    }
  }
}
