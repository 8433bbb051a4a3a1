package dev.scoring.core.evaluation;

/**
 * How {@link TableFitter} places a tier threshold, from the fitted table's scores of the
 * training contacts:
 *
 * <ul>
 *   <li>{@link #capacity(String, double) capacity(name, share)}: sales can call the top
 *       {@code share} of contacts. The threshold is the score of the contact at rank
 *       {@code ceil(share * n)} in decreasing order of score, so at least that share reaches
 *       it (more when contacts tie at the threshold);
 *   <li>{@link #conversionRate(String, double) conversionRate(name, rate)}: contacts at or
 *       above the threshold must convert at least at {@code rate}. The threshold is the lowest
 *       training score {@code t} such that the contacts scoring at least {@code t} convert at
 *       {@code rate} or more: the largest tier that meets the target.
 * </ul>
 *
 * <p>All implementations are value-based records: immutable and thread-safe.
 */
public sealed interface TierTarget permits TierTarget.Capacity, TierTarget.ConversionRate {

  /** {@return the tier name} */
  String name();

  /**
   * A tier holding the top {@code share} of the training contacts.
   *
   * @param name  the tier name, non-blank
   * @param share in (0, 1]
   * @return the target
   * @throws IllegalArgumentException if the name is blank or the share out of range
   */
  static TierTarget capacity(String name, double share) {
    return new Capacity(name, share);
  }

  /**
   * The largest tier whose training contacts convert at least at {@code rate}.
   *
   * @param name the tier name, non-blank
   * @param rate in (0, 1]
   * @return the target
   * @throws IllegalArgumentException if the name is blank or the rate out of range
   */
  static TierTarget conversionRate(String name, double rate) {
    return new ConversionRate(name, rate);
  }

  /**
   * The top {@code share} of contacts.
   *
   * @param name  the tier name
   * @param share in (0, 1]
   */
  record Capacity(String name, double share) implements TierTarget {
    /**
     * Validates the values.
     *
     * @param name the tier name
     * @param share in (0, 1]
     * @throws IllegalArgumentException if the name is blank or the share is out of range
     */
    public Capacity {
      checkName(name);
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException(
            "tier '" + name + "' share must be in (0, 1], but was " + share);
      }
    }
  }

  /**
   * A target conversion rate.
   *
   * @param name the tier name
   * @param rate in (0, 1]
   */
  record ConversionRate(String name, double rate) implements TierTarget {
    /**
     * Validates the values.
     *
     * @param name the tier name
     * @param rate in (0, 1]
     * @throws IllegalArgumentException if the name is blank or the rate is out of range
     */
    public ConversionRate {
      checkName(name);
      if (!(rate > 0 && rate <= 1)) {
        throw new IllegalArgumentException(
            "tier '" + name + "' rate must be in (0, 1], but was " + rate);
      }
    }
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("tier name must be a non-blank string, but was "
          + (name == null ? "null" : "\"" + name + "\""));
    }
  }
}
