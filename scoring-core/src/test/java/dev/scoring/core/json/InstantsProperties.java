package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The instant reader agrees with {@link Instant#parse} on every text, restricted to SPEC
 * section 1's range (years 0001 to 9999): from characters ({@link Instants#parse}) and from
 * ASCII bytes at any offset (the contact reader's byte path).
 */
class InstantsProperties {

  @Provide
  Arbitrary<String> instantTexts() {
    Arbitrary<Instant> instants = Combinators.combine(
            Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
    Arbitrary<String> canonical = instants.map(Instant::toString);
    Arbitrary<String> anyFraction = Combinators.combine(instants,
            Arbitraries.integers().between(0, 10))
        .as((i, digits) -> {
          String base = i.toString().substring(0, 19);
          String frac = String.format("%09d", i.getNano());
          return digits == 0 ? base + "Z" : base + "." + (frac + "0").substring(0, digits) + "Z";
        });
    Arbitrary<String> mutated = Combinators.combine(canonical,
            Arbitraries.integers().between(0, 29),
            Arbitraries.of('0', '1', '2', '5', '9', ':', '/', 'A', '-', '.', 'T', 'Z', 'z', '+', ' ',
                // not ASCII, but '1', '0', '-' and 'Z' in their low byte
                '\u0131', '\u0130', '\u012d', '\u015a', '\u0665'))
        .as((s, at, c) -> at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s);
    Arbitrary<String> edges = Arbitraries.of("2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z", "2000-02-29T23:59:59Z", "2026-12-31T23:59:60Z",
        "2026-04-31T00:00:00Z", "0000-01-01T00:00:00Z", "0000-12-31T23:59:59.999999999Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
        "0001-01-01T00:00:00+00:01", "9999-12-31T23:59:59-00:01", "1969-12-31T23:59:59.999999999Z",
        "2026-10-01T09:30:00.Z", "2026-10-01T09:30:00+02:00", "2026-10-01T24:00:00Z",
        "+12026-10-01T09:30:00Z", "2026-10-01t09:30:00z", "2026-13-01T00:00:00Z");
    return Arbitraries.oneOf(canonical, anyFraction, mutated, edges);
  }

  @Property(tries = 2000)
  void parsesExactlyAsInstantParse(@ForAll("instantTexts") String text) {
    assertEquals(reference(text), fast(text));
  }

  @Property(tries = 2000)
  void readsBytesExactlyAsInstantParse(@ForAll("instantTexts") String text,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 7) int offset) {
    net.jqwik.api.Assume.that(text.chars().allMatch(c -> c < 0x80));
    byte[] bytes = new byte[offset + text.length() + 3];
    java.util.Arrays.fill(bytes, (byte) '9');
    for (int i = 0; i < text.length(); i++) {
      bytes[offset + i] = (byte) text.charAt(i);
    }
    Instants reader = new Instants();
    String read = reader.read(bytes, offset, text.length())
        ? Instant.ofEpochSecond(reader.second(), reader.nano()).toString() : "rejected";
    assertEquals(reference(text), read);
  }

  @Property(tries = 200)
  void epochDayAgreesWithLocalDate(
      @ForAll @net.jqwik.api.constraints.IntRange(min = -5000, max = 9999) int year,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 12) int month,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 28) int day) {
    assertEquals(java.time.LocalDate.of(year, month, day).toEpochDay(),
        Instants.epochDay(year, month, day));
  }

  private static String reference(String text) {
    try {
      Instant i = Instant.parse(text);
      return i.isBefore(Instants.MIN) || i.isAfter(Instants.MAX) ? "rejected" : i.toString();
    } catch (DateTimeParseException e) {
      return "rejected";
    }
  }

  private static String fast(String text) {
    try {
      return Instants.parse(text).toString();
    } catch (DateTimeParseException e) {
      return "rejected";
    }
  }
}
