package dev.scoring.core.examples;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;

import dev.scoring.core.Decay;
import dev.scoring.core.ScoringTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Ready-made scoring tables, for examples, demos and tests: the seed table built in Java
 * ({@link #seed()}) and the same table as a model file ({@link #seedJson()}).
 *
 * <p>All methods are static and thread-safe.
 */
public final class ExampleModels {
  private static final String SEED_RESOURCE = "seed-b2b.json";

  private ExampleModels() {}

  /**
   * Returns the text of the seed model file, the resource
   * {@code dev/scoring/core/examples/seed-b2b.json} of this module: the canonical JSON of
   * {@link #seed()}, so {@code ModelJson.parse(seedJson())} equals {@code seed()}.
   *
   * @return the file's content
   * @throws IllegalStateException if the resource is missing from the module
   */
  public static String seedJson() {
    try (InputStream in = ExampleModels.class.getResourceAsStream(SEED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource dev/scoring/core/examples/" + SEED_RESOURCE
            + " must be in the module, but was missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading resource " + SEED_RESOURCE, e);
    }
  }

  /**
   * The seed B2B lead-scoring table:
   *
   * <ul>
   *   <li>demographic: {@code age} 18-24: 5, 25-34: 3, 35-44: 2, 45 and over: 1;
   *       {@code near_office} true: 4; {@code sector} technology: 3, health: 2, finance: 2,
   *       education: 1; {@code gender} female: 3, male: 2 (sector and gender ignore case);
   *   <li>behavioral, per event: {@code white_paper_download} 10, {@code pricing_page_visit}
   *       5, {@code email_open} 3, {@code newsletter_subscription} 2, {@code contact_form} 8,
   *       {@code webinar} 7, {@code case_study_download} 6, {@code chatbot_interaction} 4,
   *       {@code blog_visit} 3, {@code demo_request} 9;
   *   <li>negative: {@code unsubscribe} -15, {@code hard_bounce} -10, no activity for 90
   *       days -10;
   *   <li>decay: half-life 30 days; tiers MQL at 60 and SQL at 80 (base tier
   *       {@code unqualified}), scale 0..100.
   * </ul>
   *
   * @return the table, named {@code seed-b2b}, version {@code 1}
   */
  public static ScoringTable seed() {
    return ScoringTable.builder("seed-b2b")
        .version("1")
        .decay(Decay.halfLife(30))
        .demographic("age-18-24", attribute("age").between(18, 24), 5)
        .demographic("age-25-34", attribute("age").between(25, 34), 3)
        .demographic("age-35-44", attribute("age").between(35, 44), 2)
        .demographic("age-45-plus", attribute("age").atLeast(45), 1)
        .demographic("near-office", attribute("near_office").equalTo(true), 4)
        .demographic("sector-technology", attribute("sector").equalToIgnoreCase("technology"), 3)
        .demographic("sector-health", attribute("sector").equalToIgnoreCase("health"), 2)
        .demographic("sector-finance", attribute("sector").equalToIgnoreCase("finance"), 2)
        .demographic("sector-education", attribute("sector").equalToIgnoreCase("education"), 1)
        .demographic("gender-female", attribute("gender").equalToIgnoreCase("female"), 3)
        .demographic("gender-male", attribute("gender").equalToIgnoreCase("male"), 2)
        .behavioral("white-paper", on("white_paper_download"), 10)
        .behavioral("pricing-page", on("pricing_page_visit"), 5)
        .behavioral("email-open", on("email_open"), 3)
        .behavioral("newsletter", on("newsletter_subscription"), 2)
        .behavioral("contact-form", on("contact_form"), 8)
        .behavioral("webinar", on("webinar"), 7)
        .behavioral("case-study", on("case_study_download"), 6)
        .behavioral("chatbot", on("chatbot_interaction"), 4)
        .behavioral("blog-visit", on("blog_visit"), 3)
        .behavioral("demo-request", on("demo_request"), 9)
        .negative("unsubscribe", on("unsubscribe"), -15)
        .negative("hard-bounce", on("hard_bounce"), -10)
        .inactivity("inactive-90d", 90, -10)
        .tier("MQL", 60)
        .tier("SQL", 80)
        .build();
  }
}
