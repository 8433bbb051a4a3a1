package dev.scoring.core.live;

import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScore;
import java.time.Instant;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live accounts of one table's account block: each account's members with their current
 * scores under the table, and which account each contact belongs to.
 *
 * <p>Thread-safe: the maps are concurrent; an {@link Account}'s fields are read and written
 * only while holding its monitor (the account's lock). {@link #memberOf} is written for a
 * contact only under that contact's lock, and a contact's lock is always taken before an
 * account's (never the reverse), so the two cannot deadlock.
 */
final class LiveAccounts {
  final String table;
  /** Account id to account: every account that ever had a member or a record. */
  final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
  /** Contact id to the id of the account it is a member of. */
  final ConcurrentHashMap<String, String> memberOf = new ConcurrentHashMap<>();

  LiveAccounts(String table) {
    this.table = table;
  }

  /** Returns the account of an id, created empty when absent. */
  Account account(String id) {
    return accounts.computeIfAbsent(id, Account::new);
  }

  /** The key of an account's changes in the delivery queues. */
  String key(String accountId) {
    return table + '\u0000' + accountId;
  }

  /**
   * Reserves a place for a contact joining an account.
   *
   * @throws IllegalStateException if the account already holds {@code max} members
   */
  void reserve(String accountId, String contactId, int max) {
    Account a = account(accountId);
    synchronized (a) {
      int size = a.members.size() + a.reserved;
      if (!a.members.containsKey(contactId) && size >= max) {
        throw new IllegalStateException("account '" + accountId + "' of table " + table
            + " must have at most " + max + " members (maxMembersPerAccount), but contact '"
            + contactId + "' would be member " + (size + 1));
      }
      a.reserved++;
    }
  }

  /** Releases a place reserved by {@link #reserve}. */
  void release(String accountId) {
    Account a = account(accountId);
    synchronized (a) {
      a.reserved--;
    }
  }

  /** One account: guarded by its own monitor. */
  static final class Account {
    final String id;
    /** Member contact id to the member with its last reported score under the table. */
    final HashMap<String, AccountRules.Member> members = new HashMap<>();
    /** Places reserved by operations about to add a member. */
    int reserved;
    /** The score last computed, null before the first. */
    AccountScore reported;
    /** The instant {@link #reported} was computed as of. */
    Instant asOf;
    /** The rules that computed {@link #reported}. */
    AccountRules rules;
    /** Set when a member's score changed without recomputing (a sweep or swap will). */
    boolean dirty;

    Account(String id) {
      this.id = id;
    }

    /** Whether the account is scored: it has members or a record (SPEC section 12). */
    boolean scored(boolean hasRecord) {
      return reported != null && (hasRecord || !members.isEmpty());
    }
  }
}
