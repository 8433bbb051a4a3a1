package dev.scoring.core.evaluation;

import java.util.Arrays;

/**
 * Scores sorted once, in decreasing order, with their tie groups: the shared basis of AUC,
 * KS, gains and precision. Package-private; immutable after construction.
 */
final class Ranking {
  /** Indices of the contacts in decreasing order of score (stable). */
  final int[] order;
  /** Start offsets (into {@link #order}) of the tie groups, plus {@code n} at the end. */
  final int[] groupStart;
  /** Number of groups. */
  final int groups;
  final double[] scores;
  final boolean[] positive;
  final int positives;
  final int negatives;
  private final int[] groupPositives;

  Ranking(double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException("scores and labels must have the same length, but was "
          + scores.length + " and " + positive.length);
    }
    int n = scores.length;
    int pos = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("scores[" + i + "] must be a number, but was NaN");
      }
      if (positive[i]) {
        pos++;
      }
    }
    if (pos == 0 || pos == n) {
      throw new IllegalArgumentException("labels must include at least one converted and one "
          + "non-converted contact, but was " + pos + " converted of " + n);
    }
    this.scores = scores;
    this.positive = positive;
    this.positives = pos;
    this.negatives = n - pos;
    Groups sorted = Groups.of(scores);
    this.order = sorted.order;
    this.groupStart = sorted.start;
    this.groups = sorted.count;
    this.groupPositives = new int[groups];
    for (int g = 0; g < groups; g++) {
      for (int i = groupStart[g]; i < groupStart[g + 1]; i++) {
        if (positive[order[i]]) {
          groupPositives[g]++;
        }
      }
    }
  }

  /**
   * Values in decreasing order, grouped by equal value, with primitive sorting only: the
   * distinct values come from {@link Arrays#sort(double[])}, each value finds its group by
   * binary search, and a counting sort places the indices (stable within a group). {@code -0.0}
   * and {@code 0.0} are one value. O(n log n).
   */
  static final class Groups {
    final int[] order;
    final int[] start;
    final int count;

    private Groups(int[] order, int[] start, int count) {
      this.order = order;
      this.start = start;
      this.count = count;
    }

    static Groups of(double[] values) {
      int n = values.length;
      double[] distinct = new double[n];
      for (int i = 0; i < n; i++) {
        distinct[i] = values[i] + 0.0;
      }
      Arrays.sort(distinct);
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || distinct[i] != distinct[count - 1]) {
          distinct[count++] = distinct[i];
        }
      }
      int[] groupOf = new int[n];
      int[] start = new int[count + 1];
      for (int i = 0; i < n; i++) {
        int g = count - 1 - Arrays.binarySearch(distinct, 0, count, values[i] + 0.0);
        groupOf[i] = g;
        start[g + 1]++;
      }
      for (int g = 0; g < count; g++) {
        start[g + 1] += start[g];
      }
      int[] next = Arrays.copyOf(start, count);
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[next[groupOf[i]]++] = i;
      }
      return new Groups(order, start, count);
    }

    /** Mid-ranks in increasing order of value (1-based, ties share their mean rank). */
    double[] midranks() {
      int n = order.length;
      double[] ranks = new double[n];
      for (int g = 0; g < count; g++) {
        // descending positions [s, e) are ascending ranks n - e + 1 .. n - s
        int s = start[g];
        int e = start[g + 1];
        double mid = ((n - e + 1) + (double) (n - s)) / 2.0;
        for (int i = s; i < e; i++) {
          ranks[order[i]] = mid;
        }
      }
      return ranks;
    }
  }

  int size() {
    return order.length;
  }

  /** The score shared by tie group {@code g}. */
  double groupScore(int g) {
    return scores[order[groupStart[g]]];
  }

  /** The number of positives in tie group {@code g}. */
  int groupPositives(int g) {
    return groupPositives[g];
  }

  /** Mid-ranks in increasing order of score, indexed like the input. */
  double[] midranks() {
    return new Groups(order, groupStart, groups).midranks();
  }

  /** ROC AUC by the rank-sum (Mann-Whitney) formula; ties count half. */
  double auc() {
    double[] ranks = midranks();
    double sum = 0;
    for (int i = 0; i < ranks.length; i++) {
      if (positive[i]) {
        sum += ranks[i];
      }
    }
    double p = positives;
    return (sum - p * (p + 1) / 2.0) / (p * (double) negatives);
  }

  /**
   * The KS statistic and where it is reached: {@code {ks, threshold}}, the largest
   * {@code |TPR - FPR|} over the cuts "score at least t", t running over the distinct scores.
   */
  double[] ks() {
    double best = -1;
    double at = Double.NaN;
    long tp = 0;
    long fp = 0;
    for (int g = 0; g < groups; g++) {
      int p = groupPositives(g);
      tp += p;
      fp += (groupStart[g + 1] - groupStart[g]) - p;
      double d = Math.abs((double) tp / positives - (double) fp / negatives);
      if (d > best) {
        best = d;
        at = groupScore(g);
      }
    }
    return new double[] {best, at};
  }

  /**
   * Expected positives among the top {@code k} contacts (k real, 0..n) when ties are broken
   * at random: a tie group cut by the boundary contributes its positives in proportion.
   */
  double positivesInTop(double k) {
    double sum = 0;
    for (int g = 0; g < groups; g++) {
      int s = groupStart[g];
      int e = groupStart[g + 1];
      if (k >= e) {
        sum += groupPositives(g);
      } else {
        if (k > s) {
          sum += groupPositives(g) * (k - s) / (e - s);
        }
        break;
      }
    }
    return sum;
  }
}
