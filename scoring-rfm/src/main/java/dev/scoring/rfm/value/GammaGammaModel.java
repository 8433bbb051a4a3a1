package dev.scoring.rfm.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * The Gamma-Gamma model of spend per purchase (Fader and Hardie 2013, "The Gamma-Gamma Model
 * of Monetary Value"): a customer's purchase values are Gamma(p, &nu;) around their own mean,
 * and &nu; varies across customers as Gamma(q, &gamma;) (named {@code v} here, as in the
 * note's spreadsheet and in lifetimes).
 *
 * <p>It is fitted on the customers with at least one repeat purchase (x &gt; 0), from their
 * number of repeat purchases and mean repeat-purchase value z&#772;, and gives each customer's
 * expected value per future purchase. The model assumes spend and frequency are independent:
 * check {@link #frequencyValueCorrelation(Collection)} is near 0 before trusting it.
 *
 * <p>Instances are immutable and thread-safe; {@link #equals} compares p, q and v.
 */
public final class GammaGammaModel {
  private static final String[] NAMES = {"p", "q", "v"};

  private final double p;
  private final double q;
  private final double v;
  private final FitReport report;

  private GammaGammaModel(double p, double q, double v, FitReport report) {
    this.p = p;
    this.q = q;
    this.v = v;
    this.report = report;
  }

  /**
   * A model with known parameters.
   *
   * @param p shape of each customer's spend distribution, finite and &gt; 0
   * @param q shape of the distribution of spend scales, finite and &gt; 0
   * @param v scale (&gamma;) of the distribution of spend scales, finite and &gt; 0
   * @return the model, without a fit report
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public static GammaGammaModel of(double p, double q, double v) {
    Checks.positive("Gamma-Gamma p", p);
    Checks.positive("Gamma-Gamma q", q);
    Checks.positive("Gamma-Gamma v", v);
    return new GammaGammaModel(p, q, v, null);
  }

  /**
   * Fits p, q and v by maximum likelihood on the customers with frequency &gt; 0 (the others
   * are skipped: they have no repeat-purchase value). Nelder-Mead on log-parameters, as for
   * {@link BgNbdModel.Fitter}; standard errors from the analytic Hessian.
   *
   * @param customers the summaries, with mean values
   * @return the fitted model, with its {@link #fitReport()}
   * @throws IllegalArgumentException if {@code customers} is empty, none has frequency &gt; 0,
   *     or one with frequency &gt; 0 has a mean value that is not positive
   * @throws FitException             if the data cannot identify the parameters (every
   *     customer has exactly one repeat purchase, or fewer than three distinct (x, mean
   *     value) pairs), or the fit does not converge
   */
  public static GammaGammaModel fit(Collection<CustomerSummary> customers) {
    Objects.requireNonNull(customers, "customers");
    if (customers.isEmpty()) {
      throw new IllegalArgumentException(
          "Gamma-Gamma customers must be a non-empty collection, but was empty");
    }
    List<CustomerSummary> repeat = new ArrayList<>();
    double sumMean = 0;
    for (CustomerSummary c : customers) {
      if (c.frequency() > 0) {
        if (!(c.meanValue() > 0)) {
          throw new IllegalArgumentException("Gamma-Gamma meanValue of customer '"
              + c.customerId() + "' (frequency " + c.frequency() + ") must be > 0, but was "
              + c.meanValue());
        }
        repeat.add(c);
        sumMean += c.meanValue();
      }
    }
    if (repeat.isEmpty()) {
      throw new IllegalArgumentException("Gamma-Gamma customers must include at least one with"
          + " a repeat purchase (frequency > 0), but was " + customers.size()
          + " customers all with frequency 0");
    }
    boolean severalPurchases = false;
    Set<List<Double>> distinct = new HashSet<>();
    for (CustomerSummary c : repeat) {
      severalPurchases |= c.frequency() > 1;
      if (distinct.size() < NAMES.length) {
        distinct.add(List.of((double) c.frequency(), c.meanValue()));
      }
    }
    if (!severalPurchases) {
      throw new FitException("Gamma-Gamma customers must include one with at least 2 repeat"
          + " purchases, but all " + repeat.size() + " customers with repeat purchases have"
          + " exactly 1: the spread of one customer's spends (p) cannot be told apart from the"
          + " spread between customers (q, v), so the parameters are not identified");
    }
    if (distinct.size() < NAMES.length) {
      throw new FitException("Gamma-Gamma customers must have at least " + NAMES.length
          + " distinct (x, mean value) pairs to identify " + NAMES.length + " parameters, but"
          + " had " + distinct.size() + " among " + repeat.size() + " customers with repeat"
          + " purchases");
    }
    Likelihood likelihood = new Likelihood(repeat);
    double[] start = {1, 1, sumMean / repeat.size()};
    MaximumLikelihood.Result result = MaximumLikelihood.maximize(
        "Gamma-Gamma", NAMES, start, 20_000, likelihood::logLikelihood, likelihood::gradient,
        likelihood::hessian);
    double[] f = result.parameters();
    return new GammaGammaModel(f[0], f[1], f[2],
        MaximumLikelihood.report(repeat.size(), NAMES, result));
  }

  /**
   * Returns the Pearson correlation between frequency and mean value among the customers with
   * frequency &gt; 0: the documented check of the Gamma-Gamma independence assumption (near 0
   * is good; CDNOW gives 0.11).
   *
   * @param customers the summaries
   * @return the correlation in [-1, 1]
   * @throws IllegalArgumentException if fewer than two customers have frequency &gt; 0, or
   *     frequency or mean value does not vary among them
   */
  public static double frequencyValueCorrelation(Collection<CustomerSummary> customers) {
    int n = 0;
    double mx = 0;
    double my = 0;
    for (CustomerSummary c : customers) {
      if (c.frequency() > 0) {
        n++;
        mx += c.frequency();
        my += c.meanValue();
      }
    }
    if (n < 2) {
      throw new IllegalArgumentException("customers with frequency > 0 must be at least 2 for"
          + " a correlation, but was " + n);
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (CustomerSummary c : customers) {
      if (c.frequency() > 0) {
        double dx = c.frequency() - mx;
        double dy = c.meanValue() - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
      }
    }
    if (sxx == 0 || syy == 0) {
      throw new IllegalArgumentException("frequency and meanValue of customers with frequency"
          + " > 0 must both vary for a correlation, but was constant "
          + (sxx == 0 ? "frequency " + mx : "meanValue " + my));
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  /**
   * Returns p, the shape of each customer's spend-per-purchase distribution.
   *
   * @return p, the shape of each customer's spend-per-purchase distribution
   */
  public double p() {
    return p;
  }

  /**
   * Returns q, the shape of the distribution of spend scales across customers.
   *
   * @return q, the shape of the distribution of spend scales across customers
   */
  public double q() {
    return q;
  }

  /**
   * Returns v (&gamma; in the note), the scale of the distribution of spend scales.
   *
   * @return v (&gamma; in the note), the scale of the distribution of spend scales
   */
  public double v() {
    return v;
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
   * Returns the population mean spend per purchase, p v / (q - 1): the expected value for a
   * customer with no repeat purchase yet.
   *
   * @return the mean, finite and positive
   * @throws ArithmeticException if q &le; 1 (the mean is then infinite)
   */
  public double populationMeanValue() {
    if (!(q > 1)) {
      throw new ArithmeticException("Gamma-Gamma q must be > 1 for a finite mean spend, but was "
          + q);
    }
    return p * v / (q - 1);
  }

  /**
   * Returns E[M | x, z&#772;] = p (v + x z&#772;) / (p x + q - 1), the customer's expected value
   * per future purchase: a weighted average of the population mean and the customer's own mean
   * z&#772;, the weight of the latter growing with x. For x = 0 it is the population mean.
   *
   * @param customer the summary (its mean value is used when frequency &gt; 0)
   * @return the expected value per purchase
   * @throws ArithmeticException if p x + q &le; 1 (the expectation is then infinite)
   */
  public double expectedAverageValue(CustomerSummary customer) {
    return expectedAverageValue(customer.frequency(), customer.meanValue());
  }

  /**
   * Returns E[M | x, z&#772;], as {@link #expectedAverageValue(CustomerSummary)}.
   *
   * @param x         repeat purchases, at least 0
   * @param meanValue z&#772;, the mean repeat-purchase value, finite (ignored when x = 0)
   * @return the expected value per purchase
   * @throws IllegalArgumentException if {@code x} is negative or {@code meanValue} not finite
   * @throws ArithmeticException      if p x + q &le; 1
   */
  public double expectedAverageValue(int x, double meanValue) {
    if (x < 0) {
      throw new IllegalArgumentException("x must be at least 0, but was " + x);
    }
    if (!Double.isFinite(meanValue)) {
      throw new IllegalArgumentException("meanValue must be finite, but was " + meanValue);
    }
    double denominator = p * x + q - 1;
    if (!(denominator > 0)) {
      throw new ArithmeticException("Gamma-Gamma p x + q must be > 1 for a finite expected"
          + " spend, but was " + (p * x + q));
    }
    return p * (v + (x == 0 ? 0 : x * meanValue)) / denominator;
  }

  /**
   * Returns the summed log-likelihood of the customers with frequency &gt; 0 (the log-density
   * of their mean values z&#772;); the others contribute nothing.
   *
   * @param customers the summaries
   * @return the log-likelihood
   * @throws IllegalArgumentException if a customer with frequency &gt; 0 has a mean value that
   *     is not positive
   */
  public double logLikelihood(Collection<CustomerSummary> customers) {
    List<CustomerSummary> repeat = new ArrayList<>();
    for (CustomerSummary c : customers) {
      if (c.frequency() > 0) {
        if (!(c.meanValue() > 0)) {
          throw new IllegalArgumentException("meanValue of customer '" + c.customerId()
              + "' must be > 0, but was " + c.meanValue());
        }
        repeat.add(c);
      }
    }
    return new Likelihood(repeat).logLikelihood(new double[] {p, q, v});
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GammaGammaModel m && Double.compare(p, m.p) == 0
        && Double.compare(q, m.q) == 0 && Double.compare(v, m.v) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(p, q, v);
  }

  @Override
  public String toString() {
    return "GammaGammaModel{p=" + p + ", q=" + q + ", v=" + v
        + (report == null ? "" : ", customers=" + report.customers()
            + ", logLikelihood=" + report.logLikelihood()) + "}";
  }

  /**
   * ln f(z&#772; | p, q, v, x) = ln &Gamma;(px+q) - ln &Gamma;(px) - ln &Gamma;(q) + q ln v
   * + (px-1) ln z&#772; + px ln x - (px+q) ln(v + x z&#772;), summed. The terms linear in p
   * are summed once, the log-gamma terms once per distinct x, so an evaluation costs one log
   * per customer.
   */
  private static final class Likelihood {
    private final int[] distinctX;
    private final double[] countOfX;
    private final double[] x;
    private final double[] spend;
    private final double sumXLogXz;
    private final double sumLogMean;

    Likelihood(List<CustomerSummary> repeat) {
      int n = repeat.size();
      Map<Integer, Integer> xs = new HashMap<>();
      List<double[]> counts = new ArrayList<>();
      x = new double[n];
      spend = new double[n];
      double xLogXz = 0;
      double logMean = 0;
      for (int i = 0; i < n; i++) {
        CustomerSummary c = repeat.get(i);
        int index = xs.computeIfAbsent(c.frequency(), k -> xs.size());
        if (index == counts.size()) {
          counts.add(new double[1]);
        }
        counts.get(index)[0]++;
        x[i] = c.frequency();
        spend[i] = c.frequency() * c.meanValue();
        xLogXz += c.frequency() * Math.log(spend[i]);
        logMean += Math.log(c.meanValue());
      }
      sumXLogXz = xLogXz;
      sumLogMean = logMean;
      distinctX = new int[xs.size()];
      countOfX = new double[xs.size()];
      xs.forEach((k, i) -> {
        distinctX[i] = k;
        countOfX[i] = counts.get(i)[0];
      });
    }

    double logLikelihood(double[] theta) {
      double p = theta[0];
      double q = theta[1];
      double v = theta[2];
      double lgQ = LogGamma.value(q);
      double sum = x.length * q * Math.log(v) + p * sumXLogXz - sumLogMean;
      for (int i = 0; i < distinctX.length; i++) {
        double px = p * distinctX[i];
        sum += countOfX[i] * (LogGamma.value(px + q) - LogGamma.value(px) - lgQ);
      }
      for (int i = 0; i < x.length; i++) {
        sum -= (p * x[i] + q) * Math.log(v + spend[i]);
      }
      return sum;
    }

    /**
     * The analytic gradient in (p, q, v), with &psi; the digamma function; the differences of
     * logarithms are taken as log1p, without cancellation.
     */
    double[] gradient(double[] theta) {
      double p = theta[0];
      double q = theta[1];
      double v = theta[2];
      double gp = 0;
      double gq = 0;
      double psiQ = Digamma.value(q);
      for (int i = 0; i < distinctX.length; i++) {
        double xi = distinctX[i];
        double psiPxQ = Digamma.value(p * xi + q);
        gp += countOfX[i] * xi * (psiPxQ - Digamma.value(p * xi));
        gq += countOfX[i] * (psiPxQ - psiQ);
      }
      double gv = 0;
      for (int i = 0; i < x.length; i++) {
        double s = spend[i];
        gp -= x[i] * Math.log1p(v / s);          // x ln(x zbar) - x ln(v + x zbar)
        gq -= Math.log1p(s / v);                 // ln v - ln(v + s)
        gv += (q * s - p * x[i] * v) / (v * (v + s)); // q / v - (p x + q) / (v + s)
      }
      return new double[] {gp, gq, gv};
    }

    /**
     * The analytic Hessian in (p, q, v), with &psi;<sub>1</sub> the trigamma function and
     * s = x z&#772;: free of the rounding noise of finite differences.
     */
    double[][] hessian(double[] theta) {
      double p = theta[0];
      double q = theta[1];
      double v = theta[2];
      double pp = 0;
      double pq = 0;
      double qq = 0;
      for (int i = 0; i < distinctX.length; i++) {
        double xi = distinctX[i];
        double t = Trigamma.value(p * xi + q);
        pp += countOfX[i] * xi * xi * (t - Trigamma.value(p * xi));
        pq += countOfX[i] * xi * t;
        qq += countOfX[i] * (t - Trigamma.value(q));
      }
      double pv = 0;
      double qv = 0;
      double vv = 0;
      for (int i = 0; i < x.length; i++) {
        double w = v + spend[i];
        pv -= x[i] / w;
        qv += spend[i] / (v * w); // 1/v - 1/(v + s), without the cancellation
        vv += (p * x[i] + q) / (w * w);
      }
      vv -= x.length * q / (v * v);
      return new double[][] {{pp, pq, pv}, {pq, qq, qv}, {pv, qv, vv}};
    }
  }
}
