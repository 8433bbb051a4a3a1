/**
 * Scoring tables built in Java: {@link dev.scoring.core.ScoringTable#builder(String)} takes
 * demographic, behavioral and negative rules, a {@link dev.scoring.core.Decay}, caps, a
 * scale and tiers, and compiles them into an immutable, thread-safe
 * {@link dev.scoring.api.ScoringModel}.
 *
 * <p>Conditions on attributes are written with {@link dev.scoring.core.Condition#attribute},
 * event criteria with {@link dev.scoring.core.EventMatch#on}, aggregate conditions with
 * {@link dev.scoring.core.Aggregate#count} and its siblings; the rule records
 * ({@link dev.scoring.core.AttributeRule}, {@link dev.scoring.core.EventRule},
 * {@link dev.scoring.core.InactivityRule}, {@link dev.scoring.core.AggregateRule}) describe a
 * built table. Every model gives the trend of a score over a window
 * ({@link dev.scoring.api.ScoringModel#trend}); {@link dev.scoring.core.BatchScorer#withTrend}
 * computes it for a whole table.
 */
package dev.scoring.core;
