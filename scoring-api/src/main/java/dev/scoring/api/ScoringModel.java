package dev.scoring.api;

import java.time.Instant;
import java.util.List;

/**
 * A scoring table that turns a {@link Contact} into a {@link Score}.
 *
 * <p>Build one with {@code dev.scoring.core.ScoringTable.builder(name)} (module
 * {@code scoring-core}) or load one from a JSON model file. Every implementation follows
 * the project's scoring specification exactly, so the same model, contact and instant give
 * the same score on every path (object, batch, live, JSON-loaded).
 *
 * <p>Implementations are immutable and thread-safe: one model can score from any number of
 * threads at once.
 */
public interface ScoringModel {

  /** {@return the model's name, never blank} */
  String name();

  /** {@return the model's version label (default {@code "1"})} */
  String version();

  /**
   * {@return a stable hash of the model's canonical definition: two models have the same
   * fingerprint exactly when they define the same scoring table}
   */
  String fingerprint();

  /** {@return the tiers in increasing order of threshold, possibly empty} */
  List<Tier> tiers();

  /** {@return the tier name of a contact below every tier threshold} */
  String baseTier();

  /**
   * Scores a contact as of the model's clock's current instant.
   *
   * @param contact the contact
   * @return the score
   * @throws NullPointerException if {@code contact} is null
   */
  Score score(Contact contact);

  /**
   * Scores a contact as of an instant. Events after {@code asOf} are ignored.
   *
   * @param contact the contact
   * @param asOf    the instant to score for
   * @return the score
   * @throws NullPointerException if an argument is null
   */
  Score score(Contact contact, Instant asOf);

  /**
   * Explains a contact's score as of an instant: the entries sum to the score.
   *
   * @param contact the contact
   * @param asOf    the instant to score for
   * @return the explanation, whose score equals {@code score(contact, asOf)}
   * @throws NullPointerException if an argument is null
   */
  Explanation explain(Contact contact, Instant asOf);

  /**
   * Explains a contact's score as of the model's clock's current instant.
   *
   * @param contact the contact
   * @return the explanation
   * @throws NullPointerException if {@code contact} is null
   */
  Explanation explain(Contact contact);

  /** The earliest instant of SPEC section 1: {@code 0001-01-01T00:00:00Z}. */
  Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest instant of SPEC section 1: {@code 9999-12-31T23:59:59.999999999Z}. */
  Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * Returns how a contact's score moved over a window (SPEC section 10):
   * {@code score(contact, asOf) - score(contact, asOf - days * 86 400 s)}, exactly that
   * difference of the two {@link Score#score()} values. Both use the same contact and model;
   * events after the earlier instant are future for it. "Rose 20 points this week" is
   * {@code trend(c, asOf, 7) >= 20}.
   *
   * @param contact the contact
   * @param asOf    the end of the window
   * @param days    the window in whole days, at least 1
   * @return the later score minus the earlier score
   * @throws IllegalArgumentException if {@code days < 1} or the start of the window is
   *     outside 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999999999Z
   * @throws NullPointerException if an argument is null
   */
  default double trend(Contact contact, Instant asOf, int days) {
    java.util.Objects.requireNonNull(contact, "contact");
    Instant start = trendStart(asOf, days);
    return score(contact, asOf).score() - score(contact, start).score();
  }

  /**
   * Returns the start of a trend window, {@code asOf - days * 86 400 s}, refusing the
   * windows SPEC section 10 refuses. Every path that computes a trend checks its window here.
   *
   * @param asOf the end of the window
   * @param days the window in whole days, at least 1
   * @return the start of the window
   * @throws IllegalArgumentException if {@code days < 1} or the start is outside
   *     0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999999999Z
   * @throws NullPointerException if {@code asOf} is null
   */
  static Instant trendStart(Instant asOf, int days) {
    java.util.Objects.requireNonNull(asOf, "asOf");
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1, but was " + days);
    }
    // asOf - days * 86 400 s is below EARLIEST exactly when asOf is below EARLIEST + days.
    if (asOf.getEpochSecond() - EARLIEST.getEpochSecond() < days * 86_400L) {
      throw new IllegalArgumentException("asOf - " + days + " days must be at or after "
          + EARLIEST + ", but was before it (asOf " + asOf + ")");
    }
    Instant start = asOf.minusSeconds(days * 86_400L);
    if (start.isAfter(LATEST)) {
      throw new IllegalArgumentException("asOf - " + days + " days must be at or before "
          + LATEST + ", but was " + start);
    }
    return start;
  }
}
