package dev.scoring.kafka.streams;

import dev.scoring.api.Contact;
import java.util.Map;

/**
 * A contact's attributes, as read from the attributes topic: they replace the attributes the
 * processor had for the contact (a table's latest value per key).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param values attribute name to a string, finite number or boolean, normalised as
 *               {@link Contact.Builder#attribute(String, Object)} does
 */
public record ContactAttributes(Map<String, Object> values) {

  /**
   * Normalises and copies the values.
   *
   * @param values the {@code values} component
   * @throws IllegalArgumentException if a name or value is not one a contact accepts
   * @throws NullPointerException     if {@code values} is null
   */
  public ContactAttributes {
    values = Contact.builder("attributes").attributes(values).build().attributes();
  }
}
