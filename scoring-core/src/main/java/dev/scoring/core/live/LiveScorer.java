package dev.scoring.core.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.core.live.TierChange.Cause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Scores contacts as their events arrive, and tells listeners when a contact changes tier.
 *
 * <pre>{@code
 * LiveScorer scorer = LiveScorer.builder(model)
 *     .maximumSize(1_000_000)
 *     .expireAfterAccess(Duration.ofDays(30))
 *     .loader(store::find)            // contacts not in memory come from the service's store
 *     .onEviction(store::save)        // and go back there when they leave memory
 *     .listener(change -> {
 *       if (change.currentTier().equals("SQL")) {
 *         salesQueue.add(change.contactId());
 *       }
 *     })
 *     .build();
 * Score score = scorer.record("c-17", Event.of("demo_request", Instant.now()));
 * }</pre>
 *
 * <h2>Exact scores</h2>
 * The scorer keeps each contact's full history (attributes and every event recorded), as a
 * {@link Contact}. Every score it returns, from {@link #record}, {@link #upsert},
 * {@link #score(String, Instant)} or in a {@link TierChange}, is exactly
 * {@code model.score(history, asOf)}: the same bits as batch scoring, whatever order the
 * events arrived in (a {@code Contact} keeps its events in time order). Nothing is
 * approximated or incrementally accumulated: recording an event copies the contact's history
 * and scores it in full, in time linear in the contact's number of events.
 *
 * <h2>Memory</h2>
 * Contacts live in a <a href="https://github.com/ben-manes/caffeine">Caffeine</a> cache
 * bounded by {@link Builder#maximumSize(long)} contacts (default 100 000) and, optionally,
 * dropped after {@link Builder#expireAfterAccess(Duration)} without any operation on them
 * (default: never). A contact's history is bounded by
 * {@link Builder#maxEventsPerContact(int)} events (default 10 000): an operation that would
 * exceed it fails with {@link IllegalStateException} and changes nothing, because dropping
 * events would silently change the score. Memory is thus at most about
 * {@code maximumSize * maxEventsPerContact} events. A contact that leaves memory (size bound
 * or expiry) is handed to the {@link Builder#onEviction eviction hook}, and a contact not in
 * memory is asked of the {@link Builder#loader(ContactLoader) loader}, so a service can keep
 * the full population in its own store.
 *
 * <h2>Tier changes</h2>
 * For each contact the scorer remembers the last score it reported. An operation, a sweep or
 * a model swap computes the contact's new score and, when its tier differs from the last
 * reported one, tells the {@link Builder#listener listeners}: each change once, the changes
 * of a contact in order (see {@link TierChange}), even under concurrent operations on the
 * same contact. When time alone (decay, inactivity) had already moved the contact out of the
 * last reported tier, that move is reported first, as a {@link Cause#TIME} change, followed by
 * the change the operation makes from there. A dip and recovery that happened between two
 * operations, with no sweep in between, is not reported: the listeners see an unbroken chain
 * of tiers ending at the contact's current tier. Reads never report changes;
 * {@link #sweep(Instant)} finds the changes time alone makes. A contact loaded through the
 * loader starts from its score at load time: changes that happened while it was out of
 * memory are not reported.
 *
 * <h2>Model versions</h2>
 * {@link #swapModel(ScoringModel)} swaps in a new model atomically: every operation and
 * every read that starts after it uses the new model, and reads never mix two versions (a
 * {@link Score} is labelled with the version that computed it). Every stored contact is
 * rescored against its full history and the changes reported.
 *
 * <h2>Thread safety</h2>
 * Instances are thread-safe. Operations on one contact are serialised (through the cache's
 * per-entry {@code compute}); operations on different contacts run in parallel. Scoring
 * happens while the contact's entry is locked; listeners are called after it, by the
 * threads that use the scorer.
 */
public final class LiveScorer {
  private static final System.Logger LOG = System.getLogger(LiveScorer.class.getName());

  private final Cache<String, Entry> cache;
  private final ConcurrentMap<String, Entry> map;
  private final Clock clock;
  private final ContactLoader loader;
  private final List<TierChangeListener> listeners;
  private final int maxEvents;
  private final long maximumSize;
  private final Duration expireAfterAccess;
  private final AtomicLong sequence = new AtomicLong();
  private final ConcurrentHashMap<String, Outbox> outboxes = new ConcurrentHashMap<>();
  private final ReentrantLock maintenance = new ReentrantLock();
  private volatile Version version;
  private Instant lastSweep; // guarded by maintenance

  private LiveScorer(Builder b) {
    this.clock = b.clock;
    this.loader = b.loader;
    this.listeners = List.copyOf(b.listeners);
    this.maxEvents = b.maxEvents;
    this.maximumSize = b.maximumSize;
    this.expireAfterAccess = b.expireAfterAccess;
    this.version = new Version(b.model);
    Consumer<Contact> hook = b.onEviction;
    LongSupplier ticker = b.ticker;
    Caffeine<Object, Object> caffeine = Caffeine.newBuilder()
        .maximumSize(b.maximumSize)
        .executor(b.executor)
        .ticker(ticker::getAsLong);
    if (b.expireAfterAccess != null) {
      caffeine.expireAfterAccess(b.expireAfterAccess);
    }
    this.cache = caffeine
        .<String, Entry>evictionListener((String id, Entry e, RemovalCause cause) -> {
          if (e != null) {
            hook.accept(e.history());
          }
        })
        .build();
    this.map = cache.asMap();
  }

  /**
   * Starts a live scorer for a model, with the defaults: at most 100 000 contacts in memory,
   * no expiry, at most 10 000 events per contact, no loader, no eviction hook, no listener,
   * the UTC system clock.
   *
   * @param model the model to score with
   * @return a new builder
   * @throws NullPointerException if {@code model} is null
   */
  public static Builder builder(ScoringModel model) {
    return new Builder(model);
  }

  /**
   * Records an event of a contact and returns the contact's new score as of the clock's
   * now. A contact neither in memory nor known to the loader is created, with no
   * attributes. The event is kept even when it is dated after now (a future event is
   * ignored by scoring until it comes due, and {@link #sweep(Instant)} reports the change it
   * then makes).
   *
   * @param contactId the contact's id, non-blank
   * @param event     the event
   * @return the new score, exactly {@code model.score(history, now)}
   * @throws IllegalArgumentException if {@code contactId} is blank
   * @throws IllegalStateException    if the contact already holds
   *     {@link Builder#maxEventsPerContact(int)} events (nothing is changed), or the loader
   *     returned an invalid contact
   * @throws NullPointerException     if an argument is null
   */
  public Score record(String contactId, Event event) {
    checkId(contactId);
    Objects.requireNonNull(event, "event");
    return update(contactId, Cause.EVENT, event, old -> {
      if (old == null) {
        return Contact.builder(contactId).event(event).build();
      }
      if (old.events().size() >= maxEvents) {
        throw new IllegalStateException("contact '" + contactId + "' history must hold at most "
            + maxEvents + " events (maxEventsPerContact), but would hold "
            + (old.events().size() + 1));
      }
      return old.toBuilder().event(event).build();
    });
  }

  /**
   * Stores a contact, replacing its attributes and history if the scorer already had it,
   * and returns its score as of the clock's now.
   *
   * @param contact the contact with its full history
   * @return its score, exactly {@code model.score(contact, now)}
   * @throws IllegalArgumentException if the contact holds more than
   *     {@link Builder#maxEventsPerContact(int)} events
   * @throws NullPointerException     if {@code contact} is null
   */
  public Score upsert(Contact contact) {
    Objects.requireNonNull(contact, "contact");
    if (contact.events().size() > maxEvents) {
      throw new IllegalArgumentException("contact '" + contact.id() + "' events must be at most "
          + maxEvents + " (maxEventsPerContact), but was " + contact.events().size());
    }
    return update(contact.id(), Cause.UPSERT, null, old -> contact);
  }

  /**
   * Returns a contact's score as of the clock's now; see {@link #score(String, Instant)}.
   *
   * @param contactId the contact's id
   * @return its score, or empty when the contact is neither in memory nor known to the loader
   * @throws NullPointerException if {@code contactId} is null
   */
  public Optional<Score> score(String contactId) {
    return score(contactId, clock.instant());
  }

  /**
   * Returns a contact's score as of an instant, loading the contact on a miss. Reads report
   * no tier change.
   *
   * @param contactId the contact's id
   * @param asOf      the instant to score for; events after it are ignored
   * @return its score, exactly {@code model.score(history, asOf)}, or empty when the contact
   *     is neither in memory nor known to the loader
   * @throws NullPointerException  if an argument is null
   * @throws IllegalStateException if the loader returned an invalid contact
   */
  public Optional<Score> score(String contactId, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    return contact(contactId).map(history -> version.model.score(history, asOf));
  }

  /**
   * Returns how a contact's score moved over a window (SPEC section 10), loading the contact
   * on a miss: exactly {@code model.trend(history, asOf, days)}, both scores against the same
   * history and model. Reads report no tier change.
   *
   * @param contactId the contact's id
   * @param asOf      the end of the window
   * @param days      the window in whole days, at least 1
   * @return the score at {@code asOf} minus the score {@code days} earlier, or empty when the
   *     contact is neither in memory nor known to the loader
   * @throws IllegalArgumentException if {@code days < 1} or the window starts before
   *     0001-01-01T00:00:00Z
   * @throws NullPointerException  if an argument is null
   * @throws IllegalStateException if the loader returned an invalid contact
   */
  public java.util.OptionalDouble trend(String contactId, Instant asOf, int days) {
    ScoringModel.trendStart(asOf, days);
    ScoringModel model = version.model;
    Optional<Contact> history = contact(contactId);
    return history.isEmpty() ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(model.trend(history.get(), asOf, days));
  }

  /**
   * Returns the scores of every contact in memory as of an instant, all computed by the same
   * model version, e.g. to build a {@link TierReport}.
   *
   * @param asOf the instant to score for
   * @return contact id to score, unmodifiable
   * @throws NullPointerException if {@code asOf} is null
   */
  public Map<String, Score> scores(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    ScoringModel model = version.model;
    Map<String, Score> scores = new HashMap<>();
    for (Map.Entry<String, Entry> e : map.entrySet()) {
      scores.put(e.getKey(), model.score(e.getValue().history(), asOf));
    }
    return Map.copyOf(scores);
  }

  /**
   * Returns a contact's stored history, loading it on a miss.
   *
   * @param contactId the contact's id
   * @return the contact with every event recorded, or empty when it is neither in memory nor
   *     known to the loader
   * @throws NullPointerException  if {@code contactId} is null
   * @throws IllegalStateException if the loader returned an invalid contact
   */
  public Optional<Contact> contact(String contactId) {
    Objects.requireNonNull(contactId, "contactId");
    Entry e = cache.get(contactId, id -> load(id, version, clock.instant()));
    return e == null ? Optional.empty() : Optional.of(e.history());
  }

  /**
   * Drops a contact from memory, without calling the eviction hook (e.g. after the service
   * erased it from its store). Its next operation loads it again, or starts it afresh.
   *
   * @param contactId the contact's id
   * @return the history that was in memory, if any
   * @throws NullPointerException if {@code contactId} is null
   */
  public Optional<Contact> remove(String contactId) {
    Objects.requireNonNull(contactId, "contactId");
    return Optional.ofNullable(map.remove(contactId)).map(Entry::history);
  }

  /**
   * Scores every contact in memory as of an instant and reports the tier changes time made
   * since each contact's last reported score (decay, windows, inactivity, future events
   * coming due), delivering them to the listeners, together with a comparison against the
   * previous sweep. Contacts are scored one at a time, each under its own lock: operations
   * go on meanwhile. Sweeps and model swaps run one at a time.
   *
   * @param asOf the instant to score for, normally the clock's now
   * @return what the sweep found
   * @throws NullPointerException if {@code asOf} is null
   */
  public SweepReport sweep(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    maintenance.lock();
    try {
      Version v = version;
      Map<String, Score> before = new HashMap<>();
      Map<String, Score> after = new HashMap<>();
      List<TierChange> changes = new ArrayList<>();
      for (String id : map.keySet()) {
        Score[] previousSweep = new Score[1];
        List<TierChange> made = new ArrayList<>(0);
        Entry swept = map.computeIfPresent(id, (k, e) -> {
          Transition t = new Transition();
          Entry n = advance(t, e, e.history(), v, asOf, Cause.TIME, null);
          previousSweep[0] = e.swept();
          made.clear();
          made.addAll(publish(k, t, v));
          return new Entry(n.history(), n.version(), n.reported(), n.reported());
        });
        if (swept != null) {
          after.put(id, swept.swept());
          if (previousSweep[0] != null) {
            before.put(id, previousSweep[0]);
          }
          changes.addAll(made);
        }
        deliver(id);
      }
      Optional<Instant> previous = Optional.ofNullable(lastSweep);
      lastSweep = asOf;
      return new SweepReport(asOf, previous, after.size(), changes,
          TierReport.between(before, after));
    } finally {
      maintenance.unlock();
    }
  }

  /**
   * Swaps in a new model: every operation and read that starts after this call began uses
   * it. Every contact in memory is then rescored against its full history as of the clock's
   * now, and the tier changes delivered to the listeners and returned. An operation that
   * reaches a contact before the swap does rescores it first, in the same way (and its
   * changes are part of the returned report). Contacts loaded later start from the new
   * model's score; a contact whose loading raced with the swap is rescored by its next
   * operation, and its changes then reach the listeners only. Sweeps and model swaps run one
   * at a time.
   *
   * @param next the new model
   * @return the rescoring's changes and tier report
   * @throws NullPointerException if {@code next} is null
   */
  public ModelSwap swapModel(ScoringModel next) {
    Objects.requireNonNull(next, "next");
    maintenance.lock();
    try {
      Version old = version;
      Version v = new Version(next);
      v.open();
      Instant asOf = clock.instant();
      version = v;
      for (String id : map.keySet()) {
        map.computeIfPresent(id, (k, e) -> {
          if (e.version() == v) {
            return e;
          }
          Transition t = new Transition();
          Entry n = advance(t, e, e.history(), v, asOf, Cause.MODEL_CHANGE, null);
          publish(k, t, v);
          return n;
        });
        deliver(id);
      }
      Map<String, Score> before = new HashMap<>();
      Map<String, Score> after = new HashMap<>();
      List<TierChange> changes = new ArrayList<>();
      for (Migration m : v.close()) {
        before.put(m.contactId(), m.before());
        after.put(m.contactId(), m.after());
        changes.addAll(m.changes());
      }
      changes.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
      return new ModelSwap(old.model, next, asOf, after.size(), changes,
          TierReport.between(before, after));
    } finally {
      maintenance.unlock();
    }
  }

  /** Returns the current model. */
  public ScoringModel model() {
    return version.model;
  }

  /** Returns the approximate number of contacts in memory. */
  public long estimatedSize() {
    return cache.estimatedSize();
  }

  /**
   * Performs pending cache maintenance now (evictions by size and expiry), calling the
   * eviction hook for the contacts that leave memory.
   */
  public void cleanUp() {
    cache.cleanUp();
  }

  @Override
  public String toString() {
    return "LiveScorer{model " + version.model.name() + " v" + version.model.version()
        + ", maximumSize " + maximumSize
        + (expireAfterAccess == null ? "" : ", expireAfterAccess " + expireAfterAccess)
        + ", maxEventsPerContact " + maxEvents + ", " + cache.estimatedSize() + " contacts}";
  }

  // ---------------------------------------------------------------------------------------

  private Score update(String id, Cause cause, Event event, UnaryOperator<Contact> change) {
    Score[] result = new Score[1];
    map.compute(id, (k, old) -> {
      Version v = version;
      Instant asOf = clock.instant();
      Entry e = old != null ? old : load(k, v, asOf);
      Contact next = change.apply(e == null ? null : e.history());
      Transition t = new Transition();
      Entry n = advance(t, e, next, v, asOf, cause, event);
      publish(k, t, v);
      result[0] = n.reported();
      return n;
    });
    deliver(id);
    return result[0];
  }

  /** Loads a contact the cache misses, with its score as of now as the baseline. */
  private Entry load(String id, Version v, Instant asOf) {
    Optional<Contact> loaded = Objects.requireNonNull(loader.load(id),
        "the loader returned null for '" + id + "'; it must return Optional.empty()");
    if (loaded.isEmpty()) {
      return null;
    }
    Contact c = loaded.get();
    if (!c.id().equals(id)) {
      throw new IllegalStateException("the contact loaded for '" + id + "' id must be '" + id
          + "', but was '" + c.id() + "'");
    }
    if (c.events().size() > maxEvents) {
      throw new IllegalStateException("the contact loaded for '" + id + "' events must be at "
          + "most " + maxEvents + " (maxEventsPerContact), but was " + c.events().size());
    }
    return new Entry(c, v, v.model.score(c, asOf), null);
  }

  /**
   * Moves an entry (null for a new contact) to model version {@code v}, time {@code asOf}
   * and history {@code next}, collecting the tier changes in {@code t}.
   */
  private static Entry advance(Transition t, Entry e, Contact next, Version v, Instant asOf,
      Cause cause, Event event) {
    Score target = v.model.score(next, asOf);
    if (e == null) {
      String base = v.model.baseTier();
      if (!base.equals(target.tier())) {
        t.add(null, base, target, cause, event, v, false);
      }
      return new Entry(next, v, target, null);
    }
    Score before = e.reported();
    Contact history = e.history();
    if (e.version() != v) {
      Score oldModel = e.version().model.score(history, asOf);
      Score newModel = history == next ? target : v.model.score(history, asOf);
      t.migration(oldModel, newModel);
      before = t.step(before, oldModel, Cause.TIME, null, e.version(), true);
      before = t.step(before, newModel, Cause.MODEL_CHANGE, null, v, true);
    } else if (history != next && !before.tier().equals(target.tier())) {
      before = t.step(before, v.model.score(history, asOf), Cause.TIME, null, v, false);
    }
    t.step(before, target, cause, event, v, false);
    return new Entry(next, v, target, e.swept());
  }

  /**
   * Numbers a transition's changes and queues them for delivery; called under the contact's
   * lock, so the queue order is the operation order.
   */
  private List<TierChange> publish(String id, Transition t, Version v) {
    if (t.pending.isEmpty() && t.migrationBefore == null) {
      return List.of();
    }
    List<TierChange> changes = new ArrayList<>(t.pending.size());
    List<TierChange> migrated = new ArrayList<>(t.pending.size());
    for (Pending p : t.pending) {
      TierChange c = new TierChange(sequence.incrementAndGet(), id, p.previousTier,
          Optional.ofNullable(p.previous), p.current, p.cause, Optional.ofNullable(p.event),
          p.version.fingerprint);
      changes.add(c);
      if (p.migration) {
        migrated.add(c);
      }
    }
    if (t.migrationBefore != null) {
      v.log(new Migration(id, t.migrationBefore, t.migrationAfter, migrated));
    }
    if (!changes.isEmpty()) {
      outboxes.compute(id, (k, box) -> {
        Outbox b = box == null ? new Outbox() : box;
        b.queue.addAll(changes);
        return b;
      });
    }
    return changes;
  }

  /**
   * Delivers a contact's queued changes, in order, unless another thread is doing so (it
   * will then deliver ours too). Called outside every lock.
   */
  private void deliver(String id) {
    Outbox box = outboxes.get(id);
    while (box != null) {
      if (!box.draining.compareAndSet(false, true)) {
        return;
      }
      try {
        TierChange c;
        while ((c = box.queue.poll()) != null) {
          notifyListeners(c);
        }
      } finally {
        box.draining.set(false);
      }
      if (box.queue.isEmpty()) {
        Outbox drained = box;
        outboxes.computeIfPresent(id,
            (k, b) -> b == drained && b.queue.isEmpty() && !b.draining.get() ? null : b);
        return;
      }
    }
  }

  private void notifyListeners(TierChange c) {
    for (TierChangeListener l : listeners) {
      try {
        l.onTierChange(c);
      } catch (RuntimeException ex) {
        LOG.log(System.Logger.Level.WARNING, "tier change listener " + l + " failed on " + c, ex);
      }
    }
  }

  private static void checkId(String contactId) {
    if (contactId == null || contactId.isBlank()) {
      throw new IllegalArgumentException("contactId must be a non-blank string, but was "
          + (contactId == null ? "null" : "\"" + contactId + "\""));
    }
  }

  /** A model in use, and the contacts moved to it. */
  private static final class Version {
    final ScoringModel model;
    final String fingerprint;
    /** The contacts moved to this version while its swap runs; null before and after. */
    private volatile ConcurrentLinkedQueue<Migration> migrations;

    Version(ScoringModel model) {
      this.model = model;
      this.fingerprint = model.fingerprint();
    }

    void open() {
      migrations = new ConcurrentLinkedQueue<>();
    }

    void log(Migration m) {
      ConcurrentLinkedQueue<Migration> log = migrations;
      if (log != null) {
        log.add(m);
      }
    }

    List<Migration> close() {
      List<Migration> log = List.copyOf(migrations);
      migrations = null;
      return log;
    }
  }

  /**
   * A contact's state: its history, the model version and score last reported, and its
   * score at the last sweep (null before its first). Immutable: every operation stores a new
   * entry.
   */
  private record Entry(Contact history, Version version, Score reported, Score swept) {}

  /** A contact moved from one model version to the next. */
  private record Migration(String contactId, Score before, Score after,
      List<TierChange> changes) {}

  /** A change found under a contact's lock, numbered when published. */
  private record Pending(Score previous, String previousTier, Score current, Cause cause,
      Event event, Version version, boolean migration) {}

  /** The changes one operation makes to one contact. */
  private static final class Transition {
    final List<Pending> pending = new ArrayList<>(2);
    Score migrationBefore;
    Score migrationAfter;

    void add(Score previous, String previousTier, Score current, Cause cause, Event event,
        Version v, boolean migration) {
      pending.add(new Pending(previous, previousTier, current, cause,
          cause == Cause.EVENT ? event : null, v, migration));
    }

    /** Adds a change from {@code from} to {@code to} if the tier differs; returns {@code to}. */
    Score step(Score from, Score to, Cause cause, Event event, Version v, boolean migration) {
      if (!from.tier().equals(to.tier())) {
        add(from, from.tier(), to, cause, event, v, migration);
      }
      return to;
    }

    void migration(Score before, Score after) {
      migrationBefore = before;
      migrationAfter = after;
    }
  }

  /** A contact's changes waiting for delivery, and who is delivering them. */
  private static final class Outbox {
    final ConcurrentLinkedQueue<TierChange> queue = new ConcurrentLinkedQueue<>();
    final AtomicBoolean draining = new AtomicBoolean();
  }

  /**
   * A mutable builder of {@link LiveScorer}s. Each setter validates its input at once;
   * {@link #build()} may be called more than once, each time giving an independent scorer.
   * Not thread-safe.
   */
  public static final class Builder {
    private final ScoringModel model;
    private long maximumSize = 100_000;
    private Duration expireAfterAccess;
    private int maxEvents = 10_000;
    private Clock clock = Clock.systemUTC();
    private LongSupplier ticker = System::nanoTime;
    private Executor executor = ForkJoinPool.commonPool();
    private ContactLoader loader = ContactLoader.NONE;
    private Consumer<Contact> onEviction = c -> { };
    private final List<TierChangeListener> listeners = new ArrayList<>();

    private Builder(ScoringModel model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Sets how many contacts are kept in memory at most (default 100 000). Beyond it, the
     * cache evicts the contacts least likely to be used again (Caffeine's W-TinyLFU policy)
     * and hands them to the eviction hook.
     *
     * @param contacts at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code contacts < 1}
     */
    public Builder maximumSize(long contacts) {
      if (contacts < 1) {
        throw new IllegalArgumentException("maximumSize must be at least 1, but was " + contacts);
      }
      this.maximumSize = contacts;
      return this;
    }

    /**
     * Drops a contact from memory once this long has passed since its last operation or
     * read (default: never), handing it to the eviction hook.
     *
     * @param idle positive
     * @return this builder
     * @throws IllegalArgumentException if {@code idle} is zero or negative
     * @throws NullPointerException     if {@code idle} is null
     */
    public Builder expireAfterAccess(Duration idle) {
      Objects.requireNonNull(idle, "idle");
      if (idle.isZero() || idle.isNegative()) {
        throw new IllegalArgumentException("expireAfterAccess must be positive, but was " + idle);
      }
      this.expireAfterAccess = idle;
      return this;
    }

    /**
     * Sets how many events a contact's history may hold (default 10 000). Recording one
     * more fails with {@link IllegalStateException} and changes nothing; the service
     * decides what to do (for example {@link LiveScorer#upsert} a shortened history).
     *
     * @param events at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code events < 1}
     */
    public Builder maxEventsPerContact(int events) {
      if (events < 1) {
        throw new IllegalArgumentException(
            "maxEventsPerContact must be at least 1, but was " + events);
      }
      this.maxEvents = events;
      return this;
    }

    /**
     * Sets the clock that operations and {@link LiveScorer#score(String)} read "now" from
     * (default the UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the time source of expiry, in nanoseconds (default {@code System::nanoTime}); a
     * test can pass a fake one.
     *
     * @param nanoTime a monotonic source of nanoseconds
     * @return this builder
     * @throws NullPointerException if {@code nanoTime} is null
     */
    public Builder ticker(LongSupplier nanoTime) {
      this.ticker = Objects.requireNonNull(nanoTime, "nanoTime");
      return this;
    }

    /**
     * Sets the executor of the cache's background maintenance (default the common
     * fork-join pool); {@code Runnable::run} runs it on the calling threads.
     *
     * @param executor the executor
     * @return this builder
     * @throws NullPointerException if {@code executor} is null
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets where contacts not in memory come from (default: nowhere).
     *
     * @param loader the loader
     * @return this builder
     * @throws NullPointerException if {@code loader} is null
     */
    public Builder loader(ContactLoader loader) {
      this.loader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /**
     * Sets what to do with a contact that leaves memory because of the size bound or
     * expiry (default: nothing), e.g. write it to the service's store. It is called with the
     * full history as part of the removal, before the contact can be loaded again, while the
     * cache holds the contact's lock: it should be quick, must be thread-safe and must not
     * call the scorer back. It is not called for {@link LiveScorer#remove}. Exceptions it
     * throws are logged by Caffeine and ignored.
     *
     * @param hook receives the evicted contact
     * @return this builder
     * @throws NullPointerException if {@code hook} is null
     */
    public Builder onEviction(Consumer<Contact> hook) {
      this.onEviction = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /**
     * Adds a listener of tier changes; listeners are called in the order they were added.
     *
     * @param listener the listener
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(TierChangeListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds listeners of tier changes.
     *
     * @param more the listeners, none null
     * @return this builder
     * @throws NullPointerException if a listener is null
     */
    public Builder listeners(Collection<? extends TierChangeListener> more) {
      more.forEach(this::listener);
      return this;
    }

    /** Returns a new, empty live scorer. */
    public LiveScorer build() {
      return new LiveScorer(this);
    }
  }
}
