package dev.scoring.core.live;

import dev.scoring.api.Event;
import dev.scoring.api.Score;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact moved from one tier to another: what a {@link TierChangeListener} is told and
 * what {@link LiveScorer#sweep} and {@link LiveScorer#swapModel} report.
 *
 * <p>For one contact the changes form a chain: each change's {@link #previousTier()} is the
 * {@link #currentTier()} of the change before it (or the model's base tier for the first
 * change of a contact the scorer had never seen), and the two tiers always differ.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param sequence         increasing across the scorer: for one contact, changes are delivered
 *                         in increasing sequence
 * @param contactId        the contact's id
 * @param previousTier     the tier the contact was in
 * @param previous         the score in the previous tier, empty for a contact the scorer had
 *                         never seen (its previous tier is then the model's base tier). For a
 *                         change caused by an event it is the score of the history without
 *                         the event as of the same instant as {@code current}
 * @param current          the new score, exactly the model's score of the stored history as of
 *                         {@code current.asOf()}
 * @param cause            why the tier changed
 * @param event            the event that caused the change, present exactly when the cause is
 *                         {@link Cause#EVENT}
 * @param modelFingerprint the {@link dev.scoring.api.ScoringModel#fingerprint() fingerprint}
 *                         of the model that computed {@code current}
 */
public record TierChange(long sequence, String contactId, String previousTier,
    Optional<Score> previous, Score current, Cause cause, Optional<Event> event,
    String modelFingerprint) {

  /**
   * Validates the components.
   *
   * @param sequence the {@code sequence} component
   * @param contactId the {@code contactId} component
   * @param previousTier the {@code previousTier} component
   * @param previous the {@code previous} component
   * @param current the {@code current} component
   * @param cause the {@code cause} component
   * @param event the {@code event} component
   * @param modelFingerprint the {@code modelFingerprint} component
   * @throws NullPointerException     if a component is null
   * @throws IllegalArgumentException if the tiers are equal, or the event is present for a
   *                                  cause other than {@link Cause#EVENT} or absent for it
   */
  public TierChange {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(previousTier, "previousTier");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(modelFingerprint, "modelFingerprint");
    if (previousTier.equals(current.tier())) {
      throw new IllegalArgumentException("tier change of contact '" + contactId
          + "' previousTier must differ from the current tier, but was \"" + previousTier + "\"");
    }
    if (event.isPresent() != (cause == Cause.EVENT)) {
      throw new IllegalArgumentException("tier change of contact '" + contactId
          + "' event must be present exactly when the cause is EVENT, but was " + event
          + " with cause " + cause);
    }
  }

  /**
   * Returns the name of the table whose tier changed: {@code current().modelName()}. A
   * scorer of a {@link dev.scoring.core.ModelSet} reports each table's changes under its own
   * name; a scorer of one model, that model's name.
   *
   * @return the table's name
   */
  public String table() {
    return current.modelName();
  }

  /**
   * Returns the new tier, {@code current().tier()}.
   *
   * @return the new tier, {@code current().tier()}
   */
  public String currentTier() {
    return current.tier();
  }

  @Override
  public String toString() {
    return "TierChange{#" + sequence + " " + contactId + ": " + previousTier + " -> "
        + current.tier() + " (" + current.score() + " as of " + current.asOf() + ", "
        + cause + event.map(e -> " " + e).orElse("") + ", model " + current.modelName() + " v"
        + current.modelVersion() + ")}";
  }

  /** Why a contact's tier changed. */
  public enum Cause {
    /** An event recorded with {@link LiveScorer#record}. */
    EVENT,
    /** The contact was replaced with {@link LiveScorer#upsert}. */
    UPSERT,
    /**
     * Time passed: decay, an event leaving a rule's window, an inactivity rule starting to
     * apply, or a future-dated event coming due. Found by {@link LiveScorer#sweep}, or by an
     * operation on the contact before the change it makes itself.
     */
    TIME,
    /** A new model was swapped in with {@link LiveScorer#swapModel}. */
    MODEL_CHANGE
  }
}
