package dev.scoring.rfm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.scoring.api.ModelException;
import dev.scoring.api.Values;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@link Transaction}s from a CSV file with jackson-dataformat-csv. Every data row
 * either becomes a transaction or is reported as a {@link RejectedRow} with its line number;
 * nothing is dropped silently.
 *
 * <pre>{@code
 * TransactionCsvReader reader = TransactionCsvReader.builder()
 *     .customerColumn("customer_id")
 *     .dateColumn("order_date")
 *     .amountColumn("revenue")
 *     .build();
 * TransactionCsvReader.Result read = reader.read(Path.of("orders.csv"));
 * }</pre>
 *
 * <p>The file:
 * <ul>
 *   <li>is UTF-8, gzip-compressed or not (recognised by its first bytes), with a byte-order
 *       mark or not, LF or CRLF line ends, double-quoted fields with {@code ""} for a quote
 *       and line breaks inside quotes;
 *   <li>starts with a header row. Column names are matched after trimming spaces, exactly
 *       or else ignoring case; other columns are ignored; empty names at the end of the
 *       header (trailing separators) are dropped;
 *   <li>has data rows with as many fields as the header; extra fields at the end are allowed
 *       when empty. Fields are trimmed. Lines whose fields are all empty are counted as
 *       {@linkplain Result#blankLines() blank lines}, not rows.
 * </ul>
 *
 * <p>Each row is checked in this order and the first failing check rejects it:
 * <ol>
 *   <li>{@link RejectedRow.Reason#MALFORMED}: wrong number of fields, or a date, amount,
 *       quantity or price that is empty, does not parse or is not finite;
 *   <li>{@link RejectedRow.Reason#MISSING_CUSTOMER}: an empty customer id;
 *   <li>{@link RejectedRow.Reason#RETURN}: a return or cancellation, under
 *       {@link ReturnPolicy#EXCLUDE} (the default). A row is a return when its amount is
 *       negative, when its {@linkplain Builder#returnFlagColumn(String) flag column} holds
 *       {@code true}, {@code yes}, {@code y}, {@code t} or {@code 1} (any case), or when its
 *       order id starts with the {@linkplain Builder#cancelledOrderPrefix(String) cancelled
 *       order prefix}. Under {@link ReturnPolicy#NET} it becomes a transaction with amount
 *       {@code -|amount|};
 *   <li>{@link RejectedRow.Reason#ZERO_AMOUNT}: an amount of 0, only when
 *       {@linkplain Builder#excludeZeroAmounts(boolean) excluded} (kept by default).
 * </ol>
 * A file that is not CSV at all (an unclosed quote, a character after a closing quote)
 * stops the read with an {@link IOException} naming the line.
 *
 * <p>Instances are immutable and thread-safe; each {@code read} call is independent.
 */
public final class TransactionCsvReader {
  private static final CsvMapper MAPPER = new CsvMapper();

  private final String customerColumn;
  private final String dateColumn;
  private final String amountColumn;
  private final String quantityColumn;
  private final String priceColumn;
  private final String orderColumn;
  private final String returnFlagColumn;
  private final String cancelledOrderPrefix;
  private final DateTimeFormatter dateFormat;
  private final ZoneId instantZone;
  private final char separator;
  private final ReturnPolicy returns;
  private final boolean excludeZeroAmounts;

  private TransactionCsvReader(Builder b) {
    this.customerColumn = b.customerColumn;
    this.dateColumn = b.dateColumn;
    this.amountColumn = b.amountColumn;
    this.quantityColumn = b.quantityColumn;
    this.priceColumn = b.priceColumn;
    this.orderColumn = b.orderColumn;
    this.returnFlagColumn = b.returnFlagColumn;
    this.cancelledOrderPrefix = b.cancelledOrderPrefix;
    this.dateFormat = b.dateFormat;
    this.instantZone = b.instantZone;
    this.separator = b.separator;
    this.returns = b.returns;
    this.excludeZeroAmounts = b.excludeZeroAmounts;
  }

  /**
   * Starts a builder with the defaults: columns {@code customer_id}, {@code date} and
   * {@code amount}, no order id, dates {@code yyyy-MM-dd}, comma separator, returns
   * excluded, zero amounts kept.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a CSV file, gzip-compressed or not.
   *
   * @param file the file
   * @return the transactions and the rejected rows
   * @throws IOException if the file cannot be read or is not CSV
   * @throws IllegalArgumentException if the header lacks a configured column
   */
  public Result read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads CSV from a stream, gzip-compressed or not; the stream is not closed.
   *
   * @param in the bytes, UTF-8 text or gzip of it
   * @return the transactions and the rejected rows
   * @throws IOException if the stream cannot be read or is not CSV
   * @throws IllegalArgumentException if the header lacks a configured column
   */
  public Result read(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    InputStream source = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16)
        : buffered;
    return read(new InputStreamReader(source, StandardCharsets.UTF_8));
  }

  /**
   * Reads CSV text; the reader is not closed.
   *
   * @param text the text
   * @return the transactions and the rejected rows
   * @throws IOException if the text cannot be read or is not CSV
   * @throws IllegalArgumentException if the header lacks a configured column
   */
  public Result read(Reader text) throws IOException {
    Run run = new Run();
    CsvParser parser = MAPPER.getFactory().createParser(text);
    parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    parser.disable(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE);
    parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
    List<String> values = new ArrayList<>();
    long line = -1;
    try (parser) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING) {
          if (values.isEmpty()) {
            line = parser.currentTokenLocation().getLineNr();
          }
          values.add(parser.getText());
        } else if (token == JsonToken.END_ARRAY) {
          if (!values.isEmpty()) {
            run.row(values, line);
          }
          values.clear();
        }
      }
    } catch (JsonProcessingException e) {
      long where = e.getLocation() == null ? line : e.getLocation().getLineNr();
      throw new IOException("line " + where + " must be well-formed CSV, but was not: "
          + e.getOriginalMessage(), e);
    }
    if (!run.headerSeen) {
      throw new IllegalArgumentException("CSV input must start with a header row, but was empty");
    }
    return new Result(Collections.unmodifiableList(run.transactions),
        Collections.unmodifiableList(run.rejected), run.rows, run.blankLines);
  }

  @Override
  public String toString() {
    return "TransactionCsvReader{customer=" + customerColumn + ", date=" + dateColumn
        + (priceColumn == null ? ", amount=" + amountColumn
            : ", quantity=" + quantityColumn + ", price=" + priceColumn)
        + (orderColumn == null ? "" : ", order=" + orderColumn) + ", returns=" + returns + "}";
  }

  /** The state of one read. */
  private final class Run {
    final List<Transaction> transactions = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();
    final Map<String, String> customerIds = new HashMap<>();
    long rows;
    long blankLines;
    boolean headerSeen;
    int width;
    int customer;
    int date;
    int amount;
    int quantity;
    int price;
    int order;
    int flag;
    String lastDateText;
    LocalDate lastDate;
    String lastOrder;

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
          reject(line, RejectedRow.Reason.MALFORMED, "line " + line + " " + dateColumn
              + " must be a date like " + example() + ", but was " + Values.describe(dateText));
          return;
        }
        lastDateText = dateText;
        lastDate = day;
      }
      double value;
      if (price < 0) {
        value = number(values, amount, amountColumn, line);
      } else {
        double q = number(values, quantity, quantityColumn, line);
        double p = Double.isNaN(q) ? q : number(values, price, priceColumn, line);
        value = q * p;
      }
      if (Double.isNaN(value)) {
        return;
      }
      String id = values.get(customer).trim();
      if (id.isEmpty()) {
        reject(line, RejectedRow.Reason.MISSING_CUSTOMER,
            "line " + line + " " + customerColumn + " must be non-empty, but was \"\"");
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
          || (cancelledOrderPrefix != null && orderId != null
              && orderId.startsWith(cancelledOrderPrefix));
      if (isReturn && returns == ReturnPolicy.EXCLUDE) {
        reject(line, RejectedRow.Reason.RETURN, "line " + line
            + " must be a purchase, but was a return or cancellation (amount "
            + Values.number(value) + (orderId == null ? "" : ", order " + orderId) + ")");
        return;
      }
      if (value == 0 && excludeZeroAmounts) {
        reject(line, RejectedRow.Reason.ZERO_AMOUNT,
            "line " + line + " amount must be non-zero, but was 0");
        return;
      }
      String sharedId = customerIds.putIfAbsent(id, id);
      transactions.add(new Transaction(sharedId == null ? id : sharedId, day,
          isReturn ? -Math.abs(value) : value, orderId));
    }

    /** Parses a number field; on failure rejects the row and returns NaN. */
    double number(List<String> values, int index, String column, long line) {
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

    void reject(long line, RejectedRow.Reason reason, String message) {
      rejected.add(new RejectedRow(line, reason, message));
    }

    void header(List<String> values) {
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
      customer = column(header, customerColumn, true);
      date = column(header, dateColumn, true);
      amount = priceColumn == null ? column(header, amountColumn, true) : -1;
      quantity = priceColumn == null ? -1 : column(header, quantityColumn, true);
      price = priceColumn == null ? -1 : column(header, priceColumn, true);
      order = orderColumn == null ? -1 : column(header, orderColumn, true);
      flag = returnFlagColumn == null ? -1 : column(header, returnFlagColumn, true);
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
  }

  private LocalDate parseDate(String text) {
    try {
      if (instantZone != null) {
        return OffsetDateTime.parse(text).atZoneSameInstant(instantZone).toLocalDate();
      }
      return dateFormat.parse(text, LocalDate::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private String example() {
    if (instantZone != null) {
      return "2026-11-02T10:15:30Z";
    }
    return dateFormat.format(java.time.LocalDateTime.of(2026, 11, 2, 10, 15, 30));
  }

  private static boolean truthy(String v) {
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
   * What a read produced: the transactions, in file order, and the rejected rows, in file
   * order. Every data row is in exactly one of the two lists:
   * {@code rows() == transactions().size() + rejected().size()}.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param transactions the transactions read, unmodifiable
   * @param rejected     the rows not used, with line numbers and reasons, unmodifiable
   * @param rows         the number of data rows (after the header, without blank lines)
   * @param blankLines   the number of lines whose fields were all empty
   */
  public record Result(List<Transaction> transactions, List<RejectedRow> rejected, long rows,
      long blankLines) {

    /**
     * Checks the references.
     *
     * @throws NullPointerException if a list is null
     */
    public Result {
      Objects.requireNonNull(transactions, "transactions");
      Objects.requireNonNull(rejected, "rejected");
    }

    /**
     * Returns the number of rejected rows per reason, every reason present (0 when none).
     *
     * @return reason to count, in the order of {@link RejectedRow.Reason}
     */
    public Map<RejectedRow.Reason, Long> rejectedCounts() {
      Map<RejectedRow.Reason, Long> counts = new EnumMap<>(RejectedRow.Reason.class);
      for (RejectedRow.Reason r : RejectedRow.Reason.values()) {
        counts.put(r, 0L);
      }
      for (RejectedRow row : rejected) {
        counts.merge(row.reason(), 1L, Long::sum);
      }
      return Collections.unmodifiableMap(counts);
    }

    /** Returns a one-line account: rows, transactions, rejected rows per reason. */
    @Override
    public String toString() {
      return rows + " rows: " + transactions.size() + " transactions, " + rejected.size()
          + " rejected " + rejectedCounts() + ", " + blankLines + " blank lines";
    }
  }

  /**
   * A mutable builder of {@link TransactionCsvReader}s. Not thread-safe; {@link #build()}
   * may be called more than once.
   */
  public static final class Builder {
    private String customerColumn = "customer_id";
    private String dateColumn = "date";
    private String amountColumn = "amount";
    private String quantityColumn;
    private String priceColumn;
    private String orderColumn;
    private String returnFlagColumn;
    private String cancelledOrderPrefix;
    private DateTimeFormatter dateFormat = DateTimeFormatter.ISO_LOCAL_DATE;
    private ZoneId instantZone;
    private char separator = ',';
    private ReturnPolicy returns = ReturnPolicy.EXCLUDE;
    private boolean excludeZeroAmounts;

    private Builder() {}

    /**
     * Sets the customer id column (default {@code customer_id}).
     *
     * @param name the column name
     * @return this builder
     * @throws ModelException if the name is blank
     */
    public Builder customerColumn(String name) {
      this.customerColumn = name("customerColumn", name);
      return this;
    }

    /**
     * Sets the date column (default {@code date}).
     *
     * @param name the column name
     * @return this builder
     * @throws ModelException if the name is blank
     */
    public Builder dateColumn(String name) {
      this.dateColumn = name("dateColumn", name);
      return this;
    }

    /**
     * Sets the amount column (default {@code amount}); replaces a quantity and price.
     *
     * @param name the column name
     * @return this builder
     * @throws ModelException if the name is blank
     */
    public Builder amountColumn(String name) {
      this.amountColumn = name("amountColumn", name);
      this.quantityColumn = null;
      this.priceColumn = null;
      return this;
    }

    /**
     * Computes the amount as quantity times unit price from two columns, instead of reading
     * an amount column.
     *
     * @param quantity the quantity column name
     * @param price    the unit price column name
     * @return this builder
     * @throws ModelException if a name is blank
     */
    public Builder quantityTimesPrice(String quantity, String price) {
      this.quantityColumn = name("quantityColumn", quantity);
      this.priceColumn = name("priceColumn", price);
      return this;
    }

    /**
     * Sets the order id column (default none): frequency then counts distinct orders, so
     * several lines of one order are one purchase. An empty order id counts as an order of
     * its own.
     *
     * @param name the column name
     * @return this builder
     * @throws ModelException if the name is blank
     */
    public Builder orderColumn(String name) {
      this.orderColumn = name("orderColumn", name);
      return this;
    }

    /**
     * Sets a column that marks returns and cancellations (default none): {@code true},
     * {@code yes}, {@code y}, {@code t} or {@code 1}, in any case, mark a return.
     *
     * @param name the column name
     * @return this builder
     * @throws ModelException if the name is blank
     */
    public Builder returnFlagColumn(String name) {
      this.returnFlagColumn = name("returnFlagColumn", name);
      return this;
    }

    /**
     * Marks rows whose order id starts with a prefix as cancellations (default none), such as
     * {@code "C"} in the UCI Online Retail data. Needs an {@linkplain #orderColumn(String)
     * order column}.
     *
     * @param prefix a non-empty prefix
     * @return this builder
     * @throws ModelException if the prefix is empty
     */
    public Builder cancelledOrderPrefix(String prefix) {
      if (prefix == null || prefix.isEmpty()) {
        throw new ModelException("cancelledOrderPrefix",
            "cancelledOrderPrefix must be non-empty, but was " + Values.describe(prefix));
      }
      this.cancelledOrderPrefix = prefix;
      return this;
    }

    /**
     * Sets the date format, a {@link DateTimeFormatter} pattern in the root locale (default
     * {@code yyyy-MM-dd}). A pattern with a time of day, such as {@code yyyy-MM-dd HH:mm},
     * takes the day of that local date-time.
     *
     * @param pattern the pattern
     * @return this builder
     * @throws ModelException if the pattern is invalid or has no date
     */
    public Builder dateFormat(String pattern) {
      DateTimeFormatter f;
      try {
        f = DateTimeFormatter.ofPattern(Objects.requireNonNull(pattern), Locale.ROOT);
        f.parse(f.format(java.time.LocalDateTime.of(2026, 11, 2, 10, 15, 30)), LocalDate::from);
      } catch (IllegalArgumentException | NullPointerException
          | java.time.DateTimeException e) {
        throw new ModelException("dateFormat", "dateFormat must be a pattern with a date, but was "
            + Values.describe(pattern));
      }
      this.dateFormat = f;
      this.instantZone = null;
      return this;
    }

    /**
     * Reads dates as ISO-8601 instants with an offset, such as {@code 2026-11-02T10:15:30Z}
     * or {@code 2026-11-02T11:15:30+01:00}, and takes their day in a time zone.
     *
     * @param zone the zone whose calendar day is used
     * @return this builder
     * @throws ModelException if the zone is null
     */
    public Builder instants(ZoneId zone) {
      if (zone == null) {
        throw new ModelException("instants", "instants zone must be a zone id, but was null");
      }
      this.instantZone = zone;
      return this;
    }

    /**
     * Sets the field separator (default {@code ','}).
     *
     * @param separator the separator, not a quote, line break or space
     * @return this builder
     * @throws ModelException if the separator is a quote, line break or space
     */
    public Builder separator(char separator) {
      if (separator == '"' || separator == '\n' || separator == '\r' || separator == ' ') {
        throw new ModelException("separator", "separator must not be a quote, line break or "
            + "space, but was '" + separator + "'");
      }
      this.separator = separator;
      return this;
    }

    /**
     * Sets what happens to returns and cancellations (default {@link ReturnPolicy#EXCLUDE}:
     * reported as rejected rows).
     *
     * @param policy the policy
     * @return this builder
     * @throws ModelException if the policy is null
     */
    public Builder returns(ReturnPolicy policy) {
      if (policy == null) {
        throw new ModelException("returns", "returns must be a policy, but was null");
      }
      this.returns = policy;
      return this;
    }

    /**
     * Reports rows with an amount of exactly 0 (free items, zero unit prices) as rejected
     * instead of reading them as purchases (default false).
     *
     * @param exclude whether to leave zero amounts out
     * @return this builder
     */
    public Builder excludeZeroAmounts(boolean exclude) {
      this.excludeZeroAmounts = exclude;
      return this;
    }

    /**
     * Returns the immutable reader.
     *
     * @return the reader
     * @throws IllegalStateException if a cancelled-order prefix is set without an order column
     */
    public TransactionCsvReader build() {
      if (cancelledOrderPrefix != null && orderColumn == null) {
        throw new IllegalStateException(
            "orderColumn must be set when cancelledOrderPrefix is, but was not");
      }
      return new TransactionCsvReader(this);
    }

    private static String name(String where, String name) {
      if (name == null || name.isBlank()) {
        throw new ModelException(where,
            where + " must be a non-blank column name, but was " + Values.describe(name));
      }
      return name.trim();
    }
  }
}
