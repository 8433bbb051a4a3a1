package dev.scoring.core.live;

import dev.scoring.core.AccountScore;
import dev.scoring.core.live.TierChange.Cause;
import java.util.Objects;
import java.util.Optional;

/**
 * An account moved from one account tier to another (SPEC section 12): what an
 * {@link AccountTierChangeListener} is told when a member's score change, an account record
 * or a model swap moves an account across a threshold of its table's {@code account} block.
 *
 * <p>For one account of one table the changes form a chain: each change's
 * {@link #previousTier()} is the {@link #currentTier()} of the change before it (or the
 * block's base tier for the account's first change), and the two tiers always differ.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param sequence     increasing across the scorer's account changes: for one account,
 *                     changes are delivered in increasing sequence
 * @param table        the name of the table whose account block scored the account
 * @param accountId    the account's id
 * @param previousTier the tier the account was in
 * @param previous     the account's previous score, empty for its first one (its previous
 *                     tier is then the block's base tier)
 * @param current      the new score, exactly {@code AccountRules.score} of the account's
 *                     record and its members' current scores
 * @param cause        why: {@link Cause#EVENT} or {@link Cause#UPSERT} of the member named by
 *                     {@code contactId} (an upsert also when it joined or left the account,
 *                     or was removed), {@link Cause#UPSERT} of the account record (no
 *                     contact), {@link Cause#TIME} (a sweep), {@link Cause#MODEL_CHANGE}
 * @param contactId    the member whose operation moved the account, when one did
 * @param modelFingerprint the {@link dev.scoring.api.ScoringModel#fingerprint() fingerprint}
 *                     of the table whose account block computed {@code current}
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
   * @throws IllegalArgumentException if the tiers are equal
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
    if (previousTier.equals(current.tier())) {
      throw new IllegalArgumentException("tier change of account '" + accountId
          + "' previousTier must differ from the current tier, but was \"" + previousTier
          + "\"");
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
}
