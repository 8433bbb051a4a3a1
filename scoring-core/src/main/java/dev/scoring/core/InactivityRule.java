package dev.scoring.core;

import java.util.Objects;

/**
 * A negative rule for a contact gone quiet: {@code points} when the most recent non-future
 * event whose type is scored by some behavioral rule is at least {@code inactiveDays} whole
 * days old, or when there is no such event. Several inactivity rules stack.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param id           the rule id
 * @param inactiveDays the inactivity threshold in whole days, at least 1
 * @param points       the points, negative and finite
 */
public record InactivityRule(String id, int inactiveDays, double points) implements Rule {

  /**
   * Checks the references.
   *
   * @param id           the rule id
   * @param inactiveDays the inactivity threshold in whole days, at least 1
   * @param points       the points, negative and finite
   */
  public InactivityRule {
    Objects.requireNonNull(id, "id");
  }
}
