package dev.scoring.core;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class InstantsProperties {

  /** {@code Instant.toString()} of a whole second, with a fraction of {@code digits} digits. */
  static String text(long second, int nano, int digits) {
    String whole = Instant.ofEpochSecond(second).toString();
    if (digits == 0) {
      return whole;
    }
    String fraction = String.format("%09d", nano).substring(0, digits);
    return whole.substring(0, whole.length() - 1) + "." + fraction + "Z";
  }

  @Property(tries = 300)
  void canonicalTextsParseExactlyAsInstantParse(
      @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long second,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nano,
      @ForAll @IntRange(min = 0, max = 9) int digits) {
    String text = text(second, nano, digits);
    Instant expected = Instant.parse(text);
    if (!expected.equals(Instants.parse(text))) {
      throw new AssertionError(text + ": " + Instants.parse(text) + " != " + expected);
    }
  }

  @Property(tries = 500)
  void mutatedTextsParseAsInstantParseOrFailAsIt(
      @ForAll @LongRange(min = 0, max = 4_102_444_800L) long second,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nano,
      @ForAll @IntRange(min = 0, max = 9) int digits,
      @ForAll @IntRange(min = 0, max = 29) int position,
      @ForAll @Chars({'-', ':', 'T', 'Z', '.', 'x', '+', ' '}) @CharRange(from = '0', to = '9')
          char replacement) {
    String text = text(second, nano, digits);
    int at = position % text.length();
    String mutated = text.substring(0, at) + replacement + text.substring(at + 1);
    Instant expected;
    try {
      expected = Instant.parse(mutated);
    } catch (DateTimeParseException e) {
      try {
        Instant got = Instants.parse(mutated);
        throw new AssertionError(mutated + " must be rejected, but was read as " + got);
      } catch (DateTimeParseException expectedFailure) {
        return;
      }
    }
    if (!expected.equals(Instants.parse(mutated))) {
      throw new AssertionError(mutated + ": " + Instants.parse(mutated) + " != " + expected);
    }
  }

  @Property(tries = 200)
  void epochDayAgreesWithLocalDate(
      @ForAll @IntRange(min = -5000, max = 9999) int year,
      @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll @IntRange(min = 1, max = 28) int day) {
    long expected = java.time.LocalDate.of(year, month, day).toEpochDay();
    if (Instants.epochDay(year, month, day) != expected) {
      throw new AssertionError(year + "-" + month + "-" + day);
    }
  }
}
