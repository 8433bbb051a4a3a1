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

  /** Returns the model's name, never blank. */
  String name();

  /** Returns the model's version label (default {@code "1"}). */
  String version();

  /**
   * Returns a stable hash of the model's canonical definition: two models have the same
   * fingerprint exactly when they define the same scoring table.
   */
  String fingerprint();

  /** Returns the tiers in increasing order of threshold, possibly empty. */
  List<Tier> tiers();

  /** Returns the tier name of a contact below every tier threshold. */
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
}
