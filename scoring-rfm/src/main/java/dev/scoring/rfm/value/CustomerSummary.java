package dev.scoring.rfm.value;

/**
 * One customer's purchase history reduced to the sufficient statistics of the BG/NBD and
 * Gamma-Gamma models, for a calibration period ending on a given date.
 *
 * <p>In the papers' notation: {@code frequency} is x (the number of repeat purchases, that is
 * purchase periods after the first one), {@code recency} is t<sub>x</sub> (time from the first
 * to the last purchase), {@code age} is T (time from the first purchase to the end of the
 * calibration period) and {@code meanValue} is z&#772; (the mean value of the repeat purchases,
 * 0 by convention when x = 0). Times are in one unit chosen by the caller (days or weeks).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param customerId the customer, non-blank
 * @param frequency  x, the number of repeat purchases, at least 0
 * @param recency    t<sub>x</sub>, finite, in [0, age], and 0 when {@code frequency} is 0
 * @param age        T, finite and at least 0
 * @param meanValue  z&#772;, the mean repeat-purchase value, finite (0 when x = 0)
 */
public record CustomerSummary(
    String customerId, int frequency, double recency, double age, double meanValue) {

  /**
   * Validates the components.
   *
   * @param customerId the customer, non-blank
   * @param frequency x, the number of repeat purchases, at least 0
   * @param recency t<sub>x</sub>, finite, in [0, age], and 0 when {@code frequency} is 0
   * @param age T, finite and at least 0
   * @param meanValue z&#772;, the mean repeat-purchase value, finite (0 when x = 0)
   * @throws IllegalArgumentException if the id is blank, the frequency negative, a time not
   *     finite, negative or with recency greater than age, recency not 0 when frequency is 0,
   *     or the mean value not finite
   */
  public CustomerSummary {
    if (customerId == null || customerId.isBlank()) {
      throw new IllegalArgumentException("customerId must be a non-blank string, but was "
          + (customerId == null ? "null" : "\"" + customerId + "\""));
    }
    String where = "customer '" + customerId + "' ";
    if (frequency < 0) {
      throw new IllegalArgumentException(
          where + "frequency must be at least 0, but was " + frequency);
    }
    if (!(age >= 0) || Double.isInfinite(age)) {
      throw new IllegalArgumentException(
          where + "age must be finite and at least 0, but was " + age);
    }
    if (!(recency >= 0 && recency <= age)) {
      throw new IllegalArgumentException(
          where + "recency must be in [0, age = " + age + "], but was " + recency);
    }
    if (frequency == 0 && recency != 0) {
      throw new IllegalArgumentException(
          where + "recency must be 0 when frequency is 0, but was " + recency);
    }
    if (!Double.isFinite(meanValue)) {
      throw new IllegalArgumentException(
          where + "meanValue must be finite, but was " + meanValue);
    }
  }

  /**
   * A summary without monetary value (mean value 0), for the BG/NBD model alone.
   *
   * @param customerId the customer
   * @param frequency  x
   * @param recency    t<sub>x</sub>
   * @param age        T
   * @return the summary
   * @throws IllegalArgumentException if a value is invalid
   */
  public static CustomerSummary of(String customerId, int frequency, double recency, double age) {
    return new CustomerSummary(customerId, frequency, recency, age, 0);
  }
}
