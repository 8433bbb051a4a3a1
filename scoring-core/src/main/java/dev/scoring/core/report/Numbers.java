package dev.scoring.core.report;

import java.util.Locale;

/**
 * The one number format of every report (scoring, evaluation, RFM): thousands separators
 * ({@code 1,000,000}), a fixed number of decimals per measure, percentages with a {@code %}
 * sign, p-values as {@code "< 0.001"} below one in a thousand, and {@code "-"} for a value that
 * does not exist (NaN). Always in the root locale, so a report reads the same on every machine.
 *
 * <pre>{@code
 * Numbers.count(1_000_000);      // "1,000,000"
 * Numbers.decimal(10000, 1);     // "10,000.0"
 * Numbers.percent(0.1234, 1);    // "12.3%"
 * Numbers.pValue(2.918e-106);    // "< 0.001"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Numbers {
  /** What a missing value (NaN) prints as. */
  public static final String MISSING = "-";

  private Numbers() {}

  /**
   * A whole count with thousands separators.
   *
   * @param n the count
   * @return such as {@code "1,000,000"}
   */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * A number with thousands separators and exactly {@code decimals} decimals.
   *
   * @param v        the number; NaN prints as {@link #MISSING}
   * @param decimals the number of decimals, 0 to 10
   * @return such as {@code "10,000.0"} for {@code (10000, 1)}
   * @throws IllegalArgumentException if {@code decimals} is outside 0..10
   */
  public static String decimal(double v, int decimals) {
    if (decimals < 0 || decimals > 10) {
      throw new IllegalArgumentException("decimals must be in 0..10, but was " + decimals);
    }
    if (Double.isNaN(v)) {
      return MISSING;
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
    return s.matches("-[0,.]*") ? s.substring(1) : s; // no "-0.00"
  }

  /**
   * A share as a percentage with exactly {@code decimals} decimals.
   *
   * @param share    the share, 1 for 100%; NaN prints as {@link #MISSING}
   * @param decimals the number of decimals, 0 to 10
   * @return such as {@code "12.3%"} for {@code (0.1234, 1)}
   * @throws IllegalArgumentException if {@code decimals} is outside 0..10
   */
  public static String percent(double share, int decimals) {
    String s = decimal(100 * share, decimals);
    return Double.isNaN(share) ? s : s + "%";
  }

  /**
   * A p-value: {@code "< 0.001"} below 0.001, otherwise three decimals.
   *
   * @param p the p-value in [0, 1]; NaN prints as {@link #MISSING}
   * @return such as {@code "< 0.001"} or {@code "0.042"}
   */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return MISSING;
    }
    return p < 0.001 ? "< 0.001" : decimal(p, 3);
  }

  /**
   * A bound of an interval or a tick of an axis whose round step is {@code step}: as many
   * decimals as the step needs (none for a whole step), with thousands separators.
   *
   * @param v    the value
   * @param step the distance between neighbouring values, positive
   * @return such as {@code "2.5"} for {@code (2.5, 0.5)} or {@code "100,000"} for
   *     {@code (100000, 20000)}
   */
  public static String onStep(double v, double step) {
    return decimal(v, decimalsFor(step));
  }

  /** The decimals a round step needs: 0 for whole steps, 1 for 0.5 or 0.2, 2 for 0.25. */
  static int decimalsFor(double step) {
    for (int d = 0; d < 6; d++) {
      double scaled = step * Math.pow(10, d);
      if (Math.abs(scaled - Math.rint(scaled)) < 1e-9 * Math.max(1, scaled)) {
        return d;
      }
    }
    return 6;
  }
}
