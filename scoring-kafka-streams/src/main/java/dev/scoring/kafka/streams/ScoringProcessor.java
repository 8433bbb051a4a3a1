package dev.scoring.kafka.streams;

import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.core.live.TierChange;
import dev.scoring.core.live.TierChange.Cause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The scoring processor of one task: see {@link LiveScoringTopology}. Runs on its task's
 * thread only.
 */
final class ScoringProcessor implements Processor<String, Object, String, Object> {
  private static final System.Logger LOG = System.getLogger(ScoringProcessor.class.getName());

  private final LiveScoringTopology config;
  /** True when wired with the DSL: one child, which receives every output. */
  private final boolean dsl;
  /** True when member updates go to the accounts (the DSL wiring with an account table). */
  private final boolean accounts;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, ContactState> store;
  private Cancellable sweeps;
  private Models models;

  ScoringProcessor(LiveScoringTopology config, boolean dsl, boolean accounts) {
    this.config = config;
    this.dsl = dsl;
    this.accounts = accounts;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(config.storeName);
    models = config.models(null);
    sweeps = context.schedule(config.sweepEvery, config.time, this::sweep);
  }

  private Instant now() {
    return Instant.ofEpochMilli(config.time == PunctuationType.WALL_CLOCK_TIME
        ? context.currentSystemTimeMs() : context.currentStreamTimeMs());
  }

  private void emit(String key, Object value, long timestamp, String child) {
    Record<String, Object> r = new Record<>(key, value, timestamp);
    if (dsl) {
      context.forward(r);
    } else {
      context.forward(r, child);
    }
  }

  @Override
  public void process(Record<String, Object> record) {
    String id = record.key();
    if (id == null || id.isBlank()) {
      LOG.log(System.Logger.Level.WARNING, "dropped a record without a contact id: {0}",
          record.value());
      return;
    }
    switchModelIfChanged(record.timestamp());
    Object value = record.value();
    if (value == null) { // a tombstone forgets the contact, and its account loses it
      ContactState gone = store.get(id);
      if (gone != null && gone.account != null && accounts) {
        emit(gone.account, new AccountInput.Leave(id), record.timestamp(),
            LiveScoringTopology.ACCOUNT_MEMBERS);
      }
      store.delete(id);
      return;
    }
    Instant asOf = now();
    ContactState s = store.get(id);
    if (s == null) {
      s = ContactState.empty(id);
    }
    int inserted = -1; // the new event's index; -2: attributes replaced; -1: no change
    Map<String, Object> previousAttributes = null;
    Cause cause;
    Event event = null;
    if (value instanceof Event e) {
      cause = Cause.EVENT;
      event = e;
      if (stores(e.type())) {
        if (s.events.size >= config.maxEvents) {
          LOG.log(System.Logger.Level.WARNING, "contact ''{0}'' history must hold at most {1} "
              + "events (maxEventsPerContact): dropped {2}", id, config.maxEvents, e);
          return;
        }
        inserted = s.add(e);
      }
    } else if (value instanceof ContactAttributes a) {
      cause = Cause.UPSERT;
      previousAttributes = s.attributes;
      s.attributes = a.values();
      inserted = -2;
    } else {
      throw new IllegalArgumentException("record value for contact '" + id + "' must be an "
          + "Event or ContactAttributes, but was " + value.getClass().getName());
    }
    Models m = models;
    Score[] targets = new Score[m.size()];
    List<TierChange> changes = new ArrayList<>(2);
    for (int t = 0; t < targets.length; t++) {
      Score target = s.score(m.tables[t], m.compact[t], asOf, -1);
      targets[t] = target;
      Score before = s.reported(m, t);
      if (before == null) {
        String base = m.tables[t].baseTier();
        if (!base.equals(target.tier())) {
          changes.add(change(s, base, null, target, cause, event, m.tables[t]));
        }
        continue;
      }
      if (inserted != -1 && !before.tier().equals(target.tier())) {
        // The contact as it was, as of now: did time alone move it first?
        Score without;
        if (inserted >= 0) {
          without = s.score(m.tables[t], m.compact[t], asOf, inserted);
        } else {
          Map<String, Object> replaced = s.attributes;
          s.attributes = previousAttributes;
          without = s.score(m.tables[t], m.compact[t], asOf, -1);
          s.attributes = replaced;
        }
        if (!before.tier().equals(without.tier())) {
          changes.add(change(s, before.tier(), before, without, Cause.TIME, null, m.tables[t]));
          before = without;
        }
      }
      if (!before.tier().equals(target.tier())) {
        changes.add(change(s, before.tier(), before, target, cause, event, m.tables[t]));
      }
    }
    s.reported = List.of(targets);
    long ts = record.timestamp();
    updateAccount(s, ts);
    store.put(id, s);
    for (Score target : targets) {
      emit(id, target, ts, LiveScoringTopology.SCORES);
    }
    for (TierChange c : changes) {
      emit(id, c, ts, LiveScoringTopology.TIER_CHANGES);
    }
  }

  /**
   * Sends the contact's membership to the accounts when it changed: a {@code Leave} to the
   * account it was counted in if that is no longer its account, then its score to its
   * account if it joined it or its score there moved (bit for bit).
   */
  private void updateAccount(ContactState s, long ts) {
    if (!accounts) {
      return;
    }
    Models m = models;
    String next = null;
    double score = Double.NaN;
    if (m.account != null) {
      next = m.account.accountOf(s.attributes).orElse(null);
      if (next != null) {
        Score under = s.reported(m, m.accountTable);
        if (under == null) { // not scored under the account table yet: the next record will
          return;
        }
        score = under.score();
      }
    }
    if (s.account != null && !s.account.equals(next)) {
      emit(s.account, new AccountInput.Leave(s.id), ts, LiveScoringTopology.ACCOUNT_MEMBERS);
    }
    if (next != null && (!next.equals(s.account)
        || Double.doubleToLongBits(score) != Double.doubleToLongBits(s.accountScore))) {
      emit(next, new AccountInput.Member(s.id, score), ts, LiveScoringTopology.ACCOUNT_MEMBERS);
    }
    s.account = next;
    s.accountScore = score;
  }

  private boolean stores(String type) {
    return config.keepAll || models.reads(type) || config.kept.contains(type);
  }

  /**
   * A tier change of contact {@code s}, carrying the fingerprint of {@code table}, the table
   * that computed {@code to} (as the live scorer's changes do).
   */
  private TierChange change(ContactState s, String fromTier, Score from, Score to, Cause cause,
      Event event, ScoringModel table) {
    return new TierChange(++s.changes, s.id, fromTier, Optional.ofNullable(from), to, cause,
        cause == Cause.EVENT ? Optional.of(event) : Optional.empty(), table.fingerprint());
  }

  /** Switches to the supplied model if it is a new one: every stored contact is rescored. */
  private void switchModelIfChanged(long timestamp) {
    Models next = config.models(models);
    if (next == models) {
      return;
    }
    Models old = models;
    models = next;
    Instant asOf = now();
    List<KeyValue<String, ContactState>> updated = new ArrayList<>();
    try (KeyValueIterator<String, ContactState> all = store.all()) {
      while (all.hasNext()) {
        updated.add(all.next());
      }
    }
    for (KeyValue<String, ContactState> kv : updated) {
      ContactState s = kv.value;
      if (s.reported.isEmpty()) {
        continue;
      }
      Score[] scores = new Score[next.size()];
      List<TierChange> changes = new ArrayList<>(2);
      for (int t = 0; t < scores.length; t++) {
        Score before = s.reported(next, t);
        scores[t] = s.score(next.tables[t], next.compact[t], asOf, -1);
        if (before == null) { // a table the previous model did not have
          String base = next.tables[t].baseTier();
          if (!base.equals(scores[t].tier())) {
            changes.add(change(s, base, null, scores[t], Cause.MODEL_CHANGE, null,
                next.tables[t]));
          }
          continue;
        }
        int o = oldIndex(old, next, t);
        if (o >= 0) {
          Score oldScore = s.score(old.tables[o], old.compact[o], asOf, -1);
          if (!before.tier().equals(oldScore.tier())) {
            changes.add(change(s, before.tier(), before, oldScore, Cause.TIME, null,
                old.tables[o]));
            before = oldScore;
          }
        }
        if (!before.tier().equals(scores[t].tier())) {
          changes.add(change(s, before.tier(), before, scores[t], Cause.MODEL_CHANGE, null,
              next.tables[t]));
        }
      }
      s.reported = List.of(scores);
      updateAccount(s, timestamp);
      store.put(kv.key, s);
      for (Score score : scores) {
        emit(kv.key, score, timestamp, LiveScoringTopology.SCORES);
      }
      for (TierChange c : changes) {
        emit(kv.key, c, timestamp, LiveScoringTopology.TIER_CHANGES);
      }
    }
  }

  /** The index in {@code old} of table {@code t} of {@code next} (by name; one to one), or -1. */
  private static int oldIndex(Models old, Models next, int t) {
    if (old.size() == 1 && next.size() == 1) {
      return 0;
    }
    for (int o = 0; o < old.size(); o++) {
      if (old.name(o).equals(next.name(t))) {
        return o;
      }
    }
    return -1;
  }

  /** The punctuator: emits the tier changes time alone made since each contact's last score. */
  void sweep(long timestamp) {
    switchModelIfChanged(timestamp);
    Models m = models;
    Instant asOf = Instant.ofEpochMilli(timestamp);
    List<KeyValue<String, ContactState>> changed = new ArrayList<>();
    List<List<Score>> moved = new ArrayList<>();
    List<List<TierChange>> changes = new ArrayList<>();
    try (KeyValueIterator<String, ContactState> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, ContactState> kv = all.next();
        ContactState s = kv.value;
        if (s.reported.isEmpty()) {
          continue;
        }
        Score[] now = new Score[m.size()];
        List<Score> scores = null;
        List<TierChange> tierChanges = null;
        for (int t = 0; t < now.length; t++) {
          Score before = s.reported(m, t);
          now[t] = s.score(m.tables[t], m.compact[t], asOf, -1);
          if (before == null) {
            now[t] = null; // not scored under this table yet: the next record starts it
          } else if (!now[t].tier().equals(before.tier())) {
            if (scores == null) {
              scores = new ArrayList<>(2);
              tierChanges = new ArrayList<>(2);
            }
            scores.add(now[t]);
            tierChanges.add(change(s, before.tier(), before, now[t], Cause.TIME, null,
                m.tables[t]));
          } else {
            now[t] = before;
          }
        }
        if (scores != null) {
          List<Score> kept = new ArrayList<>(now.length);
          for (Score sc : now) {
            if (sc != null) {
              kept.add(sc);
            }
          }
          s.reported = List.copyOf(kept);
          changed.add(kv);
          moved.add(scores);
          changes.add(tierChanges);
        }
      }
    }
    for (int i = 0; i < changed.size(); i++) {
      KeyValue<String, ContactState> kv = changed.get(i);
      updateAccount(kv.value, timestamp);
      store.put(kv.key, kv.value);
      for (Score sc : moved.get(i)) {
        emit(kv.key, sc, timestamp, LiveScoringTopology.SCORES);
      }
      for (TierChange c : changes.get(i)) {
        emit(kv.key, c, timestamp, LiveScoringTopology.TIER_CHANGES);
      }
    }
  }

  @Override
  public void close() {
    if (sweeps != null) {
      sweeps.cancel();
    }
  }
}
