package dev.scoring.core.testing;

import dev.scoring.api.Contact;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.analysis.ModelAnalysis;
import dev.scoring.core.analysis.Vocabulary;
import java.time.Instant;

/**
 * Uses scoring, the analysis and the checks the way a user without jqwik would; run by
 * {@link JqwikIsOptionalTest} in a class loader that cannot see jqwik.
 */
public final class WithoutJqwik implements Runnable {
  @Override
  public void run() {
    ScoringTable seed = ExampleModels.seed();
    Instant asOf = Instant.parse("2026-11-22T12:00:00Z");
    Contact c = Contact.builder("c-1").attribute("age", 29)
        .event("demo_request", asOf.minusSeconds(3_600)).build();
    seed.score(c, asOf);
    seed.explain(c, asOf);
    seed.toJson();
    ModelAnalysis analysis = ModelAnalysis.of(seed);
    analysis.report();
    Vocabulary.of(seed);
    ScoringChecks.scoreWithinScale(seed, c, asOf);
    ScoringChecks.explanationSumsToScore(seed, c, asOf);
    ScoringChecks.withinAnalysedRanges(analysis, seed, c, asOf);
  }
}
