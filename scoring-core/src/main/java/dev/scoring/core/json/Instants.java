package dev.scoring.core.json;

import dev.scoring.core.internal.Words;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one instant reader of contacts: ISO-8601 text as {@link Instant#parse(CharSequence)}
 * reads it, restricted to SPEC section 1's range ({@link #MIN} to {@link #MAX}, to the
 * nanosecond). The usual UTC form {@code 2026-10-01T09:30:00Z}, with an optional fraction of
 * 1 to 9 digits, is read by hand from ASCII bytes without allocating (characters are copied
 * into a scratch byte array first, so there is one such reader); any other text (offsets, leap
 * seconds, signed years) goes to {@code Instant.parse}, so results and rejections are the same.
 *
 * <p>Not thread-safe: an instance holds the last result ({@link #second()}, {@link #nano()})
 * so that reading allocates nothing; one per reader. The static {@link #parse(String)} is
 * thread-safe.
 */
final class Instants {
  /** The earliest instant of SPEC section 1. */
  static final Instant MIN = dev.scoring.api.Event.MIN_AT;
  /** The latest instant of SPEC section 1. */
  static final Instant MAX = dev.scoring.api.Event.MAX_AT;
  /** The constraint in messages. */
  static final String RANGE = "an ISO-8601 instant from " + MIN + " to " + MAX;

  private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000,
    1_000, 100, 10, 1};

  /** The length of the usual form {@code yyyy-MM-ddTHH:mm:ssZ}. */
  static final int SECONDS_LENGTH = 20;
  /** The shortest text the fast reader takes: {@code yyyy-MM-ddTHH:mm:ssZ}. */
  private static final int FAST_MIN = SECONDS_LENGTH;
  /** The longest: nine digits of fraction. */
  private static final int FAST_MAX = 30;

  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  /** {@code 0000-00-} and {@code 00T00:00} as little-endian words. */
  private static final long DATE = pattern("0000-00-");
  private static final long TIME = pattern("00T00:00");
  /** Added to each byte (below 0x80) so that its high bit is set when it is over 9 or 0. */
  private static final long DATE_LIMITS = limits("0000-00-");
  private static final long TIME_LIMITS = limits("00T00:00");

  private long second;
  private int nano;
  // Characters copied as bytes for the fast reader.
  private final byte[] scratch = new byte[FAST_MAX];

  /** The epoch second of the last instant read. */
  long second() {
    return second;
  }

  /** The nanoseconds of the last instant read. */
  int nano() {
    return nano;
  }

  /**
   * Reads an instant from ASCII bytes into {@link #second()} and {@link #nano()}: the one
   * fast reader; the bytes of any other text go to {@code Instant.parse}.
   *
   * @param s      the bytes, each one an ASCII character
   * @param from   the first one
   * @param length how many
   * @return whether the text is an instant of SPEC section 1's range
   */
  boolean read(byte[] s, int from, int length) {
    return fast(s, from, length)
        || slow(new String(s, from, length, StandardCharsets.ISO_8859_1));
  }

  /**
   * Reads an instant into {@link #second()} and {@link #nano()}: text of the fast reader's
   * length and all ASCII is copied into a scratch byte array and read there, so there is one
   * fast reader; anything else goes to {@code Instant.parse}.
   *
   * @param s      the characters
   * @param from   the first one
   * @param length how many
   * @return whether the text is an instant of SPEC section 1's range
   */
  boolean read(char[] s, int from, int length) {
    if (length >= FAST_MIN && length <= FAST_MAX && ascii(s, from, length)
        && fast(scratch, 0, length)) {
      return true;
    }
    return slow(new String(s, from, length));
  }

  /** Copies the characters into {@link #scratch}; false at the first one that is not ASCII. */
  private boolean ascii(char[] s, int from, int length) {
    for (int i = 0; i < length; i++) {
      char c = s[from + i];
      if (c >= 0x80) {
        return false;
      }
      scratch[i] = (byte) c;
    }
    return true;
  }

  /** Reads the text with {@code Instant.parse}, within the range. */
  private boolean slow(String text) {
    Instant parsed;
    try {
      parsed = Instant.parse(text);
    } catch (DateTimeParseException e) {
      return false;
    }
    if (parsed.isBefore(MIN) || parsed.isAfter(MAX)) {
      return false;
    }
    second = parsed.getEpochSecond();
    nano = parsed.getNano();
    return true;
  }

  /**
   * Parses an instant of SPEC section 1's range.
   *
   * @param text the text
   * @return the instant
   * @throws DateTimeParseException if it is not an ISO-8601 instant in the range
   */
  static Instant parse(String text) {
    Instants i = new Instants();
    if (!i.read(text.toCharArray(), 0, text.length())) {
      throw new DateTimeParseException("must be " + RANGE, text, 0);
    }
    return Instant.ofEpochSecond(i.second, i.nano);
  }

  /**
   * Reads the canonical UTC form, years 0001 to 9999, into {@link #second()} and
   * {@link #nano()}; false for anything else. Every byte of a text it accepts is an ASCII
   * digit or one of {@code -T:.Z}.
   *
   * @param s    the bytes
   * @param from the first one
   * @param n    how many
   * @return whether they are such an instant
   */
  boolean fast(byte[] s, int from, int n) {
    // yyyy-MM-ddTHH:mm:ssZ (20) or yyyy-MM-ddTHH:mm:ss.f{1,9}Z (22..30)
    if (n < FAST_MIN || n > FAST_MAX || n == 21) {
      return false;
    }
    // Bytes 0..7 (yyyy-MM-) and 8..15 (ddTHH:mm) a word each: XOR with the pattern leaves
    // 0..9 in a digit's place and 0 in a separator's; any other byte is refused at once.
    long date = Words.at(s, from) ^ DATE;
    long time = Words.at(s, from + 8) ^ TIME;
    if (((((date & LOWS) + DATE_LIMITS) | date | (((time & LOWS) + TIME_LIMITS) | time))
        & Words.HIGHS) != 0 || s[from + 16] != ':' || s[from + n - 1] != 'Z') {
      return false;
    }
    // Each byte times ten plus the next byte: the two-digit numbers, one per byte.
    long dates = date * 10 + (date >>> 8);
    long times = time * 10 + (time >>> 8);
    int year = (int) (dates & 0xFF) * 100 + (int) ((dates >>> 16) & 0xFF);
    int month = (int) ((dates >>> 40) & 0xFF);
    int day = (int) (times & 0xFF);
    int hour = (int) ((times >>> 24) & 0xFF);
    int minute = (int) ((times >>> 48) & 0xFF);
    int sec = two(s, from + 17);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || sec < 0 || sec > 59) {
      return false;
    }
    int ns = 0;
    if (n > FAST_MIN) {
      if (s[from + 19] != '.') {
        return false;
      }
      int fraction = n - 21;
      int f = digits(s, from + 20, fraction);
      if (f < 0) {
        return false;
      }
      ns = f * SCALE[fraction];
    }
    second = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + sec;
    nano = ns;
    return true;
  }

  private static long pattern(String eight) {
    long w = 0;
    for (int i = 7; i >= 0; i--) {
      w = (w << 8) | eight.charAt(i);
    }
    return w;
  }

  private static long limits(String eight) {
    long w = 0;
    for (int i = 7; i >= 0; i--) {
      w = (w << 8) | (eight.charAt(i) == '0' ? 0x80 - 10 : 0x80 - 1);
    }
    return w;
  }

  /**
   * The value of the two decimal digits at {@code from}, or a negative number: straight-line
   * code for the fixed fields, which every event's instant has.
   */
  private static int two(byte[] s, int from) {
    int a = s[from] - '0';
    int b = s[from + 1] - '0';
    return (a | b | (9 - a) | (9 - b)) < 0 ? -1 : a * 10 + b;
  }

  /** The value of {@code count} decimal digits at {@code from}, or -1. */
  private static int digits(byte[] s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
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
