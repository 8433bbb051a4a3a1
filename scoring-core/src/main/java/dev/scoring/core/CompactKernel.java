package dev.scoring.core;

import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.core.internal.CompactModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@link ScoringTable}'s kernel fed from primitive arrays: the live path's way in. It walks
 * the events from the most recent back exactly as {@link Kernel#evaluate} does, so it gives
 * the same bits as {@link ScoringTable#score}. Immutable and thread-safe.
 */
final class CompactKernel implements CompactModel {
  private final ScoringTable table;
  private final Kernel kernel;
  private final String[] ruleIds;
  private final ThreadLocal<Kernel.Scratch> scratch;

  CompactKernel(ScoringTable table) {
    this.table = table;
    this.kernel = table.kernel();
    this.scratch = ThreadLocal.withInitial(kernel::newScratch);
    int d = table.demographic().size();
    int b = table.behavioralRules().size();
    ruleIds = new String[d + b + table.negative().size()];
    for (int r = 0; r < d; r++) {
      ruleIds[r] = table.demographic().get(r).id();
    }
    for (int r = 0; r < b; r++) {
      ruleIds[d + r] = table.behavioralRules().get(r).id();
    }
    for (int i = 0; i < table.negative().size(); i++) {
      ruleIds[d + b + i] = table.negative().get(i).id();
    }
  }

  /** The factory registered with {@link CompactModel#register}. */
  static CompactModel of(ScoringModel model) {
    return model instanceof ScoringTable t ? t.compact() : null;
  }

  @Override
  public ScoringModel model() {
    return table;
  }

  @Override
  public int typeId(String type) {
    return kernel.typeId(type);
  }

  @Override
  public List<String> eventTypes() {
    return List.of(kernel.typeNames);
  }

  @Override
  public int words() {
    return kernel.words;
  }

  @Override
  public void match(Map<String, Object> attributes, long[] matched) {
    kernel.matchAttributes(attributes, matched);
  }

  @Override
  public int ruleCount() {
    return ruleIds.length;
  }

  @Override
  public String ruleId(int rule) {
    return ruleIds[rule];
  }

  @Override
  public Score score(long[] matched, int[] types, int[] typeMap, long[] seconds, int[] nanos,
      double[] values, int n, int skip, Instant asOf, double[] contributions) {
    Kernel k = kernel;
    Kernel.Scratch s = scratch.get();
    System.arraycopy(matched, 0, s.matched, 0, k.words);
    k.beginContact(s);
    long asOfSecond = asOf.getEpochSecond();
    int asOfNano = asOf.getNano();
    boolean[] activityType = k.activityType;
    boolean active = false;
    long lastActivityAge = 0;
    for (int i = n - 1; i >= 0; i--) {
      int stored = types[i];
      int type = stored < typeMap.length ? typeMap[stored] : -1;
      if (type < 0 || i == skip) {
        continue;
      }
      long age = Kernel.ageDays(asOfSecond, asOfNano, seconds[i], nanos[i]);
      if (age < 0) {
        continue;
      }
      if (!active && activityType[type]) {
        active = true;
        lastActivityAge = age;
      }
      k.countEvent(type, age, values[i], s);
    }
    k.finish(active, lastActivityAge, s);
    if (contributions != null) {
      contributions(s, contributions);
    }
    return table.toScore(s, asOf);
  }

  /**
   * Each rule's points in the last evaluation, in {@link #ruleId} order: the same figures as
   * the entries of {@link ScoringTable#explanation} (0 for a rule that did not apply).
   */
  private void contributions(Kernel.Scratch s, double[] out) {
    int d = kernel.demographicCount;
    for (int r = 0; r < d; r++) {
      out[r] = s.attributeHit[r] ? kernel.attributePoints[r] : 0.0;
    }
    int b = kernel.behavioralIndex.length;
    for (int i = 0; i < b; i++) {
      int x = kernel.behavioralIndex[i];
      out[d + i] = kernel.behavioralKind[i] == 1 ? aggregatePoints(s, x)
          : kernel.eventPoints[x] * s.sum[x];
    }
    for (int i = 0; i < kernel.negativeKind.length; i++) {
      int x = kernel.negativeIndex[i];
      out[d + b + i] = switch (kernel.negativeKind[i]) {
        case 0 -> s.attributeHit[x] ? kernel.attributePoints[x] : 0.0;
        case 1 -> kernel.eventPoints[x] * s.sum[x];
        case 3 -> aggregatePoints(s, x);
        default -> s.inactivityHit[x] ? kernel.inactivityPoints[x] : 0.0;
      };
    }
  }

  private double aggregatePoints(Kernel.Scratch s, int a) {
    return s.aggregateHit[a] ? kernel.aggregatePoints[a] : 0.0;
  }

}
