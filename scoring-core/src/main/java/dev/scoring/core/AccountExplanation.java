package dev.scoring.core;

import java.util.List;
import java.util.Objects;

/**
 * Why an account has its score (SPEC section 12): its entries sum to the score (to 1e-9).
 *
 * @param accountId the account id
 * @param score     the account score
 * @param tier      the account tier
 * @param entries   the account rules that matched, the cap when it cut, one entry per
 *                  member (highest score first), the clamp when it cut
 */
public record AccountExplanation(String accountId, double score, String tier,
    List<Entry> entries) {

  /**
   * Copies the entries.
   *
   * @param accountId the account id
   * @param score     the account score
   * @param tier      the account tier
   * @param entries   the entries, copied
   * @throws NullPointerException if an argument is null
   */
  public AccountExplanation {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(tier, "tier");
    entries = List.copyOf(entries);
  }

  /** What an entry stands for. */
  public enum Kind {
    /** An account demographic rule that matched. */
    DEMOGRAPHIC,
    /** An account negative rule that matched. */
    NEGATIVE,
    /** The demographic cap cutting the account's demographic sum; points are negative. */
    CAP,
    /** A member's share of the engagement: its score times its weight. */
    MEMBER,
    /** The clamp to the account scale; points are {@code score - raw}. */
    CLAMP
  }

  /**
   * One part of the score.
   *
   * @param kind   what it stands for
   * @param id     the rule id, {@code caps.demographic}, the member's contact id, or
   *               {@code scale}
   * @param points its points
   */
  public record Entry(Kind kind, String id, double points) {
    /**
     * Validates the entry.
     *
     * @param kind   what it stands for
     * @param id     the rule id, cap, member's contact id or {@code scale}
     * @param points its points
     * @throws NullPointerException if an argument is null
     */
    public Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * Returns the sum of the entries' points, the score to 1e-9.
   *
   * @return the sum
   */
  public double total() {
    double s = 0;
    for (Entry e : entries) {
      s += e.points();
    }
    return s;
  }
}
