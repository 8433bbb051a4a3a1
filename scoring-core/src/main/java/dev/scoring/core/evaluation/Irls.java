package dev.scoring.core.evaluation;

import dev.scoring.core.math.Cholesky;

/**
 * L2-regularised logistic regression by Newton's method (iteratively reweighted least
 * squares), with a Cholesky decomposition for each Newton system. Maximises
 * {@code sum(y * eta - ln(1 + e^eta)) - (l2 / 2) * sum(beta_j^2)} over the coefficients, the
 * intercept not penalised. Each step is halved until the objective does not decrease, so the
 * iteration converges from the start at "intercept = log odds of the base rate, other
 * coefficients 0". Deterministic: the same input gives the same bits. Stateless.
 */
final class Irls {
  private Irls() {}

  /** The result: {@code beta[0]} is the intercept. */
  record Result(double[] beta, int iterations, double logLikelihood) {}

  static Result fit(double[][] x, boolean[] y, double l2, int maxIterations, double tolerance) {
    int n = x.length;
    int d = (n == 0 ? 0 : x[0].length) + 1;
    double[][] rows = new double[n][d];
    int positives = 0;
    for (int i = 0; i < n; i++) {
      rows[i][0] = 1;
      System.arraycopy(x[i], 0, rows[i], 1, d - 1);
      positives += y[i] ? 1 : 0;
    }
    double[] beta = new double[d];
    beta[0] = Math.log((double) positives / (n - positives));
    double objective = objective(operate(rows, beta), y, beta, l2);
    for (int iteration = 1; iteration <= maxIterations; iteration++) {
      double[] eta = operate(rows, beta);
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (int i = 0; i < n; i++) {
        double p = 1.0 / (1.0 + Math.exp(-eta[i]));
        double w = p * (1 - p);
        double residual = (y[i] ? 1 : 0) - p;
        double[] row = rows[i];
        for (int j = 0; j < d; j++) {
          gradient[j] += row[j] * residual;
          double wj = w * row[j];
          for (int k = 0; k <= j; k++) {
            hessian[j][k] += wj * row[k];
          }
        }
      }
      for (int j = 1; j < d; j++) {
        gradient[j] -= l2 * beta[j];
        hessian[j][j] += l2;
      }
      double[] delta;
      try {
        delta = Cholesky.of(hessian, 1e-15).solve(gradient);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("the Newton system must be positive definite, but was "
            + "not at iteration " + iteration + " (" + e.getMessage() + ")", e);
      }
      double step = 1;
      double[] candidate = new double[d];
      double candidateObjective = Double.NEGATIVE_INFINITY;
      for (int halvings = 0; halvings < 40; halvings++) {
        for (int j = 0; j < d; j++) {
          candidate[j] = beta[j] + step * delta[j];
        }
        candidateObjective = objective(operate(rows, candidate), y, candidate, l2);
        if (candidateObjective >= objective - 1e-12 * Math.abs(objective)) {
          break;
        }
        step /= 2;
      }
      double largest = 0;
      for (int j = 0; j < d; j++) {
        largest = Math.max(largest, Math.abs(candidate[j] - beta[j]));
      }
      beta = candidate.clone();
      objective = candidateObjective;
      if (largest < tolerance) {
        return new Result(beta, iteration, logLikelihood(operate(rows, beta), y));
      }
    }
    throw new IllegalStateException("logistic regression must converge within " + maxIterations
        + " Newton iterations, but did not");
  }

  /** The linear predictor: rows times beta. */
  private static double[] operate(double[][] rows, double[] beta) {
    double[] eta = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      double s = 0;
      double[] row = rows[i];
      for (int j = 0; j < beta.length; j++) {
        s += row[j] * beta[j];
      }
      eta[i] = s;
    }
    return eta;
  }

  private static double objective(double[] eta, boolean[] y, double[] beta, double l2) {
    double penalty = 0;
    for (int j = 1; j < beta.length; j++) {
      penalty += beta[j] * beta[j];
    }
    return logLikelihood(eta, y) - l2 / 2 * penalty;
  }

  static double logLikelihood(double[] eta, boolean[] y) {
    double sum = 0;
    for (int i = 0; i < eta.length; i++) {
      double e = eta[i];
      double log1pExp = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
      sum += (y[i] ? e : 0) - log1pExp;
    }
    return sum;
  }
}
