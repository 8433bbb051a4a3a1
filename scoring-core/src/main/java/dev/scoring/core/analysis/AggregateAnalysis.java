package dev.scoring.core.analysis;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.api.Tier;
import dev.scoring.core.Aggregate;
import dev.scoring.core.AggregateRule;
import dev.scoring.core.InactivityRule;
import dev.scoring.core.Rule;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.internal.Unvalidated;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The analysis of a table with aggregate rules (SPEC section 9), from the exact analysis of
 * the same table without them.
 *
 * <p>For every contact, with {@code base} the table without its aggregate rules:
 * {@code engagement >= base engagement + (sum of the negative aggregate points that can
 * fire)}, since behavioral aggregates only add before the cap and their counted types only
 * add activity (so fewer inactivity rules apply); and {@code engagement <= base engagement +
 * (sum of the behavioral aggregate points that can fire) + (the inactivity points, when the
 * aggregates bring new activity types)}, and never above the behavioral cap. These bounds are
 * safe; each is marked exact only when the base analysis's witness contact, scored by the
 * real table, reaches it. Fit does not depend on events, so its range stays exact.
 *
 * <p>Findings add the aggregate rules that can never fire or always apply, from the values
 * each aggregate can take: {@code count} and {@code distinctDays} are whole numbers of at
 * least 0 ({@code distinctDays} at most {@code withinDays}); {@code daysSinceLast} a whole
 * number below {@code withinDays}, or +infinity; {@code meanDaysBetween} at least 0 and below
 * {@code withinDays}; {@code rate} at least 0, and at most 1 when every counted type is also a
 * denominator type. Used once, by one thread.
 */
final class AggregateAnalysis {
  private AggregateAnalysis() {}

  static ModelAnalysis of(ScoringTable table, List<AggregateRule> aggregates) {
    ScoringTable.Builder without = table.toBuilder();
    for (AggregateRule a : aggregates) {
      without.removeRule(a.id());
    }
    // the table without its aggregate rules may have no rule left, which build() refuses
    ScoringTable base = Unvalidated.build(without);
    ModelAnalysis b = new Analyzer(base).analyse();

    List<Finding> findings = new ArrayList<>(b.findings());
    double positive = 0;
    double negative = 0;
    Set<String> activity = new HashSet<>(Vocabulary.of(base).activityTypes());
    boolean newActivity = false;
    for (AggregateRule a : aggregates) {
      Possible p = possible(a.when());
      if (p == Possible.NEVER) {
        findings.add(new Finding(Finding.Kind.NEVER_FIRES, a.id(), section(a) + " aggregate"
            + " rule '" + a.id() + "' can never fire: " + Report.aggregate(a.when())
            + " " + why(a.when())));
      } else {
        if (p == Possible.ALWAYS) {
          findings.add(new Finding(Finding.Kind.ALWAYS_APPLIES, a.id(), section(a)
              + " aggregate rule '" + a.id() + "' always applies: " + Report.aggregate(a.when())
              + " holds for every contact"));
        }
        if (rateAboveOne(a.when())) {
          findings.add(new Finding(Finding.Kind.RATE_ABOVE_ONE, a.id(), section(a)
              + " aggregate rule '" + a.id() + "' needs a rate above 1: only contacts with more"
              + " counted than denominator events reach it"));
        }
        if (a.points() > 0) {
          positive += a.points();
        } else {
          negative += a.points();
        }
      }
      if (a.points() > 0 && !activity.containsAll(a.when().measure().events())) {
        newActivity = true;
      }
    }
    double inactivity = 0;
    for (Rule r : table.negative()) {
      if (r instanceof InactivityRule i) {
        inactivity += i.points();
      }
    }
    double cap = table.behavioralCap().orElse(Double.POSITIVE_INFINITY);
    double maxEngagement = Math.min(b.engagement().max().value() + positive
        - (newActivity ? inactivity : 0), cap);
    double minEngagement = b.engagement().min().value() + negative;
    Extreme engagementMin = bound(table, b.engagement().min(), minEngagement,
        Score::engagement);
    Extreme engagementMax = bound(table, b.engagement().max(), maxEngagement,
        Score::engagement);
    Range engagement = new Range(engagementMin, engagementMax);
    Range raw = new Range(
        combine(table, b.fit().min(), engagementMin, Score::raw),
        combine(table, b.fit().max(), engagementMax, Score::raw));
    Range score = new Range(clamp(table, raw.min()), clamp(table, raw.max()));
    List<TierReach> tiers = new ArrayList<>();
    for (int i = 0; i < table.tiers().size(); i++) {
      Tier t = table.tiers().get(i);
      TierReach before = b.tiers().get(i);
      boolean reachable = score.max().value() >= t.atLeast();
      Optional<Contact> witness = before.witness()
          .filter(w -> table.score(w, ModelAnalysis.WITNESS_AS_OF).score() >= t.atLeast());
      // With aggregates a tier may need fewer events than without: no fewest count is
      // claimed, only a witness that reaches it.
      tiers.add(new TierReach(t.name(), t.atLeast(), reachable,
          before.byFitAlone() || reaches(table, b.fit().max(), t),
          before.byEngagementAlone() || reaches(table, engagementMax, t)
              || reaches(table, engagementMin, t),
          OptionalInt.empty(), witness));
    }
    findings.removeIf(f -> f.kind() == Finding.Kind.TIER_UNREACHABLE);
    for (Tier t : table.tiers()) {
      if (t.atLeast() <= table.scale().max() && t.atLeast() > table.scale().min()
          && score.max().value() < t.atLeast()) {
        findings.add(new Finding(Finding.Kind.TIER_UNREACHABLE, t.name(), "tier '" + t.name()
            + "' at " + Report.number(t.atLeast()) + " is unreachable: the highest score is "
            + Report.number(score.max().value())));
      }
    }
    return new ModelAnalysis(table.name(), table.version(), table.scale(), b.fit(),
        engagement, raw, score, tiers, findings);
  }

  private static boolean reaches(ScoringTable table, Extreme e, Tier t) {
    return e.witness().map(w -> table.score(w, ModelAnalysis.WITNESS_AS_OF).score()
        >= t.atLeast()).orElse(false);
  }

  /** A safe bound, exact when the base witness scored by the real table attains it. */
  private static Extreme bound(ScoringTable table, Extreme base, double value,
      ToDoubleFunction<Score> part) {
    if (base.unbounded()) {
      return new Extreme(value, base.exact(), base.unboundedBy(), Optional.empty());
    }
    Optional<Contact> w = base.witness();
    if (w.isPresent()
        && part.applyAsDouble(table.score(w.get(), ModelAnalysis.WITNESS_AS_OF)) == value) {
      return new Extreme(value, base.exact(), List.of(), w);
    }
    return new Extreme(value, false, List.of(), Optional.empty());
  }

  /** fit + engagement: exact when both witnesses, merged, score it. */
  private static Extreme combine(ScoringTable table, Extreme fit, Extreme engagement,
      ToDoubleFunction<Score> part) {
    double value = fit.value() + engagement.value();
    List<String> by = new ArrayList<>(fit.unboundedBy());
    by.addAll(engagement.unboundedBy());
    if (Double.isInfinite(value) || fit.witness().isEmpty() || engagement.witness().isEmpty()) {
      return new Extreme(value, fit.exact() && engagement.exact() && Double.isInfinite(value),
          by, Optional.empty());
    }
    Contact.Builder merged = Contact.builder("witness")
        .attributes(fit.witness().get().attributes());
    for (Event e : engagement.witness().get().events()) {
      merged.event(e);
    }
    Contact w = merged.build();
    double scored = part.applyAsDouble(table.score(w, ModelAnalysis.WITNESS_AS_OF));
    boolean exact = fit.exact() && engagement.exact() && scored == value;
    return new Extreme(value, exact, by, exact ? Optional.of(w) : Optional.empty());
  }

  /** The clamped extreme: exact when the raw one is. */
  private static Extreme clamp(ScoringTable table, Extreme raw) {
    return new Extreme(table.scale().clamp(raw.value()), raw.exact(), List.of(),
        raw.witness());
  }

  private static String section(AggregateRule a) {
    return a.points() > 0 ? "behavioral" : "negative";
  }

  private enum Possible { NEVER, SOMETIMES, ALWAYS }

  /**
   * Whether the condition can hold, over the values its aggregate can take: a set described
   * by {@code [lo, hi]}, whether only whole numbers occur, and whether +infinity or an
   * undefined value can occur.
   */
  static Possible possible(Aggregate when) {
    Aggregate.Measure m = when.measure();
    double within = m.withinDays().isPresent() ? m.withinDays().getAsInt()
        : Double.POSITIVE_INFINITY;
    double lo = 0;
    double hi;
    boolean whole;
    boolean infinity = false;
    boolean undefined = false;
    switch (m.function()) {
      case COUNT -> {
        hi = Double.POSITIVE_INFINITY;
        whole = true;
      }
      case DISTINCT_DAYS -> {
        hi = within;
        whole = true;
      }
      case DAYS_SINCE_LAST -> {
        hi = within - 1;
        whole = true;
        infinity = true;
      }
      case MEAN_DAYS_BETWEEN -> {
        hi = within - 1;
        whole = false;
        undefined = true;
      }
      case RATE -> {
        hi = m.per().containsAll(m.events()) ? 1 : Double.POSITIVE_INFINITY;
        whole = false;
        undefined = true;
      }
      default -> {
        // sum: any value (event values may be negative).
        return Possible.SOMETIMES;
      }
    }
    boolean some = infinity && holds(when, Double.POSITIVE_INFINITY);
    boolean all = !undefined && (!infinity || holds(when, Double.POSITIVE_INFINITY));
    // Whole-valued: test the values lo..hi that matter, the operands' neighbours.
    double[] probes = {lo, hi, Math.floor(when.lo()), Math.ceil(when.lo()),
        Math.floor(when.hi()), Math.ceil(when.hi()), when.lo(), when.hi(),
        Math.nextUp(when.lo()), Math.nextDown(when.lo()), Math.nextUp(when.hi()),
        Math.nextDown(when.hi())};
    for (double v : probes) {
      if (v >= lo && v <= hi && Double.isFinite(v) && (!whole || v == Math.rint(v))) {
        some |= holds(when, v);
      }
    }
    // "Always" only for operators that are monotone over [lo, hi]: atLeast x <= lo, below x
    // above hi, between covering [lo, hi].
    boolean covers = switch (when.operator()) {
      case AT_LEAST -> when.lo() <= lo;
      case BELOW -> when.lo() > hi;
      case BETWEEN -> when.lo() <= lo && when.hi() >= hi;
      case EQUALS -> lo == hi && when.lo() == lo;
    };
    if (!some) {
      return Possible.NEVER;
    }
    return all && covers ? Possible.ALWAYS : Possible.SOMETIMES;
  }

  private static boolean holds(Aggregate when, double v) {
    return when.test(v);
  }

  /** A rate that must exceed 1 while the counted types are not all denominator types. */
  static boolean rateAboveOne(Aggregate when) {
    Aggregate.Measure m = when.measure();
    if (m.function() != Aggregate.Function.RATE || m.per().containsAll(m.events())) {
      return false;
    }
    return !when.test(1.0) && !when.test(0.5) && !when.test(0.0)
        && (when.operator() == Aggregate.Operator.AT_LEAST
            || when.operator() == Aggregate.Operator.EQUALS
            || when.operator() == Aggregate.Operator.BETWEEN) && when.lo() > 1;
  }

  private static String why(Aggregate when) {
    Aggregate.Measure m = when.measure();
    return switch (m.function()) {
      case DISTINCT_DAYS -> m.withinDays().isPresent()
          ? "at most " + m.withinDays().getAsInt() + " distinct days fit in withinDays "
              + m.withinDays().getAsInt() : "the count of days is a whole number of at least 0";
      case DAYS_SINCE_LAST -> "the days since the last event are a whole number"
          + (m.withinDays().isPresent() ? " below withinDays " + m.withinDays().getAsInt()
              : "") + ", or infinite";
      case MEAN_DAYS_BETWEEN -> "the mean gap is at least 0"
          + (m.withinDays().isPresent() ? " and below withinDays " + m.withinDays().getAsInt()
              : "");
      case RATE -> "the rate lies in [0, 1] when every counted type is a denominator type";
      default -> "the count is a whole number of at least 0";
    };
  }
}
