package dev.scoring.api;

import dev.scoring.api.internal.Attributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person or account to score: an id, named attributes and a history of events.
 *
 * <p>Attribute values are strings, finite numbers or booleans. Whole numbers ({@code int},
 * {@code long}, ...) are stored as {@link Long}, other numbers as {@link Double}; a
 * {@code null} value means the attribute is absent and is not stored. Events are kept in
 * chronological order (stable for equal instants), whatever order they were added in: event
 * order carries no meaning for scoring.
 *
 * <pre>{@code
 * Contact contact = Contact.builder("c-1")
 *     .attribute("age", 29)
 *     .attribute("sector", "tech")
 *     .event("pricing_page_visit", Instant.parse("2026-11-02T10:00:00Z"))
 *     .event("page_view", Instant.parse("2026-11-03T10:00:00Z"), 95)
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #equals} compares id, attributes and
 * events.
 */
public final class Contact {
  private static final Comparator<Event> CHRONOLOGICAL = Comparator.comparing(Event::at);

  private final String id;
  private final Map<String, Object> attributes;
  private final List<Event> events;

  private Contact(String id, Map<String, Object> attributes, List<Event> events) {
    this.id = id;
    this.attributes = attributes;
    this.events = events;
  }

  /**
   * Starts a contact.
   *
   * @param id a non-blank identifier
   * @return a new builder
   * @throws IllegalArgumentException if {@code id} is null or blank
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Returns the identifier.
   *
   * @return the id, never blank
   */
  public String id() {
    return id;
  }

  /**
   * Returns the attributes.
   *
   * @return an unmodifiable map in insertion order whose values are {@link String},
   *     {@link Long}, {@link Double} or {@link Boolean}, never null
   */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /**
   * Returns one attribute value, or {@code null} when absent.
   *
   * @param name the attribute name
   * @return a {@link String}, {@link Long}, {@link Double}, {@link Boolean} or {@code null}
   */
  public Object attribute(String name) {
    return attributes.get(name);
  }

  /**
   * Returns the events.
   *
   * @return the events, unmodifiable, in chronological order
   */
  public List<Event> events() {
    return events;
  }

  /**
   * Returns a builder holding this contact's id, attributes and events.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.attributes.putAll(attributes);
    b.events.addAll(events);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Contact c
        && id.equals(c.id)
        && attributes.equals(c.attributes)
        && events.equals(c.events);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, attributes, events);
  }

  @Override
  public String toString() {
    return "Contact{id=" + id + ", attributes=" + attributes + ", events=" + events + "}";
  }

  /**
   * A mutable builder of {@link Contact}s. Not thread-safe; {@link #build()} may be called
   * more than once.
   */
  public static final class Builder {
    private final String id;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();

    private Builder(String id) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(
            "contact id must be a non-blank string, but was " + Values.describe(id));
      }
      this.id = id;
    }

    /**
     * Sets (or replaces) an attribute. A {@code null} value removes it: null means absent.
     *
     * @param name  a non-blank attribute name
     * @param value a string, finite number, boolean or null
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or the value is not allowed
     */
    public Builder attribute(String name, Object value) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("contact '" + id
            + "' attribute name must be a non-blank string, but was " + Values.describe(name));
      }
      Object normalized = Attributes.normalize(name, value);
      if (normalized == null) {
        attributes.remove(name);
      } else {
        attributes.put(name, normalized);
      }
      return this;
    }

    /**
     * Sets (or replaces) several attributes, as {@link #attribute(String, Object)} does.
     *
     * @param values attribute names to values
     * @return this builder
     * @throws IllegalArgumentException if a name or value is not allowed
     */
    public Builder attributes(Map<String, ?> values) {
      values.forEach(this::attribute);
      return this;
    }

    /**
     * Adds an event without a value.
     *
     * @param type the event type
     * @param at   when it happened
     * @return this builder
     * @throws IllegalArgumentException if {@code type} is blank or {@code at} is null
     */
    public Builder event(String type, Instant at) {
      return event(Event.of(type, at));
    }

    /**
     * Adds an event with a value.
     *
     * @param type  the event type
     * @param at    when it happened
     * @param value a finite number
     * @return this builder
     * @throws IllegalArgumentException if the type is blank, {@code at} is null or the
     *     value is not finite
     */
    public Builder event(String type, Instant at, double value) {
      return event(Event.of(type, at, value));
    }

    /**
     * Adds an event.
     *
     * @param event the event
     * @return this builder
     * @throws NullPointerException if {@code event} is null
     */
    public Builder event(Event event) {
      events.add(Objects.requireNonNull(event, "event"));
      return this;
    }

    /**
     * Adds events.
     *
     * @param more the events, none null
     * @return this builder
     * @throws NullPointerException if an event is null
     */
    public Builder events(Collection<Event> more) {
      more.forEach(this::event);
      return this;
    }

    /**
     * Returns a new immutable contact; the builder can be used again.
     *
     * @return the contact
     */
    public Contact build() {
      List<Event> sorted = new ArrayList<>(events);
      sorted.sort(CHRONOLOGICAL);
      return new Contact(id,
          Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
          List.copyOf(sorted));
    }
  }
}
