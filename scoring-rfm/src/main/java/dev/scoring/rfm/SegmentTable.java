package dev.scoring.rfm;

import dev.scoring.api.ModelException;
import dev.scoring.api.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered table of {@link Segment}s: a customer takes the <em>first</em> segment whose
 * three inclusive ranges all match its R, F and M scores, and the table's
 * {@linkplain #otherName() other name} ({@code "Others"} by default) when none does.
 *
 * <pre>{@code
 * SegmentTable table = SegmentTable.builder()
 *     .segment("Best", 4, 5, 4, 5, 4, 5)
 *     .segment("Sleeping", 1, 2, 1, 5, 1, 5)
 *     .otherName("Rest")
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SegmentTable {
  private static final SegmentTable R_PACKAGE = builder()
      .segment("Champions", 5, 5, 5, 5, 5, 5)
      .segment("Potential Loyalist", 3, 5, 3, 5, 2, 5)
      .segment("Loyal Customers", 2, 4, 2, 4, 2, 4)
      .segment("Promising", 3, 4, 1, 3, 3, 5)
      .segment("New Customers", 4, 5, 1, 3, 1, 5)
      .segment("Can't Lose Them", 1, 2, 3, 4, 4, 5)
      .segment("At Risk", 1, 2, 2, 5, 4, 5)
      .segment("Need Attention", 1, 3, 3, 5, 3, 5)
      .segment("About To Sleep", 2, 3, 1, 3, 1, 4)
      .segment("Lost", 1, 1, 1, 5, 1, 5)
      .build();

  private final List<Segment> segments;
  private final String otherName;
  private final int maxBound;

  private SegmentTable(List<Segment> segments, String otherName) {
    this.segments = List.copyOf(segments);
    this.otherName = otherName;
    int max = 1;
    for (Segment s : segments) {
      max = Math.max(max, s.maxBound());
    }
    this.maxBound = max;
  }

  /**
   * The segments documented by the R {@code rfm} package (README, vignette and
   * {@code rfm_segment} examples), for 5 bins, in this order: Champions 5-5/5-5/5-5,
   * Potential Loyalist 3-5/3-5/2-5, Loyal Customers 2-4/2-4/2-4, Promising 3-4/1-3/3-5,
   * New Customers 4-5/1-3/1-5, Can't Lose Them 1-2/3-4/4-5, At Risk 1-2/2-5/4-5, Need
   * Attention 1-3/3-5/3-5, About To Sleep 2-3/1-3/1-4, Lost 1-1/1-5/1-5 (R/F/M), else
   * "Others". This is {@link Rfm}'s default table.
   *
   * @return the R package's table
   */
  public static SegmentTable rPackage() {
    return R_PACKAGE;
  }

  /**
   * Starts an empty table.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the segments in matching order, unmodifiable.
   *
   * @return the segments in matching order, unmodifiable
   */
  public List<Segment> segments() {
    return segments;
  }

  /**
   * Returns the name given to a customer that no segment matches.
   *
   * @return the name given to a customer that no segment matches
   */
  public String otherName() {
    return otherName;
  }

  /**
   * Returns the segment names in table order followed by the other name.
   *
   * @return the names, unmodifiable
   */
  public List<String> names() {
    List<String> names = new ArrayList<>(segments.size() + 1);
    for (Segment s : segments) {
      names.add(s.name());
    }
    names.add(otherName);
    return List.copyOf(names);
  }

  /**
   * Returns the name of the first segment matching the scores, or the other name.
   *
   * @param r the R score
   * @param f the F score
   * @param m the M score
   * @return the segment name, never null
   */
  public String segmentOf(int r, int f, int m) {
    for (Segment s : segments) {
      if (s.matches(r, f, m)) {
        return s.name();
      }
    }
    return otherName;
  }

  int maxBound() {
    return maxBound;
  }

  /**
   * Returns a builder holding this table's segments and other name.
   *
   * @return a builder holding this table's segments and other name
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.segments.addAll(segments);
    b.otherName = otherName;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmentTable t && segments.equals(t.segments)
        && otherName.equals(t.otherName);
  }

  @Override
  public int hashCode() {
    return segments.hashCode() * 31 + otherName.hashCode();
  }

  @Override
  public String toString() {
    return "SegmentTable" + segments + " else " + otherName;
  }

  /**
   * A mutable builder of {@link SegmentTable}s. Not thread-safe; {@link #build()} may be
   * called more than once.
   */
  public static final class Builder {
    private final List<Segment> segments = new ArrayList<>();
    private String otherName = "Others";

    private Builder() {}

    /**
     * Appends a segment; it matches after every segment added before it.
     *
     * @param name         a non-blank name, not used before in this table
     * @param recencyMin   the lowest R score
     * @param recencyMax   the highest R score
     * @param frequencyMin the lowest F score
     * @param frequencyMax the highest F score
     * @param monetaryMin  the lowest M score
     * @param monetaryMax  the highest M score
     * @return this builder
     * @throws ModelException if a bound is outside 1..9 or a range is empty
     * @throws IllegalStateException if the name is already in the table
     */
    public Builder segment(String name, int recencyMin, int recencyMax, int frequencyMin,
        int frequencyMax, int monetaryMin, int monetaryMax) {
      return segment(new Segment(name, recencyMin, recencyMax, frequencyMin, frequencyMax,
          monetaryMin, monetaryMax));
    }

    /**
     * Appends a segment; it matches after every segment added before it.
     *
     * @param segment the segment, whose name is not used before in this table
     * @return this builder
     * @throws IllegalStateException if the name is already in the table
     */
    public Builder segment(Segment segment) {
      for (Segment s : segments) {
        if (s.name().equals(segment.name())) {
          throw new IllegalStateException("segment name must be unique, but was \""
              + segment.name() + "\" twice");
        }
      }
      segments.add(segment);
      return this;
    }

    /**
     * Sets the name for customers that no segment matches (default {@code "Others"}).
     *
     * @param name a non-blank name
     * @return this builder
     * @throws ModelException if the name is blank
     */
    public Builder otherName(String name) {
      if (name == null || name.isBlank()) {
        throw new ModelException("otherName",
            "otherName must be a non-blank string, but was " + Values.describe(name));
      }
      this.otherName = name;
      return this;
    }

    /**
     * Returns the immutable table.
     *
     * @return the table
     * @throws IllegalStateException if a segment has the other name
     */
    public SegmentTable build() {
      for (Segment s : segments) {
        if (s.name().equals(otherName)) {
          throw new IllegalStateException("segment name must differ from otherName, but was \""
              + otherName + "\"");
        }
      }
      return new SegmentTable(segments, otherName);
    }
  }
}
