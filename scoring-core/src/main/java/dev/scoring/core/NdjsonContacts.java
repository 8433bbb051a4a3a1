package dev.scoring.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.scoring.api.Contact;
import dev.scoring.api.Values;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Streams NDJSON contacts (SPEC section 1) token by token into a {@link ContactTable.Builder}:
 * no tree, no {@link Contact} objects, so memory beyond the table's arrays stays constant.
 * Unknown fields, wrong types and duplicate keys are rejected with the line number and the
 * field's path. One instance reads one stream on one thread.
 */
final class NdjsonContacts implements Closeable {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build();

  private final JsonParser parser;
  private final ContactTable.Builder table;
  private int line;

  private NdjsonContacts(JsonParser parser, ContactTable.Builder table) {
    this.parser = parser;
    this.table = table;
  }

  static NdjsonContacts open(InputStream in, ContactTable.Builder table) throws IOException {
    return new NdjsonContacts(JSON.createParser(in), table);
  }

  static NdjsonContacts open(Reader in, ContactTable.Builder table) throws IOException {
    return new NdjsonContacts(JSON.createParser(in), table);
  }

  /** Appends every contact up to the end of the stream. */
  void readAll() throws IOException {
    try {
      JsonToken t;
      while ((t = parser.nextToken()) != null) {
        line = parser.currentTokenLocation().getLineNr();
        if (t != JsonToken.START_OBJECT) {
          throw error("", "a JSON object (one contact per line)", describe(t));
        }
        table.beginRow();
        try {
          readContact();
          table.endRow();
        } catch (RuntimeException | IOException e) {
          table.abortRow();
          throw e;
        }
      }
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("line " + e.getLocation().getLineNr()
          + ": the text must be valid JSON, but " + e.getOriginalMessage(), e);
    }
  }

  private void readContact() throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken t = parser.nextToken();
      switch (field) {
        case "id" -> {
          if (t != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
            throw error("id", "a non-blank string", describe(t));
          }
          table.rowId(parser.getText());
        }
        case "attributes" -> {
          if (t == JsonToken.START_OBJECT) {
            readAttributes();
          } else if (t != JsonToken.VALUE_NULL) {
            throw error("attributes", "an object", describe(t));
          }
        }
        case "events" -> {
          if (t == JsonToken.START_ARRAY) {
            readEvents();
          } else if (t != JsonToken.VALUE_NULL) {
            throw error("events", "an array", describe(t));
          }
        }
        default -> throw error(field, "a known field (id, attributes, events)",
            "present");
      }
    }
    if (!table.hasRowId()) {
      throw error("id", "a non-blank string", "missing");
    }
  }

  private void readAttributes() throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String where = "attributes." + name;
      if (name.isBlank()) {
        throw error("attributes", "an object with non-blank names", "a blank name");
      }
      JsonToken t = parser.nextToken();
      Object value;
      switch (t) {
        case VALUE_STRING -> value = parser.getText();
        case VALUE_TRUE -> value = Boolean.TRUE;
        case VALUE_FALSE -> value = Boolean.FALSE;
        case VALUE_NULL -> value = null;
        case VALUE_NUMBER_INT -> value = switch (parser.getNumberType()) {
          case INT, LONG -> parser.getLongValue();
          default -> finite(where, parser.getBigIntegerValue().doubleValue());
        };
        case VALUE_NUMBER_FLOAT -> value = finite(where, parser.getDoubleValue());
        default -> throw error(where, "a string, a finite number, a boolean or null",
            describe(t));
      }
      if (value != null) {
        table.setAttribute(name, Contact.normalizeAttribute(name, value));
      }
    }
  }

  private void readEvents() throws IOException {
    int index = 0;
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      String where = "events[" + index + "]";
      if (t != JsonToken.START_OBJECT) {
        throw error(where, "an object", describe(t));
      }
      String type = null;
      long at = Long.MIN_VALUE;
      int atNano = 0;
      boolean hasValue = false;
      double value = 0.0;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken v = parser.nextToken();
        switch (field) {
          case "type" -> {
            if (v != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
              throw error(where + ".type", "a non-blank string", describe(v));
            }
            type = parser.getText();
          }
          case "at" -> {
            if (v != JsonToken.VALUE_STRING) {
              throw error(where + ".at", "an ISO-8601 instant", describe(v));
            }
            char[] text = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            at = Instants.canonicalSecond(text, offset, length);
            if (at != Long.MIN_VALUE) {
              atNano = Instants.canonicalNano(text, offset, length);
            } else {
              try {
                Instant parsed = Instant.parse(new String(text, offset, length));
                at = parsed.getEpochSecond();
                atNano = parsed.getNano();
              } catch (DateTimeParseException e) {
                throw error(where + ".at", "an ISO-8601 instant", describe(v));
              }
            }
          }
          case "value" -> {
            if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
              hasValue = true;
              value = finite(where + ".value", parser.getDoubleValue());
            } else if (v != JsonToken.VALUE_NULL) {
              throw error(where + ".value", "a finite number or null", describe(v));
            }
          }
          default -> throw error(where + "." + field, "a known field (type, at, value)",
              "present");
        }
      }
      if (type == null) {
        throw error(where + ".type", "a non-blank string", "missing");
      }
      if (at == Long.MIN_VALUE) {
        throw error(where + ".at", "an ISO-8601 instant", "missing");
      }
      try {
        table.addEvent(type, at, atNano, hasValue, value, where);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
      }
      index++;
    }
  }

  private double finite(String where, double value) throws IOException {
    if (!Double.isFinite(value)) {
      throw error(where, "a finite number", describe(parser.currentToken()));
    }
    return value;
  }

  private String describe(JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> Values.describe(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
          parser.getText();
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> t.asString() == null ? t.name() : t.asString();
    };
  }

  private IllegalArgumentException error(String where, String constraint, String was) {
    String prefix = "line " + line + ": ";
    if (where.isEmpty()) {
      return new IllegalArgumentException(prefix + "each line must be " + constraint
          + ", but was " + was);
    }
    return new IllegalArgumentException(prefix + "contact." + where + " must be " + constraint
        + ", but was " + was);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
