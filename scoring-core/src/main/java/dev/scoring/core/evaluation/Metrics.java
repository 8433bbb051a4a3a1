package dev.scoring.core.evaluation;

/**
 * Ranking metrics of scores against outcomes, on plain arrays: the building blocks of
 * {@link Evaluation}, usable on any scores (a logistic regression's probabilities, for one).
 *
 * <p>Every metric needs at least one converted and one non-converted contact and rejects NaN
 * scores. The result never depends on the order of the input. Stateless and thread-safe.
 */
public final class Metrics {
  private Metrics() {}

  /**
   * The ROC AUC: the probability that a random converted contact scores above a random
   * non-converted one, ties counting half. Computed from mid-ranks (the Mann-Whitney U
   * statistic divided by {@code P * N}) in O(n log n).
   *
   * @param scores    the scores, not NaN
   * @param converted the outcomes, same length
   * @return the AUC in [0, 1]
   * @throws IllegalArgumentException if the lengths differ, a score is NaN, or all outcomes
   *     are equal
   */
  public static double auc(double[] scores, boolean[] converted) {
    return new Ranking(scores, converted).auc();
  }

  /**
   * The Gini coefficient (accuracy ratio), {@code 2 * AUC - 1}.
   *
   * @param scores    the scores, not NaN
   * @param converted the outcomes, same length
   * @return the Gini coefficient in [-1, 1]
   * @throws IllegalArgumentException as {@link #auc}
   */
  public static double gini(double[] scores, boolean[] converted) {
    return 2 * auc(scores, converted) - 1;
  }

  /**
   * The Kolmogorov-Smirnov statistic: the largest gap {@code |TPR(t) - FPR(t)|} between the
   * share of converted and of non-converted contacts scoring at least {@code t}, over every
   * distinct score {@code t} (tied contacts are always on the same side of a cut).
   *
   * @param scores    the scores, not NaN
   * @param converted the outcomes, same length
   * @return the KS statistic in [0, 1]
   * @throws IllegalArgumentException as {@link #auc}
   */
  public static double ks(double[] scores, boolean[] converted) {
    return new Ranking(scores, converted).ks()[0];
  }
}
