package dev.scoring.rfm.value;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for a, b, c &gt; 0 and 0 &le; z &lt; 1,
 * by its power series, whose terms are then all positive: no cancellation. Terms and sum are
 * rescaled as they grow, so the logarithm is returned even when the value overflows a double
 * (large a and b, as for customers with thousands of purchases).
 */
final class Hypergeometric {
  /** Enough for z up to about 1 - 1e-6; beyond, the caller is asking for centuries ahead. */
  static final int MAX_TERMS = 50_000_000;
  private static final double BIG = 1e250;
  private static final double LOG_BIG = Math.log(BIG);

  private Hypergeometric() {}

  /**
   * Returns ln 2F1(a, b; c; z).
   *
   * @throws ArithmeticException if the series does not converge within {@link #MAX_TERMS}
   */
  static double log2F1(double a, double b, double c, double z) {
    if (z == 0) {
      return 0;
    }
    // sum of the terms k >= 1 ("tail"), scaled by e^-logScale
    double term = 1;
    double tail = 0;
    double logScale = 0;
    for (int k = 0; k < MAX_TERMS; k++) {
      double ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
      term *= ratio;
      tail += term;
      if (tail > BIG) {
        tail /= BIG;
        term /= BIG;
        logScale += LOG_BIG;
      }
      double next = (a + k + 1) * (b + k + 1) / ((c + k + 1) * (k + 2)) * z;
      double bound = Math.max(next, z);
      if (bound < 1 && term * bound / (1 - bound) <= 1e-17 * (tail + Math.exp(-logScale))) {
        return logScale == 0 ? Math.log1p(tail) : logScale + Math.log(tail);
      }
    }
    throw new ArithmeticException("hypergeometric series 2F1(" + a + ", " + b + "; " + c
        + "; z) must converge within " + MAX_TERMS + " terms, but z was " + z
        + " (a prediction horizon far longer than the calibration period)");
  }

  /**
   * Returns S = &Sigma;<sub>j&ge;0</sub> (a)<sub>j</sub> (b)<sub>j</sub> / ((c)<sub>j</sub>
   * (j+1)!) z<sup>j</sup> = <sub>3</sub>F<sub>2</sub>(a, b, 1; c, 2; z), for a, b, c &gt; 0
   * and 0 &le; z &lt; 1 (positive terms), without rescaling: it serves small a and b only (the
   * expectation of a customer without repeat purchases when a + b &le; 1).
   *
   * @throws ArithmeticException if the series does not converge within {@link #MAX_TERMS}
   *     or overflows
   */
  static double shiftedSeries(double a, double b, double c, double z) {
    double term = 1;
    double sum = 1;
    for (int j = 0; j < MAX_TERMS; j++) {
      term *= (a + j) * (b + j) / ((c + j) * (j + 2)) * z;
      sum += term;
      double next = (a + j + 1) * (b + j + 1) / ((c + j + 1) * (j + 3)) * z;
      double bound = Math.max(next, z);
      if (bound < 1 && term * bound / (1 - bound) <= 1e-17 * sum) {
        if (!Double.isFinite(sum)) {
          break;
        }
        return sum;
      }
    }
    throw new ArithmeticException("hypergeometric series 3F2(" + a + ", " + b + ", 1; " + c
        + ", 2; z) must converge within " + MAX_TERMS + " terms to a finite sum, but z was " + z
        + " (a prediction horizon far longer than the calibration period)");
  }
}
