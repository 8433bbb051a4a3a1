package dev.scoring.core;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for scoring tables built with {@link ScoringTable#builder(String)} and
 * for contacts that exercise them: every section, operator, decay and option appears, with
 * awkward values mixed in (negative zero, subnormal and huge doubles, numbers with long
 * decimal expansions, whole doubles beyond 2^53, quotes, backslashes, control characters,
 * non-BMP characters and unpaired surrogates in names). Attribute names and event types
 * come mostly from small pools, so generated contacts do hit generated rules.
 *
 * <p>Usage: {@code @Provide Arbitrary<ScoringTable> models() { return
 * ModelArbitraries.models(); }}.
 */
public final class ModelArbitraries {
  /** The instant generated contacts are built around. */
  public static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  /** Attribute names most conditions and contacts use. */
  public static final List<String> ATTRIBUTES =
      List.of("age", "sector", "near_office", "score", "city");

  /** Event types most event rules and contacts use. */
  public static final List<String> EVENTS =
      List.of("page_view", "pricing_page_visit", "email_open", "unsubscribe", "demo_request");

  private static final List<String> TRICKY = List.of("a\"b", "back\\slash", "tab\there",
      "line\nbreak", "nul\u0000", "é", "日本", "\uD83D\uDE00 emoji", "lone \uD800 high",
      "lone \uDC00 low", "\u2028sep", "/slash", "{\"json\":1}", "  padded  ");

  private ModelArbitraries() {}

  /** Non-blank strings: mostly identifiers, sometimes any characters or a tricky value. */
  public static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.strings().alpha().numeric().withChars("-_.")
            .ofMinLength(1).ofMaxLength(10)),
        Tuple.of(1, Arbitraries.strings().withCharRange((char) 0, (char) 0xFFFF)
            .ofMinLength(1).ofMaxLength(6)),
        Tuple.of(1, Arbitraries.of(TRICKY)))
        .filter(s -> !s.isBlank());
  }

  /** Finite doubles: small whole numbers, decimals and awkward values. */
  public static Arbitrary<Double> numbers() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(-100, 100).map(i -> (double) i)),
        Tuple.of(3, Arbitraries.doubles().between(-1000, 1000).ofScale(4)),
        Tuple.of(2, Arbitraries.doubles().between(-1e6, 1e6).ofScale(15)),
        Tuple.of(1, Arbitraries.of(-0.0, 0.1, 1.0 / 3, 1e-7, 2.82879384806159E17, 1e300, -1e300,
            Double.MIN_VALUE, Double.MAX_VALUE, 0x1p53, 0x1p53 + 2, 123456.789, 5e-324)));
  }

  /** Finite, non-zero doubles. */
  public static Arbitrary<Double> points() {
    return numbers().filter(p -> p != 0 && Math.abs(p) <= 1e9); // SPEC 3: |points| <= 1e9
  }

  /** Finite, negative doubles. */
  public static Arbitrary<Double> negativePoints() {
    return points().map(p -> p < 0 ? p : -p);
  }

  private static Arbitrary<Double> positive() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(1, 400).map(i -> (double) i)),
        Tuple.of(2, Arbitraries.doubles().between(0.001, 500).ofScale(6)),
        Tuple.of(1, Arbitraries.of(Double.MIN_VALUE, 1e-300, 1e300, 0.1, 1.0 / 3)));
  }

  private static Arbitrary<Object> scalar() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.oneOf(text(), Arbitraries.of("tech", "TECH", "42", "-3.5e2",
            "true", "False", "Paris")).map(s -> (Object) s)),
        Tuple.of(2, Arbitraries.longs().between(-100, 100).map(l -> (Object) l)),
        Tuple.of(1, Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, (long) 0x1p53 + 1)
            .map(l -> (Object) l)),
        Tuple.of(2, numbers().map(d -> (Object) d)),
        Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)));
  }

  private static Arbitrary<String> attributeName() {
    return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(ATTRIBUTES)), Tuple.of(1, text()));
  }

  private static Arbitrary<String> eventType() {
    return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(EVENTS)), Tuple.of(1, text()));
  }

  /** One condition with any operator. */
  public static Arbitrary<Condition> conditions() {
    Arbitrary<Condition.Operator> operators = Arbitraries.of(Condition.Operator.class);
    return Combinators.combine(attributeName(), operators, scalar().list().ofMinSize(1)
            .ofMaxSize(4), numbers(), numbers(), Arbitraries.of(true, false))
        .as((name, op, values, a, b, flag) -> switch (op) {
          case EQUALS -> new Condition(name, op, List.of(values.get(0)), flag);
          case IN -> new Condition(name, op, values, flag);
          case BETWEEN -> new Condition(name, op, List.of(Math.min(a, b), Math.max(a, b)),
              false);
          case AT_LEAST, BELOW -> new Condition(name, op, List.of(a), false);
          case PRESENT -> new Condition(name, op, List.of(flag), false);
        });
  }

  /** One condition or several joined with {@code and}. */
  public static Arbitrary<Criteria> criteria() {
    return conditions().list().ofMinSize(1).ofMaxSize(3)
        .map(cs -> cs.size() == 1 ? (Criteria) cs.get(0) : new Criteria.AllOf(cs))
        .filter(ArbitraryTables::canFire); // the builder refuses rules that never fire
  }

  /** Event matches with every option sometimes set. */
  public static Arbitrary<EventMatch> matches() {
    return Combinators.combine(eventType(),
            Arbitraries.integers().between(1, 400).optional(0.4),
            Arbitraries.integers().between(1, 5).optional(0.3),
            numbers().optional(0.3),
            Arbitraries.of(true, false).optional(0.4))
        .as((type, within, max, min, decays) -> {
          EventMatch m = EventMatch.on(type);
          if (within.isPresent()) {
            m = m.withinDays(within.get());
          }
          if (max.isPresent()) {
            m = m.maxOccurrences(max.get());
          }
          if (min.isPresent()) {
            m = m.minValue(min.get());
          }
          return decays.isPresent() ? m.decays(decays.get()) : m;
        });
  }

  /**
   * Aggregate conditions (SPEC section 9) of every function and operator, with every option
   * sometimes set and awkward operands.
   */
  public static Arbitrary<Aggregate> aggregates() {
    Arbitrary<List<String>> types = eventType().set().ofMinSize(1).ofMaxSize(3)
        .map(List::copyOf);
    Arbitrary<Aggregate.Measure> measures = Combinators.combine(
            Arbitraries.of(Aggregate.Function.class), types, types,
            Arbitraries.integers().between(1, 400).optional(0.4), numbers().optional(0.3),
            Arbitraries.integers().between(1, 50).optional(0.3))
        .as((f, events, per, within, min, minCount) -> {
          boolean rate = f == Aggregate.Function.RATE;
          Aggregate.Measure m = new Aggregate.Measure(f, events, rate ? per : List.of(),
              java.util.OptionalInt.empty(), java.util.OptionalDouble.empty(),
              rate ? minCount.orElse(1) : 1);
          if (within.isPresent()) {
            m = m.withinDays(within.get());
          }
          return min.isPresent() ? m.minValue(min.get()) : m;
        });
    return Combinators.combine(measures, Arbitraries.of(Aggregate.Operator.class), numbers(),
        numbers()).as((m, op, a, b) -> switch (op) {
          case AT_LEAST -> m.atLeast(a);
          case BELOW -> m.below(a);
          case EQUALS -> m.equalTo(a);
          case BETWEEN -> m.between(Math.min(a, b), Math.max(a, b));
        });
  }

  /** Every kind of decay. */
  public static Arbitrary<Decay> decays() {
    Arbitrary<Decay> steps = Combinators.combine(
            Arbitraries.doubles().between(0.5, 60).ofScale(3).list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.doubles().between(0, 1).ofScale(5)),
                Tuple.of(1, Arbitraries.of(0.0, 1.0, -0.0))).list().ofSize(4))
        .as((gaps, factors) -> {
          List<Decay.Step> list = new ArrayList<>();
          double below = 0;
          for (int i = 0; i < gaps.size(); i++) {
            below += gaps.get(i);
            list.add(Decay.step(below, factors.get(i)));
          }
          return Decay.steps(list);
        });
    return Arbitraries.oneOf(Arbitraries.just(Decay.none()), positive().map(Decay::halfLife),
        positive().map(Decay::linear), steps);
  }

  /** Arbitrary scoring tables made with the builder. */
  public static Arbitrary<ScoringTable> models() {
    Arbitrary<String[]> names = Combinators.combine(text(), text().optional(0.5))
        .as((n, v) -> new String[] {n, v.orElse(null)});
    Arbitrary<double[]> scales = Combinators.combine(
            Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0.0)),
                Tuple.of(1, numbers().filter(d -> d <= 0 && d > -1e6))),
            positive())
        .as((min, width) -> new double[] {min, min + width})
        .filter(s -> s[1] > s[0]).optional(0.5).map(o -> o.orElse(null));
    Arbitrary<Optional<Double>> demographicCaps = positive().optional(0.3);
    Arbitrary<Optional<Double>> behavioralCaps = positive().optional(0.3);
    Arbitrary<List<Consumer<Rules>>> demographic = Combinators.combine(text(), criteria(),
            points())
        .as((id, c, p) -> (Consumer<Rules>) r -> r.b.demographic(r.id(id), c, p))
        .list().ofMaxSize(5);
    Arbitrary<Consumer<Rules>> behavioralEvent = Combinators.combine(text(), matches(),
            points())
        .as((id, m, p) -> (Consumer<Rules>) r -> r.b.behavioral(r.id(id), m, p));
    Arbitrary<Consumer<Rules>> behavioralAggregate = Combinators.combine(text(), aggregates(),
            negativePoints())
        .as((id, a, p) -> (Consumer<Rules>) r -> r.b.behavioral(r.id(id), a, -p));
    Arbitrary<List<Consumer<Rules>>> behavioral = Arbitraries.frequencyOf(
        Tuple.of(3, behavioralEvent), Tuple.of(1, behavioralAggregate)).list().ofMaxSize(5);
    Arbitrary<Consumer<Rules>> negativeAttribute = Combinators.combine(text(), criteria(),
            negativePoints())
        .as((id, c, p) -> r -> r.b.negative(r.id(id), c, p));
    Arbitrary<Consumer<Rules>> negativeEvent = Combinators.combine(text(), matches(),
            negativePoints())
        .as((id, m, p) -> r -> r.b.negative(r.id(id), m, p));
    Arbitrary<Consumer<Rules>> inactivity = Combinators.combine(text(),
            Arbitraries.integers().between(1, 400), negativePoints())
        .as((id, days, p) -> r -> r.b.inactivity(r.id(id), days, p));
    Arbitrary<Consumer<Rules>> negativeAggregate = Combinators.combine(text(), aggregates(),
            negativePoints())
        .as((id, a, p) -> r -> r.b.negative(r.id(id), a, p));
    Arbitrary<List<Consumer<Rules>>> negative =
        Arbitraries.oneOf(negativeAttribute, negativeEvent, inactivity, negativeAggregate)
            .list().ofMaxSize(4);
    Arbitrary<BiConsumer<ScoringTable.Builder, Scale>> tiers = Combinators.combine(
            text().list().ofMaxSize(3),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.doubles().between(0.001, 0.3).ofScale(4).list().ofSize(3),
            text().optional(0.5))
        .as((tierNames, start, gaps, base) -> (b, scale) -> {
          // thresholds inside the scale, which the builder requires
          Set<String> used = new HashSet<>();
          double width = scale.max() - scale.min();
          double at = scale.min() + start * width;
          for (int i = 0; i < tierNames.size() && at <= scale.max(); i++) {
            String n = tierNames.get(i);
            while (!used.add(n)) {
              n = n + "~" + i;
            }
            b.tier(n, at);
            at += Math.max(gaps.get(i) * width, Math.ulp(at) * 4);
          }
          if (base.isPresent()) {
            String n = base.get();
            while (used.contains(n)) {
              n = n + "~base";
            }
            b.baseTier(n);
          } else if (used.contains("unqualified")) {
            b.baseTier("unqualified~base");
          }
        });
    return Combinators.combine(names, scales, decays(), demographicCaps, behavioralCaps,
            demographic, behavioral, Combinators.combine(negative, tiers).as(Tuple::of))
        .as((nv, scale, decay, dCap, bCap, dem, beh, negTiers) -> {
          ScoringTable.Builder b = ScoringTable.builder(nv[0]);
          if (nv[1] != null) {
            b.version(nv[1]);
          }
          if (scale != null) {
            b.scale(scale[0], scale[1]);
          }
          b.decay(decay);
          dCap.ifPresent(b::demographicCap);
          bCap.ifPresent(b::behavioralCap);
          Rules rules = new Rules(b);
          dem.forEach(r -> r.accept(rules));
          beh.forEach(r -> r.accept(rules));
          negTiers.get1().forEach(r -> r.accept(rules));
          negTiers.get2().accept(b, scale == null ? Scale.DEFAULT : new Scale(scale[0], scale[1]));
          try {
            return b.build();
          } catch (dev.scoring.api.ModelException e) {
            return null; // no rule at all, or a rule that can never add points
          }
        }).filter(t -> t != null);
  }

  /** Contacts with attributes and events around {@link #NOW}, some of them in the future. */
  public static Arbitrary<Contact> contacts() {
    Arbitrary<Object> values = Arbitraries.frequencyOf(
        Tuple.of(3, scalar()),
        Tuple.of(2, Arbitraries.integers().between(15, 70).map(i -> (Object) (long) i)),
        Tuple.of(1, Arbitraries.of("", " ").map(s -> (Object) s)));
    Arbitrary<Map<String, Object>> attributes =
        Arbitraries.maps(attributeName(), values).ofMaxSize(5);
    Arbitrary<Event> events = Combinators.combine(eventType(),
            Arbitraries.longs().between(-3 * 86_400, 400 * 86_400),
            numbers().filter(d -> Math.abs(d) < 1e9).optional(0.5))
        .as((type, secondsAgo, value) -> new Event(type,
            NOW.minus(Duration.ofSeconds(secondsAgo)),
            value.map(OptionalDouble::of).orElse(OptionalDouble.empty())));
    return Combinators.combine(text(), attributes, events.list().ofMaxSize(8))
        .as((id, attrs, evs) -> Contact.builder(id).attributes(attrs).events(evs).build());
  }

  /** Instants within two days of {@link #NOW}. */
  public static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(-2 * 86_400, 2 * 86_400).map(NOW::plusSeconds);
  }

  /** Hands out unique rule ids while rules are added. */
  private static final class Rules {
    final ScoringTable.Builder b;
    final Set<String> ids = new HashSet<>();

    Rules(ScoringTable.Builder b) {
      this.b = b;
    }

    String id(String wanted) {
      String id = wanted;
      int k = 0;
      while (!ids.add(id)) {
        id = wanted + "~" + (++k);
      }
      return id;
    }
  }
}
