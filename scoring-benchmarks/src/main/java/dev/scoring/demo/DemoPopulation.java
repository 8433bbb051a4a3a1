package dev.scoring.demo;

import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.api.Contact;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Generates realistic-looking B2B leads for the seed table: ages, sectors, genders, office
 * proximity, and about ten events each over the past year (rare unsubscribes and bounces).
 * Deterministic for a seed: contact {@code i} is always the same.
 *
 * <p>Unlike {@link dev.scoring.core.examples.ExampleContacts} (the benchmarks' population, uniform over
 * the year, where almost nobody reaches MQL), a third of these contacts are active in the last
 * 30 days, so the demo's tiers and top contacts have something to show.
 */
public final class DemoPopulation {
  private static final String[] SECTORS = {
    "technology", "Technology", "health", "finance", "education", "retail", "manufacturing"
  };
  private static final String[] GENDERS = {"female", "male", "Female", "MALE"};
  private static final String[] EVENTS = {
    "email_open", "email_open", "email_open", "blog_visit", "blog_visit", "pricing_page_visit",
    "newsletter_subscription", "webinar", "white_paper_download", "case_study_download",
    "chatbot_interaction", "contact_form", "demo_request", "page_view", "page_view"
  };

  private final long seed;
  private final Instant now;

  /**
   * A population.
   *
   * @param seed the random seed
   * @param now  the instant events are generated before
   */
  public DemoPopulation(long seed, Instant now) {
    this.seed = seed;
    this.now = now;
  }

  /**
   * Returns contact number {@code i}.
   *
   * @param i the index, at least 0
   * @return the contact, id {@code c-<i>}
   */
  public Contact contact(long i) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    Contact.Builder b = Contact.builder("c-" + i);
    if (r.nextInt(10) > 0) {
      b.attribute("age", 18 + r.nextInt(52));
    }
    b.attribute("near_office", r.nextInt(4) == 0);
    if (r.nextInt(8) > 0) {
      b.attribute("sector", SECTORS[r.nextInt(SECTORS.length)]);
    }
    if (r.nextInt(5) > 0) {
      b.attribute("gender", GENDERS[r.nextInt(GENDERS.length)]);
    }
    int events = r.nextInt(21); // 0..20, about ten on average
    // engaged contacts are active recently, others fade out
    int horizonDays = r.nextInt(3) == 0 ? 30 : 365;
    for (int k = 0; k < events; k++) {
      long secondsAgo = (long) (r.nextDouble() * horizonDays * 86_400L);
      b.event(EVENTS[r.nextInt(EVENTS.length)], now.minusSeconds(secondsAgo));
    }
    if (r.nextInt(50) == 0) {
      b.event("unsubscribe", now.minusSeconds(r.nextLong(365 * 86_400L)));
    }
    if (r.nextInt(40) == 0) {
      b.event("hard_bounce", now.minusSeconds(r.nextLong(365 * 86_400L)));
    }
    return b.build();
  }
}
