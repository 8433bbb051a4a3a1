package dev.scoring.rfm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Per-customer sums over transactions, cache-friendly and in parallel.
 *
 * <p>Large inputs are partitioned by a hash of the customer id: each worker first reads its
 * chunk of transactions in order, drops those after the analysis date or excluded as
 * returns, and counts per partition; then it copies each kept transaction's hash, day,
 * amount, customer and order into the partition's contiguous region of flat arrays; finally
 * each partition is summed by one worker into its own small open-addressing table, which
 * stays in the CPU cache. No table is shared or merged.
 *
 * <p>Results do not depend on input order: days are a maximum, counts are counts, order ids a
 * set, and customers are sorted by id at the end. Amounts are summed as decimals (SPEC
 * section 8): each amount is read as the shortest decimal m &times; 10<sup>-k</sup> (k &le;
 * 17) that rounds to it, the m are added exactly in a {@code long} at the largest k seen,
 * and the total is rounded once to the nearest double; so 0.1 + 0.2 and 0.3 tie. An amount
 * with no such short decimal, or a total that overflows a {@code long}, moves that customer
 * to an exact {@link BigDecimal} total (slower, and rare).
 */
final class Aggregation {
  /** Below this many transactions one table without partitioning is used. */
  static final int PARALLEL_THRESHOLD = 50_000;
  /** The most partitions (a partition number fits a byte, -1 marks a dropped transaction). */
  private static final int MAX_PARTITIONS = 128;
  /** Aim for partitions of about this many transactions. */
  private static final int PARTITION_TARGET = 1 << 16;

  /** The customers' sums, sorted by id, and the counts of what was left out. */
  static final class Totals {
    String[] ids;
    int[] lastDay;
    int[] frequency;
    double[] revenue;
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

  /** Aggregates {@code tx}; {@code parallel} runs the passes on {@code pool}. */
  Totals run(Transaction[] tx, boolean parallel, ForkJoinPool pool) {
    if (tx.length < PARALLEL_THRESHOLD) {
      Table table = new Table(64);
      long after = 0;
      long excluded = 0;
      for (Transaction t : tx) {
        int day = (int) t.date().toEpochDay();
        if (day > analysisDay) {
          after++;
        } else if (t.amount() < 0 && returns == ReturnPolicy.EXCLUDE) {
          excluded++;
        } else {
          String id = t.customerId();
          table.add(id, id.hashCode(), day, t.amount(), t.orderId());
        }
      }
      return finish(new Table[] {table}, 32, tx.length - after - excluded, after, excluded,
          false, pool);
    }
    int partitions = Math.min(MAX_PARTITIONS,
        Integer.highestOneBit(Math.max(2, tx.length / PARTITION_TARGET)));
    int shift = 32 - Integer.numberOfTrailingZeros(partitions);
    int parallelism = parallel ? (pool == null ? ForkJoinPool.commonPool().getParallelism() + 1
        : pool.getParallelism()) : 1;
    int chunks = parallel ? Math.max(1, parallelism * 4) : 1;
    int chunkSize = (tx.length + chunks - 1) / chunks;
    byte[] partOf = new byte[tx.length];
    int[] hashOf = new int[tx.length];
    int[] dayOf = new int[tx.length];
    int[][] counts = new int[chunks][partitions];
    long[] after = new long[chunks];
    long[] excluded = new long[chunks];
    boolean[] orders = new boolean[chunks];
    each(parallel, pool, chunks, c -> {
      int from = c * chunkSize;
      int to = Math.min(tx.length, from + chunkSize);
      int[] count = counts[c];
      for (int i = from; i < to; i++) {
        Transaction t = tx[i];
        int day = (int) t.date().toEpochDay();
        if (day > analysisDay) {
          after[c]++;
          partOf[i] = -1;
        } else if (t.amount() < 0 && returns == ReturnPolicy.EXCLUDE) {
          excluded[c]++;
          partOf[i] = -1;
        } else {
          int hash = t.customerId().hashCode();
          int p = partition(hash, shift);
          partOf[i] = (byte) p;
          hashOf[i] = hash;
          dayOf[i] = day;
          count[p]++;
          orders[c] |= t.orderId() != null;
        }
      }
    });
    int[][] start = new int[chunks][partitions];
    int[] partitionStart = new int[partitions + 1];
    int kept = 0;
    boolean anyOrder = false;
    for (int p = 0; p < partitions; p++) {
      partitionStart[p] = kept;
      for (int c = 0; c < chunks; c++) {
        start[c][p] = kept;
        kept += counts[c][p];
      }
    }
    partitionStart[partitions] = kept;
    long afterTotal = 0;
    long excludedTotal = 0;
    for (int c = 0; c < chunks; c++) {
      afterTotal += after[c];
      excludedTotal += excluded[c];
      anyOrder |= orders[c];
    }
    int[] hashes = new int[kept];
    int[] days = new int[kept];
    double[] amounts = new double[kept];
    String[] ids = new String[kept];
    String[] orderIds = anyOrder ? new String[kept] : null;
    each(parallel, pool, chunks, c -> {
      int from = c * chunkSize;
      int to = Math.min(tx.length, from + chunkSize);
      int[] next = start[c].clone();
      for (int i = from; i < to; i++) {
        int p = partOf[i];
        if (p >= 0) {
          Transaction t = tx[i];
          int k = next[p]++;
          hashes[k] = hashOf[i];
          days[k] = dayOf[i];
          amounts[k] = t.amount();
          ids[k] = t.customerId();
          if (orderIds != null) {
            orderIds[k] = t.orderId();
          }
        }
      }
    });
    Table[] tables = new Table[partitions];
    each(parallel, pool, partitions, p -> {
      int from = partitionStart[p];
      int to = partitionStart[p + 1];
      Table table = new Table(Math.max(16, (to - from) / 4));
      for (int k = from; k < to; k++) {
        table.add(ids[k], hashes[k], days[k], amounts[k], orderIds == null ? null : orderIds[k]);
      }
      tables[p] = table;
    });
    return finish(tables, shift, kept, afterTotal, excludedTotal, parallel, pool);
  }

  /** The partition of a customer id's hash: its top bits after a multiplicative mix. */
  private static int partition(int hash, int shift) {
    return shift == 32 ? 0 : (hash * 0x9E3779B9) >>> shift;
  }

  private Totals finish(Table[] tables, int shift, long used, long after, long excluded,
      boolean parallel, ForkJoinPool pool) {
    int size = 0;
    for (Table t : tables) {
      size += t.size;
    }
    String[] ids = new String[size];
    int n = 0;
    long withoutPurchase = 0;
    for (Table t : tables) {
      for (int s = 0; s < t.keys.length; s++) {
        if (t.keys[s] != null) {
          if (t.lastDay[s] == Integer.MIN_VALUE) {
            withoutPurchase++;
          } else {
            ids[n++] = t.keys[s];
          }
        }
      }
    }
    String[] sorted = n == size ? ids : Arrays.copyOf(ids, n);
    Totals totals = new Totals();
    totals.ids = sorted;
    totals.lastDay = new int[n];
    totals.frequency = new int[n];
    totals.revenue = new double[n];
    int count = n;
    Runnable sortAndCopy = () -> {
      if (parallel) {
        Arrays.parallelSort(sorted);
      } else {
        Arrays.sort(sorted);
      }
      IntStream range = IntStream.range(0, count);
      (parallel ? range.parallel() : range).forEach(i -> {
        String id = sorted[i];
        int hash = id.hashCode();
        Table t = tables[partition(hash, shift)];
        int s = t.find(id, hash);
        totals.lastDay[i] = t.lastDay[s];
        totals.frequency[i] = t.frequency(s);
        totals.revenue[i] = t.total(s);
      });
    };
    invoke(parallel ? pool : null, sortAndCopy);
    totals.used = used;
    totals.afterAnalysisDate = after;
    totals.excludedReturns = excluded;
    totals.customersWithoutPurchase = withoutPurchase;
    return totals;
  }

  /** Runs {@code body} for 0..count-1, in parallel on {@code pool} or on this thread. */
  private static void each(boolean parallel, ForkJoinPool pool, int count,
      java.util.function.IntConsumer body) {
    if (!parallel) {
      for (int i = 0; i < count; i++) {
        body.accept(i);
      }
      return;
    }
    invoke(pool, () -> IntStream.range(0, count).parallel().forEach(body));
  }

  /** Runs a task in {@code pool} (null: on this thread, parallel streams use the common pool). */
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
      throw new IllegalStateException("RFM aggregation must complete, but failed", cause);
    }
  }

  /**
   * An open-addressing table of running sums per customer, in flat arrays. The customer ids
   * are compared by reference first (ids read from one CSV file are shared instances).
   */
  static final class Table {
    /** The most decimal places of an amount summed in a {@code long}. */
    private static final int MAX_SCALE = 17;
    private static final double TWO_52 = 0x1p52;
    private static final double TWO_53 = 0x1p53;
    private static final double[] POW10 = new double[MAX_SCALE + 1];
    private static final long[] LONG_POW10 = new long[MAX_SCALE + 1];

    static {
      long p = 1;
      for (int k = 0; k <= MAX_SCALE; k++) {
        LONG_POW10[k] = p;
        POW10[k] = p; // exact: 10^17 < 2^57 with 17 trailing zero bits
        p *= 10;
      }
    }

    String[] keys;
    int[] hashes;
    int[] lastDay;
    int[] loose;
    /** Null, one order id (a String) or a {@code HashSet<String>} of them, per slot. */
    Object[] orders;
    /** The decimal total of a slot: units[s] &times; 10^-scale[s] (+ exact[s] if set). */
    long[] units;
    byte[] scale;
    /** Null until a customer needs an exact total; then that customer's overflow. */
    BigDecimal[] exact;
    int size;
    private int mask;

    Table(int expected) {
      int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
      allocate(capacity);
    }

    private void allocate(int capacity) {
      keys = new String[capacity];
      hashes = new int[capacity];
      lastDay = new int[capacity];
      loose = new int[capacity];
      orders = new Object[capacity];
      units = new long[capacity];
      scale = new byte[capacity];
      exact = null;
      mask = capacity - 1;
    }

    void add(String id, int hash, int day, double amount, String order) {
      int s = slot(id, hash);
      addAmount(s, amount);
      if (amount < 0) {
        return; // a return (kept under NET) is never a purchase
      }
      if (day > lastDay[s]) {
        lastDay[s] = day;
      }
      if (order == null) {
        loose[s]++;
        return;
      }
      Object known = orders[s];
      if (known == null) {
        orders[s] = order;
      } else if (known instanceof String one) {
        if (!one.equals(order)) {
          HashSet<String> set = new HashSet<>(8);
          set.add(one);
          set.add(order);
          orders[s] = set;
        }
      } else {
        @SuppressWarnings("unchecked")
        HashSet<String> set = (HashSet<String>) known;
        set.add(order);
      }
    }

    /** Adds an amount to a slot's decimal total. */
    private void addAmount(int s, double amount) {
      // the shortest decimal m 10^-k that rounds to the amount, |m| < 2^52 so it is unique
      for (int k = 0; k <= MAX_SCALE; k++) {
        double scaled = amount * POW10[k];
        if (!(Math.abs(scaled) < TWO_52)) {
          break;
        }
        long m = Math.round(scaled);
        if (m / POW10[k] == amount) {
          long decimal = m;
          int current = scale[s];
          try {
            if (k > current) {
              units[s] = Math.multiplyExact(units[s], LONG_POW10[k - current]);
              scale[s] = (byte) k;
            } else if (k < current) {
              m = Math.multiplyExact(m, LONG_POW10[current - k]);
            }
            units[s] = Math.addExact(units[s], m);
            return;
          } catch (ArithmeticException overflow) {
            // units[s] and scale[s] may be rescaled, but still hold the same value
            addExact(s, BigDecimal.valueOf(decimal, k));
            return;
          }
        }
      }
      addExact(s, new BigDecimal(Double.toString(amount)));
    }

    /** Moves the slot's long total into its exact total, then adds {@code value}. */
    private void addExact(int s, BigDecimal value) {
      if (exact == null) {
        exact = new BigDecimal[keys.length];
      }
      BigDecimal total = exact[s] == null ? BigDecimal.ZERO : exact[s];
      exact[s] = total.add(new BigDecimal(BigInteger.valueOf(units[s]), scale[s])).add(value);
      units[s] = 0;
      scale[s] = 0;
    }

    /** The double nearest to the slot's exact decimal total. */
    double total(int s) {
      long u = units[s];
      int k = scale[s];
      if (exact != null && exact[s] != null) {
        return exact[s].add(new BigDecimal(BigInteger.valueOf(u), k)).doubleValue();
      }
      if (Math.abs(u) < TWO_53) {
        return u / POW10[k]; // two exact doubles, one correctly rounded division
      }
      return new BigDecimal(BigInteger.valueOf(u), k).doubleValue();
    }

    int frequency(int s) {
      Object known = orders[s];
      int distinct = known == null ? 0 : known instanceof String ? 1 : ((HashSet<?>) known).size();
      return distinct + loose[s];
    }

    /** The slot of an id that is in the table. */
    int find(String id, int hash) {
      int s = (hash ^ (hash >>> 16)) & mask;
      while (hashes[s] != hash || !id.equals(keys[s])) {
        s = (s + 1) & mask;
      }
      return s;
    }

    private int slot(String id, int hash) {
      int s = (hash ^ (hash >>> 16)) & mask;
      while (true) {
        String key = keys[s];
        if (key == null) {
          if (size * 3 >= keys.length * 2) {
            grow();
            return slot(id, hash);
          }
          keys[s] = id;
          hashes[s] = hash;
          lastDay[s] = Integer.MIN_VALUE;
          size++;
          return s;
        }
        if (hashes[s] == hash && (key == id || key.equals(id))) {
          return s;
        }
        s = (s + 1) & mask;
      }
    }

    private void grow() {
      String[] oldKeys = keys;
      int[] oldHashes = hashes;
      int[] oldLastDay = lastDay;
      int[] oldLoose = loose;
      Object[] oldOrders = orders;
      long[] oldUnits = units;
      byte[] oldScale = scale;
      BigDecimal[] oldExact = exact;
      allocate(oldKeys.length * 2);
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != null) {
          int s = (oldHashes[i] ^ (oldHashes[i] >>> 16)) & mask;
          while (keys[s] != null) {
            s = (s + 1) & mask;
          }
          keys[s] = oldKeys[i];
          hashes[s] = oldHashes[i];
          lastDay[s] = oldLastDay[i];
          loose[s] = oldLoose[i];
          orders[s] = oldOrders[i];
          units[s] = oldUnits[i];
          scale[s] = oldScale[i];
          if (oldExact != null && oldExact[i] != null) {
            if (exact == null) {
              exact = new BigDecimal[keys.length];
            }
            exact[s] = oldExact[i];
          }
        }
      }
    }
  }
}
