package dev.scoring.core.evaluation;

import static dev.scoring.core.evaluation.Evaluation.f;

import dev.scoring.core.ScoringTable;
import java.util.Objects;

/**
 * A scoring table fitted to outcomes, with the regression and the scaling it came from (see
 * {@link TableFitter}).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param table      the fitted table, an ordinary {@link ScoringTable}
 * @param regression the logistic regression behind it
 * @param factor     points per unit of log odds, {@code pdo / ln 2}
 * @param offset     the score at log odds 0 (odds 1:1), before clamping
 * @param pointsStep the multiple points were rounded to, 0 for none
 */
public record FittedTable(ScoringTable table, LogisticModel regression, double factor,
    double offset, double pointsStep) {

  /**
   * Checks the references.
   *
   * @param table the fitted table, an ordinary {@link ScoringTable}
   * @param regression the logistic regression behind it
   * @param factor points per unit of log odds, {@code pdo / ln 2}
   * @param offset the score at log odds 0 (odds 1:1), before clamping
   * @param pointsStep the multiple points were rounded to, 0 for none
   * @throws NullPointerException if a reference is null
   */
  public FittedTable {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(regression, "regression");
  }

  /** {@return the points that double the odds of conversion, {@code factor * ln 2}} */
  public double pdo() {
    return factor * Math.log(2);
  }

  /**
   * A readable summary: the scaling, then the table's rules (its JSON) and the regression's
   * coefficients.
   *
   * @return the summary, several lines of text
   */
  public String format() {
    return f("fitted table %s v%s: score = %.4f + %.4f * ln(odds), %.4f points double the "
            + "odds, points rounded to %s%n", table.name(), table.version(), offset, factor,
        pdo(), pointsStep == 0 ? "nothing (exact)" : Evaluation.number(pointsStep))
        + table.toJson() + System.lineSeparator() + regression.format();
  }

  /** Returns {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }
}
