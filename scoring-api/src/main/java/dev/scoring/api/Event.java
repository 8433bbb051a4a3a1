package dev.scoring.api;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Something a contact did: a page view, an email open, a demo request, an unsubscribe.
 *
 * <p>An event has a non-blank {@code type}, the instant it happened ({@code at}, in years
 * 0001 to 9999, to the nanosecond) and an optional finite {@code value} (seconds on a page, an order amount, ...). Events dated
 * after the instant a score is computed for are <em>future</em> events and are ignored by
 * scoring; they are not an error.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param type  the event type, matched exactly (case-sensitive) by behavioral rules
 * @param at    when it happened
 * @param value an optional finite number carried by the event
 */
public record Event(String type, Instant at, OptionalDouble value) {
  /** The earliest instant an event may have (SPEC section 1). */
  public static final Instant MIN_AT = Instant.parse("0001-01-01T00:00:00Z");
  /** The latest instant an event may have (SPEC section 1). */
  public static final Instant MAX_AT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * Validates the components.
   *
   * @param type  the event type, non-blank
   * @param at    when it happened, from {@link #MIN_AT} to {@link #MAX_AT}
   * @param value an optional finite number
   * @throws IllegalArgumentException if {@code type} is null or blank, {@code at} is null
   *     or outside {@link #MIN_AT} to {@link #MAX_AT}, or {@code value} is present but not
   *     finite
   */
  public Event {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException(
          "event type must be a non-blank string, but was " + Values.describe(type));
    }
    if (at == null) {
      throw new IllegalArgumentException("event '" + type + "' at must be an instant, but was null");
    }
    if (at.isBefore(MIN_AT) || at.isAfter(MAX_AT)) {
      throw new IllegalArgumentException("event '" + type + "' at must be an instant from "
          + MIN_AT + " to " + MAX_AT + ", but was " + at);
    }
    Objects.requireNonNull(value, "value (use OptionalDouble.empty() for no value)");
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new IllegalArgumentException(
          "event '" + type + "' value must be finite, but was " + value.getAsDouble());
    }
  }

  /**
   * An event without a value.
   *
   * @param type the event type
   * @param at   when it happened
   * @return the event
   * @throws IllegalArgumentException if {@code type} is blank or {@code at} is null or out
   *     of range
   */
  public static Event of(String type, Instant at) {
    return new Event(type, at, OptionalDouble.empty());
  }

  /**
   * An event with a value.
   *
   * @param type  the event type
   * @param at    when it happened
   * @param value a finite number
   * @return the event
   * @throws IllegalArgumentException if {@code type} is blank, {@code at} is null or out of
   *     range, or {@code value} is not finite
   */
  public static Event of(String type, Instant at, double value) {
    return new Event(type, at, OptionalDouble.of(value));
  }

  @Override
  public String toString() {
    return value.isPresent()
        ? type + "@" + at + "=" + Values.number(value.getAsDouble())
        : type + "@" + at;
  }
}
