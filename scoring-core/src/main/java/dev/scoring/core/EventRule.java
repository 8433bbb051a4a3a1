package dev.scoring.core;

import java.util.Objects;

/**
 * A behavioral rule, or a negative rule on events: {@code points * sum(factor(age))} over the
 * counted events (see {@link EventMatch}).
 *
 * <p>In a built {@link ScoringTable} the match's {@code decays} is always set (the section
 * default resolved).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param id     the rule id
 * @param match  which events count
 * @param points the points per counted event before decay, finite and non-zero
 */
public record EventRule(String id, EventMatch match, double points) implements Rule {

  /**
   * Checks the references.
   *
   * @param id     the rule id
   * @param match  which events count
   * @param points the points per counted event before decay, finite and non-zero
   */
  public EventRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(match, "match");
  }

  /**
   * Returns whether the model's decay applies to this rule.
   *
   * @return whether it decays, false when unset
   */
  public boolean decays() {
    return match.decays().orElse(false);
  }
}
