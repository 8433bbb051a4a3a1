package dev.scoring.core.live;

import dev.scoring.api.Score;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which contacts entered or left each tier between two scorings of a population: the
 * weekly "who crossed the threshold" report, or the effect of a new model version.
 *
 * <pre>{@code
 * TierReport report = TierReport.between(lastWeek, thisWeek);
 * List<String> newSql = report.entered("SQL");
 * List<String> lostMql = report.left("MQL");
 * }</pre>
 *
 * <p>A contact only in the previous scores left its tier; one only in the current scores
 * entered its tier; a contact whose tier name is the same in both does not appear. Ids
 * are listed in their natural (string) order, so a report never depends on map order.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TierReport {
  private final List<Move> moves;
  private final Map<String, List<String>> entered;
  private final Map<String, List<String>> left;

  private TierReport(List<Move> moves) {
    this.moves = List.copyOf(moves);
    Map<String, List<String>> in = new TreeMap<>();
    Map<String, List<String>> out = new TreeMap<>();
    for (Move m : moves) {
      m.currentTier().ifPresent(t -> in.computeIfAbsent(t, k -> new ArrayList<>())
          .add(m.contactId()));
      m.previousTier().ifPresent(t -> out.computeIfAbsent(t, k -> new ArrayList<>())
          .add(m.contactId()));
    }
    in.replaceAll((k, v) -> List.copyOf(v));
    out.replaceAll((k, v) -> List.copyOf(v));
    this.entered = Collections.unmodifiableMap(in);
    this.left = Collections.unmodifiableMap(out);
  }

  /**
   * Compares two scorings of a population.
   *
   * @param previous contact id to its previous score
   * @param current  contact id to its new score
   * @return the report
   * @throws NullPointerException if a map, a key or a value is null
   */
  public static TierReport between(Map<String, Score> previous, Map<String, Score> current) {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    TreeSet<String> ids = new TreeSet<>(previous.keySet()); // throws on a null key
    ids.addAll(current.keySet());
    List<Move> moves = new ArrayList<>();
    for (String id : ids) {
      Optional<Score> before = Optional.ofNullable(score(previous, id, "previous"));
      Optional<Score> after = Optional.ofNullable(score(current, id, "current"));
      if (!before.map(Score::tier).equals(after.map(Score::tier))) {
        moves.add(new Move(id, before, after));
      }
    }
    return new TierReport(moves);
  }

  private static Score score(Map<String, Score> scores, String id, String name) {
    Score s = scores.get(id);
    if (s == null && scores.containsKey(id)) {
      throw new NullPointerException(name + " score of '" + id + "' must not be null");
    }
    return s;
  }

  /**
   * Returns the contacts whose tier changed, in order of id.
   *
   * @return the contacts whose tier changed, in order of id
   */
  public List<Move> moves() {
    return moves;
  }

  /**
   * Returns the ids of the contacts that entered a tier, in order.
   *
   * @param tier a tier name
   * @return the ids, empty when none entered it
   */
  public List<String> entered(String tier) {
    return entered.getOrDefault(tier, List.of());
  }

  /**
   * Returns the ids of the contacts that left a tier, in order.
   *
   * @param tier a tier name
   * @return the ids, empty when none left it
   */
  public List<String> left(String tier) {
    return left.getOrDefault(tier, List.of());
  }

  /**
   * Returns, per tier name in order, the ids of the contacts that entered it.
   *
   * @return per tier name in order, the ids of the contacts that entered it
   */
  public Map<String, List<String>> entered() {
    return entered;
  }

  /**
   * Returns, per tier name in order, the ids of the contacts that left it.
   *
   * @return per tier name in order, the ids of the contacts that left it
   */
  public Map<String, List<String>> left() {
    return left;
  }

  /**
   * Returns true when no contact changed tier.
   *
   * @return true when no contact changed tier
   */
  public boolean isEmpty() {
    return moves.isEmpty();
  }

  /** One line per tier: {@code SQL +3 -1}, for logs. */
  @Override
  public String toString() {
    TreeSet<String> tiers = new TreeSet<>(entered.keySet());
    tiers.addAll(left.keySet());
    StringBuilder out = new StringBuilder("TierReport{");
    String sep = "";
    for (String t : tiers) {
      out.append(sep).append(t).append(" +").append(entered(t).size())
          .append(" -").append(left(t).size());
      sep = ", ";
    }
    return out.append('}').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TierReport r && moves.equals(r.moves);
  }

  @Override
  public int hashCode() {
    return moves.hashCode();
  }

  /**
   * One contact whose tier changed.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param contactId the contact's id
   * @param previous  its previous score, empty when it was not in the previous scores
   * @param current   its new score, empty when it is not in the new scores
   */
  public record Move(String contactId, Optional<Score> previous, Optional<Score> current) {

    /**
     * Validates the components.
     *
     * @param contactId the {@code contactId} component
     * @param previous the {@code previous} component
     * @param current the {@code current} component
     * @throws NullPointerException if a component is null
     */
    public Move {
      Objects.requireNonNull(contactId, "contactId");
      Objects.requireNonNull(previous, "previous");
      Objects.requireNonNull(current, "current");
    }

    /**
     * Returns the previous tier, empty when the contact was not in the previous scores.
     *
     * @return the previous tier, empty when the contact was not in the previous scores
     */
    public Optional<String> previousTier() {
      return previous.map(Score::tier);
    }

    /**
     * Returns the new tier, empty when the contact is not in the new scores.
     *
     * @return the new tier, empty when the contact is not in the new scores
     */
    public Optional<String> currentTier() {
      return current.map(Score::tier);
    }
  }
}
