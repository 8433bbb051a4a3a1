package dev.scoring.kafka.streams;

import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.AccountScore;
import dev.scoring.core.live.AccountTierChange;
import dev.scoring.core.live.TierChange;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Binary serdes for what the scoring processor reads and writes. Each value starts with a
 * format byte (1; 2 for account tier changes); numbers are big-endian, instants an epoch
 * second ({@code long}) and a nanosecond ({@code int}), strings modified UTF-8 of at most
 * 65 535 bytes. Null is a
 * tombstone both ways. A value that cannot be read fails with
 * {@link IllegalArgumentException} naming what was read. All serdes are stateless and
 * thread-safe.
 */
public final class ScoringSerdes {
  private ScoringSerdes() {}

  /**
   * Returns the serde of events: type, instant, optional value.
   *
   * @return the serde
   */
  public static Serde<Event> event() {
    return Serdes.serdeFrom((topic, e) -> Codec.encode(e, Codec::writeEvent),
        (topic, b) -> Codec.decode(b, Codec::readEvent, "event"));
  }

  /**
   * Returns the serde of contact attributes: a count, then name, type tag and value.
   *
   * @return the serde
   */
  public static Serde<ContactAttributes> attributes() {
    return Serdes.serdeFrom(
        (topic, a) -> Codec.encode(a, (out, v) -> Codec.writeAttributes(out, v.values())),
        (topic, b) -> Codec.decode(b, in -> new ContactAttributes(Codec.readAttributes(in)),
            "contact attributes"));
  }

  /**
   * Returns the serde of scores: score, raw, fit, engagement, tier, model name and version,
   * instant.
   *
   * @return the serde
   */
  public static Serde<Score> score() {
    return Serdes.serdeFrom((topic, s) -> Codec.encode(s, Codec::writeScore),
        (topic, b) -> Codec.decode(b, Codec::readScore, "score"));
  }

  /**
   * Returns the serde of tier changes.
   *
   * @return the serde
   */
  public static Serde<TierChange> tierChange() {
    return Serdes.serdeFrom((topic, c) -> Codec.encode(c, Codec::writeTierChange),
        (topic, b) -> Codec.decode(b, Codec::readTierChange, "tier change"));
  }

  /**
   * Returns the serde of the processor's per-contact state, as stored in its key-value store
   * and its changelog topic: attributes, the contact's event types, its events as columns
   * (24 bytes an event), the last emitted score under each table, the contact's change
   * counter and the account it was last counted in (format 2; format 1, with one score and
   * no account, is still read).
   *
   * @return the serde
   */
  static Serde<ContactState> contactState() {
    return Serdes.serdeFrom(
        (topic, s) -> Codec.encode(s, ContactState::write, ContactState.FORMAT),
        (topic, b) -> Codec.decode(b, ContactState::read, "contact state", ContactState.FORMAT));
  }

  /**
   * Returns the serde of account scores: id, score, raw, fit, engagement, tier, member count.
   *
   * @return the serde
   */
  public static Serde<AccountScore> accountScore() {
    return Serdes.serdeFrom((topic, s) -> Codec.encode(s, Codec::writeAccountScore),
        (topic, b) -> Codec.decode(b, Codec::readAccountScore, "account score"));
  }

  /**
   * Returns the serde of account tier changes (format byte 2): sequence, table, account id,
   * previous tier, optional previous account score, current account score, cause, optional
   * member contact id, model fingerprint. Format 1 (without table and member) is refused.
   *
   * @return the serde
   */
  public static Serde<AccountTierChange> accountTierChange() {
    return Serdes.serdeFrom((topic, c) -> Codec.encode(c, Codec::writeAccountTierChange,
            Codec.ACCOUNT_TIER_CHANGE_FORMAT),
        (topic, b) -> Codec.decode(b, Codec::readAccountTierChange, "account tier change",
            Codec.ACCOUNT_TIER_CHANGE_FORMAT));
  }

  /** The serde of the accounts' repartition topic: member scores, leaves, account records. */
  static Serde<AccountInput> accountInput() {
    return Serdes.serdeFrom((topic, v) -> Codec.encode(v, AccountInput::write),
        (topic, b) -> Codec.decode(b, AccountInput::read, "account input"));
  }

  /** The serde of the accounts' state store. */
  static Serde<AccountState> accountState() {
    return Serdes.serdeFrom((topic, s) -> Codec.encode(s, AccountState::write),
        (topic, b) -> Codec.decode(b, AccountState::read, "account state"));
  }
}
