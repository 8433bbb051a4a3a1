package dev.scoring.core;

import java.util.Objects;

/**
 * One account's score under a table's {@link AccountRules} (SPEC section 12), as computed by
 * {@link AccountRules#score(String, java.util.Map, java.util.Collection, java.time.Instant)}:
 * the same bits as {@link AccountScorer} gives the account in a batch.
 *
 * @param id         the account id
 * @param score      {@code raw} clamped to the account scale
 * @param raw        {@code fit + engagement}
 * @param fit        the account rules' points: capped demographic plus negative
 * @param engagement the members' scores combined
 * @param tier       the account tier of {@code score}
 * @param members    the number of members
 */
public record AccountScore(String id, double score, double raw, double fit, double engagement,
    String tier, int members) {

  /**
   * Checks the parts.
   *
   * @param id         the account id
   * @param score      the score
   * @param raw        the raw value
   * @param fit        the fit
   * @param engagement the engagement
   * @param tier       the tier
   * @param members    the number of members
   * @throws NullPointerException if {@code id} or {@code tier} is null
   * @throws IllegalArgumentException if {@code members < 0}
   */
  public AccountScore {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tier, "tier");
    if (members < 0) {
      throw new IllegalArgumentException("members must be at least 0, but was " + members);
    }
  }
}
