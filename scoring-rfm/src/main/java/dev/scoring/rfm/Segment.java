package dev.scoring.rfm;

import dev.scoring.api.ModelException;
import dev.scoring.api.Values;

/**
 * One row of a {@link SegmentTable}: a name and inclusive ranges of the R, F and M scores.
 * A customer is in the segment when {@code recencyMin <= R <= recencyMax},
 * {@code frequencyMin <= F <= frequencyMax} and {@code monetaryMin <= M <= monetaryMax}.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param name         the segment name, non-blank
 * @param recencyMin   the lowest R score, 1..9
 * @param recencyMax   the highest R score, recencyMin..9
 * @param frequencyMin the lowest F score, 1..9
 * @param frequencyMax the highest F score, frequencyMin..9
 * @param monetaryMin  the lowest M score, 1..9
 * @param monetaryMax  the highest M score, monetaryMin..9
 */
public record Segment(String name, int recencyMin, int recencyMax, int frequencyMin,
    int frequencyMax, int monetaryMin, int monetaryMax) {

  /**
   * Validates the components.
   *
   * @param name the segment name, non-blank
   * @param recencyMin the lowest R score, 1..9
   * @param recencyMax the highest R score, recencyMin..9
   * @param frequencyMin the lowest F score, 1..9
   * @param frequencyMax the highest F score, frequencyMin..9
   * @param monetaryMin the lowest M score, 1..9
   * @param monetaryMax the highest M score, monetaryMin..9
   * @throws ModelException if the name is blank, a bound is outside 1..9 or a range is empty
   */
  public Segment {
    if (name == null || name.isBlank()) {
      throw new ModelException("segment.name",
          "segment name must be a non-blank string, but was " + Values.describe(name));
    }
    range(name, "recency", recencyMin, recencyMax);
    range(name, "frequency", frequencyMin, frequencyMax);
    range(name, "monetary", monetaryMin, monetaryMax);
  }

  private static void range(String name, String measure, int min, int max) {
    String where = "segment '" + name + "' " + measure;
    if (min < 1 || min > Rfm.MAX_BINS) {
      throw new ModelException(where, where + " lower bound must be in 1.." + Rfm.MAX_BINS
          + ", but was " + min);
    }
    if (max < min || max > Rfm.MAX_BINS) {
      throw new ModelException(where, where + " upper bound must be in " + min + ".."
          + Rfm.MAX_BINS + ", but was " + max);
    }
  }

  /**
   * Tells whether scores fall in all three ranges.
   *
   * @param r the R score
   * @param f the F score
   * @param m the M score
   * @return true when every score is inside its inclusive range
   */
  public boolean matches(int r, int f, int m) {
    return r >= recencyMin && r <= recencyMax && f >= frequencyMin && f <= frequencyMax
        && m >= monetaryMin && m <= monetaryMax;
  }

  /** The largest bound, which must not exceed the number of bins. */
  int maxBound() {
    return Math.max(recencyMax, Math.max(frequencyMax, monetaryMax));
  }

  @Override
  public String toString() {
    return name + " R " + recencyMin + "-" + recencyMax + " F " + frequencyMin + "-"
        + frequencyMax + " M " + monetaryMin + "-" + monetaryMax;
  }
}
