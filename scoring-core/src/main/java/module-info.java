/**
 * Scoring tables: the fluent {@link dev.scoring.core.ScoringTable} builder and its compiled,
 * allocation-free scorer, and model files and contacts as JSON.
 */
// "module": the qualified exports below name modules that are compiled later
@SuppressWarnings("module")
module dev.scoring.core {
  requires transitive dev.scoring.api;
  requires com.fasterxml.jackson.databind;
  requires com.github.benmanes.caffeine;
  requires org.apache.commons.numbers.gamma;

  requires static net.jqwik.api;

  exports dev.scoring.core.analysis;
  exports dev.scoring.core.evaluation;
  exports dev.scoring.core.examples;
  exports dev.scoring.core.json;
  exports dev.scoring.core.live;
  exports dev.scoring.core.report;
  exports dev.scoring.core.testing;
  exports dev.scoring.core;
  exports dev.scoring.core.math to dev.scoring.rfm;
  // internal: the kernel fed from primitive arrays, for the Kafka Streams processor; never
  // exported to users (a module of this project that needs it gets a qualified export)
  exports dev.scoring.core.internal to dev.scoring.kafka.streams;
}
