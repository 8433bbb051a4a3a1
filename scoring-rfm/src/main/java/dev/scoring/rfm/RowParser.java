package dev.scoring.rfm;

import dev.scoring.api.Values;
import dev.scoring.rfm.TransactionCsvReader.Result;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the rows of one read (the header, then data rows as lists of fields, from any
 * {@link RowSource}) into transactions and rejected rows, by the rules documented on
 * {@link TransactionCsvReader}. Holds the state of that one read: not thread-safe, used once.
 */
final class RowParser {
  private final TransactionCsvReader config;
  private final List<Transaction> transactions = new ArrayList<>();
  private final List<RejectedRow> rejected = new ArrayList<>();
  private final Map<String, String> customerIds = new HashMap<>();
  private long rows;
  private long blankLines;
  private boolean headerSeen;
  private int width;
  private int customer;
  private int date;
  private int amount;
  private int quantity;
  private int price;
  private int order;
  private int flag;
  private String lastDateText;
  private LocalDate lastDate;
  private String lastOrder;

  RowParser(TransactionCsvReader config) {
    this.config = config;
  }

  /** The result, once every row was given; throws if there was not even a header. */
  Result result() {
    if (!headerSeen) {
      throw new IllegalArgumentException("CSV input must start with a header row, but was empty");
    }
    return new Result(Collections.unmodifiableList(transactions),
        Collections.unmodifiableList(rejected), rows, blankLines);
  }

  /** Takes one row: the header first, then data rows; {@code line} is its first line. */
  void row(List<String> values, long line) {
    if (!headerSeen) {
      header(values);
      return;
    }
    boolean blank = true;
    for (String v : values) {
      if (!v.isBlank()) {
        blank = false;
        break;
      }
    }
    if (blank) {
      blankLines++;
      return;
    }
    rows++;
    if (values.size() < width) {
      reject(line, RejectedRow.Reason.MALFORMED, "line " + line + " must have " + width
          + " fields, but had " + values.size());
      return;
    }
    for (int i = width; i < values.size(); i++) {
      if (!values.get(i).isBlank()) {
        reject(line, RejectedRow.Reason.MALFORMED, "line " + line + " must have " + width
            + " fields, but had " + values.size() + " (field " + (i + 1) + " is "
            + Values.describe(values.get(i)) + ")");
        return;
      }
    }
    String dateText = values.get(date).trim();
    LocalDate day;
    if (dateText.equals(lastDateText)) {
      day = lastDate;
    } else {
      day = parseDate(dateText);
      if (day == null) {
        reject(line, RejectedRow.Reason.MALFORMED, "line " + line + " " + config.dateColumn
            + " must be a date like " + example() + ", but was " + Values.describe(dateText));
        return;
      }
      lastDateText = dateText;
      lastDate = day;
    }
    double value;
    if (price < 0) {
      value = number(values, amount, config.amountColumn, line);
    } else {
      double q = number(values, quantity, config.quantityColumn, line);
      double p = Double.isNaN(q) ? q : number(values, price, config.priceColumn, line);
      value = Double.isNaN(p) ? p
          : decimalProduct(values.get(quantity).trim(), values.get(price).trim(), q * p);
    }
    if (Double.isNaN(value)) {
      return;
    }
    String id = values.get(customer).trim();
    if (id.isEmpty()) {
      reject(line, RejectedRow.Reason.MISSING_CUSTOMER,
          "line " + line + " " + config.customerColumn + " must be non-empty, but was \"\"");
      return;
    }
    String orderId = null;
    if (order >= 0) {
      orderId = values.get(order).trim();
      if (orderId.isEmpty()) {
        orderId = null;
      } else if (orderId.equals(lastOrder)) {
        orderId = lastOrder;
      } else {
        lastOrder = orderId;
      }
    }
    boolean isReturn = value < 0
        || (flag >= 0 && truthy(values.get(flag).trim()))
        || (config.cancelledOrderPrefix != null && orderId != null
            && orderId.startsWith(config.cancelledOrderPrefix));
    if (isReturn && config.returns == ReturnPolicy.EXCLUDE) {
      reject(line, RejectedRow.Reason.RETURN, "line " + line
          + " must be a purchase, but was a return or cancellation (amount "
          + Values.number(value) + (orderId == null ? "" : ", order " + orderId) + ")");
      return;
    }
    if (value == 0 && config.excludeZeroAmounts) {
      reject(line, RejectedRow.Reason.ZERO_AMOUNT,
          "line " + line + " amount must be non-zero, but was 0");
      return;
    }
    String sharedId = customerIds.putIfAbsent(id, id);
    transactions.add(new Transaction(sharedId == null ? id : sharedId, day,
        isReturn ? -Math.abs(value) : value, orderId));
  }

  /** Parses a number field; on failure rejects the row and config.returns NaN. */
  private double number(List<String> values, int index, String column, long line) {
    String text = values.get(index).trim();
    double d;
    try {
      d = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!Double.isFinite(d)) {
      reject(line, RejectedRow.Reason.MALFORMED, "line " + line + " " + column
          + " must be a finite number, but was " + Values.describe(text));
      return Double.NaN;
    }
    return d;
  }

  private void reject(long line, RejectedRow.Reason reason, String message) {
    rejected.add(new RejectedRow(line, reason, message));
  }

  private void header(List<String> values) {
    List<String> names = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String name = values.get(i);
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      names.add(name.trim());
    }
    int w = names.size();
    while (w > 0 && names.get(w - 1).isEmpty()) {
      w--;
    }
    List<String> header = names.subList(0, w);
    width = w;
    customer = column(header, config.customerColumn, true);
    date = column(header, config.dateColumn, true);
    amount = config.priceColumn == null ? column(header, config.amountColumn, true) : -1;
    quantity = config.priceColumn == null ? -1 : column(header, config.quantityColumn, true);
    price = config.priceColumn == null ? -1 : column(header, config.priceColumn, true);
    order = config.orderColumn == null ? -1 : column(header, config.orderColumn, true);
    flag = config.returnFlagColumn == null ? -1 : column(header, config.returnFlagColumn, true);
    headerSeen = true;
  }

  private int column(List<String> header, String name, boolean required) {
    int index = header.indexOf(name);
    if (index < 0) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).equalsIgnoreCase(name)) {
          index = i;
          break;
        }
      }
    }
    if (index < 0 && required) {
      throw new IllegalArgumentException("CSV header must contain column "
          + Values.describe(name) + ", but was " + header);
    }
    return index;
  }

  private LocalDate parseDate(String text) {
    try {
      if (config.instantZone != null) {
        return OffsetDateTime.parse(text).atZoneSameInstant(config.instantZone).toLocalDate();
      }
      return config.dateFormat.parse(text, LocalDate::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private String example() {
    if (config.instantZone != null) {
      return "2026-11-02T10:15:30Z";
    }
    return config.dateFormat.format(java.time.LocalDateTime.of(2026, 11, 2, 10, 15, 30));
  }

  static boolean truthy(String v) {
    switch (v.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "y":
      case "t":
      case "1":
        return true;
      default:
        return false;
    }
  }

  /**
   * The double nearest to the exact product of two decimal fields (3 x 0.1 is 0.3, where
   * the product of doubles is 0.30000000000000004), so amounts stay decimal (SPEC section 8);
   * {@code fallback} for numbers that are not plain decimals (such as hexadecimal).
   */
  private static double decimalProduct(String quantity, String price, double fallback) {
    try {
      double exact = new BigDecimal(quantity).multiply(new BigDecimal(price)).doubleValue();
      return Double.isFinite(exact) ? exact : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
