package dev.scoring.core.analysis;

import dev.scoring.api.Contact;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether and how a tier can be reached.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param name              the tier name
 * @param atLeast           the tier threshold
 * @param reachable         whether some contact's score reaches the threshold
 * @param byFitAlone        whether a contact without any event reaches it
 * @param byEngagementAlone whether a contact without any attribute reaches it
 * @param fewestEvents      the fewest events with which some contact reaches it; empty when
 *                          the tier is unreachable or needs more than
 *                          {@link ModelAnalysis#EVENT_LIMIT} events
 * @param witness           a contact that reaches it with {@code fewestEvents} events, scored
 *                          as of {@link ModelAnalysis#WITNESS_AS_OF}, when there is one
 */
public record TierReach(String name, double atLeast, boolean reachable, boolean byFitAlone,
    boolean byEngagementAlone, OptionalInt fewestEvents, Optional<Contact> witness) {

  /**
   * Checks the references.
   *
   * @param name the tier name
   * @param atLeast the tier threshold
   * @param reachable whether some contact's score reaches the threshold
   * @param byFitAlone whether a contact without any event reaches it
   * @param byEngagementAlone whether a contact without any attribute reaches it
   * @param fewestEvents the fewest events with which some contact reaches it; empty when the tier
   *     is unreachable or needs more than {@link ModelAnalysis#EVENT_LIMIT} events
   * @param witness a contact that reaches it with {@code fewestEvents} events, scored as of {@link
   *     ModelAnalysis#WITNESS_AS_OF}, when there is one
   */
  public TierReach {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fewestEvents, "fewestEvents");
    Objects.requireNonNull(witness, "witness");
  }
}
