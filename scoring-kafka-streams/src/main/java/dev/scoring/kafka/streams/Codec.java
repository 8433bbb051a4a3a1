package dev.scoring.kafka.streams;

import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.AccountScore;
import dev.scoring.core.live.AccountTierChange;
import dev.scoring.core.live.TierChange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The binary forms of {@link ScoringSerdes}: big-endian {@link DataOutputStream} primitives,
 * strings as modified UTF-8 ({@code writeUTF}, at most 65 535 bytes), each value starting
 * with a format byte. Stateless and thread-safe.
 */
final class Codec {
  static final byte FORMAT = 1;

  private Codec() {}

  /** Writes something to bytes. */
  interface Writer<T> {
    void write(DataOutputStream out, T value) throws IOException;
  }

  /** Reads something from bytes. */
  interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  /** Reads something from bytes written in one of several formats. */
  interface FormatReader<T> {
    T read(DataInputStream in, int format) throws IOException;
  }

  static <T> byte[] encode(T value, Writer<T> w) {
    return encode(value, w, FORMAT);
  }

  static <T> byte[] encode(T value, Writer<T> w, byte format) {
    if (value == null) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(format);
      w.write(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding " + value.getClass().getSimpleName(), e);
    }
    return bytes.toByteArray();
  }

  static <T> T decode(byte[] data, Reader<T> r, String what) {
    return decode(data, (in, format) -> r.read(in), what, FORMAT);
  }

  /** Decodes a value written in format 1 to {@code latest}. */
  static <T> T decode(byte[] data, FormatReader<T> r, String what, byte latest) {
    if (data == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte format = in.readByte();
      if (format < FORMAT || format > latest) {
        throw new IllegalArgumentException(what + " format byte must be "
            + (latest == FORMAT ? "" + FORMAT : "from " + FORMAT + " to " + latest)
            + ", but was " + format);
      }
      return r.read(in, format);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " must be " + data.length
          + " well-formed bytes, but reading failed: " + e, e);
    }
  }

  static void writeInstant(DataOutputStream out, Instant at) throws IOException {
    out.writeLong(at.getEpochSecond());
    out.writeInt(at.getNano());
  }

  static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }

  static void writeEvent(DataOutputStream out, Event e) throws IOException {
    out.writeUTF(e.type());
    writeInstant(out, e.at());
    out.writeBoolean(e.value().isPresent());
    if (e.value().isPresent()) {
      out.writeDouble(e.value().getAsDouble());
    }
  }

  static Event readEvent(DataInputStream in) throws IOException {
    String type = in.readUTF();
    Instant at = readInstant(in);
    return in.readBoolean() ? Event.of(type, at, in.readDouble()) : Event.of(type, at);
  }

  static void writeAttributes(DataOutputStream out, Map<String, Object> values)
      throws IOException {
    out.writeInt(values.size());
    for (Map.Entry<String, Object> e : values.entrySet()) {
      out.writeUTF(e.getKey());
      Object v = e.getValue();
      if (v instanceof String s) {
        out.writeByte('S');
        out.writeUTF(s);
      } else if (v instanceof Long l) {
        out.writeByte('L');
        out.writeLong(l);
      } else if (v instanceof Double d) {
        out.writeByte('D');
        out.writeDouble(d);
      } else if (v instanceof Boolean b) {
        out.writeByte('B');
        out.writeBoolean(b);
      } else {
        throw new IllegalArgumentException("attribute '" + e.getKey() + "' must be a String, "
            + "Long, Double or Boolean, but was " + (v == null ? "null" : v.getClass()));
      }
    }
  }

  static Map<String, Object> readAttributes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("attribute count must be at least 0, but was " + n);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      byte tag = in.readByte();
      Object v = switch (tag) {
        case 'S' -> in.readUTF();
        case 'L' -> in.readLong();
        case 'D' -> in.readDouble();
        case 'B' -> in.readBoolean();
        default -> throw new IOException("attribute '" + name + "' tag must be S, L, D or B, "
            + "but was " + tag);
      };
      values.put(name, v);
    }
    return values;
  }

  static void writeScore(DataOutputStream out, Score s) throws IOException {
    out.writeDouble(s.score());
    out.writeDouble(s.raw());
    out.writeDouble(s.fit());
    out.writeDouble(s.engagement());
    out.writeUTF(s.tier());
    out.writeUTF(s.modelName());
    out.writeUTF(s.modelVersion());
    writeInstant(out, s.asOf());
  }

  static Score readScore(DataInputStream in) throws IOException {
    return new Score(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
        in.readUTF(), in.readUTF(), in.readUTF(), readInstant(in));
  }

  static void writeTierChange(DataOutputStream out, TierChange c) throws IOException {
    out.writeLong(c.sequence());
    out.writeUTF(c.contactId());
    out.writeUTF(c.previousTier());
    out.writeBoolean(c.previous().isPresent());
    if (c.previous().isPresent()) {
      writeScore(out, c.previous().get());
    }
    writeScore(out, c.current());
    out.writeUTF(c.cause().name());
    out.writeBoolean(c.event().isPresent());
    if (c.event().isPresent()) {
      writeEvent(out, c.event().get());
    }
    out.writeUTF(c.modelFingerprint());
  }

  static TierChange readTierChange(DataInputStream in) throws IOException {
    long sequence = in.readLong();
    String id = in.readUTF();
    String previousTier = in.readUTF();
    Optional<Score> previous = in.readBoolean() ? Optional.of(readScore(in)) : Optional.empty();
    Score current = readScore(in);
    TierChange.Cause cause = TierChange.Cause.valueOf(in.readUTF());
    Optional<Event> event = in.readBoolean() ? Optional.of(readEvent(in)) : Optional.empty();
    return new TierChange(sequence, id, previousTier, previous, current, cause, event,
        in.readUTF());
  }

  static void writeAccountScore(DataOutputStream out, AccountScore s) throws IOException {
    out.writeUTF(s.id());
    out.writeDouble(s.score());
    out.writeDouble(s.raw());
    out.writeDouble(s.fit());
    out.writeDouble(s.engagement());
    out.writeUTF(s.tier());
    out.writeInt(s.members());
  }

  static AccountScore readAccountScore(DataInputStream in) throws IOException {
    return new AccountScore(in.readUTF(), in.readDouble(), in.readDouble(), in.readDouble(),
        in.readDouble(), in.readUTF(), in.readInt());
  }

  /**
   * The format of account tier changes: 2 adds the table and the member to format 1 (the
   * Kafka module's own record, never released), which is refused.
   */
  static final byte ACCOUNT_TIER_CHANGE_FORMAT = 2;

  static void writeAccountTierChange(DataOutputStream out, AccountTierChange c)
      throws IOException {
    out.writeLong(c.sequence());
    out.writeUTF(c.table());
    out.writeUTF(c.accountId());
    out.writeUTF(c.previousTier());
    out.writeBoolean(c.previous().isPresent());
    if (c.previous().isPresent()) {
      writeAccountScore(out, c.previous().get());
    }
    writeAccountScore(out, c.current());
    out.writeUTF(c.cause().name());
    out.writeBoolean(c.contactId().isPresent());
    if (c.contactId().isPresent()) {
      out.writeUTF(c.contactId().get());
    }
    out.writeUTF(c.modelFingerprint());
  }

  static AccountTierChange readAccountTierChange(DataInputStream in, int format)
      throws IOException {
    if (format != ACCOUNT_TIER_CHANGE_FORMAT) {
      throw new IllegalArgumentException("account tier change format byte must be "
          + ACCOUNT_TIER_CHANGE_FORMAT + ", but was " + format
          + " (format 1 has no table and is not read)");
    }
    long sequence = in.readLong();
    String table = in.readUTF();
    String id = in.readUTF();
    String previousTier = in.readUTF();
    Optional<AccountScore> previous = in.readBoolean() ? Optional.of(readAccountScore(in))
        : Optional.empty();
    AccountScore current = readAccountScore(in);
    AccountTierChange.Cause cause = AccountTierChange.Cause.valueOf(in.readUTF());
    Optional<String> contactId = in.readBoolean() ? Optional.of(in.readUTF())
        : Optional.empty();
    return new AccountTierChange(sequence, table, id, previousTier, previous, current, cause,
        contactId, in.readUTF());
  }
}
