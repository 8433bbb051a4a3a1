package dev.scoring.core.testing;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Explanation;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.api.Tier;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.analysis.ModelAnalysis;
import dev.scoring.core.analysis.Range;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made checks to call in your own tests and properties: each one scores a contact and
 * throws an {@link AssertionError} that names the contact, the instant and the numbers when
 * the table breaks the rule. Works with any test framework (JUnit, jqwik, TestNG); needs no
 * jqwik.
 *
 * <pre>{@code
 * @Property
 * void demoRequestsNeverLowerAScore(@ForAll("contacts") Contact contact,
 *                                   @ForAll("instants") Instant at) {
 *   ScoringChecks.addingEventNeverLowersScore(MODEL, contact, Event.of("demo_request", at), AS_OF);
 * }
 * }</pre>
 *
 * <p>Comparisons allow a relative error of 1e-9 (floating-point rounding), as the scoring
 * contract does. Stateless and thread-safe.
 */
public final class ScoringChecks {
  private ScoringChecks() {}

  /**
   * Checks that a contact's score lies on the table's scale.
   *
   * @param table   the table
   * @param contact the contact
   * @param asOf    the instant to score as of
   * @throws AssertionError if {@code scale.min <= score <= scale.max} does not hold
   * @throws NullPointerException if an argument is null
   */
  public static void scoreWithinScale(ScoringTable table, Contact contact, Instant asOf) {
    Score s = table.score(contact, asOf);
    if (!(s.score() >= table.scale().min() && s.score() <= table.scale().max())) {
      throw new AssertionError("score must be within scale " + table.scale().min() + ".."
          + table.scale().max() + ", but was " + s.score() + context(contact, asOf));
    }
  }

  /**
   * Checks that the explanation of a contact's score adds up to the score and agrees with
   * {@link ScoringModel#score(Contact, Instant)}.
   *
   * @param model   the model
   * @param contact the contact
   * @param asOf    the instant to score as of
   * @throws AssertionError if the entries do not sum to the score (to 1e-9 relative) or the
   *     explained score differs from the score
   * @throws NullPointerException if an argument is null
   */
  public static void explanationSumsToScore(ScoringModel model, Contact contact, Instant asOf) {
    Score s = model.score(contact, asOf);
    Explanation e = model.explain(contact, asOf);
    if (!e.score().equals(s)) {
      throw new AssertionError("explain(...).score() must equal score(...) " + s
          + ", but was " + e.score() + context(contact, asOf));
    }
    if (!close(e.total(), s.score())) {
      throw new AssertionError("explanation entries must sum to the score " + s.score()
          + ", but summed to " + e.total() + "\n" + e + context(contact, asOf));
    }
  }

  /**
   * Checks monotonicity in one event: adding {@code added} to the contact does not lower its
   * score. Call it with events of a type that should only ever help (a demo request).
   *
   * @param model   the model
   * @param contact the contact
   * @param added   the event to add
   * @param asOf    the instant to score as of
   * @throws AssertionError if the score with the event is lower (beyond 1e-9 relative)
   * @throws NullPointerException if an argument is null
   */
  public static void addingEventNeverLowersScore(ScoringModel model, Contact contact,
      Event added, Instant asOf) {
    Objects.requireNonNull(added, "added");
    double before = model.score(contact, asOf).score();
    double after = model.score(contact.toBuilder().event(added).build(), asOf).score();
    if (after < before && !close(after, before)) {
      throw new AssertionError("adding " + added + " must not lower the score " + before
          + ", but it became " + after + context(contact, asOf));
    }
  }

  /**
   * Checks "tier T is unreachable without event E": when the contact's tier is {@code tier}
   * or a higher one, the contact must have a non-future event of type {@code eventType}.
   *
   * @param model     the model
   * @param contact   the contact
   * @param asOf      the instant to score as of
   * @param tier      a tier name of the model
   * @param eventType the event type the tier requires
   * @throws AssertionError if the contact reaches the tier without such an event
   * @throws IllegalArgumentException if the model has no tier named {@code tier}
   * @throws NullPointerException if an argument is null
   */
  public static void tierRequiresEvent(ScoringModel model, Contact contact, Instant asOf,
      String tier, String eventType) {
    Objects.requireNonNull(eventType, "eventType");
    List<Tier> tiers = model.tiers();
    int wanted = indexOf(tiers, tier);
    if (wanted < 0) {
      throw new IllegalArgumentException("tier must be one of the model's tiers "
          + tiers.stream().map(Tier::name).toList() + ", but was \"" + tier + "\"");
    }
    Score s = model.score(contact, asOf);
    if (indexOf(tiers, s.tier()) < wanted) {
      return;
    }
    for (Event e : contact.events()) {
      if (e.type().equals(eventType) && !e.at().isAfter(asOf)) {
        return;
      }
    }
    throw new AssertionError("tier " + tier + " must be unreachable without a "
        + eventType + " event, but the contact reached " + s.tier() + " with score "
        + s.score() + context(contact, asOf));
  }

  /**
   * Checks that a contact's fit, engagement, raw value and score lie in the ranges a
   * {@link ModelAnalysis} found for the model.
   *
   * @param analysis the analysis of {@code model}
   * @param model    the model
   * @param contact  the contact
   * @param asOf     the instant to score as of
   * @throws AssertionError if a part lies outside its range (beyond 1e-9 relative)
   * @throws NullPointerException if an argument is null
   */
  public static void withinAnalysedRanges(ModelAnalysis analysis, ScoringModel model,
      Contact contact, Instant asOf) {
    Score s = model.score(contact, asOf);
    inRange("fit", analysis.fit(), s.fit(), contact, asOf);
    inRange("engagement", analysis.engagement(), s.engagement(), contact, asOf);
    inRange("raw", analysis.raw(), s.raw(), contact, asOf);
    inRange("score", analysis.score(), s.score(), contact, asOf);
  }

  private static void inRange(String what, Range range, double value, Contact contact,
      Instant asOf) {
    if (!range.contains(value)) {
      throw new AssertionError(what + " must be within the analysed range ["
          + range.min().value() + ", " + range.max().value() + "], but was " + value
          + context(contact, asOf));
    }
  }

  private static int indexOf(List<Tier> tiers, String name) {
    Objects.requireNonNull(name, "tier");
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  private static String context(Contact contact, Instant asOf) {
    return "\n  contact " + contact + "\n  as of " + asOf;
  }
}
