package dev.scoring.core.analysis;

import java.util.Objects;

/**
 * Something in a scoring table that is probably a mistake.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param kind    what kind of problem
 * @param subject the rule id or tier name concerned
 * @param message a one-line explanation naming the rules, conditions or values involved
 */
public record Finding(Kind kind, String subject, String message) {

  /**
   * Checks the references.
   *
   * @param kind    what kind of problem
   * @param subject the rule id or tier name concerned
   * @param message a one-line explanation naming the rules, conditions or values involved
   */
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
  }

  /** The kinds of findings. */
  public enum Kind {
    /**
     * An attribute rule no value can satisfy: an empty range or contradictory conditions.
     * {@link dev.scoring.core.ScoringTable.Builder#build()} refuses such rules, so a built
     * table never has this finding.
     */
    NEVER_FIRES,
    /**
     * An event rule whose decay factor is 0 at every age it matches: it never adds points.
     * {@link dev.scoring.core.ScoringTable.Builder#build()} refuses such rules, so a built
     * table never has this finding.
     */
    NEVER_COUNTS,
    /** An inactivity rule that always applies, because no behavioral rule defines activity. */
    ALWAYS_APPLIES,
    /** A rule with the same conditions or event match as an earlier rule: both apply. */
    DUPLICATE,
    /** A rule that fires whenever another rule of its section fires: points add up. */
    SHADOWED,
    /**
     * A tier above {@code scale.max}: no score reaches it.
     * {@link dev.scoring.core.ScoringTable.Builder#build()} refuses such tiers, so a built
     * table never has this finding.
     */
    TIER_ABOVE_SCALE,
    /** A tier at or below {@code scale.min}: every score reaches it. */
    TIER_AT_OR_BELOW_SCALE_MIN,
    /** A tier inside the scale that no contact reaches. */
    TIER_UNREACHABLE,
    /**
     * A rate aggregate rule whose threshold is above 1: only contacts with more counted than
     * denominator events reach it (likely a percentage written as 5 instead of 0.05).
     */
    RATE_ABOVE_ONE
  }
}
