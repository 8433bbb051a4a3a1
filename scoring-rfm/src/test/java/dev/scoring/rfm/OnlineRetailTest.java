package dev.scoring.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The full UCI Online Retail file (541,909 rows): every row is used or reported, and the
 * usual RFM cleaning (a customer id, Quantity &gt; 0, UnitPrice &gt; 0) gives the customers,
 * invoices and revenue of ../shared/datasets/online_retail_uci/REFERENCE.md.
 *
 * <p>The cleaning, as reader settings: amount = Quantity x UnitPrice; invoices starting
 * with "C" and negative amounts are returns, excluded; zero amounts are excluded; rows
 * without a CustomerID are reported as such. The reader checks a missing customer before a
 * return, so a cancellation without a customer counts as a missing customer.
 */
class OnlineRetailTest {
  private static final String DIR = "datasets/online_retail_uci/";
  private static TransactionCsvReader.Result read;
  private static RfmResult result;

  /** Loads once; an absent dataset skips (or fails in CI) each test with a message. */
  @BeforeEach
  void readTheWholeFile() throws IOException {
    if (result != null) {
      return;
    }
    read = TransactionCsvReader.builder()
        .customerColumn("CustomerID")
        .dateColumn("InvoiceDate")
        .dateFormat("yyyy-MM-dd HH:mm")
        .quantityTimesPrice("Quantity", "UnitPrice")
        .orderColumn("InvoiceNo")
        .cancelledOrderPrefix("C")
        .returns(ReturnPolicy.EXCLUDE)
        .excludeZeroAmounts(true)
        .build()
        .read(SharedData.file(DIR + "online_retail.csv.gz"));
    // the third party's "today": the last invoice day + 1
    result = Rfm.builder().analysisDate(LocalDate.of(2011, 12, 10)).build()
        .score(read.transactions());
  }

  @Test
  void everyRowIsUsedOrReported() {
    assertEquals(541_909, read.rows());
    assertEquals(0, read.blankLines());
    assertEquals(397_884, read.transactions().size());
    assertEquals(Map.of(RejectedRow.Reason.MALFORMED, 0L,
        RejectedRow.Reason.MISSING_CUSTOMER, 135_080L,
        RejectedRow.Reason.RETURN, 8_905L,
        RejectedRow.Reason.ZERO_AMOUNT, 40L), read.rejectedCounts());
    assertEquals(read.rows(), read.transactions().size() + read.rejected().size());
  }

  @Test
  void rejectedRowsCarryTheirLineNumbers() {
    assertEquals(new RejectedRow(143, RejectedRow.Reason.RETURN,
        "line 143 must be a purchase, but was a return or cancellation (amount -27.5, "
            + "order C536379)"), firstOf(RejectedRow.Reason.RETURN));
    assertEquals(new RejectedRow(624, RejectedRow.Reason.MISSING_CUSTOMER,
        "line 624 CustomerID must be non-empty, but was \"\""),
        firstOf(RejectedRow.Reason.MISSING_CUSTOMER));
    assertEquals(new RejectedRow(9304, RejectedRow.Reason.ZERO_AMOUNT,
        "line 9304 amount must be non-zero, but was 0"), firstOf(RejectedRow.Reason.ZERO_AMOUNT));
  }

  @Test
  void cleaningGivesTheReferenceCustomersInvoicesAndRevenue() {
    assertEquals(4_338, result.customers().size());
    assertEquals(18_532, result.summary().orders());
    assertEquals(8_911_407.90, result.summary().revenue(), 0.005);
    assertEquals(397_884, result.transactionsUsed());
    assertEquals(0, result.transactionsAfterAnalysisDate());
  }

  @Test
  void measuresMatchTheThirdPartyRfmScores() throws IOException {
    List<Map<String, String>> published = RfmRPackageTest.readCsv(
        SharedData.file(DIR + "rfm_scores_5.csv"));
    assertEquals(4_338, published.size());
    List<String> mismatches = new ArrayList<>();
    for (Map<String, String> row : published) {
      CustomerRfm c = result.find(row.get("CustomerID")).orElse(null);
      double monetary = Double.parseDouble(row.get("Monetary"));
      if (c == null || c.recencyDays() != Integer.parseInt(row.get("Recency"))
          || c.frequency() != Integer.parseInt(row.get("Frequency"))
          || Math.abs(c.monetary() - monetary) > 1e-6 * Math.max(1, Math.abs(monetary))) {
        mismatches.add(row + " vs " + c);
      }
    }
    assertEquals(List.of(), mismatches);
  }

  private static RejectedRow firstOf(RejectedRow.Reason reason) {
    return read.rejected().stream().filter(r -> r.reason() == reason).findFirst().orElseThrow();
  }
}
