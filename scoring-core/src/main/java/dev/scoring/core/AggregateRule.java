package dev.scoring.core;

import java.util.Objects;

/**
 * An aggregate rule (SPEC section 9), behavioral ({@code points > 0}) or negative
 * ({@code points < 0}): {@code points} once when the measured value is defined and satisfies
 * the operator, else nothing. Aggregates never decay.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param id     the rule id
 * @param when   the measure and the operator
 * @param points the points, finite and non-zero
 */
public record AggregateRule(String id, Aggregate when, double points) implements Rule {

  /**
   * Checks the references.
   *
   * @param id the rule id
   * @param when the measure and the operator
   * @param points the points, finite and non-zero
   */
  public AggregateRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(when, "when");
  }
}
