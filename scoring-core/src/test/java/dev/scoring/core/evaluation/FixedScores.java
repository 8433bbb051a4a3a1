package dev.scoring.core.evaluation;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.api.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A test model whose score is a numeric attribute of the contact, with given tiers. */
final class FixedScores implements ScoringModel {
  private final String name;
  private final String attribute;
  private final List<Tier> tiers;

  FixedScores(String name, Tier... tiers) {
    this(name, "s", tiers);
  }

  FixedScores(String name, String attribute, Tier... tiers) {
    this.name = name;
    this.attribute = attribute;
    this.tiers = List.of(tiers);
  }

  /** Labelled contacts {@code c0, c1, ...} with attributes {@code s} and {@code t}. */
  static List<LabeledContact> contacts(double[] s, double[] t, int[] converted) {
    List<LabeledContact> list = new ArrayList<>();
    for (int i = 0; i < s.length; i++) {
      list.add(LabeledContact.of(Contact.builder("c" + i).attribute("s", s[i])
          .attribute("t", t[i]).build(), converted[i] == 1));
    }
    return list;
  }

  /** Labelled contacts {@code c0, c1, ...} with attribute {@code s} = scores[i]. */
  static List<LabeledContact> contacts(double[] scores, int[] converted) {
    List<LabeledContact> list = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      list.add(LabeledContact.of(Contact.builder("c" + i).attribute("s", scores[i]).build(),
          converted[i] == 1));
    }
    return list;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String fingerprint() {
    return name;
  }

  @Override
  public List<Tier> tiers() {
    return tiers;
  }

  @Override
  public String baseTier() {
    return "cold";
  }

  @Override
  public Score score(Contact contact) {
    return score(contact, Instant.EPOCH);
  }

  @Override
  public Score score(Contact contact, Instant asOf) {
    double s = ((Number) contact.attribute(attribute)).doubleValue();
    String tier = baseTier();
    for (Tier t : tiers) {
      if (s >= t.atLeast()) {
        tier = t.name();
      }
    }
    return new Score(s, s, s, 0, tier, name, "1", asOf);
  }

  @Override
  public Explanation explain(Contact contact, Instant asOf) {
    return new Explanation(score(contact, asOf), List.of());
  }

  @Override
  public Explanation explain(Contact contact) {
    return explain(contact, Instant.EPOCH);
  }
}
