package dev.scoring.core.live;

import dev.scoring.api.ScoringModel;
import dev.scoring.api.Score;
import dev.scoring.core.internal.CompactModel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A model in use by a {@link LiveScorer}: its compact form when it is a scoring table, which
 * event types it stores, and the contacts moved to it while its swap runs. Thread-safe.
 */
final class Version {
  final ScoringModel model;
  final String fingerprint;
  /** The kernel fed from arrays, or null for a model that is not a scoring table. */
  final CompactModel compact;
  /** Dictionary id to the model's type id, -1 for types it does not read. */
  final int[] typeMap;
  /** Whether every event is stored: the model is not a table, or the scorer keeps all. */
  final boolean storesAll;
  private final Set<String> kept;
  private final TypeDictionary types;
  /** The contacts moved to this version while its swap runs; null before and after. */
  private volatile ConcurrentLinkedQueue<Migration> migrations;

  Version(ScoringModel model, TypeDictionary types, Set<String> kept, boolean keepAll) {
    this.model = model;
    this.fingerprint = model.fingerprint();
    this.compact = CompactModel.of(model).orElse(null);
    this.types = types;
    this.kept = kept;
    this.storesAll = keepAll || compact == null;
    for (String t : kept) {
      types.intern(t);
    }
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

  /**
   * Returns the dictionary id to store an event of a type under, or -1 when the event is not
   * stored (no rule of this model reads it and the scorer does not keep it).
   */
  int storedId(String type) {
    int id = types.id(type);
    if (id >= 0 && id < typeMap.length && typeMap[id] >= 0) {
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

  /** A contact moved from one model version to the next. */
  record Migration(String contactId, Score before, Score after, List<TierChange> changes) {}
}
