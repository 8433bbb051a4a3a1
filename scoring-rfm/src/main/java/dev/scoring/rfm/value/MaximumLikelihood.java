package dev.scoring.rfm.value;

import dev.scoring.core.math.Cholesky;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Maximises a log-likelihood over positive parameters with the Nelder-Mead simplex method on
 * log-parameters (bounded to [-{@value #BOUND}, {@value #BOUND}]), restarted from its own
 * optimum until a restart no longer improves; when the model supplies its analytic gradient
 * and Hessian, Newton steps then polish the optimum to full precision. Then it checks the
 * result and computes standard errors from the Hessian (analytic when the model supplies
 * one, else central differences).
 * Shared by the BG/NBD and Gamma-Gamma fits.
 *
 * <p><b>Why the optimiser is written here.</b> The project needs dependencies with real JPMS
 * module names ({@code module-info.class}) so that applications can be linked with
 * {@code jlink}. Commons Math 3 (the former optimiser, BOBYQA) is unmaintained since 2016 and
 * an automatic module named after its file; Commons Math 4 ({@code commons-math4-legacy}
 * 4.0-beta1, the only home of its optimisers) is a beta with an {@code Automatic-Module-Name}
 * only; Hipparchus has no module name; ojAlgo 55 has neither a module descriptor nor a
 * general non-linear optimiser; Commons Numbers, Statistics and RNG (which have descriptors)
 * have no optimiser. Nelder-Mead with the dimension-adaptive coefficients of Gao and Han
 * (2012) needs no derivatives, is robust on these smooth 3- and 4-parameter likelihoods, and
 * is short enough to read in one sitting; the published-number tests (FHL 2005, lifetimes,
 * BTYD, CLVTools, Fader-Hardie 2013) check it.
 */
final class MaximumLikelihood {
  /** Log-parameters are searched in [-BOUND, BOUND]: e^-20 = 2e-9 to e^20 = 5e8. */
  static final double BOUND = 20;
  /** A parameter this close (in log) to a bound ran off to the edge: not identified. */
  private static final double EDGE = 0.5;
  /** Stands in for a non-finite log-likelihood inside the search, so the simplex moves away. */
  private static final double FLOOR = -1e300;
  /** A run stops when the simplex values agree to this, relative to the log-likelihood. */
  private static final double VALUE_TOLERANCE = 1e-14;
  /** ... or when the simplex is this small (in log-parameters). */
  private static final double SIZE_TOLERANCE = 1e-11;
  /** ... relaxed when Newton steps with analytic derivatives finish the job. */
  private static final double POLISHED_VALUE_TOLERANCE = 1e-10;
  /** A Newton step may lower the log-likelihood by this, relative: its rounding noise. */
  private static final double NEWTON_NOISE = 1e-10;
  /** Restarts stop when one improves the log-likelihood by less than this, relative. */
  private static final double RESTART_GAIN = 1e-13;
  private static final int MAX_RUNS = 8;
  /**
   * Relative standard errors above this mean the likelihood is all but flat along a
   * parameter: the data do not identify it, whatever finite number the curvature gives.
   */
  static final double MAX_RELATIVE_ERROR = 1e3;

  private MaximumLikelihood() {}

  /** The outcome: parameters (natural scale), log-likelihood, evaluations, standard errors. */
  record Result(double[] parameters, double logLikelihood, int evaluations,
      double[] standardErrors) {}

  /** The evaluation budget of one run ran out while the run was still improving. */
  private static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded() {
      super(null, null, false, false);
    }
  }

  /**
   * Maximises {@code logLikelihood} (a function of the natural, positive parameters).
   *
   * @param model    the model's name for messages, e.g. "BG/NBD"
   * @param names    parameter names, in order
   * @param start    starting point (natural scale, positive)
   * @param maxEval  the evaluation budget of each optimizer run
   * @param logLikelihood the function to maximise, which may return -inf or NaN where undefined
   * @param gradient the analytic gradient of the log-likelihood in the natural parameters,
   *     or null; with {@code hessian}, Newton steps polish the simplex's optimum to full
   *     precision (a derivative-free search resolves parameters only to about the square
   *     root of the rounding error of the log-likelihood)
   * @param hessian  the analytic Hessian of the log-likelihood in the natural parameters, or
   *     null to use central differences
   */
  static Result maximize(String model, String[] names, double[] start, int maxEval,
      ToDoubleFunction<double[]> logLikelihood, Function<double[], double[]> gradient,
      Function<double[], double[][]> hessian) {
    int n = names.length;
    double[] point = new double[n];
    for (int i = 0; i < n; i++) {
      point[i] = clamp(Math.log(start[i]));
    }
    int[] evaluations = new int[1];
    ToDoubleFunction<double[]> objective = logTheta -> {
      evaluations[0]++;
      double ll = logLikelihood.applyAsDouble(exp(logTheta));
      return Double.isFinite(ll) ? ll : FLOOR;
    };
    boolean polish = gradient != null && hessian != null;
    double tolerance = polish ? POLISHED_VALUE_TOLERANCE : VALUE_TOLERANCE;
    double value = Double.NEGATIVE_INFINITY;
    double radius = 1.0;
    try {
      for (int run = 0; run < MAX_RUNS; run++) {
        int budgetEnd = evaluations[0] + maxEval;
        double[] best = nelderMead(objective, point, radius, tolerance, budgetEnd,
            evaluations);
        double found = best[n];
        boolean better = found > value;
        double gain = found - value;
        if (better) {
          value = found;
          point = Arrays.copyOf(best, n);
        }
        // the second and later runs restart from the optimum with a fresh, smaller simplex,
        // which guards against a premature stop in a flat, curved valley
        if (run > 0 && !(gain > (polish ? tolerance : RESTART_GAIN) * Math.abs(value))) {
          break;
        }
        radius = 0.1;
      }
    } catch (BudgetExceeded e) {
      throw new FitException(model + " maximum-likelihood fit must converge within " + maxEval
          + " likelihood evaluations per optimizer run, but was still improving after "
          + evaluations[0] + " in all");
    }
    double[] theta = exp(point);
    double ll = logLikelihood.applyAsDouble(theta);
    if (polish && Double.isFinite(ll)) {
      double[] polished = newton(theta, ll, logLikelihood, gradient, hessian, evaluations);
      if (polished != null) {
        theta = polished;
        ll = logLikelihood.applyAsDouble(theta);
        for (int i = 0; i < n; i++) {
          point[i] = Math.log(theta[i]);
        }
      }
    }
    if (!Double.isFinite(ll)) {
      throw new FitException(model + " log-likelihood at the fitted parameters must be finite,"
          + " but was " + ll + " at " + describe(names, theta));
    }
    for (int i = 0; i < n; i++) {
      if (Math.abs(point[i]) > BOUND - EDGE) {
        throw new FitException(model + " parameter " + names[i] + " must have an interior"
            + " maximum-likelihood estimate in [e^-" + (int) BOUND + ", e^" + (int) BOUND
            + "], but was " + theta[i] + " (ran off to the edge: the data do not identify it;"
            + " stopped at " + describe(names, theta) + ")");
      }
    }
    double[][] h = hessian != null ? hessian.apply(theta)
        : numericalHessian(theta, ll, logLikelihood);
    double[] se = standardErrors(h);
    if (se == null) {
      throw new FitException(model + " log-likelihood must have a strict maximum (a negative"
          + " definite Hessian) at the estimate, but was flat or saddle-shaped there: the data"
          + " do not identify the parameters (stopped at " + describe(names, theta) + ")");
    }
    for (int i = 0; i < n; i++) {
      if (se[i] > MAX_RELATIVE_ERROR * theta[i]) {
        throw new FitException(model + " parameter " + names[i] + " must have a standard"
            + " error below " + (int) MAX_RELATIVE_ERROR + " times its estimate, but was "
            + se[i] + " for " + theta[i] + " (the likelihood is all but flat along it: the data"
            + " do not identify it; stopped at " + describe(names, theta) + ")");
      }
    }
    return new Result(theta, ll, evaluations[0], se);
  }

  /**
   * One Nelder-Mead run maximising {@code f} from {@code start} with an initial simplex of
   * the given radius; returns the best vertex with its value appended.
   *
   * @throws BudgetExceeded if the evaluation count reaches {@code budgetEnd} first
   */
  private static double[] nelderMead(ToDoubleFunction<double[]> f, double[] start,
      double radius, double valueTolerance, int budgetEnd, int[] evaluations) {
    int n = start.length;
    // Gao and Han (2012): coefficients adapted to the dimension
    double reflect = 1;
    double expand = 1 + 2.0 / n;
    double contract = 0.75 - 1.0 / (2 * n);
    double shrink = 1 - 1.0 / n;
    double[][] x = new double[n + 1][];
    double[] v = new double[n + 1];
    x[0] = start.clone();
    v[0] = evaluate(f, x[0], budgetEnd, evaluations);
    for (int i = 0; i < n; i++) {
      double[] vertex = start.clone();
      vertex[i] = start[i] + radius <= BOUND ? start[i] + radius : start[i] - radius;
      x[i + 1] = vertex;
      v[i + 1] = evaluate(f, vertex, budgetEnd, evaluations);
    }
    Integer[] order = new Integer[n + 1];
    double[] centroid = new double[n];
    while (true) {
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      // best (highest) first
      Arrays.sort(order, (i, j) -> Double.compare(v[j], v[i]));
      double[][] sx = new double[n + 1][];
      double[] sv = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        sx[i] = x[order[i]];
        sv[i] = v[order[i]];
      }
      System.arraycopy(sx, 0, x, 0, n + 1);
      System.arraycopy(sv, 0, v, 0, n + 1);
      double size = 0;
      for (int i = 1; i <= n; i++) {
        for (int k = 0; k < n; k++) {
          size = Math.max(size, Math.abs(x[i][k] - x[0][k]));
        }
      }
      if (v[0] - v[n] <= valueTolerance * Math.abs(v[0]) || size <= SIZE_TOLERANCE) {
        double[] best = Arrays.copyOf(x[0], n + 1);
        best[n] = v[0];
        return best;
      }
      Arrays.fill(centroid, 0);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
          centroid[k] += x[i][k] / n;
        }
      }
      double[] xr = toward(centroid, x[n], -reflect);
      double vr = evaluate(f, xr, budgetEnd, evaluations);
      if (vr > v[0]) {
        double[] xe = toward(centroid, x[n], -expand);
        double ve = evaluate(f, xe, budgetEnd, evaluations);
        if (ve > vr) {
          x[n] = xe;
          v[n] = ve;
        } else {
          x[n] = xr;
          v[n] = vr;
        }
      } else if (vr > v[n - 1]) {
        x[n] = xr;
        v[n] = vr;
      } else {
        boolean outside = vr > v[n];
        double[] xc = outside ? toward(centroid, xr, contract) : toward(centroid, x[n], contract);
        double vc = evaluate(f, xc, budgetEnd, evaluations);
        if (outside ? vc >= vr : vc > v[n]) {
          x[n] = xc;
          v[n] = vc;
        } else {
          for (int i = 1; i <= n; i++) {
            x[i] = toward(x[0], x[i], shrink);
            v[i] = evaluate(f, x[i], budgetEnd, evaluations);
          }
        }
      }
    }
  }

  /**
   * Newton's method from near the optimum: theta += (-H)^-1 g while the log-likelihood does
   * not fall (beyond its rounding) and the parameters stay positive; returns the last
   * accepted point, or null if no step was taken (minus the Hessian not positive definite).
   */
  private static double[] newton(double[] start, double ll0,
      ToDoubleFunction<double[]> logLikelihood, Function<double[], double[]> gradient,
      Function<double[], double[][]> hessian, int[] evaluations) {
    double[] theta = start;
    double ll = ll0;
    boolean moved = false;
    for (int iteration = 0; iteration < 20; iteration++) {
      double[][] h = hessian.apply(theta);
      double[][] information = new double[h.length][h.length];
      for (int i = 0; i < h.length; i++) {
        for (int j = 0; j < h.length; j++) {
          information[i][j] = -h[i][j];
        }
      }
      double[] step;
      try {
        step = Cholesky.of(information, 1e-14).solve(gradient.apply(theta));
      } catch (IllegalArgumentException e) {
        break;
      }
      double[] next = theta.clone();
      double largest = 0;
      boolean positive = true;
      for (int i = 0; i < next.length; i++) {
        next[i] += step[i];
        positive &= next[i] > 0;
        largest = Math.max(largest, Math.abs(step[i] / theta[i]));
      }
      if (!positive) {
        break;
      }
      evaluations[0]++;
      double value = logLikelihood.applyAsDouble(next);
      // the summed log-likelihood of a million customers carries rounding noise of about
      // 1e-12 of its value: a true step to the optimum may look like a tiny fall
      if (!(value >= ll - NEWTON_NOISE * Math.abs(ll))) {
        break;
      }
      theta = next;
      ll = Math.max(ll, value);
      moved = true;
      if (largest < 1e-15) {
        break;
      }
    }
    return moved ? theta : null;
  }

  /** from + t (to - from), clamped to the search box. */
  private static double[] toward(double[] from, double[] to, double t) {
    double[] p = new double[from.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = clamp(from[k] + t * (to[k] - from[k]));
    }
    return p;
  }

  private static double evaluate(ToDoubleFunction<double[]> f, double[] p, int budgetEnd,
      int[] evaluations) {
    if (evaluations[0] >= budgetEnd) {
      throw new BudgetExceeded();
    }
    return f.applyAsDouble(p);
  }

  private static double clamp(double logTheta) {
    return Math.max(-BOUND, Math.min(BOUND, logTheta));
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
   * The Hessian of the log-likelihood (natural parameters) by central differences with
   * relative steps of 1e-4.
   */
  static double[][] numericalHessian(double[] theta, double ll0,
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
    return hessian;
  }

  /**
   * Standard errors from the observed information: the square roots of the diagonal of the
   * inverse of minus the Hessian; null if minus the Hessian is not positive definite or a
   * standard error is not finite.
   */
  static double[] standardErrors(double[][] hessian) {
    int n = hessian.length;
    double[][] information = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        information[i][j] = -hessian[i][j];
      }
    }
    double[] variances;
    try {
      variances = Cholesky.of(information, 1e-14).inverseDiagonal();
    } catch (IllegalArgumentException e) { // not positive definite
      return null;
    }
    double[] se = new double[n];
    for (int i = 0; i < n; i++) {
      se[i] = Math.sqrt(variances[i]);
      if (!Double.isFinite(se[i]) || !(se[i] > 0)) {
        return null;
      }
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
