package dev.scoring.rfm.value;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.numbers.gamma.LogGamma;

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

  BgNbdLikelihood(Collection<CustomerSummary> summaries) {
    // open addressing on (x, t_x, T) without boxing: a million customers group in ~100 ms
    int capacity = Integer.highestOneBit(Math.max(16, summaries.size() * 2 - 1)) << 1;
    int mask = capacity - 1;
    int[] slot = new int[capacity];
    Arrays.fill(slot, -1);
    int[] gx = new int[16];
    long[] gr = new long[16];
    long[] ga = new long[16];
    double[] gw = new double[16];
    int size = 0;
    int n = 0;
    for (CustomerSummary s : summaries) {
      int x = s.frequency();
      long r = Double.doubleToLongBits(s.recency());
      long a = Double.doubleToLongBits(s.age());
      int h = mix(x * 0x9E3779B97F4A7C15L + r * 0xC2B2AE3D27D4EB4FL + a) & mask;
      while (slot[h] >= 0 && !(gx[slot[h]] == x && gr[slot[h]] == r && ga[slot[h]] == a)) {
        h = (h + 1) & mask;
      }
      int g = slot[h];
      if (g < 0) {
        g = size++;
        slot[h] = g;
        if (g == gx.length) {
          int len = gx.length * 2;
          gx = Arrays.copyOf(gx, len);
          gr = Arrays.copyOf(gr, len);
          ga = Arrays.copyOf(ga, len);
          gw = Arrays.copyOf(gw, len);
        }
        gx[g] = x;
        gr[g] = r;
        ga[g] = a;
      }
      gw[g] += 1;
      n++;
    }
    this.customers = n;
    this.groupWeight = Arrays.copyOf(gw, size);
    this.groupX = new int[size];
    this.groupAge = new int[size];
    this.groupRecency = new int[size];
    Map<Integer, Integer> xs = new HashMap<>();
    Map<Long, Integer> times = new HashMap<>();
    for (int g = 0; g < size; g++) {
      groupX[g] = xs.computeIfAbsent(gx[g], k -> xs.size());
      groupAge[g] = times.computeIfAbsent(ga[g], k -> times.size());
      groupRecency[g] = times.computeIfAbsent(gr[g], k -> times.size());
    }
    this.distinctX = new int[xs.size()];
    xs.forEach((x, i) -> distinctX[i] = x);
    this.distinctTime = new double[times.size()];
    times.forEach((t, i) -> distinctTime[i] = Double.longBitsToDouble(t));
  }

  private static int mix(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return (int) h;
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
    double lgR = LogGamma.value(r);
    double lgB = LogGamma.value(b);
    double lgAB = LogGamma.value(a + b);
    int nx = distinctX.length;
    double[] constant = new double[nx];
    double[] dropout = new double[nx];
    double[] shape = new double[nx];
    for (int i = 0; i < nx; i++) {
      int x = distinctX[i];
      constant[i] = (x == 0 ? 0 : LogGamma.value(r + x) - lgR + LogGamma.value(b + x) - lgB
          + lgAB - LogGamma.value(a + b + x)) + r * lnAlpha;
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
        // log-sum-exp; log(1 + e) with e <= 1 is as good as log1p here (an absolute error of
        // 1e-16 per customer) and much faster; below e^-40 the smaller term does not count
        double big = Math.max(l3, l4);
        double d = Math.min(l3, l4) - big;
        l = d < -40 ? big : big + Math.log(1 + Math.exp(d));
      }
      sum += groupWeight[g] * (constant[xi] + l);
    }
    return sum;
  }
}
