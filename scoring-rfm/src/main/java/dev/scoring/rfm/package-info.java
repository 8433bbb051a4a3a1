/**
 * RFM (recency, frequency, monetary) scores and segments from transactions.
 *
 * <p>{@link dev.scoring.rfm.Transaction}s come from Java code or from a CSV file through a
 * {@link dev.scoring.rfm.TransactionCsvReader}, which reports every row it does not use as a
 * {@link dev.scoring.rfm.RejectedRow} with its line number (inside, {@code RowSource} splits
 * CSV or whitespace-separated text into fields and {@code RowParser} checks each row).
 * Amounts are decimal (SPEC section 8): a customer's monetary sum is the double nearest to the
 * exact decimal total of its amounts. An {@link dev.scoring.rfm.Rfm}
 * analysis turns them into an {@link dev.scoring.rfm.RfmResult}: per customer a
 * {@link dev.scoring.rfm.CustomerRfm} with recency, frequency and monetary measures, scores
 * {@code 1..n} cut by a {@link dev.scoring.rfm.Binning} (type-7 quantiles, the R {@code rfm}
 * package's rule, or fixed breakpoints), a cell code, a 0..100 score and a segment from a
 * {@link dev.scoring.rfm.SegmentTable}; and for all customers a
 * {@link dev.scoring.rfm.SegmentSummary} and an {@link dev.scoring.rfm.RfmGrid}.
 *
 * <pre>{@code
 * TransactionCsvReader.Result read = TransactionCsvReader.builder()
 *     .dateColumn("order_date").amountColumn("revenue").build()
 *     .read(Path.of("orders.csv"));
 * RfmResult rfm = Rfm.builder().analysisDate(LocalDate.of(2006, 12, 31)).build()
 *     .score(read.transactions());
 * System.out.println(rfm.summary());
 * }</pre>
 *
 * <p>Results become contact attributes ({@code rfm_segment}, {@code rfm_score}, ...) through
 * {@link dev.scoring.rfm.CustomerRfm#toAttributes()} and
 * {@link dev.scoring.rfm.RfmResult#enrich(dev.scoring.api.Contact)}, so a
 * {@link dev.scoring.api.ScoringModel} can mix RFM with other rules.
 *
 * <p>All public types are immutable and thread-safe, except the builders.
 */
package dev.scoring.rfm;
