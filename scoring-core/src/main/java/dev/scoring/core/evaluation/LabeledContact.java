package dev.scoring.core.evaluation;

import dev.scoring.api.Contact;
import java.util.Objects;

/**
 * A contact with a known outcome: whether it converted.
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param contact   the contact, as it was known at the instant it is scored for
 * @param converted whether it converted (the positive class)
 */
public record LabeledContact(Contact contact, boolean converted) {

  /**
   * Validates the contact.
   *
   * @param contact the contact, as it was known at the instant it is scored for
   * @param converted whether it converted (the positive class)
   * @throws NullPointerException if {@code contact} is null
   */
  public LabeledContact {
    Objects.requireNonNull(contact, "contact");
  }

  /**
   * A labelled contact.
   *
   * @param contact   the contact
   * @param converted whether it converted
   * @return the labelled contact
   * @throws NullPointerException if {@code contact} is null
   */
  public static LabeledContact of(Contact contact, boolean converted) {
    return new LabeledContact(contact, converted);
  }
}
