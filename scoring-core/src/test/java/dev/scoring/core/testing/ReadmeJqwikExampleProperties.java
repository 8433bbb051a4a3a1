package dev.scoring.core.testing;

// readme:jqwik-example
import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.analysis.ModelAnalysis;
import dev.scoring.core.analysis.TierReach;
import dev.scoring.core.testing.ScoringArbitraries;
import dev.scoring.core.testing.ScoringChecks;
import java.time.Instant;
import java.util.OptionalInt;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReadmeJqwikExampleProperties {
  static final ScoringTable MODEL = ScoringTable.builder("gated-leads")
      .demographic("tech", attribute("sector").equalToIgnoreCase("technology"), 20)
      .demographic("senior", attribute("job_level").in("director", "executive"), 10)
      .behavioral("content", on("white_paper_download").maxOccurrences(3), 10)
      .behavioral("demo", on("demo_request").maxOccurrences(1), 40)
      .negative("unsub", on("unsubscribe"), -50)
      .inactivity("dormant", 90, -10)
      .tier("MQL", 40).tier("SQL", 80)
      .build();
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  @Provide
  Arbitrary<Contact> contacts() {
    return ScoringArbitraries.contacts(MODEL, AS_OF);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return ScoringArbitraries.instants(MODEL, AS_OF);
  }

  @Property(tries = 200)
  void scoresStayOnTheScaleAndAreExplained(@ForAll("contacts") Contact contact) {
    ScoringChecks.scoreWithinScale(MODEL, contact, AS_OF);
    ScoringChecks.explanationSumsToScore(MODEL, contact, AS_OF);
  }

  @Property(tries = 200)
  void aDemoRequestNeverLowersAScore(@ForAll("contacts") Contact contact,
      @ForAll("instants") Instant at) {
    ScoringChecks.addingEventNeverLowersScore(MODEL, contact, Event.of("demo_request", at),
        AS_OF);
  }

  @Property(tries = 200)
  void noContactReachesSqlWithoutADemoRequest(@ForAll("contacts") Contact contact) {
    ScoringChecks.tierRequiresEvent(MODEL, contact, AS_OF, "SQL", "demo_request");
  }

  @Example
  void theTableHasNoFindingsAndSqlNeedsTwoEvents() {
    ModelAnalysis analysis = ModelAnalysis.of(MODEL);
    assertThat(analysis.findings()).as(analysis.report()).isEmpty();
    TierReach sql = analysis.tiers().get(1);
    assertThat(sql.byFitAlone()).isFalse();
    assertThat(sql.byEngagementAlone()).isFalse();
    assertThat(sql.fewestEvents()).isEqualTo(OptionalInt.of(2)); // a demo and a white paper
  }
}
// readme:end
