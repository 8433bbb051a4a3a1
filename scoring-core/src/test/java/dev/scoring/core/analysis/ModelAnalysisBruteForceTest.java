package dev.scoring.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.AttributeRule;
import dev.scoring.core.Condition;
import dev.scoring.core.EventRule;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysis against brute force: every contact over a table's vocabulary (every
 * combination of candidate attribute values, absent included; every sequence of up to three
 * events over the scored types, the candidate ages and the value classes) is scored, and
 * the extremes found must be those of the analysis (exactly, when the analysis's witness
 * needs no more than three events; otherwise within the analysed range).
 */
class ModelAnalysisBruteForceTest {
  static final Instant AS_OF = ModelAnalysis.WITNESS_AS_OF;
  static final int MAX_EVENTS = 3;

  static Stream<Object[]> tables() {
    Stream<Object[]> random = LongStream.range(0, 100)
        .mapToObj(seed -> new Object[] {"random seed " + seed,
            AnalysisModels.random(new Random(seed))});
    return Stream.concat(Stream.<Object[]>of(new Object[] {"seed", ExampleModels.seed()}),
        random);
  }

  /** One event kind of the brute force. */
  record Kind(String type, long age, double value) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void analysisAgreesWithBruteForce(String name, ScoringTable table) {
    ModelAnalysis a = ModelAnalysis.of(table);
    Vocabulary v = Vocabulary.of(table);
    String where = name + "\n" + table.toJson() + "\n" + a.report();

    // ---- fit: every combination of candidate values (absent included)
    List<String> attrs = new ArrayList<>(v.attributeValues().keySet());
    List<List<Object>> values = new ArrayList<>();
    for (String attr : attrs) {
      // Values that match the same conditions of their attribute score the same: keep one.
      List<Condition> conditions = new ArrayList<>();
      for (AttributeRule r : attributeRules(table)) {
        for (Condition c : r.conditions()) {
          if (c.attribute().equals(attr)) {
            conditions.add(c);
          }
        }
      }
      List<Object> candidates = new ArrayList<>();
      candidates.add(null);
      candidates.addAll(v.attributeValues().get(attr));
      Map<List<Boolean>, Object> byPattern = new LinkedHashMap<>();
      for (Object value : candidates) {
        List<Boolean> pattern = conditions.stream().map(c -> c.matches(value)).toList();
        byPattern.putIfAbsent(pattern, value);
      }
      values.add(new ArrayList<>(byPattern.values()));
    }
    double fitMin = Double.POSITIVE_INFINITY;
    double fitMax = Double.NEGATIVE_INFINITY;
    int[] digit = new int[attrs.size()];
    do {
      Contact.Builder c = Contact.builder("c");
      for (int i = 0; i < attrs.size(); i++) {
        c.attribute(attrs.get(i), values.get(i).get(digit[i]));
      }
      double fit = table.score(c.build(), AS_OF).fit();
      fitMin = Math.min(fitMin, fit);
      fitMax = Math.max(fitMax, fit);
    } while (next(digit, values));
    assertClose(fitMin, a.fit().min().value(), "min fit", where);
    assertClose(fitMax, a.fit().max().value(), "max fit", where);

    // ---- engagement: every sequence of up to MAX_EVENTS events, most recent first
    List<Kind> kinds = new ArrayList<>();
    for (String type : v.eventTypes()) {
      TreeSet<Double> classes = new TreeSet<>();
      for (EventRule r : eventRules(table)) {
        if (r.match().event().equals(type)) {
          r.match().minValue().ifPresent(classes::add);
        }
      }
      for (long age : v.ages()) {
        kinds.add(new Kind(type, age, Double.NaN));
        for (double value : classes) {
          kinds.add(new Kind(type, age, value));
        }
      }
    }
    double[] engMaxByCount = new double[MAX_EVENTS + 1];
    double[] engMinByCount = new double[MAX_EVENTS + 1];
    Arrays.fill(engMaxByCount, Double.NEGATIVE_INFINITY);
    Arrays.fill(engMinByCount, Double.POSITIVE_INFINITY);
    List<Kind> seq = new ArrayList<>();
    search(table, kinds, seq, engMaxByCount, engMinByCount);
    double engMax = Arrays.stream(engMaxByCount).max().orElseThrow();
    double engMin = Arrays.stream(engMinByCount).min().orElseThrow();
    checkExtreme(engMax, a.engagement().max(), true, "max engagement", where);
    checkExtreme(engMin, a.engagement().min(), false, "min engagement", where);

    // ---- score and tiers
    Score empty = table.score(Contact.builder("empty").build(), AS_OF);
    double scoreMax = table.scale().clamp(fitMax + engMax);
    double scoreMin = table.scale().clamp(fitMin + engMin);
    assertTrue(scoreMax <= a.score().max().value() + 1e-9, "max score " + where);
    assertTrue(scoreMin >= a.score().min().value() - 1e-9, "min score " + where);
    if (small(a.engagement().max())) {
      assertClose(scoreMax, a.score().max().value(), "max score", where);
    }
    if (small(a.engagement().min())) {
      assertClose(scoreMin, a.score().min().value(), "min score", where);
    }
    for (TierReach t : a.tiers()) {
      String tw = "tier " + t.name() + " " + where;
      assertEquals(table.scale().clamp(fitMax + empty.engagement()) >= t.atLeast(),
          t.byFitAlone(), "by fit alone, " + tw);
      boolean bruteByEngagement = table.scale().clamp(empty.fit() + engMax) >= t.atLeast();
      if (bruteByEngagement) {
        assertTrue(t.byEngagementAlone(), "by engagement alone, " + tw);
      } else if (small(a.engagement().max())) {
        assertEquals(false, t.byEngagementAlone(), "by engagement alone, " + tw);
      }
      int bruteFewest = -1;
      double best = Double.NEGATIVE_INFINITY;
      for (int k = 0; k <= MAX_EVENTS && bruteFewest < 0; k++) {
        best = Math.max(best, engMaxByCount[k]);
        if (table.scale().clamp(fitMax + best) >= t.atLeast()) {
          bruteFewest = k;
        }
      }
      if (bruteFewest >= 0) {
        assertTrue(t.reachable(), tw);
        assertEquals(bruteFewest, t.fewestEvents().orElse(-1), "fewest events, " + tw);
      } else {
        assertTrue(t.fewestEvents().isEmpty() || t.fewestEvents().getAsInt() > MAX_EVENTS,
            "fewest events, " + tw);
      }
      t.witness().ifPresent(w -> {
        assertTrue(table.score(w, AS_OF).score() >= t.atLeast(), "witness, " + tw);
        assertEquals(t.fewestEvents().getAsInt(), w.events().size(), "witness, " + tw);
      });
    }

    // ---- witnesses reach their values
    for (Range r : List.of(a.fit(), a.engagement(), a.raw(), a.score())) {
      for (Extreme e : List.of(r.min(), r.max())) {
        e.witness().ifPresent(w -> {
          Score s = table.score(w, AS_OF);
          assertTrue(List.of(s.fit(), s.engagement(), s.raw(), s.score()).contains(e.value()),
              "witness " + w + " for " + e + " " + where);
        });
      }
    }
  }

  private static void checkExtreme(double brute, Extreme e, boolean max, String what,
      String where) {
    if (max) {
      assertTrue(brute <= e.value() + tolerance(e.value()), what + " " + brute + " above "
          + e.value() + " " + where);
    } else {
      assertTrue(brute >= e.value() - tolerance(e.value()), what + " " + brute + " below "
          + e.value() + " " + where);
    }
    if (small(e)) {
      assertClose(brute, e.value(), what, where);
    }
  }

  /** Whether an extreme is exact, finite and reached within the brute force's reach. */
  private static boolean small(Extreme e) {
    return e.exact() && !e.unbounded() && e.witness().isPresent()
        && e.witness().get().events().size() <= MAX_EVENTS;
  }

  private static void search(ScoringTable table, List<Kind> kinds, List<Kind> seq,
      double[] max, double[] min) {
    Contact.Builder c = Contact.builder("c");
    for (int i = 0; i < seq.size(); i++) {
      Kind k = seq.get(i);
      Instant at = AS_OF.minusSeconds(k.age() * 86_400L + i);
      if (Double.isNaN(k.value())) {
        c.event(k.type(), at);
      } else {
        c.event(k.type(), at, k.value());
      }
    }
    double e = table.score(c.build(), AS_OF).engagement();
    max[seq.size()] = Math.max(max[seq.size()], e);
    min[seq.size()] = Math.min(min[seq.size()], e);
    if (seq.size() == MAX_EVENTS) {
      return;
    }
    long lastAge = seq.isEmpty() ? 0 : seq.get(seq.size() - 1).age();
    for (Kind k : kinds) {
      if (k.age() < lastAge) {
        continue; // each contact once: events from the most recent to the oldest
      }
      seq.add(k);
      search(table, kinds, seq, max, min);
      seq.remove(seq.size() - 1);
    }
  }

  private static List<AttributeRule> attributeRules(ScoringTable table) {
    List<AttributeRule> rules = new ArrayList<>(table.demographic());
    table.negative().forEach(r -> {
      if (r instanceof AttributeRule a) {
        rules.add(a);
      }
    });
    return rules;
  }

  private static List<EventRule> eventRules(ScoringTable table) {
    List<EventRule> rules = new ArrayList<>(table.behavioral());
    table.negative().forEach(r -> {
      if (r instanceof EventRule e) {
        rules.add(e);
      }
    });
    return rules;
  }

  private static boolean next(int[] digit, List<List<Object>> values) {
    for (int i = 0; i < digit.length; i++) {
      if (++digit[i] < values.get(i).size()) {
        return true;
      }
      digit[i] = 0;
    }
    return false;
  }

  private static double tolerance(double v) {
    return Double.isInfinite(v) ? 0 : 1e-9 * Math.max(1, Math.abs(v));
  }

  private static void assertClose(double expected, double actual, String what, String where) {
    assertTrue(Math.abs(expected - actual) <= tolerance(expected),
        what + ": brute force " + expected + ", analysis " + actual + "\n" + where);
  }
}
