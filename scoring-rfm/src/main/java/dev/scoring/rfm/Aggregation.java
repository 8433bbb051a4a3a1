package dev.scoring.rfm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Per-customer sums over transactions, in parallel. The transactions are partitioned by a
 * hash of the customer id: each worker first records which partition every transaction of
 * its chunk belongs to, then each partition is summed by one worker into its own hash map,
 * so no map is shared or merged. Results do not depend on input order: dates are a maximum,
 * counts are counts, order ids a set, and amounts a compensated sum.
 */
final class Aggregation {
  /** Below this many transactions one thread is faster than splitting. */
  static final int PARALLEL_THRESHOLD = 50_000;

  /** Running sums of one customer. */
  static final class Acc {
    int lastDay = Integer.MIN_VALUE;
    int purchasesWithoutOrder;
    /** Null, one order id (a String) or a {@code HashSet<String>} of them. */
    Object orders;
    double hi;
    double lo;

    void add(Transaction t, boolean purchase) {
      double a = t.amount();
      // two-sum: hi + lo holds the sum with the rounding error of each addition kept
      double s = hi + a;
      double bp = s - hi;
      lo += (hi - (s - bp)) + (a - bp);
      hi = s;
      if (!purchase) {
        return;
      }
      int day = (int) t.date().toEpochDay();
      if (day > lastDay) {
        lastDay = day;
      }
      String order = t.orderId();
      if (order == null) {
        purchasesWithoutOrder++;
      } else if (orders == null) {
        orders = order;
      } else if (orders instanceof String one) {
        if (!one.equals(order)) {
          HashSet<String> set = new HashSet<>(8);
          set.add(one);
          set.add(order);
          orders = set;
        }
      } else {
        @SuppressWarnings("unchecked")
        HashSet<String> set = (HashSet<String>) orders;
        set.add(order);
      }
    }

    boolean hasPurchase() {
      return lastDay != Integer.MIN_VALUE;
    }

    int frequency() {
      int distinct = orders == null ? 0 : orders instanceof String ? 1 : ((HashSet<?>) orders).size();
      return distinct + purchasesWithoutOrder;
    }

    double sum() {
      return hi + lo;
    }
  }

  /** The customers' sums, sorted by id, and the counts of what was left out. */
  static final class Totals {
    String[] ids;
    Acc[] accs;
    long used;
    long afterAnalysisDate;
    long excludedReturns;
    long customersWithoutPurchase;
  }

  private final int analysisDay;
  private final ReturnPolicy returns;

  Aggregation(int analysisDay, ReturnPolicy returns) {
    this.analysisDay = analysisDay;
    this.returns = returns;
  }

  /** Aggregates {@code tx} using {@code parallelism} workers (1: the calling thread only). */
  Totals run(Transaction[] tx, int parallelism, ForkJoinPool pool) {
    if (parallelism <= 1 || tx.length < PARALLEL_THRESHOLD) {
      Part part = new Part();
      for (Transaction t : tx) {
        part.accept(t);
      }
      return finish(List.of(part), false, pool);
    }
    int partitions = Math.min(256, Integer.highestOneBit(parallelism * 4 - 1) << 1);
    int shift = 32 - Integer.numberOfTrailingZeros(partitions);
    int chunks = parallelism * 4;
    int chunkSize = (tx.length + chunks - 1) / chunks;
    byte[] partOf = new byte[tx.length];
    int[][] counts = new int[chunks][partitions];
    invoke(pool, () -> IntStream.range(0, chunks).parallel().forEach(c -> {
      int from = c * chunkSize;
      int to = Math.min(tx.length, from + chunkSize);
      int[] count = counts[c];
      for (int i = from; i < to; i++) {
        int h = tx[i].customerId().hashCode() * 0x9E3779B9;
        int p = h >>> shift;
        partOf[i] = (byte) p;
        count[p]++;
      }
    }));
    // start[c][p]: where chunk c writes its indices of partition p; partitions are contiguous
    int[][] start = new int[chunks][partitions];
    int[] partitionStart = new int[partitions + 1];
    int pos = 0;
    for (int p = 0; p < partitions; p++) {
      partitionStart[p] = pos;
      for (int c = 0; c < chunks; c++) {
        start[c][p] = pos;
        pos += counts[c][p];
      }
    }
    partitionStart[partitions] = pos;
    int[] order = new int[tx.length];
    invoke(pool, () -> IntStream.range(0, chunks).parallel().forEach(c -> {
      int from = c * chunkSize;
      int to = Math.min(tx.length, from + chunkSize);
      int[] next = start[c].clone();
      for (int i = from; i < to; i++) {
        order[next[partOf[i] & 0xff]++] = i;
      }
    }));
    Part[] parts = new Part[partitions];
    invoke(pool, () -> IntStream.range(0, partitions).parallel().forEach(p -> {
      Part part = new Part();
      for (int k = partitionStart[p]; k < partitionStart[p + 1]; k++) {
        part.accept(tx[order[k]]);
      }
      parts[p] = part;
    }));
    return finish(Arrays.asList(parts), true, pool);
  }

  private Totals finish(List<Part> parts, boolean parallel, ForkJoinPool pool) {
    Totals totals = new Totals();
    int size = 0;
    for (Part part : parts) {
      totals.used += part.used;
      totals.afterAnalysisDate += part.after;
      totals.excludedReturns += part.excludedReturns;
      size += part.map.size();
    }
    List<Map.Entry<String, Acc>> entries = new ArrayList<>(size);
    for (Part part : parts) {
      for (Map.Entry<String, Acc> e : part.map.entrySet()) {
        if (e.getValue().hasPurchase()) {
          entries.add(e);
        } else {
          totals.customersWithoutPurchase++;
        }
      }
    }
    @SuppressWarnings("unchecked")
    Map.Entry<String, Acc>[] sorted = entries.toArray(new Map.Entry[0]);
    Comparator<Map.Entry<String, Acc>> byId = Map.Entry.comparingByKey();
    if (parallel) {
      invoke(pool, () -> Arrays.parallelSort(sorted, byId));
    } else {
      Arrays.sort(sorted, byId);
    }
    totals.ids = new String[sorted.length];
    totals.accs = new Acc[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      totals.ids[i] = sorted[i].getKey();
      totals.accs[i] = sorted[i].getValue();
    }
    return totals;
  }

  /** Runs a task in {@code pool} (null: the common pool) and waits for it. */
  static void invoke(ForkJoinPool pool, Runnable task) {
    if (pool == null) {
      task.run();
      return;
    }
    try {
      pool.submit(task).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("RFM aggregation must not be interrupted, but was", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** The sums of one partition. */
  private final class Part {
    final HashMap<String, Acc> map = new HashMap<>();
    long used;
    long after;
    long excludedReturns;

    void accept(Transaction t) {
      if (t.date().toEpochDay() > analysisDay) {
        after++;
        return;
      }
      boolean purchase = t.amount() >= 0;
      if (!purchase && returns == ReturnPolicy.EXCLUDE) {
        excludedReturns++;
        return;
      }
      used++;
      Acc acc = map.get(t.customerId());
      if (acc == null) {
        acc = new Acc();
        map.put(t.customerId(), acc);
      }
      acc.add(t, purchase);
    }
  }
}
