package dev.scoring.core.analysis;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;

import dev.scoring.core.Condition;
import dev.scoring.api.ModelException;
import dev.scoring.core.Criteria;
import dev.scoring.core.Decay;
import dev.scoring.core.EventMatch;
import dev.scoring.core.Scale;
import dev.scoring.core.ScoringTable;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Small random scoring tables for the analysis tests: two attributes, three event types, a
 * handful of rules of every kind, optional caps, every decay (including a step decay whose
 * factor rises with age), inactivity, tiers. Small enough to brute-force.
 */
final class AnalysisModels {
  private AnalysisModels() {}

  /** Tables from seeds (jqwik then reports the seed of a failing table). */
  static Arbitrary<ScoringTable> tables() {
    return Arbitraries.longs().map(seed -> random(new Random(seed)));
  }

  static ScoringTable random(Random r) {
    ScoringTable.Builder b = ScoringTable.builder("random");
    if (r.nextInt(4) == 0) {
      b.scale(-20, 30);
    }
    switch (r.nextInt(5)) {
      case 0 -> b.decay(Decay.halfLife(1 + r.nextInt(10)));
      case 1 -> b.decay(Decay.linear(2.5 + r.nextInt(8)));
      case 2 -> b.decay(Decay.steps(Decay.step(2, 1), Decay.step(6.5, 0.5)));
      case 3 -> b.decay(Decay.steps(Decay.step(3, 0.25), Decay.step(5, 1)));
      default -> { }
    }
    int id = 0;
    for (int i = r.nextInt(4); i > 0; i--) {
      b.demographic("d" + id++, criteria(r), nonZero(r, -5, 10));
    }
    for (int i = r.nextInt(2); i > 0; i--) {
      b.negative("n" + id++, criteria(r), -1 - r.nextInt(8));
    }
    if (r.nextInt(3) == 0) {
      b.demographicCap(1 + r.nextInt(10));
    }
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      b.behavioral("b" + id++, match(r, r.nextBoolean() ? "a" : "b"), nonZero(r, -3, 8));
    }
    for (int i = r.nextInt(2); i > 0; i--) {
      b.negative("e" + id++, match(r, r.nextBoolean() ? "b" : "c"), -1 - r.nextInt(6));
    }
    if (r.nextInt(3) == 0) {
      b.behavioralCap(1 + r.nextInt(12));
    }
    if (r.nextBoolean()) {
      b.inactivity("i" + id++, 2 + r.nextInt(7), -1 - r.nextInt(5));
    }
    Scale scale = b.build().scale();
    double t = scale.min() + 1 + r.nextInt(15);
    for (int i = r.nextInt(3); i > 0 && t <= scale.max(); i--) {
      b.tier("t" + i, t); // the builder refuses tiers above the scale
      t += 1 + r.nextInt(20);
    }
    return b.build();
  }

  private static double nonZero(Random r, int lo, int hi) {
    int p;
    do {
      p = lo + r.nextInt(hi - lo + 1);
    } while (p == 0);
    return p;
  }

  private static Criteria criteria(Random r) {
    while (true) {
      Condition first = condition(r);
      Criteria c = r.nextInt(3) == 0 ? first.and(condition(r)) : first;
      try {
        ScoringTable.builder("probe").demographic("probe", c, 1).build();
        return c; // the builder refuses rules that can never fire
      } catch (ModelException e) {
        continue;
      }
    }
  }

  private static Condition condition(Random r) {
    Condition.On on = attribute(r.nextBoolean() ? "x" : "y");
    return switch (r.nextInt(10)) {
      case 0 -> {
        int lo = r.nextInt(10);
        yield on.between(lo, lo + r.nextInt(10 - lo));
      }
      case 1 -> on.atLeast(r.nextInt(10));
      case 2 -> on.below(r.nextInt(10));
      case 3 -> on.equalTo("v1");
      case 4 -> on.equalToIgnoreCase("V1");
      case 5 -> on.in("v1", "v2");
      case 6 -> on.equalTo(5);
      case 7 -> on.equalTo(true);
      case 8 -> on.present();
      default -> on.absent();
    };
  }

  private static EventMatch match(Random r, String type) {
    EventMatch m = on(type);
    if (r.nextInt(5) != 0) {
      m = m.maxOccurrences(1 + r.nextInt(2));
    }
    if (r.nextInt(3) == 0) {
      m = m.withinDays(1 + r.nextInt(6));
    }
    if (r.nextInt(3) == 0) {
      m = m.minValue(r.nextBoolean() ? 10 : 20);
    }
    if (r.nextInt(4) == 0) {
      m = m.decays(r.nextBoolean());
    }
    return m;
  }
}
