/** RFM (recency, frequency, monetary) scores and segments, customer value and churn models. */
module dev.scoring.rfm {
  requires transitive dev.scoring.api;

  exports dev.scoring.rfm;
}
