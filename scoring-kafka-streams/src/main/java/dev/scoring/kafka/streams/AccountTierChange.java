package dev.scoring.kafka.streams;

import dev.scoring.core.AccountScore;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's move from one account tier to another, as the accounts' processor emits it
 * (SPEC section 12; the account counterpart of {@link dev.scoring.core.live.TierChange}).
 * Each account's changes form a chain (each starts where the previous one ended), numbered
 * 1, 2, 3... per account, keyed by account id.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param sequence         1 for the account's first change, then 2, 3...
 * @param accountId        the account id
 * @param previousTier     the tier before: the account base tier for the first change
 * @param previous         the account's score before, empty for its first score
 * @param current          the account's score now
 * @param cause            what moved it
 * @param modelFingerprint the fingerprint of the model (or set) in use
 */
public record AccountTierChange(long sequence, String accountId, String previousTier,
    Optional<AccountScore> previous, AccountScore current, Cause cause,
    String modelFingerprint) {

  /** What moved an account. */
  public enum Cause {
    /** A member joined or left, or a member's score moved. */
    MEMBER,
    /** The account's record (its attributes) arrived, changed or was deleted. */
    RECORD,
    /** A new model (or set) came into use. */
    MODEL_CHANGE
  }

  /**
   * Checks the parts.
   *
   * @param sequence         the sequence number
   * @param accountId        the account id
   * @param previousTier     the tier before
   * @param previous         the score before, or empty
   * @param current          the score now
   * @param cause            the cause
   * @param modelFingerprint the model's fingerprint
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if {@code sequence < 1}
   */
  public AccountTierChange {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(previousTier, "previousTier");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(modelFingerprint, "modelFingerprint");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1, but was " + sequence);
    }
  }

  /**
   * Returns the tier after the change.
   *
   * @return {@code current().tier()}
   */
  public String currentTier() {
    return current.tier();
  }
}
