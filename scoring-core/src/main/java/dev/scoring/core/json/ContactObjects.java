package dev.scoring.core.json;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink that turns what the reader reads into {@link Contact} objects: the object side
 * of the one reader. Not thread-safe.
 */
final class ContactObjects implements ContactSink {
  private String id;
  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private final List<Event> events = new ArrayList<>();
  private Contact last;

  /** Returns the contact ended last and forgets it, or null. */
  Contact take() {
    Contact c = last;
    last = null;
    return c;
  }

  @Override
  public void begin(long line) {
    id = null;
    attributes.clear();
    events.clear();
  }

  @Override
  public void id(String id) {
    this.id = id;
  }

  @Override
  public void attribute(String name, String value) {
    attributes.put(name, value);
  }

  @Override
  public void attribute(String name, long value) {
    attributes.put(name, value);
  }

  @Override
  public void attribute(String name, double value) {
    attributes.put(name, value);
  }

  @Override
  public void attribute(String name, boolean value) {
    attributes.put(name, value);
  }

  @Override
  public void event(String type, long epochSecond, int nano, boolean hasValue, double value) {
    Instant at = Instant.ofEpochSecond(epochSecond, nano);
    events.add(hasValue ? Event.of(type, at, value) : Event.of(type, at));
  }

  @Override
  public void end() {
    last = Contact.builder(id).attributes(attributes).events(events).build();
  }

  @Override
  public void abort() {
    id = null;
    attributes.clear();
    events.clear();
  }
}
