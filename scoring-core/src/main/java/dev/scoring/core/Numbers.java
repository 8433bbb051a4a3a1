package dev.scoring.core;

/**
 * Reading numbers and booleans out of string attributes without allocating in the common
 * case.
 *
 * <p>A string is a number when it is in plain decimal notation: an optional sign, digits with
 * an optional fraction (or a fraction alone), and an optional exponent ({@code 42},
 * {@code -3.5}, {@code .5}, {@code 1e3}). No whitespace, no {@code NaN}, {@code Infinity},
 * hexadecimal or type suffixes; a value too large for a double is not a number. The result is
 * the correctly rounded double, as {@link Double#parseDouble(String)} gives.
 */
final class Numbers {
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private Numbers() {}

  /**
   * Parses a decimal string.
   *
   * @param s the string
   * @return its value, or NaN when it is not a decimal number or not finite
   */
  static double parse(String s) {
    int n = s.length();
    int i = 0;
    if (n == 0) {
      return Double.NaN;
    }
    boolean negative = false;
    char c = s.charAt(0);
    if (c == '+' || c == '-') {
      negative = c == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0; // significant digits accumulated in mantissa
    int exponent = 0; // decimal exponent adjustment
    boolean any = false;
    boolean overflow = false;
    while (i < n && (c = s.charAt(i)) >= '0' && c <= '9') {
      any = true;
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
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && (c = s.charAt(i)) >= '0' && c <= '9') {
        any = true;
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
    if (!any) {
      return Double.NaN;
    }
    if (i < n && ((c = s.charAt(i)) == 'e' || c == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < n && ((c = s.charAt(i)) == '+' || c == '-')) {
        expNegative = c == '-';
        i++;
      }
      int e = 0;
      boolean expDigits = false;
      while (i < n && (c = s.charAt(i)) >= '0' && c <= '9') {
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
    if (i != n) {
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
      value = Double.parseDouble(s);
    }
    return Double.isFinite(value) ? value : Double.NaN;
  }

  /**
   * Reads a boolean string.
   *
   * @param s the string
   * @return 1 for {@code true}, 0 for {@code false} (any case), -1 otherwise
   */
  static int parseBoolean(String s) {
    if (s.length() == 4 && s.equalsIgnoreCase("true")) {
      return 1;
    }
    if (s.length() == 5 && s.equalsIgnoreCase("false")) {
      return 0;
    }
    return -1;
  }
}
