/**
 * Evaluating, comparing and fitting scoring tables from outcomes.
 *
 * <ul>
 *   <li>{@link dev.scoring.core.evaluation.Evaluation#of Evaluation.of} measures any
 *       {@link dev.scoring.api.ScoringModel} on {@link dev.scoring.core.evaluation.LabeledContact
 *       labelled contacts}: ROC AUC, Gini, KS, gains and lift by decile, conversion by tier and
 *       score band, precision and recall at each tier threshold;
 *   <li>{@link dev.scoring.core.evaluation.Comparison#of Comparison.of} puts two models side
 *       by side on the same contacts, with DeLong's confidence interval for the AUC difference
 *       and the matrix of tier changes;
 *   <li>{@link dev.scoring.core.evaluation.Insight#of Insight.of} ranks attributes and event
 *       types by information value, with the weight of evidence of each bin;
 *   <li>{@link dev.scoring.core.evaluation.TableFitter} fits an L2-regularised logistic
 *       regression on the bins of a {@link dev.scoring.core.evaluation.FeatureSpec} and turns
 *       it into an ordinary {@link dev.scoring.core.ScoringTable}.
 * </ul>
 *
 * <p>Everything here uses only the public API of {@code dev.scoring.core}: a fitted table is
 * built with {@link dev.scoring.core.ScoringTable#builder(String)}, and contacts are encoded
 * by scoring them with a table of the candidate rules, so a fitted table's rules mean exactly
 * what the regression saw. All public types are immutable and thread-safe.
 */
package dev.scoring.core.evaluation;
