package dev.scoring.rfm;

import java.util.Objects;

/**
 * A CSV row that did not become a {@link Transaction}, with its line number and why.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param line    the 1-based line where the row starts (the header is line 1)
 * @param reason  why the row was not used
 * @param message what was wrong, in the form {@code <where> must be <constraint>, but was
 *                <value>}, naming the line
 */
public record RejectedRow(long line, Reason reason, String message) {

  /**
   * Checks the references.
   *
   * @param line the 1-based line where the row starts (the header is line 1)
   * @param reason why the row was not used
   * @param message what was wrong, in the form {@code <where> must be <constraint>, but was
   *     <value>}, naming the line
   * @throws NullPointerException if {@code reason} or {@code message} is null
   */
  public RejectedRow {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** Why a row was not used, in the order the reader checks. */
  public enum Reason {
    /**
     * The row cannot be read: a column is missing, an extra column is not empty, or the
     * date, amount, quantity or price does not parse or is not finite.
     */
    MALFORMED,
    /** The customer id is empty. */
    MISSING_CUSTOMER,
    /** A return or cancellation left out by {@link ReturnPolicy#EXCLUDE}. */
    RETURN,
    /** An amount of exactly 0, left out when the reader excludes zero amounts. */
    ZERO_AMOUNT
  }
}
