package dev.scoring.rfm;

/**
 * What to do with returns and cancellations: transactions with a negative amount, and CSV
 * rows that an explicit flag column or a cancelled-order prefix marks as such.
 *
 * <p>The same policy is used by {@link TransactionCsvReader} (per row) and by {@link Rfm}
 * (per transaction). In every case a return is never counted as a purchase: it does not
 * raise the frequency and does not move the last-purchase day.
 */
public enum ReturnPolicy {
  /**
   * The default, and the usual RFM cleaning: returns are left out. The CSV reader reports
   * each such row as {@link RejectedRow.Reason#RETURN} with its line number; {@link Rfm}
   * counts them in {@link RfmResult#excludedReturns()}.
   */
  EXCLUDE,
  /**
   * Returns are kept as negative amounts and reduce the customer's revenue (net revenue), so
   * monetary is the net sum (or net sum per order). A customer left with only returns and no
   * purchase before the analysis date gets no RFM row and is counted in
   * {@link RfmResult#customersWithoutPurchase()}.
   */
  NET
}
