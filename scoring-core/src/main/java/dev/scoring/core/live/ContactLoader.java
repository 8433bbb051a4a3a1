package dev.scoring.core.live;

import dev.scoring.api.Contact;
import java.util.Optional;

/**
 * Loads a contact the {@link LiveScorer} does not hold in memory, so that a service can back
 * the scorer with its own store. Register with {@link LiveScorer.Builder#loader}.
 *
 * <p>It is called at most once at a time for an id, while the scorer holds that contact's
 * lock: it should be quick, and must not call the scorer back. It is called from the
 * threads that use the scorer, so an implementation must be thread-safe.
 */
@FunctionalInterface
public interface ContactLoader {

  /** A loader that knows no contact: the default. */
  ContactLoader NONE = id -> Optional.empty();

  /**
   * Loads a contact.
   *
   * @param contactId the id of the contact to load
   * @return the contact with this id, attributes and full event history, or empty when the
   *     contact is unknown
   */
  Optional<Contact> load(String contactId);
}
