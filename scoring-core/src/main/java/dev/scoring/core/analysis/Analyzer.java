package dev.scoring.core.analysis;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.api.Tier;
import dev.scoring.core.AttributeRule;
import dev.scoring.core.Condition;
import dev.scoring.core.EventRule;
import dev.scoring.core.InactivityRule;
import dev.scoring.core.Rule;
import dev.scoring.core.ScoringTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** Puts the parts of an analysis together. Used once, by one thread. */
final class Analyzer {
  private final ScoringTable table;
  private final Vocabulary vocabulary;
  private final FitAnalysis fitAnalysis;
  private final EngagementAnalysis engagementAnalysis;

  Analyzer(ScoringTable table) {
    this.table = table;
    this.vocabulary = Vocabulary.of(table);
    this.fitAnalysis = new FitAnalysis(table, vocabulary);
    this.engagementAnalysis = new EngagementAnalysis(table, vocabulary);
    engagementAnalysis.run();
  }

  ModelAnalysis analyse() {
    Part fitMax = fitPart(true);
    Part fitMin = fitPart(false);
    Part engagementMax = engagementPart(true);
    Part engagementMin = engagementPart(false);
    Range fit = new Range(fitMin.extreme(s -> s.fit()), fitMax.extreme(s -> s.fit()));
    Range engagement = new Range(engagementMin.extreme(s -> s.engagement()),
        engagementMax.extreme(s -> s.engagement()));
    Part rawMax = fitMax.plus(engagementMax);
    Part rawMin = fitMin.plus(engagementMin);
    Range raw = new Range(rawMin.extreme(s -> s.raw()), rawMax.extreme(s -> s.raw()));
    Range score = new Range(rawMin.clamped(table).extreme(s -> s.score()),
        rawMax.clamped(table).extreme(s -> s.score()));
    List<TierReach> tiers = new ArrayList<>();
    for (Tier t : table.tiers()) {
      tiers.add(tier(t, fitMax, fit, engagement, score.max().value()));
    }
    return new ModelAnalysis(table.name(), table.version(), table.scale(), fit, engagement,
        raw, score, tiers, findings(score.max().value()));
  }

  /**
   * One extreme under construction: a value (exact when a witness produced it), the
   * witness's attributes and events, and the rules making it unbounded.
   */
  private record Part(double value, boolean exact, List<String> unboundedBy,
      Map<String, Object> attributes, List<EngagementAnalysis.Ev> events, boolean witnessed,
      ScoringTable table) {

    Contact witness(String id) {
      Contact.Builder b = Contact.builder(id).attributes(attributes);
      for (EngagementAnalysis.Ev e : events) {
        Instant at = ModelAnalysis.WITNESS_AS_OF.minusSeconds(e.age() * 86_400L + e.rank());
        if (Double.isNaN(e.value())) {
          b.event(e.type(), at);
        } else {
          b.event(e.type(), at, e.value());
        }
      }
      return b.build();
    }

    Extreme extreme(java.util.function.ToDoubleFunction<Score> part) {
      if (witnessed && !Double.isInfinite(value)) {
        Contact w = witness("witness");
        double v = part.applyAsDouble(table.score(w, ModelAnalysis.WITNESS_AS_OF));
        return new Extreme(v, exact, unboundedBy, Optional.of(w));
      }
      return new Extreme(value, exact, unboundedBy, Optional.empty());
    }

    Part plus(Part other) {
      List<String> by = new ArrayList<>(unboundedBy);
      by.addAll(other.unboundedBy);
      List<EngagementAnalysis.Ev> evs = new ArrayList<>(events);
      evs.addAll(other.events);
      Map<String, Object> attrs = new java.util.LinkedHashMap<>(attributes);
      attrs.putAll(other.attributes);
      return new Part(value + other.value, exact && other.exact, by, attrs, evs,
          witnessed && other.witnessed, table);
    }

    /** The clamped version: an unbounded raw reaches the scale's end exactly. */
    Part clamped(ScoringTable t) {
      boolean infinite = Double.isInfinite(value);
      return new Part(t.scale().clamp(value), exact, List.of(), attributes, events,
          witnessed && !infinite, table);
    }
  }

  private Part fitPart(boolean maximise) {
    Front<Map<String, Object>> front = maximise ? fitAnalysis.max : fitAnalysis.min;
    Front.Entry<Map<String, Object>> best = front.best(fitAnalysis.cap);
    double value = Math.min(best.first(), fitAnalysis.cap) + best.second();
    boolean witnessed = best.origin() != null;
    return new Part(value, fitAnalysis.exact && witnessed, List.of(),
        witnessed ? best.origin() : Map.of(), List.of(), witnessed, table);
  }

  private Part engagementPart(boolean maximise) {
    EngagementAnalysis e = engagementAnalysis;
    boolean unbounded = maximise ? e.maxUnbounded : e.minUnbounded;
    if (unbounded) {
      return new Part(maximise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, true,
          new ArrayList<>(maximise ? e.maxUnboundedBy : e.minUnboundedBy), Map.of(), List.of(),
          false, table);
    }
    boolean exact = maximise ? e.maxExact : e.minExact;
    Front<EngagementAnalysis.Events> front = maximise ? e.maxFront : e.minFront;
    if (exact && front != null) {
      Front.Entry<EngagementAnalysis.Events> best = front.best(e.cap);
      double value = Math.min(best.first(), e.cap) + best.second();
      List<EngagementAnalysis.Ev> events = best.origin() == null ? List.of()
          : best.origin().toList();
      return new Part(value, true, List.of(), Map.of(), events, true, table);
    }
    double[] bounds = e.independentBounds();
    return new Part(maximise ? bounds[1] : bounds[0], false, List.of(), Map.of(), List.of(),
        false, table);
  }

  private TierReach tier(Tier t, Part fitMax, Range fit, Range engagement, double maxScore) {
    double at = t.atLeast();
    boolean reachable = maxScore >= at;
    // No events: engagement is the inactivity rules alone; no attributes: fit is that of an
    // empty attribute map. Witnesses are scored, so the decision is the kernel's own.
    Score empty = table.score(Contact.builder("empty").build(), ModelAnalysis.WITNESS_AS_OF);
    boolean byFit = fit.max().witness()
        .map(w -> table.score(w, ModelAnalysis.WITNESS_AS_OF).score() >= at)
        .orElse(table.scale().clamp(fit.max().value() + empty.engagement()) >= at);
    boolean byEngagement = engagement.max().witness()
        .map(w -> table.score(w, ModelAnalysis.WITNESS_AS_OF).score() >= at)
        .orElse(table.scale().clamp(empty.fit() + engagement.max().value()) >= at);
    OptionalInt fewest = OptionalInt.empty();
    Optional<Contact> witness = Optional.empty();
    EngagementAnalysis e = engagementAnalysis;
    while (reachable && e.byCountMax != null && !reached(e, fitMax.value(), at)
        && !e.maxComplete()) {
      e.computeMax(2 * (e.byCountMax.length - 1));
    }
    if (reachable && e.byCountMax != null) {
      double[] best = e.bestUpTo(e.byCountMax, true);
      for (int k = 0; k < best.length; k++) {
        if (!(table.scale().clamp(fitMax.value() + best[k]) >= at)) {
          continue;
        }
        Front.Entry<EngagementAnalysis.Events> entry = e.bestOverall(e.byCountMax, true, k);
        List<EngagementAnalysis.Ev> events = entry.origin() == null ? List.of()
            : entry.origin().toList();
        Part p = new Part(0, true, List.of(), fitMax.attributes(), events,
            fitMax.witnessed(), table);
        if (p.witnessed()) {
          Contact w = p.witness("witness-" + t.name());
          if (!(table.score(w, ModelAnalysis.WITNESS_AS_OF).score() >= at)) {
            continue; // a rounding difference at the threshold: the kernel decides
          }
          witness = Optional.of(w);
        }
        fewest = OptionalInt.of(events.size());
        break;
      }
    }
    return new TierReach(t.name(), at, reachable, byFit, byEngagement, fewest, witness);
  }

  private boolean reached(EngagementAnalysis e, double fitMax, double at) {
    double[] best = e.bestUpTo(e.byCountMax, true);
    return table.scale().clamp(fitMax + best[best.length - 1]) >= at;
  }

  // ---------------------------------------------------------------------------- findings

  private List<Finding> findings(double maxScore) {
    List<Finding> out = new ArrayList<>();
    List<AttributeRule> attributeRules = fitAnalysis.rules;
    for (int r = 0; r < attributeRules.size(); r++) {
      if (!fitAnalysis.canFire[r]) {
        AttributeRule rule = attributeRules.get(r);
        out.add(new Finding(Finding.Kind.NEVER_FIRES, rule.id(),
            section(rule) + " rule '" + rule.id() + "' can never fire: " + whyNever(r)));
      }
    }
    List<EventRule> eventRules = engagementAnalysis.rules;
    for (int r = 0; r < eventRules.size(); r++) {
      if (engagementAnalysis.maxFactor[r] == 0) {
        EventRule rule = eventRules.get(r);
        out.add(new Finding(Finding.Kind.NEVER_COUNTS, rule.id(),
            section(rule) + " rule '" + rule.id() + "' never adds points: the decay factor is 0"
                + " at every age it matches"));
      }
    }
    if (vocabulary.activityTypes().isEmpty()) {
      for (Rule r : table.negative()) {
        if (r instanceof InactivityRule i) {
          out.add(new Finding(Finding.Kind.ALWAYS_APPLIES, i.id(),
              "inactivity rule '" + i.id() + "' always applies: no behavioral rule defines"
                  + " activity"));
        }
      }
    }
    for (int b = 0; b < attributeRules.size(); b++) {
      for (int a = 0; a < b; a++) {
        AttributeRule ra = attributeRules.get(a);
        AttributeRule rb = attributeRules.get(b);
        if (new HashSet<>(ra.conditions()).equals(new HashSet<>(rb.conditions()))) {
          out.add(new Finding(Finding.Kind.DUPLICATE, rb.id(), section(rb) + " rule '"
              + rb.id() + "' has the same conditions as '" + ra.id() + "': both apply"));
        } else if (sameSection(a, b) && fitAnalysis.canFire[a] && fitAnalysis.canFire[b]) {
          if (fitAnalysis.implies(a, b)) {
            out.add(shadow(ra.id(), rb.id(), rb));
          } else if (fitAnalysis.implies(b, a)) {
            out.add(shadow(rb.id(), ra.id(), rb));
          }
        }
      }
    }
    int behavioral = table.behavioral().size();
    for (int b = 0; b < eventRules.size(); b++) {
      for (int a = 0; a < b; a++) {
        EventRule ra = eventRules.get(a);
        EventRule rb = eventRules.get(b);
        if (ra.match().equals(rb.match())) {
          out.add(new Finding(Finding.Kind.DUPLICATE, rb.id(), section(rb) + " rule '"
              + rb.id() + "' has the same event match as '" + ra.id() + "': both apply"));
        } else if ((a < behavioral) == (b < behavioral)
            && ra.match().event().equals(rb.match().event())) {
          if (covers(rb, ra)) {
            out.add(eventShadow(ra, rb, rb));
          } else if (covers(ra, rb)) {
            out.add(eventShadow(rb, ra, rb));
          }
        }
      }
    }
    for (Tier t : table.tiers()) {
      if (t.atLeast() > table.scale().max()) {
        out.add(new Finding(Finding.Kind.TIER_ABOVE_SCALE, t.name(), "tier '" + t.name()
            + "' at " + Report.number(t.atLeast()) + " is above scale.max "
            + Report.number(table.scale().max()) + ": no score reaches it"));
      } else if (t.atLeast() <= table.scale().min()) {
        out.add(new Finding(Finding.Kind.TIER_AT_OR_BELOW_SCALE_MIN, t.name(), "tier '"
            + t.name() + "' at " + Report.number(t.atLeast()) + " is at or below scale.min "
            + Report.number(table.scale().min()) + ": every score reaches it"));
      } else if (maxScore < t.atLeast()) {
        out.add(new Finding(Finding.Kind.TIER_UNREACHABLE, t.name(), "tier '" + t.name()
            + "' at " + Report.number(t.atLeast()) + " is unreachable: the highest score is "
            + Report.number(maxScore)));
      }
    }
    return out;
  }

  private boolean sameSection(int a, int b) {
    int d = fitAnalysis.demographicCount;
    return (a < d) == (b < d);
  }

  private Finding shadow(String narrower, String wider, AttributeRule subject) {
    return new Finding(Finding.Kind.SHADOWED, subject.id(), section(subject) + " rule '"
        + wider + "' fires whenever '" + narrower + "' fires: their points add up");
  }

  /** Whether every event {@code narrow} matches is matched by {@code wide}. */
  private static boolean covers(EventRule wide, EventRule narrow) {
    boolean window = EngagementAnalysis.within(wide) >= EngagementAnalysis.within(narrow);
    boolean value = wide.match().minValue().isEmpty() || (narrow.match().minValue().isPresent()
        && narrow.match().minValue().getAsDouble() >= wide.match().minValue().getAsDouble());
    return window && value;
  }

  private Finding eventShadow(EventRule narrower, EventRule wider, EventRule subject) {
    return new Finding(Finding.Kind.SHADOWED, subject.id(), section(subject) + " rule '"
        + wider.id() + "' matches every event '" + narrower.id() + "' matches: their points"
        + " add up");
  }

  private String section(Rule r) {
    if (table.demographic().contains(r)) {
      return "demographic";
    }
    if (table.behavioral().contains(r)) {
      return "behavioral";
    }
    return "negative";
  }

  private String whyNever(int r) {
    AttributeRule rule = fitAnalysis.rules.get(r);
    for (Map.Entry<String, boolean[]> e : fitAnalysis.satisfied.get(r).entrySet()) {
      boolean any = false;
      for (boolean b : e.getValue()) {
        any |= b;
      }
      if (any) {
        continue;
      }
      List<Condition> on = rule.conditions().stream()
          .filter(c -> c.attribute().equals(e.getKey())).collect(Collectors.toList());
      for (Condition c : on) {
        boolean matchesSome = false;
        for (Object v : fitAnalysis.classes.get(e.getKey())) {
          matchesSome |= c.matches(v);
        }
        if (!matchesSome) {
          return Report.condition(c) + " matches no value";
        }
      }
      return on.stream().map(Report::condition).collect(Collectors.joining(" and "))
          + " contradict each other";
    }
    return "its conditions cannot hold together";
  }
}
