package dev.scoring.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Contacts as JSON (SPEC section 1): one document, or NDJSON streams of one contact per
 * line read lazily in constant memory.
 *
 * <pre>{@code
 * {"id":"c-17","attributes":{"age":29,"sector":"tech","near_office":true},
 *  "events":[{"type":"pricing_page_visit","at":"2026-11-02T10:00:00Z"},
 *            {"type":"page_view","at":"2026-11-03T10:00:00Z","value":95}]}
 * }</pre>
 *
 * <p>{@code id} is required and non-blank; {@code attributes} maps names to strings, finite
 * numbers or booleans ({@code null} means absent; whole numbers become {@link Long}, others
 * {@link Double}, as {@link Contact.Builder#attribute} does); each event has a non-blank
 * {@code type}, an ISO-8601 instant {@code at} and an optional finite {@code value}.
 * Unknown and repeated fields are errors, never ignored. Errors are
 * {@link ContactJsonException}s naming the line (for NDJSON), the JSON path and the value.
 *
 * <p>Instances are immutable and thread-safe; the {@link ContactLines} they return are not.
 */
public final class ContactJson {
  private static final ContactJson DEFAULT = new ContactJson(JsonLimits.defaults());

  private final JsonLimits limits;
  private final ContactParser parser;

  private ContactJson(JsonLimits limits) {
    this.limits = limits;
    this.parser = new ContactParser(limits);
  }

  /** Returns a reader with the default {@link JsonLimits}. */
  public static ContactJson defaults() {
    return DEFAULT;
  }

  /**
   * Returns a reader with the given limits; {@link JsonLimits#maxDocumentLength()} applies to
   * each document or line.
   *
   * @param limits the limits
   * @return the reader
   * @throws NullPointerException if {@code limits} is null
   */
  public static ContactJson withLimits(JsonLimits limits) {
    return new ContactJson(Objects.requireNonNull(limits, "limits"));
  }

  /** Returns the limits in force. */
  public JsonLimits limits() {
    return limits;
  }

  /**
   * Reads one contact.
   *
   * @param json a JSON object
   * @return the contact
   * @throws ContactJsonException if it is not a valid contact (line number 0)
   */
  public Contact read(String json) {
    return parser.parse(Objects.requireNonNull(json, "json"), 0);
  }

  /**
   * Reads NDJSON contacts lazily, failing at the first bad line.
   *
   * @param in the lines; closed when the result is closed
   * @return the contacts
   */
  public ContactLines lines(Reader in) {
    return new ContactLines(Objects.requireNonNull(in, "in"), parser, limits, null);
  }

  /**
   * Reads NDJSON contacts lazily, reporting each bad line and going on with the next.
   *
   * @param in        the lines; closed when the result is closed
   * @param onBadLine receives every bad line, in order
   * @return the contacts of the good lines
   */
  public ContactLines lines(Reader in, Consumer<BadLine> onBadLine) {
    return new ContactLines(Objects.requireNonNull(in, "in"), parser, limits,
        Objects.requireNonNull(onBadLine, "onBadLine"));
  }

  /**
   * Reads NDJSON contacts lazily from UTF-8 bytes, failing at the first bad line.
   *
   * @param in the bytes; closed when the result is closed
   * @return the contacts
   */
  public ContactLines lines(InputStream in) {
    return lines(utf8(in));
  }

  /**
   * Reads NDJSON contacts lazily from UTF-8 bytes, reporting each bad line.
   *
   * @param in        the bytes; closed when the result is closed
   * @param onBadLine receives every bad line, in order
   * @return the contacts of the good lines
   */
  public ContactLines lines(InputStream in, Consumer<BadLine> onBadLine) {
    return lines(utf8(in), onBadLine);
  }

  /**
   * Reads an NDJSON file (UTF-8) lazily, failing at the first bad line.
   *
   * @param file the file; open until the result is closed
   * @return the contacts
   * @throws IOException if the file cannot be opened
   */
  public ContactLines lines(Path file) throws IOException {
    return lines(Files.newInputStream(file));
  }

  /**
   * Reads an NDJSON file (UTF-8) lazily, reporting each bad line.
   *
   * @param file      the file; open until the result is closed
   * @param onBadLine receives every bad line, in order
   * @return the contacts of the good lines
   * @throws IOException if the file cannot be opened
   */
  public ContactLines lines(Path file, Consumer<BadLine> onBadLine) throws IOException {
    return lines(Files.newInputStream(file), onBadLine);
  }

  private static Reader utf8(InputStream in) {
    return new InputStreamReader(Objects.requireNonNull(in, "in"),
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /**
   * Writes a contact as one line of JSON (no line terminator) that {@link #read(String)}
   * reads back to an equal contact: whole-number attributes stored as {@link Long} are
   * written without a fraction, {@link Double}s always with one.
   *
   * <p>Strings keep every character: an unpaired surrogate in a value is written as a
   * <code>&#92;uXXXX</code> escape. Attribute names are JSON field names, which readers
   * refuse to decode into unpaired surrogates, so such a name is an error.
   *
   * @param contact the contact
   * @return the JSON text
   * @throws IllegalArgumentException if an attribute name holds an unpaired surrogate
   */
  public static String toJson(Contact contact) {
    for (String name : contact.attributes().keySet()) {
      if (JsonSupport.hasUnpairedSurrogate(name)) {
        throw new IllegalArgumentException("attribute names must be well-formed Unicode (no"
            + " unpaired surrogate), but was " + JsonSupport.quote(name));
      }
    }
    StringWriter w = new StringWriter(128);
    try (JsonGenerator g = JsonSupport.WRITER_FACTORY.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("id", contact.id());
      if (!contact.attributes().isEmpty()) {
        g.writeObjectFieldStart("attributes");
        for (Map.Entry<String, Object> a : contact.attributes().entrySet()) {
          g.writeFieldName(a.getKey());
          Object v = a.getValue();
          if (v instanceof String s) {
            g.writeString(s);
          } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
          } else if (v instanceof Long l) {
            g.writeNumber(l);
          } else {
            g.writeNumber((Double) v);
          }
        }
        g.writeEndObject();
      }
      if (!contact.events().isEmpty()) {
        g.writeArrayFieldStart("events");
        for (Event e : contact.events()) {
          g.writeStartObject();
          g.writeStringField("type", e.type());
          g.writeStringField("at", e.at().toString());
          if (e.value().isPresent()) {
            g.writeFieldName("value");
            JsonSupport.writeNumber(g, e.value().getAsDouble());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return JsonSupport.escapeUnpairedSurrogates(w.toString());
  }
}
