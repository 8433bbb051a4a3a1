package dev.scoring.core;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The accounts scored by an {@link AccountScorer} (SPEC section 12), in account id order
 * (UTF-16): per account its score, raw value, fit, engagement, tier and members (contact
 * indexes of the {@link ContactTable}, highest score first, equal scores by contact id).
 *
 * <p>Immutable and thread-safe.
 */
public final class AccountScores {
  private final AccountRules rules;
  private final ContactTable contacts;
  private final AccountRecords records;
  private final Instant asOf;
  private final String[] ids;
  private final int[] start;
  private final int[] members;
  private final double[] contactScores;
  private final double[] score;
  private final double[] raw;
  private final double[] fit;
  private final double[] engagement;
  private final int[] tier;
  private final String[] tierNames;
  private final long[] tierCounts;

  AccountScores(AccountRules rules, ContactTable contacts, AccountRecords records, Instant asOf,
      String[] ids, int[] start, int[] members, double[] contactScores, double[] score,
      double[] raw, double[] fit, double[] engagement, int[] tier, String[] tierNames,
      long[] tierCounts) {
    this.rules = rules;
    this.contacts = contacts;
    this.records = records;
    this.asOf = asOf;
    this.ids = ids;
    this.start = start;
    this.members = members;
    this.contactScores = contactScores;
    this.score = score;
    this.raw = raw;
    this.fit = fit;
    this.engagement = engagement;
    this.tier = tier;
    this.tierNames = tierNames;
    this.tierCounts = tierCounts;
  }

  /**
   * Returns the number of accounts.
   *
   * @return the count
   */
  public int size() {
    return ids.length;
  }

  /**
   * Returns the instant the scores are as of.
   *
   * @return the instant
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * Returns an account's id.
   *
   * @param account the account index, {@code 0 <= account < size()}
   * @return the id
   */
  public String id(int account) {
    return ids[account];
  }

  /**
   * Returns the index of an account id.
   *
   * @param id an account id
   * @return its index, or -1 when no account has that id
   */
  public int indexOf(String id) {
    int i = Arrays.binarySearch(ids, Objects.requireNonNull(id, "id"));
    return i >= 0 ? i : -1;
  }

  /**
   * Returns an account's score, clamped to the account scale.
   *
   * @param account the account index
   * @return the score
   */
  public double score(int account) {
    return score[account];
  }

  /**
   * Returns an account's raw value, {@code fit + engagement}.
   *
   * @param account the account index
   * @return the raw value
   */
  public double raw(int account) {
    return raw[account];
  }

  /**
   * Returns an account's fit from its own attributes.
   *
   * @param account the account index
   * @return the fit
   */
  public double fit(int account) {
    return fit[account];
  }

  /**
   * Returns an account's engagement, its members' scores combined.
   *
   * @param account the account index
   * @return the engagement, 0 without members
   */
  public double engagement(int account) {
    return engagement[account];
  }

  /**
   * Returns an account's tier.
   *
   * @param account the account index
   * @return the tier name
   */
  public String tier(int account) {
    return tierNames[tier[account]];
  }

  /**
   * Returns an account's members.
   *
   * @param account the account index
   * @return contact indexes, highest score first, equal scores by contact id
   */
  public int[] members(int account) {
    return Arrays.copyOfRange(members, start[account], start[account + 1]);
  }

  /**
   * Returns the scores of an account's members under the table, in the order of
   * {@link #members(int)}: highest first, equal scores by contact id.
   *
   * @param account the account index
   * @return one score per member, a new array
   */
  public double[] memberScores(int account) {
    double[] out = new double[memberCount(account)];
    for (int r = 0; r < out.length; r++) {
      out[r] = contactScores[members[start[account] + r]];
    }
    return out;
  }

  /**
   * Returns the number of members of an account.
   *
   * @param account the account index
   * @return the count
   */
  public int memberCount(int account) {
    return start[account + 1] - start[account];
  }

  /**
   * Returns the {@code k} accounts with the highest scores, equal scores in account id order.
   *
   * @param k at least 0
   * @return account indexes, best first, at most {@code k}
   * @throws IllegalArgumentException if {@code k < 0}
   */
  public int[] topK(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be at least 0, but was " + k);
    }
    int m = Math.min(k, ids.length);
    // a bounded selection: keep the best m in a sorted buffer (ids are already in order)
    int[] best = new int[m];
    int filled = 0;
    for (int a = 0; a < ids.length && m > 0; a++) {
      if (filled == m && !(score[a] > score[best[m - 1]])) {
        continue;
      }
      int j = filled == m ? m - 1 : filled++;
      while (j > 0 && score[a] > score[best[j - 1]]) {
        best[j] = best[j - 1];
        j--;
      }
      best[j] = a;
    }
    return best;
  }

  /**
   * Returns the number of accounts per tier, base tier first then the tiers in order.
   *
   * @return tier name to count
   */
  public Map<String, Long> tierCountsByName() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int t = 0; t < tierNames.length; t++) {
      m.put(tierNames[t], tierCounts[t]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Explains an account's score: the account rules that matched, one entry per cap that cut,
   * one entry per member with its share of the engagement (its score times its weight, 0
   * when the weight is 0), and the clamp when it cut. The entries sum to the score (to 1e-9).
   *
   * @param account the account index
   * @return the explanation
   */
  public AccountExplanation explain(int account) {
    Map<String, Object> attributes = records.attributes(ids[account]);
    int n = memberCount(account);
    String[] memberIds = new String[n];
    double[] memberScores = new double[n];
    for (int r = 0; r < n; r++) {
      int c = members[start[account] + r];
      memberIds[r] = contacts.id(c);
      memberScores[r] = contactScores[c];
    }
    return rules.explanation(ids[account], attributes == null ? Map.of() : attributes,
        memberIds, memberScores, score[account], raw[account], tier(account), asOf);
  }

}
