package dev.scoring.core;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Scores the accounts of a {@link ContactTable} under a table's {@link AccountRules} (SPEC
 * section 12): the contacts are scored first ({@link BatchScorer}, on the threads given),
 * then one pass groups them by their key attribute and combines each account's members
 * (accounts cut into one range per thread, from 1,024 accounts per thread).
 *
 * <pre>{@code
 * AccountScores accounts = AccountScorer.of(table).score(contacts, records, asOf, 2);
 * for (int a : accounts.topK(10)) {
 *   System.out.println(accounts.id(a) + " " + accounts.score(a) + " " + accounts.tier(a));
 * }
 * }</pre>
 *
 * <p>An account's score does not depend on the order of the contacts or of the records:
 * members are ordered by score (highest first), equal scores by contact id, and every sum
 * runs in that order. Time: linear in contacts and accounts, plus sorting each account's
 * members. Immutable and thread-safe.
 */
public final class AccountScorer {
  private final ScoringTable table;
  private final AccountRules rules;

  private AccountScorer(ScoringTable table, AccountRules rules) {
    this.table = table;
    this.rules = rules;
  }

  /**
   * Returns the account scorer of a table.
   *
   * @param table a table with an {@link ScoringTable#account() account block}
   * @return the scorer
   * @throws IllegalArgumentException if the table has no account block
   * @throws NullPointerException if {@code table} is null
   */
  public static AccountScorer of(ScoringTable table) {
    Objects.requireNonNull(table, "table");
    AccountRules rules = table.account().orElseThrow(() -> new IllegalArgumentException(
        "table must have an account block, but " + table.name() + " has none"));
    return new AccountScorer(table, rules);
  }

  /**
   * Returns the table whose contact scores are combined.
   *
   * @return the table
   */
  public ScoringTable table() {
    return table;
  }

  /**
   * Scores the contacts, then their accounts.
   *
   * @param contacts the contacts
   * @param records  the accounts' own attributes ({@link AccountRecords#empty()} for none)
   * @param asOf     the instant to score as of
   * @param threads  threads for the contact scores, at least 1
   * @return the accounts: those with a record and those named by a member's key
   * @throws IllegalArgumentException if {@code threads < 1}
   * @throws NullPointerException if an argument is null
   */
  public AccountScores score(ContactTable contacts, AccountRecords records, Instant asOf,
      int threads) {
    BatchScores scores = BatchScorer.of(table).score(contacts, asOf, threads);
    return score(contacts, scores, records, asOf, threads);
  }

  /**
   * Scores the accounts of contacts already scored under this scorer's table.
   *
   * @param contacts the contacts
   * @param scores   their scores under {@link #table()}, from
   *                 {@code BatchScorer.of(table()).score(contacts, asOf, ...)}
   * @param records  the accounts' own attributes
   * @param asOf     the instant the scores are as of
   * @return the accounts
   * @throws IllegalArgumentException if {@code scores} do not have one score per contact of
   *     this table's model
   * @throws NullPointerException if an argument is null
   */
  public AccountScores score(ContactTable contacts, BatchScores scores, AccountRecords records,
      Instant asOf) {
    return score(contacts, scores, records, asOf, 1);
  }

  private AccountScores score(ContactTable contacts, BatchScores scores, AccountRecords records,
      Instant asOf, int threads) {
    Objects.requireNonNull(contacts, "contacts");
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(asOf, "asOf");
    int n = contacts.size();
    if (scores.size() != n) {
      throw new IllegalArgumentException("scores must hold one score per contact (" + n
          + "), but held " + scores.size());
    }
    // Accounts: ids of records and of members' keys, sorted (UTF-16 order).
    AttributeColumn key = contacts.column(rules.key());
    Map<String, Integer> index = new HashMap<>();
    java.util.List<String> idList = new java.util.ArrayList<>();
    for (String id : records.ids()) {
      if (index.putIfAbsent(id, -1) == null) {
        idList.add(id);
      }
    }
    int[] accountOfCode = key == null ? new int[0] : new int[key.dictionary.length + 1];
    if (key != null) {
      for (int code = 1; code <= key.dictionary.length; code++) {
        if (key.dictionary[code - 1] instanceof String s && !s.isBlank()
            && index.putIfAbsent(s, -1) == null) {
          idList.add(s);
        }
      }
    }
    String[] ids = idList.toArray(new String[0]);
    Arrays.sort(ids);
    for (int a = 0; a < ids.length; a++) {
      index.put(ids[a], a);
    }
    int accounts = ids.length;
    int[] owner = new int[n];
    int[] start = new int[accounts + 1];
    if (key != null) {
      Arrays.fill(accountOfCode, -1);
      for (int code = 1; code <= key.dictionary.length; code++) {
        if (key.dictionary[code - 1] instanceof String s && !s.isBlank()) {
          accountOfCode[code] = index.get(s);
        }
      }
      for (int c = 0; c < n; c++) {
        int a = accountOfCode[key.code(c)];
        owner[c] = a;
        if (a >= 0) {
          start[a + 1]++;
        }
      }
    } else {
      Arrays.fill(owner, -1);
    }
    for (int a = 0; a < accounts; a++) {
      start[a + 1] += start[a];
    }
    int[] members = new int[start[accounts]];
    int[] next = Arrays.copyOf(start, accounts);
    for (int c = 0; c < n; c++) {
      if (owner[c] >= 0) {
        members[next[owner[c]]++] = c;
      }
    }
    double[] contactScores = scores.scores();
    double[] score = new double[accounts];
    double[] raw = new double[accounts];
    double[] fit = new double[accounts];
    double[] engagement = new double[accounts];
    int[] tier = new int[accounts];
    java.util.List<String> tierNames = new java.util.ArrayList<>();
    tierNames.add(rules.baseTier());
    rules.tiers().forEach(t -> tierNames.add(t.name()));
    long[] tierCounts = new long[tierNames.size()];
    double fitWithoutRecord = rules.fitValue(Map.of());
    // Accounts are independent: contiguous ranges of accounts, one per thread.
    int parts = Math.max(1, Math.min(threads, accounts / 1024));
    long[][] counts = new long[parts][tierCounts.length];
    final double noRecordFit = fitWithoutRecord;
    java.util.function.IntConsumer range = p -> {
      long[] c = counts[p];
      double[] sorted = new double[16];
      Kernel.Scratch fitScratch = rules.newFitScratch();
      int hi = (int) ((long) accounts * (p + 1) / parts);
      for (int a = (int) ((long) accounts * p / parts); a < hi; a++) {
        int from = start[a];
        int to = start[a + 1];
        sortMembers(members, from, to, contactScores, contacts);
        if (to - from > sorted.length) {
          sorted = new double[Math.max(to - from, 2 * sorted.length)];
        }
        for (int i = from; i < to; i++) {
          sorted[i - from] = contactScores[members[i]];
        }
        engagement[a] = AccountRules.engagement(rules.combine(), sorted, to - from);
        Map<String, Object> attributes = records.attributes(ids[a]);
        fit[a] = attributes == null ? noRecordFit : rules.fitValue(attributes, fitScratch);
        raw[a] = fit[a] + engagement[a];
        score[a] = rules.scale().clamp(raw[a]);
        int t = 0;
        for (int i = 0; i < rules.tiers().size(); i++) {
          if (rules.tiers().get(i).atLeast() <= score[a]) {
            t = i + 1;
          }
        }
        tier[a] = t;
        c[t]++;
      }
    };
    Parts.run(parts, "account scoring", range);
    for (long[] c : counts) {
      for (int t = 0; t < c.length; t++) {
        tierCounts[t] += c[t];
      }
    }
    return new AccountScores(rules, contacts, records, asOf, ids, start, members, contactScores,
        score, raw, fit, engagement, tier, tierNames.toArray(new String[0]), tierCounts);
  }

  /**
   * Sorts a slice of contact indexes by score, highest first, equal scores by contact id
   * (UTF-16 order), equal ids by index: insertion sort for short slices, else a merge sort.
   * Each member's id is decoded at most once, and only when its score ties another's.
   */
  static void sortMembers(int[] members, int from, int to, double[] scores,
      ContactTable contacts) {
    int m = to - from;
    if (m < 2) {
      return;
    }
    Members slice = new Members(members, from, m, scores, contacts);
    if (m <= 24) {
      int[] order = new int[m];
      for (int i = 0; i < m; i++) {
        order[i] = i;
      }
      for (int i = 1; i < m; i++) {
        int x = order[i];
        int j = i - 1;
        while (j >= 0 && slice.compare(x, order[j]) < 0) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = x;
      }
      slice.apply(order);
      return;
    }
    Integer[] boxed = new Integer[m];
    for (int i = 0; i < m; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, slice::compare);
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = boxed[i];
    }
    slice.apply(order);
  }

  /** One account's members, compared by position in the slice; ids decoded on demand. */
  private static final class Members {
    final int[] members;
    final int from;
    final int[] original;
    final double[] scores;
    final ContactTable contacts;
    final String[] ids;

    Members(int[] members, int from, int m, double[] scores, ContactTable contacts) {
      this.members = members;
      this.from = from;
      this.original = Arrays.copyOfRange(members, from, from + m);
      this.scores = scores;
      this.contacts = contacts;
      this.ids = new String[m];
    }

    int compare(int x, int y) {
      double a = scores[original[x]];
      double b = scores[original[y]];
      if (a != b) {
        return a > b ? -1 : 1;
      }
      int byId = id(x).compareTo(id(y));
      return byId != 0 ? byId : Integer.compare(original[x], original[y]);
    }

    String id(int k) {
      String id = ids[k];
      if (id == null) {
        id = contacts.id(original[k]);
        ids[k] = id;
      }
      return id;
    }

    void apply(int[] order) {
      for (int i = 0; i < order.length; i++) {
        members[from + i] = original[order[i]];
      }
    }
  }
}
