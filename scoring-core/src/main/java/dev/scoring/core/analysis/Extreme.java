package dev.scoring.core.analysis;

import dev.scoring.api.Contact;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lowest or highest value a part of a score can take, over all contacts and instants.
 *
 * <ul>
 *   <li>{@code value} is the extreme itself when {@code exact}; a witness contact then reaches
 *       it, scored as of {@link ModelAnalysis#WITNESS_AS_OF}.
 *   <li>{@code value} is infinite when the part is unbounded (say, a behavioral rule without
 *       {@code maxOccurrences} and no behavioral cap): {@code unboundedBy} then names the
 *       rules that make it so, and there is no witness.
 *   <li>When not {@code exact} (the analysis gave up on a too large search), {@code value}
 *       is a safe bound: no contact goes beyond it.
 * </ul>
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param value       the extreme (or a bound when not exact), possibly infinite
 * @param exact       whether some contact reaches {@code value} (or, when infinite, goes
 *                    beyond every finite value)
 * @param unboundedBy the rules that make the part unbounded, empty when it is finite
 * @param witness     a contact that reaches the value, when there is one to show
 */
public record Extreme(double value, boolean exact, List<String> unboundedBy,
    Optional<Contact> witness) {

  /**
   * Copies the list.
   *
   * @param value the extreme (or a bound when not exact), possibly infinite
   * @param exact whether some contact reaches {@code value} (or, when infinite, goes beyond every
   *     finite value)
   * @param unboundedBy the rules that make the part unbounded, empty when it is finite
   * @param witness a contact that reaches the value, when there is one to show
   */
  public Extreme {
    unboundedBy = List.copyOf(unboundedBy);
    Objects.requireNonNull(witness, "witness");
  }

  /** {@return whether the value is infinite: no finite bound holds} */
  public boolean unbounded() {
    return Double.isInfinite(value);
  }
}
