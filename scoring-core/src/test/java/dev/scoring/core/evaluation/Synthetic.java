package dev.scoring.core.evaluation;

import dev.scoring.api.Contact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic leads whose conversion depends on a plan, a size and recent visits. */
final class Synthetic {
  static final Instant AS_OF = Instant.parse("2026-11-22T00:00:00Z");
  static final String[] PLANS = {"free", "Free", "team", "enterprise", "student"};

  private Synthetic() {}

  static List<LabeledContact> contacts(long seed, int n) {
    Random random = new Random(seed);
    List<LabeledContact> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Contact.Builder c = Contact.builder("s" + seed + "-" + i);
      double logit = -0.5;
      int plan = random.nextInt(PLANS.length + 1);
      if (plan < PLANS.length) {
        c.attribute("plan", PLANS[plan]);
        logit += new double[] {-0.8, -0.8, 0.6, 1.5, -1.2}[plan];
      }
      if (random.nextInt(6) > 0) {
        double size = Math.floor(random.nextDouble() * 500);
        c.attribute("size", size);
        logit += size / 250 - 1;
      }
      int visits = random.nextInt(8);
      for (int v = 0; v < visits; v++) {
        int age = random.nextInt(60);
        c.event("visit", AS_OF.minus(Duration.ofDays(age)).minusSeconds(random.nextInt(3600)));
        if (age < 30) {
          logit += v < 3 ? 0.5 : 0.1;
        }
      }
      if (random.nextInt(10) == 0) {
        c.event("unsubscribe", AS_OF.minus(Duration.ofDays(random.nextInt(90))));
        logit -= 1.5;
      }
      boolean converted = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      list.add(LabeledContact.of(c.build(), converted));
    }
    return list;
  }

  static FeatureSpec spec() {
    return FeatureSpec.builder()
        .categorical("plan")
        .numeric("size", 4)
        .eventsWithin("visit", 30, 1, 3, 5)
        .events("unsubscribe", 1)
        .minCount(5)
        .build();
  }
}
