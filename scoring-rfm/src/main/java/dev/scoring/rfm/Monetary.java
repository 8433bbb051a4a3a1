package dev.scoring.rfm;

/** How the monetary value M is measured from a customer's purchases. */
public enum Monetary {
  /** The default: the sum of the amounts (the R {@code rfm} package's {@code amount}). */
  SUM,
  /** The sum of the amounts divided by the frequency (the number of purchases or orders). */
  MEAN_PER_ORDER
}
