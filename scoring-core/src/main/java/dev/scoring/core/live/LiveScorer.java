package dev.scoring.core.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.core.AccountExplanation;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScore;
import dev.scoring.core.ModelSet;
import dev.scoring.core.live.TierChange.Cause;
import dev.scoring.core.live.Version.Migration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

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
 * The scorer keeps each contact's attributes and stored history. Every score it returns, from
 * {@link #record}, {@link #upsert}, {@link #score(String, Instant)} or in a
 * {@link TierChange}, is exactly {@code model.score(contact(id), asOf)}: the same bits as
 * batch scoring, whatever order the events arrived in. Nothing is approximated or
 * incrementally accumulated: every operation scores the contact's stored events in full,
 * through the same kernel as batch scoring, in time linear in the number of stored events.
 *
 * <h2>Compact history: which events are stored</h2>
 * A contact's history is kept as parallel primitive arrays (event type id, instant, value),
 * 24 bytes an event plus up to half of it in spare capacity, kept in time order by inserting
 * each event in place under the contact's lock; no {@code Contact} is built per event.
 * When the model is a {@link dev.scoring.core.ScoringTable}, an event of a type no rule of
 * the model in use reads is <em>not stored</em>: it can never change that model's score, so
 * {@code record} returns exactly the score it would have with the event stored, and a heavy
 * browser's page views do not use up its history bound. Such events are not in
 * {@link #contact(String)} nor handed to the eviction hook. Consequence for
 * {@link #swapModel}: a new model that reads a type the previous one ignored sees only the
 * events of that type recorded after the swap (and those of contacts upserted or loaded
 * since); its scores are exactly its score of the stored history, not of every event ever
 * recorded. To keep such events, name their types with
 * {@link Builder#keepEventTypes(Collection)}, or keep every event with
 * {@link Builder#keepAllEvents()}. With a model that is not a scoring table every event is
 * stored, and scored through {@code model.score}.
 *
 * <h2>Memory</h2>
 * Contacts live in a <a href="https://github.com/ben-manes/caffeine">Caffeine</a> cache
 * bounded by {@link Builder#maximumSize(long)} contacts (default 100 000) and, optionally,
 * dropped after {@link Builder#expireAfterAccess(Duration)} without any operation on them
 * (default: never). A contact's stored history is bounded by
 * {@link Builder#maxEventsPerContact(int)} events (default 10 000), counting only the events
 * stored: an operation that would exceed it fails with {@link IllegalStateException} and
 * changes nothing, because dropping events would silently change the score. Memory is thus
 * at most about {@code maximumSize * maxEventsPerContact * 36} bytes of events. A contact
 * that leaves memory (size bound or expiry) is handed to the
 * {@link Builder#onEviction eviction hook}, and a contact not in memory is asked of the
 * {@link Builder#loader(ContactLoader) loader}, so a service can keep the full population in
 * its own store.
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
 * memory are not reported. Listeners run after the operation's effect is stored and its
 * lock released; whatever a listener throws ({@link RuntimeException} or {@link Error}) is
 * logged and never reaches the caller of the operation, which has succeeded: the change
 * still goes to the other listeners and the next changes are delivered as usual.
 *
 * <h2>Score history</h2>
 * With {@link Builder#scoreHistory(int)}, each contact in memory also keeps a bounded log of
 * its score changes ({@link #scoreHistory(String)}): when, from what to what, why, and the
 * rule whose points moved most.
 *
 * <h2>Model versions</h2>
 * {@link #swapModel(ScoringModel)} swaps in a new model atomically: every operation and
 * every read that starts after it uses the new model, and reads never mix two versions (a
 * {@link Score} is labelled with the version that computed it). Every stored contact is
 * rescored against its stored history and the changes reported.
 *
 * <h2>Model sets</h2>
 * {@link #builder(ModelSet)} runs a set of tables (SPEC section 11); a single table is a set
 * of one and everything above holds for it unchanged. A contact has one stored history for
 * all tables (an event is stored when some table reads its type), and the scorer keeps and
 * reports one score per table: {@link #tableScores(String, Instant)} is exactly
 * {@code set.score(contact(id), asOf)}, each table's tier changes form their own chain and
 * name their table ({@link TierChange#table()}). Operations return, and {@link #score},
 * {@link #scores}, {@link #trend}, {@link #scoreHistory(String)}, the sweep's and swap's
 * {@link TierReport}s speak of, the first table; {@link #scoreHistory(String, String)} of any.
 * {@link #swapModel(ModelSet)} matches tables by name.
 *
 * <h2>Accounts</h2>
 * For each table with an {@code account} block (SPEC section 12), the scorer keeps every
 * account's members, by the block's key attribute (an upsert that changes the key moves the
 * contact: both accounts are recomputed), with each member's current score under the
 * table, and the account records given to {@link #upsertAccount}. Whenever a member's score
 * changes (event, upsert, removal, sweep, model swap) or its record does, the account is
 * recomputed with the core function {@code AccountRules.score} (the same bits as the batch
 * {@code AccountScorer}) and a change of its tier goes to the
 * {@link Builder#accountListener account listeners} as an {@link AccountTierChange}, under
 * the same rules as contact changes: each once, in order per account, a chain per account.
 * Its cause is {@link AccountTierChange.Cause#MEMBER} (naming the contact) for an event,
 * upsert or removal of a member, {@link AccountTierChange.Cause#RECORD} for
 * {@link #upsertAccount}, {@link AccountTierChange.Cause#TIME} for a sweep and
 * {@link AccountTierChange.Cause#MODEL_CHANGE} for a swap.
 * An account's score uses each member's last computed score: after
 * {@link #sweep(Instant) sweep(asOf)} every account equals its batch score as of
 * {@code asOf}. Cost: recomputing an account sorts its members, {@code O(m log m)}, once
 * per event that moves a member's score (not at all when the score is unchanged); a sweep
 * or swap recomputes each account once. {@link Builder#maxMembersPerAccount(int)} (default
 * 10 000) bounds {@code m}. Memory: per membership, a map entry in the account and one in
 * the table's member index (roughly 150 bytes, an estimate), kept when the contact leaves memory (it stays
 * a member with its last score; it is dropped by {@link #remove}); per record, its
 * attributes, for the scorer's life. A contact that leaves memory and whose key changes in
 * the store meanwhile is moved at its next operation. A swap that changes an account block
 * moves the contacts in memory to the new key; contacts out of memory move at their next
 * operation.
 *
 * <h2>Thread safety</h2>
 * Instances are thread-safe. Operations and reads on one contact are serialised by the
 * contact's lock; operations on different contacts run in parallel. Scoring happens while
 * the contact's lock is held; listeners are called after it, by the threads that use the
 * scorer. An account has its own lock, taken inside a contact's lock (never the reverse):
 * members of one account update it one at a time, and account reads take only its lock.
 */
public final class LiveScorer {
  private final Cache<String, LiveContact> cache;
  private final ConcurrentMap<String, LiveContact> map;
  private final Clock clock;
  private final ContactLoader loader;
  private final TierChangeDelivery<TierChange, TierChangeListener> delivery;
  private final TierChangeDelivery<AccountTierChange, AccountTierChangeListener>
      accountDelivery;
  private final TypeDictionary types = new TypeDictionary();
  /** Account id to its record's attributes (shared by every account block). */
  private final ConcurrentHashMap<String, Map<String, Object>> records =
      new ConcurrentHashMap<>();
  /** Table name to the live accounts of its account block, for the tables that have one. */
  private final ConcurrentHashMap<String, LiveAccounts> books = new ConcurrentHashMap<>();
  private final int maxMembers;
  private final Set<String> kept;
  private final boolean keepAll;
  private final int maxEvents;
  private final int historySize;
  private final long maximumSize;
  private final Duration expireAfterAccess;
  private final ReentrantLock maintenance = new ReentrantLock();
  private final java.util.function.Function<String, LiveContact> loadOrCreate =
      this::loadOrCreate;
  private volatile Version version;
  private Instant lastSweep; // guarded by maintenance

  private LiveScorer(Builder b) {
    this.clock = b.clock;
    this.loader = b.loader;
    this.delivery = new TierChangeDelivery<>(b.listeners, TierChangeListener::onTierChange);
    this.accountDelivery = new TierChangeDelivery<>(b.accountListeners,
        AccountTierChangeListener::onAccountTierChange);
    this.maxMembers = b.maxMembers;
    this.kept = Set.copyOf(b.kept);
    this.keepAll = b.keepAll;
    this.maxEvents = b.maxEvents;
    this.historySize = b.historySize;
    this.maximumSize = b.maximumSize;
    this.expireAfterAccess = b.expireAfterAccess;
    this.version = b.set != null ? new Version(b.set, types, kept, keepAll)
        : new Version(b.model, types, kept, keepAll);
    for (Version.Part p : version.accountParts) {
      books.put(p.table, new LiveAccounts(p.table));
    }
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
        .<String, LiveContact>evictionListener((String id, LiveContact s, RemovalCause cause) -> {
          if (s != null) {
            Contact gone;
            synchronized (s) {
              s.dead = true;
              gone = s.reported == null ? null : s.toContact(types);
            }
            if (gone != null) {
              hook.accept(gone);
            }
          }
        })
        .build();
    this.map = cache.asMap();
  }

  /**
   * Starts a live scorer for a model, with the defaults: at most 100 000 contacts in memory,
   * no expiry, at most 10 000 stored events per contact, only the event types the model reads
   * stored, no score history, no loader, no eviction hook, no listener, the UTC system clock.
   *
   * @param model the model to score with
   * @return a new builder
   * @throws NullPointerException if {@code model} is null
   */
  public static Builder builder(ScoringModel model) {
    return new Builder(Objects.requireNonNull(model, "model"), null);
  }

  /**
   * Starts a live scorer for a model set (SPEC section 11), with the defaults of
   * {@link #builder(ScoringModel)}: one stored history per contact for every table (events
   * of types no table reads are not stored), a score and tier changes per table.
   *
   * @param set the tables to score with
   * @return a new builder
   * @throws NullPointerException if {@code set} is null
   */
  public static Builder builder(ModelSet set) {
    Objects.requireNonNull(set, "set");
    return new Builder(set.tables().get(0), set);
  }

  /**
   * Records an event of a contact and returns the contact's new score as of the clock's
   * now. A contact neither in memory nor known to the loader is created, with no
   * attributes. The event is stored, unless no rule reads its type (see the class
   * documentation), even when it is dated after now (a future event is ignored by scoring
   * until it comes due, and {@link #sweep(Instant)} reports the change it then makes).
   *
   * @param contactId the contact's id, non-blank
   * @param event     the event
   * @return the new score, exactly {@code model.score(contact(contactId), now)}
   * @throws IllegalArgumentException if {@code contactId} is blank
   * @throws IllegalStateException    if the event would be stored and the contact already
   *     stores {@link Builder#maxEventsPerContact(int)} events (nothing is changed), or the
   *     loader returned an invalid contact
   * @throws NullPointerException     if {@code event} is null
   */
  public Score record(String contactId, Event event) {
    checkId(contactId);
    Objects.requireNonNull(event, "event");
    while (true) {
      LiveContact s = cache.get(contactId, loadOrCreate);
      Score score;
      boolean queued;
      List<String> accountKeys;
      synchronized (s) {
        if (s.dead) {
          continue;
        }
        score = recordLocked(s, event);
        queued = s.queued;
        s.queued = false;
        accountKeys = takeAccountKeys(s);
      }
      if (queued) { // only an operation that queued changes has changes to deliver
        delivery.deliver(contactId);
      }
      deliverAccounts(accountKeys);
      return score;
    }
  }

  private Score recordLocked(LiveContact s, Event event) {
    Version v = version;
    Instant asOf = clock.instant();
    int type = v.storedId(event.type());
    if (type < 0) {
      return advance(s, s, -1, false, v, asOf, Cause.EVENT, event);
    }
    int size = s.events.size;
    if (size >= maxEvents) {
      throw new IllegalStateException("contact '" + s.id + "' history must hold at most "
          + maxEvents + " events (maxEventsPerContact), but would hold " + (size + 1));
    }
    Instant at = event.at();
    int p = s.events.insertionPoint(at.getEpochSecond(), at.getNano());
    s.insert(p, type, event);
    boolean done = false;
    try {
      Score score = advance(s, s, p, true, v, asOf, Cause.EVENT, event);
      done = true;
      return score;
    } finally {
      if (!done) {
        s.events.remove(p);
      }
    }
  }

  /**
   * Stores a contact, replacing its attributes and history if the scorer already had it,
   * and returns its score as of the clock's now. Events of types no rule reads are not
   * stored (see the class documentation).
   *
   * @param contact the contact with its full history
   * @return its score, exactly {@code model.score(contact(contact.id()), now)}
   * @throws IllegalArgumentException if the contact holds more than
   *     {@link Builder#maxEventsPerContact(int)} events that would be stored
   * @throws NullPointerException     if {@code contact} is null
   */
  public Score upsert(Contact contact) {
    Objects.requireNonNull(contact, "contact");
    String id = contact.id();
    while (true) {
      LiveContact s = cache.get(id, loadOrCreate);
      Score score;
      List<String> accountKeys;
      synchronized (s) {
        if (s.dead) {
          continue;
        }
        Version v = version;
        int n = LiveContact.storedCount(contact, v);
        if (n > maxEvents) {
          throw new IllegalArgumentException("contact '" + id + "' events must be at most "
              + maxEvents + " (maxEventsPerContact), but was " + n);
        }
        LiveContact next = new LiveContact(id, contact.attributes());
        next.replace(contact, v);
        score = advance(s, next, -1, true, v, clock.instant(), Cause.UPSERT, null);
        accountKeys = takeAccountKeys(s);
      }
      delivery.deliver(id);
      deliverAccounts(accountKeys);
      return score;
    }
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
   * @return its score, exactly {@code model.score(contact(contactId), asOf)}, or empty when
   *     the contact is neither in memory nor known to the loader
   * @throws NullPointerException  if an argument is null
   * @throws IllegalStateException if the loader returned an invalid contact
   */
  public Optional<Score> score(String contactId, Instant asOf) {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(asOf, "asOf");
    while (true) {
      Version v = version;
      LiveContact s = cache.get(contactId, this::loadOnly);
      if (s == null) {
        return Optional.empty();
      }
      synchronized (s) {
        if (!s.dead) {
          return s.reported == null ? Optional.empty()
              : Optional.of(s.score(v, 0, types, asOf, -1, null));
        }
      }
    }
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
    Version v = version;
    Map<String, Score> scores = new HashMap<>();
    for (LiveContact s : map.values()) {
      synchronized (s) {
        if (!s.dead && s.reported != null) {
          scores.put(s.id, s.score(v, 0, types, asOf, -1, null));
        }
      }
    }
    return Map.copyOf(scores);
  }

  /**
   * Returns a contact's stored history, loading it on a miss.
   *
   * @param contactId the contact's id
   * @return the contact with every event stored (see the class documentation for the events
   *     not stored), or empty when it is neither in memory nor known to the loader
   * @throws NullPointerException  if {@code contactId} is null
   * @throws IllegalStateException if the loader returned an invalid contact
   */
  public Optional<Contact> contact(String contactId) {
    Objects.requireNonNull(contactId, "contactId");
    while (true) {
      LiveContact s = cache.get(contactId, this::loadOnly);
      if (s == null) {
        return Optional.empty();
      }
      synchronized (s) {
        if (!s.dead) {
          return s.reported == null ? Optional.empty() : Optional.of(s.toContact(types));
        }
      }
    }
  }

  /**
   * Returns a contact's score history under the first table (the model of a scorer of one
   * table), oldest first: the last {@link Builder#scoreHistory(int)} changes of its score
   * while it was in memory. Does not load the contact.
   *
   * @param contactId the contact's id
   * @return the changes, empty when the history is off or the contact is not in memory
   * @throws NullPointerException if {@code contactId} is null
   */
  public List<ScoreChange> scoreHistory(String contactId) {
    return scoreHistory(contactId, version.parts[0].table);
  }

  /**
   * Returns a contact's score history under one table of the set, oldest first; see
   * {@link #scoreHistory(String)}.
   *
   * @param contactId the contact's id
   * @param table     a table's name
   * @return the changes, empty when the history is off, the contact is not in memory or no
   *     table of that name scored it
   * @throws NullPointerException if an argument is null
   */
  public List<ScoreChange> scoreHistory(String contactId, String table) {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(table, "table");
    LiveContact s = map.get(contactId);
    if (s == null) {
      return List.of();
    }
    synchronized (s) {
      if (s.dead || s.logs == null) {
        return List.of();
      }
      ScoreLog log = s.logs.get(table);
      return log == null ? List.of() : log.toList();
    }
  }

  /**
   * Drops a contact from memory, without calling the eviction hook (e.g. after the service
   * erased it from its store), and from the account it was a member of under each account
   * block (the account is recomputed; its tier change, if any, has cause
   * {@link AccountTierChange.Cause#MEMBER} and names the contact). Its next operation loads it again, or starts
   * it afresh.
   *
   * @param contactId the contact's id
   * @return the history that was in memory, if any
   * @throws NullPointerException if {@code contactId} is null
   */
  public Optional<Contact> remove(String contactId) {
    Objects.requireNonNull(contactId, "contactId");
    LiveContact s = map.remove(contactId);
    Optional<Contact> gone = Optional.empty();
    List<String> keys = new ArrayList<>();
    Object lock = s == null ? new Object() : s;
    synchronized (lock) {
      if (s != null) {
        s.dead = true;
        gone = s.reported == null ? Optional.empty() : Optional.of(s.toContact(types));
      }
      Version v = version;
      Instant asOf = clock.instant();
      for (Version.Part p : v.accountParts) {
        LiveAccounts book = books.get(p.table);
        String from = book == null ? null : book.memberOf.remove(contactId);
        LiveAccounts.Account a = from == null ? null : book.accounts.get(from);
        if (a != null) {
          synchronized (a) {
            a.members.remove(contactId);
            recompute(book, a, p, asOf, AccountTierChange.Cause.MEMBER, contactId, keys);
          }
        }
      }
    }
    deliverAccounts(keys);
    return gone;
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
      for (LiveContact s : map.values()) {
        synchronized (s) {
          if (s.dead || s.reported == null) {
            continue;
          }
          int queued = changes.size();
          advance(s, s, -1, false, v, asOf, Cause.TIME, null, changes, true);
          takeAccountKeys(s); // deferred: every account is recomputed below
          if (s.swept != null) {
            before.put(s.id, s.swept);
          }
          s.swept = s.first();
          after.put(s.id, s.swept);
          if (changes.size() == queued) {
            continue;
          }
        }
        delivery.deliver(s.id);
      }
      recomputeAll(v, asOf, AccountTierChange.Cause.TIME);
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
   * it. Every contact in memory is then rescored against its stored history as of the clock's
   * now, and the tier changes delivered to the listeners and returned. An operation that
   * reaches a contact before the swap does rescores it first, in the same way (and its
   * changes are part of the returned report). Contacts loaded later start from the new
   * model's score; a contact whose loading raced with the swap is rescored by its next
   * operation, and its changes then reach the listeners only. Events recorded from now on
   * are stored when the new model reads their type (see the class documentation for events
   * the previous model did not store). Sweeps and model swaps run one at a time.
   *
   * @param next the new model
   * @return the rescoring's changes and tier report
   * @throws NullPointerException if {@code next} is null
   */
  public ModelSwap swapModel(ScoringModel next) {
    Objects.requireNonNull(next, "next");
    maintenance.lock();
    try {
      return swap(new Version(next, types, kept, keepAll), next);
    } finally {
      maintenance.unlock();
    }
  }

  /**
   * Swaps in a new model set, as {@link #swapModel(ScoringModel)} does a model: each table
   * of the new set continues the tier chain of the previous table of the same name (a table
   * new to the scorer starts from its base tier; a table no longer in the set stops
   * reporting). The returned {@link ModelSwap} names the first tables of the two sets and its
   * report compares the first tables; its changes are those of every table. Accounts: see
   * the class documentation.
   *
   * @param next the new set
   * @return the rescoring's changes and tier report
   * @throws NullPointerException if {@code next} is null
   */
  public ModelSwap swapModel(ModelSet next) {
    Objects.requireNonNull(next, "next");
    maintenance.lock();
    try {
      Version v = new Version(next, types, kept, keepAll);
      return swap(v, v.model);
    } finally {
      maintenance.unlock();
    }
  }

  /** Swaps in a version (under the maintenance lock). */
  private ModelSwap swap(Version v, ScoringModel next) {
    {
      Version old = version;
      v.open();
      Instant asOf = clock.instant();
      for (Version.Part p : v.accountParts) {
        books.computeIfAbsent(p.table, LiveAccounts::new);
      }
      version = v;
      for (LiveContact s : map.values()) {
        synchronized (s) {
          if (s.dead || s.reported == null || s.version == v) {
            continue;
          }
          advance(s, s, -1, false, v, asOf, Cause.MODEL_CHANGE, null, null, true);
          takeAccountKeys(s); // deferred: every account is recomputed below
        }
        delivery.deliver(s.id);
      }
      books.keySet().removeIf(table -> {
        int i = v.indexOf(table);
        return i < 0 || v.parts[i].account == null;
      });
      recomputeAll(v, asOf, AccountTierChange.Cause.MODEL_CHANGE);
      Map<String, Score> before = new HashMap<>();
      Map<String, Score> after = new HashMap<>();
      List<TierChange> changes = new ArrayList<>();
      for (Migration m : v.close()) {
        if (m.before() != null) {
          before.put(m.contactId(), m.before());
        }
        after.put(m.contactId(), m.after());
        changes.addAll(m.changes());
      }
      changes.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
      return new ModelSwap(old.model, next, asOf, after.size(), changes,
          TierReport.between(before, after));
    }
  }

  /**
   * Returns the current model.
   *
   * @return the model every operation starting now uses
   */
  public ScoringModel model() {
    return version.model;
  }

  /**
   * Returns the current model set: the set the scorer runs, or the set of one of a scoring
   * table.
   *
   * @return the set, empty when the model is not a scoring table
   */
  public Optional<ModelSet> modelSet() {
    return Optional.ofNullable(version.set);
  }

  /**
   * Returns a contact's score under every table as of the clock's now; see
   * {@link #tableScores(String, Instant)}.
   *
   * @param contactId the contact's id
   * @return table name to score, in set order, or empty when the contact is neither in
   *     memory nor known to the loader
   * @throws NullPointerException  if {@code contactId} is null
   * @throws IllegalStateException if the loader returned an invalid contact
   */
  public Optional<Map<String, Score>> tableScores(String contactId) {
    return tableScores(contactId, clock.instant());
  }

  /**
   * Returns a contact's score under every table of the set as of an instant, loading the
   * contact on a miss: exactly {@code set.score(contact(contactId), asOf)} (SPEC section 11),
   * all from one stored history. Reads report no tier change.
   *
   * @param contactId the contact's id
   * @param asOf      the instant to score for
   * @return table name to score, in set order, or empty when the contact is neither in
   *     memory nor known to the loader
   * @throws NullPointerException  if an argument is null
   * @throws IllegalStateException if the loader returned an invalid contact
   */
  public Optional<Map<String, Score>> tableScores(String contactId, Instant asOf) {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(asOf, "asOf");
    while (true) {
      Version v = version;
      LiveContact s = cache.get(contactId, this::loadOnly);
      if (s == null) {
        return Optional.empty();
      }
      synchronized (s) {
        if (s.dead) {
          continue;
        }
        if (s.reported == null) {
          return Optional.empty();
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        for (Version.Part p : v.parts) {
          scores.put(p.table, s.score(v, p.index, types, asOf, -1, null));
        }
        return Optional.of(Collections.unmodifiableMap(scores));
      }
    }
  }

  /**
   * Stores (or replaces) an account's record, its own attributes (SPEC section 12), and
   * recomputes the account under every account block, as of the clock's now; a tier change
   * has cause {@link AccountTierChange.Cause#RECORD} and no contact. Records are kept in memory, one per
   * account id, for the scorer's life (they are not evicted); the record of an id applies
   * to every table of the set.
   *
   * @param accountId  the account's id, non-blank
   * @param attributes its attributes (values as in SPEC section 1; null values mean absent)
   * @return table name to the account's new score, for each table with an account block, in
   *     set order (empty when no table has one: the record is kept for a later model)
   * @throws IllegalArgumentException if the id is blank or an attribute is refused
   * @throws NullPointerException     if {@code attributes} is null
   */
  public Map<String, AccountScore> upsertAccount(String accountId, Map<String, ?> attributes) {
    if (accountId == null || accountId.isBlank()) {
      throw new IllegalArgumentException("accountId must be a non-blank string, but was "
          + (accountId == null ? "null" : "\"" + accountId + "\""));
    }
    Objects.requireNonNull(attributes, "attributes");
    Map<String, Object> record = AccountRecords.of(
        Collections.singletonMap(accountId, attributes)).attributes(accountId);
    records.put(accountId, record);
    Version v = version;
    Instant asOf = clock.instant();
    Map<String, AccountScore> out = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(2);
    for (Version.Part p : v.accountParts) {
      LiveAccounts book = books.get(p.table);
      if (book == null) {
        continue;
      }
      LiveAccounts.Account a = book.account(accountId);
      synchronized (a) {
        recompute(book, a, p, asOf, AccountTierChange.Cause.RECORD, null, keys);
        out.put(p.table, a.reported);
      }
    }
    deliverAccounts(keys);
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns an account's current score under the first table with an account block; see
   * {@link #accountScore(String, String)}.
   *
   * @param accountId the account's id
   * @return its score, or empty when it has neither members nor a record
   * @throws NullPointerException  if {@code accountId} is null
   * @throws IllegalStateException if no table of the model has an account block
   */
  public Optional<AccountScore> accountScore(String accountId) {
    return accountScore(firstAccountTable(), accountId);
  }

  /**
   * Returns an account's current score under a table's account block: exactly
   * {@code AccountRules.score(accountId, record, members, asOf)} of its record and its
   * members' current scores (each member's last score the scorer computed, by an operation,
   * a sweep or a swap), as of the instant of its last recomputation. After
   * {@link #sweep(Instant) sweep(asOf)}, with no operation since, every account's score is
   * its score in batch, {@code AccountScorer.of(table).score(contacts, records, asOf, 1)},
   * for the contacts the scorer holds. Does not recompute anything.
   *
   * @param table     the name of a table with an account block
   * @param accountId the account's id
   * @return its score, or empty when it has neither members nor a record
   * @throws NullPointerException     if an argument is null
   * @throws IllegalArgumentException if the table has no account block
   */
  public Optional<AccountScore> accountScore(String table, String accountId) {
    Objects.requireNonNull(accountId, "accountId");
    LiveAccounts.Account a = book(table).accounts.get(accountId);
    if (a == null) {
      return Optional.empty();
    }
    boolean hasRecord = records.containsKey(accountId);
    synchronized (a) {
      return a.scored(hasRecord) ? Optional.of(a.reported) : Optional.empty();
    }
  }

  /**
   * Returns every scored account of a table's account block (those with members or a
   * record) with its current score; see {@link #accountScore(String, String)}.
   *
   * @param table the name of a table with an account block
   * @return account id to score, unmodifiable
   * @throws NullPointerException     if {@code table} is null
   * @throws IllegalArgumentException if the table has no account block
   */
  public Map<String, AccountScore> accountScores(String table) {
    Map<String, AccountScore> out = new HashMap<>();
    for (LiveAccounts.Account a : book(table).accounts.values()) {
      boolean hasRecord = records.containsKey(a.id);
      synchronized (a) {
        if (a.scored(hasRecord)) {
          out.put(a.id, a.reported);
        }
      }
    }
    return Map.copyOf(out);
  }

  /**
   * Explains an account's current score under the first table with an account block; see
   * {@link #accountExplain(String, String)}.
   *
   * @param accountId the account's id
   * @return the explanation, or empty when it has neither members nor a record
   * @throws NullPointerException  if {@code accountId} is null
   * @throws IllegalStateException if no table of the model has an account block
   */
  public Optional<AccountExplanation> accountExplain(String accountId) {
    return accountExplain(firstAccountTable(), accountId);
  }

  /**
   * Explains an account's current score (SPEC section 12): the account rules that matched,
   * the cap, each member's share and the clamp, summing to
   * {@link #accountScore(String, String)}; computed by {@code AccountRules.explain} from the
   * same record, members' scores and instant.
   *
   * @param table     the name of a table with an account block
   * @param accountId the account's id
   * @return the explanation, or empty when it has neither members nor a record
   * @throws NullPointerException     if an argument is null
   * @throws IllegalArgumentException if the table has no account block
   */
  public Optional<AccountExplanation> accountExplain(String table, String accountId) {
    Objects.requireNonNull(accountId, "accountId");
    LiveAccounts.Account a = book(table).accounts.get(accountId);
    if (a == null) {
      return Optional.empty();
    }
    Map<String, Object> record = records.get(accountId);
    synchronized (a) {
      if (!a.scored(record != null)) {
        return Optional.empty();
      }
      return Optional.of(a.rules.explain(accountId, record, a.members.values(), a.asOf));
    }
  }

  private String firstAccountTable() {
    Version.Part[] parts = version.accountParts;
    if (parts.length == 0) {
      throw new IllegalStateException("model must have a table with an account block, but "
          + version.model.name() + " has none");
    }
    return parts[0].table;
  }

  private LiveAccounts book(String table) {
    Objects.requireNonNull(table, "table");
    LiveAccounts book = books.get(table);
    if (book == null) {
      throw new IllegalArgumentException("table must name a table with an account block, but"
          + " was " + table);
    }
    return book;
  }

  /**
   * Returns the approximate number of contacts in memory.
   *
   * @return Caffeine's estimate
   */
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

  /** The delivery of tier changes, for tests that drive its races. */
  TierChangeDelivery<TierChange, TierChangeListener> delivery() {
    return delivery;
  }

  // ---------------------------------------------------------------------------------------

  private Score advance(LiveContact s, LiveContact next, int skip, boolean changed, Version v,
      Instant asOf, Cause cause, Event event) {
    return advance(s, next, skip, changed, v, asOf, cause, event, null, false);
  }

  /**
   * Moves a contact (under its lock) to model version {@code v}, time {@code asOf} and the
   * history of {@code next}: {@code s} itself after an event inserted at {@code skip}
   * (-1: none, {@code changed} false: the history is unchanged), or a replacement. For each
   * table: queues the tier changes for delivery (and adds them to {@code collect} when not
   * null) and logs the score change; then moves the contact's membership and score in the
   * accounts of the tables with an account block (recomputing the accounts touched, unless
   * {@code deferAccounts}: the caller then recomputes every account). Returns the first
   * table's new score. Scores (and reserves a place in an account it joins) first, and
   * changes {@code s} only once nothing can fail.
   */
  private Score advance(LiveContact s, LiveContact next, int skip, boolean changed, Version v,
      Instant asOf, Cause cause, Event event, List<TierChange> collect,
      boolean deferAccounts) {
    Version.Part[] parts = v.parts;
    int n = parts.length;
    Score[] targets = new Score[n];
    double[][] contributions = historySize > 0 ? new double[n][] : null;
    for (int i = 0; i < n; i++) {
      double[] c = null;
      if (contributions != null && parts[i].compact != null) {
        c = new double[parts[i].compact.ruleCount()];
        contributions[i] = c;
      }
      targets[i] = next.score(v, i, types, asOf, -1, c);
    }
    Transition t = null;
    Score[] previous = s.reported;
    boolean migrating = previous != null && s.version != v;
    if (migrating) {
      t = new Transition();
    }
    for (int i = 0; i < n; i++) {
      Version.Part p = parts[i];
      Score target = targets[i];
      int j = previous == null ? -1 : s.version == v ? i : s.version.indexOf(p.table);
      if (j < 0) {
        String base = p.model.baseTier();
        if (migrating) {
          // A table new to the scorer: from its base tier to its score of the history
          // before this operation (a model change), then to the target.
          Score newModel = !changed ? target : s.score(v, i, types, asOf, skip, null);
          if (i == 0) {
            t.migration(null, newModel);
          }
          if (!base.equals(newModel.tier())) {
            t.add(null, base, newModel, Cause.MODEL_CHANGE, null, p, true);
          }
          t.step(newModel, target, cause, event, p, false);
        } else if (!base.equals(target.tier())) {
          if (t == null) {
            t = new Transition();
          }
          t.add(null, base, target, cause, event, p, false);
        }
        continue;
      }
      Score before = previous[j];
      if (migrating) {
        Score oldModel = s.score(s.version, j, types, asOf, skip, null);
        Score newModel = !changed ? target : s.score(v, i, types, asOf, skip, null);
        if (i == 0) {
          t.migration(oldModel, newModel);
        }
        before = t.step(before, oldModel, Cause.TIME, null, s.version.parts[j], true);
        before = t.step(before, newModel, Cause.MODEL_CHANGE, null, p, true);
      } else if (changed && !before.tier().equals(target.tier())) {
        if (t == null) {
          t = new Transition();
        }
        before = t.step(before, s.score(v, i, types, asOf, skip, null), Cause.TIME, null, p,
            false);
      }
      if (!before.tier().equals(target.tier())) {
        if (t == null) {
          t = new Transition();
        }
        t.step(before, target, cause, event, p, false);
      }
    }
    Moves moves = v.accountParts.length == 0 ? null : reserve(s.id, next.attributes, v);
    // Commit: nothing below can fail.
    Version was = s.version;
    if (next != s) {
      s.adopt(next);
    }
    if (historySize > 0) {
      for (int i = 0; i < n; i++) {
        int j = previous == null ? -1 : was == v ? i : was.indexOf(parts[i].table);
        logChange(s, parts[i], j < 0 ? null : previous[j], targets[i], was == v,
            contributions[i], j < 0 || was != v || s.contributions == null ? null
                : s.contributions[j], cause, event);
      }
    }
    s.version = v;
    s.reported = targets;
    s.contributions = contributions;
    if (t != null) {
      s.queued = true;
      List<TierChange> published = publish(s.id, t, v);
      if (collect != null) {
        collect.addAll(published);
      }
    }
    if (moves != null) {
      List<String> keys = s.accountKeys == null ? new ArrayList<>(2) : s.accountKeys;
      applyMoves(s.id, moves, targets, asOf, deferAccounts, keys);
      s.accountKeys = keys.isEmpty() ? null : keys;
    }
    return targets[0];
  }

  /** Adds a score change to the contact's log of a table when the score or tier moved. */
  private void logChange(LiveContact s, Version.Part part, Score previous, Score current,
      boolean sameModel, double[] contributions, double[] was, Cause cause, Event event) {
    if (previous != null && Double.compare(previous.score(), current.score()) == 0
        && previous.tier().equals(current.tier())) {
      return;
    }
    Optional<String> rule = Optional.empty();
    double delta = 0;
    if (previous != null && sameModel && was != null && contributions != null) {
      int top = -1;
      double largest = 0;
      for (int r = 0; r < contributions.length; r++) {
        double d = Math.abs(contributions[r] - was[r]);
        if (d > largest) {
          largest = d;
          top = r;
        }
      }
      if (top >= 0) {
        rule = Optional.of(part.compact.ruleId(top));
        delta = contributions[top] - was[top];
      }
    }
    if (s.logs == null) {
      s.logs = new HashMap<>(4);
    }
    s.logs.computeIfAbsent(part.table, k -> new ScoreLog(historySize))
        .add(new ScoreChange(Optional.ofNullable(previous), current, cause,
            cause == Cause.EVENT ? Optional.of(event) : Optional.empty(), rule, delta));
  }

  // ---------------------------------------------------------------------------------------
  // Accounts

  /**
   * A contact's account memberships before and after an operation, one entry per account
   * part of the version: the account it leaves and the one it joins or stays in (null: none),
   * and whether a place was reserved in the latter.
   */
  private record Moves(Version.Part[] parts, LiveAccounts[] books, String[] from, String[] to,
      boolean[] reserved) {}

  /**
   * Finds the accounts a contact with these attributes belongs to under each account block,
   * and reserves a place in those it joins; releases them all and throws if one is full.
   */
  private Moves reserve(String contactId, Map<String, Object> attributes, Version v) {
    Version.Part[] parts = v.accountParts;
    int n = parts.length;
    Moves m = new Moves(parts, new LiveAccounts[n], new String[n], new String[n],
        new boolean[n]);
    try {
      for (int k = 0; k < n; k++) {
        LiveAccounts book = books.get(parts[k].table);
        if (book == null) {
          continue; // an operation of a version swapped out meanwhile
        }
        m.books()[k] = book;
        String to = parts[k].account.accountOf(attributes).orElse(null);
        String from = book.memberOf.get(contactId);
        m.from()[k] = from;
        m.to()[k] = to;
        if (to != null && !to.equals(from)) {
          book.reserve(to, contactId, maxMembers);
          m.reserved()[k] = true;
        }
      }
    } catch (RuntimeException e) {
      for (int k = 0; k < n; k++) {
        if (m.reserved()[k]) {
          m.books()[k].release(m.to()[k]);
        }
      }
      throw e;
    }
    return m;
  }

  /** Moves a contact's memberships and scores into the accounts found by {@link #reserve}. */
  private void applyMoves(String contactId, Moves m, Score[] scores, Instant asOf,
      boolean defer, List<String> keys) {
    for (int k = 0; k < m.parts().length; k++) {
      LiveAccounts book = m.books()[k];
      if (book == null) {
        continue;
      }
      Version.Part p = m.parts()[k];
      String from = m.from()[k];
      String to = m.to()[k];
      if (from != null && !from.equals(to)) {
        LiveAccounts.Account a = book.accounts.get(from);
        if (a != null) {
          synchronized (a) {
            a.members.remove(contactId);
            update(book, a, p, asOf, contactId, defer, keys);
          }
        }
      }
      if (to == null) {
        if (from != null) {
          book.memberOf.remove(contactId);
        }
        continue;
      }
      double score = scores[p.index].score();
      LiveAccounts.Account a = book.account(to);
      synchronized (a) {
        if (m.reserved()[k]) {
          a.reserved--;
        }
        AccountRules.Member old = a.members.get(contactId);
        if (old == null || Double.compare(old.score(), score) != 0) {
          a.members.put(contactId, new AccountRules.Member(contactId, score));
        }
        if (old == null || Double.compare(old.score(), score) != 0 || a.rules != p.account
            || a.reported == null) {
          update(book, a, p, asOf, contactId, defer, keys);
        }
      }
      if (!to.equals(from)) {
        book.memberOf.put(contactId, to);
      }
    }
  }

  /**
   * Recomputes an account a member moved now, or marks it for the caller's recomputation of
   * every account.
   */
  private void update(LiveAccounts book, LiveAccounts.Account a, Version.Part part,
      Instant asOf, String contactId, boolean defer, List<String> keys) {
    if (defer) {
      a.dirty = true;
      return;
    }
    recompute(book, a, part, asOf, AccountTierChange.Cause.MEMBER, contactId, keys);
  }

  /**
   * Recomputes an account (under its lock) with the core per-account function from its record
   * and its members' current scores, and queues its tier change, adding the delivery key to
   * {@code keys}. An account with neither members nor record that was never scored stays
   * unscored.
   */
  private void recompute(LiveAccounts book, LiveAccounts.Account a, Version.Part part,
      Instant asOf, AccountTierChange.Cause cause, String contactId, List<String> keys) {
    AccountRules rules = part.account;
    Map<String, Object> record = records.get(a.id);
    a.dirty = false;
    if (a.members.isEmpty() && record == null && a.reported == null) {
      return;
    }
    AccountScore now = rules.score(a.id, record, a.members.values(), asOf);
    AccountScore before = a.reported;
    a.reported = now;
    a.asOf = asOf;
    a.rules = rules;
    String previousTier = before == null ? rules.baseTier() : before.tier();
    if (!previousTier.equals(now.tier()) && !accountDelivery.silent()) {
      AccountTierChange change = new AccountTierChange(accountDelivery.nextSequence(),
          book.table, a.id, previousTier, Optional.ofNullable(before), now, cause,
          Optional.ofNullable(contactId), part.fingerprint);
      String key = book.key(a.id);
      accountDelivery.enqueue(key, List.of(change));
      keys.add(key);
    }
  }

  /** Recomputes every account of every account block of a version; delivers the changes. */
  private void recomputeAll(Version v, Instant asOf, AccountTierChange.Cause cause) {
    List<String> keys = new ArrayList<>();
    for (Version.Part p : v.accountParts) {
      LiveAccounts book = books.get(p.table);
      if (book == null) {
        continue;
      }
      for (String id : records.keySet()) {
        book.account(id);
      }
      for (LiveAccounts.Account a : book.accounts.values()) {
        synchronized (a) {
          recompute(book, a, p, asOf, cause, null, keys);
        }
        deliverAccounts(keys);
        keys.clear();
      }
    }
  }

  /** Delivers the queued changes of these accounts (outside every lock). */
  private void deliverAccounts(List<String> keys) {
    if (keys != null) {
      for (String key : keys) {
        accountDelivery.deliver(key);
      }
    }
  }

  /** Takes the account keys an operation on a contact queued changes of (under its lock). */
  private static List<String> takeAccountKeys(LiveContact s) {
    List<String> keys = s.accountKeys;
    s.accountKeys = null;
    return keys;
  }

  /** Loads a contact the cache misses, or creates it empty (to be scored by the caller). */
  private LiveContact loadOrCreate(String id) {
    Version v = version;
    LiveContact s = load(id, v, clock.instant());
    if (s == null) {
      s = new LiveContact(id, Map.of());
      s.version = v;
    }
    return s;
  }

  private LiveContact loadOnly(String id) {
    return load(id, version, clock.instant());
  }

  /** Loads a contact the cache misses, with its score as of now as the baseline. */
  private LiveContact load(String id, Version v, Instant asOf) {
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
    int n = LiveContact.storedCount(c, v);
    if (n > maxEvents) {
      throw new IllegalStateException("the contact loaded for '" + id + "' events must be at "
          + "most " + maxEvents + " (maxEventsPerContact), but was " + n);
    }
    LiveContact s = new LiveContact(id, c.attributes());
    s.replace(c, v);
    Score[] scores = new Score[v.parts.length];
    double[][] contributions = historySize > 0 ? new double[scores.length][] : null;
    for (int i = 0; i < scores.length; i++) {
      double[] points = null;
      if (contributions != null && v.parts[i].compact != null) {
        points = new double[v.parts[i].compact.ruleCount()];
        contributions[i] = points;
      }
      scores[i] = s.score(v, i, types, asOf, -1, points);
    }
    s.reported = scores;
    s.contributions = contributions;
    s.version = v;
    return s;
  }

  /**
   * Numbers a transition's changes and queues them for delivery; called under the contact's
   * lock, so the queue order is the operation order.
   */
  private List<TierChange> publish(String id, Transition t, Version v) {
    List<TierChange> changes = new ArrayList<>(t.pending.size());
    List<TierChange> migrated = new ArrayList<>(t.pending.size());
    for (Pending p : t.pending) {
      TierChange c = new TierChange(delivery.nextSequence(), id, p.previousTier,
          Optional.ofNullable(p.previous), p.current, p.cause, Optional.ofNullable(p.event),
          p.part.fingerprint);
      changes.add(c);
      if (p.migration) {
        migrated.add(c);
      }
    }
    if (t.migrationAfter != null) {
      v.log(new Migration(id, t.migrationBefore, t.migrationAfter, migrated));
    }
    delivery.enqueue(id, changes);
    return changes;
  }

  private static void checkId(String contactId) {
    if (contactId == null || contactId.isEmpty()
        || Character.isWhitespace(contactId.charAt(0)) && contactId.isBlank()) {
      throw new IllegalArgumentException("contactId must be a non-blank string, but was "
          + (contactId == null ? "null" : "\"" + contactId + "\""));
    }
  }

  /** A change found under a contact's lock, numbered when published. */
  private record Pending(Score previous, String previousTier, Score current, Cause cause,
      Event event, Version.Part part, boolean migration) {}

  /** The changes one operation makes to one contact. */
  private static final class Transition {
    final List<Pending> pending = new ArrayList<>(2);
    Score migrationBefore;
    Score migrationAfter;

    void add(Score previous, String previousTier, Score current, Cause cause, Event event,
        Version.Part part, boolean migration) {
      pending.add(new Pending(previous, previousTier, current, cause,
          cause == Cause.EVENT ? event : null, part, migration));
    }

    /** Adds a change from {@code from} to {@code to} if the tier differs; returns {@code to}. */
    Score step(Score from, Score to, Cause cause, Event event, Version.Part part,
        boolean migration) {
      if (!from.tier().equals(to.tier())) {
        add(from, from.tier(), to, cause, event, part, migration);
      }
      return to;
    }

    void migration(Score before, Score after) {
      migrationBefore = before;
      migrationAfter = after;
    }
  }

  /**
   * A mutable builder of {@link LiveScorer}s. Each setter validates its input at once;
   * {@link #build()} may be called more than once, each time giving an independent scorer.
   * Not thread-safe.
   */
  public static final class Builder {
    private final ScoringModel model;
    private final ModelSet set;
    private final List<AccountTierChangeListener> accountListeners = new ArrayList<>();
    private int maxMembers = 10_000;
    private long maximumSize = 100_000;
    private Duration expireAfterAccess;
    private int maxEvents = 10_000;
    private Clock clock = Clock.systemUTC();
    private LongSupplier ticker = System::nanoTime;
    private Executor executor = ForkJoinPool.commonPool();
    private ContactLoader loader = ContactLoader.NONE;
    private Consumer<Contact> onEviction = c -> { };
    private final List<TierChangeListener> listeners = new ArrayList<>();
    private final Set<String> kept = new HashSet<>();
    private boolean keepAll;
    private int historySize;

    private Builder(ScoringModel model, ModelSet set) {
      this.model = model;
      this.set = set;
    }

    /**
     * Adds a listener of account tier changes; listeners are called in the order they were
     * added.
     *
     * @param listener the listener
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder accountListener(AccountTierChangeListener listener) {
      accountListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets how many members an account may have under one account block (default 10 000).
     * Recomputing an account sorts its members, {@code O(m log m)} for {@code m} members, on
     * every change of a member's score: the bound keeps one event's cost bounded. An
     * operation that would make a contact the next member of a full account fails with
     * {@link IllegalStateException} and changes nothing.
     *
     * @param members at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code members < 1}
     */
    public Builder maxMembersPerAccount(int members) {
      if (members < 1) {
        throw new IllegalArgumentException(
            "maxMembersPerAccount must be at least 1, but was " + members);
      }
      this.maxMembers = members;
      return this;
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
     * Sets how many stored events a contact's history may hold (default 10 000); events of
     * types that are not stored (see the {@link LiveScorer class documentation}) do not
     * count. Recording one more fails with {@link IllegalStateException} and changes
     * nothing; the service decides what to do (for example {@link LiveScorer#upsert} a
     * shortened history).
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

    /**
     * Also stores the events of these types, even when no rule of the model in use reads
     * them, so that a model swapped in later that reads them sees their whole history
     * (default: none).
     *
     * @param eventTypes event types, none null or blank
     * @return this builder
     * @throws NullPointerException     if a type is null
     * @throws IllegalArgumentException if a type is blank
     */
    public Builder keepEventTypes(Collection<String> eventTypes) {
      for (String t : eventTypes) {
        Objects.requireNonNull(t, "event type");
        if (t.isBlank()) {
          throw new IllegalArgumentException(
              "keepEventTypes type must be a non-blank string, but was \"" + t + "\"");
        }
        kept.add(t);
      }
      return this;
    }

    /**
     * Stores every event recorded, whatever its type, as before compact histories (default:
     * only the types the model in use reads, and those of {@link #keepEventTypes}). Use it
     * when the eviction hook saves histories that must stay complete, or when later models
     * may read any type.
     *
     * @return this builder
     */
    public Builder keepAllEvents() {
      this.keepAll = true;
      return this;
    }

    /**
     * Keeps, for each contact in memory, a log of its last {@code entries} score changes,
     * readable with {@link LiveScorer#scoreHistory(String)} (default 0: off). Each entry
     * costs about 100 bytes besides the scores it refers to; the log leaves memory with its
     * contact.
     *
     * @param entries 0 to 10 000
     * @return this builder
     * @throws IllegalArgumentException if {@code entries} is outside 0 to 10 000
     */
    public Builder scoreHistory(int entries) {
      if (entries < 0 || entries > 10_000) {
        throw new IllegalArgumentException(
            "scoreHistory must be between 0 and 10000, but was " + entries);
      }
      this.historySize = entries;
      return this;
    }

    /**
     * Returns a new, empty live scorer.
     *
     * @return the scorer
     */
    public LiveScorer build() {
      return new LiveScorer(this);
    }
  }
}
