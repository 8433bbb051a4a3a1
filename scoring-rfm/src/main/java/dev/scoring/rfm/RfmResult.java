package dev.scoring.rfm;

import dev.scoring.api.Contact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of an {@link Rfm} analysis: one {@link CustomerRfm} per customer with a
 * purchase on or before the analysis date, sorted by customer id, the thresholds that were
 * used, and counts of what was left out.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RfmResult {
  private final Rfm rfm;
  private final List<CustomerRfm> customers;
  private final double[] recencyThresholds;
  private final double[] frequencyThresholds;
  private final double[] monetaryThresholds;
  private final long transactionsUsed;
  private final long transactionsAfterAnalysisDate;
  private final long excludedReturns;
  private final long customersWithoutPurchase;

  RfmResult(Rfm rfm, List<CustomerRfm> customers, double[] recencyThresholds,
      double[] frequencyThresholds, double[] monetaryThresholds, long transactionsUsed,
      long transactionsAfterAnalysisDate, long excludedReturns, long customersWithoutPurchase) {
    this.rfm = rfm;
    this.customers = Collections.unmodifiableList(customers);
    this.recencyThresholds = recencyThresholds;
    this.frequencyThresholds = frequencyThresholds;
    this.monetaryThresholds = monetaryThresholds;
    this.transactionsUsed = transactionsUsed;
    this.transactionsAfterAnalysisDate = transactionsAfterAnalysisDate;
    this.excludedReturns = excludedReturns;
    this.customersWithoutPurchase = customersWithoutPurchase;
  }

  /**
   * Returns the analysis that produced this result.
   *
   * @return the analysis that produced this result
   */
  public Rfm rfm() {
    return rfm;
  }

  /**
   * Returns the analysis date.
   *
   * @return the analysis date
   */
  public LocalDate analysisDate() {
    return rfm.analysisDate();
  }

  /**
   * Returns the customers sorted by id, unmodifiable.
   *
   * @return the customers sorted by id, unmodifiable
   */
  public List<CustomerRfm> customers() {
    return customers;
  }

  /**
   * Finds one customer.
   *
   * @param customerId the customer id
   * @return the customer's result, or empty when the customer has no purchase on or before
   *     the analysis date
   */
  public Optional<CustomerRfm> find(String customerId) {
    int lo = 0;
    int hi = customers.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = customers.get(mid).customerId().compareTo(customerId);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return Optional.of(customers.get(mid));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the thresholds used for one measure: the quantiles {@code q_k} (quantile
   * binning), {@code q_k + 1} (R-compatible binning, the R package's breakpoints) or the
   * user's breakpoints (fixed binning); empty when there are no customers.
   *
   * @param measure the measure
   * @return the {@code n - 1} thresholds in increasing order
   */
  public List<Double> thresholds(Measure measure) {
    double[] t;
    switch (measure) {
      case RECENCY:
        t = recencyThresholds;
        break;
      case FREQUENCY:
        t = frequencyThresholds;
        break;
      default:
        t = monetaryThresholds;
    }
    return Arrays.stream(t).boxed().toList();
  }

  /**
   * Returns the number of transactions that went into the measures.
   *
   * @return the number of transactions that went into the measures
   */
  public long transactionsUsed() {
    return transactionsUsed;
  }

  /**
   * Returns the number of transactions dated after the analysis date, which were ignored.
   *
   * @return the number of transactions dated after the analysis date, which were ignored
   */
  public long transactionsAfterAnalysisDate() {
    return transactionsAfterAnalysisDate;
  }

  /**
   * Returns the number of negative-amount transactions left out by {@link ReturnPolicy#EXCLUDE}.
   *
   * @return the number of negative-amount transactions left out by {@link ReturnPolicy#EXCLUDE}
   */
  public long excludedReturns() {
    return excludedReturns;
  }

  /**
   * {@return the number of customers with transactions on or before the analysis date but no
   * purchase (only returns, under {@link ReturnPolicy#NET}); they have no RFM row}
   */
  public long customersWithoutPurchase() {
    return customersWithoutPurchase;
  }

  /**
   * Returns the number of customers per segment, in segment-table order followed by the
   * other name, including empty segments.
   *
   * @return segment name to customer count, unmodifiable
   */
  public Map<String, Long> segmentCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (SegmentSummary.Row row : summary().rows()) {
      counts.put(row.segment(), row.customers());
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Returns the per-segment summary: customers, orders, revenue, average order value and
   * shares.
   *
   * @return the summary
   */
  public SegmentSummary summary() {
    return SegmentSummary.of(rfm.segments(), customers);
  }

  /**
   * Returns the R x F grid of customer counts and mean monetary values.
   *
   * @return the grid
   */
  public RfmGrid grid() {
    return RfmGrid.of(rfm.bins(), customers);
  }

  /**
   * Returns a contact with the customer's RFM attributes added (see
   * {@link CustomerRfm#toAttributes()}); existing attributes of the same names are
   * replaced. A contact whose id has no RFM row is returned unchanged.
   *
   * @param contact a contact whose id is a customer id
   * @return the enriched contact
   */
  public Contact enrich(Contact contact) {
    Optional<CustomerRfm> row = find(contact.id());
    if (row.isEmpty()) {
      return contact;
    }
    return contact.toBuilder().attributes(row.get().toAttributes()).build();
  }

  /**
   * Returns every customer as a {@link Contact} carrying its RFM attributes.
   *
   * @return the contacts, sorted by id
   */
  public List<Contact> toContacts() {
    List<Contact> contacts = new ArrayList<>(customers.size());
    for (CustomerRfm c : customers) {
      contacts.add(c.toContact());
    }
    return Collections.unmodifiableList(contacts);
  }

  @Override
  public String toString() {
    return "RfmResult{customers=" + customers.size() + ", analysisDate=" + analysisDate()
        + ", transactionsUsed=" + transactionsUsed + "}";
  }
}
