package dev.scoring.core.live;

import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.core.AccountRules;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.internal.CompactModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The models in use by a {@link LiveScorer}: one {@link Part} per table (a single model is a
 * set of one), their compact forms, which event types they store, and the contacts moved to
 * this version while its swap runs. Thread-safe.
 */
final class Version {
  /** The first table's model: what {@link LiveScorer#model()} returns. */
  final ScoringModel model;
  /** The set run, or null when the scorer runs one model that is not a scoring table. */
  final ModelSet set;
  /** The tables in set order, at least one. */
  final Part[] parts;
  /** The parts with an account block, in set order. */
  final Part[] accountParts;
  /** Whether every event is stored: a model is not a table, or the scorer keeps all. */
  final boolean storesAll;
  /** Dictionary id to whether some table reads the type. */
  private final boolean[] read;
  private final Set<String> kept;
  private final TypeDictionary types;
  /** The contacts moved to this version while its swap runs; null before and after. */
  private volatile ConcurrentLinkedQueue<Migration> migrations;

  /** A single model: a scoring table runs as a set of one. */
  Version(ScoringModel model, TypeDictionary types, Set<String> kept, boolean keepAll) {
    this(model, model instanceof ScoringTable t ? ModelSet.of(t) : null,
        List.of(model), types, kept, keepAll);
  }

  /** A set of tables. */
  Version(ModelSet set, TypeDictionary types, Set<String> kept, boolean keepAll) {
    this(set.tables().get(0), set, new ArrayList<ScoringModel>(set.tables()), types, kept,
        keepAll);
  }

  private Version(ScoringModel first, ModelSet set, List<ScoringModel> models,
      TypeDictionary types, Set<String> kept, boolean keepAll) {
    this.model = first;
    this.set = set;
    this.types = types;
    this.kept = kept;
    for (String t : kept) {
      types.intern(t);
    }
    parts = new Part[models.size()];
    List<Part> accounts = new ArrayList<>();
    boolean all = keepAll;
    for (int i = 0; i < parts.length; i++) {
      parts[i] = new Part(i, models.get(i), types);
      all |= parts[i].compact == null;
      if (parts[i].account != null) {
        accounts.add(parts[i]);
      }
    }
    this.accountParts = accounts.toArray(new Part[0]);
    this.storesAll = all;
    int max = -1;
    for (Part p : parts) {
      max = Math.max(max, p.typeMap.length - 1);
    }
    read = new boolean[max + 1];
    for (Part p : parts) {
      for (int id = 0; id < p.typeMap.length; id++) {
        read[id] |= p.typeMap[id] >= 0;
      }
    }
  }

  /** The fingerprint of the first table's model (a single model's own fingerprint). */
  String fingerprint() {
    return parts[0].fingerprint;
  }

  /** Returns the index of a table's part, or -1 when this version has no such table. */
  int indexOf(String table) {
    for (Part p : parts) {
      if (p.table.equals(table)) {
        return p.index;
      }
    }
    return -1;
  }

  /**
   * Returns the dictionary id to store an event of a type under, or -1 when the event is not
   * stored (no table of this version reads it and the scorer does not keep it).
   */
  int storedId(String type) {
    int id = types.id(type);
    if (id >= 0 && id < read.length && read[id]) {
      return id;
    }
    if (storesAll || kept.contains(type)) {
      return types.intern(type);
    }
    return -1;
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

  @Override
  public String toString() {
    return "Version" + Arrays.toString(Arrays.stream(parts).map(p -> p.table).toArray());
  }

  /**
   * One table of a version: its model, compact form and type map, and its account block.
   */
  static final class Part {
    final int index;
    /** The table's name: {@code model.name()}. */
    final String table;
    final ScoringModel model;
    final String fingerprint;
    /** The kernel fed from arrays, or null for a model that is not a scoring table. */
    final CompactModel compact;
    /** Dictionary id to the model's type id, -1 for types it does not read. */
    final int[] typeMap;
    /** The table's account block, or null. */
    final AccountRules account;

    Part(int index, ScoringModel model, TypeDictionary types) {
      this.index = index;
      this.table = model.name();
      this.model = model;
      this.fingerprint = model.fingerprint();
      this.compact = CompactModel.of(model).orElse(null);
      this.account = model instanceof ScoringTable t ? t.account().orElse(null) : null;
      if (compact == null) {
        typeMap = new int[0];
        return;
      }
      // Intern what the model reads, so every type it can score has an id below typeMap's end.
      int max = -1;
      for (String t : compact.eventTypes()) {
        max = Math.max(max, types.intern(t));
      }
      typeMap = new int[max + 1];
      for (int id = 0; id <= max; id++) {
        typeMap[id] = compact.typeId(types.name(id));
      }
    }
  }

  /**
   * A contact moved from one version to the next: its first table's score before (null when
   * the previous version had no table of that name) and after.
   */
  record Migration(String contactId, Score before, Score after, List<TierChange> changes) {}
}
