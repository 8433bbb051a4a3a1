package dev.scoring.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.rfm.Binning;
import dev.scoring.rfm.CustomerRfm;
import dev.scoring.rfm.Measure;
import dev.scoring.rfm.Monetary;
import dev.scoring.rfm.ReturnPolicy;
import dev.scoring.rfm.Rfm;
import dev.scoring.rfm.RfmResult;
import dev.scoring.rfm.Transaction;
import dev.scoring.rfm.TransactionCsvReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFM on Spark equals {@link Rfm} customer for customer (every measure, score, cell and
 * segment, bit for bit) and threshold for threshold, on the Online Retail and CDNOW data; both
 * sum money by the decimal rule of SPEC section 8 (checked against {@link #reference}).
 */
class SparkRfmTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("SparkRfmTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /**
   * The transactions as Spark reads them from a CSV file (amounts written by
   * {@code Double.toString}, so read back as the same doubles): much cheaper for Spark than
   * a local relation of 400,000 rows.
   */
  static Dataset<Row> frame(List<Transaction> tx) {
    StructType schema = new StructType()
        .add("customer_id", DataTypes.StringType)
        .add("date", DataTypes.DateType)
        .add("amount", DataTypes.DoubleType)
        .add("order_id", DataTypes.StringType);
    try {
      Path file = Files.createTempFile("transactions", ".csv");
      file.toFile().deleteOnExit();
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Transaction t : tx) {
          out.write(t.customerId() + "," + t.date() + "," + t.amount() + ","
              + (t.orderId() == null ? "" : t.orderId()) + "\n");
        }
      }
      return spark.read().schema(schema).csv(file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What SPEC section 8 gives: {@link Rfm}'s customers with the monetary sums of the decimal
   * rule (each amount's decimal form {@code Double.toString}, summed exactly, rounded to the
   * nearest double), and the monetary thresholds, M, score and segment that follow from them
   * through the public {@link Binning}, {@link Rfm#scoreOf} and segment table: an
   * independent check that {@code Rfm} itself follows the rule.
   */
  static Reference reference(Rfm rfm, List<Transaction> tx, RfmResult inMemory) {
    Map<String, BigDecimal> sums = new HashMap<>();
    for (Transaction t : tx) {
      if (t.date().isAfter(rfm.analysisDate())
          || (t.amount() < 0 && rfm.returns() == ReturnPolicy.EXCLUDE)) {
        continue;
      }
      sums.merge(t.customerId(), new BigDecimal(Double.toString(t.amount())), BigDecimal::add);
    }
    List<CustomerRfm> base = inMemory.customers();
    double[] monetary = new double[base.size()];
    double[] revenue = new double[base.size()];
    for (int i = 0; i < monetary.length; i++) {
      CustomerRfm c = base.get(i);
      revenue[i] = sums.get(c.customerId()).doubleValue();
      monetary[i] = rfm.monetary() == Monetary.SUM ? revenue[i] : revenue[i] / c.frequency();
    }
    double[] sorted = monetary.clone();
    Arrays.sort(sorted);
    Binning binning = rfm.binning(Measure.MONETARY);
    double[] t = binning.thresholds(rfm.bins(), Math.max(1, sorted.length),
        rank -> sorted[(int) rank]);
    List<CustomerRfm> out = new ArrayList<>();
    for (int i = 0; i < monetary.length; i++) {
      CustomerRfm c = base.get(i);
      int m = binning.bin(monetary[i], t);
      out.add(new CustomerRfm(c.customerId(), c.lastPurchase(), c.recencyDays(), c.frequency(),
          revenue[i], monetary[i], c.r(), c.f(), m, rfm.scoreOf(c.r(), c.f(), m),
          rfm.segments().segmentOf(c.r(), c.f(), m)));
    }
    Map<Measure, List<Double>> thresholds = new EnumMap<>(Measure.class);
    thresholds.put(Measure.RECENCY, inMemory.thresholds(Measure.RECENCY));
    thresholds.put(Measure.FREQUENCY, inMemory.thresholds(Measure.FREQUENCY));
    thresholds.put(Measure.MONETARY, Arrays.stream(t).boxed().toList());
    return new Reference(out, thresholds);
  }

  record Reference(List<CustomerRfm> customers, Map<Measure, List<Double>> thresholds) {}

  static void assertSame(Rfm rfm, List<Transaction> tx) {
    RfmResult expected = rfm.score(tx);
    Reference reference = reference(rfm, tx, expected);
    assertEquals(reference.customers(), expected.customers());
    for (Measure m : Measure.values()) {
      assertEquals(reference.thresholds().get(m), expected.thresholds(m), m.toString());
    }
    SparkRfm.Scored scored = SparkRfm.of(rfm).score(frame(tx));
    try {
      assertEquals(expected.customers().size(), scored.count());
      for (Measure m : Measure.values()) {
        assertEquals(expected.thresholds(m), scored.thresholds().get(m), m.toString());
      }
      Map<String, Row> rows = new HashMap<>();
      for (Row r : scored.customers().collectAsList()) {
        rows.put(r.getString(0), r);
      }
      assertEquals(expected.customers().size(), rows.size());
      for (CustomerRfm c : expected.customers()) {
        Row r = rows.get(c.customerId());
        CustomerRfm actual = new CustomerRfm(r.getString(0), r.getAs("last_purchase"),
            r.getInt(2), r.getInt(3), r.getDouble(4), r.getDouble(5), r.getInt(6), r.getInt(7),
            r.getInt(8), r.getDouble(10), r.getString(11));
        assertEquals(c, actual);
        assertEquals(c.cell(), r.getString(9));
      }
    } finally {
      scored.unpersist();
    }
  }

  @Test
  void onlineRetailEqualsRfm() throws IOException {
    List<Transaction> tx = TransactionCsvReader.builder()
        .customerColumn("CustomerID")
        .dateColumn("InvoiceDate")
        .dateFormat("yyyy-MM-dd HH:mm")
        .quantityTimesPrice("Quantity", "UnitPrice")
        .orderColumn("InvoiceNo")
        .cancelledOrderPrefix("C")
        .returns(ReturnPolicy.EXCLUDE)
        .excludeZeroAmounts(true)
        .build()
        .read(SharedData.file("datasets/online_retail_uci/online_retail.csv.gz"))
        .transactions();
    assertEquals(397_884, tx.size());
    Rfm rfm = Rfm.builder().analysisDate(LocalDate.of(2011, 12, 10)).build();
    assertSame(rfm, tx);
  }

  @Test
  void cdnowEqualsRfmUnderTheOtherBinnings() {
    List<Transaction> tx = SharedData.cdnow("CDNOW_master.txt", 0);
    assertEquals(69_659, tx.size());
    Rfm rfm = Rfm.builder().analysisDate(LocalDate.of(1998, 1, 1)).build();
    assertSame(rfm.toBuilder().binning(Binning.rCompatible()).monetary(Monetary.MEAN_PER_ORDER)
        .build(), tx);
    assertSame(rfm.toBuilder()
        .binning(Measure.RECENCY, Binning.fixed(30, 90, 180, 365))
        .binning(Measure.FREQUENCY, Binning.fixed(1, 2, 4, 8))
        .binning(Measure.MONETARY, Binning.fixed(20, 50, 100, 300))
        .weights(2, 1, 1)
        .build(), tx);
  }

  @Test
  void decimalTotalsTieAndReturnsFollowThePolicy() {
    LocalDate d = LocalDate.of(2024, 1, 10);
    List<Transaction> tx = List.of(
        Transaction.of("a", d, 0.1), Transaction.of("a", d.minusDays(3), 0.2),
        Transaction.of("b", d.minusDays(1), 0.3),
        Transaction.of("c", d.minusDays(2), 5.0), Transaction.of("c", d, -2.5),
        Transaction.of("d", d, -1.0),
        Transaction.of("e", d.plusDays(5), 9.0),
        new Transaction("f", d, 1.25, "o1"), new Transaction("f", d, 2.5, "o1"),
        new Transaction("f", d.minusDays(9), 0.7, "o2"), Transaction.of("f", d, 0.05));
    Rfm rfm = Rfm.builder().analysisDate(d).build();
    SparkRfm.Scored scored = SparkRfm.of(rfm).score(frame(tx));
    Map<String, Row> rows = new HashMap<>();
    for (Row r : scored.customers().collectAsList()) {
      rows.put(r.getString(0), r);
    }
    // 0.1 + 0.2 is the decimal 0.3: the same double as b's 0.3
    assertEquals(0.3, rows.get("a").getDouble(4));
    assertEquals(rows.get("b").getDouble(4), rows.get("a").getDouble(4));
    assertEquals(rows.get("b").getInt(8), rows.get("a").getInt(8)); // a tie shares a bin
    assertEquals(4.5, rows.get("f").getDouble(4));
    assertEquals(3, rows.get("f").getInt(3)); // orders o1, o2 and one without an order
    assertEquals(5.0, rows.get("c").getDouble(4)); // the return is excluded
    assertEquals(List.of("a", "b", "c", "f"), rows.keySet().stream().sorted().toList());
    scored.unpersist();
    assertSame(rfm, tx);
    assertSame(rfm.toBuilder().returns(ReturnPolicy.NET).build(), tx);
  }
}
