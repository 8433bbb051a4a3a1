/** RFM (recency, frequency, monetary) scores and segments, customer value and churn models. */
module dev.scoring.rfm {
  requires transitive dev.scoring.api;
  requires org.apache.commons.numbers.gamma;
  requires de.siegmar.fastcsv;
  requires transitive dev.scoring.core; // RfmReport returns dev.scoring.core.report.HtmlReport

  exports dev.scoring.rfm;
  exports dev.scoring.rfm.value;
}
