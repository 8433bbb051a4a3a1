package dev.scoring.core.evaluation;

import dev.scoring.api.Values;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.api.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How well a scoring model ranks contacts whose outcome is known, as of an instant.
 *
 * <pre>{@code
 * Evaluation report = Evaluation.of(model, labeled, asOf);
 * double auc = report.auc();
 * System.out.println(report.format());
 * }</pre>
 *
 * <ul>
 *   <li>{@code auc}: ROC AUC, ties counting half ({@link Metrics#auc}); {@code gini =
 *       2 * auc - 1}; {@code ks} and {@code ksThreshold}: the KS statistic
 *       ({@link Metrics#ks}) and the score {@code t} of the cut "score at least t" reaching
 *       it;
 *   <li>{@code deciles}: contacts in decreasing order of score cut into ten equal parts of
 *       {@code n / 10} contacts each. <b>Ties at a decile boundary</b> are split in
 *       proportion: a group of contacts with the same score that straddles a boundary puts
 *       the same share of its contacts and of its converted contacts on each side, which is
 *       the expectation under a random order of tied contacts. Counts may therefore be
 *       fractional, and the result never depends on the input order;
 *   <li>{@code tiers}: count, converted count and conversion rate per tier, the base tier
 *       first, then the tiers in increasing order of threshold;
 *   <li>{@code bands}: the same per score band {@code [k * w, (k + 1) * w)} of width {@code w}
 *       (default 10), from the band of the lowest score to the band of the highest, empty
 *       bands included; a score at the top of a {@code ScoringTable}'s scale falls in the
 *       band below it, then closed ({@code [90, 100]}), never in a band beyond the scale;
 *   <li>{@code thresholds}: precision and recall of the cut "score at least the tier's
 *       threshold", per tier.
 * </ul>
 *
 * <p>A conversion rate or precision of an empty group is NaN (printed as {@code -}).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param model       the model's name
 * @param version     the model's version
 * @param asOf        the instant the contacts were scored for
 * @param contacts    the number of contacts
 * @param converted   how many of them converted
 * @param auc         the ROC AUC
 * @param gini        {@code 2 * auc - 1}
 * @param ks          the Kolmogorov-Smirnov statistic
 * @param ksThreshold the score {@code t} at which the cut "score at least t" reaches {@code ks}
 * @param deciles     ten rows, best scores first
 * @param tiers       one row per tier, base tier first
 * @param bands       one row per score band, lowest first
 * @param thresholds  one row per tier (not the base tier), lowest threshold first
 * @param roc         the ROC curve from (0, 0) to (1, 1): one point per distinct score, in
 *                    decreasing order of score, thinned to at most
 *                    {@value #MAX_ROC_POINTS} points (every kept point is exact)
 */
public record Evaluation(String model, String version, Instant asOf, int contacts,
    int converted, double auc, double gini, double ks, double ksThreshold, List<Decile> deciles,
    List<Group> tiers, List<Group> bands, List<Threshold> thresholds, List<RocPoint> roc) {

  /** The most points kept on the ROC curve. */
  public static final int MAX_ROC_POINTS = 201;

  /** The default width of score bands. */
  public static final double DEFAULT_BAND_WIDTH = 10;

  /**
   * Copies the lists.
   *
   * @param model the model's name
   * @param version the model's version
   * @param asOf the instant the contacts were scored for
   * @param contacts the number of contacts
   * @param converted how many of them converted
   * @param auc the ROC AUC
   * @param gini {@code 2 * auc - 1}
   * @param ks the Kolmogorov-Smirnov statistic
   * @param ksThreshold the score {@code t} at which the cut "score at least t" reaches {@code ks}
   * @param deciles ten rows, best scores first
   * @param tiers one row per tier, base tier first
   * @param bands one row per score band, lowest first
   * @param thresholds one row per tier (not the base tier), lowest threshold first
   * @param roc the ROC curve from (0, 0) to (1, 1): one point per distinct score, in decreasing
   *     order of score, thinned to at most {@value #MAX_ROC_POINTS} points (every kept point is
   *     exact)
   * @throws NullPointerException if a reference is null
   */
  public Evaluation {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(asOf, "asOf");
    deciles = List.copyOf(deciles);
    tiers = List.copyOf(tiers);
    bands = List.copyOf(bands);
    thresholds = List.copyOf(thresholds);
    roc = List.copyOf(roc);
  }

  /**
   * Evaluates a model with score bands of width {@value #DEFAULT_BAND_WIDTH}.
   *
   * @param model    the model
   * @param contacts the labelled contacts, with at least one converted and one not
   * @param asOf     the instant to score for
   * @return the evaluation
   * @throws IllegalArgumentException if every contact has the same outcome
   * @throws NullPointerException     if an argument is null
   */
  public static Evaluation of(ScoringModel model, List<LabeledContact> contacts, Instant asOf) {
    return of(model, contacts, asOf, DEFAULT_BAND_WIDTH);
  }

  /**
   * Evaluates a model.
   *
   * @param model     the model
   * @param contacts  the labelled contacts, with at least one converted and one not
   * @param asOf      the instant to score for
   * @param bandWidth the width of score bands, positive and finite
   * @return the evaluation
   * @throws IllegalArgumentException if every contact has the same outcome or the band width
   *     is not positive and finite
   * @throws NullPointerException     if an argument is null
   */
  public static Evaluation of(ScoringModel model, List<LabeledContact> contacts, Instant asOf,
      double bandWidth) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(asOf, "asOf");
    int n = contacts.size();
    double[] scores = new double[n];
    String[] tierOf = new String[n];
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      LabeledContact c = contacts.get(i);
      Score s = model.score(c.contact(), asOf);
      scores[i] = s.score();
      tierOf[i] = s.tier();
      labels[i] = c.converted();
    }
    return of(model, asOf, scores, tierOf, labels, bandWidth);
  }

  static Evaluation of(ScoringModel model, Instant asOf, double[] scores, String[] tierOf,
      boolean[] labels, double bandWidth) {
    if (!(bandWidth > 0) || !Double.isFinite(bandWidth)) {
      throw new IllegalArgumentException(
          "bandWidth must be positive and finite, but was " + bandWidth);
    }
    Ranking r = new Ranking(scores, labels);
    int n = r.size();
    double auc = r.auc();
    double[] ks = r.ks();

    List<Decile> deciles = new ArrayList<>(10);
    double total = r.positives;
    double baseRate = total / n;
    double previous = 0;
    for (int d = 1; d <= 10; d++) {
      double from = (d - 1) * (double) n / 10;
      double to = d * (double) n / 10;
      double cumulative = r.positivesInTop(to);
      double size = to - from;
      double conv = cumulative - previous;
      previous = cumulative;
      double min = Double.NaN;
      double max = Double.NaN;
      for (int g = 0; g < r.groups; g++) {
        if (r.groupStart[g] < to && r.groupStart[g + 1] > from) {
          double s = r.groupScore(g);
          max = Double.isNaN(max) ? s : max;
          min = s;
        }
      }
      double rate = conv / size;
      deciles.add(new Decile(d, size, conv, min, max, rate, cumulative / total,
          rate / baseRate, (cumulative / to) / baseRate));
    }

    Map<String, long[]> byTier = new LinkedHashMap<>();
    byTier.put(model.baseTier(), new long[2]);
    for (Tier t : model.tiers()) {
      byTier.put(t.name(), new long[2]);
    }
    for (int i = 0; i < n; i++) {
      long[] cell = byTier.get(tierOf[i]);
      if (cell == null) {
        throw new IllegalStateException("score tier must be one of " + byTier.keySet()
            + ", but was \"" + tierOf[i] + "\"");
      }
      cell[0]++;
      if (labels[i]) {
        cell[1]++;
      }
    }
    List<Group> tiers = new ArrayList<>();
    byTier.forEach((name, cell) -> tiers.add(new Group(name, cell[0], cell[1])));

    double lowest = r.groupScore(r.groups - 1);
    double highest = r.groupScore(0);
    long firstBand = (long) Math.floor(lowest / bandWidth);
    long lastBand = (long) Math.floor(highest / bandWidth);
    // a score at the top of the scale belongs to the band below it, closed: [90, 100], not
    // a band [100, 110) beyond the scale
    double scaleMax = model instanceof dev.scoring.core.ScoringTable t
        ? t.scale().max() : Double.NaN;
    boolean closedTop = lastBand > firstBand && highest == scaleMax
        && lastBand * bandWidth == scaleMax;
    if (closedTop) {
      lastBand--;
    }
    if (lastBand - firstBand > 10_000) {
      throw new IllegalArgumentException("bandWidth must give at most 10000 bands over the scores "
          + lowest + " to " + highest + ", but was " + bandWidth);
    }
    long[][] bandCells = new long[(int) (lastBand - firstBand + 1)][2];
    for (int i = 0; i < n; i++) {
      int b = (int) Math.min(lastBand - firstBand,
          (long) Math.floor(scores[i] / bandWidth) - firstBand);
      bandCells[b][0]++;
      if (labels[i]) {
        bandCells[b][1]++;
      }
    }
    List<Group> bands = new ArrayList<>();
    for (int b = 0; b < bandCells.length; b++) {
      double lo = (firstBand + b) * bandWidth;
      boolean top = closedTop && b == bandCells.length - 1;
      bands.add(new Group("[" + number(lo) + ", " + number(lo + bandWidth) + (top ? "]" : ")"),
          bandCells[b][0], bandCells[b][1]));
    }

    List<Threshold> thresholds = new ArrayList<>();
    for (Tier t : model.tiers()) {
      long count = 0;
      long tp = 0;
      for (int i = 0; i < n; i++) {
        if (scores[i] >= t.atLeast()) {
          count++;
          if (labels[i]) {
            tp++;
          }
        }
      }
      thresholds.add(new Threshold(t.name(), t.atLeast(), count, tp,
          count == 0 ? Double.NaN : (double) tp / count, (double) tp / r.positives));
    }
    return new Evaluation(model.name(), model.version(), asOf, n, r.positives, auc, 2 * auc - 1,
        ks[0], ks[1], deciles, tiers, bands, thresholds, roc(r));
  }

  /** The ROC curve: the cut "score at least t" for every distinct score t, thinned evenly. */
  private static List<RocPoint> roc(Ranking r) {
    List<RocPoint> all = new ArrayList<>(r.groups + 1);
    all.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
    long tp = 0;
    long fp = 0;
    for (int g = 0; g < r.groups; g++) {
      int p = r.groupPositives(g);
      tp += p;
      fp += (r.groupStart[g + 1] - r.groupStart[g]) - p;
      all.add(new RocPoint(r.groupScore(g), (double) fp / r.negatives,
          (double) tp / r.positives));
    }
    if (all.size() <= MAX_ROC_POINTS) {
      return all;
    }
    List<RocPoint> kept = new ArrayList<>(MAX_ROC_POINTS);
    for (int k = 0; k < MAX_ROC_POINTS; k++) {
      kept.add(all.get((int) Math.round((double) k * (all.size() - 1) / (MAX_ROC_POINTS - 1))));
    }
    return kept;
  }

  /** {@return the share of contacts that converted} */
  public double conversionRate() {
    return (double) converted / contacts;
  }

  /**
   * A readable multi-line report: the summary line, then deciles, tiers, thresholds and
   * bands as aligned tables.
   *
   * @return the report, several lines of aligned text
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(f("model %s v%s as of %s: %d contacts, %d converted (%.2f%%)%n", model, version,
        asOf, contacts, converted, 100 * conversionRate()));
    out.append(f("AUC %.4f  Gini %.4f  KS %.4f at score >= %s%n", auc, gini, ks,
        number(ksThreshold)));
    out.append(f("%n%-6s %9s %9s %7s %8s %8s %7s %6s %8s%n", "decile", "contacts", "converted",
        "rate", "min", "max", "gain", "lift", "cum.lift"));
    for (Decile d : deciles) {
      out.append(f("%-6d %9.1f %9.1f %6.1f%% %8.2f %8.2f %6.1f%% %6.2f %8.2f%n", d.decile(),
          d.contacts(), d.converted(), 100 * d.conversionRate(), d.minScore(), d.maxScore(),
          100 * d.cumulativeGain(), d.lift(), d.cumulativeLift()));
    }
    out.append(f("%n%-16s %9s %9s %7s%n", "tier", "contacts", "converted", "rate"));
    for (Group g : tiers) {
      out.append(group(g));
    }
    if (!thresholds.isEmpty()) {
      out.append(f("%n%-16s %9s %9s %9s %9s%n", "score >= tier", "contacts", "converted",
          "precision", "recall"));
      for (Threshold t : thresholds) {
        out.append(f("%-16s %9d %9d %9s %8.1f%%%n", t.tier() + " " + number(t.atLeast()),
            t.contacts(), t.converted(), percent(t.precision()), 100 * t.recall()));
      }
    }
    out.append(f("%n%-16s %9s %9s %7s%n", "score band", "contacts", "converted", "rate"));
    for (Group g : bands) {
      out.append(group(g));
    }
    return out.toString();
  }

  /** Returns {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }

  private static String group(Group g) {
    return f("%-16s %9d %9d %7s%n", g.label(), g.contacts(), g.converted(),
        percent(g.conversionRate()));
  }

  static String percent(double rate) {
    return Double.isNaN(rate) ? "-" : f("%.1f%%", 100 * rate);
  }

  static String number(double d) {
    return Values.fixed(d, 2);
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /**
   * One decile of contacts in decreasing order of score.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param decile         1 for the best-scored tenth, 10 for the last
   * @param contacts       {@code n / 10}, possibly fractional
   * @param converted      the (expected, when a tie group is split) number converted
   * @param minScore       the lowest score in the decile
   * @param maxScore       the highest score in the decile
   * @param conversionRate {@code converted / contacts}
   * @param cumulativeGain share of all converted contacts in deciles 1..this
   * @param lift           {@code conversionRate} over the overall conversion rate
   * @param cumulativeLift the conversion rate of deciles 1..this over the overall rate
   */
  public record Decile(int decile, double contacts, double converted, double minScore,
      double maxScore, double conversionRate, double cumulativeGain, double lift,
      double cumulativeLift) {}

  /**
   * One point of the ROC curve: the cut "score at least {@code threshold}".
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param threshold         the score cut (infinity for the first point, which takes nobody)
   * @param falsePositiveRate the share of non-converted contacts at or above the cut
   * @param truePositiveRate  the share of converted contacts at or above the cut
   */
  public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {}

  /**
   * Contacts in one tier or score band.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param label     the tier name or the band, such as {@code [60, 70)}
   * @param contacts  how many contacts
   * @param converted how many of them converted
   */
  public record Group(String label, long contacts, long converted) {
    /**
     * Checks the label.
     *
     * @param label the tier name or the band, such as {@code [60, 70)}
     * @param contacts how many contacts
     * @param converted how many of them converted
     */
    public Group {
      Objects.requireNonNull(label, "label");
    }

    /** {@return {@code converted / contacts}, NaN for an empty group} */
    public double conversionRate() {
      return contacts == 0 ? Double.NaN : (double) converted / contacts;
    }
  }

  /**
   * The cut "score at least a tier's threshold", seen as a classifier.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param tier      the tier name
   * @param atLeast   its threshold
   * @param contacts  contacts at or above the threshold
   * @param converted how many of them converted
   * @param precision {@code converted / contacts}, NaN when no contact reaches the threshold
   * @param recall    {@code converted} over all converted contacts
   */
  public record Threshold(String tier, double atLeast, long contacts, long converted,
      double precision, double recall) {}
}
