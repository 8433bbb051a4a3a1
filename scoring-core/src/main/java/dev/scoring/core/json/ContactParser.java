package dev.scoring.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads one contact (SPEC section 1) from JSON text by streaming over its tokens: no tree,
 * no data binding. Unknown and repeated fields are refused; {@code null} attribute values
 * mean absent; an event's {@code value} may be absent or {@code null}.
 *
 * <p>Immutable and thread-safe.
 */
final class ContactParser {
  private static final String FIELDS = "(id, attributes, events)";
  private static final String EVENT_FIELDS = "(type, at, value)";

  private final JsonFactory factory;
  private final JsonLimits limits;

  ContactParser(JsonLimits limits) {
    this.limits = limits;
    this.factory = JsonSupport.readerFactory(limits);
  }

  /**
   * Parses a document.
   *
   * @param text the document
   * @param line its line number from 1, or 0 for a single document
   * @return the contact
   * @throws ContactJsonException if it is not a valid contact
   */
  Contact parse(String text, long line) {
    if (text.length() > limits.maxDocumentLength()) {
      throw new ContactJsonException(line, "", prefix(line) + "contact must be at most "
          + limits.maxDocumentLength() + " characters long, but was " + text.length());
    }
    State s = new State(line);
    try (JsonParser p = factory.createParser(text)) {
      return contact(p, s);
    } catch (JacksonException e) {
      JsonSupport.Problem p = JsonSupport.translate(e, s.path(), "contact", limits,
          "characters", text.indexOf('\n') >= 0);
      throw new ContactJsonException(line, p.path(), prefix(line) + p.message());
    } catch (IOException e) {
      throw new ContactJsonException(line, s.path(), prefix(line) + JsonSupport.where(s.path(),
          "contact") + " must be valid JSON, but was malformed: " + e.getMessage());
    }
  }

  private static String prefix(long line) {
    return line > 0 ? "line " + line + ": " : "";
  }

  /** Where the parser is, built into a path string only when an error is reported. */
  private static final class State {
    final long line;
    String field = "";
    String attribute;
    int event = -1;
    String eventField;

    State(long line) {
      this.line = line;
    }

    String path() {
      if (attribute != null) {
        return JsonSupport.field("attributes", attribute);
      }
      if (event >= 0) {
        String e = JsonSupport.index("events", event);
        return eventField == null ? e : JsonSupport.field(e, eventField);
      }
      return field;
    }

    ContactJsonException error(String constraint, String value) {
      String path = path();
      return new ContactJsonException(line, path, prefix(line) + JsonSupport.where(path,
          "contact") + " must be " + constraint + ", but was " + value);
    }
  }

  private Contact contact(JsonParser p, State s) throws IOException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      throw s.error("a JSON object", t == null ? "empty" : describe(p, t));
    }
    String id = null;
    Map<String, Object> attributes = new LinkedHashMap<>();
    List<Event> events = new ArrayList<>();
    boolean seenAttributes = false;
    boolean seenEvents = false;
    while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
      String name = p.currentName();
      s.field = JsonSupport.field("", name);
      t = p.nextToken();
      switch (name) {
        case "id" -> {
          if (id != null) {
            throw s.error("present once", "repeated");
          }
          if (t != JsonToken.VALUE_STRING) {
            throw s.error("a non-blank string", describe(p, t));
          }
          id = p.getText();
          if (id.isBlank()) {
            throw s.error("a non-blank string", JsonSupport.quote(id));
          }
        }
        case "attributes" -> {
          if (seenAttributes) {
            throw s.error("present once", "repeated");
          }
          seenAttributes = true;
          attributes(p, t, s, attributes);
        }
        case "events" -> {
          if (seenEvents) {
            throw s.error("present once", "repeated");
          }
          seenEvents = true;
          events(p, t, s, events);
        }
        default -> throw s.error("a field of a contact " + FIELDS, "unknown");
      }
      s.field = "";
    }
    s.field = "";
    if (id == null) {
      s.field = "id";
      throw s.error("present", "missing");
    }
    t = p.nextToken();
    if (t != null) {
      throw s.error("a single JSON object", "followed by more content at column "
          + p.currentTokenLocation().getColumnNr());
    }
    Contact.Builder b = Contact.builder(id);
    attributes.forEach(b::attribute);
    return b.events(events).build();
  }

  private static void attributes(JsonParser p, JsonToken t, State s, Map<String, Object> out)
      throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw s.error("an object of attribute names to values", describe(p, t));
    }
    Set<String> seen = new HashSet<>();
    while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
      String name = p.currentName();
      s.attribute = name;
      if (!seen.add(name)) {
        throw s.error("present once", "repeated");
      }
      if (name.isBlank()) {
        throw s.error("named by a non-blank string", JsonSupport.quote(name));
      }
      t = p.nextToken();
      Object value;
      switch (t) {
        case VALUE_STRING -> value = p.getText();
        case VALUE_TRUE -> value = Boolean.TRUE;
        case VALUE_FALSE -> value = Boolean.FALSE;
        case VALUE_NULL -> value = null;
        case VALUE_NUMBER_INT -> value = switch (p.getNumberType()) {
          case INT, LONG -> p.getLongValue();
          default -> finite(p, s, p.getBigIntegerValue().doubleValue());
        };
        case VALUE_NUMBER_FLOAT -> value = finite(p, s, p.getDoubleValue());
        default -> throw s.error("a string, a finite number, a boolean or null",
            describe(p, t));
      }
      if (value != null) {
        out.put(name, value);
      }
    }
    s.attribute = null;
  }

  private static double finite(JsonParser p, State s, double d) throws IOException {
    if (!Double.isFinite(d)) {
      throw s.error("a finite number", p.getText());
    }
    return d;
  }

  private static void events(JsonParser p, JsonToken t, State s, List<Event> out)
      throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw s.error("a list of events", describe(p, t));
    }
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      s.event = i;
      s.eventField = null;
      if (t != JsonToken.START_OBJECT) {
        throw s.error("an event object " + EVENT_FIELDS, describe(p, t));
      }
      String type = null;
      Instant at = null;
      OptionalDouble value = null;
      while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
        String name = p.currentName();
        s.eventField = name;
        t = p.nextToken();
        switch (name) {
          case "type" -> {
            if (type != null) {
              throw s.error("present once", "repeated");
            }
            if (t != JsonToken.VALUE_STRING || p.getText().isBlank()) {
              throw s.error("a non-blank string", describe(p, t));
            }
            type = p.getText();
          }
          case "at" -> {
            if (at != null) {
              throw s.error("present once", "repeated");
            }
            if (t != JsonToken.VALUE_STRING) {
              throw s.error("an ISO-8601 instant such as \"2026-10-01T09:30:00Z\"",
                  describe(p, t));
            }
            try {
              at = Instants.parse(p.getText());
            } catch (DateTimeParseException e) {
              throw s.error("an ISO-8601 instant such as \"2026-10-01T09:30:00Z\"",
                  describe(p, t));
            }
          }
          case "value" -> {
            if (value != null) {
              throw s.error("present once", "repeated");
            }
            if (t == JsonToken.VALUE_NULL) {
              value = OptionalDouble.empty();
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
              value = OptionalDouble.of(finite(p, s, p.getDoubleValue()));
            } else {
              throw s.error("a finite number or null", describe(p, t));
            }
          }
          default -> throw s.error("a field of an event " + EVENT_FIELDS, "unknown");
        }
      }
      s.eventField = type == null ? "type" : "at";
      if (type == null || at == null) {
        throw s.error("present", "missing");
      }
      out.add(new Event(type, at, value == null ? OptionalDouble.empty() : value));
      i++;
    }
    s.event = -1;
    s.eventField = null;
  }

  /** The current value for a message; containers as "a list" or "an object". */
  private static String describe(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      return "missing";
    }
    return switch (t) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> {
        String text = p.getText();
        String q = JsonSupport.quote(text.length() > 57 ? text.substring(0, 54) + "..." : text);
        yield q;
      }
      default -> p.getText();
    };
  }
}
