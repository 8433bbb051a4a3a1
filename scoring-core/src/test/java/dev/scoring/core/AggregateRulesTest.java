package dev.scoring.core;

import static dev.scoring.core.Aggregate.count;
import static dev.scoring.core.Aggregate.daysSinceLast;
import static dev.scoring.core.Aggregate.distinctDays;
import static dev.scoring.core.Aggregate.meanDaysBetween;
import static dev.scoring.core.Aggregate.rate;
import static dev.scoring.core.Aggregate.sum;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.ModelException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact examples of SPEC section 9 at and around every boundary. */
class AggregateRulesTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  /** An instant {@code days} whole days and {@code seconds} more before {@link #AS_OF}. */
  static Instant ago(long days, long seconds) {
    return AS_OF.minus(Duration.ofDays(days)).minusSeconds(seconds);
  }

  static Contact.Builder contact() {
    return Contact.builder("c");
  }

  /** The measured value, read from the explanation of a rule that holds for any value. */
  static double measured(Aggregate.Measure m, Contact c) {
    ScoringTable t = ScoringTable.builder("m").scale(-1000, 1000)
        .behavioral("probe", m.atLeast(-1e300), 1).build();
    List<Explanation.Entry> entries = t.explain(c, AS_OF).entries();
    return entries.isEmpty() ? Double.NaN : entries.get(0).value();
  }

  static double points(Aggregate when, Contact c) {
    return ScoringTable.builder("p").behavioral("r", when, 10).build().score(c, AS_OF).score();
  }

  // ---- count

  @Test
  void count_atTheThresholdAwardsThePointsOnce_andOneBelowAwardsNothing() {
    Contact.Builder b = contact();
    for (int i = 0; i < 4; i++) {
      b.event("email_open", ago(i, 0));
    }
    Aggregate atLeast5 = count("email_open").withinDays(30).atLeast(5);
    assertThat(points(atLeast5, b.build())).isEqualTo(0.0);
    b.event("email_open", ago(29, 0));
    assertThat(points(atLeast5, b.build())).isEqualTo(10.0);
    b.event("email_open", ago(1, 0));
    assertThat(points(atLeast5, b.build())).isEqualTo(10.0);
  }

  @Test
  void count_withinDaysEdge_ageEqualToTheWindowIsOutside() {
    Contact inside = contact().event("a", ago(29, 86_399)).build();
    Contact edge = contact().event("a", ago(30, 0)).build();
    assertThat(measured(count("a").withinDays(30), inside)).isEqualTo(1.0);
    assertThat(measured(count("a").withinDays(30), edge)).isEqualTo(0.0);
    assertThat(measured(count("a"), edge)).isEqualTo(1.0);
  }

  @Test
  void count_emptyE_isZero_andFutureEventsAndOtherTypesDoNotCount() {
    Contact c = contact().event("a", AS_OF.plusSeconds(1)).event("b", ago(0, 5)).build();
    assertThat(measured(count("a"), c)).isEqualTo(0.0);
    assertThat(points(count("a").equalTo(0), c)).isEqualTo(10.0);
    assertThat(points(count("a").below(1), c)).isEqualTo(10.0);
    assertThat(measured(count("a", "b"), c)).isEqualTo(1.0);
  }

  @Test
  void count_minValue_valuelessEventsDoNotCount() {
    Contact c = contact().event("v", ago(0, 1)).event("v", ago(0, 2), 59.999)
        .event("v", ago(0, 3), 60).event("v", ago(0, 4), 61).build();
    assertThat(measured(count("v").minValue(60), c)).isEqualTo(2.0);
    assertThat(measured(count("v"), c)).isEqualTo(4.0);
  }

  // ---- distinctDays

  @Test
  void distinctDays_countsTwentyFourHourPeriodsBackFromAsOf_notCalendarDates() {
    // 11:30 today and 12:30 yesterday are both in the period [asOf - 1 day, asOf).
    Contact c = contact().event("blog", ago(0, 1_800)).event("blog", ago(0, 84_600))
        .event("blog", ago(0, 86_399)).build();
    assertThat(measured(distinctDays("blog"), c)).isEqualTo(1.0);
    Contact next = contact().event("blog", ago(0, 1_800)).event("blog", ago(1, 0)).build();
    assertThat(measured(distinctDays("blog"), next)).isEqualTo(2.0);
  }

  @Test
  void distinctDays_recurringBlogReader_threeDaysInThirtyAtTheBoundary() {
    Aggregate recurring = distinctDays("blog_visit").withinDays(30).atLeast(3);
    Contact two = contact().event("blog_visit", ago(0, 0)).event("blog_visit", ago(0, 3_600))
        .event("blog_visit", ago(5, 0)).event("blog_visit", ago(30, 0)).build();
    assertThat(points(recurring, two)).isEqualTo(0.0);
    Contact three = contact().event("blog_visit", ago(0, 0)).event("blog_visit", ago(5, 0))
        .event("blog_visit", ago(29, 86_399)).build();
    assertThat(points(recurring, three)).isEqualTo(10.0);
    assertThat(measured(distinctDays("x"), contact().build())).isEqualTo(0.0);
  }

  // ---- sum

  @Test
  void sum_isTheExactDecimalSum_soPointOnePlusPointTwoIsPointThree() {
    Contact c = contact().event("pay", ago(0, 1), 0.1).event("pay", ago(0, 2), 0.2).build();
    assertThat(0.1 + 0.2).isNotEqualTo(0.3);
    assertThat(measured(sum("pay"), c)).isEqualTo(0.3);
    assertThat(points(sum("pay").equalTo(0.3), c)).isEqualTo(10.0);
  }

  @Test
  void sum_valuelessEventsAddZero_butMinValueDropsThem() {
    Contact c = contact().event("pricing", ago(0, 1), 400).event("pricing", ago(0, 2))
        .event("pricing", ago(1, 0), 200.5).build();
    assertThat(measured(sum("pricing"), c)).isEqualTo(600.5);
    assertThat(measured(sum("pricing").minValue(300), c)).isEqualTo(400.0);
    assertThat(points(sum("pricing").withinDays(7).atLeast(600.5), c)).isEqualTo(10.0);
    assertThat(points(sum("pricing").withinDays(7).atLeast(600.50001), c)).isEqualTo(0.0);
    assertThat(measured(sum("pricing"), contact().build())).isEqualTo(0.0);
  }

  @Test
  void sum_beyondTheFixedPointRange_isStillExact() {
    // 1.25e7 and 1e-10 are outside the fast fixed-point path; the sum is exact anyway.
    Contact c = contact().event("x", ago(0, 1), 1.25e7).event("x", ago(0, 2), 0.1)
        .event("x", ago(0, 3), 1e-10).event("x", ago(0, 4), -0.2).build();
    assertThat(measured(sum("x"), c)).isEqualTo(12_499_999.9000000001);
    Contact big = contact().event("x", ago(0, 1), 1e300).event("x", ago(0, 2), -1e300)
        .event("x", ago(0, 3), 0.7).build();
    assertThat(measured(sum("x"), big)).isEqualTo(0.7);
  }

  // ---- rate

  @Test
  void rate_isCountedOverDenominator_andUndefinedBelowMinCount() {
    Contact.Builder b = contact();
    b.event("open", ago(1, 0));
    for (int i = 0; i < 4; i++) {
      b.event("sent", ago(i, 10));
    }
    Contact c = b.build();
    assertThat(measured(rate("open").per("sent"), c)).isEqualTo(0.25);
    assertThat(measured(rate("open").per("sent").minCount(4), c)).isEqualTo(0.25);
    assertThat(measured(rate("open").per("sent").minCount(5), c)).isNaN();
    // Undefined satisfies no operator, not even below.
    assertThat(points(rate("open").per("sent").minCount(5).below(0.05), c)).isEqualTo(0.0);
    assertThat(points(rate("open").per("sent").below(0.25), c)).isEqualTo(0.0);
    assertThat(points(rate("open").per("sent").below(0.2500001), c)).isEqualTo(10.0);
    assertThat(measured(rate("open").per("sent"), contact().build())).isNaN();
  }

  @Test
  void rate_minValueNarrowsTheNumeratorOnly_andTheWindowBothSides() {
    Contact c = contact().event("click", ago(0, 1), 5).event("click", ago(0, 2))
        .event("view", ago(0, 3)).event("view", ago(10, 0)).build();
    assertThat(measured(rate("click").per("click", "view"), c)).isEqualTo(2.0 / 4);
    assertThat(measured(rate("click").per("click", "view").minValue(1), c)).isEqualTo(0.25);
    assertThat(measured(rate("click").per("click", "view").withinDays(10), c))
        .isEqualTo(2.0 / 3);
  }

  // ---- daysSinceLast

  @Test
  void daysSinceLast_isInfiniteWithoutEvents_whichIsAtLeastEveryThreshold() {
    Contact none = contact().event("other", ago(1, 0)).build();
    assertThat(measured(daysSinceLast("pricing"), none)).isEqualTo(Double.POSITIVE_INFINITY);
    Explanation e = ScoringTable.builder("n").scale(-100, 100)
        .negative("no-pricing", daysSinceLast("pricing").atLeast(60), -8).build()
        .explain(none, AS_OF);
    assertThat(e.entries()).containsExactly(new Explanation.Entry(Explanation.Kind.NEGATIVE,
        "no-pricing", 0, -8, Double.POSITIVE_INFINITY));
    assertThat(e.score().score()).isEqualTo(-8.0);
  }

  @Test
  void daysSinceLast_isTheSmallestAge_atTheThreshold() {
    Aggregate gone = daysSinceLast("pricing").atLeast(60);
    assertThat(points(gone, contact().event("pricing", ago(60, 0)).build())).isEqualTo(10.0);
    assertThat(points(gone, contact().event("pricing", ago(59, 86_399))
        .event("pricing", ago(200, 0)).build())).isEqualTo(0.0);
    assertThat(measured(daysSinceLast("pricing"), contact().event("pricing", ago(3, 7))
        .event("pricing", ago(9, 0)).build())).isEqualTo(3.0);
  }

  // ---- meanDaysBetween

  @Test
  void meanDaysBetween_isUndefinedForOneEvent_andTheMeanGapOtherwise() {
    assertThat(measured(meanDaysBetween("click"), contact().event("click", ago(4, 0)).build()))
        .isNaN();
    assertThat(measured(meanDaysBetween("click"), contact().build())).isNaN();
    Contact c = contact().event("click", ago(0, 5)).event("click", ago(3, 0))
        .event("click", ago(9, 0)).build();
    assertThat(measured(meanDaysBetween("click"), c)).isEqualTo(4.5);
    assertThat(points(meanDaysBetween("click").below(5), c)).isEqualTo(10.0);
    assertThat(points(meanDaysBetween("click").between(4.5, 4.5), c)).isEqualTo(10.0);
    assertThat(points(meanDaysBetween("click").between(4.6, 9), c)).isEqualTo(0.0);
    Contact sameDay = contact().event("click", ago(2, 1)).event("click", ago(2, 2)).build();
    assertThat(measured(meanDaysBetween("click"), sameDay)).isEqualTo(0.0);
  }

  // ---- sections, caps, inactivity, explanation

  @Test
  void behavioralAggregatesAddBeforeTheCap_negativeOnesToTheEngagement() {
    ScoringTable t = ScoringTable.builder("t").scale(-100, 100).behavioralCap(12)
        .behavioral("visit", on("visit").decays(false), 4)
        .behavioral("frequent", count("visit").atLeast(2), 10)
        .negative("bounced", count("bounce").atLeast(1), -3)
        .build();
    Contact c = contact().event("visit", ago(0, 1)).event("visit", ago(1, 1))
        .event("bounce", ago(2, 0)).build();
    // behavioral = min(8 + 10, 12) = 12; engagement = 12 - 3.
    assertThat(t.score(c, AS_OF).engagement()).isEqualTo(9.0);
    Explanation e = t.explain(c, AS_OF);
    assertThat(e.entries()).containsExactly(
        new Explanation.Entry(Explanation.Kind.BEHAVIORAL, "visit", 2, 8),
        new Explanation.Entry(Explanation.Kind.BEHAVIORAL, "frequent", 2, 10, 2),
        new Explanation.Entry(Explanation.Kind.NEGATIVE, "bounced", 1, -3, 1),
        new Explanation.Entry(Explanation.Kind.CAP, "caps.behavioral", 1, -6));
    assertThat(e.total()).isEqualTo(9.0);
  }

  @Test
  void countedTypesOfBehavioralAggregatesAreActivity_perTypesAndNegativeOnesAreNot() {
    ScoringTable t = ScoringTable.builder("t").scale(-100, 100)
        .behavioral("reader", count("blog").atLeast(99), 5)
        .behavioral("opens", rate("open").per("sent").atLeast(2), 5)
        .negative("bounces", count("bounce").atLeast(99), -1)
        .inactivity("dormant", 30, -7).build();
    assertThat(t.score(contact().event("blog", ago(29, 0)).build(), AS_OF).score())
        .isEqualTo(0.0);
    assertThat(t.score(contact().event("blog", ago(30, 0)).build(), AS_OF).score())
        .isEqualTo(-7.0);
    assertThat(t.score(contact().event("open", ago(1, 0)).build(), AS_OF).score())
        .isEqualTo(0.0);
    assertThat(t.score(contact().event("sent", ago(1, 0)).build(), AS_OF).score())
        .isEqualTo(-7.0);
    assertThat(t.score(contact().event("bounce", ago(1, 0)).build(), AS_OF).score())
        .isEqualTo(-7.0);
  }

  @Test
  void aggregatesDoNotDecay() {
    ScoringTable t = ScoringTable.builder("t").decay(Decay.halfLife(1))
        .behavioral("many", count("a").atLeast(1), 10).build();
    assertThat(t.score(contact().event("a", ago(100, 0)).build(), AS_OF).score())
        .isEqualTo(10.0);
  }

  // ---- builder validation

  @Test
  void builderRejectsWrongSignsAndTakenIds_withPathAndValue() {
    ScoringTable.Builder b = ScoringTable.builder("t").behavioral("x", on("a"), 1);
    assertThatThrownBy(() -> b.behavioral("y", count("a").atLeast(1), -2))
        .isInstanceOf(ModelException.class)
        .hasMessage("behavioral[1].points must be positive and finite for an aggregate rule, "
            + "but was -2");
    assertThatThrownBy(() -> b.negative("z", count("a").atLeast(1), 2))
        .isInstanceOf(ModelException.class)
        .hasMessage("negative[0].points must be negative and finite, but was 2");
    assertThatThrownBy(() -> b.negative("x", count("a").atLeast(1), -2))
        .isInstanceOf(ModelException.class)
        .hasMessage("negative[0].id must be unique, but was \"x\"");
    // A refused rule leaves its id free.
    b.behavioral("y", count("a").atLeast(1), 2).negative("z", count("a").atLeast(1), -2);
    assertThat(b.build().behavioralRules()).hasSize(2);
  }

  @Test
  void measuresRejectImpossibleSettings() {
    assertThatThrownBy(() -> count()).hasMessage(
        "events must be a non-empty list of event types, but was []");
    assertThatThrownBy(() -> count("a", " ")).hasMessage(
        "events[1] must be a non-blank string, but was \" \"");
    assertThatThrownBy(() -> count("a", "a")).hasMessage(
        "events[1] must be distinct from the types before it, but was \"a\"");
    assertThatThrownBy(() -> rate("a").atLeast(1)).hasMessage(
        "per must be a non-empty list of event types for aggregate rate, but was missing");
    assertThatThrownBy(() -> count("a").per("b")).hasMessage(
        "per must be absent for aggregate count (it is for rate only), but was [\"b\"]");
    assertThatThrownBy(() -> count("a").minCount(2)).hasMessage(
        "minCount must be absent for aggregate count (it is for rate only), but was 2");
    assertThatThrownBy(() -> rate("a").per("b").minCount(0)).hasMessage(
        "minCount must be at least 1, but was 0");
    assertThatThrownBy(() -> count("a").withinDays(0)).hasMessage(
        "withinDays must be at least 1, but was 0");
    assertThatThrownBy(() -> sum("a").minValue(Double.NaN)).hasMessage(
        "minValue must be finite, but was NaN");
    assertThatThrownBy(() -> count("a").between(3, 2)).hasMessage(
        "between[1] must be at least between[0] 3, but was 2");
    assertThatThrownBy(() -> count("a").atLeast(Double.POSITIVE_INFINITY)).hasMessage(
        "atLeast must be finite, but was Infinity");
  }

  @Test
  void equalConditionsAreEqual_negativeZeroIsZero() {
    assertThat(count("a").equalTo(-0.0)).isEqualTo(count("a").equalTo(0.0));
  }
}
