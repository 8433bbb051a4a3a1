package dev.scoring.core.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.scoring.core.internal.Words;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The one reader of SPEC section 1: parses the UTF-8 bytes of one contact (an NDJSON line or
 * a single document) by streaming over its tokens, no tree and no data binding, into a
 * {@link ContactSink}. Every path that reads contacts goes through {@link #parse}, so every
 * path accepts and refuses the same text with the same {@link ContactJsonException}.
 * {@link NdjsonReader}'s block mode reads many lines with one Jackson parser through
 * {@link #parseInBlock}, the same code for a contact's fields; it takes only what
 * {@code parse} takes and hands anything else back to {@code parse}.
 *
 * <p>The string values read most (the id, event types and instants, attribute strings) are
 * read straight from the input bytes when they are plain printable ASCII with no escape
 * (every byte in {@code 0x20..0x7E}, none of them {@code "} or {@code \}) and within the
 * string length limit: Jackson then only skips them. Anything else is read through Jackson's
 * text, as before, so the contacts and the errors are the same either way.
 *
 * <p>Not thread-safe: it keeps per-contact scratch state; one per reader.
 */
final class ContactParser {
  private static final String FIELDS = "(id, attributes, events)";
  private static final String EVENT_FIELDS = "(type, at, value)";
  private static final int DESCRIBE_MAX = 57;

  private static final long SPACES = Words.ONES * ' ';
  private static final long QUOTES = Words.ONES * '"';
  private static final long BACKSLASHES = Words.ONES * '\\';
  private static final long DELETES = Words.ONES * 0x7F;

  private final JsonFactory factory;
  private final LinesJsonFactory linesFactory;
  private final JsonLimits limits;
  private final Instants instants = new Instants();
  private final StringCache strings = new StringCache(StringCache.SIZE);
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

  // The bytes the parser reads, set by input(): plain ASCII strings are read from them.
  private byte[] input;
  private int inputFrom;
  private int inputTo;
  // Where the string found by the last successful plain() starts in input.
  private int plainFrom;

  /**
   * A parser of contacts.
   *
   * @param limits       the limits in force
   * @param factory      makes a parser per document or line, with the limits
   * @param linesFactory makes parsers over many lines ({@link #openBlock}): the limits but the
   *                     document length, which the caller checks line by line
   */
  ContactParser(JsonLimits limits, JsonFactory factory, LinesJsonFactory linesFactory) {
    this.limits = limits;
    this.factory = factory;
    this.linesFactory = linesFactory;
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
    begin(line, sink);
    input(utf8, offset, offset + length);
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
      input = null;
    }
  }

  /**
   * Tells where the bytes are that the next Jackson parser reads, so that plain ASCII string
   * values can be read from them directly: call it with the same array and range the parser
   * is created with ({@code factory.createParser(bytes, from, to - from)}).
   *
   * @param bytes the array the parser reads
   * @param from  the offset the parser was created with: its token offsets count from here
   * @param to    where the parser's input ends; no byte at or after it is read
   */
  void input(byte[] bytes, int from, int to) {
    input = bytes;
    inputFrom = from;
    inputTo = to;
  }

  /**
   * The length in bytes of the current string value, read from the input bytes, when it is
   * plain printable ASCII (bytes {@code 0x20..0x7E}, no {@code "} and no {@code \}) and at
   * most the string length limit; its first byte is then at {@link #plainFrom}. Otherwise -1:
   * the caller goes through Jackson's text, which reads or refuses it exactly as before.
   * Jackson skips the string on the next token either way.
   */
  private int plain(JsonParser p) {
    int from = start(p);
    if (from < 0) {
      return -1;
    }
    int length = plainLength(input, from, plainEnd(from));
    if (length >= 0) {
      plainFrom = from;
      consumed(p, from + length + 1);
    }
    return length;
  }

  /**
   * Where the current string value's first byte is in {@link #input}, or -1 when the input
   * is not known.
   */
  private int start(JsonParser p) {
    byte[] in = input;
    if (in == null || !(p instanceof ParserBase base)) {
      return -1;
    }
    // Jackson's token offset of a string is its first byte, just after the opening quote
    // (JacksonTokenOffsetTest); the quote is checked, so any other meaning falls back.
    long first = inputFrom + base.getTokenCharacterOffset();
    if (first <= inputFrom || first > inputTo || in[(int) first - 1] != '"') {
      return -1;
    }
    return (int) first;
  }

  /**
   * Tells a parser over many lines that the current string value, read from the bytes, ends
   * just before {@code end} (after its closing quote), so that it does not scan it again.
   * Parsers of single lines scan it themselves.
   */
  private static void consumed(JsonParser p, int end) {
    if (p instanceof LinesJsonFactory.LinesParser lines) {
      lines.skipString(end);
    }
  }

  /** Where to stop looking for the closing quote of a plain string starting at {@code from}. */
  private int plainEnd(int from) {
    return (int) Math.min(inputTo, (long) from + limits.maxStringLength() + 1);
  }

  /**
   * The length of the plain ASCII string starting at {@code from}: the number of bytes in
   * {@code 0x20..0x7E}, none of them {@code \}, before a {@code "}; or -1 when another byte
   * comes first or no {@code "} comes before {@code to}.
   *
   * @param bytes the input
   * @param from  the string's first byte, just after its opening quote
   * @param to    where to stop looking for the closing quote
   * @return the length, or -1
   */
  static int plainLength(byte[] bytes, int from, int to) {
    int i = from;
    // Eight bytes at a time: the lowest byte flagged by stops is the first one that is not
    // plain (a borrow only flags bytes above a flagged one).
    while (i <= to - 8) {
      long w = Words.at(bytes, i);
      long stops = stops(w);
      if (stops != 0) {
        int at = i + (Long.numberOfTrailingZeros(stops) >>> 3);
        return bytes[at] == '"' ? at - from : -1;
      }
      i += 8;
    }
    for (; i < to; i++) {
      byte b = bytes[i];
      if (b == '"') {
        return i - from;
      }
      if (b < 0x20 || b == '\\' || b == 0x7F) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * The high bit of each byte of {@code w} that is below {@code 0x20}, a quote, a backslash,
   * {@code 0x7F} or not ASCII; bytes above the lowest flagged one may be flagged falsely.
   */
  private static long stops(long w) {
    return ((w - SPACES) & ~w & Words.HIGHS) | Words.equal(w, QUOTES)
        | Words.equal(w, BACKSLASHES) | Words.equal(w, DELETES) | (w & Words.HIGHS);
  }

  /**
   * A parser over many lines for {@link #parseInBlock}, with the limits of {@link #parse}.
   *
   * @param utf8   the buffer, valid UTF-8 in {@code [offset, offset + length)}
   * @param offset where the lines start
   * @param length their length in bytes (the caller checks each line's length)
   * @return the parser (close it)
   * @throws IOException if Jackson cannot make one
   */
  LinesJsonFactory.LinesParser openBlock(byte[] utf8, int offset, int length)
      throws IOException {
    LinesJsonFactory.LinesParser p = linesFactory.open(utf8, offset, length);
    input(utf8, offset, offset + length);
    return p;
  }

  /** Forgets where the last contact ended and begins the next one in the sink. */
  private void begin(long line, ContactSink sink) {
    this.line = line;
    field = null;
    fieldName = null;
    attribute = null;
    event = -1;
    eventField = null;
    inAttributes = false;
    sink.begin(line);
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
    body(p, sink);
    t = p.nextToken();
    if (t != null) {
      throw error(line > 0 ? "a single JSON object (one contact per line)"
          : "a single JSON object",
          "followed by more content at column " + p.currentTokenLocation().getColumnNr());
    }
    sink.end();
  }

  /**
   * Block mode, for {@link NdjsonReader}: reads the contact whose {@code START_OBJECT} is the
   * current token of a parser over many lines, up to its {@code END_OBJECT}, into the sink
   * ({@code begin} and its parts, not {@code end}). The caller checks that the contact is
   * alone on its line, then calls {@link #endInBlock} or {@link ContactSink#abort()}.
   * Returns false, after {@code abort}, for anything {@link #parse} would refuse or report
   * (the caller then reads the line with {@code parse}, which gives the message): so block
   * mode accepts exactly what {@code parse} accepts, and reports nothing itself.
   *
   * @param p    a parser whose current token is a root {@code START_OBJECT}
   * @param line the line number of that token, from 1
   * @param sink receives the contact
   * @return whether the contact was read; false after {@link ContactSink#abort()}
   */
  boolean parseInBlock(JsonParser p, long line, ContactSink sink) {
    begin(line, sink);
    current = p;
    try {
      body(p, sink);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      // IOException includes Jackson's; IllegalArgumentException includes ContactJsonException
      // and what the sink refuses
      sink.abort();
      return false;
    } catch (RuntimeException | Error e) {
      sink.abort();
      throw e;
    } finally {
      current = null;
    }
  }

  /**
   * Ends a contact of {@link #parseInBlock}: {@link ContactSink#end()}; false, after
   * {@code abort}, if the sink refuses it (then {@link #parse} reports it as it would).
   *
   * @param sink the sink that {@code parseInBlock} filled
   * @return whether the sink took the contact
   */
  boolean endInBlock(ContactSink sink) {
    try {
      sink.end();
      return true;
    } catch (IllegalArgumentException e) {
      sink.abort();
      return false;
    } catch (RuntimeException | Error e) {
      sink.abort();
      throw e;
    }
  }

  /** A contact's fields, after its {@code START_OBJECT} up to its {@code END_OBJECT}. */
  private void body(JsonParser p, ContactSink sink) throws IOException {
    JsonToken t;
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
          int plain = plain(p);
          String id;
          if (plain >= 0) {
            id = new String(input, plainFrom, plain, StandardCharsets.ISO_8859_1);
          } else {
            checkLength(p);
            id = p.getText();
          }
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
        case VALUE_STRING -> sink.attribute(name, string(p));
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
            type = string(p);
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
            if (!readInstant(p)) {
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

  /** The current string value, through the cache of short strings; checked for length. */
  private String string(JsonParser p) throws IOException {
    int from = start(p);
    if (from >= 0) {
      // A string seen before is found without looking for its end: its bytes and the
      // closing quote after them are compared, and they are plain.
      String seen = strings.seen(input, from, inputTo);
      if (seen != null) {
        consumed(p, from + seen.length() + 1);
        return seen;
      }
      int length = plainLength(input, from, plainEnd(from));
      if (length >= 0) {
        consumed(p, from + length + 1);
        return strings.get(input, from, length, inputTo);
      }
    }
    checkLength(p);
    return strings.get(p);
  }

  /**
   * Reads the current string value as an instant into {@link #instants}: the usual form
   * {@code yyyy-MM-ddTHH:mm:ssZ} straight from the bytes without looking for the string's
   * end (the bytes the fast reader accepts are plain, and the quote after them closes the
   * string), other plain strings from the bytes, anything else from Jackson's text.
   *
   * @return whether it is an instant of SPEC section 1's range
   */
  private boolean readInstant(JsonParser p) throws IOException {
    int from = start(p);
    if (from >= 0) {
      int seconds = Instants.SECONDS_LENGTH;
      if (seconds <= limits.maxStringLength() && from + seconds < inputTo
          && input[from + seconds] == '"' && instants.fast(input, from, seconds)) {
        consumed(p, from + seconds + 1);
        return true;
      }
      int length = plainLength(input, from, plainEnd(from));
      if (length >= 0) {
        consumed(p, from + length + 1);
        return instants.read(input, from, length);
      }
    }
    checkLength(p);
    return instants.read(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
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
   * sector) is one {@code String}, not one per occurrence: a direct-mapped cache. A plain
   * string is keyed by its length and two little-endian words, its first and its last eight
   * bytes (all of its bytes when it has at most 16), so most lookups compare two words and
   * no byte; its bytes are kept beside it for longer ones. Jackson's characters go to the
   * same lookup when they are plain (copied into a scratch array), else to a slot chosen by
   * {@link String#hashCode()}.
   */
  static final class StringCache {
    /** The number of slots of the reader's cache. */
    static final int SIZE = 256;
    /** The longest string cached, in bytes. */
    static final int MAX_LENGTH = 48;
    private final int mask;
    private final String[] cached;
    // Per slot: the string's bytes (MAX_LENGTH each), their count (-1: not plain), words.
    private final byte[] bytes;
    private final int[] lengths;
    private final long[] firsts;
    private final long[] lasts;
    // Slots of the strings above by the eight bytes at their start as they were read, the
    // bytes after a shorter string included, so a string seen before is found before its
    // length is known: -1 for none.
    private final int[] seen;
    // Jackson's plain characters as bytes, with room for an eight-byte read.
    private final byte[] scratch = new byte[MAX_LENGTH + 8];
    // The slot of the last get from bytes.
    private int lastSlot;

    /**
     * A cache of {@code slots} slots.
     *
     * @param slots a power of two, at most 256 (tests use one or two, so every lookup
     *     compares)
     */
    StringCache(int slots) {
      mask = slots - 1;
      cached = new String[slots];
      bytes = new byte[slots * MAX_LENGTH];
      lengths = new int[slots];
      firsts = new long[slots];
      lasts = new long[slots];
      seen = new int[slots];
      Arrays.fill(lengths, -1);
      Arrays.fill(seen, -1);
    }

    /**
     * The cached string whose bytes start at {@code from} and are followed by a quote, found
     * by the eight bytes at {@code from}; null if there is none (or it cannot be told).
     *
     * @param in   the input
     * @param from the string's first byte
     * @param to   the end of the input
     * @return the string, or null
     */
    String seen(byte[] in, int from, int to) {
      if (from + 8 > to) {
        return null;
      }
      long word = Words.at(in, from);
      int slot = seen[seenSlot(word)];
      if (slot < 0) {
        return null;
      }
      int length = lengths[slot];
      if (length < 0 || from + length >= to || in[from + length] != '"') {
        return null;
      }
      int at = slot * MAX_LENGTH;
      if (length < 8) {
        return (word & ((1L << (length << 3)) - 1)) == firsts[slot] ? cached[slot] : null;
      }
      return word == firsts[slot] && Words.at(in, from + length - 8) == lasts[slot]
          && middleEquals(at, in, from, length) ? cached[slot] : null;
    }

    private int seenSlot(long word) {
      return (int) ((word * 0x9E3779B97F4A7C15L) >>> 56) & mask;
    }

    /**
     * As {@link #get(byte[], int, int)}, and remembers the string by the eight bytes at
     * {@code from} for {@link #seen}.
     *
     * @param in     the input
     * @param from   the string's first byte
     * @param length its length, all plain ASCII, followed by a quote
     * @param to     the end of the input
     * @return the string
     */
    String get(byte[] in, int from, int length, int to) {
      String s = get(in, from, length);
      if (length <= MAX_LENGTH && from + 8 <= to) {
        seen[seenSlot(Words.at(in, from))] = lastSlot;
      }
      return s;
    }

    /** The string of plain ASCII bytes {@code [from, from + length)} of {@code in}. */
    String get(byte[] in, int from, int length) {
      if (length > MAX_LENGTH) {
        return new String(in, from, length, StandardCharsets.ISO_8859_1);
      }
      long first;
      long last;
      if (length >= 8) {
        first = Words.at(in, from);
        last = Words.at(in, from + length - 8);
      } else {
        first = from + 8 <= in.length ? Words.at(in, from) & ((1L << (length << 3)) - 1)
            : word(in, from, length);
        last = 0;
      }
      int slot = (int) ((first * 0x9E3779B97F4A7C15L ^ last * 0xC2B2AE3D27D4EB4FL ^ length)
          >>> 56) & mask;
      int at = slot * MAX_LENGTH;
      lastSlot = slot;
      if (lengths[slot] == length && firsts[slot] == first && lasts[slot] == last
          && middleEquals(at, in, from, length)) {
        return cached[slot];
      }
      String s = new String(in, from, length, StandardCharsets.ISO_8859_1);
      cached[slot] = s;
      System.arraycopy(in, from, bytes, at, length);
      lengths[slot] = length;
      firsts[slot] = first;
      lasts[slot] = last;
      return s;
    }

    /**
     * Whether the bytes between the first and the last eight of a string of at least eight
     * bytes equal those of the slot at {@code at}: a word at a time (the last word may
     * overlap the last eight bytes, compared already); none when it has at most 16.
     */
    private boolean middleEquals(int at, byte[] in, int from, int length) {
      for (int k = 8; k < length - 8; k += 8) {
        if (Words.at(bytes, at + k) != Words.at(in, from + k)) {
          return false;
        }
      }
      return true;
    }

    /** Fewer than eight bytes as a little-endian word, the missing high bytes zero. */
    private static long word(byte[] in, int from, int length) {
      long w = 0;
      for (int i = length - 1; i >= 0; i--) {
        w = (w << 8) | (in[from + i] & 0xFF);
      }
      return w;
    }

    /** The current string value of Jackson's parser. */
    String get(JsonParser p) throws IOException {
      int length = p.getTextLength();
      if (length > MAX_LENGTH) {
        return p.getText();
      }
      char[] text = p.getTextCharacters();
      int offset = p.getTextOffset();
      // Only plain strings go by their bytes: seen() takes the bytes it compares for the
      // whole string, so an entry must be what a plain string reads as.
      boolean plain = true;
      for (int i = 0; i < length; i++) {
        char c = text[offset + i];
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
          plain = false;
          break;
        }
        scratch[i] = (byte) c;
      }
      if (plain) {
        return get(scratch, 0, length);
      }
      int h = 0;
      for (int i = offset; i < offset + length; i++) {
        h = 31 * h + text[i];
      }
      int slot = (h ^ (h >>> 16)) & mask;
      String s = cached[slot];
      if (s != null && s.length() == length && s.hashCode() == h && equal(s, text, offset)) {
        return s;
      }
      s = new String(text, offset, length);
      cached[slot] = s;
      lengths[slot] = -1;
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
