package dev.scoring.core.live;

/**
 * Told when a contact's tier changes, up or down. Register with
 * {@link LiveScorer.Builder#listener(TierChangeListener)}.
 *
 * <p>Each change is delivered exactly once, and the changes of one contact in order of
 * {@link TierChange#sequence()}; changes of different contacts may be delivered at the
 * same time from different threads, so an implementation must be thread-safe. Calls are made
 * by the threads that use the scorer, outside the contacts' locks: a listener may call the
 * scorer back (a sweep or model swap holds its own lock while it delivers, so another
 * thread's sweep waits for it). Whatever a listener throws, {@link RuntimeException} or
 * {@link Error}, is logged (level ERROR) and neither stops delivery to the other listeners
 * and of the next changes nor reaches the caller of the scorer's operation, whose effect is
 * already stored.
 */
@FunctionalInterface
public interface TierChangeListener {

  /**
   * Reacts to a tier change.
   *
   * @param change the change, never null
   */
  void onTierChange(TierChange change);
}
