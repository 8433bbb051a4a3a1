package dev.scoring.core.internal;

import dev.scoring.core.ScoringTable;
import java.util.Objects;

/**
 * Access to what {@link ScoringTable.Builder} keeps from users, for the other packages of
 * this module (the JDK's "shared secrets" pattern): the static analysis studies a table
 * without its aggregate rules, which may leave a table without rules, which
 * {@link ScoringTable.Builder#build()} refuses. {@link ScoringTable} registers the
 * implementation when it is initialised. Not exported.
 *
 * <p>Thread-safe.
 */
public final class TableAccess {
  /** What {@link ScoringTable} provides. */
  public interface Builds {
    /**
     * Builds like {@link ScoringTable.Builder#build()}, but allows a table without rules.
     *
     * @param builder the builder
     * @return the table
     */
    ScoringTable buildAllowingNoRules(ScoringTable.Builder builder);
  }

  private static volatile Builds builds;

  private TableAccess() {}

  /**
   * Registers the implementation; called once, by {@link ScoringTable}.
   *
   * @param implementation the implementation
   */
  public static void register(Builds implementation) {
    builds = Objects.requireNonNull(implementation, "implementation");
  }

  /**
   * Builds a table that may have no rules (every other check of
   * {@link ScoringTable.Builder#build()} applies).
   *
   * @param builder the builder, whose class is then initialised
   * @return the table
   */
  public static ScoringTable buildAllowingNoRules(ScoringTable.Builder builder) {
    return builds.buildAllowingNoRules(builder);
  }
}
