package dev.scoring.rfm;

import dev.scoring.api.Contact;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One customer's RFM result as of an analysis date: the three measures, the three scores,
 * the cell code, the 0..100 score and the segment.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param customerId   the customer
 * @param lastPurchase the day of the customer's last purchase on or before the analysis date
 * @param recencyDays  whole days from {@code lastPurchase} to the analysis date, at least 0
 * @param frequency    the number of purchases, or of distinct orders when the transactions
 *                     carry order ids (transactions without an order id count one each)
 * @param revenue      the sum of the customer's amounts (net of returns under
 *                     {@link ReturnPolicy#NET})
 * @param monetary     the monetary measure: {@code revenue}, or {@code revenue / frequency}
 *                     under {@link Monetary#MEAN_PER_ORDER}
 * @param r            the recency score, 1..n, higher for more recent customers
 * @param f            the frequency score, 1..n
 * @param m            the monetary score, 1..n
 * @param score        the weighted 0..100 score,
 *                     {@code 100 (wR(R-1) + wF(F-1) + wM(M-1)) / ((n-1)(wR+wF+wM))}
 * @param segment      the name of the first matching segment, or the table's other name
 */
public record CustomerRfm(String customerId, LocalDate lastPurchase, int recencyDays,
    int frequency, double revenue, double monetary, int r, int f, int m, double score,
    String segment) {

  /** Attribute name of {@link #segment()}, a string. */
  public static final String SEGMENT = "rfm_segment";
  /** Attribute name of {@link #score()}, a number 0..100. */
  public static final String SCORE = "rfm_score";
  /** Attribute name of {@link #cell()}, a string such as {@code "355"}. */
  public static final String CELL = "rfm_cell";
  /** Attribute name of {@link #r()}, a whole number. */
  public static final String R = "rfm_r";
  /** Attribute name of {@link #f()}, a whole number. */
  public static final String F = "rfm_f";
  /** Attribute name of {@link #m()}, a whole number. */
  public static final String M = "rfm_m";
  /** Attribute name of {@link #sum()}, a whole number. */
  public static final String SUM = "rfm_sum";
  /** Attribute name of {@link #recencyDays()}, a whole number. */
  public static final String RECENCY_DAYS = "rfm_recency_days";
  /** Attribute name of {@link #frequency()}, a whole number. */
  public static final String FREQUENCY = "rfm_frequency";
  /** Attribute name of {@link #monetary()}, a number. */
  public static final String MONETARY = "rfm_monetary";
  /** Attribute name of {@link #revenue()}, a number. */
  public static final String REVENUE = "rfm_revenue";
  /** Attribute name of {@link #lastPurchase()}, an ISO date string such as "2006-05-16". */
  public static final String LAST_PURCHASE = "rfm_last_purchase";

  /**
   * Checks that the references are present.
   *
   * @param customerId the customer
   * @param lastPurchase the day of the customer's last purchase on or before the analysis date
   * @param recencyDays whole days from {@code lastPurchase} to the analysis date, at least 0
   * @param frequency the number of purchases, or of distinct orders when the transactions carry
   *     order ids (transactions without an order id count one each)
   * @param revenue the sum of the customer's amounts (net of returns under {@link
   *     ReturnPolicy#NET})
   * @param monetary the monetary measure: {@code revenue}, or {@code revenue / frequency} under
   *     {@link Monetary#MEAN_PER_ORDER}
   * @param r the recency score, 1..n, higher for more recent customers
   * @param f the frequency score, 1..n
   * @param m the monetary score, 1..n
   * @param score the weighted 0..100 score, {@code 100 (wR(R-1) + wF(F-1) + wM(M-1)) /
   *     ((n-1)(wR+wF+wM))}
   * @param segment the name of the first matching segment, or the table's other name
   * @throws NullPointerException if {@code customerId}, {@code lastPurchase} or
   *     {@code segment} is null
   */
  public CustomerRfm {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(lastPurchase, "lastPurchase");
    Objects.requireNonNull(segment, "segment");
  }

  /**
   * Returns the cell code: the digits R, F and M, such as {@code "355"}.
   *
   * @return the cell code: the digits R, F and M, such as {@code "355"}
   */
  public String cell() {
    return new String(new char[] {(char) ('0' + r), (char) ('0' + f), (char) ('0' + m)});
  }

  /**
   * Returns {@code R + F + M}.
   *
   * @return {@code R + F + M}
   */
  public int sum() {
    return r + f + m;
  }

  /**
   * Returns this result as contact attributes, for a {@code ScoringModel} whose rules test
   * them (for example {@code attribute("rfm_segment").equalTo("Champions")}): the keys are
   * the constants of this class ({@value #SEGMENT}, {@value #SCORE}, {@value #CELL},
   * {@value #R}, {@value #F}, {@value #M}, {@value #SUM}, {@value #RECENCY_DAYS},
   * {@value #FREQUENCY}, {@value #MONETARY}, {@value #REVENUE}, {@value #LAST_PURCHASE});
   * whole numbers are {@link Long}, other numbers {@link Double}.
   *
   * @return a new unmodifiable map in the order listed
   */
  public Map<String, Object> toAttributes() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(SEGMENT, segment);
    map.put(SCORE, score);
    map.put(CELL, cell());
    map.put(R, (long) r);
    map.put(F, (long) f);
    map.put(M, (long) m);
    map.put(SUM, (long) sum());
    map.put(RECENCY_DAYS, (long) recencyDays);
    map.put(FREQUENCY, (long) frequency);
    map.put(MONETARY, monetary);
    map.put(REVENUE, revenue);
    map.put(LAST_PURCHASE, lastPurchase.toString());
    return java.util.Collections.unmodifiableMap(map);
  }

  /**
   * Returns a contact with this customer's id and {@linkplain #toAttributes() RFM
   * attributes}.
   *
   * @return a new contact
   */
  public Contact toContact() {
    return Contact.builder(customerId).attributes(toAttributes()).build();
  }
}
