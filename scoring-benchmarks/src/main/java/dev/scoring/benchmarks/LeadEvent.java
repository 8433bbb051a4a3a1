package dev.scoring.benchmarks;

/**
 * One non-future event as a Drools fact: its type, its age in days, its decay factor and
 * whether a behavioral rule scores its type. Immutable.
 */
public final class LeadEvent {
  private final String type;
  private final long days;
  private final double factor;
  private final boolean activity;

  /**
   * Creates the fact.
   *
   * @param type the event type
   * @param days the age in days, at least 0
   */
  public LeadEvent(String type, long days) {
    this.type = type;
    this.days = days;
    this.factor = HandWrittenSeed.decay(days);
    this.activity = HandWrittenSeed.typeCode(type) < HandWrittenSeed.UNSUBSCRIBE;
  }

  /** Returns the event type. */
  public String getType() {
    return type;
  }

  /** Returns the age in days. */
  public long getDays() {
    return days;
  }

  /** Returns the decay factor of the age. */
  public double getFactor() {
    return factor;
  }

  /** Returns whether a behavioral rule scores this type. */
  public boolean isActivity() {
    return activity;
  }
}
