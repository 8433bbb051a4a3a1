package dev.scoring.core;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for scoring tables and contacts over one small shared vocabulary, so
 * generated conditions and events actually meet.
 */
final class ArbitraryTables {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  static final List<String> ATTRIBUTES = List.of("age", "sector", "flag", "city");
  static final List<String> EVENT_TYPES = List.of("a", "b", "c");
  static final List<Object> ATTRIBUTE_VALUES = List.of(18L, 24L, 25L, 0L, -1L, 3.5, 24.5,
      "tech", "Tech", "TECH", "18", "18.0", "24.5", "true", "FALSE", "", " ", "x", true, false);
  static final List<Long> EDGE_DAYS =
      List.of(0L, 1L, 6L, 7L, 29L, 30L, 31L, 59L, 60L, 89L, 90L, 91L, 120L, 365L, 4100L);

  private ArbitraryTables() {}

  /** Any scoring table over the vocabulary. */
  static Arbitrary<ScoringTable> tables() {
    return tables(false);
  }

  /**
   * Tables whose engagement cannot rise as time passes: positive behavioral points,
   * non-increasing decays, negative event rules without window or decay.
   */
  static Arbitrary<ScoringTable> monotoneTables() {
    return tables(true);
  }

  private static Arbitrary<ScoringTable> tables(boolean monotone) {
    Arbitrary<List<Criteria>> demographic = criteria().list().ofMaxSize(6);
    // Aggregate rules are mixed in except for monotone tables (a count below a threshold
    // rises as events age out of its window).
    Arbitrary<List<Object>> behavioral = (monotone
        ? eventMatches(true).map(m -> (Object) m)
        : Arbitraries.oneOf(eventMatches(false).map(m -> (Object) m),
            aggregates().map(a -> (Object) a))).list().ofMaxSize(6);
    List<Arbitrary<Object>> negativeKinds = new ArrayList<>(List.of(
        criteria().map(c -> (Object) c),
        eventMatches(monotone).map(m -> (Object) (monotone
            ? EventMatch.on(m.event()).decays(false)
            : m)),
        Arbitraries.integers().between(1, 120).map(d -> (Object) d)));
    if (!monotone) {
      negativeKinds.add(aggregates().map(a -> (Object) a));
    }
    Arbitrary<List<Object>> negative = Arbitraries.oneOf(negativeKinds).list().ofMaxSize(4);
    Arbitrary<List<Double>> points = Arbitraries.integers().between(1, 80)
        .map(i -> i / 4.0).list().ofMinSize(20).ofMaxSize(20);
    Arbitrary<List<Boolean>> signs = Arbitraries.of(true, true, true, false)
        .list().ofMinSize(20).ofMaxSize(20);
    Arbitrary<Decay> decay = monotone ? monotoneDecays() : decays();
    Arbitrary<double[]> caps = Arbitraries.of(
        new double[] {Double.NaN, Double.NaN}, new double[] {10, Double.NaN},
        new double[] {Double.NaN, 15}, new double[] {8, 12});
    Arbitrary<double[]> scales = Arbitraries.of(
        new double[] {0, 100}, new double[] {0, 20}, new double[] {-30, 30}, new double[] {5, 10});
    Arbitrary<List<Integer>> tiers = Arbitraries.integers().between(-10, 40)
        .set().ofMaxSize(3).map(s -> s.stream().sorted().toList());
    return Combinators.combine(demographic, behavioral, negative, points, signs, decay, caps,
        scales).as((dem, beh, neg, pts, sgn, dec, cap, scale) -> {
          ScoringTable.Builder b = ScoringTable.builder("arbitrary").decay(dec)
              .scale(scale[0], scale[1]);
          int k = 0;
          for (int i = 0; i < dem.size(); i++, k++) {
            b.demographic("d" + i, dem.get(i), sgn.get(k) ? pts.get(k) : -pts.get(k));
          }
          for (int i = 0; i < beh.size(); i++, k++) {
            if (beh.get(i) instanceof Aggregate a) {
              b.behavioral("b" + i, a, pts.get(k));
            } else {
              b.behavioral("b" + i, (EventMatch) beh.get(i),
                  monotone || sgn.get(k) ? pts.get(k) : -pts.get(k));
            }
          }
          for (int i = 0; i < neg.size(); i++, k++) {
            Object n = neg.get(i);
            if (n instanceof Criteria c) {
              b.negative("n" + i, c, -pts.get(k));
            } else if (n instanceof EventMatch m) {
              b.negative("n" + i, m, -pts.get(k));
            } else if (n instanceof Aggregate a) {
              b.negative("n" + i, a, -pts.get(k));
            } else {
              b.inactivity("n" + i, (Integer) n, -pts.get(k));
            }
          }
          if (!Double.isNaN(cap[0])) {
            b.demographicCap(cap[0]);
          }
          if (!Double.isNaN(cap[1])) {
            b.behavioralCap(cap[1]);
          }
          // the builder refuses a table without rules
          return dem.isEmpty() && beh.isEmpty() && neg.isEmpty() ? null : b;
        }).filter(b -> b != null).flatMap(b -> tiers.map(ts -> {
          ScoringTable.Builder copy = b.build().toBuilder();
          Scale scale = copy.build().scale();
          int n = 0;
          for (int i = 0; i < ts.size(); i++) {
            if (ts.get(i) >= scale.min() && ts.get(i) <= scale.max()) {
              copy.tier("T" + n++, ts.get(i)); // the builder refuses tiers outside the scale
            }
          }
          return copy.build();
        }));
  }

  static Arbitrary<Decay> decays() {
    return Arbitraries.oneOf(
        monotoneDecays(),
        Arbitraries.of(Decay.steps(Decay.step(10, 0.25), Decay.step(40, 1))));
  }

  static Arbitrary<Decay> monotoneDecays() {
    return Arbitraries.oneOf(
        Arbitraries.just(Decay.none()),
        Arbitraries.integers().between(1, 120).map(h -> Decay.halfLife(h / 2.0)),
        Arbitraries.integers().between(1, 90).map(Decay::linear),
        Arbitraries.of(
            Decay.steps(Decay.step(30, 1), Decay.step(90, 0.5)),
            Decay.steps(Decay.step(7, 1), Decay.step(30, 0.75), Decay.step(365, 0.1))));
  }

  static Arbitrary<Criteria> criteria() {
    return condition().list().ofMinSize(1).ofMaxSize(3).map(cs -> {
      Criteria c = cs.get(0);
      for (Condition more : cs.subList(1, cs.size())) {
        c = c.and(more);
      }
      return c;
    }).filter(ArbitraryTables::canFire);
  }

  /** Whether the builder accepts a rule on these criteria (it refuses rules that never fire). */
  static boolean canFire(Criteria c) {
    try {
      ScoringTable.builder("probe").demographic("probe", c, 1).build();
      return true;
    } catch (dev.scoring.api.ModelException e) {
      return false;
    }
  }

  static Arbitrary<Condition> condition() {
    Arbitrary<String> attribute = Arbitraries.of(ATTRIBUTES);
    Arbitrary<Object> operand = Arbitraries.of(18L, 25L, 0L, 3.5, 24.5, "tech", "Tech", "18",
        "true", "x", "", true, false);
    Arbitrary<Double> bound = Arbitraries.integers().between(-5, 60).map(i -> i / 1.0);
    return Arbitraries.oneOf(
        Combinators.combine(attribute, operand, Arbitraries.of(true, false))
            .as((a, o, ic) -> new Condition(a, Condition.Operator.EQUALS, List.of(o), ic)),
        Combinators.combine(attribute, operand.list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.of(true, false))
            .as((a, os, ic) -> new Condition(a, Condition.Operator.IN, os, ic)),
        Combinators.combine(attribute, bound, bound)
            .as((a, lo, hi) -> Condition.attribute(a).between(Math.min(lo, hi), Math.max(lo, hi))),
        Combinators.combine(attribute, bound).as((a, x) -> Condition.attribute(a).atLeast(x)),
        Combinators.combine(attribute, bound).as((a, x) -> Condition.attribute(a).below(x)),
        attribute.map(a -> Condition.attribute(a).present()),
        attribute.map(a -> Condition.attribute(a).absent()));
  }

  static Arbitrary<EventMatch> eventMatches(boolean monotone) {
    return Combinators.combine(
        Arbitraries.of(EVENT_TYPES),
        Arbitraries.integers().between(0, 60),
        Arbitraries.integers().between(0, 4),
        Arbitraries.of(Double.NaN, 0.0, 10.0, 60.0),
        Arbitraries.of(0, 1, 2)).as((type, within, max, min, decays) -> {
          EventMatch m = EventMatch.on(type);
          if (within > 0) {
            m = m.withinDays(within);
          }
          if (max > 0) {
            m = m.maxOccurrences(max);
          }
          if (!Double.isNaN(min)) {
            m = m.minValue(min);
          }
          if (decays > 0) {
            m = m.decays(decays == 1);
          }
          return m;
        });
  }

  /**
   * Aggregate conditions (SPEC section 9) of every function and operator over the event
   * types (and "other", which no event rule scores), with thresholds around the values
   * small contacts reach.
   */
  static Arbitrary<Aggregate> aggregates() {
    Arbitrary<List<String>> types = Arbitraries.of(List.of("a", "b", "c", "other")).set()
        .ofMinSize(1).ofMaxSize(2).map(List::copyOf);
    Arbitrary<Aggregate.Measure> measures = Combinators.combine(
        Arbitraries.of(Aggregate.Function.class), types, types,
        Arbitraries.of(0, 1, 7, 30, 90),
        Arbitraries.of(Double.NaN, 0.0, 10.0, 60.0),
        Arbitraries.of(1, 1, 2, 3)).as((f, events, per, within, min, minCount) -> {
          Aggregate.Measure m = new Aggregate.Measure(f, events,
              f == Aggregate.Function.RATE ? per : List.of(), java.util.OptionalInt.empty(),
              java.util.OptionalDouble.empty(), f == Aggregate.Function.RATE ? minCount : 1);
          if (within > 0) {
            m = m.withinDays(within);
          }
          return Double.isNaN(min) ? m : m.minValue(min);
        });
    Arbitrary<Double> threshold = Arbitraries.of(0.0, 0.5, 1.0, 2.0, 3.0, 5.0, 7.0, 30.0, 60.0,
        69.99, 70.0, 129.99, 130.0, 400.0);
    return Combinators.combine(measures, Arbitraries.of(Aggregate.Operator.class), threshold,
        threshold).as((m, op, x, y) -> switch (op) {
          case AT_LEAST -> m.atLeast(x);
          case BELOW -> m.below(x);
          case EQUALS -> m.equalTo(x);
          case BETWEEN -> m.between(Math.min(x, y), Math.max(x, y));
        });
  }

  /** Contacts whose events may lie in the future. */
  static Arbitrary<Contact> contacts() {
    return contacts(true);
  }

  static Arbitrary<Contact> contacts(boolean future) {
    Arbitrary<List<Object>> values = Arbitraries.oneOf(Arbitraries.of(ATTRIBUTE_VALUES),
        Arbitraries.just((Object) "absent")).list().ofMinSize(ATTRIBUTES.size())
        .ofMaxSize(ATTRIBUTES.size());
    Arbitrary<Event> event = Combinators.combine(
        Arbitraries.of(List.of("a", "b", "c", "other")),
        Arbitraries.oneOf(Arbitraries.of(EDGE_DAYS),
            Arbitraries.longs().between(0, 400)),
        Arbitraries.of(-1L, 0L, 1L, 43_200L),
        Arbitraries.of(Double.NaN, 0.0, 9.99, 10.0, 60.0, 120.0, 0.1, 0.2, 0.3, 1e-10,
            1.25e7, -3.5),
        Arbitraries.of(false, false, false, future))
        .as((type, days, seconds, value, isFuture) -> {
          long offset = days * 86_400L + seconds;
          Instant at = isFuture ? AS_OF.plusSeconds(offset + 1) : AS_OF.minusSeconds(offset);
          if (!isFuture && offset < 0) {
            at = AS_OF;
          }
          return Double.isNaN(value) ? Event.of(type, at) : Event.of(type, at, value);
        });
    return Combinators.combine(values, event.list().ofMaxSize(12)).as((vs, events) -> {
      Contact.Builder b = Contact.builder("c");
      for (int i = 0; i < ATTRIBUTES.size(); i++) {
        if (!"absent".equals(vs.get(i))) {
          b.attribute(ATTRIBUTES.get(i), vs.get(i));
        }
      }
      return b.events(events).build();
    });
  }

  /** Lists of events, for order-independence checks. */
  static List<Event> shuffled(List<Event> events, long seed) {
    List<Event> copy = new ArrayList<>(events);
    java.util.Collections.shuffle(copy, new java.util.Random(seed));
    return copy;
  }
}
