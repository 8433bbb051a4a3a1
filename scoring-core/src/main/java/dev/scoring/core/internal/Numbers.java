package dev.scoring.core.internal;

/**
 * How a string attribute reads as a number or a boolean (SPEC section 3), without allocating
 * in the common case. The one implementation: conditions, the batch path, the analysis and
 * the fitter all call it.
 *
 * <p>A string <em>reads as a number</em> when, without its leading and trailing whitespace
 * ({@link Character#isWhitespace(char)}, what {@link String#strip()} removes), it is a
 * decimal number in JSON's grammar, optionally with a leading {@code +}, whose nearest double
 * is finite: {@code "42"}, {@code " 42 "}, {@code "-1.5e2"}, {@code "+0.5"} and
 * {@code "1e-400"} (which is 0) read as numbers; {@code "0042"}, {@code ".5"}, {@code "5."},
 * {@code "0x10"}, {@code "1_000"}, {@code "1e400"}, {@code "NaN"}, {@code "Infinity"},
 * {@code "+-1"} and non-ASCII digits do not. The value is the correctly rounded double, as
 * {@link Double#parseDouble(String)} gives.
 *
 * <p>A string <em>reads as a boolean</em> when, stripped the same way, it is {@code true} or
 * {@code false} in any ASCII case ({@code "falſe"}, with a long s, is not).
 *
 * <p>Stateless; thread-safe.
 */
public final class Numbers {
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private Numbers() {}

  /**
   * Reads a string as a number.
   *
   * @param s the string
   * @return its value, or NaN when it does not read as a number
   */
  public static double parse(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && Character.isWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    int i = start;
    if (i == end) {
      return Double.NaN;
    }
    boolean negative = false;
    char c = s.charAt(i);
    if (c == '+' || c == '-') {
      negative = c == '-';
      i++;
    }
    // Integer part: 0, or a non-zero digit followed by digits.
    if (i == end || !digit(c = s.charAt(i))) {
      return Double.NaN;
    }
    if (c == '0' && i + 1 < end && digit(s.charAt(i + 1))) {
      return Double.NaN; // a leading zero
    }
    long mantissa = 0;
    int digits = 0; // significant digits accumulated in mantissa
    int exponent = 0; // decimal exponent adjustment
    boolean overflow = false;
    while (i < end && digit(c = s.charAt(i))) {
      if (digits < 18) {
        mantissa = mantissa * 10 + (c - '0');
        if (mantissa != 0) {
          digits++;
        }
      } else {
        overflow = true;
        exponent++;
      }
      i++;
    }
    if (i < end && s.charAt(i) == '.') {
      i++;
      if (i == end || !digit(s.charAt(i))) {
        return Double.NaN; // "5." has no fraction digits
      }
      while (i < end && digit(c = s.charAt(i))) {
        if (digits < 18) {
          mantissa = mantissa * 10 + (c - '0');
          if (mantissa != 0) {
            digits++;
          }
          exponent--;
        } else {
          overflow = true;
        }
        i++;
      }
    }
    if (i < end && ((c = s.charAt(i)) == 'e' || c == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < end && ((c = s.charAt(i)) == '+' || c == '-')) {
        expNegative = c == '-';
        i++;
      }
      int e = 0;
      boolean expDigits = false;
      while (i < end && digit(c = s.charAt(i))) {
        expDigits = true;
        if (e < 100_000) {
          e = e * 10 + (c - '0');
        }
        i++;
      }
      if (!expDigits) {
        return Double.NaN;
      }
      exponent += expNegative ? -e : e;
    }
    if (i != end) {
      return Double.NaN;
    }
    double value;
    if (!overflow && mantissa < (1L << 53) && exponent >= -22 && exponent <= 22) {
      // Both operands are exact doubles, so one multiplication or division rounds correctly.
      value = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
      if (negative) {
        value = -value;
      }
    } else {
      value = Double.parseDouble(s.substring(start, end));
    }
    return Double.isFinite(value) ? value : Double.NaN;
  }

  /**
   * Reads a string as a boolean.
   *
   * @param s the string
   * @return 1 for {@code true}, 0 for {@code false} (any ASCII case, surrounding whitespace
   *     ignored), -1 when it does not read as a boolean
   */
  public static int parseBoolean(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && Character.isWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    if (asciiEqualsIgnoreCase(s, start, end, "true")) {
      return 1;
    }
    if (asciiEqualsIgnoreCase(s, start, end, "false")) {
      return 0;
    }
    return -1;
  }

  /** Whether {@code s[start, end)} is {@code lower} (ASCII letters) in any ASCII case. */
  private static boolean asciiEqualsIgnoreCase(String s, int start, int end, String lower) {
    if (end - start != lower.length()) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      // For a lower-case ASCII letter l, (c | 0x20) == l holds only for c = l and its
      // upper-case form: no other char maps there.
      if ((s.charAt(start + k) | 0x20) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }
}
