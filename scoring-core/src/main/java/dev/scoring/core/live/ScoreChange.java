package dev.scoring.core.live;

import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.live.TierChange.Cause;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a contact's score history (see {@link LiveScorer.Builder#scoreHistory(int)}):
 * an operation, sweep or model swap that changed the contact's score, with what changed most.
 * What a sales team reads when it asks "why is this lead hot now".
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param previous  the score the scorer had for the contact before (as of its own instant),
 *                  empty for a contact it had never seen
 * @param current   the new score, exactly the model's score of the stored history as of
 *                  {@code current.asOf()}
 * @param cause     what changed it
 * @param event     the event recorded, present exactly when the cause is {@link Cause#EVENT}
 * @param rule      the id of the rule whose points changed most between the two scores (the
 *                  first such rule in table order on a tie); empty when no rule's points
 *                  changed (only a cap or the scale moved the score), for a contact the
 *                  scorer had never seen, for a model change (the two scores come from
 *                  different tables) and for models that are not scoring tables
 * @param ruleDelta the points that rule gained (negative: lost); 0 when {@code rule} is empty
 */
public record ScoreChange(Optional<Score> previous, Score current, Cause cause,
    Optional<Event> event, Optional<String> rule, double ruleDelta) {

  /**
   * Validates the components.
   *
   * @param previous the {@code previous} component
   * @param current the {@code current} component
   * @param cause the {@code cause} component
   * @param event the {@code event} component
   * @param rule the {@code rule} component
   * @param ruleDelta the {@code ruleDelta} component
   * @throws NullPointerException     if a component is null
   * @throws IllegalArgumentException if the event is present for a cause other than
   *                                  {@link Cause#EVENT} or absent for it
   */
  public ScoreChange {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(rule, "rule");
    if (event.isPresent() != (cause == Cause.EVENT)) {
      throw new IllegalArgumentException("score change event must be present exactly when the "
          + "cause is EVENT, but was " + event + " with cause " + cause);
    }
  }

  /**
   * Returns whether the tier changed too.
   *
   * @return whether the tier changed too
   */
  public boolean tierChanged() {
    return previous.isEmpty() || !previous.get().tier().equals(current.tier());
  }
}
