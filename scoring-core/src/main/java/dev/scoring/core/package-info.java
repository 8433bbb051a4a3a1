/**
 * Scoring tables built in Java: {@link dev.scoring.core.ScoringTable#builder(String)} takes
 * demographic, behavioral and negative rules, a {@link dev.scoring.core.Decay}, caps, a
 * scale and tiers, and compiles them into an immutable, thread-safe
 * {@link dev.scoring.api.ScoringModel}.
 *
 * <p>Conditions on attributes are written with {@link dev.scoring.core.Condition#attribute},
 * event criteria with {@link dev.scoring.core.EventMatch#on}; the rule records
 * ({@link dev.scoring.core.AttributeRule}, {@link dev.scoring.core.EventRule},
 * {@link dev.scoring.core.InactivityRule}) describe a built table.
 */
package dev.scoring.core;
