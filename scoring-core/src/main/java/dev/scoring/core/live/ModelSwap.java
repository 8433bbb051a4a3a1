package dev.scoring.core.live;

import dev.scoring.api.ScoringModel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link LiveScorer#swapModel(ScoringModel)} did.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param previous the model swapped out
 * @param current  the model swapped in
 * @param asOf     the instant the swap rescored the stored contacts as of (contacts that an
 *                 operation moved to the new model first were rescored as of that
 *                 operation's instant)
 * @param contacts how many stored contacts were rescored
 * @param changes  the tier changes of the rescoring (delivered to the listeners too), in
 *                 order of sequence: for each contact, a {@link TierChange.Cause#TIME} change
 *                 when time alone had moved it under the old model, then a
 *                 {@link TierChange.Cause#MODEL_CHANGE} change when the new model puts it
 *                 in another tier
 * @param report   each rescored contact's tier under the old model against its tier under
 *                 the new one, both as of the same instant
 */
public record ModelSwap(ScoringModel previous, ScoringModel current, Instant asOf,
    int contacts, List<TierChange> changes, TierReport report) {

  /**
   * Copies the changes.
   *
   * @param previous the {@code previous} component
   * @param current the {@code current} component
   * @param asOf the {@code asOf} component
   * @param contacts the {@code contacts} component
   * @param changes the {@code changes} component
   * @param report the {@code report} component
   * @throws NullPointerException if a component is null
   */
  public ModelSwap {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(asOf, "asOf");
    changes = List.copyOf(changes);
    Objects.requireNonNull(report, "report");
  }
}
