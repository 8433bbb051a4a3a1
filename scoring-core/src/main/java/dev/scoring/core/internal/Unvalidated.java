package dev.scoring.core.internal;

import dev.scoring.core.ScoringTable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Internal: compiles a builder without {@link ScoringTable.Builder#build()}'s refusals, for the
 * static analysis, which studies parts of a table (such as the table without its aggregate
 * rules, possibly left without a rule) that a user could not build. Not part of the API (the
 * package is not exported to applications).
 *
 * <p>Thread-safe.
 */
public final class Unvalidated {
  private static final AtomicReference<Function<ScoringTable.Builder, ScoringTable>> BUILD =
      new AtomicReference<>();

  private Unvalidated() {}

  /**
   * Compiles the builder's table as it stands, with the builder's own checks of each value but
   * none of the whole-table refusals of {@code build()}.
   *
   * @param builder the builder
   * @return the compiled table
   */
  public static ScoringTable build(ScoringTable.Builder builder) {
    Function<ScoringTable.Builder, ScoringTable> f = BUILD.get();
    if (f == null) {
      throw new IllegalStateException("the scoring table class must register its compiler"
          + " before use, but had not");
    }
    return f.apply(builder);
  }

  /**
   * Called once by the scoring table class.
   *
   * @param build compiles a builder without the whole-table refusals
   */
  public static void register(Function<ScoringTable.Builder, ScoringTable> build) {
    BUILD.compareAndSet(null, build);
  }
}
