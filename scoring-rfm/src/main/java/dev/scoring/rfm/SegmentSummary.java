package dev.scoring.rfm;

import dev.scoring.api.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per segment: customers, orders, revenue, average order value and shares, in segment-table
 * order followed by the other name; segments without customers are listed with zeros.
 *
 * <p>{@link #toString()} prints it as a table, for example:
 * <pre>
 * segment             customers   share   orders         revenue  avg order  revenue share
 * Champions                  35    3.5%      316       31,646.00     100.15           6.8%
 * </pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SegmentSummary {
  private final List<Row> rows;
  private final long customers;
  private final long orders;
  private final double revenue;

  private SegmentSummary(List<Row> rows, long customers, long orders, double revenue) {
    this.rows = List.copyOf(rows);
    this.customers = customers;
    this.orders = orders;
    this.revenue = revenue;
  }

  static SegmentSummary of(SegmentTable table, List<CustomerRfm> all) {
    List<String> names = table.names();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    long[] count = new long[names.size()];
    long[] orders = new long[names.size()];
    double[] revenue = new double[names.size()];
    long totalOrders = 0;
    double totalRevenue = 0;
    for (CustomerRfm c : all) {
      int i = index.get(c.segment());
      count[i]++;
      orders[i] += c.frequency();
      revenue[i] += c.revenue();
      totalOrders += c.frequency();
      totalRevenue += c.revenue();
    }
    List<Row> rows = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      rows.add(new Row(names.get(i), count[i], orders[i], revenue[i],
          orders[i] == 0 ? 0 : revenue[i] / orders[i],
          all.isEmpty() ? 0 : (double) count[i] / all.size(),
          totalRevenue == 0 ? 0 : revenue[i] / totalRevenue));
    }
    return new SegmentSummary(rows, all.size(), totalOrders, totalRevenue);
  }

  /**
   * Returns one row per segment, then the other name, unmodifiable.
   *
   * @return one row per segment, then the other name, unmodifiable
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Returns the row of one segment.
   *
   * @param segment a segment name or the other name
   * @return the row
   * @throws IllegalArgumentException if the name is not in the segment table
   */
  public Row row(String segment) {
    for (Row r : rows) {
      if (r.segment().equals(segment)) {
        return r;
      }
    }
    throw new IllegalArgumentException("segment must be one of " + rows.stream()
        .map(Row::segment).toList() + ", but was " + Values.describe(segment));
  }

  /**
   * Returns the total number of customers.
   *
   * @return the total number of customers
   */
  public long customers() {
    return customers;
  }

  /**
   * Returns the total number of orders (the sum of the frequencies).
   *
   * @return the total number of orders (the sum of the frequencies)
   */
  public long orders() {
    return orders;
  }

  /**
   * Returns the total revenue.
   *
   * @return the total revenue
   */
  public double revenue() {
    return revenue;
  }

  /** Prints the summary as a fixed-width table, one line per segment. */
  @Override
  public String toString() {
    int width = "segment".length();
    for (Row r : rows) {
      width = Math.max(width, r.segment().length());
    }
    StringBuilder out = new StringBuilder();
    String head = "%-" + width + "s  %9s  %6s  %7s  %14s  %9s  %13s%n";
    String line = "%-" + width + "s  %,9d  %5.1f%%  %,7d  %,14.2f  %,9.2f  %12.1f%%%n";
    out.append(String.format(Locale.ROOT, head, "segment", "customers", "share", "orders",
        "revenue", "avg order", "revenue share"));
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, line, r.segment(), r.customers(),
          100 * r.customerShare(), r.orders(), r.revenue(), r.averageOrderValue(),
          100 * r.revenueShare()));
    }
    return out.toString();
  }

  /**
   * One segment's figures.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param segment           the segment name
   * @param customers         the number of customers
   * @param orders            the sum of their frequencies
   * @param revenue           the sum of their revenue
   * @param averageOrderValue {@code revenue / orders}, 0 without orders
   * @param customerShare     the segment's share of all customers, 0..1
   * @param revenueShare      the segment's share of all revenue (0 when the total is 0)
   */
  public record Row(String segment, long customers, long orders, double revenue,
      double averageOrderValue, double customerShare, double revenueShare) {}
}
