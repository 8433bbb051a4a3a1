package dev.scoring.core;

import java.util.List;
import java.util.Objects;

/**
 * A demographic rule, or a negative rule on attributes: {@code points} when all its
 * conditions match, else nothing.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param id         the rule id
 * @param conditions the conditions, all of which must match; at least one
 * @param points     the points, finite and non-zero
 */
public record AttributeRule(String id, List<Condition> conditions, double points)
    implements Rule {

  /**
   * Copies the conditions.
   *
   * @param id         the rule id
   * @param conditions the conditions, all of which must match; at least one
   * @param points     the points, finite and non-zero
   */
  public AttributeRule {
    Objects.requireNonNull(id, "id");
    conditions = List.copyOf(conditions);
  }
}
