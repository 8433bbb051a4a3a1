package dev.scoring.rfm.value;

import dev.scoring.rfm.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds {@link CustomerSummary} lists: from transactions for a calibration end date and a
 * time unit, or from a summary file.
 *
 * <p>From transactions, per customer (as in lifetimes, BTYD and the BG/NBD paper):
 *
 * <ul>
 *   <li>transactions after the calibration end date are ignored, and customers whose first
 *       transaction is after it are left out;
 *   <li>transactions on the same day are one purchase (amounts summed), whatever their order
 *       ids;
 *   <li>{@code frequency} x = number of purchase days - 1;
 *   <li>{@code recency} t<sub>x</sub> = days from the first to the last purchase day, and
 *       {@code age} T = days from the first purchase day to the end date, both divided by 7
 *       for {@link ChronoUnit#WEEKS} (exact, not rounded);
 *   <li>{@code meanValue} = mean amount of the purchase days after the first, 0 when x = 0.
 * </ul>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class CustomerSummaries {
  private CustomerSummaries() {}

  /**
   * Summarises transactions for a calibration period ending on {@code calibrationEnd}
   * (inclusive). Customers appear in the order of their first transaction in the input.
   *
   * @param transactions   the transactions, in any order
   * @param calibrationEnd the last day of the calibration period, inclusive
   * @param unit           {@link ChronoUnit#DAYS} or {@link ChronoUnit#WEEKS}
   * @return one summary per customer with a transaction on or before the end date
   * @throws IllegalArgumentException if the unit is neither days nor weeks, or no transaction
   *     is on or before the end date
   * @throws NullPointerException     if an argument or a transaction is null
   */
  public static List<CustomerSummary> fromTransactions(
      Iterable<Transaction> transactions, LocalDate calibrationEnd, ChronoUnit unit) {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    double daysPerUnit = daysPerUnit(unit);
    Map<String, TreeMap<LocalDate, Double>> days = new LinkedHashMap<>();
    int seen = 0;
    for (Transaction t : transactions) {
      Objects.requireNonNull(t, "transaction");
      seen++;
      if (t.date().isAfter(calibrationEnd)) {
        continue;
      }
      days.computeIfAbsent(t.customerId(), k -> new TreeMap<>())
          .merge(t.date(), t.amount(), Double::sum);
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("transactions must include at least one on or before"
          + " the calibration end " + calibrationEnd + ", but was " + seen
          + " transactions, none on or before it");
    }
    List<CustomerSummary> out = new ArrayList<>(days.size());
    for (Map.Entry<String, TreeMap<LocalDate, Double>> e : days.entrySet()) {
      TreeMap<LocalDate, Double> daily = e.getValue();
      LocalDate first = daily.firstKey();
      LocalDate last = daily.lastKey();
      int x = daily.size() - 1;
      double repeatSum = 0;
      boolean skipFirst = true;
      for (double amount : daily.values()) {
        if (skipFirst) {
          skipFirst = false;
        } else {
          repeatSum += amount;
        }
      }
      double recency = ChronoUnit.DAYS.between(first, last) / daysPerUnit;
      double age = ChronoUnit.DAYS.between(first, calibrationEnd) / daysPerUnit;
      out.add(new CustomerSummary(e.getKey(), x, recency, age, x == 0 ? 0 : repeatSum / x));
    }
    return out;
  }

  /**
   * Summarises a stream of transactions, as {@link #fromTransactions(Iterable, LocalDate,
   * ChronoUnit)}.
   *
   * @param transactions   the transactions
   * @param calibrationEnd the last day of the calibration period, inclusive
   * @param unit           {@link ChronoUnit#DAYS} or {@link ChronoUnit#WEEKS}
   * @return one summary per customer
   * @throws IllegalArgumentException as for the {@code Iterable} form
   */
  public static List<CustomerSummary> fromTransactions(
      Stream<Transaction> transactions, LocalDate calibrationEnd, ChronoUnit unit) {
    return fromTransactions((Iterable<Transaction>) transactions::iterator, calibrationEnd, unit);
  }

  /**
   * Reads a summary file in UTF-8; see {@link #read(Reader, String)} for the format.
   *
   * @param file the CSV file
   * @return the summaries, in file order
   * @throws IOException              if the file cannot be read
   * @throws IllegalArgumentException if a line is malformed (the message names file and line)
   */
  public static List<CustomerSummary> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    }
  }

  /**
   * Reads per-customer summaries from comma-separated text: a header line (skipped), then one
   * line per customer with the columns id, x, t_x, T and optionally the mean repeat value
   * (0 when absent), by position, whatever the header's names. Values may be wrapped in double
   * quotes (as R's {@code write.csv} does); x may be written as a whole decimal such as
   * {@code 2.0}; blank lines are skipped. This reads lifetimes' {@code
   * cdnow_customers_summary.csv} and {@code cdnow_customers_summary_with_transactions.csv}.
   *
   * @param reader the text, not closed by this method
   * @param source a name for the text in error messages, such as the file name
   * @return the summaries, in input order
   * @throws IOException              if reading fails
   * @throws IllegalArgumentException if the text has no header, a line does not have 4 or 5
   *     columns, a value is not a number, x is not a whole number, the values are not a valid
   *     {@link CustomerSummary}, or an id repeats; the message names the source and line
   *     number, e.g. {@code summary.csv line 7 column 3 (t_x) must be a finite number, but was
   *     "abc"}
   */
  public static List<CustomerSummary> read(Reader reader, String source) throws IOException {
    BufferedReader in = reader instanceof BufferedReader br ? br : new BufferedReader(reader);
    String header = in.readLine();
    if (header == null) {
      throw new IllegalArgumentException(
          source + " must start with a header line, but was empty");
    }
    List<CustomerSummary> out = new ArrayList<>();
    Map<String, Integer> lineOfId = new LinkedHashMap<>();
    String line;
    int lineNo = 1;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String where = source + " line " + lineNo;
      String[] cols = line.split(",", -1);
      if (cols.length != 4 && cols.length != 5) {
        throw new IllegalArgumentException(where
            + " must have 4 or 5 columns (id, x, t_x, T[, mean value]), but was " + cols.length
            + ": \"" + line + "\"");
      }
      String id = unquote(cols[0]);
      double xValue = number(where, 2, "x", cols[1]);
      if (xValue != Math.rint(xValue) || xValue < 0 || xValue > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(where
            + " column 2 (x) must be a whole number at least 0, but was " + cols[1].trim());
      }
      double recency = number(where, 3, "t_x", cols[2]);
      double age = number(where, 4, "T", cols[3]);
      double mean = cols.length == 5 ? number(where, 5, "mean value", cols[4]) : 0;
      CustomerSummary summary;
      try {
        summary = new CustomerSummary(id, (int) xValue, recency, age, mean);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      Integer before = lineOfId.putIfAbsent(id, lineNo);
      if (before != null) {
        throw new IllegalArgumentException(where + " id must be unique, but was '" + id
            + "', already on line " + before);
      }
      out.add(summary);
    }
    return out;
  }

  private static double number(String where, int column, String name, String text) {
    String value = unquote(text);
    try {
      double d = Double.parseDouble(value);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(where + " column " + column + " (" + name
        + ") must be a finite number, but was \"" + value + "\"");
  }

  private static String unquote(String text) {
    String s = text.trim();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1).trim();
    }
    return s;
  }

  private static double daysPerUnit(ChronoUnit unit) {
    Objects.requireNonNull(unit, "unit");
    return switch (unit) {
      case DAYS -> 1;
      case WEEKS -> 7;
      default -> throw new IllegalArgumentException(
          "unit must be DAYS or WEEKS, but was " + unit.name());
    };
  }
}
