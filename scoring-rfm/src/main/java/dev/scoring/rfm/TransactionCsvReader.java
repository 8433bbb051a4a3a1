package dev.scoring.rfm;

import dev.scoring.api.ModelException;
import dev.scoring.api.Values;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads {@link Transaction}s from a CSV file with FastCSV, or from a file
 * whose fields are separated by runs of spaces ({@link Builder#whitespaceSeparated()}); the
 * splitting into fields is {@code RowSource}'s, the checks of each row {@code RowParser}'s.
 * Every data row
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
 *   <li>is UTF-8, gzip-compressed or not (recognised by its first bytes; a truncated or
 *       corrupt gzip file is an {@link IOException} naming the file and the line reached),
 *       with a byte-order mark or not (also before a quoted header), LF or CRLF line ends,
 *       double-quoted fields with {@code ""} for a quote and line breaks inside quotes; or,
 *       with {@link Builder#whitespaceSeparated()}, fields separated by runs of spaces and
 *       tabs, without quoting;
 *   <li>starts with a header row. Column names are matched after trimming spaces, exactly
 *       or else ignoring case; other columns are ignored; empty names at the end of the
 *       header (trailing separators) are dropped;
 *   <li>has amounts as decimals: with {@link Builder#quantityTimesPrice(String, String)} the
 *       amount is the double nearest to the exact decimal product (3 &times; 0.1 is 0.3);
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
  final String customerColumn;
  final String dateColumn;
  final String amountColumn;
  final String quantityColumn;
  final String priceColumn;
  final String orderColumn;
  final String returnFlagColumn;
  final String cancelledOrderPrefix;
  final DateTimeFormatter dateFormat;
  final ZoneId instantZone;
  final char separator;
  final boolean whitespace;
  final ReturnPolicy returns;
  final boolean excludeZeroAmounts;

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
    this.whitespace = b.whitespace;
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
   * @throws IOException if the file cannot be read, is not CSV, or is truncated gzip (the
   *     message names the file and the line)
   * @throws IllegalArgumentException if the header lacks a configured column
   */
  public Result read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads CSV from a stream, gzip-compressed or not; the stream is not closed.
   *
   * @param in the bytes, UTF-8 text or gzip of it
   * @return the transactions and the rejected rows
   * @throws IOException if the stream cannot be read, is not CSV, or is truncated gzip
   * @throws IllegalArgumentException if the header lacks a configured column
   */
  public Result read(InputStream in) throws IOException {
    return read(in, "input");
  }

  private Result read(InputStream in, String source) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    boolean gzip = b1 == 0x1f && b2 == 0x8b;
    InputStream bytes = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    return read(new InputStreamReader(bytes, StandardCharsets.UTF_8), source);
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
    return read(text, "input");
  }

  private Result read(Reader text, String source) throws IOException {
    PushbackReader unread = new PushbackReader(text, 1);
    int first = unread.read();
    if (first >= 0 && first != '\uFEFF') { // a byte-order mark is dropped, even before a quote
      unread.unread(first);
    }
    RowParser parser = new RowParser(this);
    RowSource rows = whitespace ? new RowSource.Whitespace(unread)
        : new RowSource.Csv(unread, separator);
    try {
      rows.readAll(parser);
    } catch (EOFException | ZipException e) {
      throw new IOException(source + " line " + rows.line() + " must be followed by the rest"
          + " of the gzip data, but the compressed input ended early or is corrupt (a truncated"
          + " file?): " + e.getMessage(), e);
    }
    return parser.result();
  }

  @Override
  public String toString() {
    return "TransactionCsvReader{customer=" + customerColumn + ", date=" + dateColumn
        + (priceColumn == null ? ", amount=" + amountColumn
            : ", quantity=" + quantityColumn + ", price=" + priceColumn)
        + (orderColumn == null ? "" : ", order=" + orderColumn) + ", returns=" + returns + "}";
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
     * @param transactions the transactions read, unmodifiable
     * @param rejected the rows not used, with line numbers and reasons, unmodifiable
     * @param rows the number of data rows (after the header, without blank lines)
     * @param blankLines the number of lines whose fields were all empty
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
    private boolean whitespace;
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
      this.whitespace = false;
      return this;
    }

    /**
     * Separates fields by runs of spaces and tabs instead of a separator character, as in
     * the CDNOW master file ({@code " 00001 19970101  1   11.77"}): leading and trailing
     * spaces are ignored, and there is no quoting (a field cannot contain a space).
     *
     * @return this builder
     */
    public Builder whitespaceSeparated() {
      this.whitespace = true;
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
