package dev.scoring.kafka.streams;

import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The accounts' processor's state of one account, as kept in its store: the account's record
 * (attributes, or null when it has none), the last account score emitted and the number of
 * account tier changes emitted. Its members are one entry each in the members' store
 * ({@link #memberKey}), so that an update writes one member, whatever the account's size.
 * Not thread-safe: a task owns it while it processes.
 */
final class AccountState {
  final String id;
  /** The account's attributes, null when it has no record. */
  Map<String, Object> attributes;
  /** The last account score emitted, null before the first. */
  AccountScore reported;
  /** Tier changes emitted so far. */
  long changes;

  AccountState(String id) {
    this.id = id;
  }

  /**
   * The prefix of an account's keys in the members' store: the id's length, a colon, the id
   * (so that no account's prefix starts another's).
   */
  static String memberPrefix(String accountId) {
    return accountId.length() + ":" + accountId;
  }

  /** The key of a member in the members' store: the account's prefix, then the contact id. */
  static String memberKey(String accountId, String contactId) {
    return memberPrefix(accountId) + contactId;
  }

  /** The members of an account in the members' store, as the core account function takes them. */
  static List<AccountRules.Member> members(KeyValueStore<String, Double> store, String id) {
    String prefix = memberPrefix(id);
    List<AccountRules.Member> list = new ArrayList<>();
    try (KeyValueIterator<String, Double> it = store.prefixScan(prefix, new StringSerializer())) {
      while (it.hasNext()) {
        KeyValue<String, Double> kv = it.next();
        list.add(new AccountRules.Member(kv.key.substring(prefix.length()), kv.value));
      }
    }
    return list;
  }

  static void write(DataOutputStream out, AccountState s) throws IOException {
    out.writeUTF(s.id);
    out.writeBoolean(s.attributes != null);
    if (s.attributes != null) {
      Codec.writeAttributes(out, s.attributes);
    }
    out.writeBoolean(s.reported != null);
    if (s.reported != null) {
      Codec.writeAccountScore(out, s.reported);
    }
    out.writeLong(s.changes);
  }

  static AccountState read(DataInputStream in) throws IOException {
    String id = in.readUTF();
    Map<String, Object> attributes = in.readBoolean() ? Codec.readAttributes(in) : null;
    AccountState s = new AccountState(id);
    s.attributes = attributes;
    s.reported = in.readBoolean() ? Codec.readAccountScore(in) : null;
    s.changes = in.readLong();
    return s;
  }
}
