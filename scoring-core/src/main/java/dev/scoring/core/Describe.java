package dev.scoring.core;

/** Values as they appear in error messages and reports. */
final class Describe {
  private Describe() {}

  /** Strings quoted, numbers without a trailing {@code .0}, null as {@code null}. */
  static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String kind = value instanceof java.util.Collection<?> ? "a list"
        : value instanceof java.util.Map<?, ?> ? "an object"
        : "a " + value.getClass().getSimpleName();
    return value + " (" + kind + ")";
  }

  /** A double without a trailing {@code .0} when it is whole. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }
}
