package dev.scoring.core.analysis;

import dev.scoring.api.Contact;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.testing.ScoringArbitraries;
import dev.scoring.core.testing.ScoringChecks;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

class ModelAnalysisProperties {
  /** Not the witnesses' instant: the analysis holds for every instant. */
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  @Provide
  Arbitrary<Tuple2<ScoringTable, List<Contact>>> tablesWithContacts() {
    return AnalysisModels.tables().flatMap(t -> ScoringArbitraries.contacts(t, AS_OF, 12)
        .list().ofSize(20).map(cs -> Tuple.of(t, cs)));
  }

  @Property(tries = 40)
  void noGeneratedContactScoresOutsideTheAnalysedRange(
      @ForAll("tablesWithContacts") Tuple2<ScoringTable, List<Contact>> tableAndContacts) {
    ScoringTable table = tableAndContacts.get1();
    ModelAnalysis analysis = ModelAnalysis.of(table);
    for (Contact c : tableAndContacts.get2()) {
      ScoringChecks.withinAnalysedRanges(analysis, table, c, AS_OF);
      ScoringChecks.scoreWithinScale(table, c, AS_OF);
      ScoringChecks.explanationSumsToScore(table, c, AS_OF);
    }
  }

  @Provide
  Arbitrary<Contact> seedContacts() {
    return ScoringArbitraries.contacts(ExampleModels.seed(), AS_OF, 20);
  }

  @Property(tries = 200)
  void noSeedContactScoresOutsideTheAnalysedRange(@ForAll("seedContacts") Contact contact) {
    ScoringChecks.withinAnalysedRanges(SEED_ANALYSIS, ExampleModels.seed(), contact, AS_OF);
  }

  private static final ModelAnalysis SEED_ANALYSIS = ModelAnalysis.of(ExampleModels.seed());
}
