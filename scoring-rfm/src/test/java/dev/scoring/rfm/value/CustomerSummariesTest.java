package dev.scoring.rfm.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.rfm.Transaction;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomerSummariesTest {
  private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  private static List<CustomerSummary> cdnowFromRaw() {
    return CustomerSummaries.fromTransactions(
        SharedData.cdnowSampleTransactions(), CALIBRATION_END, ChronoUnit.WEEKS);
  }

  @Test
  void cdnowSample_inWeeks_equalsLifetimesSummaryWithTransactions_afterRoundingTo2dp() {
    List<CustomerSummary> computed = cdnowFromRaw();
    List<CustomerSummary> published = SharedData.lifetimesSummaryWithValues();
    assertEquals(2357, computed.size());
    assertEquals(published.size(), computed.size());
    for (int i = 0; i < computed.size(); i++) {
      CustomerSummary c = computed.get(i);
      CustomerSummary p = published.get(i);
      String id = p.customerId();
      assertEquals(p.customerId(), c.customerId());
      assertEquals(p.frequency(), c.frequency(), "x of " + id);
      // the file rounds to 2 decimals; allow the rounding of ...5 either way
      assertEquals(p.recency(), c.recency(), 0.005 + 1e-9, "t_x of " + id);
      assertEquals(p.age(), c.age(), 0.005 + 1e-9, "T of " + id);
      assertEquals(p.meanValue(), c.meanValue(), 0.005 + 1e-9, "zbar of " + id);
    }
    long repeaters = computed.stream().filter(c -> c.frequency() > 0).count();
    assertEquals(946, repeaters);
  }

  @Test
  void cdnowSample_inWeeks_equalsLifetimesSummary() {
    List<CustomerSummary> computed = cdnowFromRaw();
    List<CustomerSummary> published = SharedData.lifetimesSummary();
    assertEquals(published.size(), computed.size());
    for (int i = 0; i < computed.size(); i++) {
      CustomerSummary c = computed.get(i);
      CustomerSummary p = published.get(i);
      assertEquals(p.customerId(), c.customerId());
      assertEquals(p.frequency(), c.frequency(), "frequency of " + p.customerId());
      assertEquals(p.recency(), Math.round(c.recency() * 100) / 100.0, 1e-9);
      assertEquals(p.age(), Math.round(c.age() * 100) / 100.0, 1e-9);
    }
  }

  @Test
  void cdnowSample_inWeeks_equalsBtydCbsExactly() {
    Map<String, CustomerSummary> computed = cdnowFromRaw().stream()
        .collect(Collectors.toMap(CustomerSummary::customerId, Function.identity()));
    List<SharedData.CbsRow> cbs = SharedData.btydCbs();
    assertEquals(2357, cbs.size());
    for (SharedData.CbsRow row : cbs) {
      CustomerSummary c = computed.get(row.id());
      assertEquals(row.x(), c.frequency(), "x of " + row.id());
      assertEquals(row.recency(), c.recency(), 1e-9, "t.x of " + row.id());
      assertEquals(row.age(), c.age(), 1e-9, "T.cal of " + row.id());
      assertEquals(row.meanValue(), c.meanValue(), 1e-9, "m.x of " + row.id());
    }
  }

  @Test
  void cdnowSample_holdoutRepeatPurchaseDays_sumTo1882() {
    // x.star of BTYD: purchase days in 1997-10-01..1998-06-30, counted on the merged days
    List<Transaction> all = SharedData.cdnowSampleTransactions();
    List<CustomerSummary> full = CustomerSummaries.fromTransactions(
        all, LocalDate.of(1998, 6, 30), ChronoUnit.WEEKS);
    long total = full.stream().mapToLong(CustomerSummary::frequency).sum()
        - cdnowFromRaw().stream().mapToLong(CustomerSummary::frequency).sum();
    assertEquals(1882, total);
    assertEquals(1882, SharedData.btydCbs().stream().mapToInt(SharedData.CbsRow::holdout).sum());
  }

  @Test
  void sameDayPurchases_areOnePurchase_withSummedAmount() {
    List<Transaction> t = List.of(
        Transaction.of("a", LocalDate.of(2024, 1, 1), 10),
        Transaction.of("a", LocalDate.of(2024, 1, 8), 5),
        new Transaction("a", LocalDate.of(2024, 1, 8), 7, "order-2"),
        Transaction.of("a", LocalDate.of(2024, 1, 15), 3),
        Transaction.of("a", LocalDate.of(2024, 2, 1), 100), // after the end: ignored
        Transaction.of("b", LocalDate.of(2024, 1, 20), 4),
        Transaction.of("c", LocalDate.of(2024, 1, 30), 4)); // first after the end: left out
    List<CustomerSummary> s =
        CustomerSummaries.fromTransactions(t, LocalDate.of(2024, 1, 29), ChronoUnit.DAYS);
    assertEquals(List.of(new CustomerSummary("a", 2, 14, 28, 7.5),
        new CustomerSummary("b", 0, 0, 9, 0)), s);
    List<CustomerSummary> weeks =
        CustomerSummaries.fromTransactions(t.stream(), LocalDate.of(2024, 1, 29),
            ChronoUnit.WEEKS);
    assertEquals(new CustomerSummary("a", 2, 2, 4, 7.5), weeks.get(0));
  }

  @Test
  void fromTransactions_rejectsOtherUnits_andNoCalibrationData() {
    List<Transaction> t = List.of(Transaction.of("a", LocalDate.of(2024, 1, 1), 10));
    IllegalArgumentException unit = assertThrows(IllegalArgumentException.class,
        () -> CustomerSummaries.fromTransactions(t, LocalDate.of(2024, 2, 1), ChronoUnit.MONTHS));
    assertEquals("unit must be DAYS or WEEKS, but was MONTHS", unit.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> CustomerSummaries.fromTransactions(t, LocalDate.of(2023, 2, 1), ChronoUnit.DAYS));
    assertEquals("transactions must include at least one on or before the calibration end"
        + " 2023-02-01, but was 1 transactions, none on or before it", none.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CustomerSummaries.fromTransactions(
        List.<Transaction>of(), LocalDate.of(2023, 2, 1), ChronoUnit.DAYS));
  }

  @Test
  void read_acceptsQuotesWholeDecimalsAndBlankLines() throws IOException {
    String text = "id,x,t_x,T,m\n\"1\",2.0,30.43,38.86,22.35\n\n2,0,0,38.86\n";
    assertEquals(List.of(new CustomerSummary("1", 2, 30.43, 38.86, 22.35),
            new CustomerSummary("2", 0, 0, 38.86, 0)),
        CustomerSummaries.read(new StringReader(text), "s.csv"));
  }

  @Test
  void read_namesTheLineAndColumnOfAnError() {
    assertEquals("s.csv line 3 column 3 (t_x) must be a finite number, but was \"abc\"",
        readError("id,x,t_x,T\n1,0,0,3\n2,1,abc,3\n"));
    assertEquals("s.csv line 2 column 2 (x) must be a whole number at least 0, but was 1.5",
        readError("id,x,t_x,T\n1,1.5,0,3\n"));
    assertEquals("s.csv line 2 must have 4 or 5 columns (id, x, t_x, T[, mean value]), but was"
        + " 3: \"1,1,2\"", readError("id,x,t_x,T\n1,1,2\n"));
    assertEquals("s.csv line 2: customer '1' recency must be in [0, age = 3.0], but was 4.0",
        readError("id,x,t_x,T\n1,1,4,3\n"));
    assertEquals("s.csv line 3 id must be unique, but was '1', already on line 2",
        readError("id,x,t_x,T\n1,1,2,3\n1,0,0,3\n"));
    assertEquals("s.csv must start with a header line, but was empty", readError(""));
  }

  private static String readError(String text) {
    return assertThrows(IllegalArgumentException.class,
        () -> CustomerSummaries.read(new StringReader(text), "s.csv")).getMessage();
  }

  @Test
  void summary_validatesItsComponents() {
    assertEquals("customer 'a' recency must be 0 when frequency is 0, but was 1.0",
        assertThrows(IllegalArgumentException.class,
            () -> CustomerSummary.of("a", 0, 1, 2)).getMessage());
    assertEquals("customer 'a' frequency must be at least 0, but was -1",
        assertThrows(IllegalArgumentException.class,
            () -> CustomerSummary.of("a", -1, 0, 2)).getMessage());
    assertEquals("customer 'a' age must be finite and at least 0, but was NaN",
        assertThrows(IllegalArgumentException.class,
            () -> CustomerSummary.of("a", 0, 0, Double.NaN)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> CustomerSummary.of(" ", 0, 0, 1));
  }
}
