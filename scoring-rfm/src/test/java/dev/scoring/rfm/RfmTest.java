package dev.scoring.rfm;

import static dev.scoring.core.Condition.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.ModelException;
import dev.scoring.api.ScoringModel;
import dev.scoring.api.Values;
import dev.scoring.core.ScoringTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RfmTest {
  private static final LocalDate JAN_31 = LocalDate.of(2026, 1, 31);

  /** Five customers whose quantiles are worked out by hand in the tests below. */
  static List<Transaction> fiveCustomers() {
    return List.of(
        Transaction.of("a", LocalDate.of(2026, 1, 30), 100),
        Transaction.of("b", LocalDate.of(2026, 1, 20), 50),
        Transaction.of("b", LocalDate.of(2026, 1, 25), 50),
        Transaction.of("c", LocalDate.of(2026, 1, 1), 10),
        Transaction.of("c", LocalDate.of(2026, 1, 1), 10),
        Transaction.of("c", LocalDate.of(2026, 1, 1), 10),
        Transaction.of("d", LocalDate.of(2025, 12, 1), 400),
        Transaction.of("e", LocalDate.of(2026, 1, 31), 5),
        Transaction.of("e", LocalDate.of(2026, 2, 1), 1000));
  }

  private static Rfm.Builder asOfJan31() {
    return Rfm.builder().analysisDate(JAN_31);
  }

  @Test
  void quantileBinning_handWorkedExample() {
    RfmResult result = asOfJan31().build().score(fiveCustomers());
    // recency 0,1,6,30,61: q = 0.8, 4, 15.6, 36.2
    RfmRPackageTest.assertThresholds(List.of(0.8, 4.0, 15.6, 36.2),
        result.thresholds(Measure.RECENCY));
    // frequency 1,1,1,2,3: q = 1, 1, 1.4, 2.2 (ties share bin 1)
    RfmRPackageTest.assertThresholds(List.of(1.0, 1.0, 1.4, 2.2),
        result.thresholds(Measure.FREQUENCY));
    // monetary 5,30,100,100,400: q = 25, 72, 100, 160
    RfmRPackageTest.assertThresholds(List.of(25.0, 72.0, 100.0, 160.0),
        result.thresholds(Measure.MONETARY));
    assertEquals(List.of("a 1 1 100 413 Promising", "b 6 2 100 343 Potential Loyalist",
        "c 30 3 30 252 Others", "d 61 1 400 115 Lost", "e 0 1 5 511 New Customers"),
        result.customers().stream().map(c -> c.customerId() + " " + c.recencyDays() + " "
            + c.frequency() + " " + Values.number(c.monetary()) + " " + c.cell() + " "
            + c.segment()).toList());
    assertEquals(100.0 * 5 / 12, result.find("a").orElseThrow().score(), 1e-12);
    assertEquals(100.0 * 7 / 12, result.find("b").orElseThrow().score(), 1e-12);
    assertEquals(1, result.transactionsAfterAnalysisDate());
    assertEquals(8, result.transactionsUsed());
    assertEquals(LocalDate.of(2026, 1, 31), result.find("e").orElseThrow().lastPurchase());
  }

  @Test
  void rCompatibleBinningAddsOneAndIncludesTheBreakpoint() {
    RfmResult result = asOfJan31().binning(Binning.rCompatible()).build().score(fiveCustomers());
    RfmRPackageTest.assertThresholds(List.of(2.0, 2.0, 2.4, 3.2),
        result.thresholds(Measure.FREQUENCY));
    // frequency 2 >= 2, 2 >= 2: F = 3; frequency 3 passes three of the four: F = 4
    assertEquals(3, result.find("b").orElseThrow().f());
    assertEquals(4, result.find("c").orElseThrow().f());
    assertEquals(1, result.find("a").orElseThrow().f());
  }

  @Test
  void fixedBreakpointsPerMeasure() {
    RfmResult result = asOfJan31()
        .binning(Measure.RECENCY, Binning.fixed(1, 7, 30, 60))
        .binning(Measure.FREQUENCY, Binning.fixed(1, 2, 3, 4))
        .binning(Measure.MONETARY, Binning.fixed(10, 50, 100, 200))
        .build().score(fiveCustomers());
    // recency 1 is not > 1: bin 1, R 5; 30 is not > 30: bin 3, R 3; 61 > 60: R 1
    assertEquals("513", result.find("a").orElseThrow().cell());
    assertEquals("423", result.find("b").orElseThrow().cell());
    assertEquals("332", result.find("c").orElseThrow().cell());
    assertEquals("115", result.find("d").orElseThrow().cell());
    assertEquals("511", result.find("e").orElseThrow().cell());
    assertEquals(List.of(1.0, 7.0, 30.0, 60.0), result.thresholds(Measure.RECENCY));
  }

  @Test
  void ordersAreCountedOnceAndMeanPerOrderIsAnOption() {
    List<Transaction> tx = List.of(
        new Transaction("x", LocalDate.of(2026, 1, 2), 10, "o1"),
        new Transaction("x", LocalDate.of(2026, 1, 2), 20, "o1"),
        new Transaction("x", LocalDate.of(2026, 1, 2), 30, "o1"),
        new Transaction("x", LocalDate.of(2026, 1, 9), 40, "o2"),
        new Transaction("x", LocalDate.of(2026, 1, 9), 50, null));
    CustomerRfm sum = asOfJan31().build().score(tx).customers().get(0);
    assertEquals(3, sum.frequency());
    assertEquals(150.0, sum.monetary());
    assertEquals(22, sum.recencyDays());
    CustomerRfm mean = asOfJan31().monetary(Monetary.MEAN_PER_ORDER).build().score(tx)
        .customers().get(0);
    assertEquals(50.0, mean.monetary());
    assertEquals(150.0, mean.revenue());
  }

  @Test
  void returnsAreExcludedOrNetted() {
    List<Transaction> tx = List.of(
        Transaction.of("x", LocalDate.of(2026, 1, 10), 100),
        Transaction.of("x", LocalDate.of(2026, 1, 20), -30),
        Transaction.of("y", LocalDate.of(2026, 1, 20), -5));
    RfmResult excluded = asOfJan31().build().score(tx);
    assertEquals(1, excluded.customers().size());
    assertEquals(100.0, excluded.customers().get(0).revenue());
    assertEquals(2, excluded.excludedReturns());
    RfmResult net = asOfJan31().returns(ReturnPolicy.NET).build().score(tx);
    CustomerRfm x = net.customers().get(0);
    assertEquals(70.0, x.revenue());
    assertEquals(1, x.frequency());
    assertEquals(21, x.recencyDays());
    assertEquals(1, net.customers().size());
    assertEquals(1, net.customersWithoutPurchase());
  }

  @Test
  void weightsShapeTheZeroToHundredScore() {
    RfmResult result = asOfJan31().weights(2, 1, 1).build().score(fiveCustomers());
    // a: R 4, F 1, M 3 -> 100 (2*3 + 0 + 2) / (4 * 4)
    assertEquals(50.0, result.find("a").orElseThrow().score(), 1e-12);
    RfmResult recencyOnly = asOfJan31().bins(3).weights(1, 0, 0)
        .segments(SegmentTable.builder().segment("Recent", 3, 3, 1, 3, 1, 3).build())
        .build().score(fiveCustomers());
    // 3 bins: recency thresholds 2.67 and 22
    assertEquals(List.of(100.0, 50.0, 0.0, 0.0, 100.0),
        recencyOnly.customers().stream().map(CustomerRfm::score).toList());
    assertEquals(List.of("Recent", "Others", "Others", "Others", "Recent"),
        recencyOnly.customers().stream().map(CustomerRfm::segment).toList());
  }

  @Test
  void segmentSummaryAndGrid() {
    RfmResult result = asOfJan31().build().score(fiveCustomers());
    SegmentSummary summary = result.summary();
    assertEquals(5, summary.customers());
    assertEquals(8, summary.orders());
    assertEquals(635.0, summary.revenue());
    assertEquals(new SegmentSummary.Row("Potential Loyalist", 1, 2, 100, 50, 0.2, 100.0 / 635),
        summary.row("Potential Loyalist"));
    assertEquals(new SegmentSummary.Row("Champions", 0, 0, 0, 0, 0, 0), summary.row("Champions"));
    assertEquals(11, summary.rows().size());
    assertEquals("Others", summary.rows().get(10).segment());
    RfmGrid grid = result.grid();
    assertEquals(1, grid.customers(4, 1));
    assertEquals(100.0, grid.meanMonetary(4, 1));
    assertEquals(0, grid.customers(5, 5));
    assertTrue(Double.isNaN(grid.meanMonetary(5, 5)));
    assertEquals("r must be in 1..5, but was 6",
        assertThrows(IllegalArgumentException.class, () -> grid.customers(6, 1)).getMessage());
    assertEquals("""
        segment             customers   share   orders         revenue  avg order  revenue share
        Champions                   0    0.0%        0            0.00       0.00           0.0%
        Potential Loyalist          1   20.0%        2          100.00      50.00          15.7%
        Loyal Customers             0    0.0%        0            0.00       0.00           0.0%
        Promising                   1   20.0%        1          100.00     100.00          15.7%
        New Customers               1   20.0%        1            5.00       5.00           0.8%
        Can't Lose Them             0    0.0%        0            0.00       0.00           0.0%
        At Risk                     0    0.0%        0            0.00       0.00           0.0%
        Need Attention              0    0.0%        0            0.00       0.00           0.0%
        About To Sleep              0    0.0%        0            0.00       0.00           0.0%
        Lost                        1   20.0%        1          400.00     400.00          63.0%
        Others                      1   20.0%        3           30.00      10.00           4.7%
        """, summary.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void resultsAreContactAttributesForAScoringModel() {
    RfmResult result = asOfJan31().build().score(fiveCustomers());
    CustomerRfm b = result.find("b").orElseThrow();
    Map<String, Object> attributes = b.toAttributes();
    assertEquals("Potential Loyalist", attributes.get("rfm_segment"));
    assertEquals(100.0 * 7 / 12, (Double) attributes.get("rfm_score"), 1e-12);
    assertEquals("343", attributes.get("rfm_cell"));
    assertEquals(6L, attributes.get("rfm_recency_days"));
    assertEquals(2L, attributes.get("rfm_frequency"));
    assertEquals(100.0, attributes.get("rfm_monetary"));
    assertEquals(10L, attributes.get("rfm_sum"));
    assertEquals("2026-01-25", attributes.get("rfm_last_purchase"));

    ScoringModel model = ScoringTable.builder("rfm-and-country")
        .demographic("loyal", attribute("rfm_segment").in("Champions", "Potential Loyalist"), 40)
        .demographic("recent", attribute("rfm_r").atLeast(4), 20)
        .demographic("uk", attribute("country").equalTo("UK"), 10)
        .build();
    Instant asOf = Instant.parse("2026-01-31T00:00:00Z");
    Contact contact = Contact.builder("b").attribute("country", "UK").build();
    assertEquals(50.0, model.score(result.enrich(contact), asOf).score());
    assertEquals(20.0, model.score(result.find("a").orElseThrow().toContact(), asOf).score());
    Contact unknown = Contact.builder("zz").attribute("country", "UK").build();
    assertEquals(unknown, result.enrich(unknown));
    assertEquals(5, result.toContacts().size());
  }

  @Test
  void parallelAndSequentialAgree() {
    Random random = new Random(42);
    List<Transaction> tx = new ArrayList<>();
    for (int i = 0; i < 120_000; i++) {
      String id = "c" + random.nextInt(20_000);
      tx.add(new Transaction(id, JAN_31.minusDays(random.nextInt(400) - 3),
          Math.round(random.nextDouble() * 10_000) / 100.0,
          random.nextBoolean() ? null : "o" + random.nextInt(50_000)));
    }
    RfmResult sequential = asOfJan31().parallelism(1).build().score(tx);
    RfmResult parallel = asOfJan31().parallelism(4).build().score(tx);
    RfmResult common = asOfJan31().build().score(tx);
    assertEquals(sequential.customers(), parallel.customers());
    assertEquals(sequential.customers(), common.customers());
    assertEquals(sequential.transactionsAfterAnalysisDate(),
        parallel.transactionsAfterAnalysisDate());
    assertTrue(sequential.transactionsAfterAnalysisDate() > 0);
    // and both agree with a plain recomputation
    Map<String, Long> last = new HashMap<>();
    Map<String, Set<String>> orders = new HashMap<>();
    Map<String, Long> loose = new HashMap<>();
    Map<String, Double> revenue = new HashMap<>();
    for (Transaction t : tx) {
      if (!t.date().isAfter(JAN_31)) {
        last.merge(t.customerId(), t.date().toEpochDay(), Math::max);
        revenue.merge(t.customerId(), t.amount(), Double::sum);
        if (t.orderId() == null) {
          loose.merge(t.customerId(), 1L, Long::sum);
        } else {
          orders.computeIfAbsent(t.customerId(), k -> new HashSet<>()).add(t.orderId());
        }
      }
    }
    assertEquals(last.size(), parallel.customers().size());
    for (CustomerRfm c : parallel.customers()) {
      String id = c.customerId();
      assertEquals(JAN_31.toEpochDay() - last.get(id), c.recencyDays());
      assertEquals(loose.getOrDefault(id, 0L) + orders.getOrDefault(id, Set.of()).size(),
          c.frequency());
      assertEquals(revenue.get(id), c.revenue(), 1e-6);
    }
  }

  @Test
  void amountsThatAddUpToTheSameDecimalTotalTie() {
    // SPEC section 8: 0.1 + 0.2 and 0.3 are the same decimal total (in doubles, 0.1 + 0.2 is
    // 0.30000000000000004); both paths, sequential (few transactions) and partitioned
    for (int filler : new int[] {0, 60_000}) {
      List<Transaction> tx = new ArrayList<>();
      tx.add(Transaction.of("a", JAN_31, 0.1));
      tx.add(Transaction.of("a", JAN_31, 0.2));
      tx.add(Transaction.of("b", JAN_31.minusDays(1), 0.3));
      tx.add(Transaction.of("b", JAN_31.minusDays(1), 0));
      tx.add(Transaction.of("c", JAN_31, 1e-3));
      tx.add(Transaction.of("c", JAN_31, 12_345_678.987));
      tx.add(Transaction.of("c", JAN_31, -0.05)); // under NET: a return
      // 0.30000000000000004 needs 17 decimals: the exact (BigDecimal) path
      tx.add(Transaction.of("d", JAN_31, 0.1 + 0.2));
      tx.add(Transaction.of("d", JAN_31, 0.1 + 0.2));
      for (int i = 0; i < filler; i++) {
        tx.add(Transaction.of("f" + (i % 1000), JAN_31.minusDays(i % 300), 1 + i % 50));
      }
      RfmResult result = asOfJan31().returns(ReturnPolicy.NET).build().score(tx);
      CustomerRfm a = result.find("a").orElseThrow();
      CustomerRfm b = result.find("b").orElseThrow();
      assertEquals(0.3, a.monetary(), 0.0, "filler " + filler);
      assertEquals(a.monetary(), b.monetary(), 0.0);
      assertEquals(a.m(), b.m());
      assertEquals(12_345_678.938, result.find("c").orElseThrow().monetary(), 0.0);
      assertEquals(new java.math.BigDecimal("0.60000000000000008").doubleValue(),
          result.find("d").orElseThrow().monetary(), 0.0);
    }
  }

  @Test
  void noTransactionsGiveAnEmptyResult() {
    RfmResult result = asOfJan31().build().score(List.of());
    assertEquals(List.of(), result.customers());
    assertEquals(List.of(), result.thresholds(Measure.MONETARY));
    assertEquals(0, result.summary().customers());
  }

  @Test
  void builderErrorsSayWhatAndWhy() {
    assertEquals("bins must be in 2..9, but was 10", assertThrows(ModelException.class,
        () -> Rfm.builder().bins(10)).getMessage());
    assertEquals("weights.frequency must be finite and at least 0, but was -1",
        assertThrows(ModelException.class, () -> Rfm.builder().weights(1, -1, 1)).getMessage());
    assertEquals("weights must have a positive sum, but was 0",
        assertThrows(ModelException.class, () -> Rfm.builder().weights(0, 0, 0)).getMessage());
    assertEquals("breakpoints[2] must be greater than breakpoints[1] (5), but was 5",
        assertThrows(ModelException.class, () -> Binning.fixed(1, 5, 5)).getMessage());
    assertEquals("analysisDate must be set, but was null",
        assertThrows(IllegalStateException.class, () -> Rfm.builder().build()).getMessage());
    assertEquals("recency breakpoints must be bins - 1 = 4 numbers, but was [1.0, 2.0]",
        assertThrows(IllegalStateException.class, () -> asOfJan31()
            .binning(Measure.RECENCY, Binning.fixed(1, 2)).build()).getMessage());
    assertEquals("segment bounds must be at most bins (3), but was 5",
        assertThrows(IllegalStateException.class, () -> asOfJan31().bins(3).build())
            .getMessage());
    assertEquals("segment 'x' frequency upper bound must be in 3..9, but was 2",
        assertThrows(ModelException.class,
            () -> SegmentTable.builder().segment("x", 1, 1, 3, 2, 1, 1)).getMessage());
    assertEquals("segment name must be unique, but was \"x\" twice",
        assertThrows(IllegalStateException.class, () -> SegmentTable.builder()
            .segment("x", 1, 1, 1, 1, 1, 1).segment("x", 2, 2, 2, 2, 2, 2)).getMessage());
    assertEquals("amount of customer 'a' must be finite, but was NaN",
        assertThrows(IllegalArgumentException.class,
            () -> Transaction.of("a", JAN_31, Double.NaN)).getMessage());
  }
}
