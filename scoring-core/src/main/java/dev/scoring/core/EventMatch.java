package dev.scoring.core;

import dev.scoring.api.Values;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Which events an event rule counts: a type, and optionally a window, a cap on occurrences,
 * a minimum value and whether the model's decay applies.
 *
 * <pre>{@code
 * import static dev.scoring.core.EventMatch.on;
 *
 * EventMatch pricing  = on("pricing_page_visit").maxOccurrences(3);
 * EventMatch longRead = on("page_view").minValue(60).withinDays(30);
 * }</pre>
 *
 * <p>An event matches when its type equals {@code event}, it is not in the future, its age
 * in whole days is below {@code withinDays} (when set) and its value is at least
 * {@code minValue} (when set; an event without a value does not match then). When
 * {@code maxOccurrences} is set only that many of the most recent matching events count.
 * When {@code decays} is unset the section's default applies: behavioral rules decay,
 * negative event rules do not.
 *
 * <p>This is a value-based record: immutable and thread-safe; the {@code with}-style methods
 * return new instances.
 *
 * @param event          the event type, non-blank
 * @param withinDays     counts only events younger than this many whole days (at least 1)
 * @param maxOccurrences counts at most this many most recent events (at least 1)
 * @param minValue       counts only events whose value is at least this (finite)
 * @param decays         whether the model's decay applies; empty for the section default
 */
public record EventMatch(String event, OptionalInt withinDays, OptionalInt maxOccurrences,
    OptionalDouble minValue, Optional<Boolean> decays) {

  /**
   * Validates the components.
   *
   * @param event          the event type, non-blank
   * @param withinDays     counts only events younger than this many whole days (at least 1)
   * @param maxOccurrences counts at most this many most recent events (at least 1)
   * @param minValue       counts only events whose value is at least this (finite)
   * @param decays         whether the model's decay applies; empty for the section default
   * @throws IllegalArgumentException if the event type is blank, {@code withinDays} or
   *     {@code maxOccurrences} is below 1, or {@code minValue} is not finite
   */
  public EventMatch {
    if (event == null || event.isBlank()) {
      throw new IllegalArgumentException(
          "event must be a non-blank string, but was " + Values.describe(event));
    }
    Objects.requireNonNull(withinDays, "withinDays");
    Objects.requireNonNull(maxOccurrences, "maxOccurrences");
    Objects.requireNonNull(minValue, "minValue");
    Objects.requireNonNull(decays, "decays");
    if (withinDays.isPresent() && withinDays.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "withinDays must be at least 1, but was " + withinDays.getAsInt());
    }
    if (maxOccurrences.isPresent() && maxOccurrences.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "maxOccurrences must be at least 1, but was " + maxOccurrences.getAsInt());
    }
    if (minValue.isPresent() && !Double.isFinite(minValue.getAsDouble())) {
      throw new IllegalArgumentException(
          "minValue must be finite, but was " + minValue.getAsDouble());
    }
  }

  /**
   * Matches every non-future event of a type.
   *
   * @param eventType the event type
   * @return the match
   * @throws IllegalArgumentException if the type is blank
   */
  public static EventMatch on(String eventType) {
    return new EventMatch(eventType, OptionalInt.empty(), OptionalInt.empty(),
        OptionalDouble.empty(), Optional.empty());
  }

  /**
   * Counts only events younger than {@code days} whole days.
   *
   * @param days at least 1
   * @return a new match
   * @throws IllegalArgumentException if {@code days < 1}
   */
  public EventMatch withinDays(int days) {
    return new EventMatch(event, OptionalInt.of(days), maxOccurrences, minValue, decays);
  }

  /**
   * Counts at most the {@code count} most recent matching events.
   *
   * @param count at least 1
   * @return a new match
   * @throws IllegalArgumentException if {@code count < 1}
   */
  public EventMatch maxOccurrences(int count) {
    return new EventMatch(event, withinDays, OptionalInt.of(count), minValue, decays);
  }

  /**
   * Counts only events whose value is at least {@code value}.
   *
   * @param value a finite number
   * @return a new match
   * @throws IllegalArgumentException if {@code value} is not finite
   */
  public EventMatch minValue(double value) {
    return new EventMatch(event, withinDays, maxOccurrences, OptionalDouble.of(value), decays);
  }

  /**
   * Sets whether the model's decay applies to this rule's events.
   *
   * @param decay true to apply the decay
   * @return a new match
   */
  public EventMatch decays(boolean decay) {
    return new EventMatch(event, withinDays, maxOccurrences, minValue, Optional.of(decay));
  }
}
