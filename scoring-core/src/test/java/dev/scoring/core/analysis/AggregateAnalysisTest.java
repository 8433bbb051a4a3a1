package dev.scoring.core.analysis;

import static dev.scoring.core.Aggregate.count;
import static dev.scoring.core.Aggregate.daysSinceLast;
import static dev.scoring.core.Aggregate.distinctDays;
import static dev.scoring.core.Aggregate.meanDaysBetween;
import static dev.scoring.core.Aggregate.rate;
import static dev.scoring.core.Aggregate.sum;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.core.ScoringTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ModelAnalysis} of aggregate rules: ranges and findings. */
class AggregateAnalysisTest {

  private static List<String> findings(ScoringTable t) {
    return ModelAnalysis.of(t).findings().stream()
        .map(f -> f.kind() + " " + f.subject() + ": " + f.message()).toList();
  }

  @Test
  void impossibleAggregateRulesAreFindings() {
    ScoringTable t = ScoringTable.builder("t")
        .behavioral("blog", distinctDays("blog").withinDays(7).atLeast(8), 5)
        .behavioral("blog-ok", distinctDays("blog").withinDays(7).atLeast(7), 5)
        .behavioral("half", count("a").equalTo(2.5), 5)
        .behavioral("open-rate", rate("open").per("open", "sent").atLeast(1.5), 5)
        .behavioral("gap", meanDaysBetween("a").withinDays(10).atLeast(10), 5)
        .negative("recent", daysSinceLast("a").withinDays(30).between(30, 40), -5)
        .negative("never", count("a").below(0), -5)
        .build();
    assertThat(findings(t)).containsExactly(
        "NEVER_FIRES blog: behavioral aggregate rule 'blog' can never fire: "
            + "distinctDays(blog) within 7 days atLeast 8 at most 7 distinct days fit in "
            + "withinDays 7",
        "NEVER_FIRES half: behavioral aggregate rule 'half' can never fire: count(a) equals"
            + " 2.5 the count is a whole number of at least 0",
        "NEVER_FIRES open-rate: behavioral aggregate rule 'open-rate' can never fire: "
            + "rate(open per open, sent) atLeast 1.5 the rate lies in [0, 1] when every "
            + "counted type is a denominator type",
        "NEVER_FIRES gap: behavioral aggregate rule 'gap' can never fire: "
            + "meanDaysBetween(a) within 10 days atLeast 10 the mean gap is at least 0 and "
            + "below withinDays 10",
        "NEVER_FIRES recent: negative aggregate rule 'recent' can never fire: "
            + "daysSinceLast(a) within 30 days between [30, 40] the days since the last "
            + "event are a whole number below withinDays 30, or infinite",
        "NEVER_FIRES never: negative aggregate rule 'never' can never fire: count(a) below 0"
            + " the count is a whole number of at least 0");
  }

  @Test
  void alwaysApplyingAndRateAboveOneAreFindings_behavioralSectionFirst() {
    ScoringTable t = ScoringTable.builder("t")
        .behavioral("any", count("a").atLeast(0), 5)
        .negative("gone", daysSinceLast("a").atLeast(0), -5)
        .negative("percent", rate("open").per("sent").below(5), -5)
        .behavioral("percent-up", rate("open").per("sent").atLeast(5), 5)
        .build();
    assertThat(findings(t)).containsExactly(
        "ALWAYS_APPLIES any: behavioral aggregate rule 'any' always applies: count(a) atLeast"
            + " 0 holds for every contact",
        "RATE_ABOVE_ONE percent-up: behavioral aggregate rule 'percent-up' needs a rate above"
            + " 1: only contacts with more counted than denominator events reach it",
        "ALWAYS_APPLIES gone: negative aggregate rule 'gone' always applies: daysSinceLast(a)"
            + " atLeast 0 holds for every contact");
  }

  @Test
  void rangesWidenByTheAggregatePoints_exactWhenAWitnessAttainsThem() {
    ScoringTable t = ScoringTable.builder("t").scale(-100, 100)
        .behavioral("visit", on("visit").maxOccurrences(2), 5)
        .behavioral("many", sum("pay").atLeast(100), 7)
        .negative("quiet", count("mail").below(1), -4)
        .build();
    ModelAnalysis a = ModelAnalysis.of(t);
    assertThat(a.engagement().max().value()).isEqualTo(17.0);
    assertThat(a.engagement().max().exact()).isFalse();
    // The empty contact attains the minimum: no visit, no pay, no mail: -4.
    assertThat(a.engagement().min().value()).isEqualTo(-4.0);
    assertThat(a.engagement().min().exact()).isTrue();
    assertThat(a.findings()).isEmpty();
  }

  @Test
  void theBehavioralCapBoundsTheAggregates() {
    ScoringTable t = ScoringTable.builder("t").behavioralCap(8)
        .behavioral("visit", on("visit").maxOccurrences(1), 5)
        .behavioral("often", count("visit").atLeast(3), 7)
        .build();
    assertThat(ModelAnalysis.of(t).engagement().max().value()).isEqualTo(8.0);
  }
}
