package dev.scoring.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of scoring one contact as of an instant.
 *
 * <ul>
 *   <li>{@code fit}: capped demographic points plus negative attribute rules;
 *   <li>{@code engagement}: capped behavioral points plus negative event and inactivity rules;
 *   <li>{@code raw}: {@code fit + engagement};
 *   <li>{@code score}: {@code raw} clamped to the model's scale;
 *   <li>{@code tier}: the name of the highest tier whose threshold {@code score} reaches, or
 *       the model's base tier.
 * </ul>
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param score        the final score, inside the model's scale
 * @param raw          the score before clamping
 * @param fit          the demographic part
 * @param engagement   the behavioral part
 * @param tier         the tier name
 * @param modelName    the name of the model that computed it
 * @param modelVersion the version of the model that computed it
 * @param asOf         the instant the score is computed for
 */
public record Score(double score, double raw, double fit, double engagement, String tier,
    String modelName, String modelVersion, Instant asOf) {

  /**
   * Validates that the references are not null.
   *
   * @param score the final score, inside the model's scale
   * @param raw the score before clamping
   * @param fit the demographic part
   * @param engagement the behavioral part
   * @param tier the tier name
   * @param modelName the name of the model that computed it
   * @param modelVersion the version of the model that computed it
   * @param asOf the instant the score is computed for
   * @throws NullPointerException if {@code tier}, {@code modelName}, {@code modelVersion} or
   *     {@code asOf} is null
   */
  public Score {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(asOf, "asOf");
  }
}
