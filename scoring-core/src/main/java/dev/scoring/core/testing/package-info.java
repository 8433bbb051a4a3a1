/**
 * Property-based testing support for users' own scoring tables, built on jqwik (an optional
 * dependency: add {@code net.jqwik:jqwik} to your test scope).
 * {@link dev.scoring.core.testing.ScoringArbitraries} generates contacts in a table's own
 * vocabulary; {@link dev.scoring.core.testing.ScoringChecks} states the rules a table should
 * keep (score on the scale, explanation sums to the score, an event type never lowers a
 * score, a tier needs an event) and needs no jqwik. Nothing outside
 * {@code ScoringArbitraries} loads jqwik classes.
 */
package dev.scoring.core.testing;
