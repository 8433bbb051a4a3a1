package dev.scoring.rfm.value;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The BG/NBD model of repeat purchases (Fader, Hardie and Lee 2005, "Counting Your Customers
 * the Easy Way"): while alive, a customer buys as a Poisson process with rate &lambda; ~
 * Gamma(r, &alpha;); after each purchase they drop out with probability p ~ Beta(a, b).
 *
 * <p>Fit it on customer summaries with {@link #fit(Collection)}, or build it from known
 * parameters with {@link #of(double, double, double, double)}; then ask, per customer, the
 * {@linkplain #probabilityAlive probability of being alive}, the {@linkplain
 * #expectedPurchases expected number of purchases} in the next t periods, and for a new
 * customer {@linkplain #expectedPurchasesNewCustomer E[X(t)]} and {@linkplain
 * #probabilityOfPurchasesNewCustomer P(X(t) = n)}. Times are in the unit of the summaries the
 * model was fitted on (&alpha; is in that unit).
 *
 * <pre>{@code
 * BgNbdModel model = BgNbdModel.fit(customers);
 * double alive = model.probabilityAlive(customers.get(0));
 * double next39 = model.expectedPurchases(customers.get(0), 39);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #equals} compares the four parameters.
 */
public final class BgNbdModel {
  private static final String[] NAMES = {"r", "alpha", "a", "b"};
  /** Within this of 1, the expectation's a/(a-1) form is evaluated either side of 1. */
  private static final double NEAR_ONE = 1e-6;

  private final double r;
  private final double alpha;
  private final double a;
  private final double b;
  private final FitReport report;

  private BgNbdModel(double r, double alpha, double a, double b, FitReport report) {
    this.r = r;
    this.alpha = alpha;
    this.a = a;
    this.b = b;
    this.report = report;
  }

  /**
   * A model with known parameters.
   *
   * @param r     shape of the purchase-rate distribution, finite and &gt; 0
   * @param alpha scale of the purchase-rate distribution (in time units), finite and &gt; 0
   * @param a     first shape of the dropout-probability distribution, finite and &gt; 0
   * @param b     second shape of the dropout-probability distribution, finite and &gt; 0
   * @return the model, without a fit report
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public static BgNbdModel of(double r, double alpha, double a, double b) {
    double[] p = {r, alpha, a, b};
    for (int i = 0; i < p.length; i++) {
      Checks.positive("BG/NBD " + NAMES[i], p[i]);
    }
    return new BgNbdModel(r, alpha, a, b, null);
  }

  /**
   * Fits the model by maximum likelihood with the default {@link Fitter}.
   *
   * @param customers the customers' summaries
   * @return the fitted model, with its {@link #fitReport()}
   * @throws IllegalArgumentException if there are no customers or none has a repeat purchase
   * @throws FitException             if the fit does not converge
   */
  public static BgNbdModel fit(Collection<CustomerSummary> customers) {
    return fitter().fit(customers);
  }

  /**
   * Returns a new fitter with default settings, to adjust before fitting.
   *
   * @return a new fitter with default settings, to adjust before fitting
   */
  public static Fitter fitter() {
    return new Fitter();
  }

  /**
   * Returns r, the shape of the Gamma distribution of purchase rates.
   *
   * @return r, the shape of the Gamma distribution of purchase rates
   */
  public double r() {
    return r;
  }

  /**
   * Returns &alpha;, the scale of the Gamma distribution of purchase rates, in time units.
   *
   * @return &alpha;, the scale of the Gamma distribution of purchase rates, in time units
   */
  public double alpha() {
    return alpha;
  }

  /**
   * Returns a, the first shape of the Beta distribution of dropout probabilities.
   *
   * @return a, the first shape of the Beta distribution of dropout probabilities
   */
  public double a() {
    return a;
  }

  /**
   * Returns b, the second shape of the Beta distribution of dropout probabilities.
   *
   * @return b, the second shape of the Beta distribution of dropout probabilities
   */
  public double b() {
    return b;
  }

  /**
   * Returns how the model was fitted, or empty for a model built with {@code of}.
   *
   * @return how the model was fitted, or empty for a model built with {@code of}
   */
  public Optional<FitReport> fitReport() {
    return Optional.ofNullable(report);
  }

  /**
   * Returns one customer's log-likelihood, ln L(r, &alpha;, a, b | x, t<sub>x</sub>, T)
   * (FHL 2005, eq. 6), computed in logs: finite for any valid summary, even x in the
   * thousands.
   *
   * @param customer the summary
   * @return the log-likelihood
   */
  public double logLikelihood(CustomerSummary customer) {
    return new BgNbdLikelihood(List.of(customer)).logLikelihood(parameters());
  }

  /**
   * Returns the summed log-likelihood of customers.
   *
   * @param customers the summaries
   * @return the log-likelihood, 0 for no customers
   */
  public double logLikelihood(Collection<CustomerSummary> customers) {
    return new BgNbdLikelihood(customers).logLikelihood(parameters());
  }

  /**
   * Returns the probability that the customer is still alive at the end of calibration:
   * 1 / (1 + [x &gt; 0] a/(b+x-1) ((&alpha;+T)/(&alpha;+t<sub>x</sub>))^(r+x)). It is exactly
   * 1 when x = 0 (in this model a customer can only drop out right after a repeat purchase),
   * and may round to 0 only when the true value is below the smallest double.
   *
   * @param customer the summary
   * @return the probability, in [0, 1]
   */
  public double probabilityAlive(CustomerSummary customer) {
    return probabilityAlive(customer.frequency(), customer.recency(), customer.age());
  }

  /**
   * Returns the probability alive for x repeat purchases, recency t<sub>x</sub> and age T.
   *
   * @param x       repeat purchases, at least 0
   * @param recency t<sub>x</sub>, in [0, age]
   * @param age     T, finite and at least 0
   * @return the probability, in [0, 1]
   * @throws IllegalArgumentException if the history is invalid
   */
  public double probabilityAlive(int x, double recency, double age) {
    Checks.history(x, recency, age);
    return pAlive(x, recency, age);
  }

  /**
   * Returns the churn probability, 1 - {@link #probabilityAlive(CustomerSummary)}: the
   * probability that the customer has already dropped out.
   *
   * @param customer the summary
   * @return the probability, in [0, 1]
   */
  public double churnProbability(CustomerSummary customer) {
    return 1 - probabilityAlive(customer);
  }

  private double pAlive(int x, double recency, double age) {
    if (x == 0) {
      return 1;
    }
    double logOdds = Math.log(a) - Math.log(b + x - 1)
        + (r + x) * Math.log1p((age - recency) / (alpha + recency));
    return 1 / (1 + Math.exp(logOdds));
  }

  /**
   * Returns the expected number of purchases of this customer in the next {@code t} time units,
   * E[Y(t) | x, t<sub>x</sub>, T] (FHL 2005, eq. 10):
   *
   * <pre>
   * (a+b+x-1)/(a-1) [1 - ((&alpha;+T)/(&alpha;+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(&alpha;+T+t))]
   *   &times; P(alive)
   * </pre>
   *
   * evaluated in logs (the hypergeometric series is summed with rescaling), so it stays finite
   * for large x.
   *
   * @param customer the summary
   * @param t        the horizon, finite and at least 0
   * @return the expected purchases, at least 0 and non-decreasing in t
   * @throws IllegalArgumentException if {@code t} is negative or not finite
   * @throws ArithmeticException      if {@code t} is so long that the series does not
   *     converge
   */
  public double expectedPurchases(CustomerSummary customer, double t) {
    return expectedPurchases(t, customer.frequency(), customer.recency(), customer.age());
  }

  /**
   * Returns E[Y(t) | x, t<sub>x</sub>, T], as {@link #expectedPurchases(CustomerSummary,
   * double)}.
   *
   * @param t       the horizon, finite and at least 0
   * @param x       repeat purchases, at least 0
   * @param recency t<sub>x</sub>, in [0, age]
   * @param age     T, finite and at least 0
   * @return the expected purchases, at least 0
   * @throws IllegalArgumentException if an argument is invalid
   * @throws ArithmeticException      as for {@link #expectedPurchases(CustomerSummary, double)}
   */
  public double expectedPurchases(double t, int x, double recency, double age) {
    Checks.horizon(t);
    Checks.history(x, recency, age);
    if (t == 0) {
      return 0;
    }
    return ifAlive(a, t, x, age) * pAlive(x, recency, age);
  }

  /**
   * Returns E[X(t)], the expected number of purchases in the first {@code t} time units after
   * a new customer's first purchase (repeat purchases only, FHL 2005, eq. 9).
   *
   * @param t the time since the first purchase, finite and at least 0
   * @return the expected repeat purchases, at least 0
   * @throws IllegalArgumentException if {@code t} is negative or not finite
   * @throws ArithmeticException      if {@code t} is too long for the series
   */
  public double expectedPurchasesNewCustomer(double t) {
    Checks.horizon(t);
    return t == 0 ? 0 : ifAlive(a, t, 0, 0);
  }

  /**
   * Returns P(X(t) = n), the probability that a new customer makes exactly {@code n} repeat
   * purchases in the first {@code t} time units (FHL 2005, eq. 8). The negative-binomial tail
   * of the second term is computed as a regularized incomplete beta function, without the
   * cancellation of 1 minus a sum.
   *
   * @param n the number of repeat purchases, at least 0
   * @param t the time since the first purchase, finite and at least 0
   * @return the probability, in [0, 1]
   * @throws IllegalArgumentException if {@code n} or {@code t} is invalid
   */
  public double probabilityOfPurchasesNewCustomer(int n, double t) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be at least 0, but was " + n);
    }
    Checks.horizon(t);
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double lnB = LogBeta.value(a, b);
    double first = Math.exp(LogBeta.value(a, b + n) - lnB
        + LogGamma.value(r + n) - LogGamma.value(r) - LogGamma.value(n + 1.0)
        + r * Math.log(alpha / (alpha + t)) + n * Math.log(t / (alpha + t)));
    if (n == 0) {
      return first;
    }
    double tail = RegularizedBeta.value(t / (alpha + t), n, r);
    return first + Math.exp(LogBeta.value(a + 1, b + n - 1) - lnB) * tail;
  }

  /** E[purchases in t | alive, x, T]: the bracket of eq. 10 times (a+b+x-1)/(a-1). */
  private double ifAlive(double shapeA, double t, int x, double age) {
    if (Math.abs(shapeA - 1) < NEAR_ONE) {
      // a/(a-1) form is 0/0 at a = 1; the expectation is smooth in a: average both sides
      return (ifAlive(1 - 2 * NEAR_ONE, t, x, age) + ifAlive(1 + 2 * NEAR_ONE, t, x, age)) / 2;
    }
    double c = shapeA + b + x - 1;
    double z = t / (alpha + age + t);
    if (!(c > 0)) {
      // only x = 0 with a + b <= 1: 2F1's c is <= 0. Since (c)_k = c (c+1)_(k-1),
      // c 2F1(r, b; c; z) = c + r b z S with S = sum_j (r+1)_j (b+1)_j / ((c+1)_j (j+1)!) z^j,
      // whose terms are positive (c + 1 = a + b > 0). With (1-z)^r = q:
      // E = [c (1 - q) - q r b z S] / (a - 1), two terms of the same sign: no cancellation.
      double q = Math.exp(-r * Math.log1p(t / (alpha + age)));
      double s = Hypergeometric.shiftedSeries(r + 1, b + 1, c + 1, z);
      double value = (c * -Math.expm1(-r * Math.log1p(t / (alpha + age))) - q * r * b * z * s)
          / (shapeA - 1);
      return Math.max(0, value);
    }
    double logProduct = -(r + x) * Math.log1p(t / (alpha + age))
        + Hypergeometric.log2F1(r + x, b + x, c, z);
    double value = c / (shapeA - 1) * -Math.expm1(logProduct);
    return Math.max(0, value);
  }

  private double[] parameters() {
    return new double[] {r, alpha, a, b};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BgNbdModel m && Double.compare(r, m.r) == 0
        && Double.compare(alpha, m.alpha) == 0 && Double.compare(a, m.a) == 0
        && Double.compare(b, m.b) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(r, alpha, a, b);
  }

  @Override
  public String toString() {
    return "BgNbdModel{r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b
        + (report == null ? "" : ", customers=" + report.customers()
            + ", logLikelihood=" + report.logLikelihood()) + "}";
  }

  /**
   * Fits {@link BgNbdModel}s by maximum likelihood: the Nelder-Mead simplex method on the
   * logarithms of r, &alpha;, a and b, restarted from its optimum until a restart no longer
   * improves, then standard errors from the numerical Hessian.
   *
   * <p>A mutable builder, not thread-safe; {@link #fit} may be called many times.
   */
  public static final class Fitter {
    private int maxEvaluations = 20_000;
    private double[] start;

    private Fitter() {}

    /**
     * Sets the budget of log-likelihood evaluations per optimizer run (default 20,000).
     *
     * @param maxEvaluations at least 100
     * @return this fitter
     * @throws IllegalArgumentException if {@code maxEvaluations} is below 100
     */
    public Fitter maxEvaluations(int maxEvaluations) {
      if (maxEvaluations < 100) {
        throw new IllegalArgumentException(
            "maxEvaluations must be at least 100, but was " + maxEvaluations);
      }
      this.maxEvaluations = maxEvaluations;
      return this;
    }

    /**
     * Sets the starting point of the search. By default r = a = b = 1 and &alpha; = mean age /
     * mean frequency, which matches the average purchase rate whatever the time unit.
     *
     * @param r     finite and &gt; 0
     * @param alpha finite and &gt; 0
     * @param a     finite and &gt; 0
     * @param b     finite and &gt; 0
     * @return this fitter
     * @throws IllegalArgumentException if a value is not finite and positive
     */
    public Fitter start(double r, double alpha, double a, double b) {
      this.start = of(r, alpha, a, b).parameters();
      return this;
    }

    /**
     * Fits the model.
     *
     * @param customers the customers' summaries, at least one with a repeat purchase
     * @return the fitted model with its {@link BgNbdModel#fitReport()}
     * @throws IllegalArgumentException if {@code customers} is empty or every customer has
     *     frequency 0 (the dropout process is then not identified)
     * @throws FitException             if the data cannot identify the parameters (fewer than
     *     four distinct histories; no customer with repeat purchases whose last one came
     *     before T), the optimizer does not converge within the budget, the log-likelihood is
     *     not finite at the result, a parameter runs off to e^&plusmn;20, or the likelihood is
     *     flat there (not negative definite, or a standard error over 1,000 times its
     *     estimate)
     */
    public BgNbdModel fit(Collection<CustomerSummary> customers) {
      Objects.requireNonNull(customers, "customers");
      if (customers.isEmpty()) {
        throw new IllegalArgumentException(
            "BG/NBD customers must be a non-empty collection, but was empty");
      }
      double sumAge = 0;
      long sumX = 0;
      long droppedBefore = 0;
      for (CustomerSummary c : customers) {
        sumAge += c.age();
        sumX += c.frequency();
        if (c.frequency() > 0 && c.recency() < c.age()) {
          droppedBefore++;
        }
      }
      if (sumX == 0) {
        throw new IllegalArgumentException("BG/NBD customers must include at least one with a"
            + " repeat purchase (frequency > 0), but was " + customers.size()
            + " customers all with frequency 0");
      }
      if (sumAge == 0) {
        throw new IllegalArgumentException("BG/NBD customers must include at least one with"
            + " age > 0, but was " + customers.size() + " customers all with age 0");
      }
      if (droppedBefore == 0) {
        throw new FitException("BG/NBD customers must include one whose last repeat purchase"
            + " came before the end of calibration (t_x < T), but every one of the "
            + customers.size() + " customers with repeat purchases bought last at T: nothing"
            + " suggests anybody dropped out, so the dropout parameters a and b are not"
            + " identified (the likelihood grows without bound towards a dropout rate of 0)");
      }
      BgNbdLikelihood likelihood = new BgNbdLikelihood(customers);
      if (likelihood.groups() < NAMES.length) {
        throw new FitException("BG/NBD customers must have at least " + NAMES.length
            + " distinct histories (x, t_x, T) to identify " + NAMES.length + " parameters,"
            + " but had " + likelihood.groups() + " among " + customers.size()
            + " customers: the likelihood is flat along a curve of parameters");
      }
      double[] from = start != null ? start : new double[] {1, sumAge / sumX, 1, 1};
      MaximumLikelihood.Result result = MaximumLikelihood.maximize(
          "BG/NBD", NAMES, from, maxEvaluations, likelihood::logLikelihood, null, null);
      double[] p = result.parameters();
      return new BgNbdModel(p[0], p[1], p[2], p[3],
          MaximumLikelihood.report(likelihood.customers(), NAMES, result));
    }
  }
}
