package dev.scoring.kafka.streams;

import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.ModelSet;
import dev.scoring.core.json.ModelSetJson;
import dev.scoring.core.live.AccountTierChange;
import dev.scoring.core.live.TierChange;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Live scoring in a Kafka Streams topology: events keyed by contact id in, each contact's
 * compact state in a key-value store, score updates and tier changes out.
 *
 * <pre>{@code
 * Topology topology = new Topology();
 * LiveScoringTopology.builder(model)
 *     .eventsTopic("events")                  // key: contact id, value: Event
 *     .attributesTopic("contact-attributes")  // key: contact id, value: ContactAttributes
 *     .scoresTopic("scores")                  // key: contact id, value: Score
 *     .tierChangesTopic("tier-changes")       // key: contact id, value: TierChange
 *     .sweepEvery(Duration.ofMinutes(5), PunctuationType.WALL_CLOCK_TIME)
 *     .build()
 *     .addTo(topology);
 * }</pre>
 *
 * <h2>What the processor does</h2>
 * For each event it stores the event in the contact's state (in time order, whatever order
 * events arrive in; only events of types the model in use reads, as
 * {@link dev.scoring.core.live.LiveScorer} does), scores the contact as of now through the
 * same kernel as {@code model.score} (the same bits), writes the state back and emits the
 * score to {@link #SCORES} and, when the tier moved, the {@link TierChange}s to
 * {@link #TIER_CHANGES}: first a {@code TIME} change when time alone had moved the contact
 * since its last emitted score, then the change the event made. An attributes record
 * replaces the contact's attributes and emits the same way ({@code UPSERT}); a null value
 * (tombstone) forgets the contact. "Now" is the wall-clock time of the task, or its stream
 * time, as chosen with {@link Builder#sweepEvery}.
 *
 * <p>A punctuator sweeps every stored contact at that interval, on the same time, and emits
 * the tier changes time alone made (decay, windows, inactivity, future events coming due).
 * Each contact's tier changes form a chain (each starts where the previous ended) numbered
 * 1, 2, 3... per contact ({@link TierChange#sequence()} counts per contact here, not per
 * scorer), and go to the output partition of the contact's key, so they are read in order.
 *
 * <h2>Model sets</h2>
 * With {@link #builder(ModelSet)} the topology scores every table of a set (SPEC section 11)
 * from one state per contact: each record emits one {@link Score} per table, in set order,
 * each with {@link Score#modelName()} naming its table and exactly that table's
 * {@code score} (what {@link ModelSet#score} gives), and each table's tier changes; the
 * tables' changes share the contact's one sequence counter, and each table's changes chain
 * on their own (from that table's base tier). A set of one table emits exactly what the
 * table alone does. Each tier change carries the fingerprint of the table that computed its
 * score, as the live scorer's do.
 *
 * <h2>Accounts</h2>
 * When the model (or a table of the set, see {@link Builder#accountTable}) has an account
 * block and the topology is wired with {@link #addTo(StreamsBuilder)}, the scoring processor
 * also sends each contact's score under that table, keyed by the account its key attribute
 * names ({@link dev.scoring.core.AccountRules#accountOf}), when it joins the account or its
 * score there moves, and a leave to the account it counted in when it moves to another,
 * loses its key or is deleted. These updates, and the account records of
 * {@link Builder#accountsTopic}, are repartitioned by account id; the accounts' processor
 * keeps each account's record in its store and each member (contact id to score) as one
 * entry of a members' store, and after each update recomputes the account with
 * {@link dev.scoring.core.AccountRules#score} (the same bits as
 * {@link dev.scoring.core.AccountScorer}) and emits the
 * {@link dev.scoring.core.AccountScore} and, when the account tier moved, an
 * {@link AccountTierChange} (the record the live scorer's account listeners get): numbered
 * 1, 2, 3... per account, naming the account table, with cause
 * {@link AccountTierChange.Cause#MEMBER MEMBER} (and the member whose update moved it),
 * {@link AccountTierChange.Cause#RECORD RECORD} or
 * {@link AccountTierChange.Cause#MODEL_CHANGE MODEL_CHANGE}, and the fingerprint of the
 * account table. An account with neither members nor a record is deleted and its
 * key gets a tombstone. A member counts with the score last emitted for it: time alone
 * refreshes it only when a sweep moves the contact's tier.
 *
 * <h2>Model updates</h2>
 * The model comes from a {@link Supplier} asked before each record and each sweep (it must
 * be cheap: a volatile read), or from a topic of model JSON files
 * ({@link Builder#modelTopic(String)}), read into a global store so that every task sees
 * every update. When a task sees a model with another fingerprint, it switches to it
 * between two records, rescores every contact in its store once against its stored state,
 * emits the new scores and the tier changes ({@code TIME} under the old model first, then
 * {@code MODEL_CHANGE}), and scores everything after with the new model.
 *
 * <h2>Exactly once</h2>
 * With {@code processing.guarantee=exactly_once_v2}, the store's changelog writes, the
 * emitted scores and tier changes, and the input offsets of a task commit in one Kafka
 * transaction: after a crash, the task restores its store from the changelog as of the
 * last commit and reprocesses from there, and consumers reading with
 * {@code isolation.level=read_committed} see every tier change exactly once. With the
 * default at-least-once guarantee a crash may emit some scores and changes again (same
 * values, same sequence numbers, since the state they came from is restored too). Two
 * things are outside the transaction: wall-clock time (a replayed record is scored as of
 * the time of its replay) and the moment a task sees a model update from the supplier or
 * the global store.
 *
 * <p>Instances are immutable and thread-safe; the processors they supply belong to one task.
 */
public final class LiveScoringTopology {
  /** The name of the child that receives scores: key contact id, value {@link Score}. */
  public static final String SCORES = "scores";
  /** The name of the child that receives tier changes: value {@link TierChange}. */
  public static final String TIER_CHANGES = "tier-changes";
  /** The scoring processor's child for member updates, keyed by account id (DSL wiring). */
  static final String ACCOUNT_MEMBERS = "account-members";
  /** The name of the sink of account scores ({@link #addTo(StreamsBuilder)}). */
  public static final String ACCOUNT_SCORES = "account-scores";
  /** The name of the sink of account tier changes ({@link #addTo(StreamsBuilder)}). */
  public static final String ACCOUNT_TIER_CHANGES = "account-tier-changes";

  private final Supplier<Object> model;
  final String accountTable;
  final String storeName;
  final String accountStoreName;
  final boolean persistent;
  final Duration sweepEvery;
  final PunctuationType time;
  final Set<String> kept;
  final boolean keepAll;
  final int maxEvents;
  private final String eventsTopic;
  private final String attributesTopic;
  private final String modelTopic;
  private final String scoresTopic;
  private final String tierChangesTopic;
  private final String accountsTopic;
  private final String accountScoresTopic;
  private final String accountTierChangesTopic;
  private final String processorName;
  private final Serde<Event> eventSerde;
  private final Serde<ContactAttributes> attributesSerde;
  private final AtomicReference<Object> fromTopic;

  private LiveScoringTopology(Builder b) {
    this.fromTopic = b.modelTopic == null ? null : new AtomicReference<>(b.initial);
    this.model = fromTopic != null ? fromTopic::get : b.supplier;
    this.accountTable = b.accountTable;
    this.storeName = b.storeName;
    this.accountStoreName = b.accountStoreName;
    this.accountsTopic = b.accountsTopic;
    this.accountScoresTopic = b.accountScoresTopic;
    this.accountTierChangesTopic = b.accountTierChangesTopic;
    this.persistent = b.persistent;
    this.sweepEvery = b.sweepEvery;
    this.time = b.time;
    this.kept = Set.copyOf(b.kept);
    this.keepAll = b.keepAll;
    this.maxEvents = b.maxEvents;
    this.eventsTopic = b.eventsTopic;
    this.attributesTopic = b.attributesTopic;
    this.modelTopic = b.modelTopic;
    this.scoresTopic = b.scoresTopic;
    this.tierChangesTopic = b.tierChangesTopic;
    this.processorName = b.processorName;
    this.eventSerde = b.eventSerde;
    this.attributesSerde = b.attributesSerde;
  }

  /**
   * Starts a topology for a fixed model (or the first model, with
   * {@link Builder#modelTopic(String)}).
   *
   * @param model the model
   * @return a builder with the defaults: topics {@code events}, {@code scores} and
   *     {@code tier-changes}, no attributes topic, an in-memory store
   *     {@code scoring-contacts}, a sweep every minute of wall-clock time, at most 10 000
   *     stored events per contact, the {@link ScoringSerdes} serdes; for accounts, topics
   *     {@code account-scores} and {@code account-tier-changes}, no account records topic,
   *     stores {@code scoring-accounts} and {@code scoring-accounts-members}, the first
   *     table with an account block
   * @throws NullPointerException if {@code model} is null
   */
  public static Builder builder(ScoringModel model) {
    Objects.requireNonNull(model, "model");
    return new Builder(model, () -> model);
  }

  /**
   * Starts a topology whose model a supplier gives; it is asked before each record and each
   * sweep, and must be cheap and thread-safe.
   *
   * @param model the model supplier; it must not return null
   * @return a builder with the defaults of {@link #builder(ScoringModel)}
   * @throws NullPointerException if {@code model} or its first model is null
   */
  public static Builder builder(Supplier<? extends ScoringModel> model) {
    Objects.requireNonNull(model, "model");
    ScoringModel first = Objects.requireNonNull(model.get(), "the model supplier's model");
    return new Builder(first, model::get);
  }

  /**
   * Starts a topology for a fixed model set (or the first one, with
   * {@link Builder#modelTopic(String)}): one state per contact, and per record one
   * {@link Score} per table of the set (each {@link Score#modelName()} names its table) and
   * each table's tier changes. A set of one table gives exactly what
   * {@link #builder(ScoringModel)} of that table gives.
   *
   * @param set the model set
   * @return a builder with the defaults of {@link #builder(ScoringModel)}
   * @throws NullPointerException if {@code set} is null
   */
  public static Builder builder(ModelSet set) {
    Objects.requireNonNull(set, "set");
    return new Builder(set, () -> set);
  }

  /**
   * Starts a topology whose model set a supplier gives; it is asked before each record and
   * each sweep, and must be cheap and thread-safe (see {@link #builder(ModelSet)}).
   *
   * @param sets the model set supplier; it must not return null
   * @return a builder with the defaults of {@link #builder(ScoringModel)}
   * @throws NullPointerException if {@code sets} or its first set is null
   */
  public static Builder builderOfSets(Supplier<ModelSet> sets) {
    Objects.requireNonNull(sets, "sets");
    ModelSet first = Objects.requireNonNull(sets.get(), "the model set supplier's set");
    return new Builder(first, sets::get);
  }

  /**
   * Returns the model in use for a task: {@code current} when the supplier gives the same
   * object or one with the same fingerprint, else the supplier's new model compiled.
   *
   * @param current the task's model, or null at the start
   */
  Models models(Models current) {
    Object next = model.get();
    if (current == null) {
      return Models.of(Objects.requireNonNull(next, "the supplier's model"), accountTable);
    }
    if (next == null || next == current.source) {
      return current;
    }
    if (Models.fingerprintOf(next).equals(current.fingerprint)) {
      current.source = next;
      return current;
    }
    return Models.of(next, accountTable);
  }

  /**
   * Returns the supplier of the scoring processor, for applications that wire their own
   * topology: connect it to the store of {@link #storeBuilder()} and give it two children
   * named {@link #SCORES} and {@link #TIER_CHANGES}. Its input values are {@link Event}s
   * and {@link ContactAttributes}, keyed by contact id. It scores contacts only: accounts
   * need the repartition that {@link #addTo(StreamsBuilder)} wires.
   *
   * @return the supplier
   */
  public ProcessorSupplier<String, Object, String, Object> processorSupplier() {
    return () -> new ScoringProcessor(this, false, false);
  }

  /**
   * Returns the builder of the contacts' store: in memory or RocksDB, logged to a
   * changelog topic (so it is restored after a crash or a move of the task).
   *
   * @return the store builder, keys contact ids
   */
  public StoreBuilder<? extends KeyValueStore<String, ?>> storeBuilder() {
    KeyValueBytesStoreSupplier supplier = persistent
        ? Stores.persistentKeyValueStore(storeName)
        : Stores.inMemoryKeyValueStore(storeName);
    return Stores.keyValueStoreBuilder(supplier, Serdes.String(), ScoringSerdes.contactState());
  }

  /**
   * Returns the builder of the accounts' store (used by {@link #addTo(StreamsBuilder)}): in
   * memory or RocksDB as the contacts' store, logged to a changelog topic.
   *
   * @return the store builder, keys account ids
   */
  public StoreBuilder<? extends KeyValueStore<String, ?>> accountStoreBuilder() {
    KeyValueBytesStoreSupplier supplier = persistent
        ? Stores.persistentKeyValueStore(accountStoreName)
        : Stores.inMemoryKeyValueStore(accountStoreName);
    return Stores.keyValueStoreBuilder(supplier, Serdes.String(), ScoringSerdes.accountState());
  }

  /**
   * Returns the builder of the accounts' members store (used by
   * {@link #addTo(StreamsBuilder)}), named after the accounts' store with {@code -members}:
   * one entry per member, key the account id's length, a colon, the account id and the
   * contact id, value the member's score; in memory or RocksDB as the contacts' store, logged.
   *
   * @return the store builder
   */
  public StoreBuilder<? extends KeyValueStore<String, ?>> accountMembersStoreBuilder() {
    String name = accountMembersStoreName();
    KeyValueBytesStoreSupplier supplier = persistent
        ? Stores.persistentKeyValueStore(name)
        : Stores.inMemoryKeyValueStore(name);
    return Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.Double());
  }

  String accountMembersStoreName() {
    return accountStoreName + "-members";
  }

  /**
   * Adds everything to a {@link StreamsBuilder}: the contacts as {@link #addTo(Topology)}
   * does and, when the model (or a table of the set) has an account block, the accounts:
   * the scoring processor sends each member's score (and a leave when a contact stops
   * counting in an account) keyed by account id, merged with the account records topic and
   * repartitioned by account id through the internal topic
   * {@code <application.id>-<processorName>-accounts-repartition}; the accounts' processor
   * keeps each account's record in the store {@code accountStoreName} and its members in
   * {@code accountStoreName-members}, and emits account scores and account tier changes.
   *
   * @param builder the streams builder
   * @return the builder
   * @throws NullPointerException if {@code builder} is null
   */
  public StreamsBuilder addTo(StreamsBuilder builder) {
    Objects.requireNonNull(builder, "builder");
    boolean accounts = models(null).account != null;
    builder.addStateStore(storeBuilder());
    KStream<String, Object> input = widen(builder.stream(eventsTopic,
        Consumed.with(Serdes.String(), eventSerde).withName(processorName + "-events")));
    if (attributesTopic != null) {
      input = input.merge(widen(builder.stream(attributesTopic,
          Consumed.with(Serdes.String(), attributesSerde)
              .withName(processorName + "-attributes"))),
          Named.as(processorName + "-inputs"));
    }
    KStream<String, Object> out = input.process(
        () -> new ScoringProcessor(this, true, accounts), Named.as(processorName), storeName);
    Map<String, KStream<String, Object>> branches = out.split(Named.as(processorName + "-"))
        .branch((k, v) -> v instanceof Score, Branched.withConsumer(scores -> scores.to(
            scoresTopic, Produced.with(Serdes.String(), widen(ScoringSerdes.score()))
                .withName(SCORES)), "score"))
        .branch((k, v) -> v instanceof TierChange, Branched.withConsumer(changes -> changes.to(
            tierChangesTopic, Produced.with(Serdes.String(),
                widen(ScoringSerdes.tierChange())).withName(TIER_CHANGES)), "tier-change"))
        .defaultBranch(Branched.as(ACCOUNT_MEMBERS));
    if (modelTopic != null) {
      String store = storeName + "-model";
      builder.addGlobalStore(
          Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store), Serdes.String(),
              Serdes.String()).withLoggingDisabled(),
          modelTopic, Consumed.with(Serdes.String(), Serdes.String())
              .withName(processorName + "-models"),
          () -> new ModelUpdater(store, fromTopic));
    }
    if (!accounts) {
      return builder;
    }
    KStream<String, Object> members = branches.get(processorName + "-" + ACCOUNT_MEMBERS);
    if (accountsTopic != null) {
      members = members.merge(builder.stream(accountsTopic,
              Consumed.with(Serdes.String(), Serdes.String())
                  .withName(processorName + "-account-records"))
          .flatMap(LiveScoringTopology::accountRecord,
              Named.as(processorName + "-account-record-reader")),
          Named.as(processorName + "-account-inputs"));
    }
    builder.addStateStore(accountStoreBuilder());
    builder.addStateStore(accountMembersStoreBuilder());
    members.repartition(Repartitioned.with(Serdes.String(), widen(ScoringSerdes.accountInput()))
            .withName(processorName + "-accounts"))
        .process(() -> new AccountProcessor(this), Named.as(processorName + "-account"),
            accountStoreName, accountMembersStoreName())
        .split(Named.as(processorName + "-account-"))
        .branch((k, v) -> v instanceof AccountTierChange, Branched.withConsumer(changes ->
            changes.to(accountTierChangesTopic, Produced.with(Serdes.String(),
                widen(ScoringSerdes.accountTierChange())).withName(ACCOUNT_TIER_CHANGES)),
            "tier-change"))
        .defaultBranch(Branched.withConsumer(scores -> scores.to(accountScoresTopic,
            Produced.with(Serdes.String(), widen(ScoringSerdes.accountScore()))
                .withName(ACCOUNT_SCORES)), "score"));
    return builder;
  }

  /**
   * Reads one account record, <code>{"id": ..., "attributes": {...}}</code>, with the contact
   * reader: the id is the value's; a null value (tombstone) deletes the record of the key's
   * account. A value that cannot be read is dropped with a warning.
   */
  private static List<KeyValue<String, Object>> accountRecord(String key, String json) {
    if (json == null) {
      return key == null || key.isEmpty() ? List.of()
          : List.of(KeyValue.pair(key, new AccountInput.Attributes(null)));
    }
    try {
      // the core's record reader: ids are any non-empty string, events refused (SPEC 12)
      AccountRecords r = AccountRecords.fromJson(json);
      String id = r.ids().iterator().next();
      return List.of(KeyValue.pair(id, new AccountInput.Attributes(r.attributes(id))));
    } catch (RuntimeException e) {
      System.getLogger(LiveScoringTopology.class.getName()).log(System.Logger.Level.WARNING,
          "dropped an account record that cannot be read ({0}): {1}", e.getMessage(), json);
      return List.of();
    }
  }

  @SuppressWarnings("unchecked")
  private static KStream<String, Object> widen(KStream<String, ?> stream) {
    return (KStream<String, Object>) stream;
  }

  @SuppressWarnings("unchecked")
  private static Serde<Object> widen(Serde<?> serde) {
    return (Serde<Object>) serde;
  }

  /**
   * Adds the sources, the processor, its store and the two sinks (and the model topic's
   * global store) to a topology. Account blocks are ignored here: accounts need a
   * repartition, which {@link #addTo(StreamsBuilder)} wires.
   *
   * @param topology the topology
   * @return the topology
   */
  public Topology addTo(Topology topology) {
    Models first = models(null);
    if (first.account != null) {
      System.getLogger(LiveScoringTopology.class.getName()).log(System.Logger.Level.WARNING,
          "table ''{0}'' has an account block, which addTo(Topology) does not score: accounts "
              + "need addTo(StreamsBuilder)", first.name(first.accountTable));
    }
    String events = processorName + "-events";
    topology.addSource(events, Serdes.String().deserializer(), eventSerde.deserializer(),
        eventsTopic);
    if (attributesTopic == null) {
      topology.addProcessor(processorName, processorSupplier(), events);
    } else {
      String attributes = processorName + "-attributes";
      topology.addSource(attributes, Serdes.String().deserializer(),
          attributesSerde.deserializer(), attributesTopic);
      topology.addProcessor(processorName, processorSupplier(), events, attributes);
    }
    topology.addStateStore(storeBuilder(), processorName);
    topology.addSink(SCORES, scoresTopic, Serdes.String().serializer(),
        ScoringSerdes.score().serializer(), processorName);
    topology.addSink(TIER_CHANGES, tierChangesTopic, Serdes.String().serializer(),
        ScoringSerdes.tierChange().serializer(), processorName);
    if (modelTopic != null) {
      String store = storeName + "-model";
      topology.addGlobalStore(
          Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store), Serdes.String(),
              Serdes.String()).withLoggingDisabled(),
          processorName + "-models", Serdes.String().deserializer(),
          Serdes.String().deserializer(), modelTopic, processorName + "-model-updater",
          () -> new ModelUpdater(store, fromTopic));
    }
    return topology;
  }

  /**
   * Keeps the latest model file of the model topic in a global store and in memory: a table
   * file or a set file, read as a set (a table is a set of one).
   */
  private static final class ModelUpdater implements Processor<String, String, Void, Void> {
    private static final String KEY = "model";
    private final String storeName;
    private final AtomicReference<Object> current;
    private KeyValueStore<String, String> store;

    ModelUpdater(String storeName, AtomicReference<Object> current) {
      this.storeName = storeName;
      this.current = current;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(storeName);
      String json = store.get(KEY); // restored from the topic after a restart
      if (json != null) {
        current.set(parse(json));
      }
    }

    @Override
    public void process(Record<String, String> record) {
      if (record.value() == null) {
        return;
      }
      ModelSet next = parse(record.value());
      store.put(KEY, record.value());
      current.set(next);
    }

    private static ModelSet parse(String json) {
      return ModelSetJson.parse(json);
    }
  }

  /**
   * A mutable builder of {@link LiveScoringTopology}s; each setter validates its input at
   * once. Not thread-safe.
   */
  public static final class Builder {
    private final Object initial;
    private final Supplier<Object> supplier;
    private String accountTable;
    private String eventsTopic = "events";
    private String attributesTopic;
    private String modelTopic;
    private String scoresTopic = "scores";
    private String tierChangesTopic = "tier-changes";
    private String storeName = "scoring-contacts";
    private String accountStoreName = "scoring-accounts";
    private String accountsTopic;
    private String accountScoresTopic = "account-scores";
    private String accountTierChangesTopic = "account-tier-changes";
    private String processorName = "scoring";
    private boolean persistent;
    private Duration sweepEvery = Duration.ofMinutes(1);
    private PunctuationType time = PunctuationType.WALL_CLOCK_TIME;
    private final Set<String> kept = new HashSet<>();
    private boolean keepAll;
    private int maxEvents = 10_000;
    private Serde<Event> eventSerde = ScoringSerdes.event();
    private Serde<ContactAttributes> attributesSerde = ScoringSerdes.attributes();

    private Builder(Object initial, Supplier<Object> supplier) {
      this.initial = initial;
      this.supplier = supplier;
    }

    private static String name(String what, String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " must be a non-blank string, but was "
            + (value == null ? "null" : "\"" + value + "\""));
      }
      return value;
    }

    /**
     * Sets the events topic (default {@code events}); key contact id, value an {@link Event}.
     *
     * @param topic non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code topic} is null or blank
     */
    public Builder eventsTopic(String topic) {
      this.eventsTopic = name("eventsTopic", topic);
      return this;
    }

    /**
     * Sets a topic of contact attributes (default: none); key contact id, value
     * {@link ContactAttributes} replacing the contact's attributes.
     *
     * @param topic non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code topic} is null or blank
     */
    public Builder attributesTopic(String topic) {
      this.attributesTopic = name("attributesTopic", topic);
      return this;
    }

    /**
     * Reads model updates from a topic (default: none): each value is a model file (JSON), a
     * table or a set of tables (a table is a set of one), the latest one wins; the builder's
     * model is used until the first arrives.
     *
     * @param topic non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code topic} is null or blank
     */
    public Builder modelTopic(String topic) {
      this.modelTopic = name("modelTopic", topic);
      return this;
    }

    /**
     * Sets the scores topic (default {@code scores}).
     *
     * @param topic non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code topic} is null or blank
     */
    public Builder scoresTopic(String topic) {
      this.scoresTopic = name("scoresTopic", topic);
      return this;
    }

    /**
     * Sets the tier changes topic (default {@code tier-changes}).
     *
     * @param topic non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code topic} is null or blank
     */
    public Builder tierChangesTopic(String topic) {
      this.tierChangesTopic = name("tierChangesTopic", topic);
      return this;
    }

    /**
     * Sets the store name (default {@code scoring-contacts}); its changelog topic is named
     * after it.
     *
     * @param name non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Builder storeName(String name) {
      this.storeName = name("storeName", name);
      return this;
    }

    /**
     * Chooses the table whose account block scores accounts (default: the first table, in
     * set order, that has one). A model in use without that table (or without an account
     * block) scores no accounts until one has it.
     *
     * @param tableName non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code tableName} is null or blank
     */
    public Builder accountTable(String tableName) {
      this.accountTable = name("accountTable", tableName);
      return this;
    }

    /**
     * Sets a topic of account records (default: none), read by
     * {@link LiveScoringTopology#addTo(StreamsBuilder)}: each value is one record
     * <code>{"id": ..., "attributes": {...}}</code> (JSON, SPEC section 12) replacing the
     * account's attributes; a null value deletes the record of the key's account.
     *
     * @param topic non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code topic} is null or blank
     */
    public Builder accountsTopic(String topic) {
      this.accountsTopic = name("accountsTopic", topic);
      return this;
    }

    /**
     * Sets the account scores topic (default {@code account-scores}): key account id, value
     * {@link dev.scoring.core.AccountScore}, null (a tombstone) when the account has neither
     * members nor a record any more.
     *
     * @param topic non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code topic} is null or blank
     */
    public Builder accountScoresTopic(String topic) {
      this.accountScoresTopic = name("accountScoresTopic", topic);
      return this;
    }

    /**
     * Sets the account tier changes topic (default {@code account-tier-changes}): key account
     * id, value {@link AccountTierChange}.
     *
     * @param topic non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code topic} is null or blank
     */
    public Builder accountTierChangesTopic(String topic) {
      this.accountTierChangesTopic = name("accountTierChangesTopic", topic);
      return this;
    }

    /**
     * Sets the accounts' store name (default {@code scoring-accounts}); its changelog topic
     * is named after it.
     *
     * @param name non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Builder accountStoreName(String name) {
      this.accountStoreName = name("accountStoreName", name);
      return this;
    }

    /**
     * Sets the processor's name in the topology (default {@code scoring}); the sources are
     * named after it.
     *
     * @param name non-blank
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Builder processorName(String name) {
      this.processorName = name("processorName", name);
      return this;
    }

    /**
     * Keeps the contacts in RocksDB on disk (true) or in memory (false, the default); both
     * are restored from the changelog.
     *
     * @param rocksDb whether to use RocksDB
     * @return this builder
     */
    public Builder persistent(boolean rocksDb) {
      this.persistent = rocksDb;
      return this;
    }

    /**
     * Sets how often the stored contacts are swept, and on which time (default every minute
     * of wall-clock time); "now" for scoring records is read on the same time.
     *
     * @param interval positive
     * @param on       {@link PunctuationType#WALL_CLOCK_TIME} or
     *                 {@link PunctuationType#STREAM_TIME}
     * @return this builder
     * @throws IllegalArgumentException if {@code interval} is not positive
     * @throws NullPointerException     if an argument is null
     */
    public Builder sweepEvery(Duration interval, PunctuationType on) {
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(on, "on");
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException("sweepEvery must be positive, but was " + interval);
      }
      this.sweepEvery = interval;
      this.time = on;
      return this;
    }

    /**
     * Also stores events of these types when no rule of the model in use reads them (see
     * {@link dev.scoring.core.live.LiveScorer.Builder#keepEventTypes}).
     *
     * @param eventTypes event types
     * @return this builder
     * @throws NullPointerException if a type is null
     */
    public Builder keepEventTypes(Collection<String> eventTypes) {
      eventTypes.forEach(t -> kept.add(Objects.requireNonNull(t, "event type")));
      return this;
    }

    /**
     * Stores every event, whatever its type.
     *
     * @return this builder
     */
    public Builder keepAllEvents() {
      this.keepAll = true;
      return this;
    }

    /**
     * Sets how many stored events a contact may hold (default 10 000); a further event is
     * dropped with a warning in the log, and the contact's score stays exact for the events
     * stored.
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
     * Sets the serde of the events topic's values (default {@link ScoringSerdes#event()}).
     *
     * @param serde the serde
     * @return this builder
     * @throws NullPointerException if {@code serde} is null
     */
    public Builder eventSerde(Serde<Event> serde) {
      this.eventSerde = Objects.requireNonNull(serde, "serde");
      return this;
    }

    /**
     * Sets the serde of the attributes topic's values (default
     * {@link ScoringSerdes#attributes()}).
     *
     * @param serde the serde
     * @return this builder
     * @throws NullPointerException if {@code serde} is null
     */
    public Builder attributesSerde(Serde<ContactAttributes> serde) {
      this.attributesSerde = Objects.requireNonNull(serde, "serde");
      return this;
    }

    /**
     * Returns the topology description.
     *
     * @return a new, immutable {@link LiveScoringTopology}
     */
    public LiveScoringTopology build() {
      return new LiveScoringTopology(this);
    }
  }
}
