package dev.scoring.kafka.streams;

import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.core.internal.CompactModel;
import dev.scoring.core.live.TierChange;
import dev.scoring.core.live.TierChange.Cause;
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
 * The scoring processor of one task: see {@link LiveScoringTopology}. Runs on its task's
 * thread only.
 */
final class ScoringProcessor implements Processor<String, Object, String, Object> {
  private static final System.Logger LOG = System.getLogger(ScoringProcessor.class.getName());

  private final LiveScoringTopology config;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, ContactState> store;
  private Cancellable sweeps;
  private ScoringModel model;
  private CompactModel compact;
  private String fingerprint;

  ScoringProcessor(LiveScoringTopology config) {
    this.config = config;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(config.storeName);
    use(config.model.get());
    sweeps = context.schedule(config.sweepEvery, config.time, this::sweep);
  }

  private void use(ScoringModel next) {
    model = next;
    compact = CompactModel.of(next).orElse(null);
    fingerprint = next.fingerprint();
  }

  private Instant now() {
    return Instant.ofEpochMilli(config.time == PunctuationType.WALL_CLOCK_TIME
        ? context.currentSystemTimeMs() : context.currentStreamTimeMs());
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
    if (value == null) {
      store.delete(id); // a tombstone forgets the contact
      return;
    }
    Instant asOf = now();
    ContactState s = store.get(id);
    if (s == null) {
      s = ContactState.empty(id);
    }
    int inserted = -1; // the new event's index; -2: attributes replaced; -1: no change
    java.util.Map<String, Object> previousAttributes = null;
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
    Score target = s.score(model, compact, asOf, -1);
    List<TierChange> changes = new ArrayList<>(2);
    if (s.reported == null) {
      String base = model.baseTier();
      if (!base.equals(target.tier())) {
        changes.add(change(s, base, null, target, cause, event));
      }
    } else {
      Score before = s.reported;
      if (inserted != -1 && !before.tier().equals(target.tier())) {
        // The contact as it was, as of now: did time alone move it first?
        Score without;
        if (inserted >= 0) {
          without = s.score(model, compact, asOf, inserted);
        } else {
          java.util.Map<String, Object> replaced = s.attributes;
          s.attributes = previousAttributes;
          without = s.score(model, compact, asOf, -1);
          s.attributes = replaced;
        }
        if (!before.tier().equals(without.tier())) {
          changes.add(change(s, before.tier(), before, without, Cause.TIME, null));
          before = without;
        }
      }
      if (!before.tier().equals(target.tier())) {
        changes.add(change(s, before.tier(), before, target, cause, event));
      }
    }
    s.reported = target;
    store.put(id, s);
    long ts = record.timestamp();
    context.forward(new Record<>(id, target, ts), LiveScoringTopology.SCORES);
    for (TierChange c : changes) {
      context.forward(new Record<>(id, c, ts), LiveScoringTopology.TIER_CHANGES);
    }
  }

  private boolean stores(String type) {
    return compact == null || config.keepAll || compact.typeId(type) >= 0
        || config.kept.contains(type);
  }

  private TierChange change(ContactState s, String fromTier, Score from, Score to, Cause cause,
      Event event) {
    return new TierChange(++s.changes, s.id, fromTier, Optional.ofNullable(from), to, cause,
        cause == Cause.EVENT ? Optional.of(event) : Optional.empty(), fingerprint);
  }

  /** Switches to the supplied model if it is a new one: every stored contact is rescored. */
  private void switchModelIfChanged(long timestamp) {
    ScoringModel next = config.model.get();
    if (next == null || next == model || next.fingerprint().equals(fingerprint)) {
      return;
    }
    ScoringModel old = model;
    CompactModel oldCompact = compact;
    use(next);
    Instant asOf = now();
    List<KeyValue<String, ContactState>> updated = new ArrayList<>();
    try (KeyValueIterator<String, ContactState> all = store.all()) {
      while (all.hasNext()) {
        updated.add(all.next());
      }
    }
    for (KeyValue<String, ContactState> kv : updated) {
      ContactState s = kv.value;
      if (s.reported == null) {
        continue;
      }
      Score before = s.reported;
      Score oldScore = s.score(old, oldCompact, asOf, -1);
      Score newScore = s.score(model, compact, asOf, -1);
      List<TierChange> changes = new ArrayList<>(2);
      if (!before.tier().equals(oldScore.tier())) {
        changes.add(change(s, before.tier(), before, oldScore, Cause.TIME, null));
        before = oldScore;
      }
      if (!before.tier().equals(newScore.tier())) {
        changes.add(change(s, before.tier(), before, newScore, Cause.MODEL_CHANGE, null));
      }
      s.reported = newScore;
      store.put(kv.key, s);
      context.forward(new Record<>(kv.key, newScore, timestamp), LiveScoringTopology.SCORES);
      for (TierChange c : changes) {
        context.forward(new Record<>(kv.key, c, timestamp), LiveScoringTopology.TIER_CHANGES);
      }
    }
  }

  /** The punctuator: emits the tier changes time alone made since each contact's last score. */
  void sweep(long timestamp) {
    switchModelIfChanged(timestamp);
    Instant asOf = Instant.ofEpochMilli(timestamp);
    List<KeyValue<String, ContactState>> changed = new ArrayList<>();
    List<TierChange> changes = new ArrayList<>();
    try (KeyValueIterator<String, ContactState> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, ContactState> kv = all.next();
        ContactState s = kv.value;
        if (s.reported == null) {
          continue;
        }
        Score now = s.score(model, compact, asOf, -1);
        if (!now.tier().equals(s.reported.tier())) {
          changes.add(change(s, s.reported.tier(), s.reported, now, Cause.TIME, null));
          s.reported = now;
          changed.add(kv);
        }
      }
    }
    for (int i = 0; i < changed.size(); i++) {
      KeyValue<String, ContactState> kv = changed.get(i);
      store.put(kv.key, kv.value);
      context.forward(new Record<>(kv.key, kv.value.reported, timestamp),
          LiveScoringTopology.SCORES);
      context.forward(new Record<>(kv.key, changes.get(i), timestamp),
          LiveScoringTopology.TIER_CHANGES);
    }
  }

  @Override
  public void close() {
    if (sweeps != null) {
      sweeps.cancel();
    }
  }
}
