package dev.scoring.rfm.value;

import java.util.List;

/**
 * How a model was fitted: on how many customers, the maximised log-likelihood, the estimates
 * with standard errors and the number of likelihood evaluations the optimizer used.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param customers     the number of customers the likelihood summed over
 * @param logLikelihood the log-likelihood at the estimates, finite
 * @param parameters    the estimates in the model's parameter order, unmodifiable
 * @param evaluations   likelihood evaluations used by the optimizer
 */
public record FitReport(
    int customers, double logLikelihood, List<ParameterEstimate> parameters, int evaluations) {

  /**
   * Copies the parameter list.
   *
   * @param customers the number of customers the likelihood summed over
   * @param logLikelihood the log-likelihood at the estimates, finite
   * @param parameters the estimates in the model's parameter order, unmodifiable
   * @param evaluations likelihood evaluations used by the optimizer
   * @throws NullPointerException if {@code parameters} is null
   */
  public FitReport {
    parameters = List.copyOf(parameters);
  }

  /**
   * Returns one estimate by name.
   *
   * @param name the parameter name, such as {@code "alpha"}
   * @return the estimate
   * @throws IllegalArgumentException if the model has no such parameter
   */
  public ParameterEstimate parameter(String name) {
    for (ParameterEstimate p : parameters) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("parameter name must be one of "
        + parameters.stream().map(ParameterEstimate::name).toList() + ", but was '" + name + "'");
  }
}
