package dev.scoring.api;

import java.util.List;
import java.util.Objects;

/**
 * Why a contact got its score: one entry per rule that applied, one per cap that cut and
 * one for the clamp to the scale when it cut. The entries' points add up to
 * {@link Score#score()} (to floating-point rounding).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param score   the score being explained
 * @param entries the entries in model order: demographic, behavioral, negative rules, then
 *                caps, then the clamp
 */
public record Explanation(Score score, List<Entry> entries) {

  /**
   * Copies the entries.
   *
   * @param score the score being explained
   * @param entries the entries in model order: demographic, behavioral, negative rules, then caps,
   *     then the clamp
   */
  public Explanation {
    Objects.requireNonNull(score, "score");
    entries = List.copyOf(entries);
  }

  /** {@return the sum of the entries' points, equal to the score up to rounding} */
  public double total() {
    double sum = 0;
    for (Entry e : entries) {
      sum += e.points();
    }
    return sum;
  }

  /**
   * A readable multi-line rendering, for logs and the demo: the score and tier, then one
   * line per entry.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(java.util.Locale.ROOT, "score %.2f (%s), raw %.2f = fit %.2f + engagement %.2f%n",
        score.score(), score.tier(), score.raw(), score.fit(), score.engagement()));
    for (Entry e : entries) {
      out.append(String.format(java.util.Locale.ROOT, "  %+8.2f  %-11s %s%s%n", e.points(),
          e.kind().name().toLowerCase(java.util.Locale.ROOT), e.id(),
          e.occurrences() > 1 ? " x" + e.occurrences() : ""));
    }
    return out.toString();
  }

  /** What an entry stands for. */
  public enum Kind {
    /** A demographic rule whose conditions all matched. */
    DEMOGRAPHIC,
    /** A behavioral rule with at least one counted event. */
    BEHAVIORAL,
    /** A negative rule (attribute, event or inactivity) that applied. */
    NEGATIVE,
    /** A cap that cut the demographic or behavioral sum; points are negative. */
    CAP,
    /** The clamp to the model's scale; points are {@code score - raw}. */
    CLAMP
  }

  /**
   * One line of an explanation.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param kind        what the entry stands for
   * @param id          the rule id; {@code caps.demographic} or {@code caps.behavioral} for
   *                    a cap; {@code scale.min} or {@code scale.max} for the clamp
   * @param occurrences the number of counted events for an event rule, {@code |E|} for an
   *                    aggregate rule (may be 0), 1 otherwise
   * @param points      the points contributed, after decay
   * @param value       the measured value of an aggregate rule (may be {@code +infinity}
   *                    for {@code daysSinceLast}); NaN for every other entry
   */
  public record Entry(Kind kind, String id, int occurrences, double points, double value) {

    /**
     * Validates the components.
     *
     * @param kind what the entry stands for
     * @param id the rule id; {@code caps.demographic} or {@code caps.behavioral} for a cap; {@code
     *     scale.min} or {@code scale.max} for the clamp
     * @param occurrences the number of counted events for an event rule, {@code |E|} for an
     *     aggregate rule (may be 0), 1 otherwise
     * @param points the points contributed, after decay
     * @param value the measured value of an aggregate rule (may be {@code +infinity} for {@code
     *     daysSinceLast}); NaN for every other entry
     * @throws NullPointerException if {@code kind} or {@code id} is null
     */
    public Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
    }

    /**
     * An entry that is not for an aggregate rule: its {@link #value()} is NaN.
     *
     * @param kind        what the entry stands for
     * @param id          the rule, cap or clamp id
     * @param occurrences the number of counted events for an event rule, 1 otherwise
     * @param points      the points contributed, after decay
     * @throws NullPointerException if {@code kind} or {@code id} is null
     */
    public Entry(Kind kind, String id, int occurrences, double points) {
      this(kind, id, occurrences, points, Double.NaN);
    }

    /**
     * Returns whether this entry is for an aggregate rule (its value is not NaN).
     *
     * @return whether {@link #value()} holds an aggregate value
     */
    public boolean isAggregate() {
      return !Double.isNaN(value);
    }
  }
}
