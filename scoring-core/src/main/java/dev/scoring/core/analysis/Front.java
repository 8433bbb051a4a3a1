package dev.scoring.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The best (first, second) pairs found so far, with what produced each. Two parts are kept
 * apart only when a cap makes the objective {@code min(first, cap) + second} non-linear;
 * otherwise only the pair with the best sum is kept.
 *
 * <p>Maximising: a pair is dropped when another is at least as large in both parts.
 * Minimising: when another is at least as small in both. Because the objective is
 * non-decreasing in both parts, the optimum is always among the kept pairs. Not thread-safe.
 *
 * @param <T> what produced a pair (an attribute assignment, an event sequence)
 */
final class Front<T> {
  /** One pair and its origin. */
  record Entry<T>(double first, double second, T origin) {}

  private final boolean maximise;
  private final boolean pareto;
  private final List<Entry<T>> entries = new ArrayList<>(2);

  Front(boolean maximise, boolean pareto) {
    this.maximise = maximise;
    this.pareto = pareto;
  }

  Front<T> emptyCopy() {
    return new Front<>(maximise, pareto);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  List<Entry<T>> entries() {
    return entries;
  }

  /** Adds a pair unless a kept pair is at least as good; drops the pairs it beats. */
  void add(double first, double second, T origin) {
    if (!pareto) {
      if (entries.isEmpty()) {
        entries.add(new Entry<>(first, second, origin));
        return;
      }
      Entry<T> e = entries.get(0);
      double sum = first + second;
      double kept = e.first() + e.second();
      if (maximise ? sum > kept : sum < kept) {
        entries.set(0, new Entry<>(first, second, origin));
      }
      return;
    }
    for (Entry<T> e : entries) {
      if (atLeastAsGood(e.first(), e.second(), first, second)) {
        return;
      }
    }
    entries.removeIf(e -> atLeastAsGood(first, second, e.first(), e.second()));
    entries.add(new Entry<>(first, second, origin));
  }

  void addAll(Front<T> other) {
    for (Entry<T> e : other.entries) {
      add(e.first(), e.second(), e.origin());
    }
  }

  private boolean atLeastAsGood(double a1, double a2, double b1, double b2) {
    return maximise ? a1 >= b1 && a2 >= b2 : a1 <= b1 && a2 <= b2;
  }

  /** Returns the entry with the best {@code min(first, cap) + second}, or null if empty. */
  Entry<T> best(double cap) {
    Entry<T> best = null;
    double bestValue = 0;
    for (Entry<T> e : entries) {
      double v = Math.min(e.first(), cap) + e.second();
      if (best == null || (maximise ? v > bestValue : v < bestValue)) {
        best = e;
        bestValue = v;
      }
    }
    return best;
  }

  int size() {
    return entries.size();
  }
}
