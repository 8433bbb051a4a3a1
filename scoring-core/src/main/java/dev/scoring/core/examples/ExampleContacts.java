package dev.scoring.core.examples;

import dev.scoring.api.Contact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated contacts for the {@link ExampleModels#seed() seed table}, for benchmarks, demos
 * and tests: reproducible from a seed, with realistic attributes and about ten events each
 * over the year before an instant.
 *
 * <p>Each contact ({@code id} {@code "c-<n>"}) has, most of the time: {@code age} (18 to 70,
 * a whole number, now and then as a string as CSV imports give), {@code near_office}
 * (boolean), {@code sector} and {@code gender} (in mixed case, as typed by people),
 * {@code country} and {@code job_title}; and 5 to 15 events (by default) of the seed's types plus
 * {@code page_view} (unscored, with a value: seconds on the page). One contact in six is hot
 * (events in the last three weeks), one in three warm (last four months), the others spread
 * over the year; about one event in two hundred is slightly in the future (clock skew).
 *
 * <p>An instance is a sequence: not thread-safe. The same seed and instant give the same
 * contacts.
 */
public final class ExampleContacts {
  private static final String[] SECTORS = {
    "Technology", "technology", "Health", "finance", "Finance", "Education", "Retail",
    "Manufacturing", "Government", "Media"
  };
  private static final String[] GENDERS = {"female", "Female", "male", "Male", "non-binary"};
  private static final String[] COUNTRIES = {"FR", "DE", "US", "GB", "ES", "IT", "NL", "CA"};
  private static final String[] TITLES = {
    "engineer", "manager", "student", "director", "analyst", "executive", "consultant"
  };
  /** Event types and their weights (per thousand). */
  private static final String[] TYPES = {
    "email_open", "blog_visit", "page_view", "pricing_page_visit", "white_paper_download",
    "newsletter_subscription", "contact_form", "webinar", "case_study_download",
    "chatbot_interaction", "demo_request", "unsubscribe", "hard_bounce"
  };
  private static final int[] WEIGHTS = {250, 150, 200, 80, 50, 30, 30, 40, 40, 50, 20, 5, 5};
  private static final long DAY = 86_400L;

  private final SplittableRandom random;
  private final long asOfSecond;
  private final int minEvents;
  private final int maxEvents;
  private int next;

  /**
   * Starts a sequence.
   *
   * @param seed the random seed
   * @param asOf the instant events are generated before (mostly)
   */
  public ExampleContacts(long seed, Instant asOf) {
    this(seed, asOf, 5, 15);
  }

  /**
   * Starts a sequence whose contacts have {@code minEvents} to {@code maxEvents} events.
   *
   * @param seed      the random seed
   * @param asOf      the instant events are generated before (mostly)
   * @param minEvents at least 0
   * @param maxEvents at least {@code minEvents}
   * @throws IllegalArgumentException if the bounds are out of range
   */
  public ExampleContacts(long seed, Instant asOf, int minEvents, int maxEvents) {
    if (minEvents < 0 || maxEvents < minEvents) {
      throw new IllegalArgumentException("events must be 0 <= minEvents <= maxEvents, but were "
          + minEvents + " and " + maxEvents);
    }
    this.random = new SplittableRandom(seed);
    this.asOfSecond = asOf.getEpochSecond();
    this.minEvents = minEvents;
    this.maxEvents = maxEvents;
  }

  /**
   * Generates {@code n} contacts.
   *
   * @param n    at least 0
   * @param seed the random seed
   * @param asOf the instant events are generated before (mostly)
   * @return a new list
   */
  public static List<Contact> generate(int n, long seed, Instant asOf) {
    ExampleContacts g = new ExampleContacts(seed, asOf);
    List<Contact> contacts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      contacts.add(g.next());
    }
    return contacts;
  }

  /**
   * Returns the next contact of the sequence.
   *
   * @return the next contact of the sequence
   */
  public Contact next() {
    SplittableRandom r = random;
    Contact.Builder b = Contact.builder("c-" + next++);
    if (r.nextInt(100) < 88) {
      long age = 18 + r.nextInt(53);
      b.attribute("age", r.nextInt(100) < 3 ? (Object) Long.toString(age) : (Object) age);
    }
    if (r.nextInt(100) < 70) {
      b.attribute("near_office", r.nextInt(100) < 35);
    }
    if (r.nextInt(100) < 90) {
      b.attribute("sector", SECTORS[r.nextInt(SECTORS.length)]);
    }
    if (r.nextInt(100) < 80) {
      b.attribute("gender", GENDERS[r.nextInt(GENDERS.length)]);
    }
    b.attribute("country", COUNTRIES[r.nextInt(COUNTRIES.length)]);
    if (r.nextInt(100) < 75) {
      b.attribute("job_title", TITLES[r.nextInt(TITLES.length)]);
    }
    int kind = r.nextInt(6);
    long spanDays = kind == 0 ? 21 : kind <= 2 ? 120 : 365;
    int events = minEvents + r.nextInt(maxEvents - minEvents + 1);
    for (int e = 0; e < events; e++) {
      String type = type(r.nextInt(1000));
      long ago = r.nextInt(200) == 0 ? -r.nextLong(DAY) : r.nextLong(spanDays * DAY);
      Instant at = Instant.ofEpochSecond(asOfSecond - ago);
      if (type.equals("page_view")) {
        b.event(type, at, 5 + r.nextInt(596));
      } else {
        b.event(type, at);
      }
    }
    return b.build();
  }

  private static String type(int draw) {
    int acc = 0;
    for (int t = 0; t < TYPES.length; t++) {
      acc += WEIGHTS[t];
      if (draw < acc) {
        return TYPES[t];
      }
    }
    return TYPES[2];
  }
}
