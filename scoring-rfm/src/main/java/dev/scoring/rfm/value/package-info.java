/**
 * Customer value and churn: the BG/NBD purchase model (Fader, Hardie and Lee, 2005), the
 * Gamma-Gamma spend model (Fader and Hardie, 2013), probability alive, expected purchases and
 * customer lifetime value (CLV).
 *
 * <p>The flow is: transactions (or a summary file) to one {@link
 * dev.scoring.rfm.value.CustomerSummary} per customer ({@link
 * dev.scoring.rfm.value.CustomerSummaries}); fit a {@link dev.scoring.rfm.value.BgNbdModel}
 * on all customers and a {@link dev.scoring.rfm.value.GammaGammaModel} on those with repeat
 * purchases; then a {@link dev.scoring.rfm.value.CustomerValueScorer} turns each summary into a
 * {@link dev.scoring.rfm.value.CustomerValue} (probability alive, churn probability, expected
 * purchases, CLV) or into contact attributes for a scoring table.
 *
 * <pre>{@code
 * List<CustomerSummary> customers = CustomerSummaries.fromTransactions(
 *     transactions, LocalDate.of(1997, 9, 30), ChronoUnit.WEEKS);
 * BgNbdModel purchases = BgNbdModel.fit(customers);
 * GammaGammaModel spend = GammaGammaModel.fit(customers);
 * CustomerValueScorer scorer = CustomerValueScorer.builder(purchases)
 *     .spendModel(spend).horizon(52).build();
 * Map<String, Object> attributes = scorer.attributes(customers.get(0));
 * }</pre>
 *
 * <p>Fits maximise the exact log-likelihood of the papers with the Nelder-Mead simplex method
 * on log-parameters (see {@code docs/customer-value.md} for why it is not a library's); a fit
 * that does not converge, or whose data do not identify the parameters, throws {@link
 * dev.scoring.rfm.value.FitException}, never NaN or meaningless parameters. All model types are immutable and
 * thread-safe.
 */
package dev.scoring.rfm.value;
