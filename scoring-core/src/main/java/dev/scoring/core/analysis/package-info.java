/**
 * Static analysis of scoring tables: {@link dev.scoring.core.analysis.ModelAnalysis#of}
 * tells, without any contact, the exact range of fit, engagement and score, which tiers can
 * be reached (by fit alone, by engagement alone, with how few events), and which rules or
 * tiers look like mistakes (rules that can never fire, duplicated or shadowed rules, tiers
 * outside the scale). {@link dev.scoring.core.analysis.Vocabulary} lists the attribute
 * values, event types, event values and ages that make a difference to a table; the
 * {@code dev.scoring.core.testing} package generates contacts from it.
 *
 * <p>How the extremes are found. Attributes: per attribute, candidate values fall into
 * classes by the conditions they match; rules joined by {@code and} tie attributes into
 * groups whose class combinations are enumerated; groups combine under the demographic cap
 * by keeping only pairs (demographic sum, negative sum) that can still be best. Events: per
 * inactivity case and event type, a dynamic programme over events appended from the most
 * recent to the oldest, at the candidate ages, counting what each {@code maxOccurrences}
 * has taken; types combine by number of events. Unboundedness is detected first: a kind of
 * event that can be repeated for ever with a net gain (or loss).
 */
package dev.scoring.core.analysis;
