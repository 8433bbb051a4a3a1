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
 * {@code k}-th tier), with tier counts and top-k.
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

  /** Returns how many contacts these results can hold. */
  public int capacity() {
    return score.length;
  }

  /** Returns the number of contacts scored, the table's size. */
  public int size() {
    return size;
  }

  /** Returns the instant the scores were computed as of. */
  public Instant asOf() {
    return asOf;
  }

  /** Returns the tier names by tier id: the base tier first, then the model's tiers. */
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

  /** Returns a copy of the scores, indexed like the table. */
  public double[] scores() {
    return Arrays.copyOf(score, size);
  }

  /** Returns a copy of the fits, indexed like the table. */
  public double[] fits() {
    return Arrays.copyOf(fit, size);
  }

  /** Returns a copy of the engagements, indexed like the table. */
  public double[] engagements() {
    return Arrays.copyOf(engagement, size);
  }

  /** Returns a copy of the tier ids, indexed like the table. */
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

  void reset(int contacts, String[] names, String model, String version, Instant instant) {
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
