package dev.scoring.core.analysis;

import dev.scoring.core.Decay;
import dev.scoring.core.EventRule;
import dev.scoring.core.InactivityRule;
import dev.scoring.core.Rule;
import dev.scoring.core.ScoringTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reachable extremes of {@code engagement}, and the best engagement with a given number
 * of events.
 *
 * <p>An event is described by its type, its age in whole days and which {@code minValue}
 * thresholds its value passes. Only the candidate ages of the {@link Vocabulary} are needed:
 * between two consecutive edges which rules match does not change and the decay factor is
 * monotone, and a score is linear in each event's factor once the counted events are fixed,
 * so an optimum puts every event at an end of its interval.
 *
 * <p>Event types are independent except through the behavioral cap (kept exact by
 * {@link Front}) and inactivity, which depends on the most recent event of a behavioral
 * type. So the analysis tries each inactivity case (the last activity lies in
 * {@code [d_i, d_i+1)}, or is old enough for every inactivity rule, or absent): all events of
 * behavioral types must then be at least {@code d_i} days old, and one of them younger than
 * {@code d_i+1}. Per type, a dynamic programme appends events from the most recent to the
 * oldest, its state counting the events each rule with {@code maxOccurrences} has taken;
 * the types are then combined by number of events.
 *
 * <p>With {@code n} events at most, the result is exact; the extremes need at most
 * {@code (sum of maxOccurrences) + 1} events, plus, under a behavioral cap, enough events of
 * the rules without {@code maxOccurrences} to reach the cap. When that exceeds
 * {@link #EVENT_LIMIT}, or a type's state space exceeds {@link #STATE_BUDGET}, the extreme
 * is replaced by a rule-by-rule bound and marked inexact.
 */
final class EngagementAnalysis {
  /** The most events the dynamic programme considers per contact. */
  static final int EVENT_LIMIT = 64;
  static final long STATE_BUDGET = 2_000_000L;

  /** One event of a witness: type, age, value (NaN for none), rank within its type. */
  record Ev(String type, long age, double value, int rank) {}

  /** A persistent collection of events (cheap to extend and to join). */
  record Events(Ev ev, Events rest, Events other) {
    static Events of(Ev ev, Events rest) {
      return new Events(ev, rest, null);
    }

    static Events join(Events a, Events b) {
      if (a == null) {
        return b;
      }
      if (b == null) {
        return a;
      }
      return new Events(null, a, b);
    }

    List<Ev> toList() {
      List<Ev> out = new ArrayList<>();
      collect(this, out);
      return out;
    }

    private static void collect(Events e, List<Ev> out) {
      while (e != null) {
        if (e.ev != null) {
          out.add(e.ev);
        }
        if (e.other != null) {
          collect(e.other, out);
        }
        e = e.rest;
      }
    }
  }

  /** One inactivity case: activity events at least {@code minAge} old, the last below. */
  record Case(long minAge, long below, boolean needActivity, double inactivity) {}

  final ScoringTable table;
  final List<Long> ages;
  final List<EventRule> rules;
  final int behavioralCount;
  final double cap;
  final boolean pareto;
  final List<String> types = new ArrayList<>();
  final List<String> activity;
  final List<Case> cases = new ArrayList<>();
  final double inactivityTotal;

  boolean maxUnbounded;
  boolean minUnbounded;
  final LinkedHashSet<String> maxUnboundedBy = new LinkedHashSet<>();
  final LinkedHashSet<String> minUnboundedBy = new LinkedHashSet<>();
  /** Per event rule: the largest factor over the ages it matches. */
  final double[] maxFactor;
  /** Best pairs (behavioral, negative + inactivity) over any number of events. */
  Front<Events> maxFront;
  Front<Events> minFront;
  /** Per number of events k: best pairs for the maximum, for tiers. */
  Front<Events>[] byCountMax;
  boolean maxExact;
  boolean minExact;

  EngagementAnalysis(ScoringTable table, Vocabulary vocabulary) {
    this.table = table;
    this.ages = vocabulary.ages();
    this.rules = Vocabulary.eventRules(table);
    this.behavioralCount = table.behavioral().size();
    this.cap = table.behavioralCap().orElse(Double.POSITIVE_INFINITY);
    this.pareto = table.behavioralCap().isPresent();
    this.activity = vocabulary.activityTypes();
    types.addAll(vocabulary.eventTypes());

    maxFactor = new double[rules.size()];
    for (int r = 0; r < rules.size(); r++) {
      for (long age : ages) {
        if (age < within(rules.get(r))) {
          maxFactor[r] = Math.max(maxFactor[r], factor(rules.get(r), age));
        }
      }
    }

    // Inactivity cases.
    TreeMap<Long, Double> thresholds = new TreeMap<>();
    double total = 0;
    for (Rule r : table.negative()) {
      if (r instanceof InactivityRule i) {
        thresholds.merge((long) i.inactiveDays(), i.points(), Double::sum);
        total += i.points();
      }
    }
    inactivityTotal = total;
    if (thresholds.isEmpty()) {
      cases.add(new Case(0, Long.MAX_VALUE, false, 0));
    } else {
      long from = 0;
      double fired = 0;
      for (Map.Entry<Long, Double> t : thresholds.entrySet()) {
        cases.add(new Case(from, t.getKey(), true, fired));
        from = t.getKey();
        fired += t.getValue();
      }
      cases.add(new Case(from, Long.MAX_VALUE, false, fired));
    }

    slopes();
  }

  static long within(EventRule r) {
    return r.match().withinDays().isPresent() ? r.match().withinDays().getAsInt()
        : Long.MAX_VALUE;
  }

  double factor(EventRule r, long age) {
    return r.decays() && !(table.decay() instanceof Decay.None)
        ? table.decay().factor(age) : 1.0;
  }

  /** Value classes of a type: no value, then each distinct minValue ascending. */
  List<Double> valueClasses(String type) {
    TreeSet<Double> thresholds = new TreeSet<>();
    for (EventRule r : rules) {
      if (r.match().event().equals(type)) {
        r.match().minValue().ifPresent(thresholds::add);
      }
    }
    List<Double> out = new ArrayList<>();
    out.add(Double.NaN);
    out.addAll(thresholds);
    return out;
  }

  static boolean matches(EventRule r, long age, double value) {
    if (age >= within(r)) {
      return false;
    }
    return r.match().minValue().isEmpty()
        || (!Double.isNaN(value) && value >= r.match().minValue().getAsDouble());
  }

  /** Detects unbounded extremes: many events of one kind through rules without a limit. */
  private void slopes() {
    for (String type : types) {
      for (long age : ages) {
        for (double value : valueClasses(type)) {
          double sb = 0;
          double sn = 0;
          for (int r = 0; r < rules.size(); r++) {
            EventRule rule = rules.get(r);
            if (!rule.match().event().equals(type) || rule.match().maxOccurrences().isPresent()
                || !matches(rule, age, value)) {
              continue;
            }
            double c = rule.points() * factor(rule, age);
            if (r < behavioralCount) {
              sb += c;
            } else {
              sn += c;
            }
          }
          boolean up = !pareto && sb + sn > 0;
          boolean down = pareto ? (sb < 0 || sn < 0) : sb + sn < 0;
          for (int r = 0; r < rules.size(); r++) {
            EventRule rule = rules.get(r);
            if (!rule.match().event().equals(type) || rule.match().maxOccurrences().isPresent()
                || !matches(rule, age, value)) {
              continue;
            }
            double c = rule.points() * factor(rule, age);
            if (up && c > 0) {
              maxUnboundedBy.add(rule.id());
            }
            if (down && c < 0) {
              minUnboundedBy.add(rule.id());
            }
          }
          maxUnbounded |= up;
          minUnbounded |= down;
        }
      }
    }
  }

  /** Runs the programme in both directions. */
  void run() {
    double lowest = 0; // the lowest behavioral sum rules with maxOccurrences can reach
    for (int r = 0; r < behavioralCount; r++) {
      EventRule rule = rules.get(r);
      if (rule.match().maxOccurrences().isPresent()) {
        lowest += Math.min(0, rule.points() * maxFactor[r])
            * rule.match().maxOccurrences().getAsInt();
      }
    }
    Map<String, Integer> maxK = new HashMap<>();
    Map<String, Integer> minK = new HashMap<>();
    maxExact = true;
    minExact = true;
    for (String type : types) {
      long capped = 0;
      for (EventRule r : rules) {
        if (r.match().event().equals(type) && r.match().maxOccurrences().isPresent()) {
          capped += r.match().maxOccurrences().getAsInt();
        }
      }
      // An optimum needs the events rules with maxOccurrences count, one more to be the
      // latest activity, and, under a behavioral cap, enough events of rules without
      // maxOccurrences to lift the behavioral sum to the cap.
      long needed = capped + 1;
      long neededMax = needed;
      if (pareto) {
        double weakest = weakestLift(type);
        if (weakest < Double.POSITIVE_INFINITY) {
          double lifts = Math.ceil((cap - lowest) / weakest) + 1;
          neededMax = lifts > EVENT_LIMIT ? Long.MAX_VALUE : needed + (long) lifts;
        }
      }
      maxExact &= neededMax <= EVENT_LIMIT;
      minExact &= needed <= EVENT_LIMIT;
      maxK.put(type, (int) Math.min(neededMax, EVENT_LIMIT));
      minK.put(type, (int) Math.min(needed, EVENT_LIMIT));
    }
    // Under a behavioral cap, engagement is concave in each event's decay factor (min(B, cap)
    // + N with B and N linear in it), so its maximum may lie strictly inside an age interval,
    // at the age where B reaches the cap, when a decaying rule with negative points counts the
    // event: the candidate ages miss such a point. The minimum of a concave function stays at
    // an end of the interval, so only the maximum becomes a bound then.
    if (pareto && continuousDecay() && decayingNegativeRule()) {
      maxExact = false;
    }
    maxExact |= maxUnbounded;
    minExact |= minUnbounded;
    if (!maxUnbounded) {
      try {
        maxFront = extreme(true, maxK);
      } catch (TooLarge e) {
        maxExact = false;
      }
    }
    if (!minUnbounded) {
      try {
        minFront = extreme(false, minK);
      } catch (TooLarge e) {
        minExact = false;
      }
    }
    computeMax(8);
  }

  /** Whether the decay factor varies inside an interval of ages (half-life or linear). */
  private boolean continuousDecay() {
    return table.decay() instanceof Decay.HalfLife || table.decay() instanceof Decay.Linear;
  }

  /** Whether some decaying event rule has negative points. */
  private boolean decayingNegativeRule() {
    for (EventRule r : rules) {
      if (r.decays() && r.points() < 0) {
        return true;
      }
    }
    return false;
  }

  /** The smallest positive behavioral gain of one event of a type through rules without a limit. */
  private double weakestLift(String type) {
    double weakest = Double.POSITIVE_INFINITY;
    for (long age : ages) {
      for (double value : valueClasses(type)) {
        double sb = 0;
        for (int r = 0; r < behavioralCount; r++) {
          EventRule rule = rules.get(r);
          if (rule.match().event().equals(type) && rule.match().maxOccurrences().isEmpty()
              && matches(rule, age, value)) {
            sb += rule.points() * factor(rule, age);
          }
        }
        if (sb > 0) {
          weakest = Math.min(weakest, sb);
        }
      }
    }
    return weakest;
  }

  /**
   * The best pairs over any number of events (up to {@code events.get(type)} per type):
   * like {@link #byCount} without counting events.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Front<Events> extreme(boolean maximise, Map<String, Integer> events) throws TooLarge {
    Front<Events> result = new Front<>(maximise, pareto);
    Map<String, Front<Events>[]> free = new HashMap<>();
    for (String type : types) {
      if (!activity.contains(type)) {
        free.put(type, collapse(perType(type, 0, Long.MAX_VALUE, false, maximise,
            events.get(type))));
      }
    }
    for (Case c : cases) {
      Front<Events>[] comb = new Front[] {new Front<>(maximise, pareto),
          new Front<>(maximise, pareto)};
      comb[0].add(0, 0, null);
      for (String type : types) {
        Front<Events>[] table = activity.contains(type)
            ? collapse(perType(type, c.minAge(), c.below(), c.needActivity(), maximise,
                events.get(type)))
            : free.get(type);
        Front<Events>[] next = new Front[] {new Front<>(maximise, pareto),
            new Front<>(maximise, pareto)};
        for (int f1 = 0; f1 < 2; f1++) {
          for (int f2 = 0; f2 < 2; f2++) {
            for (Front.Entry<Events> x : comb[f1].entries()) {
              for (Front.Entry<Events> y : table[f2].entries()) {
                next[f1 | f2].add(x.first() + y.first(), x.second() + y.second(),
                    Events.join(x.origin(), y.origin()));
              }
            }
          }
        }
        comb = next;
      }
      for (int f = c.needActivity() ? 1 : 0; f < 2; f++) {
        for (Front.Entry<Events> e : comb[f].entries()) {
          result.add(e.first(), e.second() + c.inactivity(), e.origin());
        }
      }
    }
    return result;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Front<Events>[] collapse(Front<Events>[][] byCount) {
    Front<Events>[] out = new Front[] {byCount[0][0].emptyCopy(), byCount[0][0].emptyCopy()};
    for (Front<Events>[] k : byCount) {
      out[0].addAll(k[0]);
      out[1].addAll(k[1]);
    }
    return out;
  }

  /**
   * (Re)computes the best pairs by number of events for the maximum, up to {@code kMax}
   * events (at most {@link #EVENT_LIMIT}); a larger {@code kMax} than before extends them.
   */
  void computeMax(int kMax) {
    int k = Math.min(kMax, EVENT_LIMIT);
    if (byCountMax != null && byCountMax.length > k) {
      return;
    }
    try {
      byCountMax = byCount(true, k);
    } catch (TooLarge e) {
      byCountMax = null;
    }
  }

  /** Whether the maximum has been searched up to {@link #EVENT_LIMIT} events. */
  boolean maxComplete() {
    return byCountMax == null || byCountMax.length > EVENT_LIMIT;
  }

  /** Thrown when a type's state space is over budget. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("state space over budget", null, false, false);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Front<Events>[] byCount(boolean maximise, int kMax) throws TooLarge {
    Front<Events>[] result = new Front[kMax + 1];
    for (int k = 0; k <= kMax; k++) {
      result[k] = new Front<>(maximise, pareto);
    }
    Map<String, Front<Events>[][]> free = new HashMap<>();
    for (String type : types) {
      if (!activity.contains(type)) {
        free.put(type, perType(type, 0, Long.MAX_VALUE, false, maximise, kMax));
      }
    }
    for (Case c : cases) {
      Front<Events>[][] comb = new Front[kMax + 1][2];
      for (int k = 0; k <= kMax; k++) {
        comb[k][0] = new Front<>(maximise, pareto);
        comb[k][1] = new Front<>(maximise, pareto);
      }
      comb[0][0].add(0, 0, null);
      for (String type : types) {
        boolean isActivity = activity.contains(type);
        Front<Events>[][] table = isActivity
            ? perType(type, c.minAge(), c.below(), c.needActivity(), maximise, kMax)
            : free.get(type);
        Front<Events>[][] next = new Front[kMax + 1][2];
        for (int k = 0; k <= kMax; k++) {
          next[k][0] = new Front<>(maximise, pareto);
          next[k][1] = new Front<>(maximise, pareto);
        }
        for (int k1 = 0; k1 <= kMax; k1++) {
          for (int f1 = 0; f1 < 2; f1++) {
            if (comb[k1][f1].isEmpty()) {
              continue;
            }
            for (int k2 = 0; k1 + k2 <= kMax; k2++) {
              for (int f2 = 0; f2 < 2; f2++) {
                if (table[k2][f2].isEmpty()) {
                  continue;
                }
                Front<Events> into = next[k1 + k2][f1 | f2];
                for (Front.Entry<Events> x : comb[k1][f1].entries()) {
                  for (Front.Entry<Events> y : table[k2][f2].entries()) {
                    into.add(x.first() + y.first(), x.second() + y.second(),
                        Events.join(x.origin(), y.origin()));
                  }
                }
              }
            }
          }
        }
        comb = next;
      }
      for (int k = 0; k <= kMax; k++) {
        for (int f = c.needActivity() ? 1 : 0; f < 2; f++) {
          for (Front.Entry<Events> e : comb[k][f].entries()) {
            result[k].add(e.first(), e.second() + c.inactivity(), e.origin());
          }
        }
      }
    }
    return result;
  }

  /**
   * The best pairs for one event type, by number of events: {@code [k][0]} any sequence,
   * {@code [k][1]} sequences whose most recent event is younger than {@code below} (only
   * when {@code track}). Events are at least {@code minAge} days old.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Front<Events>[][] perType(String type, long minAge, long below, boolean track,
      boolean maximise, int kMax) throws TooLarge {
    List<Integer> typeRules = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      if (rules.get(r).match().event().equals(type)) {
        typeRules.add(r);
      }
    }
    List<Integer> cappedRules = new ArrayList<>();
    for (int r : typeRules) {
      if (rules.get(r).match().maxOccurrences().isPresent()) {
        cappedRules.add(r);
      }
    }
    int nc = cappedRules.size();
    int[] limit = new int[nc];
    long[] weight = new long[nc];
    long space = 1;
    for (int j = 0; j < nc; j++) {
      limit[j] = Math.min(rules.get(cappedRules.get(j)).match().maxOccurrences().getAsInt(),
          kMax);
      weight[j] = space;
      space *= limit[j] + 1;
      if (space > STATE_BUDGET) {
        throw new TooLarge();
      }
    }
    int firstAge = 0;
    while (firstAge < ages.size() && ages.get(firstAge) < minAge) {
      firstAge++;
    }
    int nAges = ages.size();
    if (space * (nAges + 1) * 2 > STATE_BUDGET) {
      throw new TooLarge();
    }
    List<Double> values = valueClasses(type);
    int nv = values.size();
    // Per kind (age index, value class): contributions.
    boolean[][][] cappedMatch = new boolean[nAges][nv][nc];
    double[][][] cappedGain = new double[nAges][nv][nc];
    boolean[][][] cappedBehavioral = new boolean[nAges][nv][nc];
    double[][] freeB = new double[nAges][nv];
    double[][] freeN = new double[nAges][nv];
    for (int a = firstAge; a < nAges; a++) {
      long age = ages.get(a);
      for (int v = 0; v < nv; v++) {
        double value = values.get(v);
        for (int r : typeRules) {
          EventRule rule = rules.get(r);
          if (!matches(rule, age, value)) {
            continue;
          }
          double c = rule.points() * factor(rule, age);
          int j = cappedRules.indexOf(r);
          if (j >= 0) {
            cappedMatch[a][v][j] = true;
            cappedGain[a][v][j] = c;
            cappedBehavioral[a][v][j] = r < behavioralCount;
          } else if (r < behavioralCount) {
            freeB[a][v] += c;
          } else {
            freeN[a][v] += c;
          }
        }
      }
    }

    Front<Events>[][] out = new Front[kMax + 1][2];
    for (int k = 0; k <= kMax; k++) {
      out[k][0] = new Front<>(maximise, pareto);
      out[k][1] = new Front<>(maximise, pareto);
    }
    out[0][0].add(0, 0, null);
    // State: counts code, last age index (nAges = none yet), flag.
    Map<Long, Front<Events>> layer = new HashMap<>();
    Front<Events> start = new Front<>(maximise, pareto);
    start.add(0, 0, null);
    layer.put(key(0, nAges, 0, nAges), start);
    for (int k = 1; k <= kMax && !layer.isEmpty(); k++) {
      Map<Long, Front<Events>> next = new HashMap<>();
      for (Map.Entry<Long, Front<Events>> s : layer.entrySet()) {
        long code = s.getKey();
        int flag = (int) (code & 1);
        int last = (int) ((code >>> 1) % (nAges + 1));
        long counts = (code >>> 1) / (nAges + 1);
        boolean empty = last == nAges;
        for (int a = empty ? firstAge : last; a < nAges; a++) {
          long age = ages.get(a);
          int newFlag = empty ? (track && age < below ? 1 : 0) : flag;
          for (int v = 0; v < nv; v++) {
            double db = freeB[a][v];
            double dn = freeN[a][v];
            long newCounts = counts;
            for (int j = 0; j < nc; j++) {
              if (cappedMatch[a][v][j] && (counts / weight[j]) % (limit[j] + 1) < limit[j]) {
                newCounts += weight[j];
                if (cappedBehavioral[a][v][j]) {
                  db += cappedGain[a][v][j];
                } else {
                  dn += cappedGain[a][v][j];
                }
              }
            }
            long nextKey = key(newCounts, a, newFlag, nAges);
            Front<Events> into = next.get(nextKey);
            if (into == null) {
              into = new Front<>(maximise, pareto);
              next.put(nextKey, into);
            }
            double value = values.get(v);
            for (Front.Entry<Events> e : s.getValue().entries()) {
              into.add(e.first() + db, e.second() + dn,
                  Events.of(new Ev(type, age, value, k - 1), e.origin()));
            }
          }
        }
      }
      for (Map.Entry<Long, Front<Events>> s : next.entrySet()) {
        int flag = (int) (s.getKey() & 1);
        out[k][0].addAll(s.getValue());
        if (flag == 1) {
          out[k][1].addAll(s.getValue());
        }
      }
      layer = next;
    }
    return out;
  }

  private static long key(long counts, int lastAge, int flag, int nAges) {
    return ((counts * (nAges + 1) + lastAge) << 1) | flag;
  }

  /** The best engagement with at most k events, per k (exclusive of unbounded cases). */
  double[] bestUpTo(Front<Events>[] byCount, boolean maximise) {
    double[] best = new double[byCount.length];
    double running = maximise ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (int k = 0; k < byCount.length; k++) {
      Front.Entry<Events> e = byCount[k].best(cap);
      if (e != null) {
        double v = Math.min(e.first(), cap) + e.second();
        running = maximise ? Math.max(running, v) : Math.min(running, v);
      }
      best[k] = running;
    }
    return best;
  }

  /** The best entry over all k up to {@code kMax}, or null. */
  Front.Entry<Events> bestOverall(Front<Events>[] byCount, boolean maximise, int kMax) {
    Front.Entry<Events> best = null;
    double bestValue = 0;
    for (int k = 0; k <= Math.min(kMax, byCount.length - 1); k++) {
      Front.Entry<Events> e = byCount[k].best(cap);
      if (e == null) {
        continue;
      }
      double v = Math.min(e.first(), cap) + e.second();
      if (best == null || (maximise ? v > bestValue : v < bestValue)) {
        best = e;
        bestValue = v;
      }
    }
    return best;
  }

  /** Sound rule-by-rule bound: {@code [min, max]} of engagement, ignoring interactions. */
  double[] independentBounds() {
    double hiB = 0;
    double loB = 0;
    double loN = inactivityTotal;
    for (int r = 0; r < rules.size(); r++) {
      EventRule rule = rules.get(r);
      double n = rule.match().maxOccurrences().isPresent()
          ? rule.match().maxOccurrences().getAsInt() : Double.POSITIVE_INFINITY;
      double best = maxFactor[r] == 0 ? 0 : rule.points() * maxFactor[r] * n;
      if (r < behavioralCount) {
        if (best > 0) {
          hiB += best;
        } else {
          loB += best;
        }
      } else {
        loN += best;
      }
    }
    return new double[] {Math.min(loB, cap) + loN, Math.min(hiB, cap)};
  }
}
