package dev.scoring.benchmarks;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import java.time.Instant;
import java.util.List;

/**
 * A contact as a rule-engine fact for the peers (Easy Rules, Drools): its seed attributes,
 * its non-future events with their ages in days, and the point sums the rules add to. One
 * per contact and evaluation; not thread-safe.
 */
public final class Lead {
  private final double age;
  private final boolean nearOffice;
  private final String sector;
  private final String gender;
  private final String[] types;
  private final long[] days;
  private double fit;
  private double behavioral;
  private double negative;

  /**
   * Reads a contact as of an instant; future events are left out.
   *
   * @param c    the contact
   * @param asOf the instant
   */
  public Lead(Contact c, Instant asOf) {
    age = HandWrittenSeed.numeric(c.attribute("age"));
    nearOffice = HandWrittenSeed.isTrue(c.attribute("near_office"));
    sector = c.attribute("sector") instanceof String s ? s : null;
    gender = c.attribute("gender") instanceof String s ? s : null;
    List<Event> events = c.events();
    types = new String[events.size()];
    days = new long[events.size()];
    long asOfSecond = asOf.getEpochSecond();
    int asOfNano = asOf.getNano();
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      long seconds = asOfSecond - e.at().getEpochSecond() - (asOfNano < e.at().getNano() ? 1 : 0);
      types[i] = e.type();
      days[i] = Math.floorDiv(seconds, HandWrittenSeed.DAY);
    }
  }

  /** Returns the age, NaN when absent or not a number. */
  public double getAge() {
    return age;
  }

  /** Returns whether {@code near_office} is true. */
  public boolean isNearOffice() {
    return nearOffice;
  }

  /** Returns the sector, or null. */
  public String getSector() {
    return sector;
  }

  /** Returns the gender, or null. */
  public String getGender() {
    return gender;
  }

  /** Returns the number of events. */
  public int eventCount() {
    return types.length;
  }

  /** Returns the type of event {@code i}. */
  public String type(int i) {
    return types[i];
  }

  /** Returns the age in days of event {@code i}, negative when in the future. */
  public long days(int i) {
    return days[i];
  }

  /**
   * Returns the sum of decay factors of the non-future events of a type.
   *
   * @param type the event type
   * @return the sum
   */
  public double decayed(String type) {
    double sum = 0;
    for (int i = types.length - 1; i >= 0; i--) {
      if (days[i] >= 0 && types[i].equals(type)) {
        sum += HandWrittenSeed.decay(days[i]);
      }
    }
    return sum;
  }

  /**
   * Returns the number of non-future events of a type.
   *
   * @param type the event type
   * @return the count
   */
  public int count(String type) {
    int n = 0;
    for (int i = 0; i < types.length; i++) {
      if (days[i] >= 0 && types[i].equals(type)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Returns whether a non-future behavioral event is younger than {@code days} days.
   *
   * @param within the number of days
   * @return whether the lead was active within them
   */
  public boolean activeWithin(long within) {
    for (int i = 0; i < types.length; i++) {
      if (days[i] >= 0 && days[i] < within
          && HandWrittenSeed.typeCode(types[i]) < HandWrittenSeed.UNSUBSCRIBE) {
        return true;
      }
    }
    return false;
  }

  /** Adds demographic points. */
  public void addFit(double points) {
    fit += points;
  }

  /** Adds behavioral points. */
  public void addBehavioral(double points) {
    behavioral += points;
  }

  /** Adds negative points. */
  public void addNegative(double points) {
    negative += points;
  }

  /** Returns the score on 0..100 from the points added. */
  public double score() {
    return HandWrittenSeed.clamp(fit + behavioral + negative);
  }
}
