package dev.scoring.core.analysis;

import dev.scoring.core.Aggregate;
import dev.scoring.core.AggregateRule;
import dev.scoring.core.AttributeRule;
import dev.scoring.core.Condition;
import dev.scoring.core.Decay;
import dev.scoring.core.EventRule;
import dev.scoring.core.InactivityRule;
import dev.scoring.core.Rule;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.internal.Candidates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words a scoring table speaks: the attributes its conditions name with the values that
 * make a difference to them, the event types it scores with the event values that make a
 * difference, and the event ages at which something changes (window edges, inactivity
 * thresholds, decay steps).
 *
 * <p>Candidate attribute values cover every way a value can relate to the conditions on its
 * attribute: each operand and its case variants, numbers as numbers and as strings (in
 * several spellings), each numeric threshold and the doubles just below and above it,
 * booleans and boolean strings, blank strings and a value no condition mentions. An absent
 * attribute is always a candidate too and is not listed.
 *
 * <p>Candidate ages (whole days) are 0, each edge {@code e} (a {@code withinDays}, an
 * {@code inactiveDays}, the first whole day past a decay step or past the end of a linear
 * decay) and {@code e - 1}, and for a half-life decay the first age at which its factor is 0
 * in double arithmetic (or {@link #MAX_AGE_DAYS}).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param attributeValues candidate values per attribute named by a condition, in model
 *                        order; each a {@link String}, {@link Long}, {@link Double} or
 *                        {@link Boolean}
 * @param otherAttribute  an attribute name no condition mentions
 * @param eventTypes      the event types some event rule scores, in model order
 * @param activityTypes   the event types some behavioral rule scores (they count as
 *                        activity for inactivity rules)
 * @param otherEventType  an event type no rule scores
 * @param eventValues     per scored event type, the event values that make a difference:
 *                        each {@code minValue} of its rules and the double just below it
 *                        (an event without a value is always a candidate too)
 * @param ages            candidate event ages in whole days, ascending
 */
public record Vocabulary(Map<String, List<Object>> attributeValues, String otherAttribute,
    List<String> eventTypes, List<String> activityTypes, String otherEventType,
    Map<String, List<Double>> eventValues, List<Long> ages) {

  /**
   * The oldest event age considered, in whole days (about 820 million years): every such
   * age is representable as an {@link java.time.Instant} before any instant of this era.
   */
  public static final long MAX_AGE_DAYS = 300_000_000_000L;

  /**
   * Copies the collections.
   *
   * @param attributeValues candidate values per attribute named by a condition, in model order;
   *     each a {@link String}, {@link Long}, {@link Double} or {@link Boolean}
   * @param otherAttribute an attribute name no condition mentions
   * @param eventTypes the event types some event rule scores, in model order
   * @param activityTypes the event types some behavioral rule scores (they count as activity for
   *     inactivity rules)
   * @param otherEventType an event type no rule scores
   * @param eventValues per scored event type, the event values that make a difference: each {@code
   *     minValue} of its rules and the double just below it (an event without a value is always a
   *     candidate too)
   * @param ages candidate event ages in whole days, ascending
   */
  public Vocabulary {
    Map<String, List<Object>> attrs = new LinkedHashMap<>();
    attributeValues.forEach((k, v) -> attrs.put(k, List.copyOf(v)));
    attributeValues = java.util.Collections.unmodifiableMap(attrs);
    Objects.requireNonNull(otherAttribute, "otherAttribute");
    eventTypes = List.copyOf(eventTypes);
    activityTypes = List.copyOf(activityTypes);
    Objects.requireNonNull(otherEventType, "otherEventType");
    Map<String, List<Double>> values = new LinkedHashMap<>();
    eventValues.forEach((k, v) -> values.put(k, List.copyOf(v)));
    eventValues = java.util.Collections.unmodifiableMap(values);
    ages = List.copyOf(ages);
  }

  /**
   * Computes the vocabulary of a table.
   *
   * @param table the table
   * @return its vocabulary
   * @throws NullPointerException if {@code table} is null
   */
  public static Vocabulary of(ScoringTable table) {
    Objects.requireNonNull(table, "table");
    Map<String, List<Condition>> conditions = conditionsByAttribute(table);
    Map<String, List<Object>> attributeValues = new LinkedHashMap<>();
    conditions.forEach((name, cs) -> attributeValues.put(name, candidateValues(cs)));

    Set<String> types = new LinkedHashSet<>();
    Set<String> activity = new LinkedHashSet<>();
    Map<String, TreeSet<Double>> thresholds = new LinkedHashMap<>();
    for (EventRule r : eventRules(table)) {
      String type = r.match().event();
      types.add(type);
      thresholds.computeIfAbsent(type, k -> new TreeSet<>());
      r.match().minValue().ifPresent(v -> {
        thresholds.get(type).add(v);
        thresholds.get(type).add(Math.nextDown(v));
      });
    }
    for (EventRule r : table.behavioral()) {
      activity.add(r.match().event());
    }
    // Aggregate rules (SPEC section 9): their counted and denominator types, their minValue,
    // and the counted types of behavioral ones as activity.
    for (AggregateRule r : aggregateRules(table)) {
      Aggregate.Measure m = r.when().measure();
      List<String> all = new ArrayList<>(m.events());
      all.addAll(m.per());
      for (String type : all) {
        types.add(type);
        thresholds.computeIfAbsent(type, k -> new TreeSet<>());
      }
      m.minValue().ifPresent(v -> {
        for (String type : m.events()) {
          thresholds.get(type).add(v);
          thresholds.get(type).add(Math.nextDown(v));
        }
      });
      if (r.points() > 0) {
        activity.addAll(m.events());
      }
    }
    Map<String, List<Double>> eventValues = new LinkedHashMap<>();
    thresholds.forEach((k, v) -> eventValues.put(k, new ArrayList<>(v)));
    return new Vocabulary(attributeValues, unused("other_attribute", conditions.keySet()),
        new ArrayList<>(types), new ArrayList<>(activity), unused("other_event", types),
        eventValues, candidateAges(table));
  }

  /** The distinct conditions of a table's attribute rules, by attribute, in model order. */
  static Map<String, List<Condition>> conditionsByAttribute(ScoringTable table) {
    Map<String, List<Condition>> byAttribute = new LinkedHashMap<>();
    for (AttributeRule r : attributeRules(table)) {
      for (Condition c : r.conditions()) {
        List<Condition> cs = byAttribute.computeIfAbsent(c.attribute(), k -> new ArrayList<>());
        if (!cs.contains(c)) {
          cs.add(c);
        }
      }
    }
    return byAttribute;
  }

  /** Demographic rules, then negative attribute rules. */
  static List<AttributeRule> attributeRules(ScoringTable table) {
    List<AttributeRule> rules = new ArrayList<>(table.demographic());
    for (Rule r : table.negative()) {
      if (r instanceof AttributeRule a) {
        rules.add(a);
      }
    }
    return rules;
  }

  /** Behavioral rules, then negative event rules. */
  static List<EventRule> eventRules(ScoringTable table) {
    List<EventRule> rules = new ArrayList<>(table.behavioral());
    for (Rule r : table.negative()) {
      if (r instanceof EventRule e) {
        rules.add(e);
      }
    }
    return rules;
  }

  /** Behavioral aggregate rules, then negative ones. */
  static List<AggregateRule> aggregateRules(ScoringTable table) {
    List<AggregateRule> rules = new ArrayList<>();
    for (Rule r : table.behavioralRules()) {
      if (r instanceof AggregateRule a) {
        rules.add(a);
      }
    }
    for (Rule r : table.negative()) {
      if (r instanceof AggregateRule a) {
        rules.add(a);
      }
    }
    return rules;
  }

  /** The candidate ages of a table, ascending. */
  static List<Long> candidateAges(ScoringTable table) {
    TreeSet<Long> edges = new TreeSet<>();
    for (AggregateRule r : aggregateRules(table)) {
      r.when().measure().withinDays().ifPresent(w -> edges.add((long) w));
      if (r.when().measure().function() == Aggregate.Function.DAYS_SINCE_LAST) {
        // daysSinceLast compares a whole age: the first whole age at or above each operand.
        for (double x : new double[] {r.when().lo(), r.when().hi()}) {
          if (x >= 0 && x < MAX_AGE_DAYS) {
            edges.add((long) Math.ceil(x));
          }
        }
      }
    }
    for (EventRule r : eventRules(table)) {
      r.match().withinDays().ifPresent(w -> edges.add((long) w));
    }
    for (Rule r : table.negative()) {
      if (r instanceof InactivityRule i) {
        edges.add((long) i.inactiveDays());
      }
    }
    Decay decay = table.decay();
    if (decay instanceof Decay.Steps s) {
      for (Decay.Step step : s.steps()) {
        edges.add(ceilDays(step.belowDays()));
      }
    } else if (decay instanceof Decay.Linear l) {
      edges.add(ceilDays(l.days()));
    }
    TreeSet<Long> ages = new TreeSet<>();
    ages.add(0L);
    for (long e : edges) {
      ages.add(e);
      ages.add(e - 1);
    }
    if (decay instanceof Decay.HalfLife) {
      ages.add(zeroAge(decay));
    }
    return new ArrayList<>(ages);
  }

  /** The first whole day at or past {@code days}, at most {@link #MAX_AGE_DAYS}. */
  private static long ceilDays(double days) {
    return (long) Math.min(Math.ceil(days), MAX_AGE_DAYS);
  }

  /** The first age whose factor is 0, or {@link #MAX_AGE_DAYS} when there is none. */
  static long zeroAge(Decay decay) {
    if (decay.factor(MAX_AGE_DAYS) != 0.0) {
      return MAX_AGE_DAYS;
    }
    long lo = 0; // factor(lo) > 0
    long hi = MAX_AGE_DAYS; // factor(hi) == 0
    if (decay.factor(0) == 0.0) {
      return 0;
    }
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (decay.factor(mid) == 0.0) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  private static String unused(String base, Set<String> taken) {
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  /** Candidate values for one attribute given the conditions on it. */
  static List<Object> candidateValues(List<Condition> conditions) {
    return Candidates.values(conditions);
  }
}
