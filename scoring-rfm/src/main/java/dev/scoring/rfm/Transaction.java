package dev.scoring.rfm;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase line: a customer, the day it happened, an amount and optionally the order it
 * belongs to (several lines of one order are one purchase when counting frequency).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param customerId the customer, non-blank
 * @param date       the day of the purchase
 * @param amount     the amount, finite (negative for a return or cancellation)
 * @param orderId    the order id, or {@code null} when the input has none
 */
public record Transaction(String customerId, LocalDate date, double amount, String orderId) {

  /**
   * Validates the components.
   *
   * @param customerId the customer, non-blank
   * @param date the day of the purchase
   * @param amount the amount, finite (negative for a return or cancellation)
   * @param orderId the order id, or {@code null} when the input has none
   * @throws IllegalArgumentException if the customer id is blank, the date is null or the
   *     amount is not finite
   */
  public Transaction {
    if (customerId == null || customerId.isBlank()) {
      throw new IllegalArgumentException(
          "customerId must be a non-blank string, but was "
              + (customerId == null ? "null" : "\"" + customerId + "\""));
    }
    Objects.requireNonNull(date, "date");
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException(
          "amount of customer '" + customerId + "' must be finite, but was " + amount);
    }
  }

  /**
   * A transaction without an order id.
   *
   * @param customerId the customer
   * @param date       the day
   * @param amount     the amount
   * @return the transaction
   * @throws IllegalArgumentException if a value is invalid
   */
  public static Transaction of(String customerId, LocalDate date, double amount) {
    return new Transaction(customerId, date, amount, null);
  }
}
