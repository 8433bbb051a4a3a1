package dev.scoring.rfm;

import dev.scoring.api.ModelException;
import dev.scoring.api.Values;
import java.util.Arrays;
import java.util.List;

/**
 * How a measure's values are cut into scores {@code 1..n}. Three rules, each a count of the
 * thresholds a value passes, so ties always share a bin and the result never depends on the
 * order of the input:
 *
 * <ul>
 *   <li>{@link #quantiles()} (the default): thresholds {@code q_k} are the type-7 quantiles
 *       (linear interpolation, R's and numpy's default) of the customers' values at
 *       {@code k/n}, {@code k = 1..n-1}, and {@code bin(x) = 1 + #{k : x > q_k}};
 *   <li>{@link #rCompatible()}: exactly the rule of the R {@code rfm} package 0.3.0: the same
 *       quantiles (at R's probabilities {@code k * (1/n)}), thresholds {@code q_k + 1}, and
 *       {@code bin(x) = 1 + #{k : x >= q_k + 1}};
 *   <li>{@link #fixed(double...)}: the user's strictly increasing thresholds
 *       {@code b_1 < ... < b_(n-1)}, and {@code bin(x) = 1 + #{k : x > b_k}}.
 * </ul>
 *
 * <p>Recency is scored in reverse: {@code R = n + 1 - bin(recencyDays)}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Binning {
  enum Kind { QUANTILES, R_COMPATIBLE, FIXED }

  private static final Binning QUANTILES = new Binning(Kind.QUANTILES, new double[0]);
  private static final Binning R_COMPATIBLE = new Binning(Kind.R_COMPATIBLE, new double[0]);

  private final Kind kind;
  private final double[] fixed;

  private Binning(Kind kind, double[] fixed) {
    this.kind = kind;
    this.fixed = fixed;
  }

  /**
   * Type-7 quantile thresholds at {@code k/n}, {@code bin(x) = 1 + #{k : x > q_k}}: the
   * default.
   *
   * @return the quantile binning
   */
  public static Binning quantiles() {
    return QUANTILES;
  }

  /**
   * The R {@code rfm} 0.3.0 rule: thresholds {@code q_k + 1},
   * {@code bin(x) = 1 + #{k : x >= q_k + 1}}.
   *
   * @return the R-compatible binning
   */
  public static Binning rCompatible() {
    return R_COMPATIBLE;
  }

  /**
   * The user's thresholds, {@code bin(x) = 1 + #{k : x > b_k}}. There must be {@code n - 1}
   * of them for {@code n} bins (checked by {@link Rfm.Builder#build()}).
   *
   * @param breakpoints finite, strictly increasing thresholds, at least one
   * @return the fixed binning
   * @throws ModelException if there are none, or one is not finite or not greater than the
   *     one before it
   */
  public static Binning fixed(double... breakpoints) {
    if (breakpoints == null || breakpoints.length == 0) {
      throw new ModelException("breakpoints", "breakpoints must be at least one number, but was "
          + (breakpoints == null ? "null" : "[]"));
    }
    double[] copy = breakpoints.clone();
    for (int k = 0; k < copy.length; k++) {
      if (!Double.isFinite(copy[k])) {
        throw new ModelException("breakpoints[" + k + "]",
            "breakpoints[" + k + "] must be finite, but was " + copy[k]);
      }
      if (k > 0 && !(copy[k] > copy[k - 1])) {
        throw new ModelException("breakpoints[" + k + "]", "breakpoints[" + k
            + "] must be greater than breakpoints[" + (k - 1) + "] (" + Values.number(copy[k - 1])
            + "), but was " + Values.number(copy[k]));
      }
    }
    return new Binning(Kind.FIXED, copy);
  }

  /**
   * Returns the user's thresholds for a fixed binning, otherwise an empty list.
   *
   * @return the user's thresholds for a fixed binning, otherwise an empty list
   */
  public List<Double> breakpoints() {
    return Arrays.stream(fixed).boxed().toList();
  }

  Kind kind() {
    return kind;
  }

  int fixedCount() {
    return fixed.length;
  }

  /**
   * The thresholds for {@code n} bins over the customers' values.
   *
   * @param sorted the values, sorted ascending (only read for the quantile rules), not empty
   */
  double[] thresholds(double[] sorted, int n) {
    if (kind == Kind.FIXED) {
      return fixed.clone();
    }
    return thresholds(n, sorted.length, rank -> sorted[(int) rank]);
  }

  /**
   * Returns the thresholds for {@code n} bins over {@code count} values that the caller holds
   * sorted elsewhere (for engines that sort a column across machines, such as Spark), reading
   * only the few values at the ranks the type-7 quantiles need. Give the same values as
   * {@link Rfm} sees and the thresholds are the same doubles. To learn which ranks are read,
   * call it once with a function that records its argument.
   *
   * @param n        the number of bins, {@value Rfm#MIN_BINS}..{@value Rfm#MAX_BINS}
   * @param count    the number of values, at least 1
   * @param sortedAt the value of a rank {@code 0..count-1} in ascending order; not called for
   *                 a fixed binning
   * @return the {@code n - 1} thresholds, in the form {@link #bin(double, double[])} takes
   * @throws IllegalArgumentException if {@code n} or {@code count} is out of range, or a
   *     fixed binning does not have {@code n - 1} breakpoints
   */
  public double[] thresholds(int n, long count, java.util.function.LongToDoubleFunction sortedAt) {
    if (n < Rfm.MIN_BINS || n > Rfm.MAX_BINS) {
      throw new IllegalArgumentException("n must be in " + Rfm.MIN_BINS + ".." + Rfm.MAX_BINS
          + ", but was " + n);
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, but was " + count);
    }
    switch (kind) {
      case FIXED:
        if (fixed.length != n - 1) {
          throw new IllegalArgumentException("breakpoints must be " + (n - 1) + " for " + n
              + " bins, but was " + fixed.length);
        }
        return fixed.clone();
      case QUANTILES: {
        double[] t = new double[n - 1];
        for (int k = 1; k < n; k++) {
          t[k - 1] = quantile7(count, sortedAt, (double) k / n);
        }
        return t;
      }
      default: {
        // R: seq(0, 1, length.out = n + 1) gives probabilities k * (1 / n)
        double step = 1.0 / n;
        double[] t = new double[n - 1];
        for (int k = 1; k < n; k++) {
          t[k - 1] = quantile7(count, sortedAt, k * step) + 1;
        }
        return t;
      }
    }
  }

  /**
   * Returns the bin of a value: {@code 1 +} the number of thresholds it passes ({@code >}, or
   * {@code >=} for {@link #rCompatible()}).
   *
   * @param x          the value
   * @param thresholds thresholds from {@link #thresholds(int, long,
   *                   java.util.function.LongToDoubleFunction)}
   * @return the bin, {@code 1..thresholds.length + 1}
   */
  public int bin(double x, double[] thresholds) {
    int bin = 1;
    if (kind == Kind.R_COMPATIBLE) {
      for (double t : thresholds) {
        if (x >= t) {
          bin++;
        }
      }
    } else {
      for (double t : thresholds) {
        if (x > t) {
          bin++;
        }
      }
    }
    return bin;
  }

  /**
   * R's {@code quantile(type = 7)}: {@code index = 1 + (N - 1) p}, interpolating
   * {@code (1 - h) x[lo] + h x[hi]} only when the two neighbours differ.
   */
  static double quantile7(double[] sorted, double p) {
    return quantile7(sorted.length, rank -> sorted[(int) rank], p);
  }

  private static double quantile7(long count, java.util.function.LongToDoubleFunction sortedAt,
      double p) {
    double index = 1 + (count - 1) * p;
    long lo = (long) Math.floor(index);
    long hi = (long) Math.ceil(index);
    double q = sortedAt.applyAsDouble(lo - 1);
    double h = index - lo;
    if (index > lo) {
      double next = sortedAt.applyAsDouble(hi - 1);
      if (next != q) {
        q = (1 - h) * q + h * next;
      }
    }
    return q;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Binning b && kind == b.kind && Arrays.equals(fixed, b.fixed);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(fixed);
  }

  @Override
  public String toString() {
    switch (kind) {
      case QUANTILES:
        return "quantiles";
      case R_COMPATIBLE:
        return "r-compatible";
      default:
        return "fixed" + Arrays.toString(fixed);
    }
  }
}
