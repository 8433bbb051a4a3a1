package dev.scoring.core;

import dev.scoring.api.Score;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scores of every contact of a {@link ContactTable}, as primitive arrays indexed like the
 * table: score, fit, engagement and tier id (0 for the base tier, {@code k} for the model's
 * {@code k}-th tier), with tier counts and top-k; when the scorer was made with
 * {@link BatchScorer#withTrend(int)}, also each contact's trend (SPEC section 10) and the
 * lists of contacts whose score rose or fell by at least some points ({@link #rising},
 * {@link #falling}): the weekly "who got hot" list.
 *
 * <p>A {@code BatchScores} can be reused: {@link BatchScorer#scoreInto} overwrites it
 * without allocating. It is not thread-safe while being filled; once filled and published
 * safely (for example by the thread that called the scorer) it may be read from any number
 * of threads.
 */
public final class BatchScores {
  final double[] score;
  final double[] fit;
  final double[] engagement;
  final int[] tier;
  /** The trend column, allocated on the first scoring with a trend. */
  double[] trend = new double[0];
  private int trendDays;
  private int size;
  long[] tierCounts = new long[0];
  private String[] tierNames = new String[0];
  private String modelName = "";
  private String modelVersion = "";
  private Instant asOf = Instant.EPOCH;

  /**
   * Allocates results for tables of up to {@code capacity} contacts.
   *
   * @param capacity at least 0
   * @throws IllegalArgumentException if negative
   */
  public BatchScores(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be at least 0, but was " + capacity);
    }
    score = new double[capacity];
    fit = new double[capacity];
    engagement = new double[capacity];
    tier = new int[capacity];
  }

  /**
   * Returns how many contacts these results can hold.
   *
   * @return how many contacts these results can hold
   */
  public int capacity() {
    return score.length;
  }

  /**
   * Returns the number of contacts scored, the table's size.
   *
   * @return the number of contacts scored, the table's size
   */
  public int size() {
    return size;
  }

  /**
   * Returns the instant the scores were computed as of.
   *
   * @return the instant the scores were computed as of
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * Returns the tier names by tier id: the base tier first, then the model's tiers.
   *
   * @return the tier names by tier id: the base tier first, then the model's tiers
   */
  public List<String> tierNames() {
    return Collections.unmodifiableList(Arrays.asList(tierNames.clone()));
  }

  /**
   * Returns the score of a contact.
   *
   * @param index the contact's index in the table
   * @return the score
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   */
  public double score(int index) {
    return score[Objects.checkIndex(index, size)];
  }

  /**
   * Returns the fit (demographic and negative attribute points) of a contact.
   *
   * @param index the contact's index in the table
   * @return the fit
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   */
  public double fit(int index) {
    return fit[Objects.checkIndex(index, size)];
  }

  /**
   * Returns the engagement (behavioral, negative event and inactivity points) of a contact.
   *
   * @param index the contact's index in the table
   * @return the engagement
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   */
  public double engagement(int index) {
    return engagement[Objects.checkIndex(index, size)];
  }

  /**
   * Returns the tier id of a contact: an index into {@link #tierNames()}.
   *
   * @param index the contact's index in the table
   * @return the tier id
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   */
  public int tierId(int index) {
    return tier[Objects.checkIndex(index, size)];
  }

  /**
   * Returns the tier name of a contact.
   *
   * @param index the contact's index in the table
   * @return the tier name
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   */
  public String tier(int index) {
    return tierNames[tierId(index)];
  }

  /**
   * Returns the full {@link Score} of a contact, equal to what
   * {@link ScoringTable#score(dev.scoring.api.Contact, Instant)} returns for it.
   *
   * @param index the contact's index in the table
   * @return a new score
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   */
  public Score toScore(int index) {
    Objects.checkIndex(index, size);
    // The kernel computes raw as exactly fit + engagement.
    return new Score(score[index], fit[index] + engagement[index], fit[index],
        engagement[index], tierNames[tier[index]], modelName, modelVersion, asOf);
  }

  /**
   * Returns the trend window of these results in days, 0 when they hold no trend.
   *
   * @return the days of {@link BatchScorer#withTrend(int)}, or 0
   */
  public int trendDays() {
    return trendDays;
  }

  /**
   * Returns a contact's trend: its score minus its score {@link #trendDays()} days before
   * {@link #asOf()}, exactly the difference of the two scores.
   *
   * @param index the contact's index in the table
   * @return the trend
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   * @throws IllegalStateException if these results hold no trend
   */
  public double trend(int index) {
    requireTrend();
    return trend[Objects.checkIndex(index, size)];
  }

  /**
   * Returns a copy of the trends, indexed like the table.
   *
   * @return a new array
   * @throws IllegalStateException if these results hold no trend
   */
  public double[] trends() {
    requireTrend();
    return Arrays.copyOf(trend, size);
  }

  /**
   * Returns the contacts whose score rose by at least {@code points} over the trend window
   * ({@code trend >= points}), the largest rise first, equal rises in table order. Runs in
   * {@code O(n + m log m)} for {@code m} contacts returned.
   *
   * @param points the rise, finite and positive (20 for "rose 20 points this week")
   * @return a new array of contact indexes
   * @throws IllegalArgumentException if {@code points} is not finite and positive
   * @throws IllegalStateException if these results hold no trend
   */
  public int[] rising(double points) {
    return movers(points, true);
  }

  /**
   * Returns the contacts whose score fell by at least {@code points} over the trend window
   * ({@code trend <= -points}), the largest fall first, equal falls in table order. Runs in
   * {@code O(n + m log m)} for {@code m} contacts returned.
   *
   * @param points the fall, finite and positive
   * @return a new array of contact indexes
   * @throws IllegalArgumentException if {@code points} is not finite and positive
   * @throws IllegalStateException if these results hold no trend
   */
  public int[] falling(double points) {
    return movers(points, false);
  }

  private int[] movers(double points, boolean up) {
    requireTrend();
    if (!Double.isFinite(points) || !(points > 0)) {
      throw new IllegalArgumentException("points must be finite and positive, but was "
          + points);
    }
    int m = 0;
    for (int i = 0; i < size; i++) {
      if (up ? trend[i] >= points : trend[i] <= -points) {
        m++;
      }
    }
    Integer[] found = new Integer[m];
    for (int i = 0, j = 0; i < size; i++) {
      if (up ? trend[i] >= points : trend[i] <= -points) {
        found[j++] = i;
      }
    }
    // Stable sort: equal moves stay in table order.
    Arrays.sort(found, (a, b) -> up ? Double.compare(trend[b], trend[a])
        : Double.compare(trend[a], trend[b]));
    int[] out = new int[m];
    for (int j = 0; j < m; j++) {
      out[j] = found[j];
    }
    return out;
  }

  private void requireTrend() {
    if (trendDays == 0) {
      throw new IllegalStateException("results must hold a trend (score with "
          + "BatchScorer.withTrend(days)), but held none");
    }
  }

  /**
   * Returns a copy of the scores, indexed like the table.
   *
   * @return a copy of the scores, indexed like the table
   */
  public double[] scores() {
    return Arrays.copyOf(score, size);
  }

  /**
   * Returns a copy of the fits, indexed like the table.
   *
   * @return a copy of the fits, indexed like the table
   */
  public double[] fits() {
    return Arrays.copyOf(fit, size);
  }

  /**
   * Returns a copy of the engagements, indexed like the table.
   *
   * @return a copy of the engagements, indexed like the table
   */
  public double[] engagements() {
    return Arrays.copyOf(engagement, size);
  }

  /**
   * Returns a copy of the tier ids, indexed like the table.
   *
   * @return a copy of the tier ids, indexed like the table
   */
  public int[] tierIds() {
    return Arrays.copyOf(tier, size);
  }

  /**
   * Returns the number of contacts per tier id (an index into {@link #tierNames()}).
   *
   * @return a new array
   */
  public long[] tierCounts() {
    return tierCounts.clone();
  }

  /**
   * Returns the number of contacts per tier name, base tier first.
   *
   * @return a new ordered map
   */
  public Map<String, Long> tierCountsByName() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int t = 0; t < tierNames.length; t++) {
      counts.put(tierNames[t], tierCounts[t]);
    }
    return counts;
  }

  /**
   * Returns the indexes of the {@code k} highest-scoring contacts, best first; equal scores
   * in table order. Runs in {@code O(n log k)} time with a heap of {@code k} entries,
   * without sorting all contacts.
   *
   * @param k at least 0; fewer are returned when the table is smaller
   * @return a new array of {@code min(k, size())} contact indexes
   * @throws IllegalArgumentException if {@code k} is negative
   */
  public int[] topK(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be at least 0, but was " + k);
    }
    int m = Math.min(k, size);
    if (m == 0) {
      return new int[0];
    }
    // A min-heap on rank: heap[0] is the worst of the best m seen so far.
    int[] heap = new int[m];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (n < m) {
        heap[n] = i;
        siftUp(heap, n);
        n++;
      } else if (better(i, heap[0])) {
        heap[0] = i;
        siftDown(heap, 0, m);
      }
    }
    // Pop the worst to the back, leaving the best at the front.
    for (int end = m - 1; end > 0; end--) {
      int worst = heap[0];
      heap[0] = heap[end];
      heap[end] = worst;
      siftDown(heap, 0, end);
    }
    return heap;
  }

  /** Whether contact a ranks above contact b: higher score, or equal and earlier. */
  private boolean better(int a, int b) {
    int c = Double.compare(score[a], score[b]);
    return c > 0 || (c == 0 && a < b);
  }

  private void siftUp(int[] heap, int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!better(heap[parent], heap[i])) {
        return;
      }
      int t = heap[parent];
      heap[parent] = heap[i];
      heap[i] = t;
      i = parent;
    }
  }

  private void siftDown(int[] heap, int i, int n) {
    while (true) {
      int worst = i;
      int l = 2 * i + 1;
      int r = l + 1;
      if (l < n && better(heap[worst], heap[l])) {
        worst = l;
      }
      if (r < n && better(heap[worst], heap[r])) {
        worst = r;
      }
      if (worst == i) {
        return;
      }
      int t = heap[worst];
      heap[worst] = heap[i];
      heap[i] = t;
      i = worst;
    }
  }

  // ---- filled by BatchScorer

  void reset(int contacts, String[] names, String model, String version, Instant instant,
      int days) {
    if (contacts > score.length) {
      throw new IllegalArgumentException("results capacity must be at least the table size "
          + contacts + ", but was " + score.length);
    }
    size = contacts;
    if (tierCounts.length != names.length) {
      tierCounts = new long[names.length];
    } else {
      Arrays.fill(tierCounts, 0L);
    }
    tierNames = names;
    trendDays = days;
    if (days > 0 && trend.length < score.length) {
      trend = new double[score.length];
    }
    modelName = model;
    modelVersion = version;
    asOf = instant;
  }

  void set(int index, double s, double f, double e, int t) {
    score[index] = s;
    fit[index] = f;
    engagement[index] = e;
    tier[index] = t;
  }
}
