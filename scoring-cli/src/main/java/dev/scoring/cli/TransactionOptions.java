package dev.scoring.cli;

import dev.scoring.rfm.RejectedRow;
import dev.scoring.rfm.ReturnPolicy;
import dev.scoring.rfm.TransactionCsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options of a transactions CSV, shared by {@code rfm}, {@code value} and
 * {@code report rfm}, and the one place the tool reads one: the library's
 * {@link TransactionCsvReader}. Rows it cannot read (malformed, no customer) are reported
 * as bad lines with their line numbers; returns and zero amounts left out by policy are
 * counted in the summary on standard error.
 */
final class TransactionOptions {
  private static final Set<String> KEYS =
      Set.of("customer", "date", "amount", "quantity", "price", "order", "return-flag");

  @Option(names = "--transactions", paramLabel = "<file>",
      description = "Transactions CSV (gzip detected): one row per purchase.")
  Path transactions;

  @Option(names = "--columns", split = ",", paramLabel = "<key=column>",
      description = "Column names by role: customer, date, amount (or quantity and price),"
          + " order, return-flag. Default: customer=customer_id,date=date,amount=amount.")
  Map<String, String> columns = new LinkedHashMap<>();

  @Option(names = "--date-format", paramLabel = "<pattern>", defaultValue = "yyyy-MM-dd",
      description = "The date format (java.time pattern). Default: ${DEFAULT-VALUE}.")
  String dateFormat;

  @Option(names = "--separator", paramLabel = "<char>", defaultValue = ",",
      description = "The field separator. Default: ${DEFAULT-VALUE}.")
  char separator;

  @Option(names = "--cancelled-prefix", paramLabel = "<prefix>",
      description = "Order ids starting with it are cancellations (needs an order column).")
  String cancelledPrefix;

  @Option(names = "--returns", paramLabel = "<policy>", defaultValue = "EXCLUDE",
      description = "Returns (negative amounts, flagged rows): EXCLUDE or NET."
          + " Default: ${DEFAULT-VALUE}.")
  ReturnPolicy returns;

  /**
   * Reads the transactions, reporting unreadable rows as bad lines.
   *
   * @param bad where bad lines go
   * @param err standard error, for the one-line account
   * @return what the reader read
   */
  TransactionCsvReader.Result read(BadLines bad, PrintStream err) {
    if (transactions == null) {
      throw new UsageException("--transactions must be given, but was not");
    }
    for (String key : columns.keySet()) {
      if (!KEYS.contains(key)) {
        throw new UsageException("--columns keys must be among " + new java.util.TreeSet<>(KEYS)
            + ", but was " + key);
      }
    }
    TransactionCsvReader reader;
    try {
      TransactionCsvReader.Builder b = TransactionCsvReader.builder()
          .dateFormat(dateFormat).separator(separator).returns(returns);
      b.customerColumn(columns.getOrDefault("customer", "customer_id"));
      b.dateColumn(columns.getOrDefault("date", "date"));
      if (columns.containsKey("quantity") || columns.containsKey("price")) {
        if (!columns.containsKey("quantity") || !columns.containsKey("price")
            || columns.containsKey("amount")) {
          throw new UsageException("--columns must name both quantity and price (and no"
              + " amount), or an amount, but was " + columns);
        }
        b.quantityTimesPrice(columns.get("quantity"), columns.get("price"));
      } else {
        b.amountColumn(columns.getOrDefault("amount", "amount"));
      }
      if (columns.containsKey("order")) {
        b.orderColumn(columns.get("order"));
      }
      if (columns.containsKey("return-flag")) {
        b.returnFlagColumn(columns.get("return-flag"));
      }
      if (cancelledPrefix != null) {
        b.cancelledOrderPrefix(cancelledPrefix);
      }
      reader = b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String name = transactions.toString();
    Io.Input input = Io.open(transactions, "transactions");
    TransactionCsvReader.Result result;
    try (InputStream in = input.in()) {
      result = reader.read(in);
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException(name + ": transactions must be readable CSV, but "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(name + ": " + e.getMessage(), e);
    }
    for (RejectedRow r : result.rejected()) {
      if (r.reason() == RejectedRow.Reason.MALFORMED
          || r.reason() == RejectedRow.Reason.MISSING_CUSTOMER) {
        bad.report(name, r.message());
      }
    }
    err.println(name + ": " + result);
    return result;
  }
}
