package dev.scoring.core.testing;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.analysis.Vocabulary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries that generate contacts in a scoring table's own vocabulary (see
 * {@link Vocabulary}): the attributes its conditions name, with the values that make a
 * difference to them (operands, case variants, thresholds and their neighbours, numbers
 * written as strings, booleans, blank strings) and others, sometimes absent; the event types
 * it scores, and others; event values at and just below each {@code minValue}, and none;
 * instants one second either side of every window edge, inactivity threshold and decay
 * step, random ages, and future instants.
 *
 * <pre>{@code
 * @Provide
 * Arbitrary<Contact> contacts() {
 *   return ScoringArbitraries.contacts(MODEL, AS_OF);
 * }
 * }</pre>
 *
 * <p>This class needs jqwik ({@code net.jqwik:jqwik}) on the test class path; the rest of
 * the library never loads it. Arbitraries are immutable and may be shared.
 */
public final class ScoringArbitraries {
  /** The default largest number of events per generated contact. */
  public static final int DEFAULT_MAX_EVENTS = 8;

  private ScoringArbitraries() {}

  /**
   * Contacts with up to {@link #DEFAULT_MAX_EVENTS} events.
   *
   * @param table the table whose vocabulary to use
   * @param asOf  the instant the contacts will be scored as of (event instants are placed
   *              around it)
   * @return the arbitrary
   * @throws NullPointerException if an argument is null
   */
  public static Arbitrary<Contact> contacts(ScoringTable table, Instant asOf) {
    return contacts(table, asOf, DEFAULT_MAX_EVENTS);
  }

  /**
   * Contacts with up to {@code maxEvents} events.
   *
   * @param table     the table whose vocabulary to use
   * @param asOf      the instant the contacts will be scored as of
   * @param maxEvents the largest number of events, at least 0
   * @return the arbitrary
   * @throws IllegalArgumentException if {@code maxEvents < 0}
   * @throws NullPointerException if an argument is null
   */
  public static Arbitrary<Contact> contacts(ScoringTable table, Instant asOf, int maxEvents) {
    if (maxEvents < 0) {
      throw new IllegalArgumentException("maxEvents must be at least 0, but was " + maxEvents);
    }
    Vocabulary v = Vocabulary.of(Objects.requireNonNull(table, "table"));
    Arbitrary<String> ids = Arbitraries.integers().between(1, 999_999).map(i -> "c-" + i);
    return Combinators.combine(ids, attributes(v), events(v, asOf).list().ofMaxSize(maxEvents))
        .as((id, attributes, events) -> Contact.builder(id).attributes(attributes)
            .events(events).build());
  }

  /**
   * Attribute maps: each attribute the table's conditions name, with a value from its
   * candidates, another value or absent; sometimes an attribute no condition names.
   *
   * @param table the table
   * @return the arbitrary; maps may hold null values, which mean absent
   * @throws NullPointerException if {@code table} is null
   */
  public static Arbitrary<Map<String, Object>> attributes(ScoringTable table) {
    return attributes(Vocabulary.of(Objects.requireNonNull(table, "table")));
  }

  private static Arbitrary<Map<String, Object>> attributes(Vocabulary v) {
    List<String> names = new ArrayList<>(v.attributeValues().keySet());
    List<Arbitrary<Object>> values = new ArrayList<>();
    for (String name : names) {
      values.add(value(v.attributeValues().get(name)));
    }
    names.add(v.otherAttribute());
    values.add(others().injectNull(0.7));
    return Combinators.combine(values).as(list -> {
      Map<String, Object> map = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        map.put(names.get(i), list.get(i));
      }
      return map;
    });
  }

  private static Arbitrary<Object> value(List<Object> candidates) {
    Arbitrary<Object> mentioned = Arbitraries.of(candidates);
    return Arbitraries.<Object>frequencyOf(
        Tuple.of(6, mentioned),
        Tuple.of(1, others())).injectNull(0.2);
  }

  private static Arbitrary<Object> others() {
    return Arbitraries.<Object>oneOf(
        Arbitraries.strings().alpha().ofMaxLength(8).map(s -> (Object) s),
        Arbitraries.integers().between(-1_000, 1_000).map(i -> (Object) (long) i),
        Arbitraries.doubles().between(-1_000, 1_000).map(d -> (Object) d),
        Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b));
  }

  /**
   * Single events: a scored type (sometimes another), an instant from
   * {@link #instants(ScoringTable, Instant)}, and a value at or just below a
   * {@code minValue}, another value or none.
   *
   * @param table the table
   * @param asOf  the instant the events will be scored as of
   * @return the arbitrary
   * @throws NullPointerException if an argument is null
   */
  public static Arbitrary<Event> events(ScoringTable table, Instant asOf) {
    return events(Vocabulary.of(Objects.requireNonNull(table, "table")), asOf);
  }

  private static Arbitrary<Event> events(Vocabulary v, Instant asOf) {
    Arbitrary<Instant> instants = instants(v, asOf);
    Arbitrary<OptionalDouble> none = Arbitraries.just(OptionalDouble.empty());
    Arbitrary<OptionalDouble> any = Arbitraries.doubles().between(-100, 10_000)
        .map(OptionalDouble::of);
    Arbitrary<Event> other = Combinators.combine(instants, Arbitraries.oneOf(none, any))
        .as((at, value) -> new Event(v.otherEventType(), at, value));
    if (v.eventTypes().isEmpty()) {
      return other;
    }
    List<Arbitrary<Event>> scored = new ArrayList<>();
    for (String type : v.eventTypes()) {
      List<Double> thresholds = v.eventValues().getOrDefault(type, List.of());
      Arbitrary<OptionalDouble> values = thresholds.isEmpty()
          ? Arbitraries.oneOf(none, none, any)
          : Arbitraries.oneOf(none, any, Arbitraries.of(thresholds).map(OptionalDouble::of),
              Arbitraries.of(thresholds).map(OptionalDouble::of));
      scored.add(Combinators.combine(instants, values)
          .as((at, value) -> new Event(type, at, value)));
    }
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.oneOf(scored)),
        Tuple.of(1, other));
  }

  /**
   * Event types: one the table scores (mostly) or one it does not.
   *
   * @param table the table
   * @return the arbitrary
   * @throws NullPointerException if {@code table} is null
   */
  public static Arbitrary<String> eventTypes(ScoringTable table) {
    Vocabulary v = Vocabulary.of(Objects.requireNonNull(table, "table"));
    if (v.eventTypes().isEmpty()) {
      return Arbitraries.just(v.otherEventType());
    }
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(v.eventTypes())),
        Tuple.of(1, Arbitraries.just(v.otherEventType())));
  }

  /**
   * Event instants around {@code asOf}: exactly at and one second either side of each
   * candidate age of the table (window edges, inactivity thresholds, decay steps), random
   * ages up to a few years, and some future instants (which scoring ignores).
   *
   * @param table the table
   * @param asOf  the instant of scoring
   * @return the arbitrary
   * @throws NullPointerException if an argument is null
   */
  public static Arbitrary<Instant> instants(ScoringTable table, Instant asOf) {
    return instants(Vocabulary.of(Objects.requireNonNull(table, "table")), asOf);
  }

  private static Arbitrary<Instant> instants(Vocabulary v, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    long now = asOf.getEpochSecond();
    Arbitrary<Instant> edges = Combinators.combine(Arbitraries.of(v.ages()),
            Arbitraries.of(-1L, 0L, 0L, 1L))
        .as((age, delta) -> at(now, asOf.getNano(), -age * 86_400L + delta));
    Arbitrary<Instant> random = Arbitraries.longs().between(0, 3L * 366 * 86_400)
        .map(s -> at(now, asOf.getNano(), -s));
    Arbitrary<Instant> future = Arbitraries.longs().between(1, 400L * 86_400)
        .map(s -> at(now, asOf.getNano(), s));
    return Arbitraries.frequencyOf(
        Tuple.of(6, edges),
        Tuple.of(3, random),
        Tuple.of(1, future));
  }

  private static Instant at(long epochSecond, int nano, long offsetSeconds) {
    // within SPEC section 1's range (years 0001 to 9999)
    long s = Math.max(dev.scoring.api.Event.MIN_AT.getEpochSecond(),
        Math.min(dev.scoring.api.Event.MAX_AT.getEpochSecond(), epochSecond + offsetSeconds));
    return Instant.ofEpochSecond(s, nano);
  }
}
