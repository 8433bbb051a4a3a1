package dev.scoring.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What an attribute rule requires: one {@link Condition} or several that must all match.
 * A single condition is itself a {@code Criteria}; {@link #and(Condition)} adds more.
 *
 * <pre>{@code
 * Criteria execIt = attribute("job_level").equalTo("executive")
 *     .and(attribute("department").equalTo("IT"));
 * }</pre>
 */
public sealed interface Criteria permits Condition, Criteria.AllOf {

  /**
   * Returns the conditions, all of which must match.
   *
   * @return the conditions, never empty
   */
  List<Condition> conditions();

  /**
   * Returns criteria that also require {@code other}.
   *
   * @param other another condition
   * @return the conjunction
   * @throws NullPointerException if {@code other} is null
   */
  default Criteria and(Condition other) {
    List<Condition> all = new ArrayList<>(conditions());
    all.add(java.util.Objects.requireNonNull(other, "other"));
    return new AllOf(all);
  }

  /**
   * Several conditions that must all match.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param conditions the conditions, at least one
   */
  record AllOf(List<Condition> conditions) implements Criteria {
    /**
     * Copies the conditions.
     *
     * @param conditions the conditions, at least one
     * @throws IllegalArgumentException if there is no condition
     */
    public AllOf {
      conditions = List.copyOf(conditions);
      if (conditions.isEmpty()) {
        throw new IllegalArgumentException("conditions must not be empty, but was []");
      }
    }
  }
}
