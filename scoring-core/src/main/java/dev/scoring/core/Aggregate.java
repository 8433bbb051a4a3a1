package dev.scoring.core;

import dev.scoring.api.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The condition of an aggregate rule (SPEC section 9): a number computed from a contact's
 * events (a {@link Measure}) and a numeric operator it must satisfy. Read as a sentence:
 *
 * <pre>{@code
 * import static dev.scoring.core.Aggregate.count;
 * import static dev.scoring.core.Aggregate.daysSinceLast;
 * import static dev.scoring.core.Aggregate.distinctDays;
 * import static dev.scoring.core.Aggregate.rate;
 *
 * Aggregate engaged   = count("email_open").withinDays(30).atLeast(5);
 * Aggregate recurring = distinctDays("blog_visit").withinDays(30).atLeast(3);
 * Aggregate ignoring  = rate("email_open").per("email_sent").withinDays(90).minCount(10)
 *     .below(0.05);
 * Aggregate gone      = daysSinceLast("pricing_page_visit").atLeast(60);
 * }</pre>
 *
 * <p>The counted events {@code E} are the non-future events whose type is one of
 * {@link Measure#events()}, younger than {@code withinDays} whole days when set and with a
 * value of at least {@code minValue} when set. The measured value is defined by the
 * {@link Function}; an undefined value (a rate over fewer than {@code minCount} denominator
 * events, a mean gap over fewer than two events) satisfies no operator. The
 * {@code daysSinceLast} of a contact without counted events is {@code +infinity}, which is
 * at least every threshold.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param measure  the number computed from the events
 * @param operator how the number is compared
 * @param lo       the operand of {@code atLeast}, {@code below} and {@code equals}; the lower
 *                 bound of {@code between}
 * @param hi       the upper bound of {@code between}; equal to {@code lo} for the other
 *                 operators
 */
public record Aggregate(Measure measure, Operator operator, double lo, double hi) {

  /**
   * Validates the components.
   *
   * @param measure the number computed from the events
   * @param operator how the number is compared
   * @param lo the operand of {@code atLeast}, {@code below} and {@code equals}; the lower bound of
   *     {@code between}
   * @param hi the upper bound of {@code between}; equal to {@code lo} for the other operators
   * @throws IllegalArgumentException if a rate has no {@code per} types, an operand is not
   *     finite, {@code lo > hi} for {@code between}, or {@code hi != lo} for another
   *     operator
   * @throws NullPointerException if {@code measure} or {@code operator} is null
   */
  public Aggregate {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(operator, "operator");
    // -0.0 and 0.0 compare alike: keep one form, so equal conditions have equal JSON.
    lo += 0.0;
    hi += 0.0;
    if (measure.function() == Function.RATE && measure.per().isEmpty()) {
      throw new IllegalArgumentException("per must be a non-empty list of event types for "
          + "aggregate rate, but was missing");
    }
    String name = operator.jsonName();
    if (operator == Operator.BETWEEN) {
      if (!Double.isFinite(lo)) {
        throw new IllegalArgumentException(
            "between[0] must be finite, but was " + Values.number(lo));
      }
      if (!Double.isFinite(hi)) {
        throw new IllegalArgumentException(
            "between[1] must be finite, but was " + Values.number(hi));
      }
      if (!(lo <= hi)) {
        throw new IllegalArgumentException("between[1] must be at least between[0] "
            + Values.number(lo) + ", but was " + Values.number(hi));
      }
    } else {
      if (!Double.isFinite(lo)) {
        throw new IllegalArgumentException(name + " must be finite, but was "
            + Values.number(lo));
      }
      if (Double.compare(lo, hi) != 0) {
        throw new IllegalArgumentException(name + " must have one operand, but had "
            + Values.number(lo) + " and " + Values.number(hi));
      }
    }
  }

  /**
   * Counts events: {@code |E|}.
   *
   * @param events the counted event types, at least one, distinct and non-blank
   * @return the measure, to be narrowed and compared
   * @throws IllegalArgumentException if the types are empty, blank or repeated
   */
  public static Measure count(String... events) {
    return Measure.of(Function.COUNT, events);
  }

  /**
   * Counts the distinct ages in whole days of the counted events: 24-hour periods counted
   * back from {@code asOf}, not calendar dates.
   *
   * @param events the counted event types, at least one, distinct and non-blank
   * @return the measure, to be narrowed and compared
   * @throws IllegalArgumentException if the types are empty, blank or repeated
   */
  public static Measure distinctDays(String... events) {
    return Measure.of(Function.DISTINCT_DAYS, events);
  }

  /**
   * Sums the values of the counted events: the double nearest to the exact decimal sum of
   * their values (each value read as its shortest decimal form, so 0.1 + 0.2 sums to 0.3); an
   * event without a value adds 0.
   *
   * @param events the counted event types, at least one, distinct and non-blank
   * @return the measure, to be narrowed and compared
   * @throws IllegalArgumentException if the types are empty, blank or repeated
   */
  public static Measure sum(String... events) {
    return Measure.of(Function.SUM, events);
  }

  /**
   * The rate {@code |E| / |D|}, where {@code D} are the events of the types given to
   * {@link Measure#per}, in the same window (without {@code minValue}); undefined when
   * {@code |D|} is below {@link Measure#minCount}. {@code per} must be given before an
   * operator.
   *
   * @param events the counted (numerator) event types, at least one, distinct and non-blank
   * @return the measure, to be narrowed and compared
   * @throws IllegalArgumentException if the types are empty, blank or repeated
   */
  public static Measure rate(String... events) {
    return Measure.of(Function.RATE, events);
  }

  /**
   * The smallest age in whole days of the counted events; {@code +infinity} when there is
   * none.
   *
   * @param events the counted event types, at least one, distinct and non-blank
   * @return the measure, to be narrowed and compared
   * @throws IllegalArgumentException if the types are empty, blank or repeated
   */
  public static Measure daysSinceLast(String... events) {
    return Measure.of(Function.DAYS_SINCE_LAST, events);
  }

  /**
   * The mean gap in whole days between counted events,
   * {@code (max age - min age) / (|E| - 1)}; undefined with fewer than two events.
   *
   * @param events the counted event types, at least one, distinct and non-blank
   * @return the measure, to be narrowed and compared
   * @throws IllegalArgumentException if the types are empty, blank or repeated
   */
  public static Measure meanDaysBetween(String... events) {
    return Measure.of(Function.MEAN_DAYS_BETWEEN, events);
  }

  /**
   * Whether a measured value satisfies the operator. NaN (undefined) satisfies none.
   *
   * @param value the measured value
   * @return whether the rule awards its points
   */
  public boolean test(double value) {
    return switch (operator) {
      case AT_LEAST -> value >= lo;
      case BELOW -> value < lo;
      case BETWEEN -> lo <= value && value <= hi;
      case EQUALS -> value == lo;
    };
  }

  /** The number an aggregate rule computes from the counted events. */
  public enum Function {
    /** {@code |E|}. */
    COUNT("count"),
    /** The number of distinct ages in whole days among {@code E}. */
    DISTINCT_DAYS("distinctDays"),
    /** The exact decimal sum of the values of {@code E}, rounded once to a double. */
    SUM("sum"),
    /** {@code |E| / |D|}, undefined when {@code |D| < minCount}. */
    RATE("rate"),
    /** The smallest age among {@code E}, {@code +infinity} when {@code E} is empty. */
    DAYS_SINCE_LAST("daysSinceLast"),
    /** {@code (max age - min age) / (|E| - 1)}, undefined when {@code |E| < 2}. */
    MEAN_DAYS_BETWEEN("meanDaysBetween");

    private final String jsonName;

    Function(String jsonName) {
      this.jsonName = jsonName;
    }

    /**
     * Returns the name used in model files.
     *
     * @return the value of the {@code aggregate} field
     */
    public String jsonName() {
      return jsonName;
    }

    /**
     * Returns the function with a JSON name.
     *
     * @param name the value of an {@code aggregate} field
     * @return the function
     * @throws IllegalArgumentException if no function has this name
     */
    public static Function fromJson(String name) {
      for (Function f : values()) {
        if (f.jsonName.equals(name)) {
          return f;
        }
      }
      throw new IllegalArgumentException("aggregate must be one of count, distinctDays, sum, "
          + "rate, daysSinceLast, meanDaysBetween, but was " + Values.describe(name));
    }
  }

  /** How the measured value is compared. */
  public enum Operator {
    /** {@code value >= lo}. */
    AT_LEAST("atLeast"),
    /** {@code value < lo}. */
    BELOW("below"),
    /** {@code lo <= value <= hi}. */
    BETWEEN("between"),
    /** {@code value == lo}. */
    EQUALS("equals");

    private final String jsonName;

    Operator(String jsonName) {
      this.jsonName = jsonName;
    }

    /**
     * Returns the name used in model files.
     *
     * @return the field name of the operator
     */
    public String jsonName() {
      return jsonName;
    }
  }

  /**
   * What an aggregate rule measures: a {@link Function} over the counted event types,
   * optionally narrowed to a window and a minimum value, with the denominator types and
   * minimum denominator count of a rate. Complete it with an operator ({@link #atLeast},
   * {@link #below}, {@link #between}, {@link #equalTo}).
   *
   * <p>This is a value-based record: immutable and thread-safe; the {@code with}-style
   * methods return new instances.
   *
   * @param function   the number computed
   * @param events     the counted event types, non-empty, distinct, non-blank
   * @param per        the denominator types of a rate (non-empty, distinct, non-blank);
   *                   empty for the other functions
   * @param withinDays counts only events younger than this many whole days (at least 1)
   * @param minValue   counts only events whose value is at least this (finite); never
   *                   applies to the denominator of a rate
   * @param minCount   a rate is undefined below this many denominator events (at least 1,
   *                   default 1; other functions must keep 1)
   */
  public record Measure(Function function, List<String> events, List<String> per,
      OptionalInt withinDays, OptionalDouble minValue, int minCount) {

    /**
     * Validates the components.
     *
     * @param function the number computed
     * @param events the counted event types, non-empty, distinct, non-blank
     * @param per the denominator types of a rate (non-empty, distinct, non-blank); empty for the
     *     other functions
     * @param withinDays counts only events younger than this many whole days (at least 1)
     * @param minValue counts only events whose value is at least this (finite); never applies to
     *     the denominator of a rate
     * @param minCount a rate is undefined below this many denominator events (at least 1, default
     *     1; other functions must keep 1)
     * @throws IllegalArgumentException if a list of types is empty (or {@code per} is set
     *     for a function other than rate), a type is blank or repeated, {@code withinDays}
     *     or {@code minCount} is below 1, {@code minCount} is set for a function other than
     *     rate, or {@code minValue} is not finite
     * @throws NullPointerException if a component is null
     */
    public Measure {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(withinDays, "withinDays");
      Objects.requireNonNull(minValue, "minValue");
      events = types("events", events, true);
      per = types("per", per, false);
      if (function != Function.RATE && !per.isEmpty()) {
        throw new IllegalArgumentException("per must be absent for aggregate "
            + function.jsonName() + " (it is for rate only), but was "
            + per.stream().map(Values::describe).collect(Collectors.joining(", ", "[", "]")));
      }
      if (withinDays.isPresent() && withinDays.getAsInt() < 1) {
        throw new IllegalArgumentException(
            "withinDays must be at least 1, but was " + withinDays.getAsInt());
      }
      if (minValue.isPresent() && !Double.isFinite(minValue.getAsDouble())) {
        throw new IllegalArgumentException(
            "minValue must be finite, but was " + Values.number(minValue.getAsDouble()));
      }
      if (minCount < 1) {
        throw new IllegalArgumentException("minCount must be at least 1, but was " + minCount);
      }
      if (minCount != 1 && function != Function.RATE) {
        throw new IllegalArgumentException("minCount must be absent for aggregate "
            + function.jsonName() + " (it is for rate only), but was " + minCount);
      }
    }

    static Measure of(Function function, String... events) {
      Objects.requireNonNull(events, "events");
      return new Measure(function, List.of(events), List.of(), OptionalInt.empty(),
          OptionalDouble.empty(), 1);
    }

    private static List<String> types(String field, List<String> types, boolean required) {
      Objects.requireNonNull(types, field);
      if (required && types.isEmpty()) {
        throw new IllegalArgumentException(field + " must be a non-empty list of event types,"
            + " but was []");
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < types.size(); i++) {
        String t = types.get(i);
        if (t == null || t.isBlank()) {
          throw new IllegalArgumentException(field + "[" + i + "] must be a non-blank string, "
              + "but was " + Values.describe(t));
        }
        if (!seen.add(t)) {
          throw new IllegalArgumentException(field + "[" + i + "] must be distinct from the "
              + "types before it, but was " + Values.describe(t));
        }
      }
      return List.copyOf(types);
    }

    /**
     * Counts only events younger than {@code days} whole days (both sides of a rate).
     *
     * @param days at least 1
     * @return a new measure
     * @throws IllegalArgumentException if {@code days < 1}
     */
    public Measure withinDays(int days) {
      return new Measure(function, events, per, OptionalInt.of(days), minValue, minCount);
    }

    /**
     * Counts only events whose value is at least {@code value}; an event without a value
     * then does not count. For a rate it narrows the numerator only.
     *
     * @param value finite
     * @return a new measure
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public Measure minValue(double value) {
      return new Measure(function, events, per, withinDays, OptionalDouble.of(value),
          minCount);
    }

    /**
     * Sets the denominator types of a rate.
     *
     * @param types at least one, distinct and non-blank
     * @return a new measure
     * @throws IllegalArgumentException if this is not a rate, or the types are empty, blank
     *     or repeated
     */
    public Measure per(String... types) {
      Objects.requireNonNull(types, "types");
      List<String> list = List.of(types);
      if (list.isEmpty()) {
        throw new IllegalArgumentException("per must be a non-empty list of event types, "
            + "but was []");
      }
      return new Measure(function, events, list, withinDays, minValue, minCount);
    }

    /**
     * Sets how many denominator events a rate needs to be defined (default 1).
     *
     * @param count at least 1
     * @return a new measure
     * @throws IllegalArgumentException if this is not a rate or {@code count < 1}
     */
    public Measure minCount(int count) {
      return new Measure(function, events, per, withinDays, minValue, count);
    }

    /**
     * Completes the condition: the value is at least {@code x}.
     *
     * @param x finite
     * @return the condition
     * @throws IllegalArgumentException if {@code x} is not finite, or a rate has no
     *     {@code per}
     */
    public Aggregate atLeast(double x) {
      return complete(Operator.AT_LEAST, x, x);
    }

    /**
     * Completes the condition: the value is below {@code x}.
     *
     * @param x finite
     * @return the condition
     * @throws IllegalArgumentException if {@code x} is not finite, or a rate has no
     *     {@code per}
     */
    public Aggregate below(double x) {
      return complete(Operator.BELOW, x, x);
    }

    /**
     * Completes the condition: the value is between {@code lo} and {@code hi}, both
     * included.
     *
     * @param lo finite
     * @param hi finite, at least {@code lo}
     * @return the condition
     * @throws IllegalArgumentException if a bound is not finite, {@code lo > hi}, or a rate
     *     has no {@code per}
     */
    public Aggregate between(double lo, double hi) {
      return complete(Operator.BETWEEN, lo, hi);
    }

    /**
     * Completes the condition: the value equals {@code x} (JSON {@code "equals"}).
     *
     * @param x finite
     * @return the condition
     * @throws IllegalArgumentException if {@code x} is not finite, or a rate has no
     *     {@code per}
     */
    public Aggregate equalTo(double x) {
      return complete(Operator.EQUALS, x, x);
    }

    private Aggregate complete(Operator operator, double lo, double hi) {
      return new Aggregate(this, operator, lo, hi);
    }
  }
}
