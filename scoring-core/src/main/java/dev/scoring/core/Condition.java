package dev.scoring.core;

import dev.scoring.api.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A test on one attribute of a contact, such as {@code age between 18 and 24} or
 * {@code sector equals "tech"}.
 *
 * <pre>{@code
 * import static dev.scoring.core.Condition.attribute;
 *
 * Condition young = attribute("age").between(18, 24);
 * Condition tech  = attribute("sector").equalToIgnoreCase("tech");
 * Criteria execIt = attribute("job_level").equalTo("executive")
 *     .and(attribute("department").equalTo("IT"));
 * }</pre>
 *
 * <p>Matching rules:
 * <ul>
 *   <li>{@link Operator#EQUALS} and {@link Operator#IN}: two strings compare exactly, or
 *       with {@link String#equalsIgnoreCase} when {@code ignoreCase}; numbers compare
 *       numerically; booleans compare equal. When one side is a number (boolean) and the
 *       other a string that reads as one, they compare as numbers (booleans), whichever side
 *       the rule is on: rule {@code equalTo("42")} matches attribute {@code 42}.
 *   <li>{@link Operator#BETWEEN} ({@code lo <= v <= hi}, with {@code lo <= hi}),
 *       {@link Operator#AT_LEAST} ({@code v >= x}), {@link Operator#BELOW} ({@code v < x}):
 *       numeric; a value that is neither a number nor a string that reads as one does not
 *       match.
 *   <li>{@link Operator#PRESENT}: the attribute is present (and, for a string, not
 *       {@link String#isBlank() blank}), or with operand {@code false}, absent or blank.
 * </ul>
 * A string <em>reads as a number</em> when, stripped of surrounding whitespace
 * ({@link String#strip()}), it is a decimal number in JSON's grammar, optionally with a
 * leading {@code +}, whose nearest double is finite ({@code "42"}, {@code " 42 "},
 * {@code "-1.5e2"}; not {@code "0042"}, {@code ".5"}, {@code "5."}, {@code "0x10"},
 * {@code "1_000"}, {@code "1e400"}, {@code "NaN"} nor non-ASCII digits). It <em>reads as a
 * boolean</em> when, stripped, it is {@code true} or {@code false} in any ASCII case.
 * An absent attribute matches nothing but {@code present: false}.
 *
 * <p>This is a value-based record: immutable and thread-safe. Whole-number operands of
 * {@code EQUALS}/{@code IN} are stored as {@link Long}, other numbers as {@link Double}.
 *
 * @param attribute  the attribute name, non-blank
 * @param operator   the operator
 * @param operands   the operands: one or more values for {@code EQUALS}/{@code IN} (strings,
 *                   {@link Long}s, {@link Double}s or booleans), {@code [lo, hi]} for
 *                   {@code BETWEEN}, one number for {@code AT_LEAST}/{@code BELOW}, one
 *                   boolean for {@code PRESENT}
 * @param ignoreCase whether strings compare ignoring case ({@code EQUALS} and {@code IN} only)
 */
public record Condition(String attribute, Operator operator, List<Object> operands,
    boolean ignoreCase) implements Criteria {

  /** The operators of a condition, with their JSON names. */
  public enum Operator {
    /** {@code "equals": v}. */
    EQUALS("equals"),
    /** {@code "in": [v, ...]}. */
    IN("in"),
    /** {@code "between": [lo, hi]}, inclusive. */
    BETWEEN("between"),
    /** {@code "atLeast": x}. */
    AT_LEAST("atLeast"),
    /** {@code "below": x}. */
    BELOW("below"),
    /** {@code "present": true/false}. */
    PRESENT("present");

    private final String jsonName;

    Operator(String jsonName) {
      this.jsonName = jsonName;
    }

    /**
     * Returns the operator's name in model files, such as {@code "atLeast"}.
     *
     * @return the operator's name in model files, such as {@code "atLeast"}
     */
    public String jsonName() {
      return jsonName;
    }
  }

  /**
   * Validates and normalises the components: number operands become {@link Long} when
   * whole and {@link Double} otherwise ({@code BETWEEN}, {@code AT_LEAST} and {@code BELOW}
   * keep doubles).
   *
   * @param attribute  the attribute name, non-blank
   * @param operator   the operator
   * @param operands   the operands (see the class documentation)
   * @param ignoreCase whether strings compare ignoring case
   * @throws IllegalArgumentException if the attribute is blank, an operand is missing, of
   *     the wrong type or not finite, or {@code ignoreCase} is set on another operator than
   *     {@code EQUALS} or {@code IN}
   */
  public Condition {
    if (attribute == null || attribute.isBlank()) {
      throw new IllegalArgumentException(
          "attribute must be a non-blank string, but was " + Values.describe(attribute));
    }
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(operands, "operands");
    String op = operator.jsonName();
    List<Object> normalized = new ArrayList<>(operands.size());
    switch (operator) {
      case EQUALS, IN -> {
        if (operands.isEmpty() || (operator == Operator.EQUALS && operands.size() != 1)) {
          throw new IllegalArgumentException(op + (operator == Operator.EQUALS
              ? " must be one value, but was " : " must be a non-empty list, but was ")
              + operands);
        }
        for (int i = 0; i < operands.size(); i++) {
          normalized.add(scalar(operator == Operator.IN ? op + "[" + i + "]" : op,
              operands.get(i)));
        }
      }
      case BETWEEN -> {
        if (operands.size() != 2) {
          throw new IllegalArgumentException(
              "between must be a list of two numbers [lo, hi], but was " + operands);
        }
        double lo = number("between[0]", operands.get(0));
        double hi = number("between[1]", operands.get(1));
        if (!(lo <= hi)) {
          throw new IllegalArgumentException("between[1] must be >= between[0] ("
              + Values.number(lo) + "), but was " + Values.number(hi));
        }
        normalized.add(lo);
        normalized.add(hi);
      }
      case AT_LEAST, BELOW -> {
        if (operands.size() != 1) {
          throw new IllegalArgumentException(op + " must be one number, but was " + operands);
        }
        normalized.add(number(op, operands.get(0)));
      }
      case PRESENT -> {
        if (operands.size() != 1 || !(operands.get(0) instanceof Boolean)) {
          throw new IllegalArgumentException(
              "present must be true or false, but was " + Values.describe(
                  operands.size() == 1 ? operands.get(0) : operands));
        }
        normalized.add(operands.get(0));
      }
      default -> throw new AssertionError(operator);
    }
    if (ignoreCase && operator != Operator.EQUALS && operator != Operator.IN) {
      throw new IllegalArgumentException(
          "ignoreCase must be used only with equals or in, but was used with " + op);
    }
    operands = List.copyOf(normalized);
  }

  private static Object scalar(String where, Object value) {
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number n) {
      Object normalized;
      try {
        normalized = dev.scoring.api.internal.Attributes.normalize(where, n);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            where + " must be a finite number, but was " + Values.describe(value));
      }
      if (normalized instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
        return (long) (double) d; // 18.0 and 18 are the same operand
      }
      return normalized;
    }
    throw new IllegalArgumentException(
        where + " must be a string, a finite number or a boolean, but was "
            + Values.describe(value));
  }

  private static Double number(String where, Object value) {
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(
        where + " must be a finite number, but was " + Values.describe(value));
  }

  /**
   * Starts a condition on an attribute.
   *
   * @param name the attribute name
   * @return a step that takes the operator
   * @throws IllegalArgumentException if the name is blank
   */
  public static On attribute(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "attribute must be a non-blank string, but was " + Values.describe(name));
    }
    return new On(name);
  }

  /**
   * Returns whether an attribute value matches this condition, exactly as scoring decides
   * it (see the class documentation). Compiles the condition on each call: for one-off
   * checks, tests and analysis, not for scoring loops.
   *
   * @param value a string, finite number or boolean, or {@code null} for an absent attribute
   * @return whether the value matches
   * @throws IllegalArgumentException if the value is a non-finite number or of another type
   */
  public boolean matches(Object value) {
    return new CompiledCondition(this).matches(
        dev.scoring.api.internal.Attributes.normalize(attribute, value));
  }

  @Override
  public List<Condition> conditions() {
    return List.of(this);
  }

  /** The operator step of {@link Condition#attribute(String)}; immutable. */
  public static final class On {
    private final String name;

    private On(String name) {
      this.name = name;
    }

    /**
     * Matches an equal value: a string (case-sensitive), a number or a boolean.
     *
     * @param value the value
     * @return the condition
     * @throws IllegalArgumentException if the value is null, not finite or of another type
     */
    public Condition equalTo(Object value) {
      return new Condition(name, Operator.EQUALS, listOf(value), false);
    }

    /**
     * Matches a string equal ignoring case.
     *
     * @param value the string
     * @return the condition
     * @throws IllegalArgumentException if the value is null
     */
    public Condition equalToIgnoreCase(String value) {
      return new Condition(name, Operator.EQUALS, listOf(value), true);
    }

    /**
     * Matches a value equal to any of the given ones.
     *
     * @param values one or more values
     * @return the condition
     * @throws IllegalArgumentException if there is no value, or one is null, not finite or
     *     of another type
     */
    public Condition in(Object... values) {
      return new Condition(name, Operator.IN, listOf(values), false);
    }

    /**
     * Matches a string equal to any of the given ones, ignoring case.
     *
     * @param values one or more strings
     * @return the condition
     * @throws IllegalArgumentException if there is no value or one is null
     */
    public Condition inIgnoreCase(String... values) {
      return new Condition(name, Operator.IN, listOf((Object[]) values), true);
    }

    /**
     * Matches a number {@code v} with {@code lo <= v <= hi}.
     *
     * @param lo the lowest matching value
     * @param hi the highest matching value
     * @return the condition
     * @throws IllegalArgumentException if a bound is not finite or {@code lo > hi}
     */
    public Condition between(double lo, double hi) {
      return new Condition(name, Operator.BETWEEN, List.of(lo, hi), false);
    }

    /**
     * Matches a number {@code v >= x}.
     *
     * @param x the threshold
     * @return the condition
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    public Condition atLeast(double x) {
      return new Condition(name, Operator.AT_LEAST, List.of(x), false);
    }

    /**
     * Matches a number {@code v < x}.
     *
     * @param x the threshold
     * @return the condition
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    public Condition below(double x) {
      return new Condition(name, Operator.BELOW, List.of(x), false);
    }

    /**
     * Matches a present attribute (a string must not be blank).
     *
     * @return the condition
     */
    public Condition present() {
      return new Condition(name, Operator.PRESENT, List.of(true), false);
    }

    /**
     * Matches an absent attribute or a blank string.
     *
     * @return the condition
     */
    public Condition absent() {
      return new Condition(name, Operator.PRESENT, List.of(false), false);
    }

    private static List<Object> listOf(Object... values) {
      List<Object> list = new ArrayList<>(values.length);
      for (Object v : values) {
        list.add(v);
      }
      return list;
    }
  }
}
