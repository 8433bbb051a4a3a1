package dev.scoring.rfm.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a log-likelihood over positive parameters with Commons Math's BOBYQA on
 * log-parameters, then checks the result and computes standard errors from a finite-difference
 * Hessian. Shared by the BG/NBD and Gamma-Gamma fits.
 */
final class MaximumLikelihood {
  /** Log-parameters are searched in [-BOUND, BOUND]: e^-20 = 2e-9 to e^20 = 5e8. */
  static final double BOUND = 20;
  /** A parameter this close (in log) to a bound ran off to the edge: not identified. */
  private static final double EDGE = 0.5;
  private static final double STOP_RADIUS = 1e-10;
  /** Stands in for a non-finite log-likelihood inside the search, so BOBYQA moves away. */
  private static final double FLOOR = -1e300;

  private MaximumLikelihood() {}

  /** The outcome: parameters (natural scale), log-likelihood, evaluations, standard errors. */
  record Result(double[] parameters, double logLikelihood, int evaluations,
      double[] standardErrors) {}

  /**
   * Maximises {@code logLikelihood} (a function of the natural, positive parameters).
   *
   * @param model    the model's name for messages, e.g. "BG/NBD"
   * @param names    parameter names, in order
   * @param start    starting point (natural scale, positive)
   * @param maxEval  the evaluation budget of each optimizer run
   * @param logLikelihood the function to maximise, which may return -inf or NaN where undefined
   */
  static Result maximize(String model, String[] names, double[] start, int maxEval,
      ToDoubleFunction<double[]> logLikelihood) {
    int n = names.length;
    double[] guess = new double[n];
    for (int i = 0; i < n; i++) {
      guess[i] = Math.log(start[i]);
    }
    double[] lower = new double[n];
    double[] upper = new double[n];
    Arrays.fill(lower, -BOUND);
    Arrays.fill(upper, BOUND);
    int[] evaluations = new int[1];
    ObjectiveFunction objective = new ObjectiveFunction(logTheta -> {
      evaluations[0]++;
      double ll = logLikelihood.applyAsDouble(exp(logTheta));
      return Double.isFinite(ll) ? ll : FLOOR;
    });
    PointValuePair best;
    try {
      // Two runs: the second restarts from the first's optimum with a fresh trust region,
      // which guards against a premature stop of the first in a flat, curved valley.
      double[] point = guess;
      best = null;
      double radius = 1.0;
      for (int run = 0; run < 2; run++) {
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, radius, STOP_RADIUS);
        PointValuePair p = optimizer.optimize(new MaxEval(maxEval), objective,
            GoalType.MAXIMIZE, new InitialGuess(point), new SimpleBounds(lower, upper));
        if (best == null || p.getValue() >= best.getValue()) {
          best = p;
        }
        point = best.getPoint();
        radius = 0.1;
      }
    } catch (TooManyEvaluationsException e) {
      throw new FitException(model + " maximum-likelihood fit must converge within " + maxEval
          + " likelihood evaluations per optimizer run, but was still improving after "
          + evaluations[0] + " in all", e);
    } catch (MathIllegalStateException e) {
      throw new FitException(model + " maximum-likelihood fit must converge, but the optimizer"
          + " stopped: " + e.getMessage(), e);
    }
    double[] logTheta = best.getPoint();
    double[] theta = exp(logTheta);
    double ll = logLikelihood.applyAsDouble(theta);
    if (!Double.isFinite(ll)) {
      throw new FitException(model + " log-likelihood at the fitted parameters must be finite,"
          + " but was " + ll + " at " + describe(names, theta));
    }
    for (int i = 0; i < n; i++) {
      if (Math.abs(logTheta[i]) > BOUND - EDGE) {
        throw new FitException(model + " parameter " + names[i] + " must have an interior"
            + " maximum-likelihood estimate in [e^-" + (int) BOUND + ", e^" + (int) BOUND
            + "], but was " + theta[i] + " (ran off to the edge: the data do not identify it;"
            + " stopped at " + describe(names, theta) + ")");
      }
    }
    double[] se = standardErrors(theta, ll, logLikelihood);
    if (se == null) {
      throw new FitException(model + " log-likelihood must have a strict maximum (a negative"
          + " definite Hessian) at the estimate, but was flat or saddle-shaped there: the data"
          + " do not identify the parameters (stopped at " + describe(names, theta) + ")");
    }
    return new Result(theta, ll, evaluations[0], se);
  }

  /** Builds the fit report. */
  static FitReport report(int customers, String[] names, Result result) {
    List<ParameterEstimate> estimates = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      estimates.add(new ParameterEstimate(
          names[i], result.parameters()[i], result.standardErrors()[i]));
    }
    return new FitReport(customers, result.logLikelihood(), estimates, result.evaluations());
  }

  /**
   * Standard errors from the observed information: the inverse of minus the Hessian of the
   * log-likelihood (natural parameters), by central differences with relative steps; null if
   * minus the Hessian is not positive definite or a standard error is not finite.
   */
  static double[] standardErrors(double[] theta, double ll0,
      ToDoubleFunction<double[]> logLikelihood) {
    int n = theta.length;
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = 1e-4 * theta[i];
    }
    double[][] hessian = new double[n][n];
    for (int i = 0; i < n; i++) {
      double fp = logLikelihood.applyAsDouble(shift(theta, i, h[i], -1, 0));
      double fm = logLikelihood.applyAsDouble(shift(theta, i, -h[i], -1, 0));
      hessian[i][i] = (fp - 2 * ll0 + fm) / (h[i] * h[i]);
      for (int j = 0; j < i; j++) {
        double fpp = logLikelihood.applyAsDouble(shift(theta, i, h[i], j, h[j]));
        double fpm = logLikelihood.applyAsDouble(shift(theta, i, h[i], j, -h[j]));
        double fmp = logLikelihood.applyAsDouble(shift(theta, i, -h[i], j, h[j]));
        double fmm = logLikelihood.applyAsDouble(shift(theta, i, -h[i], j, -h[j]));
        hessian[i][j] = (fpp - fpm - fmp + fmm) / (4 * h[i] * h[j]);
        hessian[j][i] = hessian[i][j];
      }
    }
    double[] se = new double[n];
    try {
      RealMatrix information = new Array2DRowRealMatrix(hessian).scalarMultiply(-1);
      RealMatrix covariance = new CholeskyDecomposition(information).getSolver().getInverse();
      for (int i = 0; i < n; i++) {
        se[i] = Math.sqrt(covariance.getEntry(i, i));
        if (!Double.isFinite(se[i])) {
          return null;
        }
      }
    } catch (IllegalArgumentException e) { // not positive definite, not symmetric, singular
      return null;
    }
    return se;
  }

  private static double[] shift(double[] theta, int i, double di, int j, double dj) {
    double[] t = theta.clone();
    t[i] += di;
    if (j >= 0) {
      t[j] += dj;
    }
    return t;
  }

  private static double[] exp(double[] logTheta) {
    double[] theta = new double[logTheta.length];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = Math.exp(logTheta[i]);
    }
    return theta;
  }

  static String describe(String[] names, double[] theta) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(theta[i]);
    }
    return sb.toString();
  }
}
