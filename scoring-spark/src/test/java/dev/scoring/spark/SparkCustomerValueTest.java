package dev.scoring.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.rfm.Transaction;
import dev.scoring.rfm.value.BgNbdModel;
import dev.scoring.rfm.value.CustomerSummaries;
import dev.scoring.rfm.value.CustomerSummary;
import dev.scoring.rfm.value.CustomerValue;
import dev.scoring.rfm.value.CustomerValueScorer;
import dev.scoring.rfm.value.GammaGammaModel;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customer value on Spark equals the in-memory summaries, fits and predictions on the CDNOW
 * sample (2,357 customers, calibration to 1997-09-30 in weeks): summaries exactly, the
 * published parameters to their printed digits, predictions to 1e-6.
 */
class SparkCustomerValueTest {
  private static final LocalDate END = LocalDate.of(1997, 9, 30);
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("SparkCustomerValueTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Dataset<Row> frame(List<Transaction> tx) {
    StructType schema = new StructType()
        .add("customer_id", DataTypes.StringType)
        .add("date", DataTypes.DateType)
        .add("amount", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (Transaction t : tx) {
      rows.add(RowFactory.create(t.customerId(), t.date(), t.amount()));
    }
    return spark.createDataFrame(rows, schema);
  }

  /** Rounds to {@code digits} decimals, as the figures are printed. */
  private static double printed(double value, int digits) {
    return java.math.BigDecimal.valueOf(value)
        .setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
  }

  @Test
  void cdnowSampleEqualsTheInMemoryFitAndPredictions() {
    List<Transaction> tx = SharedData.cdnow("CDNOW_sample.txt", 1);
    List<CustomerSummary> expected = CustomerSummaries.fromTransactions(tx, END,
        ChronoUnit.WEEKS);
    BgNbdModel bg = BgNbdModel.fit(expected);
    GammaGammaModel gg = GammaGammaModel.fit(expected);
    CustomerValueScorer scorer = CustomerValueScorer.builder(bg).spendModel(gg)
        .horizon(52).steps(12).discountRate(0.01).build();

    SparkCustomerValue.Result result = SparkCustomerValue.of(END, ChronoUnit.WEEKS)
        .horizon(52, 12, 0.01).score(frame(tx));

    // the published figures (Fader, Hardie and Lee 2005; Fader and Hardie 2013), as printed
    assertEquals(0.243, printed(result.purchases().r(), 3));
    assertEquals(4.414, printed(result.purchases().alpha(), 3));
    assertEquals(0.793, printed(result.purchases().a(), 3));
    assertEquals(2.426, printed(result.purchases().b(), 3));
    assertEquals(6.25, printed(result.spend().p(), 2));
    assertEquals(3.74, printed(result.spend().q(), 2));
    assertEquals(15.44, printed(result.spend().v(), 2));
    // and the in-memory fit to the same digits
    assertEquals(printed(bg.r(), 3), printed(result.purchases().r(), 3));
    assertEquals(printed(bg.alpha(), 3), printed(result.purchases().alpha(), 3));
    assertEquals(printed(bg.a(), 3), printed(result.purchases().a(), 3));
    assertEquals(printed(bg.b(), 3), printed(result.purchases().b(), 3));
    assertEquals(printed(gg.p(), 2), printed(result.spend().p(), 2));
    assertEquals(printed(gg.q(), 2), printed(result.spend().q(), 2));
    assertEquals(printed(gg.v(), 2), printed(result.spend().v(), 2));

    Map<String, Row> rows = new HashMap<>();
    for (Row r : result.customers().collectAsList()) {
      rows.put(r.getString(0), r);
    }
    assertEquals(2357, rows.size());
    for (CustomerSummary c : expected) {
      Row r = rows.get(c.customerId());
      assertEquals(c.frequency(), r.getInt(1), c.customerId());
      assertEquals(c.recency(), r.getDouble(2), c.customerId());
      assertEquals(c.age(), r.getDouble(3), c.customerId());
      assertEquals(c.meanValue(), r.getDouble(4), 1e-9 * Math.max(1, c.meanValue()));
      CustomerValue v = scorer.value(c);
      // the two fits stop within about 1e-7 of each other: predictions agree to 1e-5 relative
      assertEquals(v.probabilityAlive(), r.getDouble(5), 1e-5, c.customerId());
      assertEquals(v.expectedPurchases(), r.getDouble(6),
          1e-5 * Math.max(1, v.expectedPurchases()), c.customerId());
      assertEquals(v.expectedAverageValue().getAsDouble(), r.getDouble(7),
          1e-5 * v.expectedAverageValue().getAsDouble(), c.customerId());
      assertEquals(v.clv().getAsDouble(), r.getDouble(8),
          1e-5 * Math.max(1, v.clv().getAsDouble()), c.customerId());
    }
  }
}
