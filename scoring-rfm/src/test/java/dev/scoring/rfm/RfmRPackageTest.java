package dev.scoring.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.scoring.api.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conformance with the R {@code rfm} package 0.3.0 on its example orders: the published
 * per-customer table of the vignette (all 995 rows), its segment sizes, its breakpoints and
 * the package's own unit-test figures (../shared/datasets/rfm_r_package/REFERENCE.md).
 */
class RfmRPackageTest {
  private static final String DIR = "datasets/rfm_r_package/";
  private static TransactionCsvReader.Result orders;
  private static RfmResult result;

  /** Loads once; an absent dataset skips (or fails in CI) each test with a message. */
  @BeforeEach
  void scoreTheExampleOrders() throws IOException {
    if (result != null) {
      return;
    }
    orders = TransactionCsvReader.builder()
        .customerColumn("customer_id")
        .dateColumn("order_date")
        .amountColumn("revenue")
        .build()
        .read(SharedData.file(DIR + "rfm_data_orders.csv"));
    result = Rfm.builder()
        .analysisDate(LocalDate.of(2006, 12, 31))
        .binning(Binning.rCompatible())
        .build()
        .score(orders.transactions());
  }

  @Test
  void allOrdersAreRead() {
    assertEquals(4906, orders.rows());
    assertEquals(4906, orders.transactions().size());
    assertEquals(List.of(), orders.rejected());
    assertEquals(995, result.customers().size());
    assertEquals(4906, result.customers().stream().mapToInt(CustomerRfm::frequency).sum());
  }

  @Test
  void breakpointsAreTheQuantilesPlusOne() {
    assertThresholds(List.of(115.0, 181.0, 297.4, 482.0), result.thresholds(Measure.RECENCY));
    assertThresholds(List.of(4.0, 5.0, 6.0, 8.0), result.thresholds(Measure.FREQUENCY));
    assertThresholds(List.of(255.8, 382.0, 506.4, 666.0), result.thresholds(Measure.MONETARY));
  }

  @Test
  void everyPublishedRowIsReproduced() throws IOException {
    List<Map<String, String>> published = readCsv(SharedData.file(DIR
        + "rfm_vignette_segments.csv"));
    assertEquals(995, published.size());
    List<String> mismatches = new ArrayList<>();
    for (Map<String, String> row : published) {
      String id = row.get("customer_id");
      CustomerRfm c = result.find(id).orElse(null);
      if (c == null) {
        mismatches.add(id + ": missing");
        continue;
      }
      String expected = row.get("segment") + " " + row.get("rfm_score") + " "
          + row.get("transaction_count") + " " + row.get("recency_days") + " "
          + row.get("amount") + " " + row.get("recency_score") + row.get("frequency_score")
          + row.get("monetary_score");
      String actual = c.segment() + " " + c.cell() + " " + c.frequency() + " "
          + c.recencyDays() + " " + Values.number(c.monetary()) + " " + c.r() + c.f() + c.m();
      if (!expected.equals(actual)) {
        mismatches.add(id + ": expected " + expected + ", got " + actual);
      }
    }
    assertEquals(List.of(), mismatches);
  }

  @Test
  void theFirstRowsOfTheVignetteTable() {
    CustomerRfm brion = result.find("Mr. Brion Stark Sr.").orElseThrow();
    assertEquals(229, brion.recencyDays());
    assertEquals(8, brion.frequency());
    assertEquals(852.0, brion.monetary());
    assertEquals("355", brion.cell());
    assertEquals("Potential Loyalist", brion.segment());
    assertEquals(LocalDate.of(2006, 5, 16), brion.lastPurchase());
    CustomerRfm edw = result.find("Mr. Edw Frami").orElseThrow();
    assertEquals("555", edw.cell());
    assertEquals("Champions", edw.segment());
    assertEquals(100.0, edw.score());
    assertEquals(15, edw.sum());
  }

  @Test
  void publishedSegmentSizes() {
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("Champions", 35L);
    expected.put("Potential Loyalist", 342L);
    expected.put("Loyal Customers", 170L);
    expected.put("Promising", 9L);
    expected.put("New Customers", 104L);
    expected.put("Can't Lose Them", 47L);
    expected.put("At Risk", 28L);
    expected.put("Need Attention", 10L);
    expected.put("About To Sleep", 102L);
    expected.put("Lost", 148L);
    expected.put("Others", 0L);
    assertEquals(expected, result.segmentCounts());
    assertEquals(new ArrayList<>(expected.keySet()),
        new ArrayList<>(result.segmentCounts().keySet()));
  }

  @Test
  void thePackagesOwnSegmentTestChampions() {
    // tests/testthat/test-rfm-segment.R: another segment order and other bounds
    String[] names = {"Champions", "Loyal Customers", "Potential Loyalist", "New Customers",
        "Promising", "Need Attention", "About To Sleep", "At Risk", "Can't Lose Them", "Lost"};
    int[] rLo = {4, 2, 3, 4, 3, 2, 2, 1, 1, 1};
    int[] rHi = {5, 5, 5, 5, 4, 3, 3, 2, 1, 2};
    int[] fLo = {4, 3, 1, 1, 1, 2, 1, 2, 4, 1};
    int[] fHi = {5, 5, 3, 1, 1, 3, 2, 5, 5, 2};
    int[] mLo = {4, 3, 1, 1, 1, 2, 1, 2, 4, 1};
    int[] mHi = {5, 5, 3, 1, 1, 3, 2, 5, 5, 2};
    SegmentTable.Builder table = SegmentTable.builder();
    for (int i = 0; i < names.length; i++) {
      table.segment(names[i], rLo[i], rHi[i], fLo[i], fHi[i], mLo[i], mHi[i]);
    }
    RfmResult other = result.rfm().toBuilder().segments(table.build()).build()
        .score(orders.transactions());
    SegmentSummary.Row champions = other.summary().row("Champions");
    assertEquals(158, champions.customers());
    assertEquals(1234, champions.orders());
    assertEquals(120178.0, champions.revenue());
  }

  @Test
  void quantileBinningDiffersFromTheRRuleOnlyBetweenQAndQPlusOne() {
    RfmResult quantiles = result.rfm().toBuilder().binning(Binning.quantiles()).build()
        .score(orders.transactions());
    assertThresholds(List.of(114.0, 180.0, 296.4, 481.0), quantiles.thresholds(Measure.RECENCY));
    assertThresholds(List.of(3.0, 4.0, 5.0, 7.0), quantiles.thresholds(Measure.FREQUENCY));
    assertThresholds(List.of(254.8, 381.0, 505.4, 665.0), quantiles.thresholds(Measure.MONETARY));
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < result.customers().size(); i++) {
      CustomerRfm r = result.customers().get(i);
      CustomerRfm q = quantiles.customers().get(i);
      if (!r.cell().equals(q.cell())) {
        differ.add(r.customerId() + ": recency " + r.recencyDays() + ", monetary "
            + Values.number(r.monetary()) + ", " + r.cell() + " vs " + q.cell());
      }
    }
    // only values in (q_k, q_k + 1) are binned differently: 297 days, 506 and 255
    assertEquals(List.of("Jerold Sporer: recency 135, monetary 506, 443 vs 444",
        "Katlyn Mann: recency 297, monetary 698, 345 vs 245",
        "Skylar Hoeger: recency 282, monetary 255, 321 vs 322"), differ);
  }

  static void assertThresholds(List<Double> expected, List<Double> actual) {
    assertEquals(expected.size(), actual.size(), () -> "thresholds " + actual);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), 1e-9, () -> "thresholds " + actual);
    }
  }

  static List<Map<String, String>> readCsv(Path file) throws IOException {
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
      List<Map<String, String>> rows = it.readAll();
      assertTrue(rows.size() > 0, "rows in " + file);
      return rows;
    }
  }
}
