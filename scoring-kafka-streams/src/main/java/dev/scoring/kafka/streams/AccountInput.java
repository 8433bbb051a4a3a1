package dev.scoring.kafka.streams;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * What the accounts' processor reads, keyed by account id on the accounts' repartition
 * topic: a member's score, a member leaving, or the account's own record. Immutable.
 */
sealed interface AccountInput {

  /** A contact counted in the account with its score under the account table. */
  record Member(String contactId, double score) implements AccountInput {}

  /** A contact no longer counted in the account (it moved, lost its key, or was deleted). */
  record Leave(String contactId) implements AccountInput {}

  /** The account's record: its attributes, or null when the record was deleted. */
  record Attributes(Map<String, Object> values) implements AccountInput {}

  static void write(DataOutputStream out, AccountInput in) throws IOException {
    if (in instanceof Member m) {
      out.writeByte('M');
      out.writeUTF(m.contactId());
      out.writeDouble(m.score());
    } else if (in instanceof Leave l) {
      out.writeByte('L');
      out.writeUTF(l.contactId());
    } else {
      Map<String, Object> values = ((Attributes) in).values();
      out.writeByte('A');
      out.writeBoolean(values != null);
      if (values != null) {
        Codec.writeAttributes(out, values);
      }
    }
  }

  static AccountInput read(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case 'M' -> new Member(in.readUTF(), in.readDouble());
      case 'L' -> new Leave(in.readUTF());
      case 'A' -> new Attributes(in.readBoolean() ? Codec.readAttributes(in) : null);
      default -> throw new IOException("account input tag must be M, L or A, but was " + tag);
    };
  }
}
