package dev.scoring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.core.analysis.Extreme;
import dev.scoring.core.analysis.ModelAnalysis;
import dev.scoring.core.analysis.Range;
import dev.scoring.core.testing.ScoringArbitraries;
import dev.scoring.core.testing.ScoringChecks;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * {@link ModelAnalysis} over tables mixing aggregate rules with every other kind: no contact
 * scores outside the analysed ranges, and an extreme marked exact with a witness is what the
 * witness scores.
 */
class AggregateAnalysisProperties {

  @Provide
  Arbitrary<Tuple2<ScoringTable, List<Contact>>> tablesWithContacts() {
    return ArbitraryTables.tables().flatMap(t -> net.jqwik.api.Arbitraries.oneOf(
            ScoringArbitraries.contacts(t, ModelAnalysis.WITNESS_AS_OF, 12),
            ArbitraryTables.contacts())
        .list().ofSize(15).map(cs -> Tuple.of(t, cs)));
  }

  @Property(tries = 60)
  void noContactScoresOutsideTheAnalysedRange_andExactWitnessesScoreTheirExtreme(
      @ForAll("tablesWithContacts") Tuple2<ScoringTable, List<Contact>> tableAndContacts) {
    ScoringTable table = tableAndContacts.get1();
    ModelAnalysis analysis = ModelAnalysis.of(table);
    for (Contact c : tableAndContacts.get2()) {
      ScoringChecks.withinAnalysedRanges(analysis, table, c, ModelAnalysis.WITNESS_AS_OF);
      ScoringChecks.withinAnalysedRanges(analysis, table, c, ArbitraryTables.AS_OF);
    }
    for (Range r : List.of(analysis.fit(), analysis.engagement(), analysis.raw())) {
      for (Extreme e : List.of(r.min(), r.max())) {
        if (e.exact() && e.witness().isPresent()) {
          var s = table.score(e.witness().get(), ModelAnalysis.WITNESS_AS_OF);
          double v = r == analysis.fit() ? s.fit()
              : r == analysis.engagement() ? s.engagement() : s.raw();
          assertThat(v).isCloseTo(e.value(),
              org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(v))));
        }
      }
    }
  }
}
