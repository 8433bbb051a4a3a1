package dev.scoring.core.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which attributes and event types {@link Insight} ranks and {@link TableFitter} fits, and
 * how each is cut into bins.
 *
 * <pre>{@code
 * FeatureSpec spec = FeatureSpec.builder()
 *     .categorical("Lead Origin")              // one bin per level seen in >= minCount contacts
 *     .numeric("Total Time Spent on Website", 10) // ten quantile bins
 *     .numeric("age", 25, 35, 45)             // fixed cut points
 *     .events("website_visit", 1, 3, 5, 10)   // counts, with kinks after 1, 3, 5 and 10 events
 *     .eventsWithin("Email Opened", 30, 1)    // within 30 days, first event only
 *     .minCount(20)
 *     .build();
 * }</pre>
 *
 * <p>Bins, learned from the training contacts (see {@link #minCount()}):
 * <ul>
 *   <li>{@link Categorical}: one bin per level (strings grouped ignoring case unless
 *       {@code ignoreCase} is false; numbers and booleans by value) held by at least
 *       {@code minCount} contacts, a bin {@code missing} (attribute absent or blank) and a bin
 *       {@code other} (any other value, including levels first seen after fitting);
 *   <li>{@link Numeric}: cut points {@code e1 < ... < ek} give the bins {@code < e1},
 *       {@code [e1, e2)}, ..., {@code >= ek}, plus {@code missing} and {@code other} (a
 *       present value that is not a number). Quantile cut points are the type-7 quantiles at
 *       {@code j / bins} of the numeric values, deduplicated, keeping only those above the
 *       smallest value;
 *   <li>{@link Events}: the number {@code c} of events of the type that are not in the
 *       future and (when {@code withinDays} is set) younger than {@code withinDays} whole
 *       days, exactly as a behavioral rule counts them. Knots {@code m1 < ... < mk} give
 *       the insight bins {@code 0}, {@code 1..m1}, {@code m1+1..m2}, ..., {@code > mk}, and
 *       the regression the piecewise-linear terms {@code min(c, mj)} (see
 *       {@link TableFitter}).
 * </ul>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class FeatureSpec {
  /** The default {@link #minCount()}. */
  public static final int DEFAULT_MIN_COUNT = 20;

  private final List<Feature> features;
  private final int minCount;

  private FeatureSpec(Builder b) {
    this.features = List.copyOf(b.features);
    this.minCount = b.minCount;
  }

  /**
   * Starts an empty specification with {@code minCount} {@value #DEFAULT_MIN_COUNT}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the features in the order they were added} */
  public List<Feature> features() {
    return features;
  }

  /**
   * {@return the fewest training contacts a categorical level needs for a bin of its own;
   * rarer levels fall into the {@code other} bin}
   */
  public int minCount() {
    return minCount;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureSpec s && features.equals(s.features) && minCount == s.minCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(features, minCount);
  }

  @Override
  public String toString() {
    return "FeatureSpec{features=" + features + ", minCount=" + minCount + "}";
  }

  /** One feature: an attribute or an event type, with how to bin it. */
  public sealed interface Feature permits Categorical, Numeric, Events {
    /** {@return the attribute name or the event type} */
    String name();
  }

  /**
   * A categorical attribute.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param name       the attribute name, non-blank
   * @param ignoreCase whether string levels that differ only in case form one bin
   */
  public record Categorical(String name, boolean ignoreCase) implements Feature {
    /**
     * Validates the name.
     *
     * @param name the attribute name, non-blank
     * @param ignoreCase whether string levels that differ only in case form one bin
     * @throws IllegalArgumentException if the name is blank
     */
    public Categorical {
      nonBlank("attribute", name);
    }
  }

  /**
   * A numeric attribute cut into bins.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param name      the attribute name, non-blank
   * @param quantiles the number of quantile bins (at least 2), or 0 when {@code cuts} is set
   * @param cuts      fixed cut points, strictly increasing and finite, or empty for quantiles
   */
  public record Numeric(String name, int quantiles, List<Double> cuts) implements Feature {
    /**
     * Validates the binning.
     *
     * @param name the attribute name, non-blank
     * @param quantiles the number of quantile bins (at least 2), or 0 when {@code cuts} is set
     * @param cuts fixed cut points, strictly increasing and finite, or empty for quantiles
     * @throws IllegalArgumentException if the name is blank, neither or both of
     *     {@code quantiles} and {@code cuts} are set, or the cuts are not finite and strictly
     *     increasing
     */
    public Numeric {
      nonBlank("attribute", name);
      cuts = List.copyOf(cuts);
      if (cuts.isEmpty() ? quantiles < 2 : quantiles != 0) {
        throw new IllegalArgumentException("numeric '" + name + "' quantiles must be at least 2 "
            + "without cuts or 0 with cuts, but was " + quantiles + " with cuts " + cuts);
      }
      for (int i = 0; i < cuts.size(); i++) {
        double c = cuts.get(i);
        if (!Double.isFinite(c) || (i > 0 && !(c > cuts.get(i - 1)))) {
          throw new IllegalArgumentException("numeric '" + name + "' cuts[" + i
              + "] must be finite and greater than the previous cut, but was " + c);
        }
      }
    }
  }

  /**
   * Counts of one event type.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param name       the event type, non-blank
   * @param withinDays counts only events younger than this many whole days (at least 1), or
   *                   empty for all
   * @param knots      the knots, strictly increasing, at least 1, not empty
   */
  public record Events(String name, OptionalInt withinDays, List<Integer> knots)
      implements Feature {
    /**
     * Validates the window and knots.
     *
     * @param name the event type, non-blank
     * @param withinDays counts only events younger than this many whole days (at least 1), or
     *     empty for all
     * @param knots the knots, strictly increasing, at least 1, not empty
     * @throws IllegalArgumentException if the type is blank, {@code withinDays < 1} or the
     *     knots are empty, below 1 or not strictly increasing
     */
    public Events {
      nonBlank("event", name);
      Objects.requireNonNull(withinDays, "withinDays");
      if (withinDays.isPresent() && withinDays.getAsInt() < 1) {
        throw new IllegalArgumentException("events '" + name
            + "' withinDays must be at least 1, but was " + withinDays.getAsInt());
      }
      knots = List.copyOf(knots);
      if (knots.isEmpty()) {
        throw new IllegalArgumentException(
            "events '" + name + "' knots must not be empty, but was []");
      }
      for (int i = 0; i < knots.size(); i++) {
        int k = knots.get(i);
        if (k < 1 || (i > 0 && k <= knots.get(i - 1))) {
          throw new IllegalArgumentException("events '" + name + "' knots[" + i
              + "] must be at least 1 and greater than the previous knot, but was " + k);
        }
      }
    }
  }

  private static void nonBlank(String what, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(what + " must be a non-blank string, but was "
          + (name == null ? "null" : "\"" + name + "\""));
    }
  }

  /** A mutable builder of {@link FeatureSpec}s; not thread-safe, reusable. */
  public static final class Builder {
    private final List<Feature> features = new ArrayList<>();
    private final Set<String> attributes = new HashSet<>();
    private final Set<String> events = new HashSet<>();
    private int minCount = DEFAULT_MIN_COUNT;

    private Builder() {}

    /**
     * Adds a categorical attribute whose string levels are grouped ignoring case.
     *
     * @param attribute the attribute name
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException    if the attribute is already a feature
     */
    public Builder categorical(String attribute) {
      return add(new Categorical(attribute, true));
    }

    /**
     * Adds a categorical attribute.
     *
     * @param attribute  the attribute name
     * @param ignoreCase whether string levels that differ only in case form one bin
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException    if the attribute is already a feature
     */
    public Builder categorical(String attribute, boolean ignoreCase) {
      return add(new Categorical(attribute, ignoreCase));
    }

    /**
     * Adds a numeric attribute cut at its training quantiles.
     *
     * @param attribute the attribute name
     * @param quantiles the number of bins, at least 2
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or {@code quantiles < 2}
     * @throws IllegalStateException    if the attribute is already a feature
     */
    public Builder numeric(String attribute, int quantiles) {
      return add(new Numeric(attribute, quantiles, List.of()));
    }

    /**
     * Adds a numeric attribute cut at fixed points.
     *
     * @param attribute the attribute name
     * @param cuts      one or more cut points, finite and strictly increasing
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or the cuts are invalid
     * @throws IllegalStateException    if the attribute is already a feature
     */
    public Builder numeric(String attribute, double... cuts) {
      List<Double> list = new ArrayList<>();
      for (double c : cuts) {
        list.add(c);
      }
      if (list.isEmpty()) {
        throw new IllegalArgumentException(
            "numeric '" + attribute + "' cuts must not be empty, but was []");
      }
      return add(new Numeric(attribute, 0, list));
    }

    /**
     * Adds the count of an event type over the whole history.
     *
     * @param type  the event type
     * @param knots one or more knots, at least 1 and strictly increasing
     * @return this builder
     * @throws IllegalArgumentException if the type is blank or the knots are invalid
     * @throws IllegalStateException    if the event type is already a feature
     */
    public Builder events(String type, int... knots) {
      return add(new Events(type, OptionalInt.empty(), list(knots)));
    }

    /**
     * Adds the count of an event type within a window.
     *
     * @param type       the event type
     * @param withinDays counts only events younger than this many whole days, at least 1
     * @param knots      one or more knots, at least 1 and strictly increasing
     * @return this builder
     * @throws IllegalArgumentException if the type is blank, the window is below 1 or the
     *     knots are invalid
     * @throws IllegalStateException    if the event type is already a feature
     */
    public Builder eventsWithin(String type, int withinDays, int... knots) {
      return add(new Events(type, OptionalInt.of(withinDays), list(knots)));
    }

    /**
     * Sets the fewest training contacts a categorical level needs for a bin of its own
     * (default {@value FeatureSpec#DEFAULT_MIN_COUNT}).
     *
     * @param count at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public Builder minCount(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("minCount must be at least 1, but was " + count);
      }
      this.minCount = count;
      return this;
    }

    /**
     * Returns the specification.
     *
     * @return a new immutable specification
     * @throws IllegalStateException if there is no feature
     */
    public FeatureSpec build() {
      if (features.isEmpty()) {
        throw new IllegalStateException("features must not be empty, but was []");
      }
      return new FeatureSpec(this);
    }

    private Builder add(Feature f) {
      Set<String> names = f instanceof Events ? events : attributes;
      if (!names.add(f.name())) {
        throw new IllegalStateException((f instanceof Events ? "event type" : "attribute")
            + " must appear once in a feature spec, but \"" + f.name() + "\" was added twice");
      }
      features.add(f);
      return this;
    }

    private static List<Integer> list(int[] knots) {
      List<Integer> list = new ArrayList<>();
      for (int k : knots) {
        list.add(k);
      }
      return list;
    }
  }
}
