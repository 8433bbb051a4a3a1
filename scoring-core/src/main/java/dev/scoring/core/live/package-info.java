/**
 * Live scoring: events in, scores and tier changes out.
 *
 * <p>A {@link dev.scoring.core.live.LiveScorer} keeps each contact's history as compact
 * primitive columns in a bounded cache (only the events the model can read), returns the
 * exact model score after every event, optionally keeps a log of each contact's score
 * changes ({@link dev.scoring.core.live.ScoreChange}), and tells
 * {@link dev.scoring.core.live.TierChangeListener}s when a contact changes tier, because of
 * an event, of time passing ({@link dev.scoring.core.live.LiveScorer#sweep}) or of a new
 * model version ({@link dev.scoring.core.live.LiveScorer#swapModel}). It runs a single table
 * or a {@link dev.scoring.core.ModelSet} (a score and tier changes per table, one stored
 * history), and keeps the accounts of tables with an account block, recomputed when a
 * member's score changes and reported through
 * {@link dev.scoring.core.live.AccountTierChangeListener}s.
 * {@link dev.scoring.core.live.TierReport} compares two scorings of a population: who
 * entered or left each tier.
 */
package dev.scoring.core.live;
