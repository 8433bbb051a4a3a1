package dev.scoring.core;

import java.time.Instant;

/**
 * Reading ISO-8601 instants without the allocations of {@link Instant#parse}: the common
 * UTC form {@code 2026-10-01T09:30:00Z}, with an optional fraction of 1 to 9 digits, is read
 * by hand; anything else (offsets, leap seconds, other years) is left to
 * {@code Instant.parse}, so the result is always what {@code Instant.parse} gives.
 */
final class Instants {
  private Instants() {}

  /**
   * The epoch second of a canonical UTC instant, or {@link Long#MIN_VALUE} when the text is
   * not in the canonical form (or not a valid date and time). Years 1000 to 9999 only; the
   * nanoseconds are {@link #canonicalNano}.
   */
  static long canonicalSecond(char[] s, int from, int length) {
    // yyyy-MM-ddTHH:mm:ssZ (20) or yyyy-MM-ddTHH:mm:ss.f{1,9}Z (22..30)
    if (length < 20 || length > 30 || length == 21) {
      return Long.MIN_VALUE;
    }
    int e = from + length;
    if (s[from + 4] != '-' || s[from + 7] != '-' || s[from + 10] != 'T' || s[from + 13] != ':'
        || s[from + 16] != ':' || s[e - 1] != 'Z') {
      return Long.MIN_VALUE;
    }
    int year = digits(s, from, 4);
    int month = digits(s, from + 5, 2);
    int day = digits(s, from + 8, 2);
    int hour = digits(s, from + 11, 2);
    int minute = digits(s, from + 14, 2);
    int second = digits(s, from + 17, 2);
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return Long.MIN_VALUE;
    }
    if (canonicalNano(s, from, length) < 0) {
      return Long.MIN_VALUE;
    }
    return epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
  }

  /**
   * The nanoseconds of a canonical UTC instant's fraction (0 without one), or -1 when the
   * fraction is malformed.
   */
  static int canonicalNano(char[] s, int from, int length) {
    if (length <= 20) {
      return 0;
    }
    if (s[from + 19] != '.') {
      return -1;
    }
    int fraction = length - 21;
    int nano = digits(s, from + 20, fraction);
    if (nano < 0) {
      return -1;
    }
    for (int k = fraction; k < 9; k++) {
      nano *= 10;
    }
    return nano;
  }

  /** Parses an instant as {@link Instant#parse} does. */
  static Instant parse(String text) {
    char[] s = text.toCharArray();
    long second = canonicalSecond(s, 0, s.length);
    if (second == Long.MIN_VALUE) {
      return Instant.parse(text);
    }
    return Instant.ofEpochSecond(second, canonicalNano(s, 0, s.length));
  }

  /** The value of {@code n} decimal digits, or -1 if one is not a digit. */
  private static int digits(char[] s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      int d = s[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (as {@code LocalDate.toEpochDay}). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long mp = (month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
