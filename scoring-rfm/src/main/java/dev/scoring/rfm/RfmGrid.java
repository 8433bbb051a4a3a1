package dev.scoring.rfm;

import java.util.List;
import java.util.Locale;

/**
 * The R x F grid, what an RFM heatmap draws: for each pair of recency and frequency scores,
 * the number of customers and their mean monetary value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RfmGrid {
  private final int bins;
  private final long[] counts;
  private final double[] sums;

  private RfmGrid(int bins, long[] counts, double[] sums) {
    this.bins = bins;
    this.counts = counts;
    this.sums = sums;
  }

  static RfmGrid of(int bins, List<CustomerRfm> customers) {
    long[] counts = new long[bins * bins];
    double[] sums = new double[bins * bins];
    for (CustomerRfm c : customers) {
      int cell = (c.r() - 1) * bins + (c.f() - 1);
      counts[cell]++;
      sums[cell] += c.monetary();
    }
    return new RfmGrid(bins, counts, sums);
  }

  /**
   * Returns the number of bins n: scores run 1..n.
   *
   * @return the number of bins n: scores run 1..n
   */
  public int bins() {
    return bins;
  }

  /**
   * Returns the number of customers with recency score {@code r} and frequency score
   * {@code f}.
   *
   * @param r the recency score, 1..n
   * @param f the frequency score, 1..n
   * @return the count
   * @throws IllegalArgumentException if a score is outside 1..n
   */
  public long customers(int r, int f) {
    return counts[cell(r, f)];
  }

  /**
   * Returns the mean monetary value of the customers in a cell.
   *
   * @param r the recency score, 1..n
   * @param f the frequency score, 1..n
   * @return the mean, or NaN for an empty cell
   * @throws IllegalArgumentException if a score is outside 1..n
   */
  public double meanMonetary(int r, int f) {
    int cell = cell(r, f);
    return counts[cell] == 0 ? Double.NaN : sums[cell] / counts[cell];
  }

  private int cell(int r, int f) {
    if (r < 1 || r > bins) {
      throw new IllegalArgumentException("r must be in 1.." + bins + ", but was " + r);
    }
    if (f < 1 || f > bins) {
      throw new IllegalArgumentException("f must be in 1.." + bins + ", but was " + f);
    }
    return (r - 1) * bins + (f - 1);
  }

  /**
   * Prints the grid: one line per recency score from n down to 1, one column per frequency
   * score, each cell {@code count (mean monetary)}.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("R\\F");
    for (int f = 1; f <= bins; f++) {
      out.append(String.format(Locale.ROOT, " %18d", f));
    }
    out.append(System.lineSeparator());
    for (int r = bins; r >= 1; r--) {
      out.append(String.format(Locale.ROOT, "%3d", r));
      for (int f = 1; f <= bins; f++) {
        long n = customers(r, f);
        out.append(n == 0 ? String.format(Locale.ROOT, " %18s", "-")
            : String.format(Locale.ROOT, " %6d (%,9.2f)", n, meanMonetary(r, f)));
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }
}
