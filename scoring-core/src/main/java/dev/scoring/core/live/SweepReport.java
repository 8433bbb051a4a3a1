package dev.scoring.core.live;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LiveScorer#sweep(Instant)} found.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param asOf          the instant the stored contacts were scored as of
 * @param previousSweep the instant of the previous sweep, empty for the first
 * @param contacts      how many stored contacts were scored
 * @param changes       the tier changes this sweep made (and delivered to the listeners), in
 *                      order of sequence: contacts whose tier as of {@code asOf} differs from
 *                      the last tier the scorer had for them
 * @param sincePrevious for every contact scored, its tier at this sweep against its tier at
 *                      the previous sweep (a contact not scored by the previous sweep entered
 *                      its tier), whatever happened in between: the "who crossed the
 *                      threshold this week" report
 */
public record SweepReport(Instant asOf, Optional<Instant> previousSweep, int contacts,
    List<TierChange> changes, TierReport sincePrevious) {

  /**
   * Copies the changes.
   *
   * @param asOf the {@code asOf} component
   * @param previousSweep the {@code previousSweep} component
   * @param contacts the {@code contacts} component
   * @param changes the {@code changes} component
   * @param sincePrevious the {@code sincePrevious} component
   * @throws NullPointerException if a component is null
   */
  public SweepReport {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(previousSweep, "previousSweep");
    changes = List.copyOf(changes);
    Objects.requireNonNull(sincePrevious, "sincePrevious");
  }
}
