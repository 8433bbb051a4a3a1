package dev.scoring.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The contact reader as it was before plain ASCII strings were read from the input bytes:
 * {@code ContactParser} of commit ec31c51, verbatim but for its name, reading every string
 * through Jackson's text. The reference the byte path is compared with, call for call and
 * error for error ({@link PlainStringsTest}, {@link PlainStringsProperties}).
 *
 * <p>Not thread-safe.
 */
final class TextContactParser {
  private static final String FIELDS = "(id, attributes, events)";
  private static final String EVENT_FIELDS = "(type, at, value)";
  private static final int DESCRIBE_MAX = 57;

  private final JsonFactory factory;
  private final JsonLimits limits;
  private final Instants instants = new Instants();
  private final StringCache strings = new StringCache();
  // The attribute names of the current contact, to refuse a repeated one.
  private String[] names = new String[16];
  private int nameCount;
  private final Set<String> manyNames = new HashSet<>();

  // Where the parser is, turned into a path only when an error is reported.
  private long line;
  private String field;
  private String fieldName; // the contact field being read, when field is not set
  private String attribute;
  private int event;
  private String eventField;
  private boolean inAttributes;
  private JsonParser current;

  TextContactParser(JsonLimits limits, JsonFactory factory) {
    this.limits = limits;
    this.factory = factory;
  }

  /**
   * Parses one contact into the sink: {@code begin}, its parts, then {@code end}; or, when
   * the text is not a valid contact, {@code abort} and an exception.
   *
   * @param utf8   the buffer, valid UTF-8 in {@code [offset, offset + length)}
   * @param offset where the text starts
   * @param length its length in bytes, at most the document limit
   * @param line   the line number from 1, or 0 for a single document
   * @param sink   receives the contact
   * @throws ContactJsonException if the text is not a valid contact (after
   *     {@link ContactSink#abort()})
   */
  void parse(byte[] utf8, int offset, int length, long line, ContactSink sink) {
    this.line = line;
    field = null;
    fieldName = null;
    attribute = null;
    event = -1;
    eventField = null;
    inAttributes = false;
    sink.begin(line);
    try (JsonParser p = factory.createParser(utf8, offset, length)) {
      current = p;
      contact(p, sink);
    } catch (ContactJsonException e) {
      sink.abort();
      throw e;
    } catch (JacksonException e) {
      sink.abort();
      if (e instanceof StreamConstraintsException) {
        pointAtPendingName();
      }
      JsonSupport.Problem problem = JsonSupport.translate(e, path(), "contact", limits,
          "bytes", false);
      throw new ContactJsonException(line, problem.path(), prefix(line) + problem.message());
    } catch (IOException e) {
      sink.abort();
      throw new ContactJsonException(line, path(), prefix(line) + JsonSupport.where(path(),
          "contact") + " must be valid JSON, but was malformed: " + e.getMessage());
    } catch (IllegalArgumentException e) { // refused by the sink
      sink.abort();
      String path = path();
      throw new ContactJsonException(line, path, prefix(line)
          + JsonSupport.where(path, "contact") + " " + e.getMessage());
    } catch (RuntimeException | Error e) {
      sink.abort();
      throw e;
    } finally {
      current = null;
    }
  }

  /**
   * Jackson reads the value after a field name when it reads the name, so a value over a
   * limit is refused before the name is returned: take the name from the parser's context.
   */
  private void pointAtPendingName() {
    JsonParser p = current;
    if (p == null) {
      return;
    }
    String name = p.getParsingContext() == null ? null : p.getParsingContext().getCurrentName();
    if (name == null) {
      return;
    }
    if (inAttributes) {
      attribute = name;
    } else if (event >= 0) {
      eventField = name;
    } else {
      field = JsonSupport.field("", name);
    }
  }

  /** The message prefix naming the line, empty for a single document. */
  static String prefix(long line) {
    return line > 0 ? "line " + line + ": " : "";
  }

  /** The JSON path of the current position. */
  private String path() {
    if (attribute != null) {
      return JsonSupport.field("attributes", attribute);
    }
    if (event >= 0) {
      String e = JsonSupport.index("events", event);
      return eventField == null ? e : JsonSupport.field(e, eventField);
    }
    if (field != null) {
      return field;
    }
    return fieldName == null ? "" : JsonSupport.field("", fieldName);
  }

  private ContactJsonException error(String constraint, String value) {
    String path = path();
    return new ContactJsonException(line, path, prefix(line) + JsonSupport.where(path,
        "contact") + " must be " + constraint + ", but was " + value);
  }

  private void contact(JsonParser p, ContactSink sink) throws IOException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      throw error("a JSON object", t == null ? "empty" : describe(p, t));
    }
    boolean seenId = false;
    boolean seenAttributes = false;
    boolean seenEvents = false;
    while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
      String name = p.currentName();
      fieldName = name; // turned into a path only for an error
      t = p.nextToken();
      switch (name) {
        case "id" -> {
          if (seenId) {
            throw error("present once", "repeated");
          }
          seenId = true;
          // contacts: non-blank (SPEC 1); account records: non-empty (SPEC 12)
          boolean blankIds = sink.takesBlankIds();
          String idRule = blankIds ? "a non-empty string" : "a non-blank string";
          if (t != JsonToken.VALUE_STRING) {
            throw error(idRule, describe(p, t));
          }
          checkLength(p);
          String id = p.getText();
          if (blankIds ? id.isEmpty() : id.isBlank()) {
            throw error(idRule, JsonSupport.quote(id));
          }
          sink.id(id);
        }
        case "attributes" -> {
          if (seenAttributes) {
            throw error("present once", "repeated");
          }
          seenAttributes = true;
          if (t == JsonToken.START_OBJECT) {
            attributes(p, sink);
          } else if (t != JsonToken.VALUE_NULL) {
            throw error("an object of attribute names to values, or null", describe(p, t));
          }
        }
        case "events" -> {
          if (seenEvents) {
            throw error("present once", "repeated");
          }
          seenEvents = true;
          if (t == JsonToken.START_ARRAY) {
            events(p, sink);
          } else if (t != JsonToken.VALUE_NULL) {
            throw error("a list of events, or null", describe(p, t));
          }
        }
        default -> throw error("a field of a contact " + FIELDS, "unknown");
      }
      fieldName = null;
    }
    if (!seenId) {
      field = "id";
      throw error("present", "missing");
    }
    field = null;
    t = p.nextToken();
    if (t != null) {
      throw error(line > 0 ? "a single JSON object (one contact per line)"
          : "a single JSON object",
          "followed by more content at column " + p.currentTokenLocation().getColumnNr());
    }
    sink.end();
  }

  private void attributes(JsonParser p, ContactSink sink) throws IOException {
    nameCount = 0;
    manyNames.clear();
    inAttributes = true;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
      String name = p.currentName();
      attribute = name;
      if (!firstTime(name)) {
        throw error("present once", "repeated");
      }
      if (name.isBlank()) {
        throw error("named by a non-blank string", JsonSupport.quote(name));
      }
      t = p.nextToken();
      switch (t) {
        case VALUE_STRING -> {
          checkLength(p);
          sink.attribute(name, strings.get(p));
        }
        case VALUE_TRUE -> sink.attribute(name, true);
        case VALUE_FALSE -> sink.attribute(name, false);
        case VALUE_NULL -> { }
        case VALUE_NUMBER_INT -> {
          JsonParser.NumberType type = p.getNumberType();
          if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
            sink.attribute(name, p.getLongValue());
          } else {
            sink.attribute(name, finite(p, p.getDoubleValue()));
          }
        }
        case VALUE_NUMBER_FLOAT -> sink.attribute(name, finite(p, p.getDoubleValue()));
        default -> throw error("a string, a finite number, a boolean or null", describe(p, t));
      }
    }
    attribute = null;
    inAttributes = false;
  }

  /** Records an attribute name of the current contact; false if it was seen already. */
  private boolean firstTime(String name) {
    if (nameCount < names.length) {
      for (int i = 0; i < nameCount; i++) {
        if (names[i].equals(name)) {
          return false;
        }
      }
      names[nameCount++] = name;
      return true;
    }
    if (manyNames.isEmpty()) {
      for (String n : names) {
        manyNames.add(n);
      }
    }
    return manyNames.add(name);
  }

  private void events(JsonParser p, ContactSink sink) throws IOException {
    JsonToken t;
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      event = i;
      eventField = null;
      if (t != JsonToken.START_OBJECT) {
        throw error("an event object " + EVENT_FIELDS, describe(p, t));
      }
      String type = null;
      boolean seenAt = false;
      long second = 0;
      int nano = 0;
      boolean seenValue = false;
      boolean hasValue = false;
      double value = 0.0;
      while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
        String name = p.currentName();
        eventField = name;
        t = p.nextToken();
        switch (name) {
          case "type" -> {
            if (type != null) {
              throw error("present once", "repeated");
            }
            if (t != JsonToken.VALUE_STRING) {
              throw error("a non-blank string", describe(p, t));
            }
            checkLength(p);
            type = strings.get(p);
            if (type.isBlank()) {
              throw error("a non-blank string", describe(p, t));
            }
          }
          case "at" -> {
            if (seenAt) {
              throw error("present once", "repeated");
            }
            seenAt = true;
            if (t != JsonToken.VALUE_STRING) {
              throw error(Instants.RANGE, describe(p, t));
            }
            checkLength(p);
            if (!instants.read(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
              throw error(Instants.RANGE, describe(p, t));
            }
            second = instants.second();
            nano = instants.nano();
          }
          case "value" -> {
            if (seenValue) {
              throw error("present once", "repeated");
            }
            seenValue = true;
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
              hasValue = true;
              value = finite(p, p.getDoubleValue());
            } else if (t != JsonToken.VALUE_NULL) {
              throw error("a finite number or null", describe(p, t));
            }
          }
          default -> throw error("a field of an event " + EVENT_FIELDS, "unknown");
        }
      }
      if (type == null || !seenAt) {
        eventField = type == null ? "type" : "at";
        throw error("present", "missing");
      }
      eventField = null;
      sink.event(type, second, nano, hasValue, value);
      i++;
    }
    event = -1;
    eventField = null;
  }

  /** Refuses a string longer than the limit (Jackson checks only some lengths eagerly). */
  private void checkLength(JsonParser p) throws IOException {
    if (p.getTextLength() > limits.maxStringLength()) {
      throw new ContactJsonException(line, path(), prefix(line) + JsonSupport.where(path(),
          "contact") + " must be a string of at most " + limits.maxStringLength()
          + " characters, but was longer");
    }
  }

  private double finite(JsonParser p, double d) throws IOException {
    if (!Double.isFinite(d)) {
      throw error("a finite number", p.getText());
    }
    return d;
  }

  /** The current value for a message; containers as "a list" or "an object". */
  private static String describe(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> {
        String text = p.getText();
        yield JsonSupport.quote(text.length() > DESCRIBE_MAX
            ? text.substring(0, DESCRIBE_MAX - 3) + "..." : text);
      }
      default -> p.getText();
    };
  }

  /**
   * Short strings seen recently, so a value repeated across lines (an event type, a
   * sector) is one {@code String}, not one per occurrence: a direct-mapped cache keyed by the
   * characters' hash.
   */
  private static final class StringCache {
    private static final int SIZE = 256;
    private static final int MAX_LENGTH = 48;
    private final String[] cached = new String[SIZE];

    String get(JsonParser p) throws IOException {
      int length = p.getTextLength();
      if (length > MAX_LENGTH) {
        return p.getText();
      }
      char[] text = p.getTextCharacters();
      int offset = p.getTextOffset();
      int h = 0;
      for (int i = offset; i < offset + length; i++) {
        h = 31 * h + text[i];
      }
      int slot = (h ^ (h >>> 16)) & (SIZE - 1);
      String s = cached[slot];
      if (s != null && s.length() == length && s.hashCode() == h && equal(s, text, offset)) {
        return s;
      }
      s = new String(text, offset, length);
      cached[slot] = s;
      return s;
    }

    private static boolean equal(String s, char[] text, int offset) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) != text[offset + i]) {
          return false;
        }
      }
      return true;
    }
  }
}
