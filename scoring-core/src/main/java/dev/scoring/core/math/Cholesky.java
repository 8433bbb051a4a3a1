package dev.scoring.core.math;

/**
 * The Cholesky factorisation A = L L<sup>T</sup> of a small symmetric positive definite
 * matrix, for the Newton systems of the logistic regression in
 * {@code dev.scoring.core.evaluation} and the covariance of maximum-likelihood estimates in
 * {@code dev.scoring.rfm.value}. The matrices there have at most a few dozen rows, so the
 * textbook O(n<sup>3</sup>) algorithm is the right tool; it is written here because no
 * maintained linear-algebra library with a real JPMS module name was worth a dependency for
 * twenty lines (see {@code docs/customer-value.md}).
 *
 * <p>Internal: exported only to the project's own modules. Instances are immutable and
 * thread-safe.
 */
public final class Cholesky {
  private final double[][] lower;

  private Cholesky(double[][] lower) {
    this.lower = lower;
  }

  /**
   * Factorises a symmetric positive definite matrix. Only the lower triangle is read.
   *
   * @param matrix a square matrix, not modified
   * @param relativeThreshold a pivot at or below this times the largest diagonal entry
   *     (or not finite) counts as not positive definite, e.g. 1e-12
   * @return the factorisation
   * @throws IllegalArgumentException if the matrix is not square, or not positive definite
   *     within the threshold; the message names the pivot
   */
  public static Cholesky of(double[][] matrix, double relativeThreshold) {
    int n = matrix.length;
    double largest = 0;
    for (int i = 0; i < n; i++) {
      if (matrix[i].length != n) {
        throw new IllegalArgumentException("matrix row " + i + " must have " + n
            + " entries, but had " + matrix[i].length);
      }
      largest = Math.max(largest, Math.abs(matrix[i][i]));
    }
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double d = matrix[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      if (!(d > relativeThreshold * largest) || !Double.isFinite(d)) {
        throw new IllegalArgumentException("matrix pivot " + j + " must be greater than "
            + relativeThreshold * largest + " (positive definite), but was " + d);
      }
      double root = Math.sqrt(d);
      l[j][j] = root;
      for (int i = j + 1; i < n; i++) {
        double s = matrix[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = s / root;
      }
    }
    return new Cholesky(l);
  }

  /**
   * Solves A x = b.
   *
   * @param b the right-hand side, not modified
   * @return x, a new array
   * @throws IllegalArgumentException if {@code b} has the wrong length
   */
  public double[] solve(double[] b) {
    int n = lower.length;
    if (b.length != n) {
      throw new IllegalArgumentException("right-hand side must have " + n
          + " entries, but had " + b.length);
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= lower[i][k] * y[k];
      }
      y[i] = s / lower[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= lower[k][i] * x[k];
      }
      x[i] = s / lower[i][i];
    }
    return x;
  }

  /**
   * Returns the diagonal of A<sup>-1</sup> (for a covariance matrix: the variances).
   *
   * @return a new array of n entries
   */
  public double[] inverseDiagonal() {
    int n = lower.length;
    double[] diagonal = new double[n];
    for (int j = 0; j < n; j++) {
      double[] unit = new double[n];
      unit[j] = 1;
      diagonal[j] = solve(unit)[j];
    }
    return diagonal;
  }
}
