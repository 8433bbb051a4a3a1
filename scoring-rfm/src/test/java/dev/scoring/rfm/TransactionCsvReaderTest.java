package dev.scoring.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.ModelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TransactionCsvReaderTest {
  private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
  private static final LocalDate MAY_2 = LocalDate.of(2026, 5, 2);

  private static TransactionCsvReader.Result read(TransactionCsvReader reader, String csv)
      throws IOException {
    return reader.read(new StringReader(csv));
  }

  private static TransactionCsvReader defaults() {
    return TransactionCsvReader.builder().build();
  }

  @Test
  void readsTheDefaultColumns() throws IOException {
    var result = read(defaults(), "customer_id,date,amount\na,2026-05-01,10.5\nb,2026-05-02,3\n");
    assertEquals(List.of(Transaction.of("a", MAY_1, 10.5), Transaction.of("b", MAY_2, 3)),
        result.transactions());
    assertEquals(2, result.rows());
    assertEquals(List.of(), result.rejected());
  }

  @Test
  void headerQuirks_bomSpacesCaseAndTrailingEmptyColumns() throws IOException {
    String csv = "\uFEFF Customer_ID , Date ,AMOUNT,,\r\na,2026-05-01,1,,\r\nb,2026-05-02,2\r\n";
    var result = read(defaults(), csv);
    assertEquals(List.of(Transaction.of("a", MAY_1, 1), Transaction.of("b", MAY_2, 2)),
        result.transactions());
  }

  @Test
  void quotedFieldsWithSeparatorsQuotesAndLineBreaks() throws IOException {
    String csv = "customer_id,note,date,amount\n"
        + "\"Smith, \"\"Jo\"\"\",\"two\nlines\",2026-05-01,\"7\"\n"
        + "x,bad,yesterday,1\n";
    var result = read(defaults(), csv);
    assertEquals(List.of(Transaction.of("Smith, \"Jo\"", MAY_1, 7)), result.transactions());
    // the bad row starts on line 4, after the two-line quoted field
    assertEquals(List.of(new RejectedRow(4, RejectedRow.Reason.MALFORMED,
        "line 4 date must be a date like 2026-11-02, but was \"yesterday\"")),
        result.rejected());
  }

  @Test
  void badRowsAreReportedWithLineNumbers() throws IOException {
    String csv = "customer_id,date,amount\n"
        + "a,2026-05-01,1\n"
        + "b,2026-05-01\n"
        + "c,2026-05-01,1,oops\n"
        + "d,2026-05-01,ten\n"
        + "e,2026-05-01,NaN\n"
        + ",2026-05-01,4\n"
        + "\n"
        + ",,\n"
        + "f,2026-05-01,\n";
    var result = read(defaults(), csv);
    assertEquals(List.of(Transaction.of("a", MAY_1, 1)), result.transactions());
    assertEquals(List.of(
        new RejectedRow(3, RejectedRow.Reason.MALFORMED, "line 3 must have 3 fields, but had 2"),
        new RejectedRow(4, RejectedRow.Reason.MALFORMED,
            "line 4 must have 3 fields, but had 4 (field 4 is \"oops\")"),
        new RejectedRow(5, RejectedRow.Reason.MALFORMED,
            "line 5 amount must be a finite number, but was \"ten\""),
        new RejectedRow(6, RejectedRow.Reason.MALFORMED,
            "line 6 amount must be a finite number, but was \"NaN\""),
        new RejectedRow(7, RejectedRow.Reason.MISSING_CUSTOMER,
            "line 7 customer_id must be non-empty, but was \"\""),
        new RejectedRow(10, RejectedRow.Reason.MALFORMED,
            "line 10 amount must be a finite number, but was \"\"")), result.rejected());
    assertEquals(7, result.rows());
    assertEquals(2, result.blankLines());
    assertEquals(result.rows(), result.transactions().size() + result.rejected().size());
  }

  @Test
  void returnsAreExcludedAndReportedByDefault() throws IOException {
    TransactionCsvReader reader = TransactionCsvReader.builder()
        .orderColumn("order").returnFlagColumn("returned").cancelledOrderPrefix("C").build();
    String csv = "customer_id,date,amount,order,returned\n"
        + "a,2026-05-01,10,o1,\n"
        + "a,2026-05-01,-4,o2,\n"
        + "a,2026-05-01,5,o3,Yes\n"
        + "a,2026-05-01,6,C9,no\n";
    var result = read(reader, csv);
    assertEquals(List.of(new Transaction("a", MAY_1, 10, "o1")), result.transactions());
    assertEquals(List.of(3L, 4L, 5L),
        result.rejected().stream().map(RejectedRow::line).toList());
    assertEquals(new RejectedRow(3, RejectedRow.Reason.RETURN,
        "line 3 must be a purchase, but was a return or cancellation (amount -4, order o2)"),
        result.rejected().get(0));
  }

  @Test
  void returnsUnderNetBecomeNegativeTransactions() throws IOException {
    TransactionCsvReader reader = TransactionCsvReader.builder()
        .orderColumn("order").returnFlagColumn("returned").cancelledOrderPrefix("C")
        .returns(ReturnPolicy.NET).build();
    String csv = "customer_id,date,amount,order,returned\n"
        + "a,2026-05-01,10,o1,\n"
        + "a,2026-05-01,-4,o2,\n"
        + "a,2026-05-01,5,o3,1\n"
        + "a,2026-05-01,6,C9,\n";
    var result = read(reader, csv);
    assertEquals(List.of(new Transaction("a", MAY_1, 10, "o1"),
        new Transaction("a", MAY_1, -4, "o2"), new Transaction("a", MAY_1, -5, "o3"),
        new Transaction("a", MAY_1, -6, "C9")), result.transactions());
    assertEquals(List.of(), result.rejected());
  }

  @Test
  void zeroAmountsAreKeptUnlessExcluded() throws IOException {
    String csv = "customer_id,date,qty,price\na,2026-05-01,3,0\na,2026-05-02,2,1.25\n";
    TransactionCsvReader.Builder b = TransactionCsvReader.builder().quantityTimesPrice("qty", "price");
    assertEquals(List.of(Transaction.of("a", MAY_1, 0), Transaction.of("a", MAY_2, 2.5)),
        read(b.build(), csv).transactions());
    var excluded = read(b.excludeZeroAmounts(true).build(), csv);
    assertEquals(List.of(Transaction.of("a", MAY_2, 2.5)), excluded.transactions());
    assertEquals(List.of(new RejectedRow(2, RejectedRow.Reason.ZERO_AMOUNT,
        "line 2 amount must be non-zero, but was 0")), excluded.rejected());
  }

  @Test
  void dateFormatsAndInstants() throws IOException {
    var european = TransactionCsvReader.builder().separator(';').dateFormat("dd/MM/yyyy HH:mm")
        .build();
    assertEquals(List.of(Transaction.of("a", MAY_2, 1)),
        read(european, "customer_id;date;amount\na;02/05/2026 23:59;1\n").transactions());
    var instants = TransactionCsvReader.builder().instants(ZoneId.of("Europe/Paris")).build();
    // 23:30 UTC on May 1 is already May 2 in Paris
    assertEquals(List.of(Transaction.of("a", MAY_2, 1), Transaction.of("b", MAY_1, 2)),
        read(instants, "customer_id,date,amount\na,2026-05-01T23:30:00Z,1\n"
            + "b,2026-05-01T10:00:00+02:00,2\n").transactions());
  }

  @Test
  void gzipIsRecognisedByItsBytes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("customer_id,date,amount\na,2026-05-01,1\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(List.of(Transaction.of("a", MAY_1, 1)),
        defaults().read(new ByteArrayInputStream(bytes.toByteArray())).transactions());
    assertEquals(List.of(Transaction.of("a", MAY_1, 1)), defaults().read(
        new ByteArrayInputStream("customer_id,date,amount\na,2026-05-01,1\n"
            .getBytes(StandardCharsets.UTF_8))).transactions());
  }

  @Test
  void aMissingColumnOrBrokenCsvIsAnError() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> read(defaults(), "customer,date,amount\na,2026-05-01,1\n"));
    assertEquals("CSV header must contain column \"customer_id\", but was [customer, date, amount]",
        missing.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> read(defaults(), ""));
    assertEquals("CSV input must start with a header row, but was empty", empty.getMessage());
    IOException broken = assertThrows(IOException.class,
        () -> read(defaults(), "customer_id,date,amount\na,2026-05-01,1\n\"b\"x,2026-05-01,1\n"));
    assertEquals("line 3 must be well-formed CSV, but was not: Unexpected character after"
        + " closing quote: 'x' (0x78)", broken.getMessage());
    IOException unclosed = assertThrows(IOException.class,
        () -> read(defaults(), "customer_id,date,amount\na,2026-05-01,1\n\"b,2026-05-01,1\n"));
    assertEquals("line 3 must be well-formed CSV, but was not: Unclosed quoted field at end"
        + " of input", unclosed.getMessage());
  }

  @Test
  void builderValidatesAtOnce() {
    assertEquals("customerColumn must be a non-blank column name, but was \" \"",
        assertThrows(ModelException.class,
            () -> TransactionCsvReader.builder().customerColumn(" ")).getMessage());
    assertEquals("dateFormat must be a pattern with a date, but was \"yyyy-MM-dd {\"",
        assertThrows(ModelException.class,
            () -> TransactionCsvReader.builder().dateFormat("yyyy-MM-dd {")).getMessage());
    assertEquals("dateFormat must be a pattern with a date, but was \"HH:mm\"",
        assertThrows(ModelException.class,
            () -> TransactionCsvReader.builder().dateFormat("HH:mm")).getMessage());
    assertEquals("orderColumn must be set when cancelledOrderPrefix is, but was not",
        assertThrows(IllegalStateException.class,
            () -> TransactionCsvReader.builder().cancelledOrderPrefix("C").build()).getMessage());
  }

  @Test
  void aByteOrderMarkBeforeAQuotedHeaderIsDropped() throws IOException {
    byte[] bytes = "\uFEFF\"customer_id\",\"date\",\"amount\"\na,2026-05-01,10.5\n"
        .getBytes(StandardCharsets.UTF_8);
    var result = defaults().read(new ByteArrayInputStream(bytes));
    assertEquals(List.of(Transaction.of("a", MAY_1, 10.5)), result.transactions());
    var fromText = read(defaults(), "\uFEFF\"customer_id\",date,amount\nb,2026-05-02,3\n");
    assertEquals(List.of(Transaction.of("b", MAY_2, 3)), fromText.transactions());
  }

  @Test
  void aTruncatedGzipFileIsNamedWithTheLineWhereItEnds(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws IOException {
    StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append('c').append(i * 7919L % 100_003).append(",2026-05-01,").append(i % 97)
          .append(".5\n");
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] all = gz.toByteArray();
    java.nio.file.Path file = dir.resolve("orders.csv.gz");
    java.nio.file.Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
    IOException e = assertThrows(IOException.class, () -> defaults().read(file));
    assertTrue(e.getMessage().startsWith(file + " line "), e.getMessage());
    assertTrue(e.getMessage().contains(" must be followed by the rest of the gzip data, but the"
        + " compressed input ended early or is corrupt (a truncated file?)"), e.getMessage());
    long line = Long.parseLong(e.getMessage().substring((file + " line ").length())
        .split(" ")[0]);
    assertTrue(line > 1_000 && line < 20_001, e.getMessage());
  }

  @Test
  void whitespaceSeparatedFieldsAreRunsOfSpacesAndTabs() throws IOException {
    TransactionCsvReader reader = TransactionCsvReader.builder().whitespaceSeparated()
        .dateFormat("yyyyMMdd").build();
    var result = read(reader, " customer_id  date \t amount\r\n 00001 20260501  1.5\r\n"
        + "\r\n   \n00002\t20260502\t\t3  \n00003 20260502\n");
    assertEquals(List.of(Transaction.of("00001", MAY_1, 1.5), Transaction.of("00002", MAY_2, 3)),
        result.transactions());
    assertEquals(3, result.rows());
    assertEquals(2, result.blankLines());
    assertEquals("line 6 must have 3 fields, but had 2", result.rejected().get(0).message());
  }

  @Test
  void theCdnowMasterFileReadsWithTheWhitespaceSeparator() throws IOException {
    java.nio.file.Path file = SharedData.file("datasets/cdnow/CDNOW_master.txt");
    var result = TransactionCsvReader.builder().whitespaceSeparated()
        .customerColumn("customer_id").dateColumn("date").amountColumn("dollar_value")
        .dateFormat("yyyyMMdd").build().read(file);
    // SOURCE.md: 69,659 transactions, 23,570 customers, $2,500,315.63, 80 zero amounts
    assertEquals(69_659, result.rows());
    assertEquals(69_659, result.transactions().size());
    assertEquals(23_570, result.transactions().stream().map(Transaction::customerId).distinct()
        .count());
    assertEquals(new java.math.BigDecimal("2500315.63"), result.transactions().stream()
        .map(t -> java.math.BigDecimal.valueOf(t.amount()))
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
    assertEquals(80, result.transactions().stream().filter(t -> t.amount() == 0).count());
    assertEquals(LocalDate.of(1997, 1, 1), result.transactions().get(0).date());
  }

  @Test
  void quantityTimesPriceIsTheDecimalProduct() throws IOException {
    TransactionCsvReader reader = TransactionCsvReader.builder().quantityTimesPrice("q", "p")
        .build();
    var result = read(reader, "customer_id,date,q,p\na,2026-05-01,3,0.1\nb,2026-05-01,7,1.15\n");
    assertEquals(0.3, result.transactions().get(0).amount(), 0.0); // 3 * 0.1 is 0.30000000000000004
    assertEquals(8.05, result.transactions().get(1).amount(), 0.0); // 7 * 1.15 is 8.049999999999999
  }
}
