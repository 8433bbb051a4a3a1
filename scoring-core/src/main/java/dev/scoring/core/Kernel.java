package dev.scoring.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled form of a {@link ScoringTable}: rules as flat arrays, conditions grouped by
 * attribute, event types resolved to small integers and decay factors tabulated per day.
 *
 * <p>Every way of scoring (object, columnar batch, live) feeds this one kernel, so they give
 * the same bits. Its inputs are the matched-condition bit set and a contact's events as
 * parallel arrays in chronological order; its outputs land in a {@link Scratch}. The
 * kernel allocates nothing. Immutable and thread-safe; a {@code Scratch} belongs to one
 * thread at a time.
 *
 * <p>Aggregate rules (SPEC section 9) ride on the same backward walk over the events. Each
 * rule owns a record of four longs in {@link Scratch#aggregateAcc} ({@code |E|}, distinct
 * days, the last and the first counted age; a {@code rate}'s denominator has a record of
 * its own), and each event type has slots (a rule and side that name the type) pointing at
 * records. Whether an event counts depends on the data, and so does its type: a branch on
 * either is mispredicted often enough to cost more than the counting itself. So, in a table
 * with aggregate rules, every event goes through its type's first slot (a no-op slot with
 * an empty window when no rule reads the type) and updates the record by arithmetic on a
 * 0/1 "counted" flag, not by branches: ages never decrease on the walk, so the first
 * counted age is the smallest and a new distinct day is an age unlike the previous counted
 * one. Types read by several rules have further slots. {@code sum} adds an exact
 * fixed-point addition in units of 1e-9 (see {@link #units}). {@link #finish} then turns
 * each rule's record into its value and adds its points, after the event rules of its
 * section: a constant cost per aggregate rule and contact, plus clearing the records per
 * contact. A table without aggregate rules skips all of it. Nothing is allocated unless a
 * summed value lies outside the fixed-point range (beyond 9e6 in magnitude or with more
 * than 9 decimals), where the sum falls back to {@link BigDecimal}.
 *
 * <p>The common table has no aggregate rules and one rule per scored event type that counts
 * every event of it (no window, cap or minimum): for it the columnar path runs a shorter
 * loop ({@code BatchScorer.runPlain} with {@link #addPlain} and {@link #finishPlain}) that
 * does the same operations on doubles in the same order, so gives the same bits, and
 * leaves out what such a table cannot need: one packed int per event type gives the rule,
 * whether it is activity and where its factors start in {@link #decayTable} (decay factors,
 * then ones for rules that do not decay), so an event costs no branch on its type; events
 * of types no rule reads add to a spare sum ({@link #spareRule}) rather than being skipped
 * by a branch that the data would make unpredictable; no event counts are kept; and the
 * sums are cleared as {@link #finishPlain} reads them. Inactivity rules and tiers are
 * likewise computed without branches on the data. Aggregate rules that read no values ride
 * on that loop too: every event goes to its type's first slot (the no-op slot for a type
 * the model does not know) by {@link #countSlotPlain}, which leaves out the value. Measured in BENCHMARKS.md, "Kernel
 * against the fair hand-written loop (#15)".
 */
final class Kernel {
  /** Seconds in a day, the unit of event ages. */
  static final long DAY_SECONDS = 86_400L;
  private static final int DECAY_TABLE_DAYS = 4096;

  // ---- attributes and conditions
  final String[] attributeNames;
  final CompiledCondition[][] conditionsByAttribute;
  final int[][] conditionIdsByAttribute;
  final List<Condition> conditions;
  final int words;

  // ---- attribute rules: [0, demographicCount) demographic, then negative attribute rules
  final int demographicCount;
  final long[][] attributeMasks;
  /** When {@link #words} is 1: each attribute rule's mask, flat. */
  final long[] attributeMask1;
  final double[] attributePoints;

  // ---- event rules: [0, behavioralCount) behavioral, then negative event rules
  final int behavioralCount;
  final Map<String, Integer> typeIds;
  final String[] typeNames;
  final int[][] rulesByType;
  /**
   * Per event type, its only rule when that rule has no {@code withinDays},
   * {@code maxOccurrences} or {@code minValue} (so every event of the type counts), else -1.
   */
  final int[] plainRuleByType;
  final boolean[] activityType;
  final long[] withinDays;
  final int[] maxOccurrences;
  final boolean[] hasMinValue;
  final double[] minValue;
  final boolean[] decays;
  final double[] eventPoints;

  // ---- inactivity rules
  final long[] inactiveDays;
  final double[] inactivityPoints;

  // ---- negative section order for explanations: kind 0 attribute, 1 event, 2 inactivity,
  // 3 aggregate
  final int[] negativeKind;
  final int[] negativeIndex;

  // ---- aggregate rules (SPEC section 9): [0, behavioralAggregateCount) behavioral, then
  // negative aggregate rules; behavioral section order for explanations: kind 0 event rule,
  // 1 aggregate
  final int[] behavioralKind;
  final int[] behavioralIndex;
  final int behavioralAggregateCount;
  /** Per aggregate rule, its function: one of {@link #F_COUNT} .. {@link #F_MEAN_DAYS}. */
  final int[] aggregateFunction;
  final int[] aggregateMinCount;
  final Aggregate[] aggregates;
  /** Per aggregate rule, its operator: one of {@link #OP_AT_LEAST} .. {@link #OP_EQUALS}. */
  final int[] aggregateOperator;
  final double[] aggregateLo;
  final double[] aggregateHi;
  final double[] aggregatePoints;
  /**
   * Per aggregate rule, the record of its denominator ({@code rate}), else -1. Record
   * {@code a} is rule {@code a}'s counted side; denominators follow, one per rate.
   */
  final int[] aggregatePerRecord;
  /**
   * Accumulator records: one per aggregate rule, one per rate's denominator, and a last one
   * that the no-op slot writes to and nothing reads.
   */
  final int aggregateRecords;
  /** Whether the table has aggregate rules: the event walk feeds them only then. */
  final boolean hasAggregates;
  /** Whether an aggregate rule reads event values ({@code minValue} or {@code sum}). */
  final boolean aggregatesReadValues;
  /** The aggregate rules that sum values: only their fixed-point sums need clearing. */
  final int[] sumAggregates;
  /**
   * Per event type, its first aggregate slot (an index into the {@code slot} arrays), or
   * the no-op slot (slot 0: an empty window, so it never counts) for a type no aggregate
   * rule reads. Every event goes through its type's first slot, so whether a type is read
   * costs no branch.
   */
  final int[] firstSlotByType;
  /** Per event type, its further aggregate slots when it feeds several (rule, side) pairs. */
  final int[][] moreSlotsByType;
  /** Whether some event type has more than one slot. */
  final boolean hasMoreSlots;
  /** Per slot, the first index of its record in {@link Scratch#aggregateAcc}. */
  final int[] slotBase;
  /** Per slot, its rule's {@code withinDays}, {@link Long#MAX_VALUE} for none. */
  final long[] slotWithin;
  /** Per slot, 1 when any value passes (no {@code minValue}, or a denominator), else 0. */
  final long[] slotAnyValue;
  /** Per slot, its rule's {@code minValue} (read only when {@code slotAnyValue} is 0). */
  final double[] slotMinValue;
  /** Per slot, the rule whose values it sums (the counted side of a {@code sum}), else -1. */
  final int[] slotSum;

  // ---- decay, caps, scale, tiers
  final Decay decay;
  /**
   * The decay factor of each age below {@code DECAY_TABLE_DAYS}, then as many ones (the
   * factor of a rule that does not decay): see {@link #factorOffset}.
   */
  final double[] decayTable;
  final boolean hasDemographicCap;
  final double demographicCap;
  final boolean hasBehavioralCap;
  final double behavioralCap;
  final double scaleMin;
  final double scaleMax;
  final double[] tierAtLeast;
  final String[] tierNames;

  Kernel(ScoringTable t) {
    // Conditions: one id per distinct condition, grouped by attribute name.
    List<AttributeRule> attributeRules = new ArrayList<>(t.demographic());
    List<EventRule> eventRules = new ArrayList<>(t.behavioral());
    List<InactivityRule> inactivity = new ArrayList<>();
    List<AggregateRule> aggregateRules = new ArrayList<>();
    int behavioralSection = t.behavioralRules().size();
    behavioralKind = new int[behavioralSection];
    behavioralIndex = new int[behavioralSection];
    for (int i = 0, events = 0; i < behavioralSection; i++) {
      if (t.behavioralRules().get(i) instanceof AggregateRule a) {
        behavioralKind[i] = 1;
        behavioralIndex[i] = aggregateRules.size();
        aggregateRules.add(a);
      } else {
        behavioralIndex[i] = events++;
      }
    }
    behavioralAggregateCount = aggregateRules.size();
    List<AggregateRule> negativeAggregates = new ArrayList<>();
    int negatives = t.negative().size();
    negativeKind = new int[negatives];
    negativeIndex = new int[negatives];
    List<AttributeRule> negativeAttribute = new ArrayList<>();
    List<EventRule> negativeEvent = new ArrayList<>();
    for (int i = 0; i < negatives; i++) {
      Rule r = t.negative().get(i);
      if (r instanceof AttributeRule a) {
        negativeKind[i] = 0;
        negativeIndex[i] = t.demographic().size() + negativeAttribute.size();
        negativeAttribute.add(a);
      } else if (r instanceof EventRule e) {
        negativeKind[i] = 1;
        negativeIndex[i] = t.behavioral().size() + negativeEvent.size();
        negativeEvent.add(e);
      } else if (r instanceof AggregateRule a) {
        negativeKind[i] = 3;
        negativeIndex[i] = behavioralAggregateCount + negativeAggregates.size();
        negativeAggregates.add(a);
      } else {
        negativeKind[i] = 2;
        negativeIndex[i] = inactivity.size();
        inactivity.add((InactivityRule) r);
      }
    }
    attributeRules.addAll(negativeAttribute);
    eventRules.addAll(negativeEvent);
    aggregateRules.addAll(negativeAggregates);

    Map<Condition, Integer> conditionIds = new LinkedHashMap<>();
    Map<String, List<Condition>> byAttribute = new LinkedHashMap<>();
    for (AttributeRule r : attributeRules) {
      for (Condition c : r.conditions()) {
        if (!conditionIds.containsKey(c)) {
          conditionIds.put(c, conditionIds.size());
          byAttribute.computeIfAbsent(c.attribute(), k -> new ArrayList<>()).add(c);
        }
      }
    }
    conditions = List.copyOf(conditionIds.keySet());
    words = Math.max(1, (conditions.size() + 63) >>> 6);
    attributeNames = byAttribute.keySet().toArray(new String[0]);
    conditionsByAttribute = new CompiledCondition[attributeNames.length][];
    conditionIdsByAttribute = new int[attributeNames.length][];
    for (int a = 0; a < attributeNames.length; a++) {
      List<Condition> cs = byAttribute.get(attributeNames[a]);
      conditionsByAttribute[a] = new CompiledCondition[cs.size()];
      conditionIdsByAttribute[a] = new int[cs.size()];
      for (int k = 0; k < cs.size(); k++) {
        conditionsByAttribute[a][k] = new CompiledCondition(cs.get(k));
        conditionIdsByAttribute[a][k] = conditionIds.get(cs.get(k));
      }
    }
    demographicCount = t.demographic().size();
    attributeMasks = new long[attributeRules.size()][];
    attributePoints = new double[attributeRules.size()];
    for (int r = 0; r < attributeRules.size(); r++) {
      long[] mask = new long[words];
      for (Condition c : attributeRules.get(r).conditions()) {
        int id = conditionIds.get(c);
        mask[id >>> 6] |= 1L << id;
      }
      attributeMasks[r] = mask;
      attributePoints[r] = attributeRules.get(r).points();
    }

    // Event rules, dispatched by event type id.
    behavioralCount = t.behavioral().size();
    int n = eventRules.size();
    Map<String, Integer> ids = new HashMap<>();
    List<String> names = new ArrayList<>();
    List<List<Integer>> byType = new ArrayList<>();
    withinDays = new long[n];
    maxOccurrences = new int[n];
    hasMinValue = new boolean[n];
    minValue = new double[n];
    decays = new boolean[n];
    eventPoints = new double[n];
    for (int r = 0; r < n; r++) {
      EventRule rule = eventRules.get(r);
      EventMatch m = rule.match();
      Integer id = ids.get(m.event());
      if (id == null) {
        id = names.size();
        ids.put(m.event(), id);
        names.add(m.event());
        byType.add(new ArrayList<>());
      }
      byType.get(id).add(r);
      withinDays[r] = m.withinDays().isPresent() ? m.withinDays().getAsInt() : Long.MAX_VALUE;
      maxOccurrences[r] = m.maxOccurrences().orElse(Integer.MAX_VALUE);
      hasMinValue[r] = m.minValue().isPresent();
      minValue[r] = m.minValue().orElse(Double.NaN);
      decays[r] = rule.decays() && !(t.decay() instanceof Decay.None);
      eventPoints[r] = rule.points();
    }
    // Aggregate rules: their counted and denominator types get type ids after the event
    // rules' types.
    int aggregateCount = aggregateRules.size();
    aggregates = new Aggregate[aggregateCount];
    aggregateFunction = new int[aggregateCount];
    aggregateMinCount = new int[aggregateCount];
    aggregatePoints = new double[aggregateCount];
    aggregateOperator = new int[aggregateCount];
    aggregateLo = new double[aggregateCount];
    aggregateHi = new double[aggregateCount];
    aggregatePerRecord = new int[aggregateCount];
    List<List<Integer>> slotsByType = new ArrayList<>();
    for (int type = 0; type < names.size(); type++) {
      slotsByType.add(new ArrayList<>());
    }
    List<String> behavioralAggregateTypes = new ArrayList<>();
    List<Integer> sums = new ArrayList<>();
    // Slots: (record, within, minValue or none, summed rule or -1), numbered in order.
    List<long[]> slots = new ArrayList<>();
    List<Double> slotMinimums = new ArrayList<>();
    // Slot 0 is the no-op slot: a window of 0 days, so no event counts; its record follows
    // the others' and is never read.
    slots.add(null);
    slotMinimums.add(Double.NaN);
    boolean readsValues = false;
    int records = aggregateCount;
    for (int a = 0; a < aggregateCount; a++) {
      AggregateRule rule = aggregateRules.get(a);
      Aggregate.Measure m = rule.when().measure();
      aggregates[a] = rule.when();
      aggregateOperator[a] = switch (rule.when().operator()) {
        case AT_LEAST -> OP_AT_LEAST;
        case BELOW -> OP_BELOW;
        case BETWEEN -> OP_BETWEEN;
        case EQUALS -> OP_EQUALS;
      };
      aggregateLo[a] = rule.when().lo();
      aggregateHi[a] = rule.when().hi();
      aggregateFunction[a] = switch (m.function()) {
        case COUNT -> F_COUNT;
        case DISTINCT_DAYS -> F_DISTINCT_DAYS;
        case SUM -> F_SUM;
        case RATE -> F_RATE;
        case DAYS_SINCE_LAST -> F_DAYS_SINCE_LAST;
        case MEAN_DAYS_BETWEEN -> F_MEAN_DAYS;
      };
      aggregateMinCount[a] = m.minCount();
      aggregatePoints[a] = rule.points();
      boolean sum = m.function() == Aggregate.Function.SUM;
      if (sum) {
        sums.add(a);
      }
      readsValues |= sum || m.minValue().isPresent();
      aggregatePerRecord[a] = m.function() == Aggregate.Function.RATE ? records++ : -1;
      long within = m.withinDays().isPresent() ? m.withinDays().getAsInt() : Long.MAX_VALUE;
      for (int side = 0; side < 2; side++) {
        for (String type : side == 0 ? m.events() : m.per()) {
          Integer id = ids.get(type);
          if (id == null) {
            id = names.size();
            ids.put(type, id);
            names.add(type);
            byType.add(new ArrayList<>());
            slotsByType.add(new ArrayList<>());
          }
          boolean counted = side == 0;
          slotsByType.get(id).add(slots.size());
          slots.add(new long[] {counted ? a : aggregatePerRecord[a], within,
              counted && m.minValue().isPresent() ? 0 : 1, counted && sum ? a : -1});
          slotMinimums.add(counted ? m.minValue().orElse(Double.NaN) : Double.NaN);
          if (counted && a < behavioralAggregateCount) {
            behavioralAggregateTypes.add(type);
          }
        }
      }
    }
    slots.set(0, new long[] {records++, 0, 1, -1});
    aggregateRecords = records;
    hasAggregates = aggregateCount != 0;
    aggregatesReadValues = readsValues;
    sumAggregates = sums.stream().mapToInt(Integer::intValue).toArray();
    slotBase = new int[slots.size()];
    slotWithin = new long[slots.size()];
    slotAnyValue = new long[slots.size()];
    slotMinValue = new double[slots.size()];
    slotSum = new int[slots.size()];
    for (int k = 0; k < slots.size(); k++) {
      long[] slot = slots.get(k);
      slotBase[k] = (int) slot[0] * RECORD;
      slotWithin[k] = slot[1];
      slotAnyValue[k] = slot[2];
      slotMinValue[k] = slotMinimums.get(k);
      slotSum[k] = (int) slot[3];
    }
    firstSlotByType = new int[names.size()];
    moreSlotsByType = new int[names.size()][];
    boolean more = false;
    for (int type = 0; type < names.size(); type++) {
      List<Integer> typeSlots = slotsByType.get(type);
      firstSlotByType[type] = typeSlots.isEmpty() ? 0 : typeSlots.get(0);
      moreSlotsByType[type] = typeSlots.stream().skip(1).mapToInt(Integer::intValue).toArray();
      more |= typeSlots.size() > 1;
    }
    hasMoreSlots = more;

    attributeMask1 = new long[words == 1 ? attributeMasks.length : 0];
    for (int r = 0; r < attributeMask1.length; r++) {
      attributeMask1[r] = attributeMasks[r][0];
    }
    typeIds = Map.copyOf(ids);
    typeNames = names.toArray(new String[0]);
    rulesByType = new int[names.size()][];
    activityType = new boolean[names.size()];
    plainRuleByType = new int[names.size()];
    for (int type = 0; type < names.size(); type++) {
      rulesByType[type] = byType.get(type).stream().mapToInt(Integer::intValue).toArray();
      int only = rulesByType[type].length == 1 ? rulesByType[type][0] : -1;
      plainRuleByType[type] = only >= 0 && withinDays[only] == Long.MAX_VALUE
          && maxOccurrences[only] == Integer.MAX_VALUE && !hasMinValue[only] ? only : -1;
      for (int r : rulesByType[type]) {
        activityType[type] |= r < behavioralCount;
      }
    }
    for (String type : behavioralAggregateTypes) {
      activityType[ids.get(type)] = true;
    }

    inactiveDays = new long[inactivity.size()];
    inactivityPoints = new double[inactivity.size()];
    for (int i = 0; i < inactivity.size(); i++) {
      inactiveDays[i] = inactivity.get(i).inactiveDays();
      inactivityPoints[i] = inactivity.get(i).points();
    }

    decay = t.decay();
    decayTable = new double[2 * DECAY_TABLE_DAYS];
    for (int a = 0; a < DECAY_TABLE_DAYS; a++) {
      decayTable[a] = decay.factor(a);
      decayTable[DECAY_TABLE_DAYS + a] = 1.0;
    }
    hasDemographicCap = t.demographicCap().isPresent();
    demographicCap = t.demographicCap().orElse(Double.POSITIVE_INFINITY);
    hasBehavioralCap = t.behavioralCap().isPresent();
    behavioralCap = t.behavioralCap().orElse(Double.POSITIVE_INFINITY);
    scaleMin = t.scale().min();
    scaleMax = t.scale().max();
    tierAtLeast = t.tiers().stream().mapToDouble(dev.scoring.api.Tier::atLeast).toArray();
    tierNames = new String[t.tiers().size() + 1];
    tierNames[0] = t.baseTier();
    for (int i = 0; i < t.tiers().size(); i++) {
      tierNames[i + 1] = t.tiers().get(i).name();
    }
  }

  /** Returns fresh working memory sized for this kernel. */
  Scratch newScratch() {
    return new Scratch(this);
  }

  /** Returns the event type id of a type, or -1 when no rule scores it. */
  int typeId(String type) {
    Integer id = typeIds.get(type);
    return id == null ? -1 : id;
  }

  /**
   * Age of an event in whole days: {@code floor((asOf - at) / 86 400 s)}, negative exactly
   * when the event is in the future.
   */
  static long ageDays(long asOfSecond, int asOfNano, long atSecond, int atNano) {
    long seconds = asOfSecond - atSecond;
    if (asOfNano < atNano) {
      seconds--;
    }
    return Math.floorDiv(seconds, DAY_SECONDS);
  }

  /** The decay factor for an age of at least 0 days. */
  double factor(long ageDays) {
    return ageDays < DECAY_TABLE_DAYS ? decayTable[(int) ageDays] : decay.factor(ageDays);
  }

  /**
   * Sets the bits of the conditions an attribute map matches.
   *
   * @param attributes a contact's attributes
   * @param matched    the bit set to fill, {@link #words} long
   */
  void matchAttributes(Map<String, Object> attributes, long[] matched) {
    for (int w = 0; w < words; w++) {
      matched[w] = 0L;
    }
    for (int a = 0; a < attributeNames.length; a++) {
      matchValue(a, attributes.get(attributeNames[a]), matched, 0);
    }
  }

  /**
   * Fills {@code s.typeIds}, {@code s.ages} and {@code s.values} from a contact's events.
   *
   * @return the number of events
   */
  int loadEvents(List<dev.scoring.api.Event> events, Instant asOf, Scratch s) {
    int n = events.size();
    s.ensureEvents(n);
    long asOfSecond = asOf.getEpochSecond();
    int asOfNano = asOf.getNano();
    int[] types = s.typeIds;
    long[] ages = s.ages;
    double[] values = s.values;
    for (int i = 0; i < n; i++) {
      dev.scoring.api.Event e = events.get(i);
      Instant at = e.at();
      types[i] = typeId(e.type());
      ages[i] = ageDays(asOfSecond, asOfNano, at.getEpochSecond(), at.getNano());
      values[i] = e.value().isPresent() ? e.value().getAsDouble() : Double.NaN;
    }
    return n;
  }

  /**
   * Scores one contact from its matched conditions ({@code s.matched}) and its events in
   * chronological order, writing every result into {@code s}.
   *
   * <p>The columnar batch path runs the same three steps ({@link #beginContact},
   * {@link #countEvent} for each scorable event from the most recent back, {@link #finish})
   * over its own compact columns, so both paths share every operation on a double.
   *
   * @param types  event type ids ({@code -1} for types no rule scores)
   * @param ages   event ages in whole days, negative for future events
   * @param values event values, NaN for none
   * @param from   first event index, inclusive
   * @param to     last event index, exclusive
   * @param s      working memory and results
   */
  void evaluate(int[] types, long[] ages, double[] values, int from, int to, Scratch s) {
    beginContact(s);
    // Event rules: most recent first, so maxOccurrences keeps the most recent ones.
    boolean active = false;
    long lastActivityAge = 0;
    for (int i = to - 1; i >= from; i--) {
      long age = ages[i];
      int type = types[i];
      if (age < 0 || type < 0) {
        continue;
      }
      if (!active && activityType[type]) {
        active = true;
        lastActivityAge = age;
      }
      countEvent(type, age, values[i], s);
    }
    finish(active, lastActivityAge, s);
  }

  /**
   * First step of an evaluation: applies the attribute rules to {@code s.matched} and clears
   * the event rule counters.
   */
  void beginContact(Scratch s) {
    applyAttributes(s);
    clearEvents(s);
  }

  /** The attribute rule part of {@link #beginContact}: the two attribute sums and hits. */
  private void applyAttributes(Scratch s) {
    long[] matched = s.matched;
    boolean[] attributeHit = s.attributeHit;
    // Sums are computed without branching on the data: a rule that does not match adds +0.0,
    // which leaves every sum unchanged (a sum starting at +0.0 of non-zero points is never
    // -0.0), so the result is the sum of the matching rules' points in rule order.
    double demographic = 0;
    for (int r = 0; r < demographicCount; r++) {
      boolean hit = hit(r, matched);
      attributeHit[r] = hit;
      demographic += hit ? attributePoints[r] : 0.0;
    }
    double negativeAttributes = 0;
    for (int r = demographicCount; r < attributePoints.length; r++) {
      boolean hit = hit(r, matched);
      attributeHit[r] = hit;
      negativeAttributes += hit ? attributePoints[r] : 0.0;
    }
    s.demographicSum = demographic;
    s.negativeAttributeSum = negativeAttributes;
  }

  /** Clears the event rule counters and the aggregate accumulators. */
  private void clearEvents(Scratch s) {
    int[] count = s.count;
    double[] sum = s.sum;
    for (int r = 0; r < count.length; r++) {
      count[r] = 0;
      sum[r] = 0.0;
    }
    // The no-op slot's record, the last, stays 0: the no-op slot never counts.
    long[] acc = s.aggregateAcc;
    for (int i = 0, end = acc.length - RECORD; i < end; i++) {
      acc[i] = 0L;
    }
    if (sumAggregates.length != 0) {
      clearSums(s);
    }
  }

  /** Clears the fixed-point and exact sums of the {@code sum} rules. */
  private void clearSums(Scratch s) {
    for (int a : sumAggregates) {
      s.aggregateUnits[a] = 0L;
    }
    if (s.aggregateExact != null) {
      java.util.Arrays.fill(s.aggregateExact, null);
    }
  }

  /**
   * {@link #beginContact} with a memo: when the matched conditions fit one word, the two
   * attribute sums are looked up by that word in a small direct-mapped table and computed
   * by {@code beginContact} only on a miss, so they are exactly the same doubles. Leaves
   * {@code s.attributeHit} unset on a hit: for paths that never explain (the batch path).
   */
  void beginContactMemo(Scratch s) {
    attributesMemo(s);
    clearEvents(s);
  }

  /**
   * The attribute part of {@link #beginContactMemo}, without clearing the event rule
   * counters: for {@link #finishPlain}, which leaves them cleared.
   */
  void attributesMemo(Scratch s) {
    long[] keys = s.memoKeys;
    if (keys == null) {
      applyAttributes(s);
      return;
    }
    long m = s.matched[0];
    int slot = (int) ((m * 0x9E3779B97F4A7C15L) >>> (64 - Scratch.MEMO_BITS));
    if (keys[slot] == m && s.memoFilled[slot]) {
      s.demographicSum = s.memoDemographic[slot];
      s.negativeAttributeSum = s.memoNegative[slot];
      return;
    }
    applyAttributes(s);
    keys[slot] = m;
    s.memoFilled[slot] = true;
    s.memoDemographic[slot] = s.demographicSum;
    s.memoNegative[slot] = s.negativeAttributeSum;
  }

  /** Returns working memory with the memo of {@link #beginContactMemo} when it applies. */
  Scratch newBatchScratch() {
    Scratch s = new Scratch(this);
    if (words == 1) {
      int size = 1 << Scratch.MEMO_BITS;
      s.memoKeys = new long[size];
      s.memoFilled = new boolean[size];
      s.memoDemographic = new double[size];
      s.memoNegative = new double[size];
    }
    return s;
  }

  /** Whether attribute rule {@code r} matches: all its conditions' bits are set. */
  private boolean hit(int r, long[] matched) {
    if (attributeMask1.length != 0) {
      long mask = attributeMask1[r];
      return (mask & matched[0]) == mask;
    }
    long[] mask = attributeMasks[r];
    for (int w = 0; w < mask.length; w++) {
      if ((mask[w] & matched[w]) != mask[w]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Second step, once per non-future event of a scored type ({@code age >= 0},
   * {@code type >= 0}), from the most recent event back to the oldest.
   */
  void countEvent(int type, long age, double value, Scratch s) {
    countRules(type, age, value, s);
    if (hasAggregates) {
      countAggregates(type, age, value, s);
    }
  }

  /** The event rule part of {@link #countEvent}. */
  void countRules(int type, long age, double value, Scratch s) {
    int[] count = s.count;
    double[] sum = s.sum;
    int plain = plainRuleByType[type];
    if (plain >= 0) {
      countPlain(plain, age, s);
    } else {
      for (int r : rulesByType[type]) {
        if (age >= withinDays[r] || count[r] >= maxOccurrences[r]
            || (hasMinValue[r] && !(value >= minValue[r]))) {
          continue;
        }
        count[r]++;
        sum[r] += decays[r] ? factor(age) : 1.0;
      }
    }
  }

  /**
   * The aggregate rule part of {@link #countEvent}, for tables with {@link #hasAggregates}:
   * feeds one event to the aggregate rules that read its type, at constant work per slot and
   * without a branch on the data. A type no rule reads goes through the no-op slot.
   *
   * <p>Each slot updates its record ({@link #RECORD} longs: {@code |E|}, distinct days, one
   * plus the age of the last counted event, the age of the first) when the event is counted
   * ({@code ok} is 1: in the window and, with a {@code minValue}, at or above it), and leaves
   * it as it was otherwise, by arithmetic on {@code ok} rather than by branches (which the
   * data would make unpredictable). Events arrive from the most recent back, so ages never
   * decrease: the first counted event has the smallest age, the last the largest, and a
   * new distinct day is an age unlike the previous counted one. A denominator slot of a
   * {@code rate} counts into its own record in the same way. Allocates nothing unless a
   * value of {@code sum} falls outside the exact fixed-point range (see {@link #units}).
   *
   * @param type  the event's type id, at least 0
   * @param age   the event's age in days, at least 0
   * @param value the event's value, NaN for none (may be NaN for every event when no rule
   *              {@link #aggregatesReadValues})
   * @param s     working memory
   */
  void countAggregates(int type, long age, double value, Scratch s) {
    countSlot(firstSlotByType[type], age, value, s);
    if (hasMoreSlots) {
      for (int k : moreSlotsByType[type]) {
        countSlot(k, age, value, s);
      }
    }
  }

  /** Feeds one event to slot {@code k}: see {@link #countAggregates}. */
  private void countSlot(int k, long age, double value, Scratch s) {
    long[] acc = s.aggregateAcc;
    // 1 when age < within (both at least 0, so the difference cannot overflow), else 0.
    long inWindow = (age - slotWithin[k]) >>> 63;
    long ok = inWindow & (slotAnyValue[k] | (value >= slotMinValue[k] ? 1L : 0L));
    record(slotBase[k], age, ok, acc);
    int summed = slotSum[k];
    if (summed >= 0 && ok != 0 && value == value) {
      addToSum(summed, value, s);
    }
  }

  /**
   * {@link #countSlot} for a table whose aggregate rules read no values
   * ({@link #plainEligible}): every slot counts any value and none sums, so an event is
   * counted exactly when it lies in the slot's window. The same arithmetic on the same
   * record, without the value.
   *
   * @param k   a slot, 0 (the no-op slot) for a type no aggregate rule reads
   * @param age the event's age in days, at least 0
   * @param acc {@code s.aggregateAcc} of the working memory
   */
  void countSlotPlain(int k, long age, long[] acc) {
    record(slotBase[k], age, (age - slotWithin[k]) >>> 63, acc);
  }

  /**
   * Updates the record at {@code b} for an event of age {@code age} that counts when
   * {@code ok} is 1 and leaves it as it was when {@code ok} is 0: see
   * {@link #countAggregates}.
   */
  private static void record(int b, long age, long ok, long[] acc) {
    long mask = -ok;
    long n = acc[b];
    long last = acc[b + LAST];
    long newDay = (age + 1) ^ last;
    acc[b] = n + ok;
    acc[b + DISTINCT] += ((newDay | -newDay) >>> 63) & ok;
    acc[b + LAST] = last ^ (newDay & mask);
    // Set once, on the first counted event (n == 0): the field is still 0 then.
    acc[b + FIRST] |= age & mask & ((n - 1) >> 63);
  }

  /** Longs per accumulator record in {@link Scratch#aggregateAcc}; field 0 is {@code |E|}. */
  static final int RECORD = 4;
  /** Record field: the number of distinct days among the counted events. */
  private static final int DISTINCT = 1;
  /** Record field: one plus the age of the last counted event (the largest), 0 before. */
  private static final int LAST = 2;
  /** Record field: the age of the first counted event (the smallest), 0 before it. */
  private static final int FIRST = 3;

  static final int F_COUNT = 0;
  static final int F_DISTINCT_DAYS = 1;
  static final int F_SUM = 2;
  static final int F_RATE = 3;
  static final int F_DAYS_SINCE_LAST = 4;
  static final int F_MEAN_DAYS = 5;
  static final int OP_AT_LEAST = 0;
  static final int OP_BELOW = 1;
  static final int OP_BETWEEN = 2;
  static final int OP_EQUALS = 3;

  /** Fixed-point unit of exact sums: values are added as whole multiples of 1e-9. */
  private static final double UNITS_PER_ONE = 1e9;
  /** Below this magnitude a double's ulp is under 1e-9 and its units fit 53 bits. */
  private static final double UNITS_RANGE = 9.0e6;

  /**
   * The value as a whole number of 1e-9 units when its shortest decimal form has at most 9
   * fraction digits and {@code |value| < 9e6}, else {@link Long#MIN_VALUE}.
   *
   * <p>Why this is the shortest decimal: {@code m = round(value * 1e9)} is checked to read
   * back as {@code value} ({@code m / 1e9}, both exact doubles, is correctly rounded). Below
   * 9e6 the ulp of a double is below 1e-9, so at most one multiple of 1e-9 rounds to
   * {@code value}; the shortest decimal that rounds to it has no more digits than
   * {@code m * 1e-9}, so it is a multiple of 1e-9 too, hence that one.
   */
  static long units(double value) {
    if (!(Math.abs(value) < UNITS_RANGE)) {
      return Long.MIN_VALUE;
    }
    long m = Math.round(value * UNITS_PER_ONE);
    return (double) m / UNITS_PER_ONE == value ? m : Long.MIN_VALUE;
  }

  /** The shortest decimal form of a finite double, exactly. */
  static BigDecimal decimal(double value) {
    return new BigDecimal(com.fasterxml.jackson.core.io.NumberOutput.toString(value, true));
  }

  private static void addToSum(int a, double value, Scratch s) {
    long m = units(value);
    if (m != Long.MIN_VALUE) {
      long before = s.aggregateUnits[a];
      long after = before + m;
      if (((before ^ after) & (m ^ after)) >= 0) {
        s.aggregateUnits[a] = after;
        return;
      }
    }
    // Rare: a value outside the fixed-point range, or a long overflow. Exact, allocating.
    if (s.aggregateExact == null) {
      s.aggregateExact = new BigDecimal[s.aggregateUnits.length];
    }
    BigDecimal exact = s.aggregateExact[a] == null ? BigDecimal.ZERO : s.aggregateExact[a];
    s.aggregateExact[a] = exact.add(decimal(value));
  }

  /** The double nearest to the exact decimal sum of aggregate {@code a}. */
  private static double sumValue(int a, Scratch s) {
    long units = s.aggregateUnits[a];
    BigDecimal exact = s.aggregateExact == null ? null : s.aggregateExact[a];
    if (exact == null && Math.abs(units) <= (1L << 53)) {
      return (double) units / UNITS_PER_ONE;
    }
    BigDecimal total = BigDecimal.valueOf(units, 9);
    return (exact == null ? total : total.add(exact)).doubleValue();
  }

  /** Whether aggregate rule {@code a}'s value satisfies its operator: {@link Aggregate#test}. */
  private boolean test(int a, double value) {
    double lo = aggregateLo[a];
    switch (aggregateOperator[a]) {
      case OP_AT_LEAST:
        return value >= lo;
      case OP_BELOW:
        return value < lo;
      case OP_BETWEEN:
        return lo <= value && value <= aggregateHi[a];
      default:
        return value == lo;
    }
  }

  /** The number of events aggregate rule {@code a} counted ({@code |E|}) last time. */
  int aggregateCount(int a, Scratch s) {
    return (int) s.aggregateAcc[a * RECORD];
  }

  /**
   * The value of aggregate rule {@code a} after every event has been counted: NaN when
   * undefined.
   */
  double aggregateValue(int a, Scratch s) {
    long[] acc = s.aggregateAcc;
    int b = a * RECORD;
    long n = acc[b];
    switch (aggregateFunction[a]) {
      case F_COUNT:
        return n;
      case F_DISTINCT_DAYS:
        return acc[b + DISTINCT];
      case F_SUM:
        return sumValue(a, s);
      case F_RATE:
        long per = acc[aggregatePerRecord[a] * RECORD];
        return per < aggregateMinCount[a] ? Double.NaN : (double) n / per;
      case F_DAYS_SINCE_LAST:
        return n == 0 ? Double.POSITIVE_INFINITY : (double) acc[b + FIRST];
      default:
        return n < 2 ? Double.NaN : (double) (acc[b + LAST] - 1 - acc[b + FIRST]) / (n - 1);
    }
  }

  /**
   * Counts one event for a rule of {@link #plainRuleByType}: the same steps as the loop of
   * {@link #countEvent}, whose checks cannot fail for such a rule.
   */
  void countPlain(int rule, long age, Scratch s) {
    s.count[rule]++;
    s.sum[rule] += decays[rule] ? factor(age) : 1.0;
  }

  /**
   * Last step: sums the event rules, applies the inactivity rules, caps, scale and tiers.
   *
   * @param active          whether a non-future event of an activity type was seen
   * @param lastActivityAge the age of the most recent such event
   */
  void finish(boolean active, long lastActivityAge, Scratch s) {
    int[] count = s.count;
    double[] sum = s.sum;
    // A rule that counted nothing has sum +0.0 and adds points * 0.0 = +-0.0, which leaves
    // the sum unchanged: no branch on the data.
    double behavioral = 0;
    for (int r = 0; r < behavioralCount; r++) {
      behavioral += eventPoints[r] * sum[r];
    }
    double negativeEvents = 0;
    for (int r = behavioralCount; r < count.length; r++) {
      negativeEvents += eventPoints[r] * sum[r];
    }
    // Aggregate rules after the event rules of their section, in rule order.
    if (aggregatePoints.length != 0) {
      behavioral = addAggregates(0, behavioralAggregateCount, behavioral, s);
      negativeEvents = addAggregates(behavioralAggregateCount, aggregatePoints.length,
          negativeEvents, s);
    }
    finishTotals(behavioral, negativeEvents, active, lastActivityAge, s);
  }

  /**
   * Whether the columnar path may use {@link #addPlain} and {@link #finishPlain}: no
   * aggregate rule reads event values (no {@code sum}, no {@code minValue}); the others are
   * counted by {@link #countAggregates} in the same loop. The caller also checks that every
   * event type it feeds has a {@link #plainRuleByType} or no event rule at all.
   */
  boolean plainEligible() {
    return !aggregatesReadValues;
  }

  /**
   * Clears the aggregate accumulators only, for the loop of plain rules (whose event rule
   * sums {@link #finishPlain} leaves cleared): what {@link #clearEvents} does to them. Tables
   * on that loop have no {@code sum} rule (they read no values), so there are no sums to
   * clear.
   */
  void clearAggregates(Scratch s) {
    long[] acc = s.aggregateAcc;
    for (int i = 0, end = acc.length - RECORD; i < end; i++) {
      acc[i] = 0L;
    }
  }

  /**
   * Counts one event for a rule of {@link #plainRuleByType} into its sum only: what
   * {@link #countPlain} does without the count, which only {@code maxOccurrences} and
   * explanations read. For {@link #finishPlain}.
   *
   * @param rule   a plain rule, or {@link #spareRule} (the sink of events no rule reads)
   * @param offset its {@link #factorOffset}, so that the table lookup needs no branch on
   *               whether the rule decays
   * @param age    the event's age in days, at least 0
   * @param sum    {@code s.sum} of the working memory
   */
  void addPlain(int rule, int offset, long age, double[] sum) {
    sum[rule] += age < DECAY_TABLE_DAYS ? decayTable[offset + (int) age]
        : rule < decays.length && decays[rule] ? decay.factor(age) : 1.0;
  }

  /**
   * The index past the event rules in {@code s.sum}: a sum that the loop for plain rules
   * adds the events of unread types to (rather than branch on whether a rule reads the
   * type, which the data would make unpredictable), and that nothing reads.
   */
  int spareRule() {
    return eventPoints.length;
  }

  /**
   * Where rule {@code r}'s factors start in {@link #decayTable}: 0 (the decay factors) when
   * it decays, else {@code DECAY_TABLE_DAYS} (ones).
   */
  int factorOffset(int r) {
    return decays[r] ? 0 : DECAY_TABLE_DAYS;
  }

  /**
   * {@link #finish} for a contact whose events all went through {@link #addPlain}: the same
   * sums in the same order (so the same bits), clearing each rule's sum as it is read, so
   * {@code s.sum} is all zero again for the next contact (as in a new {@link Scratch}); call
   * {@link #attributesMemo}, not {@link #beginContactMemo}, before the events. Leaves
   * {@code s.count} untouched (all zero) and records no aggregate rule's value or hit: not
   * for explanations.
   *
   * @param active          whether a non-future event of an activity type was seen
   * @param lastActivityAge the age of the most recent such event
   * @param s               working memory
   */
  void finishPlain(boolean active, long lastActivityAge, Scratch s) {
    double[] sum = s.sum;
    double[] points = eventPoints;
    // As in finish: a rule that counted nothing adds points * 0.0, which changes nothing.
    // A loop over only the rules that counted gives the same bits but is slower: its
    // varying trip count is mispredicted.
    double behavioral = 0;
    for (int r = 0; r < behavioralCount; r++) {
      behavioral += points[r] * sum[r];
      sum[r] = 0.0;
    }
    double negativeEvents = 0;
    for (int r = behavioralCount; r < points.length; r++) {
      negativeEvents += points[r] * sum[r];
      sum[r] = 0.0;
    }
    // Aggregate rules after the event rules of their section, in rule order, as in finish.
    if (aggregatePoints.length != 0) {
      behavioral = sumAggregates(0, behavioralAggregateCount, behavioral, s);
      negativeEvents = sumAggregates(behavioralAggregateCount, aggregatePoints.length,
          negativeEvents, s);
    }
    finishTotals(behavioral, negativeEvents, active, lastActivityAge, s);
  }

  /**
   * The end of {@link #finish} and {@link #finishPlain}, from the two event sections' sums:
   * inactivity rules, caps, scale and tier.
   */
  private void finishTotals(double behavioral, double negativeEvents, boolean active,
      long lastActivityAge, Scratch s) {
    double inactivity = 0;
    // Without a branch on the data, as the attribute sums: a rule that does not fire adds
    // +0.0, which leaves a sum that starts at +0.0 unchanged.
    for (int k = 0; k < inactiveDays.length; k++) {
      boolean fired = !active || lastActivityAge >= inactiveDays[k];
      s.inactivityHit[k] = fired;
      inactivity += fired ? inactivityPoints[k] : 0.0;
    }

    double demographic = s.demographicSum;
    s.behavioralSum = behavioral;
    double fit = Math.min(demographic, demographicCap) + s.negativeAttributeSum;
    double engagement = Math.min(behavioral, behavioralCap) + negativeEvents + inactivity;
    double raw = fit + engagement;
    double score = raw < scaleMin ? scaleMin : (raw > scaleMax ? scaleMax : raw);
    s.fit = fit;
    s.engagement = engagement;
    s.raw = raw;
    s.score = score;
    s.tier = tierOf(score);
  }

  /**
   * Adds the points of the aggregate rules {@code [from, to)} that hold to {@code sum}, in
   * rule order, and records each rule's value and whether it held in {@code s}.
   */
  private double addAggregates(int from, int to, double sum, Scratch s) {
    for (int a = from; a < to; a++) {
      double value = aggregateValue(a, s);
      boolean hit = test(a, value);
      s.aggregateValue[a] = value;
      s.aggregateHit[a] = hit;
      sum += hit ? aggregatePoints[a] : 0.0;
    }
    return sum;
  }

  /**
   * {@link #addAggregates} without recording each rule's value and hit, which only
   * explanations read: for {@link #finishPlain}. The same sum, so the same bits.
   */
  private double sumAggregates(int from, int to, double sum, Scratch s) {
    for (int a = from; a < to; a++) {
      sum += test(a, aggregateValue(a, s)) ? aggregatePoints[a] : 0.0;
    }
    return sum;
  }

  /** The tier id of a score: 0 for the base tier, else 1 + the index of the tier. */
  int tierOf(double score) {
    int tier = tierAtLeast.length;
    if (tier <= 8) {
      // Thresholds increase strictly, so the tier is the number of thresholds not above the
      // score (all of them for NaN, as the search below gives). Counted without a branch on
      // the score, which would be mispredicted.
      int count = 0;
      for (int t = 0; t < tier; t++) {
        count += tierAtLeast[t] > score ? 0 : 1;
      }
      return count;
    }
    // Thresholds increase strictly: the tier is the first index whose threshold is above
    // the score (binary search, so 100,000 tiers cost 17 comparisons, not 100,000).
    int lo = 0;
    int hi = tier;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tierAtLeast[mid] > score) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Sets, in {@code out[offset .. offset + words)}, the bits of the conditions on attribute
   * {@code a} (an index into {@link #attributeNames}) that {@code value} matches. The
   * columnar path calls this once per distinct value of a column.
   *
   * @param value a {@link String}, {@link Long}, {@link Double}, {@link Boolean} or null
   */
  void matchValue(int a, Object value, long[] out, int offset) {
    CompiledCondition[] cs = conditionsByAttribute[a];
    int[] ids = conditionIdsByAttribute[a];
    for (int k = 0; k < cs.length; k++) {
      if (cs[k].matches(value)) {
        out[offset + (ids[k] >>> 6)] |= 1L << ids[k];
      }
    }
  }

  /**
   * Working memory and results of one evaluation. Belongs to one thread at a time; reused
   * from contact to contact.
   */
  static final class Scratch {
    final long[] matched;
    final boolean[] attributeHit;
    final int[] count;
    final double[] sum;
    final boolean[] inactivityHit;
    /** Aggregate accumulator records, {@link #RECORD} longs each: see countAggregates. */
    final long[] aggregateAcc;
    /** Per aggregate rule, its fixed-point sum (for {@code sum} rules only). */
    final long[] aggregateUnits;
    /** Exact sums beyond the fixed-point range; null until first needed. */
    BigDecimal[] aggregateExact;
    final double[] aggregateValue;
    final boolean[] aggregateHit;
    int[] typeIds = new int[16];
    long[] ages = new long[16];
    double[] values = new double[16];

    static final int MEMO_BITS = 10;
    long[] memoKeys;
    boolean[] memoFilled;
    double[] memoDemographic;
    double[] memoNegative;

    double demographicSum;
    double negativeAttributeSum;
    double behavioralSum;
    double fit;
    double engagement;
    double raw;
    double score;
    int tier;

    Scratch(Kernel k) {
      matched = new long[k.words];
      attributeHit = new boolean[k.attributeMasks.length];
      count = new int[k.eventPoints.length];
      // One more than the rules: the spare sum of the loop for plain rules (spareRule).
      sum = new double[k.eventPoints.length + 1];
      inactivityHit = new boolean[k.inactiveDays.length];
      int aggregates = k.aggregatePoints.length;
      aggregateAcc = new long[k.aggregateRecords * RECORD];
      aggregateUnits = new long[aggregates];
      aggregateValue = new double[aggregates];
      aggregateHit = new boolean[aggregates];
    }

    void ensureEvents(int n) {
      if (typeIds.length < n) {
        int size = Math.max(n, typeIds.length * 2);
        typeIds = new int[size];
        ages = new long[size];
        values = new double[size];
      }
    }
  }
}
