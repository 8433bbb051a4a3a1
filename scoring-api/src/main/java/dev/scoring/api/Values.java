package dev.scoring.api;

import java.util.Locale;

/**
 * Values as text, the one formatter every module uses: in error messages
 * ({@link #describe(Object)}, following the template
 * {@code <where> must be <constraint>, but was <value>}) and in reports and tables
 * ({@link #number(double)}, {@link #fixed(double, int)}, {@link #rounded(double, int)}).
 *
 * <p>Whole numbers are always written without a fraction ({@code 60}, not {@code 60.0}) when
 * their magnitude is below 10<sup>15</sup>; the methods differ only in how they write other
 * numbers. Formatting never depends on the default locale.
 *
 * <p>All methods are static and thread-safe.
 */
public final class Values {
  /**
   * The longest description {@link #describe(Object)} returns, in characters: longer ones
   * are cut and end in {@code ...}, so a huge value cannot make a huge message.
   */
  public static final int MAX_DESCRIPTION_LENGTH = 60;

  private Values() {}

  /**
   * Describes a value as it appears in an error message: strings quoted as JSON strings
   * (control characters and unpaired surrogates escaped), numbers as {@link #number(double)},
   * booleans as {@code true}/{@code false}, {@code null} as {@code null}, lists and maps
   * with their kind; cut to {@link #MAX_DESCRIPTION_LENGTH} characters.
   *
   * @param value any value, or null
   * @return the description, at most {@link #MAX_DESCRIPTION_LENGTH} characters long
   */
  public static String describe(Object value) {
    String text;
    if (value == null) {
      text = "null";
    } else if (value instanceof String s) {
      text = quote(s, MAX_DESCRIPTION_LENGTH - 5);
    } else if (value instanceof Double d) {
      text = number(d);
    } else if (value instanceof Float f) {
      text = number(f);
    } else if (value instanceof Number || value instanceof Boolean) {
      text = value.toString();
    } else {
      String kind = value instanceof java.util.Collection<?> ? "a list"
          : value instanceof java.util.Map<?, ?> ? "an object"
          : "a " + value.getClass().getSimpleName();
      String shown = String.valueOf(value);
      if (shown.length() > MAX_DESCRIPTION_LENGTH) {
        shown = shown.substring(0, MAX_DESCRIPTION_LENGTH) + "...";
      }
      text = shown + " (" + kind + ")";
    }
    return cut(text);
  }

  /**
   * Writes a number: whole numbers below 10<sup>15</sup> in magnitude without a fraction,
   * others as {@link Double#toString(double)} ({@code 2.5}, {@code 1.0E15}, {@code NaN}).
   *
   * @param d the number
   * @return the text
   */
  public static String number(double d) {
    if (whole(d)) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  /**
   * Writes a number with a fixed number of decimals, whole numbers without a fraction:
   * {@code fixed(2.5, 2)} is {@code 2.50}, {@code fixed(3, 2)} is {@code 3}.
   *
   * @param d        the number
   * @param decimals the decimals of a number that is not whole, at least 0
   * @return the text
   * @throws IllegalArgumentException if {@code decimals < 0}
   */
  public static String fixed(double d, int decimals) {
    requireDecimals(decimals);
    if (whole(d)) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", d);
  }

  /**
   * Writes a number rounded to at most {@code maxDecimals} decimals, without trailing zeros:
   * {@code rounded(2.5, 6)} is {@code 2.5}, {@code rounded(1.0 / 3, 6)} is
   * {@code 0.333333}, {@code rounded(3, 6)} is {@code 3}.
   *
   * @param d           the number
   * @param maxDecimals the most decimals written, at least 0
   * @return the text
   * @throws IllegalArgumentException if {@code maxDecimals < 0}
   */
  public static String rounded(double d, int maxDecimals) {
    requireDecimals(maxDecimals);
    if (whole(d)) {
      return Long.toString((long) d);
    }
    if (!Double.isFinite(d)) {
      return Double.toString(d);
    }
    String s = String.format(Locale.ROOT, "%." + maxDecimals + "f", d);
    if (s.indexOf('.') >= 0) {
      int end = s.length();
      while (s.charAt(end - 1) == '0') {
        end--;
      }
      if (s.charAt(end - 1) == '.') {
        end--;
      }
      s = s.substring(0, end);
    }
    return s;
  }

  /**
   * Quotes a string as a JSON string literal, escaping quotes, backslashes, control
   * characters and unpaired surrogates; with a limit, the literal is cut after that many
   * characters of the string and ends in {@code ...}.
   *
   * @param s         the string
   * @param maxLength the longest part of the string shown, or a negative number for all
   * @return the literal
   */
  public static String quote(String s, int maxLength) {
    int n = maxLength < 0 ? s.length() : Math.min(s.length(), maxLength);
    StringBuilder out = new StringBuilder(n + 8).append('"');
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !paired(s, i)) {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    if (n < s.length()) {
      out.append("...");
    }
    return out.toString();
  }

  private static boolean paired(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static boolean whole(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15;
  }

  private static String cut(String text) {
    return text.length() <= MAX_DESCRIPTION_LENGTH ? text
        : text.substring(0, MAX_DESCRIPTION_LENGTH - 3) + "...";
  }

  private static void requireDecimals(int decimals) {
    if (decimals < 0) {
      throw new IllegalArgumentException("decimals must be at least 0, but was " + decimals);
    }
  }
}
