package dev.scoring.core.live;

import dev.scoring.core.AccountScore;
import java.util.Objects;
import java.util.Optional;

/**
 * An account moved from one account tier to another (SPEC section 12): what an
 * {@link AccountTierChangeListener} of a {@link LiveScorer} is told, and what the Kafka
 * Streams topology of {@code dev.scoring.kafka.streams} writes to its account tier-changes
 * topic, when a member, an account record, a sweep or a model swap moves an account across
 * a threshold of its table's {@code account} block.
 *
 * <p>For one account of one table the changes form a chain: each change's
 * {@link #previousTier()} is the {@link #currentTier()} of the change before it (or the
 * block's base tier for the account's first change), and the two tiers always differ.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param sequence     at least 1; for one account, strictly increasing in the order the
 *                     changes happen (the live scorer counts across all its account changes,
 *                     the Kafka topology 1, 2, 3... per account)
 * @param table        the name of the table whose account block scored the account
 * @param accountId    the account's id
 * @param previousTier the tier the account was in
 * @param previous     the account's previous score, empty for its first one (its previous
 *                     tier is then the block's base tier)
 * @param current      the new score, exactly {@code AccountRules.score} of the account's
 *                     record and its members' current scores
 * @param cause        why the tier changed
 * @param contactId    the member whose change moved the account: present when the cause is
 *                     {@link Cause#MEMBER} and the member is known (the live scorer always
 *                     names it), empty for every other cause
 * @param modelFingerprint the {@link dev.scoring.api.ScoringModel#fingerprint() fingerprint}
 *                     of what computed {@code current}: the table's for the live scorer, the
 *                     model (or model set) in use for the Kafka topology, as its contact tier
 *                     changes carry
 */
public record AccountTierChange(long sequence, String table, String accountId,
    String previousTier, Optional<AccountScore> previous, AccountScore current, Cause cause,
    Optional<String> contactId, String modelFingerprint) {

  /**
   * Validates the components.
   *
   * @param sequence the {@code sequence} component
   * @param table the {@code table} component
   * @param accountId the {@code accountId} component
   * @param previousTier the {@code previousTier} component
   * @param previous the {@code previous} component
   * @param current the {@code current} component
   * @param cause the {@code cause} component
   * @param contactId the {@code contactId} component
   * @param modelFingerprint the {@code modelFingerprint} component
   * @throws NullPointerException     if a component is null
   * @throws IllegalArgumentException if {@code sequence < 1}, the tiers are equal, or a
   *                                  contact is named for a cause other than
   *                                  {@link Cause#MEMBER}
   */
  public AccountTierChange {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(previousTier, "previousTier");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(modelFingerprint, "modelFingerprint");
    if (sequence < 1) {
      throw new IllegalArgumentException("tier change of account '" + accountId
          + "' sequence must be at least 1, but was " + sequence);
    }
    if (previousTier.equals(current.tier())) {
      throw new IllegalArgumentException("tier change of account '" + accountId
          + "' previousTier must differ from the current tier, but was \"" + previousTier
          + "\"");
    }
    if (contactId.isPresent() && cause != Cause.MEMBER) {
      throw new IllegalArgumentException("tier change of account '" + accountId
          + "' contactId must be empty unless the cause is MEMBER, but was " + contactId
          + " with cause " + cause);
    }
  }

  /**
   * Returns the new tier, {@code current().tier()}.
   *
   * @return the new tier
   */
  public String currentTier() {
    return current.tier();
  }

  @Override
  public String toString() {
    return "AccountTierChange{#" + sequence + " " + table + "/" + accountId + ": "
        + previousTier + " -> " + current.tier() + " (" + current.score() + ", "
        + current.members() + " members, " + cause + contactId.map(c -> " " + c).orElse("")
        + ")}";
  }

  /** Why an account's tier changed. */
  public enum Cause {
    /**
     * A member's score moved, or a contact joined or left the account (by an event, an
     * upsert that changed its score or its key, or its removal); {@link #contactId()} names
     * it when known.
     */
    MEMBER,
    /** The account's record (its attributes) arrived, changed or was deleted. */
    RECORD,
    /**
     * Time passed: a sweep of the live scorer recomputed the account from its members'
     * swept scores.
     */
    TIME,
    /** A new model (or model set) came into use. */
    MODEL_CHANGE
  }
}
