package dev.scoring.core;

import dev.scoring.api.ModelException;
import dev.scoring.api.Values;
import dev.scoring.core.internal.Candidates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The builder's fail-fast checks on single rules: an attribute rule must be able to fire and
 * a decaying event rule must be able to add points. These are the per-rule findings of the
 * static analysis ({@code NEVER_FIRES}, {@code NEVER_COUNTS}) decided on the rule alone, so
 * they cost time linear in the table (quadratic only in the conditions one rule puts on one
 * attribute).
 *
 * <p>Stateless; thread-safe.
 */
final class Feasibility {
  private Feasibility() {}

  /**
   * Refuses an attribute rule whose conditions cannot all hold. Conditions on different
   * attributes are independent, and one condition alone can always hold, so only attributes
   * with two or more conditions are checked: against {@link Candidates}, which include a
   * satisfying value whenever one exists.
   */
  static void requireCanFire(String path, AttributeRule rule) {
    List<Condition> conditions = rule.conditions();
    if (conditions.size() < 2) {
      return;
    }
    Map<String, List<Condition>> byAttribute = new LinkedHashMap<>();
    for (Condition c : conditions) {
      byAttribute.computeIfAbsent(c.attribute(), k -> new ArrayList<>(2)).add(c);
    }
    for (List<Condition> on : byAttribute.values()) {
      if (on.size() < 2 || canHold(on)) {
        continue;
      }
      throw new ModelException(path, path + " must be able to fire, but its conditions on "
          + Values.describe(on.get(0).attribute()) + " cannot all hold: "
          + on.stream().map(Feasibility::describe).collect(Collectors.joining(", ")));
    }
  }

  private static boolean canHold(List<Condition> on) {
    List<CompiledCondition> compiled = new ArrayList<>(on.size());
    for (Condition c : on) {
      compiled.add(new CompiledCondition(c));
    }
    List<Object> candidates = new ArrayList<>();
    candidates.add(null);
    candidates.addAll(Candidates.values(on));
    for (Object v : candidates) {
      boolean all = true;
      for (int k = 0; all && k < compiled.size(); k++) {
        all = compiled.get(k).matches(v);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /**
   * Refuses a decaying event rule whose decay factor is 0 at every whole-day age it can
   * match ({@code 0 <= age < withinDays}). Only a step decay can do that.
   */
  static void requireCanCount(String path, EventRule rule, Decay decay) {
    if (!rule.decays() || !(decay instanceof Decay.Steps steps)) {
      return;
    }
    long within = rule.match().withinDays().isPresent()
        ? rule.match().withinDays().getAsInt() : Long.MAX_VALUE;
    double from = 0;
    for (Decay.Step s : steps.steps()) {
      double lowest = Math.ceil(from); // the lowest whole-day age this step covers
      if (lowest >= within) {
        break;
      }
      if (s.factor() > 0 && lowest < s.belowDays()) {
        return;
      }
      from = s.belowDays();
    }
    throw new ModelException(path, path + " must be able to add points, but the decay factor"
        + " is 0 at every age it matches"
        + (within == Long.MAX_VALUE ? "" : " (below " + within + " days)"));
  }

  /** A condition as in messages: {@code age atLeast 50}, {@code sector in ["a", "b"]}. */
  static String describe(Condition c) {
    List<Object> ops = c.operands();
    String operand = c.operator() == Condition.Operator.IN
        || c.operator() == Condition.Operator.BETWEEN
        ? ops.stream().map(Values::describe).collect(Collectors.joining(", ", "[", "]"))
        : Values.describe(ops.get(0));
    return c.attribute() + " " + c.operator().jsonName() + " " + operand
        + (c.ignoreCase() ? " (ignoring case)" : "");
  }
}
