package dev.scoring.api;

/**
 * A named score threshold: a contact is in the tier with the highest {@code atLeast} that
 * its score reaches (MQL at 60, SQL at 80), or in the model's base tier when it reaches none.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param name    a non-blank tier name
 * @param atLeast the lowest score in the tier, finite
 */
public record Tier(String name, double atLeast) {

  /**
   * Validates the components.
   *
   * @param name a non-blank tier name
   * @param atLeast the lowest score in the tier, finite
   * @throws IllegalArgumentException if the name is blank or {@code atLeast} is not finite
   */
  public Tier {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "tier name must be a non-blank string, but was " + Values.describe(name));
    }
    if (!Double.isFinite(atLeast)) {
      throw new IllegalArgumentException(
          "tier '" + name + "' atLeast must be finite, but was " + atLeast);
    }
  }
}
