package dev.scoring.core;

import dev.scoring.api.Values;
import java.util.List;
import java.util.Objects;

/**
 * How old engagement fades: a factor in [0, 1] of an event's age in whole days, applied to
 * the points of decaying event rules. One decay per model.
 *
 * <table>
 *   <caption>Decay functions ({@code a} is the age in whole days, as a double)</caption>
 *   <tr><th>factory</th><th>factor(a)</th></tr>
 *   <tr><td>{@link #none()} (default)</td><td>1</td></tr>
 *   <tr><td>{@link #halfLife(double) halfLife(h)}</td><td>{@code Math.pow(0.5, a / h)}</td></tr>
 *   <tr><td>{@link #linear(double) linear(L)}</td><td>{@code max(0, 1 - a / L)}</td></tr>
 *   <tr><td>{@link #steps(List) steps(...)}</td><td>the factor of the first step with
 *       {@code a < belowDays}; 0 after the last</td></tr>
 * </table>
 *
 * <p>All implementations are value-based records: immutable and thread-safe.
 */
public sealed interface Decay permits Decay.None, Decay.HalfLife, Decay.Linear, Decay.Steps {

  /**
   * Returns the factor for an age.
   *
   * @param ageDays the age in whole days, at least 0
   * @return a factor in [0, 1]
   */
  double factor(double ageDays);

  /**
   * Returns the decay that keeps every event at full weight.
   *
   * @return the decay
   */
  static Decay none() {
    return None.INSTANCE;
  }

  /**
   * Returns an exponential decay halving every {@code days} days.
   *
   * @param days the half-life, positive and finite
   * @return the decay
   * @throws IllegalArgumentException if {@code days} is not positive and finite
   */
  static Decay halfLife(double days) {
    return new HalfLife(days);
  }

  /**
   * Returns a decay falling linearly from 1 to 0 over {@code days} days.
   *
   * @param days positive and finite
   * @return the decay
   * @throws IllegalArgumentException if {@code days} is not positive and finite
   */
  static Decay linear(double days) {
    return new Linear(days);
  }

  /**
   * Returns a step decay.
   *
   * @param steps at least one step, strictly increasing in {@code belowDays}
   * @return the decay
   * @throws IllegalArgumentException if the steps are empty or not strictly increasing
   */
  static Decay steps(List<Step> steps) {
    return new Steps(steps);
  }

  /**
   * Returns a step decay.
   *
   * @param steps at least one step, strictly increasing in {@code belowDays}
   * @return the decay
   * @throws IllegalArgumentException if the steps are empty or not strictly increasing
   */
  static Decay steps(Step... steps) {
    return new Steps(List.of(steps));
  }

  /**
   * Returns one step of a step decay.
   *
   * @param belowDays applies to ages below this, positive and finite
   * @param factor    the factor, in [0, 1]
   * @return the step
   * @throws IllegalArgumentException if a value is out of range
   */
  static Step step(double belowDays, double factor) {
    return new Step(belowDays, factor);
  }

  /** No decay: the factor is always 1. */
  record None() implements Decay {
    static final None INSTANCE = new None();

    @Override
    public double factor(double ageDays) {
      return 1.0;
    }
  }

  /**
   * Exponential decay: {@code Math.pow(0.5, a / days)}.
   *
   * @param days the half-life in days, positive and finite
   */
  record HalfLife(double days) implements Decay {
    /**
     * Validates the half-life.
     *
     * @param days the half-life in days, positive and finite
     * @throws IllegalArgumentException if {@code days} is not positive and finite
     */
    public HalfLife {
      if (!(days > 0) || !Double.isFinite(days)) {
        throw new IllegalArgumentException(
            "decay.days must be positive and finite, but was " + Values.number(days));
      }
    }

    @Override
    public double factor(double ageDays) {
      return Math.pow(0.5, ageDays / days);
    }
  }

  /**
   * Linear decay: {@code max(0, 1 - a / days)}.
   *
   * @param days the age at which the factor reaches 0, positive and finite
   */
  record Linear(double days) implements Decay {
    /**
     * Validates the length.
     *
     * @param days the age at which the factor reaches 0, positive and finite
     * @throws IllegalArgumentException if {@code days} is not positive and finite
     */
    public Linear {
      if (!(days > 0) || !Double.isFinite(days)) {
        throw new IllegalArgumentException(
            "decay.days must be positive and finite, but was " + Values.number(days));
      }
    }

    @Override
    public double factor(double ageDays) {
      return Math.max(0.0, 1.0 - ageDays / days);
    }
  }

  /**
   * Step decay: the factor of the first step whose {@code belowDays} exceeds the age; 0
   * after the last step.
   *
   * @param steps at least one step, strictly increasing in {@code belowDays}
   */
  record Steps(List<Step> steps) implements Decay {
    /**
     * Copies and validates the steps.
     *
     * @param steps at least one step, strictly increasing in {@code belowDays}
     * @throws IllegalArgumentException if the steps are empty or not strictly increasing
     */
    public Steps {
      Objects.requireNonNull(steps, "steps");
      steps = List.copyOf(steps);
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("decay.steps must not be empty, but was []");
      }
      for (int i = 1; i < steps.size(); i++) {
        if (!(steps.get(i).belowDays() > steps.get(i - 1).belowDays())) {
          throw new IllegalArgumentException("decay.steps[" + i
              + "].belowDays must be greater than " + Values.number(steps.get(i - 1).belowDays())
              + ", but was " + Values.number(steps.get(i).belowDays()));
        }
      }
    }

    /**
     * {@inheritDoc} Found by binary search over the steps: the cost grows with the
     * logarithm of their number.
     */
    @Override
    public double factor(double ageDays) {
      // The first step with ageDays < belowDays; belowDays increases strictly.
      int lo = 0;
      int hi = steps.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ageDays < steps.get(mid).belowDays()) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo < steps.size() ? steps.get(lo).factor() : 0.0;
    }
  }

  /**
   * One step of a step decay.
   *
   * @param belowDays applies to ages below this, positive and finite
   * @param factor    the factor, in [0, 1]
   */
  record Step(double belowDays, double factor) {
    /**
     * Validates the step.
     *
     * @param belowDays applies to ages below this, positive and finite
     * @param factor    the factor, in [0, 1]
     * @throws IllegalArgumentException if {@code belowDays} is not positive and finite or
     *     {@code factor} is outside [0, 1]
     */
    public Step {
      if (!(belowDays > 0) || !Double.isFinite(belowDays)) {
        throw new IllegalArgumentException(
            "belowDays must be positive and finite, but was " + Values.number(belowDays));
      }
      if (!(factor >= 0 && factor <= 1)) {
        throw new IllegalArgumentException(
            "factor must be in [0, 1], but was " + Values.number(factor));
      }
    }
  }
}
