package dev.scoring.demo;

import dev.scoring.rfm.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a shop's transactions: customers join over two years, buy at their own rate and
 * may drop out after any purchase (the story the BG/NBD model tells), and spend around their
 * own mean. Deterministic for a seed.
 */
public final class DemoTransactions {
  /** The first day of the generated history. */
  public static final LocalDate START = LocalDate.of(2024, 11, 22);
  /** The last day of the generated history, used as the analysis date. */
  public static final LocalDate END = LocalDate.of(2026, 11, 21);

  private DemoTransactions() {}

  /**
   * Generates the transactions of {@code customers} customers.
   *
   * @param customers how many customers
   * @param seed      the random seed
   * @return the transactions, one order each, in customer order
   */
  public static List<Transaction> generate(int customers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long days = END.toEpochDay() - START.toEpochDay();
    List<Transaction> out = new ArrayList<>(customers * 6);
    for (int c = 0; c < customers; c++) {
      String id = String.format("cust-%06d", c);
      double ratePerDay = -Math.log(1 - random.nextDouble()) * 0.012;   // mean: every 80 days
      double dropout = 0.05 + 0.45 * random.nextDouble() * random.nextDouble();
      double meanSpend = 20 + 80 * -Math.log(1 - random.nextDouble());
      long day = (long) (random.nextDouble() * days);
      int order = 0;
      while (day <= days) {
        double amount = Math.round(meanSpend * Math.exp(0.4 * random.nextGaussian() - 0.08)
            * 100) / 100.0;
        out.add(new Transaction(id, START.plusDays(day), Math.max(1, amount),
            id + "-" + order++));
        if (random.nextDouble() < dropout) {
          break;
        }
        day += 1 + (long) (-Math.log(1 - random.nextDouble()) / ratePerDay);
      }
    }
    return out;
  }
}
