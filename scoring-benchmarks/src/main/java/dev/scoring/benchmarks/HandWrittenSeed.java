package dev.scoring.benchmarks;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed table ({@link dev.scoring.core.examples.ExampleModels#seed()}) written by hand in plain
 * Java, as a careful engineer would without a library: the reference the library must match.
 * An object form over {@link Contact}s and a columnar form over its own primitive arrays,
 * both with a per-day decay table and no allocation per contact.
 *
 * <p>With {@code aggregates}, also the three aggregate rules of {@link #withAggregates()}:
 * blog on at least 3 distinct days in 30 days (+5), at least 5 email opens in 30 days (+10),
 * no pricing page visit for 60 days (-5), counted in the same backward pass. Without, a
 * separate loop for the seed table alone that keeps no counters for them.
 */
final class HandWrittenSeed {
  static final long DAY = 86_400L;
  /** Behavioral points by type code 0..9; 10 unsubscribe, 11 hard bounce, 12 other. */
  static final double[] POINTS = {10, 5, 3, 2, 8, 7, 6, 4, 3, 9};
  static final int UNSUBSCRIBE = 10;
  static final int HARD_BOUNCE = 11;
  static final int OTHER = 12;
  private static final double[] DECAY = new double[4096];

  static {
    for (int d = 0; d < DECAY.length; d++) {
      DECAY[d] = Math.pow(0.5, d / 30.0);
    }
  }

  private HandWrittenSeed() {}

  /** The seed table plus three aggregate rules (SPEC section 9). */
  static dev.scoring.core.ScoringTable withAggregates() {
    return ExampleModels.seed().toBuilder()
        .version("1+aggregates")
        .behavioral("recurring-blog",
            dev.scoring.core.Aggregate.distinctDays("blog_visit").withinDays(30).atLeast(3), 5)
        .behavioral("engaged-reader",
            dev.scoring.core.Aggregate.count("email_open").withinDays(30).atLeast(5), 10)
        .negative("no-pricing",
            dev.scoring.core.Aggregate.daysSinceLast("pricing_page_visit").atLeast(60), -5)
        .build();
  }

  static final int BLOG = 8;
  static final int EMAIL = 2;
  static final int PRICING = 1;

  static double decay(long days) {
    return days < DECAY.length ? DECAY[(int) days] : Math.pow(0.5, days / 30.0);
  }

  static int typeCode(String type) {
    return switch (type) {
      case "white_paper_download" -> 0;
      case "pricing_page_visit" -> 1;
      case "email_open" -> 2;
      case "newsletter_subscription" -> 3;
      case "contact_form" -> 4;
      case "webinar" -> 5;
      case "case_study_download" -> 6;
      case "chatbot_interaction" -> 7;
      case "blog_visit" -> 8;
      case "demo_request" -> 9;
      case "unsubscribe" -> UNSUBSCRIBE;
      case "hard_bounce" -> HARD_BOUNCE;
      default -> OTHER;
    };
  }

  static double numeric(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  static double agePoints(double age) {
    if (age >= 18 && age <= 24) {
      return 5;
    }
    if (age >= 25 && age <= 34) {
      return 3;
    }
    if (age >= 35 && age <= 44) {
      return 2;
    }
    return age >= 45 ? 1 : 0;
  }

  static double sectorPoints(Object v) {
    if (v instanceof String s) {
      if (s.equalsIgnoreCase("technology")) {
        return 3;
      }
      if (s.equalsIgnoreCase("health") || s.equalsIgnoreCase("finance")) {
        return 2;
      }
      if (s.equalsIgnoreCase("education")) {
        return 1;
      }
    }
    return 0;
  }

  static double genderPoints(Object v) {
    if (v instanceof String s) {
      if (s.equalsIgnoreCase("female")) {
        return 3;
      }
      if (s.equalsIgnoreCase("male")) {
        return 2;
      }
    }
    return 0;
  }

  static boolean isTrue(Object v) {
    return Boolean.TRUE.equals(v) || (v instanceof String s && s.equalsIgnoreCase("true"));
  }

  static double clamp(double raw) {
    return raw < 0 ? 0 : raw > 100 ? 100 : raw;
  }

  static int tier(double score) {
    return score >= 80 ? 2 : score >= 60 ? 1 : 0;
  }

  /** The object form: the score of one contact. */
  static double score(Contact c, Instant asOf) {
    return score(c, asOf, false);
  }

  /**
   * The object form, with or without the three aggregate rules. Without them, the seed table
   * alone: it does not keep the aggregates' counters.
   */
  static double score(Contact c, Instant asOf, boolean aggregates) {
    return aggregates ? scoreWithAggregates(c, asOf) : scoreSeed(c, asOf);
  }

  /** The object form of the seed table alone. */
  private static double scoreSeed(Contact c, Instant asOf) {
    Map<String, Object> a = c.attributes();
    double fit = agePoints(numeric(a.get("age")))
        + (isTrue(a.get("near_office")) ? 4 : 0)
        + sectorPoints(a.get("sector"))
        + genderPoints(a.get("gender"));
    long asOfSecond = asOf.getEpochSecond();
    int asOfNano = asOf.getNano();
    double behavioral = 0;
    double negative = 0;
    long lastActive = -1;
    List<Event> events = c.events();
    for (int i = events.size() - 1; i >= 0; i--) {
      Event e = events.get(i);
      Instant at = e.at();
      long seconds = asOfSecond - at.getEpochSecond() - (asOfNano < at.getNano() ? 1 : 0);
      long days = Math.floorDiv(seconds, DAY);
      if (days < 0) {
        continue;
      }
      int t = typeCode(e.type());
      if (t < UNSUBSCRIBE) {
        behavioral += POINTS[t] * decay(days);
        if (lastActive < 0) {
          lastActive = days;
        }
      } else if (t == UNSUBSCRIBE) {
        negative -= 15;
      } else if (t == HARD_BOUNCE) {
        negative -= 10;
      }
    }
    if (lastActive < 0 || lastActive >= 90) {
      negative -= 10;
    }
    return clamp(fit + behavioral + negative);
  }

  /** The object form of the seed table plus the three aggregate rules. */
  private static double scoreWithAggregates(Contact c, Instant asOf) {
    Map<String, Object> a = c.attributes();
    double fit = agePoints(numeric(a.get("age")))
        + (isTrue(a.get("near_office")) ? 4 : 0)
        + sectorPoints(a.get("sector"))
        + genderPoints(a.get("gender"));
    long asOfSecond = asOf.getEpochSecond();
    int asOfNano = asOf.getNano();
    double behavioral = 0;
    double negative = 0;
    long lastActive = -1;
    int blogDays = 0;
    long lastBlog = -1;
    int emails = 0;
    long lastPricing = -1;
    List<Event> events = c.events();
    for (int i = events.size() - 1; i >= 0; i--) {
      Event e = events.get(i);
      Instant at = e.at();
      long seconds = asOfSecond - at.getEpochSecond() - (asOfNano < at.getNano() ? 1 : 0);
      long days = Math.floorDiv(seconds, DAY);
      if (days < 0) {
        continue;
      }
      int t = typeCode(e.type());
      if (t < UNSUBSCRIBE) {
        behavioral += POINTS[t] * decay(days);
        if (lastActive < 0) {
          lastActive = days;
        }
        if (t == BLOG && days < 30 && days != lastBlog) {
          blogDays++;
          lastBlog = days;
        } else if (t == EMAIL && days < 30) {
          emails++;
        } else if (t == PRICING && lastPricing < 0) {
          lastPricing = days;
        }
      } else if (t == UNSUBSCRIBE) {
        negative -= 15;
      } else if (t == HARD_BOUNCE) {
        negative -= 10;
      }
    }
    if (lastActive < 0 || lastActive >= 90) {
      negative -= 10;
    }
    behavioral += (blogDays >= 3 ? 5 : 0) + (emails >= 5 ? 10 : 0);
    negative -= lastPricing < 0 || lastPricing >= 60 ? 5 : 0;
    return clamp(fit + behavioral + negative);
  }

  /** The columnar form: contacts as primitive columns, built once from objects. */
  static final class Columns {
    final int size;
    final double[] age;
    final boolean[] nearOffice;
    /** Dictionary codes and the points of each code. */
    final byte[] sector;
    final byte[] gender;
    final double[] sectorPoints;
    final double[] genderPoints;
    final int[] start;
    final byte[] type;
    final int[] second;
    final long epochSecond;

    Columns(List<Contact> contacts, Instant epoch) {
      size = contacts.size();
      epochSecond = epoch.getEpochSecond();
      age = new double[size];
      nearOffice = new boolean[size];
      sector = new byte[size];
      gender = new byte[size];
      Map<Object, Integer> sectors = new HashMap<>();
      Map<Object, Integer> genders = new HashMap<>();
      start = new int[size + 1];
      int events = contacts.stream().mapToInt(c -> c.events().size()).sum();
      type = new byte[events];
      second = new int[events];
      int e = 0;
      for (int i = 0; i < size; i++) {
        Contact c = contacts.get(i);
        age[i] = numeric(c.attribute("age"));
        nearOffice[i] = isTrue(c.attribute("near_office"));
        sector[i] = (byte) (int) sectors.computeIfAbsent(c.attribute("sector"),
            k -> sectors.size());
        gender[i] = (byte) (int) genders.computeIfAbsent(c.attribute("gender"),
            k -> genders.size());
        for (Event ev : c.events()) {
          if (ev.at().getNano() != 0) {
            throw new IllegalArgumentException("hand-written columns hold whole seconds only");
          }
          type[e] = (byte) typeCode(ev.type());
          second[e] = Math.toIntExact(ev.at().getEpochSecond() - epochSecond);
          e++;
        }
        start[i + 1] = e;
      }
      sectorPoints = new double[sectors.size()];
      sectors.forEach((v, code) -> sectorPoints[code] = sectorPoints(v));
      genderPoints = new double[genders.size()];
      genders.forEach((v, code) -> genderPoints[code] = genderPoints(v));
    }

    /** Scores every contact (as of a whole second) into {@code score} and {@code tier}. */
    void scoreAll(Instant asOf, double[] score, int[] tier) {
      scoreAll(asOf, score, tier, false);
    }

    /**
     * As {@link #scoreAll(Instant, double[], int[])}, with or without the aggregates. Without
     * them, the seed loop alone: it does not keep the aggregates' counters, as an engineer
     * writing the seed table by hand would not.
     */
    void scoreAll(Instant asOf, double[] score, int[] tier, boolean aggregates) {
      if (aggregates) {
        scoreWithAggregates(asOf, score, tier);
      } else {
        scoreSeed(asOf, score, tier);
      }
    }

    /** The seed table alone. */
    private void scoreSeed(Instant asOf, double[] score, int[] tier) {
      long base = asOf.getEpochSecond() - epochSecond;
      for (int c = 0; c < size; c++) {
        double fit = agePoints(age[c]) + (nearOffice[c] ? 4 : 0)
            + sectorPoints[sector[c]] + genderPoints[gender[c]];
        double behavioral = 0;
        double negative = 0;
        long lastActive = -1;
        for (int i = start[c + 1] - 1; i >= start[c]; i--) {
          long days = Math.floorDiv(base - second[i], DAY);
          if (days < 0) {
            continue;
          }
          int t = type[i];
          if (t < UNSUBSCRIBE) {
            behavioral += POINTS[t] * decay(days);
            if (lastActive < 0) {
              lastActive = days;
            }
          } else if (t == UNSUBSCRIBE) {
            negative -= 15;
          } else if (t == HARD_BOUNCE) {
            negative -= 10;
          }
        }
        if (lastActive < 0 || lastActive >= 90) {
          negative -= 10;
        }
        double s = clamp(fit + behavioral + negative);
        score[c] = s;
        tier[c] = tier(s);
      }
    }

    /** The seed table plus the three aggregate rules of {@link #withAggregates()}. */
    private void scoreWithAggregates(Instant asOf, double[] score, int[] tier) {
      long base = asOf.getEpochSecond() - epochSecond;
      for (int c = 0; c < size; c++) {
        double fit = agePoints(age[c]) + (nearOffice[c] ? 4 : 0)
            + sectorPoints[sector[c]] + genderPoints[gender[c]];
        double behavioral = 0;
        double negative = 0;
        long lastActive = -1;
        int blogDays = 0;
        long lastBlog = -1;
        int emails = 0;
        long lastPricing = -1;
        for (int i = start[c + 1] - 1; i >= start[c]; i--) {
          long days = Math.floorDiv(base - second[i], DAY);
          if (days < 0) {
            continue;
          }
          int t = type[i];
          if (t < UNSUBSCRIBE) {
            behavioral += POINTS[t] * decay(days);
            if (lastActive < 0) {
              lastActive = days;
            }
            if (t == BLOG && days < 30 && days != lastBlog) {
              blogDays++;
              lastBlog = days;
            } else if (t == EMAIL && days < 30) {
              emails++;
            } else if (t == PRICING && lastPricing < 0) {
              lastPricing = days;
            }
          } else if (t == UNSUBSCRIBE) {
            negative -= 15;
          } else if (t == HARD_BOUNCE) {
            negative -= 10;
          }
        }
        if (lastActive < 0 || lastActive >= 90) {
          negative -= 10;
        }
        behavioral += (blogDays >= 3 ? 5 : 0) + (emails >= 5 ? 10 : 0);
        negative -= lastPricing < 0 || lastPricing >= 60 ? 5 : 0;
        double s = clamp(fit + behavioral + negative);
        score[c] = s;
        tier[c] = tier(s);
      }
    }
  }
}
