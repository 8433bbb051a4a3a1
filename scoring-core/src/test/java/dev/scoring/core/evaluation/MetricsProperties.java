package dev.scoring.core.evaluation;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MetricsProperties {

  record Sample(double[] scores, boolean[] labels) {}

  /** Scores on a coarse grid (many ties, including -0.0 and 0.0), labels either way. */
  @Provide
  Arbitrary<Sample> samples() {
    Arbitrary<Double> score = Arbitraries.of(-0.0, 0.0, 0.5, 1.0, 2.0, 3.5, -1.0, 7.0);
    return Combinators.combine(score.list().ofMinSize(2).ofMaxSize(60),
        Arbitraries.of(true, false).list().ofMinSize(60).ofMaxSize(60)).as((s, l) -> {
          double[] scores = s.stream().mapToDouble(Double::doubleValue).toArray();
          boolean[] labels = new boolean[scores.length];
          for (int i = 0; i < scores.length; i++) {
            labels[i] = l.get(i);
          }
          return new Sample(scores, labels);
        });
  }

  @Property(tries = 200)
  boolean aucEqualsTheShareOfPairsWonTiesCountingHalf(@ForAll("samples") Sample s) {
    double won = 0;
    long pairs = 0;
    for (int i = 0; i < s.scores.length; i++) {
      for (int j = 0; j < s.scores.length; j++) {
        if (s.labels[i] && !s.labels[j]) {
          pairs++;
          won += s.scores[i] > s.scores[j] ? 1 : s.scores[i] == s.scores[j] ? 0.5 : 0;
        }
      }
    }
    Assume.that(pairs > 0);
    return Math.abs(Metrics.auc(s.scores, s.labels) - won / pairs) < 1e-12;
  }

  @Property(tries = 200)
  boolean ksIsTheLargestGapOverEveryCut(@ForAll("samples") Sample s) {
    int p = 0;
    for (boolean l : s.labels) {
      p += l ? 1 : 0;
    }
    int n = s.labels.length - p;
    Assume.that(p > 0 && n > 0);
    double best = 0;
    for (double cut : s.scores) {
      int tp = 0;
      int fp = 0;
      for (int i = 0; i < s.scores.length; i++) {
        if (s.scores[i] >= cut) {
          tp += s.labels[i] ? 1 : 0;
          fp += s.labels[i] ? 0 : 1;
        }
      }
      best = Math.max(best, Math.abs((double) tp / p - (double) fp / n));
    }
    return Math.abs(Metrics.ks(s.scores, s.labels) - best) < 1e-12;
  }

  @Property(tries = 100)
  boolean decilesNeverDependOnInputOrder(@ForAll("samples") Sample s) {
    int p = 0;
    for (boolean l : s.labels) {
      p += l ? 1 : 0;
    }
    Assume.that(p > 0 && p < s.labels.length);
    int n = s.scores.length;
    double[] reversedScores = new double[n];
    int[] converted = new int[n];
    int[] reversedConverted = new int[n];
    for (int i = 0; i < n; i++) {
      reversedScores[i] = s.scores[n - 1 - i] + 10;
      converted[i] = s.labels[i] ? 1 : 0;
      reversedConverted[n - 1 - i] = converted[i];
    }
    double[] shifted = s.scores.clone();
    for (int i = 0; i < n; i++) {
      shifted[i] += 10;
    }
    FixedScores model = new FixedScores("fixed");
    List<Evaluation.Decile> a = Evaluation.of(model, FixedScores.contacts(shifted, converted),
        EvaluationTest.AS_OF).deciles();
    List<Evaluation.Decile> b = Evaluation.of(model,
        FixedScores.contacts(reversedScores, reversedConverted), EvaluationTest.AS_OF).deciles();
    for (int d = 0; d < 10; d++) {
      if (Math.abs(a.get(d).converted() - b.get(d).converted()) > 1e-9) {
        return false;
      }
    }
    return true;
  }
}
