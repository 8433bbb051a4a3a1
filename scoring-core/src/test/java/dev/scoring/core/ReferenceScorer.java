package dev.scoring.core;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small, obviously-correct scorer written straight from SPEC.md, sharing no code with the
 * compiled kernel. Slow on purpose: lists, streams, Duration.
 */
final class ReferenceScorer {
  /** SPEC section 3: JSON's number grammar, optionally with a leading plus, ASCII digits. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  /** SPEC section 3: true or false in any ASCII case ((?i) without UNICODE_CASE). */
  private static final Pattern TRUE = Pattern.compile("(?i)true");
  private static final Pattern FALSE = Pattern.compile("(?i)false");

  /** score, raw, fit, engagement, and the tier name. */
  record Result(double score, double raw, double fit, double engagement, String tier) {}

  private ReferenceScorer() {}

  static Result score(ScoringTable t, Contact c, Instant asOf) {
    double demographic = 0;
    for (AttributeRule r : t.demographic()) {
      if (matchesAll(r.conditions(), c)) {
        demographic += r.points();
      }
    }
    double behavioral = 0;
    for (EventRule r : t.behavioral()) {
      behavioral += eventContribution(t, r, c, asOf);
    }
    // Aggregate rules after the event rules of their section (the kernel's summation order).
    for (Rule r : t.behavioralRules()) {
      if (r instanceof AggregateRule a) {
        behavioral += aggregateContribution(a, c, asOf);
      }
    }
    double negativeAttributes = 0;
    double negativeEvents = 0;
    double inactivity = 0;
    for (Rule rule : t.negative()) {
      if (rule instanceof AttributeRule a) {
        if (matchesAll(a.conditions(), c)) {
          negativeAttributes += a.points();
        }
      } else if (rule instanceof EventRule e) {
        negativeEvents += eventContribution(t, e, c, asOf);
      } else if (rule instanceof InactivityRule i) {
        Long last = lastActivityAge(t, c, asOf);
        if (last == null || last >= i.inactiveDays()) {
          inactivity += i.points();
        }
      }
    }
    for (Rule rule : t.negative()) {
      if (rule instanceof AggregateRule a) {
        negativeEvents += aggregateContribution(a, c, asOf);
      }
    }
    if (t.demographicCap().isPresent()) {
      demographic = Math.min(demographic, t.demographicCap().getAsDouble());
    }
    if (t.behavioralCap().isPresent()) {
      behavioral = Math.min(behavioral, t.behavioralCap().getAsDouble());
    }
    double fit = demographic + negativeAttributes;
    double engagement = behavioral + negativeEvents + inactivity;
    double raw = fit + engagement;
    double score = Math.max(t.scale().min(), Math.min(t.scale().max(), raw));
    String tier = t.baseTier();
    for (Tier tr : t.tiers()) {
      if (tr.atLeast() <= score) {
        tier = tr.name();
      }
    }
    return new Result(score, raw, fit, engagement, tier);
  }

  static long ageDays(Instant at, Instant asOf) {
    Duration d = Duration.between(at, asOf);
    return Math.floorDiv(d.getSeconds(), 86_400L);
  }

  private static double eventContribution(ScoringTable t, EventRule r, Contact c, Instant asOf) {
    EventMatch m = r.match();
    List<Event> matching = new ArrayList<>();
    for (Event e : c.events()) {
      if (!e.type().equals(m.event()) || e.at().isAfter(asOf)) {
        continue;
      }
      long age = ageDays(e.at(), asOf);
      if (m.withinDays().isPresent() && age >= m.withinDays().getAsInt()) {
        continue;
      }
      if (m.minValue().isPresent()
          && (e.value().isEmpty() || e.value().getAsDouble() < m.minValue().getAsDouble())) {
        continue;
      }
      matching.add(e);
    }
    if (matching.isEmpty()) {
      return 0;
    }
    matching.sort(Comparator.comparing(Event::at).reversed());
    int limit = m.maxOccurrences().orElse(Integer.MAX_VALUE);
    double sum = 0;
    for (int i = 0; i < matching.size() && i < limit; i++) {
      double a = ageDays(matching.get(i).at(), asOf);
      sum += r.decays() ? t.decay().factor(a) : 1.0;
    }
    return r.points() * sum;
  }

  /** SPEC section 9, straight from the table of aggregates. */
  static double aggregateValue(Aggregate.Measure m, Contact c, Instant asOf) {
    List<Event> counted = new ArrayList<>();
    int denominator = 0;
    for (Event e : c.events()) {
      if (e.at().isAfter(asOf)) {
        continue;
      }
      long age = ageDays(e.at(), asOf);
      if (m.withinDays().isPresent() && age >= m.withinDays().getAsInt()) {
        continue;
      }
      if (m.per().contains(e.type())) {
        denominator++;
      }
      if (!m.events().contains(e.type())) {
        continue;
      }
      if (m.minValue().isPresent()
          && (e.value().isEmpty() || e.value().getAsDouble() < m.minValue().getAsDouble())) {
        continue;
      }
      counted.add(e);
    }
    List<Long> ages = counted.stream().map(e -> ageDays(e.at(), asOf)).toList();
    switch (m.function()) {
      case COUNT:
        return counted.size();
      case DISTINCT_DAYS:
        return new java.util.HashSet<>(ages).size();
      case SUM: {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (Event e : counted) {
          if (e.value().isPresent()) {
            // The shortest decimal that reads back as the value (Java 19's Double.toString).
            sum = sum.add(new java.math.BigDecimal(
                com.fasterxml.jackson.core.io.NumberOutput.toString(e.value().getAsDouble(),
                    true)));
          }
        }
        return sum.doubleValue();
      }
      case RATE:
        return denominator < m.minCount() ? Double.NaN
            : (double) counted.size() / denominator;
      case DAYS_SINCE_LAST:
        return ages.isEmpty() ? Double.POSITIVE_INFINITY
            : ages.stream().mapToLong(Long::longValue).min().getAsLong();
      case MEAN_DAYS_BETWEEN: {
        if (ages.size() < 2) {
          return Double.NaN;
        }
        long max = ages.stream().mapToLong(Long::longValue).max().getAsLong();
        long min = ages.stream().mapToLong(Long::longValue).min().getAsLong();
        return (double) (max - min) / (ages.size() - 1);
      }
      default:
        throw new AssertionError(m.function());
    }
  }

  private static double aggregateContribution(AggregateRule r, Contact c, Instant asOf) {
    double v = aggregateValue(r.when().measure(), c, asOf);
    Aggregate w = r.when();
    boolean holds = switch (w.operator()) {
      case AT_LEAST -> v >= w.lo();
      case BELOW -> v < w.lo();
      case BETWEEN -> w.lo() <= v && v <= w.hi();
      case EQUALS -> v == w.lo();
    };
    return holds ? r.points() : 0;
  }

  private static Long lastActivityAge(ScoringTable t, Contact c, Instant asOf) {
    Long best = null;
    for (Event e : c.events()) {
      if (e.at().isAfter(asOf)) {
        continue;
      }
      boolean activity = t.behavioral().stream().anyMatch(r -> r.match().event().equals(e.type()))
          || t.behavioralRules().stream().anyMatch(r -> r instanceof AggregateRule a
              && a.when().measure().events().contains(e.type()));
      if (activity) {
        long age = ageDays(e.at(), asOf);
        if (best == null || age < best) {
          best = age;
        }
      }
    }
    return best;
  }

  static boolean matchesAll(List<Condition> conditions, Contact c) {
    for (Condition cond : conditions) {
      if (!matches(cond, c.attribute(cond.attribute()))) {
        return false;
      }
    }
    return true;
  }

  static boolean matches(Condition cond, Object v) {
    switch (cond.operator()) {
      case PRESENT: {
        boolean present = v != null && !(v instanceof String s && s.isBlank());
        return present == (Boolean) cond.operands().get(0);
      }
      case EQUALS:
      case IN:
        if (v == null) {
          return false;
        }
        for (Object o : cond.operands()) {
          if (equal(o, v, cond.ignoreCase())) {
            return true;
          }
        }
        return false;
      case BETWEEN: {
        Double x = number(v);
        double lo = ((Number) cond.operands().get(0)).doubleValue();
        double hi = ((Number) cond.operands().get(1)).doubleValue();
        return x != null && lo <= x && x <= hi;
      }
      case AT_LEAST: {
        Double x = number(v);
        return x != null && x >= ((Number) cond.operands().get(0)).doubleValue();
      }
      case BELOW: {
        Double x = number(v);
        return x != null && x < ((Number) cond.operands().get(0)).doubleValue();
      }
      default:
        throw new AssertionError();
    }
  }

  private static boolean equal(Object operand, Object v, boolean ignoreCase) {
    if (operand instanceof String so && v instanceof String sv) {
      return ignoreCase ? so.equalsIgnoreCase(sv) : so.equals(sv);
    }
    Boolean bo = bool(operand);
    Boolean bv = bool(v);
    if ((operand instanceof Boolean || v instanceof Boolean) && bo != null && bv != null) {
      return bo.equals(bv);
    }
    if (operand instanceof Number || v instanceof Number) {
      Double xo = number(operand);
      Double xv = number(v);
      return xo != null && xv != null && xo.doubleValue() == xv.doubleValue();
    }
    return false;
  }

  static Double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s && DECIMAL.matcher(s.strip()).matches()) {
      double d = Double.parseDouble(s.strip());
      return Double.isFinite(d) ? d : null;
    }
    return null;
  }

  private static Boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      if (TRUE.matcher(s.strip()).matches()) {
        return true;
      }
      if (FALSE.matcher(s.strip()).matches()) {
        return false;
      }
    }
    return null;
  }
}
