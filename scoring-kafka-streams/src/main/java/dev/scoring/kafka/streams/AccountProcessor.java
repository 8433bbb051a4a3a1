package dev.scoring.kafka.streams;

import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScore;
import dev.scoring.core.live.AccountTierChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The accounts' processor of one task: reads member updates and account records keyed by
 * account id (from the accounts' repartition topic), keeps each account's record in its
 * store and each member (account and contact id to score) in the members' store, and after each update recomputes the account with
 * {@link AccountRules#score} and emits the {@link AccountScore} and, when the account tier
 * moved, an {@link AccountTierChange} (see {@link LiveScoringTopology}). A new model is
 * taken up before the next input or at the next sweep interval, whichever comes first, and
 * rescores every stored account. Runs on its task's thread only.
 */
final class AccountProcessor implements Processor<String, Object, String, Object> {
  private static final System.Logger LOG = System.getLogger(AccountProcessor.class.getName());

  private final LiveScoringTopology config;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, AccountState> store;
  private KeyValueStore<String, Double> members;
  private Models models;
  private Cancellable sweeps;

  AccountProcessor(LiveScoringTopology config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(config.accountStoreName);
    this.members = context.getStateStore(config.accountMembersStoreName());
    models = config.models(null);
    // Accounts have no time of their own; this only switches models between inputs.
    sweeps = context.schedule(config.sweepEvery, config.time, this::switchModelIfChanged);
  }

  @Override
  public void close() {
    if (sweeps != null) {
      sweeps.cancel();
    }
  }

  private Instant now() {
    return Instant.ofEpochMilli(config.time == PunctuationType.WALL_CLOCK_TIME
        ? context.currentSystemTimeMs() : context.currentStreamTimeMs());
  }

  @Override
  public void process(Record<String, Object> record) {
    String id = record.key();
    if (id == null || id.isEmpty()) { // a blank id names an account with a record (SPEC 12)
      LOG.log(System.Logger.Level.WARNING, "dropped an account update without an account id:"
          + " {0}", record.value());
      return;
    }
    switchModelIfChanged(record.timestamp());
    AccountState s = store.get(id);
    if (s == null) {
      s = new AccountState(id);
    }
    AccountTierChange.Cause cause;
    String contactId = null;
    Object value = record.value();
    if (value instanceof AccountInput.Member m) {
      members.put(AccountState.memberKey(id, m.contactId()), m.score());
      cause = AccountTierChange.Cause.MEMBER;
      contactId = m.contactId();
    } else if (value instanceof AccountInput.Leave l) {
      members.delete(AccountState.memberKey(id, l.contactId()));
      cause = AccountTierChange.Cause.MEMBER;
      contactId = l.contactId();
    } else if (value instanceof AccountInput.Attributes a) {
      s.attributes = a.values();
      cause = AccountTierChange.Cause.RECORD;
    } else {
      throw new IllegalArgumentException("account update for '" + id + "' must be a member "
          + "score, a leave or a record, but was " + value);
    }
    List<AccountRules.Member> list = AccountState.members(members, id);
    if (list.isEmpty() && s.attributes == null) {
      // No member and no record: the account is no longer scored (SPEC 12); a tombstone.
      store.delete(id);
      if (s.reported != null) {
        context.forward(new Record<>(id, null, record.timestamp()));
      }
      return;
    }
    rescore(s, list, cause, contactId, now(), record.timestamp());
  }

  /**
   * Scores an account with the core function, stores it, emits its score and tier change
   * ({@code contactId}: the member whose update caused it, or null).
   */
  private void rescore(AccountState s, List<AccountRules.Member> list,
      AccountTierChange.Cause cause, String contactId, Instant asOf, long ts) {
    AccountRules rules = models.account;
    if (rules == null) { // the model in use scores no accounts: keep the members only
      store.put(s.id, s);
      return;
    }
    AccountScore now = rules.score(s.id, s.attributes, list, asOf);
    String from = s.reported == null ? rules.baseTier() : s.reported.tier();
    AccountTierChange change = from.equals(now.tier()) ? null
        : new AccountTierChange(++s.changes, models.name(models.accountTable), s.id, from,
            Optional.ofNullable(s.reported), now, cause, Optional.ofNullable(contactId),
            models.tables[models.accountTable].fingerprint()); // the account table's
    s.reported = now;
    store.put(s.id, s);
    context.forward(new Record<>(s.id, now, ts));
    if (change != null) {
      context.forward(new Record<>(s.id, change, ts));
    }
  }

  /** Switches to the supplied model if it is a new one: every stored account is rescored. */
  private void switchModelIfChanged(long timestamp) {
    Models next = config.models(models);
    if (next == models) {
      return;
    }
    models = next;
    Instant asOf = now();
    List<KeyValue<String, AccountState>> all = new ArrayList<>();
    try (KeyValueIterator<String, AccountState> it = store.all()) {
      while (it.hasNext()) {
        all.add(it.next());
      }
    }
    for (KeyValue<String, AccountState> kv : all) {
      rescore(kv.value, AccountState.members(members, kv.key),
          AccountTierChange.Cause.MODEL_CHANGE, null, asOf, timestamp);
    }
  }
}
