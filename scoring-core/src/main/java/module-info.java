/**
 * Scoring tables: the fluent {@link dev.scoring.core.ScoringTable} builder and its compiled,
 * allocation-free scorer, and model files and contacts as JSON.
 */
module dev.scoring.core {
  requires transitive dev.scoring.api;
  requires com.fasterxml.jackson.databind;
  requires com.github.benmanes.caffeine;
  requires commons.math3;

  requires static net.jqwik.api;

  exports dev.scoring.core.analysis;
  exports dev.scoring.core.evaluation;
  exports dev.scoring.core.examples;
  exports dev.scoring.core.json;
  exports dev.scoring.core.live;
  exports dev.scoring.core.report;
  exports dev.scoring.core.testing;
  exports dev.scoring.core;
}
