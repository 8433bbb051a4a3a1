package dev.scoring.rfm;

/** The three RFM measures, in the order of the cell code. */
public enum Measure {
  /** Whole days from the last purchase day to the analysis date; scored in reverse. */
  RECENCY,
  /** The number of purchases, or of distinct orders when transactions carry order ids. */
  FREQUENCY,
  /** The amount spent: the sum, or the mean per order (see {@link Monetary}). */
  MONETARY
}
