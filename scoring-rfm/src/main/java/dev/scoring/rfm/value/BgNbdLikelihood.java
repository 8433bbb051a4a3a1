package dev.scoring.rfm.value;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD log-likelihood of a set of customers, prepared for many evaluations: customers
 * with equal (x, t<sub>x</sub>, T) are one weighted group, and the terms that depend only on x
 * or only on a time value are computed once per distinct value per evaluation. With times in
 * whole days, a million customers collapse to far fewer groups and a few hundred distinct x and
 * time values, so one evaluation costs one exp and one log1p per group.
 *
 * <p>Per customer (Fader, Hardie and Lee 2005, eq. 6), with A = ln &Gamma;(r+x) - ln &Gamma;(r)
 * + r ln &alpha; + ln B(a, b+x) - ln B(a, b):
 *
 * <pre>
 * ln L = A + ln( (&alpha;+T)^-(r+x) + [x &gt; 0] a/(b+x-1) (&alpha;+t_x)^-(r+x) )
 * </pre>
 *
 * where the last logarithm is taken as a log-sum-exp of the two logged terms, so it stays
 * finite for x in the thousands, where each power underflows a double.
 */
final class BgNbdLikelihood {
  private final int customers;
  private final int[] distinctX;
  private final double[] distinctTime;
  private final int[] groupX;
  private final int[] groupAge;
  private final int[] groupRecency;
  private final double[] groupWeight;

  private record Key(int x, double recency, double age) {}

  BgNbdLikelihood(Collection<CustomerSummary> summaries) {
    Map<Key, Integer> groups = new HashMap<>();
    Map<Integer, Integer> xs = new HashMap<>();
    Map<Double, Integer> times = new HashMap<>();
    int[] gx = new int[16];
    int[] ga = new int[16];
    int[] gr = new int[16];
    double[] gw = new double[16];
    int n = 0;
    for (CustomerSummary s : summaries) {
      Key key = new Key(s.frequency(), s.recency(), s.age());
      Integer g = groups.get(key);
      if (g == null) {
        g = groups.size();
        groups.put(key, g);
        if (g == gx.length) {
          int len = gx.length * 2;
          gx = java.util.Arrays.copyOf(gx, len);
          ga = java.util.Arrays.copyOf(ga, len);
          gr = java.util.Arrays.copyOf(gr, len);
          gw = java.util.Arrays.copyOf(gw, len);
        }
        gx[g] = xs.computeIfAbsent(s.frequency(), k -> xs.size());
        ga[g] = times.computeIfAbsent(s.age(), k -> times.size());
        gr[g] = times.computeIfAbsent(s.recency(), k -> times.size());
      }
      gw[g] += 1;
      n++;
    }
    int size = groups.size();
    this.customers = n;
    this.groupX = java.util.Arrays.copyOf(gx, size);
    this.groupAge = java.util.Arrays.copyOf(ga, size);
    this.groupRecency = java.util.Arrays.copyOf(gr, size);
    this.groupWeight = java.util.Arrays.copyOf(gw, size);
    this.distinctX = new int[xs.size()];
    xs.forEach((x, i) -> distinctX[i] = x);
    this.distinctTime = new double[times.size()];
    times.forEach((t, i) -> distinctTime[i] = t);
  }

  int customers() {
    return customers;
  }

  int groups() {
    return groupX.length;
  }

  /** The summed log-likelihood at {r, alpha, a, b}; NaN or -inf where undefined. */
  double logLikelihood(double[] p) {
    double r = p[0];
    double alpha = p[1];
    double a = p[2];
    double b = p[3];
    double lnA = Math.log(a);
    double lnAlpha = Math.log(alpha);
    double lgR = Gamma.logGamma(r);
    double lgB = Gamma.logGamma(b);
    double lgAB = Gamma.logGamma(a + b);
    int nx = distinctX.length;
    double[] constant = new double[nx];
    double[] dropout = new double[nx];
    double[] shape = new double[nx];
    for (int i = 0; i < nx; i++) {
      int x = distinctX[i];
      constant[i] = (x == 0 ? 0 : Gamma.logGamma(r + x) - lgR + Gamma.logGamma(b + x) - lgB
          + lgAB - Gamma.logGamma(a + b + x)) + r * lnAlpha;
      dropout[i] = x == 0 ? Double.NEGATIVE_INFINITY : lnA - Math.log(b + x - 1);
      shape[i] = r + x;
    }
    double[] lnTime = new double[distinctTime.length];
    for (int i = 0; i < lnTime.length; i++) {
      lnTime[i] = Math.log(alpha + distinctTime[i]);
    }
    double sum = 0;
    for (int g = 0; g < groupX.length; g++) {
      int xi = groupX[g];
      double s = shape[xi];
      double l3 = -s * lnTime[groupAge[g]];
      double l;
      if (distinctX[xi] == 0) {
        l = l3;
      } else {
        double l4 = dropout[xi] - s * lnTime[groupRecency[g]];
        l = l4 > l3 ? l4 + Math.log1p(Math.exp(l3 - l4)) : l3 + Math.log1p(Math.exp(l4 - l3));
      }
      sum += groupWeight[g] * (constant[xi] + l);
    }
    return sum;
  }
}
