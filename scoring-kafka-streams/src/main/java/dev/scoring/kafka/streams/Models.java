package dev.scoring.kafka.streams;

import dev.scoring.api.ScoringModel;
import dev.scoring.core.AccountRules;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.internal.CompactModel;
import java.util.List;

/**
 * The model in use by a task, compiled once: one model (a table or any {@link ScoringModel})
 * or the tables of a {@link ModelSet}, each with its compact form, the fingerprint that tells
 * a new model from this one, and the table whose account block scores accounts. Tier changes
 * carry the fingerprint of the table that computed them. Immutable; each task
 * keeps the one it uses.
 */
final class Models {
  /**
   * The last object the supplier gave with this fingerprint: a {@link ScoringModel} or a
   * {@link ModelSet} (updated by the task that owns this instance, to skip fingerprinting an
   * object seen before).
   */
  Object source;
  final ScoringModel[] tables;
  final CompactModel[] compact;
  final String fingerprint;
  /** The index of the table whose account block is used, or -1. */
  final int accountTable;
  /** That table's account block, or null. */
  final AccountRules account;

  private Models(Object source, List<? extends ScoringModel> tables, String fingerprint,
      String accountTableName) {
    this.source = source;
    this.tables = tables.toArray(new ScoringModel[0]);
    this.compact = new CompactModel[this.tables.length];
    int chosen = -1;
    for (int t = 0; t < this.tables.length; t++) {
      compact[t] = CompactModel.of(this.tables[t]).orElse(null);
      if (this.tables[t] instanceof ScoringTable table && table.account().isPresent()
          && (accountTableName == null ? chosen < 0 : table.name().equals(accountTableName))) {
        chosen = t;
      }
    }
    this.fingerprint = fingerprint;
    this.accountTable = chosen;
    this.account = chosen < 0 ? null
        : ((ScoringTable) this.tables[chosen]).account().orElseThrow();
  }

  /**
   * Compiles what a model supplier gave.
   *
   * @param source           a {@link ScoringModel} or a {@link ModelSet}
   * @param accountTableName the table whose account block is used, or null for the first
   *                         table (in set order) that has one
   */
  static Models of(Object source, String accountTableName) {
    if (source instanceof ModelSet set) {
      return new Models(set, set.tables(), fingerprintOf(set), accountTableName);
    }
    if (source instanceof ScoringModel model) {
      return new Models(model, List.of(model), model.fingerprint(), accountTableName);
    }
    throw new IllegalArgumentException("model must be a ScoringModel or a ModelSet, but was "
        + (source == null ? "null" : source.getClass().getName()));
  }

  /**
   * The fingerprint that tells models apart (a new one is switched to): a {@link ScoringModel}'s,
   * a {@link ModelSet}'s, and for a set of one table named and versioned as it (a table file
   * read as a set) the table's, so that a table that comes in again as such a set is not a
   * new model.
   */
  static String fingerprintOf(Object source) {
    if (source instanceof ModelSet set) {
      ScoringModel first = set.tables().get(0);
      return set.tables().size() == 1 && first.name().equals(set.name())
          && first.version().equals(set.version()) ? first.fingerprint() : set.fingerprint();
    }
    return ((ScoringModel) source).fingerprint();
  }

  int size() {
    return tables.length;
  }

  String name(int table) {
    return tables[table].name();
  }

  /** Whether some table reads events of this type (true when a table is not compact). */
  boolean reads(String type) {
    for (CompactModel c : compact) {
      if (c == null || c.typeId(type) >= 0) {
        return true;
      }
    }
    return false;
  }
}
