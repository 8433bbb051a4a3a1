package dev.scoring.core.evaluation;

/**
 * How a fitted table turns log odds into points: {@code score = offset + factor * ln(odds)},
 * where {@code factor = pdo / ln 2} and {@code pdo} is the number of points that doubles the
 * odds of conversion.
 *
 * <ul>
 *   <li>{@link #fitToScale()} (the default) picks {@code factor} and {@code offset} so that
 *       the training contacts' log odds, from the lowest to the highest, span the table's
 *       scale exactly; the resulting {@code pdo} is reported by {@link FittedTable#pdo()};
 *   <li>{@link #pdo(double, double, double)} fixes {@code pdo} and an anchor: odds
 *       {@code anchorOdds} score {@code anchorScore} (the credit-scorecard convention, such as
 *       20 points to double the odds and 50 points at odds 1:1). Scores outside the scale are
 *       clamped.
 * </ul>
 *
 * <p>All implementations are value-based records: immutable and thread-safe.
 */
public sealed interface Scaling permits Scaling.FitToScale, Scaling.Pdo {

  /** {@return the scaling that maps the training log odds onto the whole scale} */
  static Scaling fitToScale() {
    return new FitToScale();
  }

  /**
   * Returns a fixed points-to-double-the-odds scaling.
   *
   * @param pointsToDoubleOdds positive and finite
   * @param anchorScore        the score of a contact with odds {@code anchorOdds}, finite
   * @param anchorOdds         positive and finite
   * @return the scaling
   * @throws IllegalArgumentException if a value is out of range
   */
  static Scaling pdo(double pointsToDoubleOdds, double anchorScore, double anchorOdds) {
    return new Pdo(pointsToDoubleOdds, anchorScore, anchorOdds);
  }

  /** The training log odds, lowest to highest, map onto the scale, min to max. */
  record FitToScale() implements Scaling {}

  /**
   * A fixed scaling: {@code factor = pointsToDoubleOdds / ln 2}, {@code offset = anchorScore
   * - factor * ln(anchorOdds)}.
   *
   * @param pointsToDoubleOdds the points that double the odds, positive and finite
   * @param anchorScore        the score at odds {@code anchorOdds}, finite
   * @param anchorOdds         the anchor odds, positive and finite
   */
  record Pdo(double pointsToDoubleOdds, double anchorScore, double anchorOdds)
      implements Scaling {
    /**
     * Validates the values.
     *
     * @param pointsToDoubleOdds the points that double the odds, positive and finite
     * @param anchorScore the score at odds {@code anchorOdds}, finite
     * @param anchorOdds the anchor odds, positive and finite
     * @throws IllegalArgumentException if a value is out of range
     */
    public Pdo {
      if (!(pointsToDoubleOdds > 0) || !Double.isFinite(pointsToDoubleOdds)) {
        throw new IllegalArgumentException(
            "pointsToDoubleOdds must be positive and finite, but was " + pointsToDoubleOdds);
      }
      if (!Double.isFinite(anchorScore)) {
        throw new IllegalArgumentException("anchorScore must be finite, but was " + anchorScore);
      }
      if (!(anchorOdds > 0) || !Double.isFinite(anchorOdds)) {
        throw new IllegalArgumentException(
            "anchorOdds must be positive and finite, but was " + anchorOdds);
      }
    }
  }
}
