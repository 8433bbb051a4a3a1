package dev.scoring.kafka.streams;

import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts' processor's state of one account, as kept in its store: the account's record
 * (attributes, or null when it has none), its members (contact id to score under the account
 * table), the last account score emitted and the number of account tier changes emitted.
 * Not thread-safe: a task owns it while it processes.
 */
final class AccountState {
  final String id;
  /** The account's attributes, null when it has no record. */
  Map<String, Object> attributes;
  final Map<String, Double> members;
  /** The last account score emitted, null before the first. */
  AccountScore reported;
  /** Tier changes emitted so far. */
  long changes;

  AccountState(String id) {
    this(id, new HashMap<>());
  }

  private AccountState(String id, Map<String, Double> members) {
    this.id = id;
    this.members = members;
  }

  /** The members as the core account function takes them (in any order). */
  List<AccountRules.Member> memberList() {
    List<AccountRules.Member> list = new ArrayList<>(members.size());
    for (Map.Entry<String, Double> e : members.entrySet()) {
      list.add(new AccountRules.Member(e.getKey(), e.getValue()));
    }
    return list;
  }

  static void write(DataOutputStream out, AccountState s) throws IOException {
    out.writeUTF(s.id);
    out.writeBoolean(s.attributes != null);
    if (s.attributes != null) {
      Codec.writeAttributes(out, s.attributes);
    }
    out.writeInt(s.members.size());
    for (Map.Entry<String, Double> e : s.members.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeDouble(e.getValue());
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
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("account '" + id + "' member count must be at least 0, but was "
          + n);
    }
    Map<String, Double> members = new HashMap<>(Math.max(4, n * 2));
    for (int i = 0; i < n; i++) {
      members.put(in.readUTF(), in.readDouble());
    }
    AccountState s = new AccountState(id, members);
    s.attributes = attributes;
    s.reported = in.readBoolean() ? Codec.readAccountScore(in) : null;
    s.changes = in.readLong();
    return s;
  }
}
