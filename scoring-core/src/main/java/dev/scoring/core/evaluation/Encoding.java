package dev.scoring.core.evaluation;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.core.Criteria;
import dev.scoring.core.EventMatch;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.internal.Numbers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link FeatureSpec} resolved on training contacts: the bins of every feature as rule
 * criteria, and a probe table holding one rule per bin (and one counting rule per event
 * type), so that a contact is encoded by the very scoring code that will score it.
 *
 * <p>Regression columns: for an attribute feature, one indicator per bin and one for
 * {@code missing} (the {@code other} bin is the reference, without a column); for an event
 * feature, {@code min(c, m)} per knot {@code m}, where {@code c} is the count a behavioral
 * rule without {@code maxOccurrences} would see. A rule with {@code maxOccurrences(m)}
 * counts exactly {@code min(c, m)} events. Immutable and thread-safe.
 */
final class Encoding {
  /** One regression column. */
  record Column(int feature, String label, String ruleId, Criteria criteria, EventMatch match,
      int knot) {}

  /** A resolved feature: its bins (attribute) or knots (events). */
  record Resolved(FeatureSpec.Feature feature, List<String> binLabels, int firstProbe,
      int probeRules, int firstColumn, int columns) {}

  final FeatureSpec spec;
  final List<Resolved> features;
  final List<Column> columns;
  final ScoringTable probe;

  private Encoding(FeatureSpec spec, List<Resolved> features, List<Column> columns,
      ScoringTable probe) {
    this.spec = spec;
    this.features = List.copyOf(features);
    this.columns = List.copyOf(columns);
    this.probe = probe;
  }

  static Encoding resolve(FeatureSpec spec, List<LabeledContact> training) {
    List<Resolved> features = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    ScoringTable.Builder probe = ScoringTable.builder("probe").scale(-1e15, 1e15);
    Set<String> ids = new HashSet<>();
    int probeRules = 0;
    for (int f = 0; f < spec.features().size(); f++) {
      FeatureSpec.Feature feature = spec.features().get(f);
      int firstColumn = columns.size();
      int firstProbe = probeRules;
      List<String> labels = new ArrayList<>();
      String slug = slug(feature.name());
      if (feature instanceof FeatureSpec.Events ev) {
        EventMatch count = on(ev.name());
        if (ev.withinDays().isPresent()) {
          count = count.withinDays(ev.withinDays().getAsInt());
        }
        probe.behavioral("p" + probeRules++, count.decays(false), 1);
        int previous = 0;
        for (int m : ev.knots()) {
          labels.add(previous + 1 == m ? Integer.toString(m) : (previous + 1) + "-" + m);
          columns.add(new Column(f, ev.name() + ": min(count, " + m + ")",
              unique(ids, slug + (m == 1 ? ".first" : ".up-to-" + m)), null,
              count.maxOccurrences(m).decays(false), m));
          previous = m;
        }
        labels.add(0, "0");
        labels.add(">" + previous);
      } else {
        List<Bin> bins = feature instanceof FeatureSpec.Categorical c
            ? levels(c, training, spec.minCount())
            : ranges((FeatureSpec.Numeric) feature, training);
        bins.add(new Bin("missing", attribute(feature.name()).absent()));
        for (Bin bin : bins) {
          probe.demographic("p" + probeRules++, bin.criteria, 1);
          labels.add(bin.label);
          columns.add(new Column(f, feature.name() + ": " + bin.label,
              unique(ids, slug + "." + slug(bin.label)), bin.criteria, null, 0));
        }
        labels.add("other");
      }
      features.add(new Resolved(feature, labels, firstProbe, probeRules - firstProbe,
          firstColumn, columns.size() - firstColumn));
    }
    return new Encoding(spec, features, columns, probe.build());
  }

  /**
   * The probe's view of a contact: per probe rule, the indicator (attribute bins) or the event
   * count (event features).
   */
  int[] observe(Contact contact, Instant asOf) {
    int[] seen = new int[probe.demographic().size() + probe.behavioral().size()];
    Explanation e = probe.explain(contact, asOf);
    for (Explanation.Entry entry : e.entries()) {
      if (entry.kind() == Explanation.Kind.DEMOGRAPHIC
          || entry.kind() == Explanation.Kind.BEHAVIORAL) {
        seen[Integer.parseInt(entry.id().substring(1))] = entry.occurrences();
      }
    }
    return seen;
  }

  /** The regression row of a contact (without the intercept). */
  double[] row(Contact contact, Instant asOf) {
    return row(observe(contact, asOf));
  }

  double[] row(int[] seen) {
    double[] x = new double[columns.size()];
    for (Resolved r : features) {
      if (r.feature() instanceof FeatureSpec.Events) {
        int c = seen[r.firstProbe()];
        for (int j = 0; j < r.columns(); j++) {
          x[r.firstColumn() + j] = Math.min(c, columns.get(r.firstColumn() + j).knot());
        }
      } else {
        for (int j = 0; j < r.columns(); j++) {
          x[r.firstColumn() + j] = seen[r.firstProbe() + j];
        }
      }
    }
    return x;
  }

  /**
   * The insight bin of a contact for a feature: attribute features, the first matching bin,
   * else {@code other} (the last label); event features, the count bin.
   */
  int bin(Resolved r, int[] seen) {
    if (r.feature() instanceof FeatureSpec.Events ev) {
      int c = seen[r.firstProbe()];
      int b = 0;
      if (c == 0) {
        return 0;
      }
      for (int m : ev.knots()) {
        b++;
        if (c <= m) {
          return b;
        }
      }
      return b + 1;
    }
    for (int j = 0; j < r.probeRules(); j++) {
      if (seen[r.firstProbe() + j] != 0) {
        return j;
      }
    }
    return r.probeRules();
  }

  private record Bin(String label, Criteria criteria) {}

  private static List<Bin> levels(FeatureSpec.Categorical c, List<LabeledContact> training,
      int minCount) {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Map<String, Integer>> spellings = new HashMap<>();
    Map<String, Object> values = new HashMap<>();
    for (LabeledContact lc : training) {
      Object v = lc.contact().attribute(c.name());
      if (v == null || (v instanceof String s && s.isBlank())) {
        continue;
      }
      String key;
      if (v instanceof String s) {
        key = "s:" + (c.ignoreCase() ? s.toLowerCase(Locale.ROOT) : s);
        spellings.computeIfAbsent(key, k -> new HashMap<>()).merge(s, 1, Integer::sum);
      } else if (v instanceof Boolean b) {
        key = "b:" + b;
        values.put(key, b);
      } else {
        double d = ((Number) v).doubleValue();
        key = "n:" + d;
        values.put(key, v);
      }
      counts.merge(key, 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> kept = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() >= minCount) {
        kept.add(e);
      }
    }
    kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    List<Bin> bins = new ArrayList<>();
    for (Map.Entry<String, Integer> e : kept) {
      String key = e.getKey();
      if (key.startsWith("s:")) {
        String label = spellings.get(key).entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
            .findFirst().orElseThrow().getKey();
        bins.add(new Bin(label, c.ignoreCase()
            ? attribute(c.name()).equalToIgnoreCase(label)
            : attribute(c.name()).equalTo(label)));
      } else {
        Object v = values.get(key);
        bins.add(new Bin(String.valueOf(v), attribute(c.name()).equalTo(v)));
      }
    }
    return bins;
  }

  private static List<Bin> ranges(FeatureSpec.Numeric n, List<LabeledContact> training) {
    List<Double> cuts = n.cuts();
    if (cuts.isEmpty()) {
      List<Double> values = new ArrayList<>();
      for (LabeledContact lc : training) {
        Object v = lc.contact().attribute(n.name());
        if (v instanceof Number num) {
          values.add(num.doubleValue());
        } else if (v instanceof String s && !Double.isNaN(Numbers.parse(s))) {
          values.add(Numbers.parse(s));
        }
      }
      values.sort(Comparator.naturalOrder());
      cuts = new ArrayList<>();
      if (!values.isEmpty()) {
        double min = values.get(0);
        for (int j = 1; j < n.quantiles(); j++) {
          double q = quantile7(values, (double) j / n.quantiles());
          if (q > min && (cuts.isEmpty() || q > cuts.get(cuts.size() - 1))) {
            cuts.add(q);
          }
        }
      }
    }
    List<Bin> bins = new ArrayList<>();
    String a = n.name();
    if (cuts.isEmpty()) {
      bins.add(new Bin("any number", attribute(a).atLeast(-Double.MAX_VALUE)));
      return bins;
    }
    bins.add(new Bin("< " + label(cuts.get(0)), attribute(a).below(cuts.get(0))));
    for (int j = 1; j < cuts.size(); j++) {
      bins.add(new Bin("[" + label(cuts.get(j - 1)) + ", "
          + label(cuts.get(j)) + ")",
          attribute(a).atLeast(cuts.get(j - 1)).and(attribute(a).below(cuts.get(j)))));
    }
    double last = cuts.get(cuts.size() - 1);
    bins.add(new Bin(">= " + label(last), attribute(a).atLeast(last)));
    return bins;
  }

  /** A cut point in a bin label: whole numbers without a fraction, others in full. */
  static String label(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** The type-7 quantile (R's and numpy's default) of sorted values. */
  static double quantile7(List<Double> sorted, double p) {
    double h = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.size() - 1);
    return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
  }

  static String slug(String s) {
    String lower = s.toLowerCase(Locale.ROOT)
        .replace(">=", "at-least-").replace("<", "below-").replace("+", "-plus");
    String slug = lower.replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.isEmpty() ? "x" : slug;
  }

  private static String unique(Set<String> ids, String id) {
    String candidate = id;
    for (int i = 2; !ids.add(candidate); i++) {
      candidate = id + "-" + i;
    }
    return candidate;
  }

  /** Labels of the columns, for messages. */
  List<String> labels() {
    List<String> labels = new ArrayList<>();
    for (Column c : columns) {
      labels.add(c.label());
    }
    return labels;
  }

  /** Columns by rule id, in order. */
  Map<String, Column> byId() {
    Map<String, Column> map = new LinkedHashMap<>();
    for (Column c : columns) {
      map.put(c.ruleId(), c);
    }
    return map;
  }
}
