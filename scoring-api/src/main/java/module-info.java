/**
 * The scoring vocabulary: contacts, events, scores, explanations and the
 * {@link dev.scoring.api.ScoringModel} interface. This module has no dependencies.
 */
module dev.scoring.api {
  exports dev.scoring.api;
  exports dev.scoring.api.internal to dev.scoring.core;
}
