package dev.scoring.core.json;

import java.time.Instant;

/**
 * Parses ISO-8601 instants as {@link Instant#parse(CharSequence)} does, with a fast path
 * for the usual UTC form {@code 2026-10-01T09:30:00Z} (optionally with 1 to 9 fraction
 * digits) that allocates only the result; every other text goes to
 * {@link Instant#parse(CharSequence)}, so results and rejections are the same.
 */
final class Instants {
  private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000,
    1_000, 100, 10, 1};

  private Instants() {}

  /**
   * Parses an instant.
   *
   * @param s the text
   * @return the instant
   * @throws java.time.format.DateTimeParseException if the text is not an ISO-8601 instant
   */
  static Instant parse(String s) {
    int n = s.length();
    if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return Instant.parse(s);
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > length(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return Instant.parse(s);
    }
    int nano = 0;
    if (n > 20) {
      int fraction = n - 21;
      if (s.charAt(19) != '.' || fraction < 1) {
        return Instant.parse(s);
      }
      int f = digits(s, 20, fraction);
      if (f < 0) {
        return Instant.parse(s);
      }
      nano = f * SCALE[fraction];
    }
    long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L
        + second;
    return Instant.ofEpochSecond(epochSecond, nano);
  }

  /** The value of {@code count} decimal digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int length(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days from 1970-01-01 in the proleptic Gregorian calendar (as LocalDate.toEpochDay). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
