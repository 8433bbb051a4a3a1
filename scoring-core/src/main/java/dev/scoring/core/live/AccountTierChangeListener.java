package dev.scoring.core.live;

/**
 * Told when an account's tier changes, up or down. Register with
 * {@link LiveScorer.Builder#accountListener(AccountTierChangeListener)}.
 *
 * <p>The same contract as {@link TierChangeListener}: each change is delivered exactly once,
 * the changes of one account in order of {@link AccountTierChange#sequence()}, by the threads
 * that use the scorer and outside every lock, so an implementation must be thread-safe and
 * may call the scorer back; whatever it throws is logged (level ERROR) and never reaches the
 * caller of the scorer's operation.
 */
@FunctionalInterface
public interface AccountTierChangeListener {

  /**
   * Reacts to an account tier change.
   *
   * @param change the change, never null
   */
  void onAccountTierChange(AccountTierChange change);
}
