package dev.scoring.core;

import dev.scoring.api.Values;

/**
 * The range scores are clamped to, {@code 0..100} by default.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param min the lowest score, finite
 * @param max the highest score, finite and greater than {@code min}
 */
public record Scale(double min, double max) {

  /** The default scale, 0 to 100. */
  public static final Scale DEFAULT = new Scale(0, 100);

  /**
   * Validates the bounds.
   *
   * @param min the lowest score, finite
   * @param max the highest score, finite and greater than {@code min}
   * @throws IllegalArgumentException if a bound is not finite or {@code max <= min}
   */
  public Scale {
    if (!Double.isFinite(min)) {
      throw new IllegalArgumentException("scale.min must be finite, but was " + min);
    }
    if (!Double.isFinite(max) || !(max > min)) {
      throw new IllegalArgumentException("scale.max must be finite and greater than scale.min ("
          + Values.number(min) + "), but was " + Values.number(max));
    }
  }

  /**
   * Clamps a value to the scale.
   *
   * @param raw the value
   * @return {@code min(max(raw, min), max)}
   */
  public double clamp(double raw) {
    return raw < min ? min : (raw > max ? max : raw);
  }
}
