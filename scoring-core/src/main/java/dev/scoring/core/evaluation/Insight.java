package dev.scoring.core.evaluation;

import static dev.scoring.core.evaluation.Evaluation.f;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which attributes and behaviours predict conversion: the weight of evidence of every bin of
 * every feature of a {@link FeatureSpec}, and each feature's information value, ranked.
 *
 * <pre>{@code
 * Insight insight = Insight.of(labeled, spec, asOf);
 * System.out.println(insight.format());   // strongest feature first
 * }</pre>
 *
 * <p>Bins are those of {@link FeatureSpec}, learned from the same contacts; a contact whose
 * value matches two level bins (a string {@code "3"} and a number {@code 3}) counts in the
 * first. Empty bins are left out. With {@code P} converted and {@code N} non-converted
 * contacts and {@code B} non-empty bins of a feature, bin {@code b} holding {@code p_b}
 * converted and {@code n_b} non-converted contacts, the usual small-count <b>smoothing adds
 * 0.5 to each cell</b>:
 * <pre>
 *   g_b = (p_b + 0.5) / (P + 0.5 B)        h_b = (n_b + 0.5) / (N + 0.5 B)
 *   WoE_b = ln(g_b / h_b)                   IV = sum over b of (g_b - h_b) * WoE_b
 * </pre>
 * A positive weight of evidence means the bin converts more often than average. Features are
 * ranked by decreasing information value (ties by name). Rules of thumb for IV: below 0.02
 * useless, 0.02-0.1 weak, 0.1-0.3 medium, 0.3-0.5 strong, above 0.5 suspiciously strong (a
 * leak?).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param asOf     the instant events were counted for
 * @param features one entry per feature, highest information value first
 */
public record Insight(Instant asOf, List<Feature> features) {

  /**
   * Copies the list.
   *
   * @param asOf the instant events were counted for
   * @param features one entry per feature, highest information value first
   * @throws NullPointerException if a reference is null
   */
  public Insight {
    Objects.requireNonNull(asOf, "asOf");
    features = List.copyOf(features);
  }

  /**
   * Computes the weight of evidence and information value of every feature.
   *
   * @param contacts the labelled contacts, at least one converted and one not
   * @param spec     the features and their binning (learned on these contacts)
   * @param asOf     the instant to count events for
   * @return the ranked insight
   * @throws IllegalArgumentException if every contact has the same outcome
   * @throws NullPointerException     if an argument is null
   */
  public static Insight of(List<LabeledContact> contacts, FeatureSpec spec, Instant asOf) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(asOf, "asOf");
    long positives = contacts.stream().filter(LabeledContact::converted).count();
    long negatives = contacts.size() - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("contacts must include at least one converted and one "
          + "non-converted contact, but was " + positives + " converted of " + contacts.size());
    }
    Encoding enc = Encoding.resolve(spec, contacts);
    long[][][] cells = new long[enc.features.size()][][];
    for (int f = 0; f < cells.length; f++) {
      cells[f] = new long[enc.features.get(f).binLabels().size()][2];
    }
    for (LabeledContact lc : contacts) {
      int[] seen = enc.observe(lc.contact(), asOf);
      for (int f = 0; f < cells.length; f++) {
        cells[f][enc.bin(enc.features.get(f), seen)][lc.converted() ? 1 : 0]++;
      }
    }
    List<Feature> features = new ArrayList<>();
    for (int f = 0; f < cells.length; f++) {
      Encoding.Resolved r = enc.features.get(f);
      int nonEmpty = 0;
      for (long[] cell : cells[f]) {
        nonEmpty += cell[0] + cell[1] > 0 ? 1 : 0;
      }
      double g = positives + 0.5 * nonEmpty;
      double h = negatives + 0.5 * nonEmpty;
      List<Bin> bins = new ArrayList<>();
      double iv = 0;
      for (int b = 0; b < cells[f].length; b++) {
        long n = cells[f][b][0];
        long p = cells[f][b][1];
        if (n + p == 0) {
          continue;
        }
        double gb = (p + 0.5) / g;
        double hb = (n + 0.5) / h;
        double woe = Math.log(gb / hb);
        double part = (gb - hb) * woe;
        iv += part;
        bins.add(new Bin(r.binLabels().get(b), n + p, p, woe, part));
      }
      String kind = r.feature() instanceof FeatureSpec.Events ? "event count"
          : r.feature() instanceof FeatureSpec.Numeric ? "numeric" : "categorical";
      features.add(new Feature(r.feature().name(), kind, bins, iv));
    }
    features.sort(Comparator.comparingDouble(Feature::informationValue).reversed()
        .thenComparing(Feature::name));
    return new Insight(asOf, features);
  }

  /**
   * A readable report: one block per feature, strongest first, with its bins.
   *
   * @return the report, several lines of aligned text
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    int nameWidth = 7;
    int binWidth = 3;
    for (Feature ft : features) {
      nameWidth = Math.max(nameWidth, ft.name().length());
      for (Bin b : ft.bins()) {
        binWidth = Math.max(binWidth, b.label().length());
      }
    }
    String row = "%-4s %-" + nameWidth + "s %-11s %8s%n";
    out.append(f(row, "rank", "feature", "kind", "IV"));
    for (int i = 0; i < features.size(); i++) {
      Feature ft = features.get(i);
      out.append(f(row, i + 1, ft.name(), ft.kind(), f("%.4f", ft.informationValue())));
    }
    for (Feature ft : features) {
      out.append(f("%n%s (%s), IV %.4f%n", ft.name(), ft.kind(), ft.informationValue()));
      out.append(f("  %-" + binWidth + "s %9s %9s %7s %8s%n", "bin", "contacts", "converted",
          "rate", "WoE"));
      for (Bin b : ft.bins()) {
        out.append(f("  %-" + binWidth + "s %9d %9d %6.1f%% %+8.4f%n", b.label(), b.contacts(),
            b.converted(), 100.0 * b.converted() / b.contacts(), b.weightOfEvidence()));
      }
    }
    return out.toString();
  }

  /** Returns {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }

  /**
   * The insight into one feature.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param name             the attribute name or event type
   * @param kind             {@code categorical}, {@code numeric} or {@code event count}
   * @param bins             the non-empty bins, in the feature's bin order
   * @param informationValue the information value, the sum of the bins' parts
   */
  public record Feature(String name, String kind, List<Bin> bins, double informationValue) {
    /**
     * Copies the bins.
     *
     * @param name the attribute name or event type
     * @param kind {@code categorical}, {@code numeric} or {@code event count}
     * @param bins the non-empty bins, in the feature's bin order
     * @param informationValue the information value, the sum of the bins' parts
     */
    public Feature {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      bins = List.copyOf(bins);
    }
  }

  /**
   * One bin of a feature.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param label            the bin, such as {@code API}, {@code [3, 5)}, {@code missing},
   *                         {@code other}, {@code 2-3}
   * @param contacts         contacts in the bin
   * @param converted        how many of them converted
   * @param weightOfEvidence the smoothed weight of evidence
   * @param informationValue the bin's part of the feature's information value
   */
  public record Bin(String label, long contacts, long converted, double weightOfEvidence,
      double informationValue) {}
}
