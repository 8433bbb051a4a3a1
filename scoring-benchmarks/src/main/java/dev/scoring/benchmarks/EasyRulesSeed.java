package dev.scoring.benchmarks;

import dev.scoring.api.Contact;
import java.time.Instant;
import java.util.function.DoublePredicate;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

/**
 * The seed table in Easy Rules 4.1: one rule per table rule over a {@link Lead} fact, fired
 * by the default engine once per contact. Thread-safe only for one thread at a time.
 */
final class EasyRulesSeed {
  private static final String[] BEHAVIORAL = {
    "white_paper_download", "pricing_page_visit", "email_open", "newsletter_subscription",
    "contact_form", "webinar", "case_study_download", "chatbot_interaction", "blog_visit",
    "demo_request"
  };

  private final Rules rules = new Rules();
  private final RulesEngine engine = new DefaultRulesEngine();
  private int priority;

  EasyRulesSeed() {
    age("age-18-24", a -> a >= 18 && a <= 24, 5);
    age("age-25-34", a -> a >= 25 && a <= 34, 3);
    age("age-35-44", a -> a >= 35 && a <= 44, 2);
    age("age-45-plus", a -> a >= 45, 1);
    add("near-office", l -> l.isNearOffice(), l -> l.addFit(4));
    text("sector-technology", true, "technology", 3);
    text("sector-health", true, "health", 2);
    text("sector-finance", true, "finance", 2);
    text("sector-education", true, "education", 1);
    text("gender-female", false, "female", 3);
    text("gender-male", false, "male", 2);
    for (int t = 0; t < BEHAVIORAL.length; t++) {
      String type = BEHAVIORAL[t];
      double points = HandWrittenSeed.POINTS[t];
      add("behavioral-" + type, l -> l.count(type) > 0,
          l -> l.addBehavioral(points * l.decayed(type)));
    }
    add("unsubscribe", l -> l.count("unsubscribe") > 0,
        l -> l.addNegative(-15.0 * l.count("unsubscribe")));
    add("hard-bounce", l -> l.count("hard_bounce") > 0,
        l -> l.addNegative(-10.0 * l.count("hard_bounce")));
    add("inactive-90d", l -> !l.activeWithin(90), l -> l.addNegative(-10));
  }

  private void age(String name, DoublePredicate range, double points) {
    add(name, l -> range.test(l.getAge()), l -> l.addFit(points));
  }

  private void text(String name, boolean sector, String value, double points) {
    add(name, l -> value.equalsIgnoreCase(sector ? l.getSector() : l.getGender()),
        l -> l.addFit(points));
  }

  private void add(String name, java.util.function.Predicate<Lead> when,
      java.util.function.Consumer<Lead> then) {
    rules.register(new RuleBuilder()
        .name(name)
        .priority(priority++)
        .when(facts -> when.test(facts.get("lead")))
        .then(facts -> then.accept(facts.get("lead")))
        .build());
  }

  /** Scores one contact. */
  double score(Contact c, Instant asOf) {
    Lead lead = new Lead(c, asOf);
    Facts facts = new Facts();
    facts.put("lead", lead);
    engine.fire(rules, facts);
    return lead.score();
  }
}
