package dev.scoring.core.internal;

import java.util.Arrays;

/**
 * Internal: a contact's events as parallel primitive arrays in chronological order (type id,
 * epoch second, nanosecond, value or NaN), 24 bytes an event plus spare capacity, with
 * in-place insertion. The type ids belong to whoever fills the columns (a dictionary of
 * theirs); {@link CompactModel#score} maps them to a model's ids. Used by the live scorer and
 * the Kafka Streams processor. Not part of the API.
 *
 * <p>Not thread-safe: the owner guards it (the contact's lock).
 */
public final class EventColumns {
  private static final int[] NO_INTS = {};
  private static final long[] NO_LONGS = {};
  private static final double[] NO_DOUBLES = {};

  /** Type ids, {@link #size} used. */
  public int[] types = NO_INTS;
  /** Epoch seconds. */
  public long[] seconds = NO_LONGS;
  /** Nanoseconds of the second. */
  public int[] nanos = NO_INTS;
  /** Values, NaN for none. */
  public double[] values = NO_DOUBLES;
  /** The number of events. */
  public int size;

  /** Empty columns. */
  public EventColumns() {}

  /**
   * Empty columns with room for some events.
   *
   * @param capacity events to make room for, at least 0
   */
  public EventColumns(int capacity) {
    types = new int[capacity];
    seconds = new long[capacity];
    nanos = new int[capacity];
    values = new double[capacity];
  }

  /**
   * Returns where an event at this instant goes to keep the order: after every event at or
   * before it, so events of the same instant stay in arrival order, as a stable sort by time
   * would leave them.
   *
   * @param second epoch second
   * @param nano   nanosecond of the second
   * @return an index from 0 to {@link #size}
   */
  public int insertionPoint(long second, int nano) {
    int n = size;
    if (n == 0 || compare(n - 1, second, nano) <= 0) {
      return n;
    }
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(mid, second, nano) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int compare(int i, long second, int nano) {
    int c = Long.compare(seconds[i], second);
    return c != 0 ? c : Integer.compare(nanos[i], nano);
  }

  /**
   * Inserts an event, shifting the later ones; grows the arrays by half when full.
   *
   * @param p      the index, from {@link #insertionPoint}
   * @param type   type id
   * @param second epoch second
   * @param nano   nanosecond of the second
   * @param value  value, NaN for none
   */
  public void insert(int p, int type, long second, int nano, double value) {
    if (size == types.length) {
      int capacity = Math.max(4, size + (size >> 1));
      types = Arrays.copyOf(types, capacity);
      seconds = Arrays.copyOf(seconds, capacity);
      nanos = Arrays.copyOf(nanos, capacity);
      values = Arrays.copyOf(values, capacity);
    }
    int tail = size - p;
    if (tail > 0) {
      System.arraycopy(types, p, types, p + 1, tail);
      System.arraycopy(seconds, p, seconds, p + 1, tail);
      System.arraycopy(nanos, p, nanos, p + 1, tail);
      System.arraycopy(values, p, values, p + 1, tail);
    }
    types[p] = type;
    seconds[p] = second;
    nanos[p] = nano;
    values[p] = value;
    size++;
  }

  /**
   * Removes the event at an index: undoes {@link #insert}.
   *
   * @param p the index, below {@link #size}
   */
  public void remove(int p) {
    int tail = size - p - 1;
    System.arraycopy(types, p + 1, types, p, tail);
    System.arraycopy(seconds, p + 1, seconds, p, tail);
    System.arraycopy(nanos, p + 1, nanos, p, tail);
    System.arraycopy(values, p + 1, values, p, tail);
    size--;
  }
}
