package dev.scoring.core.internal;

import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Internal: scores a {@link dev.scoring.core.ScoringTable} straight from primitive arrays
 * through its kernel, for the live scorer and stream processors that keep each contact's
 * history compact. Not part of the API (the package is not exported to applications).
 *
 * <p>Implementations are immutable and thread-safe; each thread scores with its own working
 * memory.
 */
public interface CompactModel {

  /**
   * Returns the compact form of a model, or empty when the model is not a scoring table
   * (only its own {@code score} can then be used).
   *
   * @param model any model
   * @return the compact form
   */
  static Optional<CompactModel> of(ScoringModel model) {
    Function<ScoringModel, CompactModel> f = Registry.FACTORY.get();
    return Optional.ofNullable(f == null ? null : f.apply(model));
  }

  /**
   * Called once by the scoring table class to provide {@link #of}.
   *
   * @param factory the compact form of a model, or null for a model that is not a table
   */
  static void register(Function<ScoringModel, CompactModel> factory) {
    Registry.FACTORY.compareAndSet(null, factory);
  }

  /**
   * Returns the model.
   *
   * @return the model
   */
  ScoringModel model();

  /**
   * Returns the model's id of an event type.
   *
   * @param type an event type
   * @return its id, or -1 when no rule reads it
   */
  int typeId(String type);

  /**
   * Returns the event types some rule reads, in type id order.
   *
   * @return the event types some rule reads, in type id order
   */
  List<String> eventTypes();

  /**
   * Returns the length of a matched-conditions bit set, in longs.
   *
   * @return the length of a matched-conditions bit set, in longs
   */
  int words();

  /**
   * Sets the bits of the conditions some attributes match.
   *
   * @param attributes a contact's attributes
   * @param matched    the bit set to fill, {@link #words()} long
   */
  void match(Map<String, Object> attributes, long[] matched);

  /**
   * Returns the number of rules: demographic, behavioral, then negative, in table order.
   *
   * @return the number of rules: demographic, behavioral, then negative, in table order
   */
  int ruleCount();

  /**
   * Returns a rule's id.
   *
   * @param rule an index below {@link #ruleCount()}
   * @return its id
   */
  String ruleId(int rule);

  /**
   * Scores a contact, exactly as {@code model().score(contact, asOf)}.
   *
   * @param matched       the contact's matched conditions
   * @param types         events' type ids in the caller's dictionary
   * @param typeMap       the caller's dictionary id to {@link #typeId(String)} (ids beyond
   *                      its length read as -1)
   * @param seconds       events' epoch seconds, in chronological order
   * @param nanos         events' nanoseconds of the second
   * @param values        events' values, NaN for none
   * @param n             the number of events
   * @param skip          an event index to leave out, or -1
   * @param asOf          the instant to score as of
   * @param contributions null, or an array of {@link #ruleCount()} that receives each rule's
   *                      points
   * @return the score
   */
  Score score(long[] matched, int[] types, int[] typeMap, long[] seconds, int[] nanos,
      double[] values, int n, int skip, Instant asOf, double[] contributions);

  /** Holds the factory. */
  final class Registry {
    static final AtomicReference<Function<ScoringModel, CompactModel>> FACTORY =
        new AtomicReference<>();

    private Registry() {}
  }
}
