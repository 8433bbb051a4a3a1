package dev.scoring.rfm.value;

/**
 * One fitted parameter: its name, maximum-likelihood value and standard error.
 *
 * <p>The standard error is the square root of the diagonal of the inverse of the negative
 * Hessian of the log-likelihood at the maximum (the observed information), computed by central
 * finite differences. A fit whose Hessian is not negative definite (a flat or degenerate
 * likelihood) throws {@link FitException} instead, so a fitted model's standard errors are
 * always finite.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param name          the parameter name as in the paper ({@code r}, {@code alpha}, ...)
 * @param value         the estimate, finite and positive
 * @param standardError its asymptotic standard error, finite and positive
 */
public record ParameterEstimate(String name, double value, double standardError) {}
