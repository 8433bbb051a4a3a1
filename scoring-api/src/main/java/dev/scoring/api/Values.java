package dev.scoring.api;

/** Small helpers shared by the API types: describing values in error messages. */
final class Values {
  private Values() {}

  /** A value as it appears in an error message: strings quoted, null as {@code null}. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof Double d) {
      return format(d);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String kind = value instanceof java.util.Collection<?> ? "a list"
        : value instanceof java.util.Map<?, ?> ? "an object"
        : "a " + value.getClass().getSimpleName();
    return value + " (" + kind + ")";
  }

  /** A double without a trailing {@code .0} when it is integral. */
  static String format(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }
}
