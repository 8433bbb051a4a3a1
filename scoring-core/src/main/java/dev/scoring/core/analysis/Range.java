package dev.scoring.core.analysis;

import java.util.Objects;

/**
 * The reachable range of one part of a score ({@code fit}, {@code engagement}, {@code raw} or
 * {@code score}).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param min the lowest reachable value
 * @param max the highest reachable value
 */
public record Range(Extreme min, Extreme max) {

  /**
   * Checks the references.
   *
   * @param min the lowest reachable value
   * @param max the highest reachable value
   */
  public Range {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
  }

  /**
   * Returns whether a value lies in the range, allowing a relative error of 1e-9 for
   * floating-point rounding (the contract's tolerance).
   *
   * @param value a value
   * @return whether {@code min - tolerance <= value <= max + tolerance}
   */
  public boolean contains(double value) {
    return value >= min.value() - tolerance(min.value())
        && value <= max.value() + tolerance(max.value());
  }

  private static double tolerance(double bound) {
    return Double.isInfinite(bound) ? 0 : 1e-9 * Math.max(1, Math.abs(bound));
  }
}
