package dev.scoring.rfm;

import java.util.Locale;

/** Formatting of values in messages and printed tables. */
final class Format {
  private Format() {}

  /** A number without a trailing {@code .0} when it is integral. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  /** A value as it appears in an error message: strings quoted, null as {@code null}. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof Double d) {
      return number(d);
    }
    return String.valueOf(value);
  }

  /** Two decimals, grouping thousands, in the root locale. */
  static String money(double d) {
    return String.format(Locale.ROOT, "%,.2f", d);
  }
}
