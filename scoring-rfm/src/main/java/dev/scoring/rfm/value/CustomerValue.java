package dev.scoring.rfm.value;

import java.util.OptionalDouble;

/**
 * One customer's predicted value and churn risk, as computed by a {@link CustomerValueScorer}.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param customerId           the customer
 * @param probabilityAlive     P(alive) at the end of calibration, in [0, 1]
 * @param expectedPurchases    expected purchases over the scorer's horizon, at least 0
 * @param expectedAverageValue expected value per future purchase (Gamma-Gamma), or empty
 *                             without a spend model
 * @param clv                  discounted expected value over the horizon, or empty without
 *                             a spend model
 */
public record CustomerValue(String customerId, double probabilityAlive,
    double expectedPurchases, OptionalDouble expectedAverageValue, OptionalDouble clv) {

  /**
   * Returns the churn probability, 1 - {@link #probabilityAlive()}, in [0, 1].
   *
   * @return the churn probability, 1 - {@link #probabilityAlive()}, in [0, 1]
   */
  public double churnProbability() {
    return 1 - probabilityAlive;
  }
}
