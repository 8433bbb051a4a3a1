package dev.scoring.core.evaluation;

import static dev.scoring.core.evaluation.Evaluation.f;

import dev.scoring.api.Contact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The logistic regression behind a {@link FittedTable}: an intercept and one coefficient per
 * term of the resolved {@link FeatureSpec} (an indicator per attribute bin, {@code min(count,
 * knot)} per event knot), so that {@code ln(p / (1 - p)) = intercept + sum(coefficient *
 * term)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class LogisticModel {
  private final Encoding encoding;
  private final double intercept;
  private final double[] coefficients;
  private final double l2;
  private final int iterations;
  private final double logLikelihood;

  LogisticModel(Encoding encoding, double[] beta, double l2, int iterations,
      double logLikelihood) {
    this.encoding = encoding;
    this.intercept = beta[0];
    this.coefficients = java.util.Arrays.copyOfRange(beta, 1, beta.length);
    this.l2 = l2;
    this.iterations = iterations;
    this.logLikelihood = logLikelihood;
  }

  /** {@return the terms' labels, such as {@code Lead Origin: API} or {@code visit: min(count, 3)}} */
  public List<String> terms() {
    return List.copyOf(encoding.labels());
  }

  /** {@return the intercept, the log odds of a contact with every term 0} */
  public double intercept() {
    return intercept;
  }

  /** {@return the coefficients, one per term, in the order of {@link #terms()}} */
  public List<Double> coefficients() {
    List<Double> list = new ArrayList<>(coefficients.length);
    for (double c : coefficients) {
      list.add(c);
    }
    return Collections.unmodifiableList(list);
  }

  /** {@return the L2 penalty it was fitted with} */
  public double l2() {
    return l2;
  }

  /** {@return the number of Newton iterations the fit took} */
  public int iterations() {
    return iterations;
  }

  /** {@return the (unpenalised) log-likelihood on the training contacts} */
  public double logLikelihood() {
    return logLikelihood;
  }

  /**
   * Returns the log odds of conversion of a contact as of an instant.
   *
   * @param contact the contact
   * @param asOf    the instant to count events for
   * @return {@code intercept + sum(coefficient * term)}
   * @throws NullPointerException if an argument is null
   */
  public double linearPredictor(Contact contact, Instant asOf) {
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(asOf, "asOf");
    return linearPredictor(encoding.row(contact, asOf));
  }

  /**
   * Returns the probability of conversion of a contact as of an instant.
   *
   * @param contact the contact
   * @param asOf    the instant to count events for
   * @return {@code 1 / (1 + exp(-linearPredictor))}
   * @throws NullPointerException if an argument is null
   */
  public double probability(Contact contact, Instant asOf) {
    return 1.0 / (1.0 + Math.exp(-linearPredictor(contact, asOf)));
  }

  double linearPredictor(double[] row) {
    double eta = intercept;
    for (int j = 0; j < row.length; j++) {
      eta += coefficients[j] * row[j];
    }
    return eta;
  }

  Encoding encoding() {
    return encoding;
  }

  double coefficient(int j) {
    return coefficients[j];
  }

  /**
   * A readable table of the intercept and the coefficients.
   *
   * @return the table, one line per term
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(f("logistic regression, L2 %s, %d Newton iterations, log-likelihood %.4f%n",
        Evaluation.number(l2), iterations, logLikelihood));
    out.append(f("  %+9.4f  intercept%n", intercept));
    List<String> terms = terms();
    for (int j = 0; j < coefficients.length; j++) {
      out.append(f("  %+9.4f  %s%n", coefficients[j], terms.get(j)));
    }
    return out.toString();
  }

  /** Returns {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }
}
