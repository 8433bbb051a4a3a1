/**
 * What users program against: a {@link dev.scoring.api.Contact} with attributes and
 * {@link dev.scoring.api.Event}s goes into a {@link dev.scoring.api.ScoringModel}, and a
 * {@link dev.scoring.api.Score} (or an {@link dev.scoring.api.Explanation} of it) comes out.
 *
 * <p>The meaning of a score is fixed by the project's specification: whole-day event ages
 * as of an instant, demographic, behavioral and negative rules, decay, caps, a scale and
 * tiers. Implementations live in {@code scoring-core}.
 *
 * <p>All types here are immutable and safe to share between threads.
 */
package dev.scoring.api;
