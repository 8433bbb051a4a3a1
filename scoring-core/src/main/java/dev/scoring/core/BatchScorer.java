package dev.scoring.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Scores every contact of a {@link ContactTable} with one {@link ScoringTable}, on one thread
 * or several, into primitive arrays ({@link BatchScores}).
 *
 * <pre>{@code
 * BatchScorer scorer = BatchScorer.of(ExampleModels.seed());
 * BatchScores scores = scorer.score(table, asOf);          // all cores
 * int[] best = scores.topK(100);
 * }</pre>
 *
 * <p>Every result is bit-identical to {@link ScoringTable#score(dev.scoring.api.Contact,
 * Instant)} for the same contact, whatever the number of threads: both paths feed the same
 * compiled kernel, with the contact's matched conditions (looked up once per distinct
 * attribute value of the table) and its events in chronological order, their ages computed
 * by the same arithmetic.
 *
 * <p>With {@code threads > 1} the table is cut into as many contiguous ranges of about equal
 * work (contacts plus events); the calling thread scores the first and one new thread each
 * of the others. The per-contact loop allocates nothing (except, for a {@code sum}
 * aggregate rule, when a summed value lies beyond 9e6 in magnitude or has more than 9
 * decimals: that sum is then exact in {@link java.math.BigDecimal}); a call allocates only
 * small per-table lookups (one mask per distinct attribute value the model reads, one entry per
 * event type) and, with several threads, the threads. Instances are immutable and
 * thread-safe.
 *
 * <p>{@link #withTrend(int)} gives a scorer that also fills the trend column of
 * {@link BatchScores} (SPEC section 10): each contact is evaluated a second time as of
 * {@code asOf - days}, by the same kernel, so the trend is exactly the difference of the two
 * scores and about doubles the cost.
 */
public final class BatchScorer {
  private final ScoringTable model;
  private final Kernel kernel;
  private final int trendDays;

  private BatchScorer(ScoringTable model, int trendDays) {
    this.model = model;
    this.kernel = model.kernel();
    this.trendDays = trendDays;
  }

  /**
   * Returns a batch scorer for a model.
   *
   * @param model the scoring table
   * @return the scorer
   * @throws NullPointerException if {@code model} is null
   */
  public static BatchScorer of(ScoringTable model) {
    return new BatchScorer(Objects.requireNonNull(model, "model"), 0);
  }

  /**
   * Returns a scorer of the same model that also computes each contact's trend over
   * {@code days} (SPEC section 10): {@code score(asOf) - score(asOf - days * 86 400 s)},
   * in {@link BatchScores#trend(int)}.
   *
   * @param days the window in whole days, at least 1
   * @return a new scorer
   * @throws IllegalArgumentException if {@code days < 1}
   */
  public BatchScorer withTrend(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1, but was " + days);
    }
    return new BatchScorer(model, days);
  }

  /**
   * Returns the trend window in days, or 0 when this scorer computes no trend.
   *
   * @return the days given to {@link #withTrend(int)}, or 0
   */
  public int trendDays() {
    return trendDays;
  }

  /**
   * Returns the model this scorer applies.
   *
   * @return the model this scorer applies
   */
  public ScoringTable model() {
    return model;
  }

  /**
   * Scores every contact on all available processors.
   *
   * @param table the contacts
   * @param asOf  the instant to score as of
   * @return new results
   */
  public BatchScores score(ContactTable table, Instant asOf) {
    return score(table, asOf, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Scores every contact on {@code threads} threads (the caller's included).
   *
   * @param table   the contacts
   * @param asOf    the instant to score as of
   * @param threads at least 1
   * @return new results
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public BatchScores score(ContactTable table, Instant asOf, int threads) {
    BatchScores out = new BatchScores(table.size());
    scoreInto(table, asOf, threads, out);
    return out;
  }

  /**
   * Scores every contact on {@code threads} threads (the caller's included) into existing
   * results, overwriting them.
   *
   * @param table   the contacts
   * @param asOf    the instant to score as of
   * @param threads at least 1
   * @param out     results with a capacity of at least {@code table.size()}; must not be
   *                read or filled by another thread meanwhile
   * @throws IllegalArgumentException if {@code threads < 1}, {@code out} is too small, or
   *     this scorer computes a trend whose window starts before 0001-01-01T00:00:00Z
   * @throws IllegalStateException if a worker thread fails (the results are then incomplete)
   */
  public void scoreInto(ContactTable table, Instant asOf, int threads, BatchScores out) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(asOf, "asOf");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
    }
    Instant start = trendDays == 0 ? null
        : dev.scoring.api.ScoringModel.trendStart(asOf, trendDays);
    out.reset(table.size(), kernel.tierNames, model.name(), model.version(), asOf, trendDays);
    Plan plan = new Plan(kernel, table, asOf, start);
    int parts = (int) Math.max(1, Math.min(threads, table.size()));
    if (parts == 1) {
      run(plan, 0, table.size(), out, out.tierCounts);
      return;
    }
    int[] bounds = partition(table, parts);
    long[][] counts = new long[parts][out.tierCounts.length];
    Parts.run(parts, "batch scoring",
        p -> run(plan, bounds[p], bounds[p + 1], out, counts[p]));
    for (long[] c : counts) {
      for (int t = 0; t < c.length; t++) {
        out.tierCounts[t] += c[t];
      }
    }
  }

  /**
   * Contacts per call of {@link #runPlain}: many short calls rather than one long one
   * measured faster (JMH on the seed table: 0.80x of the hand-written loop in one call,
   * 0.85x in blocks), presumably because the compiler then compiles the method whole rather
   * than entering it mid-loop. The results do not depend on it.
   */
  static final int PLAIN_BLOCK = 4096;

  /** Contacts per block of a set's pass: every table reads a block while it is in cache. */
  static final int SET_BLOCK = 4096;

  /**
   * Scores every contact under several tables in one pass (SPEC section 11): the table is cut
   * into ranges for the threads as {@link #scoreInto} does, and each range is walked in blocks
   * of {@link #SET_BLOCK} contacts, every table scoring a block before the next block is read.
   * Each table's results are exactly those of its own {@link #scoreInto}.
   *
   * @param scorers one scorer per table, without trend
   * @param table   the contacts
   * @param asOf    the instant
   * @param threads at least 1
   * @param outs    one result per scorer, overwritten
   */
  static void scoreSet(List<BatchScorer> scorers, ContactTable table, Instant asOf, int threads,
      BatchScores[] outs) {
    scoreSet(scorers, table, asOf, threads, outs, SET_BLOCK);
  }

  /** {@link #scoreSet} with blocks of {@code block >= 1} contacts (tests cut small blocks). */
  static void scoreSet(List<BatchScorer> scorers, ContactTable table, Instant asOf, int threads,
      BatchScores[] outs, int block) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(asOf, "asOf");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
    }
    int m = scorers.size();
    Plan[] plans = new Plan[m];
    for (int t = 0; t < m; t++) {
      BatchScorer b = scorers.get(t);
      outs[t].reset(table.size(), b.kernel.tierNames, b.model.name(), b.model.version(), asOf,
          0);
      plans[t] = new Plan(b.kernel, table, asOf, null);
    }
    int parts = (int) Math.max(1, Math.min(threads, table.size()));
    int[] bounds = parts == 1 ? new int[] {0, table.size()} : partition(table, parts);
    long[][][] counts = new long[parts][m][];
    for (int p = 0; p < parts; p++) {
      for (int t = 0; t < m; t++) {
        counts[p][t] = new long[outs[t].tierCounts.length];
      }
    }
    Parts.run(parts, "set scoring",
        p -> runBlocks(plans, bounds[p], bounds[p + 1], outs, counts[p], block));
    for (long[][] c : counts) {
      for (int t = 0; t < m; t++) {
        for (int i = 0; i < c[t].length; i++) {
          outs[t].tierCounts[i] += c[t][i];
        }
      }
    }
  }

  private static void runBlocks(Plan[] plans, int from, int to, BatchScores[] outs,
      long[][] counts, int block) {
    for (int b = from; b < to; b += block) {
      int end = Math.min(to, b + block);
      for (int t = 0; t < plans.length; t++) {
        run(plans[t], b, end, outs[t], counts[t]);
      }
    }
  }

  /**
   * Whether scoring {@code table} with {@code model} takes the loop of {@link #runPlain}:
   * for tests, which check that both loops give the same bits.
   */
  static boolean takesPlainLoop(ScoringTable model, ContactTable table, Instant asOf) {
    return new Plan(model.kernel(), table, asOf, null).plain;
  }

  /**
   * Cuts the table into {@code parts} contiguous ranges of about equal work, counting one
   * unit per contact and one per event: {@code bounds[p] .. bounds[p + 1]}.
   */
  static int[] partition(ContactTable table, int parts) {
    int n = table.size();
    int[] start = table.eventStart;
    long total = (long) n + start[n];
    int[] bounds = new int[parts + 1];
    bounds[parts] = n;
    for (int p = 1; p < parts; p++) {
      long target = total * p / parts;
      // The first contact c with c + start[c] >= target.
      int lo = bounds[p - 1];
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if ((long) mid + start[mid] < target) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      bounds[p] = lo;
    }
    return bounds;
  }

  /**
   * What one call precomputes from the table and the model: per model attribute, the
   * table column codes and a condition mask per code; per table event type, the kernel's
   * type id. Read-only once built, shared by the workers.
   */
  private static final class Plan {
    final Kernel kernel;
    final ContactTable table;
    final long asOfSecond;
    final int asOfNano;
    /** Whether a second evaluation as of the trend's start is made. */
    final boolean trend;
    final long startSecond;
    final int startNano;
    /** Matched-condition bits of attributes no contact has, {@code words} long. */
    final long[] absentMask;
    /** Per model attribute present in the table: its column and a mask per code. */
    final AttributeColumn[] columns;
    final long[][] masks;
    /** The columns' codes when every one is a byte code, else null. */
    final byte[][] byteCodes;
    final int[] typeMap;
    /** Per table event type: the kernel's plain rule for it, or -1. */
    final int[] plainRule;
    /**
     * Per table event type, for {@link #runPlain}: its plain rule ({@link Kernel#spareRule}
     * when no rule reads it) {@code << RULE_SHIFT}, plus {@link #ACTIVITY_BIT} when it is an
     * activity type, plus its rule's {@link Kernel#factorOffset}: one load per event for
     * all three, and no branch on whether the type is read.
     */
    final int[] plainCode;
    /**
     * Per table event type, for {@link #runPlain} on a table with aggregate rules: its
     * kernel type's first aggregate slot, or the no-op slot 0 for a type the kernel does not
     * know, so that the loop feeds every event without a branch on its type.
     */
    final int[] plainSlot;
    /** Per table event type, its further aggregate slots (empty for an unknown type). */
    final int[][] plainMoreSlots;
    private static final int[] NO_SLOTS = {};
    static final int RULE_SHIFT = 14;
    static final int ACTIVITY_BIT = 1 << 13;
    /** The bits of {@link Kernel#factorOffset}, which is 0 or 4096. */
    static final int OFFSET_BITS = ACTIVITY_BIT - 1;
    /**
     * Whether {@link #eventsPlain} applies: the kernel is {@link Kernel#plainEligible}, every
     * table event type the kernel scores has a plain rule, times are whole seconds within
     * the table's int range (no nanoseconds, no wide seconds), and there is no trend.
     */
    final boolean plain;

    Plan(Kernel kernel, ContactTable table, Instant asOf, Instant trendStart) {
      this.kernel = kernel;
      this.table = table;
      this.asOfSecond = asOf.getEpochSecond();
      this.asOfNano = asOf.getNano();
      this.trend = trendStart != null;
      this.startSecond = trend ? trendStart.getEpochSecond() : 0;
      this.startNano = trend ? trendStart.getNano() : 0;
      int words = kernel.words;
      absentMask = new long[words];
      int present = 0;
      for (String name : kernel.attributeNames) {
        if (table.column(name) != null) {
          present++;
        }
      }
      columns = new AttributeColumn[present];
      masks = new long[present][];
      int j = 0;
      for (int a = 0; a < kernel.attributeNames.length; a++) {
        AttributeColumn c = table.column(kernel.attributeNames[a]);
        if (c == null) {
          kernel.matchValue(a, null, absentMask, 0);
          continue;
        }
        long[] m = new long[(c.dictionary.length + 1) * words];
        kernel.matchValue(a, null, m, 0);
        for (int code = 1; code <= c.dictionary.length; code++) {
          kernel.matchValue(a, c.dictionary[code - 1], m, code * words);
        }
        columns[j] = c;
        masks[j] = m;
        j++;
      }
      boolean allBytes = true;
      for (AttributeColumn c : columns) {
        allBytes &= c.bytes != null;
      }
      byteCodes = allBytes ? new byte[present][] : null;
      for (int k = 0; allBytes && k < present; k++) {
        byteCodes[k] = columns[k].bytes;
      }
      typeMap = new int[table.typeNames.length];
      plainRule = new int[typeMap.length];
      plainCode = new int[typeMap.length];
      plainSlot = new int[typeMap.length];
      plainMoreSlots = new int[typeMap.length][];
      boolean allPlain = kernel.plainEligible()
          && kernel.spareRule() <= Integer.MAX_VALUE >>> RULE_SHIFT
          && table.wideSeconds == null
          && table.nanos == null && !trend;
      for (int t = 0; t < typeMap.length; t++) {
        typeMap[t] = kernel.typeId(table.typeNames[t]);
        plainRule[t] = typeMap[t] < 0 ? -1 : kernel.plainRuleByType[typeMap[t]];
        // The spare sum for types no event rule reads; those an aggregate rule of the
        // behavioral section reads are still activity.
        plainCode[t] = plainRule[t] < 0 ? kernel.spareRule() << RULE_SHIFT
            | (typeMap[t] >= 0 && kernel.activityType[typeMap[t]] ? ACTIVITY_BIT : 0)
            : plainRule[t] << RULE_SHIFT
                | (kernel.activityType[typeMap[t]] ? ACTIVITY_BIT : 0)
                | kernel.factorOffset(plainRule[t]);
        plainSlot[t] = typeMap[t] < 0 || !kernel.hasAggregates ? 0
            : kernel.firstSlotByType[typeMap[t]];
        plainMoreSlots[t] = typeMap[t] < 0 || !kernel.hasAggregates ? NO_SLOTS
            : kernel.moreSlotsByType[typeMap[t]];
        // A type only aggregate rules read has no event rule: its events go to the spare
        // sum (and to the aggregate records).
        allPlain &= typeMap[t] < 0 || plainRule[t] >= 0
            || kernel.rulesByType[typeMap[t]].length == 0;
      }
      plain = allPlain;
    }
  }

  /** Scores contacts {@code [from, to)}: the hot loop. Allocates nothing but its scratch. */
  private static void run(Plan plan, int from, int to, BatchScores out, long[] tierCounts) {
    if (plan.plain) {
      Kernel.Scratch s = plan.kernel.newBatchScratch();
      for (int b = from; b < to; b += PLAIN_BLOCK) {
        runPlain(plan, b, Math.min(to, b + PLAIN_BLOCK), out, tierCounts, s);
      }
      return;
    }
    Kernel k = plan.kernel;
    Kernel.Scratch s = k.newBatchScratch();
    long[] matched = s.matched;
    long asOfSecond = plan.asOfSecond;
    int asOfNano = plan.asOfNano;
    double[] score = out.score;
    double[] fit = out.fit;
    double[] engagement = out.engagement;
    int[] tier = out.tier;
    double[] trend = plan.trend ? out.trend : null;

    for (int c = from; c < to; c++) {
      match(plan, c, matched);
      events(plan, c, asOfSecond, asOfNano, s);

      score[c] = s.score;
      fit[c] = s.fit;
      engagement[c] = s.engagement;
      tier[c] = s.tier;
      tierCounts[s.tier]++;
      if (trend != null) {
        double now = s.score;
        events(plan, c, plan.startSecond, plan.startNano, s);
        trend[c] = now - s.score;
      }
    }
  }

  /**
   * Sets contact {@code c}'s matched conditions in {@code matched}: the OR of the masks of
   * its values.
   */
  private static void match(Plan plan, int c, long[] matched) {
    int words = plan.kernel.words;
    long[] absent = plan.absentMask;
    AttributeColumn[] columns = plan.columns;
    long[][] masks = plan.masks;
    byte[][] byteCodes = plan.byteCodes;
    if (words == 1) {
      long m = absent[0];
      if (byteCodes != null) {
        for (int j = 0; j < byteCodes.length; j++) {
          m |= masks[j][byteCodes[j][c] & 0xFF];
        }
      } else {
        for (int j = 0; j < columns.length; j++) {
          m |= masks[j][columns[j].code(c)];
        }
      }
      matched[0] = m;
    } else {
      System.arraycopy(absent, 0, matched, 0, words);
      for (int j = 0; j < columns.length; j++) {
        long[] mask = masks[j];
        int base = columns[j].code(c) * words;
        for (int w = 0; w < words; w++) {
          matched[w] |= mask[base + w];
        }
      }
    }
  }

  /**
   * {@link #run} for a {@link Plan#plain} plan, the common case: every scored event type
   * has at most one rule, which counts every event of it, aggregate rules (if any) read no
   * values, times are whole seconds and there is no trend. The same steps as {@link #events} on the same
   * doubles in the same order (so the same bits), minus what such a table cannot need: no
   * kernel type id, no value, no nanosecond, no event count, no branch on whether the rule
   * decays, and the sums cleared as {@link Kernel#finishPlain} reads them. One loop nest,
   * so that the compiler keeps it in one piece ({@link #events} is too big to inline into
   * {@link #run}). Called per block of {@link #PLAIN_BLOCK} contacts, with one working
   * memory {@code s} from {@link Kernel#newBatchScratch} for all of them.
   */
  private static void runPlain(Plan plan, int from, int to, BatchScores out,
      long[] tierCounts, Kernel.Scratch s) {
    Kernel k = plan.kernel;
    long[] matched = s.matched;
    double[] sum = s.sum;
    int[] plainCode = plan.plainCode;
    ContactTable table = plan.table;
    int[] eventStart = table.eventStart;
    char[] types = table.types;
    int[] seconds = table.seconds;
    // Kernel.ageDays of (asOfSecond, asOfNano, epochSecond + seconds[i], 0): with no event
    // nanosecond, asOfNano < 0 never holds, and asOfSecond - (epochSecond + x) equals
    // (asOfSecond - epochSecond) - x in long arithmetic.
    long base = plan.asOfSecond - table.epochSecond;
    double[] score = out.score;
    double[] fit = out.fit;
    double[] engagement = out.engagement;
    int[] tier = out.tier;

    boolean aggregates = k.hasAggregates;
    boolean moreSlots = k.hasMoreSlots;
    int[] plainSlot = plan.plainSlot;
    int[][] plainMoreSlots = plan.plainMoreSlots;
    long[] acc = s.aggregateAcc;
    for (int c = from; c < to; c++) {
      match(plan, c, matched);
      k.attributesMemo(s);
      if (aggregates) {
        k.clearAggregates(s);
      }
      boolean active = false;
      long lastActivityAge = 0;
      for (int i = eventStart[c + 1] - 1; i >= eventStart[c]; i--) {
        int stored = types[i] & (ContactTable.VALUE_FLAG - 1);
        int code = plainCode[stored];
        long age = Math.floorDiv(base - seconds[i], Kernel.DAY_SECONDS);
        if (age < 0) {
          continue;
        }
        if (!active && (code & Plan.ACTIVITY_BIT) != 0) {
          active = true;
          lastActivityAge = age;
        }
        k.addPlain(code >>> Plan.RULE_SHIFT, code & Plan.OFFSET_BITS, age, sum);
        if (aggregates) {
          // As in events: the aggregate records after the event rules; no rule reads
          // values. Events of types the kernel does not know go through the no-op slot.
          k.countSlotPlain(plainSlot[stored], age, acc);
          if (moreSlots) {
            for (int more : plainMoreSlots[stored]) {
              k.countSlotPlain(more, age, acc);
            }
          }
        }
      }
      k.finishPlain(active, lastActivityAge, s);

      score[c] = s.score;
      fit[c] = s.fit;
      engagement[c] = s.engagement;
      tier[c] = s.tier;
      tierCounts[s.tier]++;
    }
  }

  /**
   * Evaluates contact {@code c} as of an instant, its matched conditions already in
   * {@code s.matched}: the event loop, most recent first, exactly as Kernel.evaluate walks.
   */
  private static void events(Plan plan, int c, long asOfSecond, int asOfNano,
      Kernel.Scratch s) {
    Kernel k = plan.kernel;
    ContactTable table = plan.table;
    int[] typeMap = plan.typeMap;
    int[] plainRule = plan.plainRule;
    boolean[] activityType = k.activityType;
    boolean aggregates = k.hasAggregates;
    boolean aggregateValues = k.aggregatesReadValues;
    int[] eventStart = table.eventStart;
    char[] types = table.types;
    int[] seconds = table.seconds;
    long[] wideSeconds = table.wideSeconds;
    int[] nanos = table.nanos;
    double[] values = table.values;
    int[] valueEnds = table.valueEnds;
    long epochSecond = table.epochSecond;
    k.beginContactMemo(s);

    // Events, most recent first, exactly as Kernel.evaluate walks them.
    boolean active = false;
    long lastActivityAge = 0;
    int vi = valueEnds == null ? 0 : valueEnds[c];
    for (int i = eventStart[c + 1] - 1; i >= eventStart[c]; i--) {
      // Branch-free on whether the event has a value (an unpredictable branch otherwise):
      // values are stored only for events that have one, walked backwards with vi.
      int stored = types[i];
      int hasValue = stored >>> 15;
      vi -= hasValue;
      stored &= ContactTable.VALUE_FLAG - 1;
      int type = typeMap[stored];
      if (type < 0) {
        continue;
      }
      long at = wideSeconds == null ? epochSecond + seconds[i] : wideSeconds[i];
      long age = Kernel.ageDays(asOfSecond, asOfNano, at, nanos == null ? 0 : nanos[i]);
      if (age < 0) {
        continue;
      }
      if (!active && activityType[type]) {
        active = true;
        lastActivityAge = age;
      }
      // Kernel.countEvent in its two parts: the event rules (with the single-rule fast
      // path), then the aggregate rules, which read the value only when they use it.
      int plain = plainRule[stored];
      if (plain >= 0) {
        k.countPlain(plain, age, s);
      } else {
        k.countRules(type, age, hasValue != 0 ? values[vi] : Double.NaN, s);
      }
      if (aggregates) {
        k.countAggregates(type, age,
            aggregateValues && hasValue != 0 ? values[vi] : Double.NaN, s);
      }
    }
    k.finish(active, lastActivityAge, s);
  }
}
