package dev.scoring.core.analysis;

import dev.scoring.core.AttributeRule;
import dev.scoring.core.Condition;
import dev.scoring.core.ScoringTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reachable extremes of {@code fit}: an optimisation over consistent attribute values.
 *
 * <p>Per attribute, the candidate values of the {@link Vocabulary} (plus absent) fall into
 * classes by which of the attribute's conditions they match; every value of the attribute
 * falls into one of them. Rules tie attributes together only through {@code and}, so the
 * attributes split into independent groups; each group's class combinations are enumerated
 * (exact), giving (demographic sum, negative sum) pairs, and the groups are combined keeping
 * only the pairs that can still be best under the demographic cap ({@link Front}). A group
 * with more than {@link #COMBINATION_BUDGET} combinations is bounded rule by rule instead,
 * and the result is then marked inexact.
 */
final class FitAnalysis {
  static final long COMBINATION_BUDGET = 1_000_000L;

  final List<AttributeRule> rules;
  final int demographicCount;
  final List<String> attributes = new ArrayList<>();
  /** Per attribute: one representative value per class; null (absent) first. */
  final Map<String, List<Object>> classes = new LinkedHashMap<>();
  /** Per rule: per attribute it names, which classes satisfy all its conditions on it. */
  final List<Map<String, boolean[]>> satisfied = new ArrayList<>();
  final boolean[] canFire;
  final Front<Map<String, Object>> max;
  final Front<Map<String, Object>> min;
  final double cap;
  boolean exact = true;

  FitAnalysis(ScoringTable table, Vocabulary vocabulary) {
    rules = Vocabulary.attributeRules(table);
    demographicCount = table.demographic().size();
    cap = table.demographicCap().orElse(Double.POSITIVE_INFINITY);
    boolean pareto = table.demographicCap().isPresent();
    Map<String, List<Condition>> conditions = Vocabulary.conditionsByAttribute(table);
    conditions.forEach((name, cs) -> {
      attributes.add(name);
      List<Object> candidates = new ArrayList<>();
      candidates.add(null);
      candidates.addAll(vocabulary.attributeValues().get(name));
      Set<String> seen = new HashSet<>();
      List<Object> reps = new ArrayList<>();
      for (Object v : candidates) {
        StringBuilder signature = new StringBuilder(cs.size());
        for (Condition c : cs) {
          signature.append(c.matches(v) ? '1' : '0');
        }
        if (seen.add(signature.toString())) {
          reps.add(v);
        }
      }
      classes.put(name, reps);
    });
    canFire = new boolean[rules.size()];
    for (int r = 0; r < rules.size(); r++) {
      Map<String, boolean[]> ok = new LinkedHashMap<>();
      boolean fires = true;
      for (Condition c : rules.get(r).conditions()) {
        List<Object> reps = classes.get(c.attribute());
        boolean[] mask = ok.computeIfAbsent(c.attribute(), k -> filled(reps.size()));
        for (int i = 0; i < reps.size(); i++) {
          mask[i] &= c.matches(reps.get(i));
        }
      }
      for (boolean[] mask : ok.values()) {
        fires &= any(mask);
      }
      satisfied.add(ok);
      canFire[r] = fires;
    }

    // Independent groups of attributes: union-find over the attributes of each rule.
    int[] parent = new int[attributes.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (AttributeRule rule : rules) {
      int first = -1;
      for (Condition c : rule.conditions()) {
        int a = attributes.indexOf(c.attribute());
        if (first < 0) {
          first = a;
        } else {
          parent[find(parent, a)] = find(parent, first);
        }
      }
    }
    Map<Integer, List<String>> groups = new LinkedHashMap<>();
    for (int a = 0; a < attributes.size(); a++) {
      groups.computeIfAbsent(find(parent, a), k -> new ArrayList<>()).add(attributes.get(a));
    }

    Front<Map<String, Object>> hi = new Front<>(true, pareto);
    Front<Map<String, Object>> lo = new Front<>(false, pareto);
    hi.add(0, 0, Map.of());
    lo.add(0, 0, Map.of());
    for (List<String> group : groups.values()) {
      List<Integer> groupRules = new ArrayList<>();
      for (int r = 0; r < rules.size(); r++) {
        if (group.contains(rules.get(r).conditions().get(0).attribute())) {
          groupRules.add(r);
        }
      }
      Front<Map<String, Object>> gHi = new Front<>(true, pareto);
      Front<Map<String, Object>> gLo = new Front<>(false, pareto);
      if (!enumerate(group, groupRules, gHi, gLo)) {
        exact = false;
        boundRuleByRule(groupRules, gHi, gLo);
      }
      hi = combine(hi, gHi);
      lo = combine(lo, gLo);
    }
    max = hi;
    min = lo;
  }

  private boolean enumerate(List<String> group, List<Integer> groupRules,
      Front<Map<String, Object>> hi, Front<Map<String, Object>> lo) {
    int n = group.size();
    int[] radix = new int[n];
    long combinations = 1;
    for (int i = 0; i < n; i++) {
      radix[i] = classes.get(group.get(i)).size();
      combinations *= radix[i];
      if (combinations > COMBINATION_BUDGET) {
        return false;
      }
    }
    int[] digit = new int[n];
    for (long step = 0; step < combinations; step++) {
      double demographic = 0;
      double negative = 0;
      for (int r : groupRules) {
        if (!canFire[r]) {
          continue;
        }
        boolean fires = true;
        for (Map.Entry<String, boolean[]> e : satisfied.get(r).entrySet()) {
          if (!e.getValue()[digit[group.indexOf(e.getKey())]]) {
            fires = false;
            break;
          }
        }
        if (fires) {
          if (r < demographicCount) {
            demographic += rules.get(r).points();
          } else {
            negative += rules.get(r).points();
          }
        }
      }
      Map<String, Object> assignment = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        Object v = classes.get(group.get(i)).get(digit[i]);
        if (v != null) {
          assignment.put(group.get(i), v);
        }
      }
      hi.add(demographic, negative, assignment);
      lo.add(demographic, negative, assignment);
      for (int i = 0; i < n; i++) {
        if (++digit[i] < radix[i]) {
          break;
        }
        digit[i] = 0;
      }
    }
    return true;
  }

  /** Sound bounds for a group too large to enumerate: each rule on its own. */
  private void boundRuleByRule(List<Integer> groupRules, Front<Map<String, Object>> hi,
      Front<Map<String, Object>> lo) {
    double hiDemographic = 0;
    double loDemographic = 0;
    double loNegative = 0;
    for (int r : groupRules) {
      if (!canFire[r]) {
        continue;
      }
      double p = rules.get(r).points();
      if (r < demographicCount) {
        hiDemographic += Math.max(p, 0);
        loDemographic += Math.min(p, 0);
      } else {
        loNegative += p;
      }
    }
    hi.add(hiDemographic, 0, null);
    lo.add(loDemographic, loNegative, null);
  }

  private static Front<Map<String, Object>> combine(Front<Map<String, Object>> a,
      Front<Map<String, Object>> b) {
    Front<Map<String, Object>> out = a.emptyCopy();
    for (Front.Entry<Map<String, Object>> x : a.entries()) {
      for (Front.Entry<Map<String, Object>> y : b.entries()) {
        Map<String, Object> merged = null;
        if (x.origin() != null && y.origin() != null) {
          merged = new LinkedHashMap<>(x.origin());
          merged.putAll(y.origin());
        }
        out.add(x.first() + y.first(), x.second() + y.second(), merged);
      }
    }
    return out;
  }

  /** Whether whenever rule {@code a} fires, rule {@code b} fires too (a must be able to). */
  boolean implies(int a, int b) {
    if (!canFire[a]) {
      return false;
    }
    for (Map.Entry<String, boolean[]> e : satisfied.get(b).entrySet()) {
      boolean[] okA = satisfied.get(a).get(e.getKey());
      boolean[] okB = e.getValue();
      for (int i = 0; i < okB.length; i++) {
        boolean aAllows = okA == null || okA[i];
        if (aAllows && !okB[i]) {
          return false;
        }
      }
    }
    return true;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static boolean[] filled(int n) {
    boolean[] b = new boolean[n];
    java.util.Arrays.fill(b, true);
    return b;
  }

  private static boolean any(boolean[] b) {
    for (boolean x : b) {
      if (x) {
        return true;
      }
    }
    return false;
  }
}
