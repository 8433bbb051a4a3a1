package dev.scoring.rfm.value;

/**
 * A maximum-likelihood fit did not reach a proper maximum: the data cannot identify the
 * parameters (too few distinct histories, no sign of dropout, no customer with two repeat
 * purchases), the optimizer ran out of evaluations, the likelihood was not finite at the
 * result, a parameter ran off to the edge of its range, or the likelihood is all but flat
 * there. The message says which model, what went wrong
 * and where the search stopped; no model with NaN or meaningless parameters is returned.
 */
public final class FitException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message the full message, following {@code <where> must be <constraint>, but was
   *     <value>}
   */
  public FitException(String message) {
    super(message);
  }

  /**
   * Creates the error with a cause.
   *
   * @param message the full message
   * @param cause   the optimizer's error
   */
  public FitException(String message, Throwable cause) {
    super(message, cause);
  }
}
