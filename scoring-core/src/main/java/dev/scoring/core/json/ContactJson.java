package dev.scoring.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.ContactTable;
import dev.scoring.core.internal.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Contacts as JSON (SPEC section 1): one document, or NDJSON streams of one contact per
 * line, read lazily in constant memory as {@link Contact} objects ({@link #lines}), straight
 * into a {@link ContactTable} ({@link #readTable}) or into any {@link ContactSink}
 * ({@link #readInto}). All of them go through one reader, so they accept and refuse the same
 * lines with the same message (the format, line ends, UTF-8 handling and limits are
 * described in {@code docs/contacts.md} and {@link ContactLines}).
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
  private final JsonFactory factory;
  private final LinesJsonFactory linesFactory;

  private ContactJson(JsonLimits limits) {
    this.limits = limits;
    this.factory = JsonSupport.readerFactory(limits);
    this.linesFactory = JsonSupport.linesReaderFactory(limits);
  }

  /**
   * Returns a reader with the default {@link JsonLimits}.
   *
   * @return the reader
   */
  public static ContactJson defaults() {
    return DEFAULT;
  }

  /**
   * Returns a reader with the given limits; {@link JsonLimits#maxDocumentLength()} applies to
   * each document or line, in UTF-8 bytes.
   *
   * @param limits the limits
   * @return the reader
   * @throws NullPointerException if {@code limits} is null
   */
  public static ContactJson withLimits(JsonLimits limits) {
    return new ContactJson(Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Returns the limits in force.
   *
   * @return the limits
   */
  public JsonLimits limits() {
    return limits;
  }

  private ContactParser parser() {
    return new ContactParser(limits, factory, linesFactory);
  }

  /** A new parser with these limits, for one thread. */
  ContactParser newParser() {
    return parser();
  }

  /**
   * Reads one contact. The document may span several lines; it is checked as its UTF-8
   * encoding, so its length counts bytes and an unpaired surrogate is refused.
   *
   * @param json a JSON object
   * @return the contact
   * @throws ContactJsonException if it is not a valid contact (line number 0)
   */
  public Contact read(String json) {
    ContactObjects sink = new ContactObjects();
    read(json, sink);
    return sink.take();
  }

  /**
   * Reads one contact into any {@link ContactSink}, as {@link #read(String)} reads it (the
   * same reader, the same text accepted and refused with the same messages, line number 0).
   *
   * @param json a JSON object
   * @param sink receives the contact
   * @throws ContactJsonException if it is not a valid contact (after the sink's
   *     {@link ContactSink#abort()} when the sink had begun it)
   */
  public void read(String json, ContactSink sink) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sink, "sink");
    if (json.length() > limits.maxDocumentLength()) {
      throw new ContactJsonException(0, "", "contact must be at most "
          + limits.maxDocumentLength() + " bytes long, but was longer");
    }
    byte[] utf8 = new byte[3 * json.length()];
    int length = Utf8.encode(json, 0, json.length(), utf8, 0);
    if (length > limits.maxDocumentLength()) {
      throw new ContactJsonException(0, "", "contact must be at most "
          + limits.maxDocumentLength() + " bytes long, but was longer");
    }
    int bad = Utf8.invalidAt(utf8, 0, length);
    if (bad >= 0) {
      throw new ContactJsonException(0, "", "contact must be valid UTF-8, but was invalid at"
          + " byte " + (bad + 1) + " (0x" + String.format("%02X", utf8[bad] & 0xFF) + ")");
    }
    parser().parse(utf8, 0, length, 0, sink);
  }

  /**
   * Reads NDJSON contacts lazily, failing at the first bad line.
   *
   * @param in the lines; closed when the result is closed
   * @return the contacts
   */
  public ContactLines lines(Reader in) {
    return new ContactLines(new NdjsonReader(Objects.requireNonNull(in, "in"), parser(),
        limits), null);
  }

  /**
   * Reads NDJSON contacts lazily, reporting each bad line and going on with the next.
   *
   * @param in        the lines; closed when the result is closed
   * @param onBadLine receives every bad line, in order
   * @return the contacts of the good lines
   */
  public ContactLines lines(Reader in, Consumer<BadLine> onBadLine) {
    return new ContactLines(new NdjsonReader(Objects.requireNonNull(in, "in"), parser(),
        limits), Objects.requireNonNull(onBadLine, "onBadLine"));
  }

  /**
   * Reads NDJSON contacts lazily from UTF-8 bytes, failing at the first bad line.
   *
   * @param in the bytes; closed when the result is closed
   * @return the contacts
   */
  public ContactLines lines(InputStream in) {
    return new ContactLines(new NdjsonReader(Objects.requireNonNull(in, "in"), parser(),
        limits), null);
  }

  /**
   * Reads NDJSON contacts lazily from UTF-8 bytes, reporting each bad line.
   *
   * @param in        the bytes; closed when the result is closed
   * @param onBadLine receives every bad line, in order
   * @return the contacts of the good lines
   */
  public ContactLines lines(InputStream in, Consumer<BadLine> onBadLine) {
    return new ContactLines(new NdjsonReader(Objects.requireNonNull(in, "in"), parser(),
        limits), Objects.requireNonNull(onBadLine, "onBadLine"));
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

  /**
   * Reads NDJSON (UTF-8) into a new {@link ContactTable}, failing at the first bad line,
   * with no object per contact. The stream is read to its end (or the bad line) but not
   * closed.
   *
   * @param in the bytes
   * @return the table
   * @throws ContactJsonException at the first bad line
   * @throws UncheckedIOException if reading fails
   */
  public ContactTable readTable(InputStream in) {
    ContactTable.Builder table = ContactTable.builder();
    readInto(in, table.sink(), null);
    return table.build();
  }

  /**
   * Reads NDJSON (UTF-8) into a new {@link ContactTable}, reporting each bad line and going
   * on with the next. The stream is read to its end but not closed.
   *
   * @param in        the bytes
   * @param onBadLine receives every bad line, in order
   * @return the table of the good lines' contacts, in line order
   * @throws UncheckedIOException if reading fails
   */
  public ContactTable readTable(InputStream in, Consumer<BadLine> onBadLine) {
    ContactTable.Builder table = ContactTable.builder();
    readInto(in, table.sink(), Objects.requireNonNull(onBadLine, "onBadLine"));
    return table.build();
  }

  /**
   * Reads an NDJSON file (UTF-8) into a new {@link ContactTable}, failing at the first bad
   * line.
   *
   * @param file the file
   * @return the table
   * @throws ContactJsonException at the first bad line
   * @throws IOException if the file cannot be opened or read
   */
  public ContactTable readTable(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readTable(in);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Reads an NDJSON file (UTF-8) into a new {@link ContactTable}, reporting each bad line.
   *
   * @param file      the file
   * @param onBadLine receives every bad line, in order
   * @return the table of the good lines' contacts, in line order
   * @throws IOException if the file cannot be opened or read
   */
  public ContactTable readTable(Path file, Consumer<BadLine> onBadLine) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readTable(in, onBadLine);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Reads NDJSON (UTF-8) into a new {@link ContactTable} on {@code threads} threads: the
   * input is cut into chunks of about 4 MiB at line ends, the chunks are parsed in parallel
   * into tables of their own and joined in order ({@link ContactTable#concat}), with no
   * object per contact. The result, the bad lines (with their true line numbers, in order,
   * reported as the chunks are joined) and the error thrown are those of
   * {@link #readTable(InputStream, Consumer)}. A file whose lines all end with a lone
   * {@code \r} cannot be cut and is read on one thread. The stream is read to its end but
   * not closed.
   *
   * @param in        the bytes
   * @param threads   at least 1
   * @param onBadLine receives every bad line, in order; null to fail at the first one
   * @return the table of the good lines' contacts, in line order
   * @throws ContactJsonException at the first bad line when {@code onBadLine} is null
   * @throws IllegalArgumentException if {@code threads < 1}
   * @throws UncheckedIOException if reading fails
   */
  public ContactTable readTable(InputStream in, int threads, Consumer<BadLine> onBadLine) {
    return ParallelNdjson.read(Objects.requireNonNull(in, "in"), threads, this, onBadLine,
        ParallelNdjson.CHUNK);
  }

  /**
   * The default size of a block of {@link #readBlocks}: 512 KiB (524,288 bytes), cut at the
   * next line end. Small enough that a block's buffer is an ordinary young object for G1
   * (below its humongous threshold of half a 2 MiB region), large enough that the work per
   * block (hundreds of contacts) dwarfs the hand-over between threads.
   */
  public static final int BLOCK_BYTES = 512 * 1024;

  /**
   * Reads NDJSON (UTF-8) in blocks, in memory linear in the block size and the threads, never
   * in the input: the calling thread cuts the input into blocks of about {@code blockBytes}
   * at line ends; {@code threads} workers parse the blocks in parallel, each into a
   * {@link ContactTable} of its own, and run {@code work} on it; the calling thread hands
   * each result to {@code inOrder}, in input order, after reporting that block's bad lines.
   * At most {@code 2 * threads} blocks are held at a time (waiting, in work, or done and not
   * yet handed on); block buffers are reused. The contacts, the bad lines (true line numbers,
   * in order) and the messages are those of {@link #readTable(InputStream, Consumer)}: the
   * blocks' tables joined in order equal its table. Failing fast ({@code onBadLine} null),
   * every block before the bad line's is handed on, then the bad line's block with the
   * contacts before it (if any), then the {@link ContactJsonException} is thrown. A block
   * with no good contact is not handed on. A file whose lines all end with a lone {@code \r}
   * cannot be cut and is one block. The stream is read to its end but not closed.
   *
   * <pre>{@code
   * ContactJson.defaults().readBlocks(in, 2, ContactJson.BLOCK_BYTES, bad::add,
   *     block -> scorer.score(block, asOf, 1),          // on a worker, in parallel
   *     scores -> total.addAndGet(scores.size()));       // on this thread, in order
   * }</pre>
   *
   * @param <R>        what the work makes of a block
   * @param in         the bytes
   * @param threads    worker threads, at least 1 (the calling thread reads and hands on)
   * @param blockBytes the size a block is cut at (the next line end after it), at least 1;
   *                   {@link #BLOCK_BYTES} is a good default
   * @param onBadLine  receives every bad line, in order, on the calling thread; null to fail
   *                   at the first one
   * @param work       runs on a worker thread, once per block with its good contacts, in no
   *                   particular order and possibly at the same time as other blocks' work;
   *                   returns a non-null result
   * @param inOrder    receives each block's result on the calling thread, in input order
   * @return the number of contacts read (handed to {@code work})
   * @throws ContactJsonException at the first bad line when {@code onBadLine} is null
   * @throws IllegalArgumentException if {@code threads < 1} or {@code blockBytes < 1}
   * @throws UncheckedIOException if reading fails
   * @throws RuntimeException what {@code work} or {@code inOrder} throws, after which no
   *     further result is handed on
   */
  public <R> long readBlocks(InputStream in, int threads, int blockBytes,
      Consumer<BadLine> onBadLine, Function<ContactTable, ? extends R> work,
      Consumer<? super R> inOrder) {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(inOrder, "inOrder");
    Function<ContactTable, R> w = t -> Objects.requireNonNull(work.apply(t), "work's result");
    return ParallelNdjson.stream(Objects.requireNonNull(in, "in"), threads, this, onBadLine,
        blockBytes, w, inOrder);
  }

  /** As {@link #readTable(InputStream, int, Consumer)}, with the chunk size given (tests). */
  ContactTable readTable(InputStream in, int threads, Consumer<BadLine> onBadLine,
      int chunkSize) {
    return ParallelNdjson.read(in, threads, this, onBadLine, chunkSize);
  }

  /**
   * Reads NDJSON (UTF-8) into any {@link ContactSink}: the streaming reader every other
   * method of this class is made of. The stream is read to its end (or, failing fast, the
   * bad line) but not closed.
   *
   * @param in        the bytes
   * @param sink      receives each good line's contact
   * @param onBadLine receives every bad line, in order; null to fail at the first one
   * @return the number of contacts passed to the sink
   * @throws ContactJsonException at the first bad line when {@code onBadLine} is null
   * @throws UncheckedIOException if reading fails
   */
  public long readInto(InputStream in, ContactSink sink, Consumer<BadLine> onBadLine) {
    Objects.requireNonNull(sink, "sink");
    return readAll(new NdjsonReader(Objects.requireNonNull(in, "in"), parser(), limits), sink,
        onBadLine);
  }

  /**
   * Reads NDJSON characters into any {@link ContactSink}, as
   * {@link #readInto(InputStream, ContactSink, Consumer)} reads bytes (the same reader, the
   * same lines accepted and refused with the same messages). The reader is read to its end
   * (or, failing fast, the bad line) but not closed.
   *
   * @param in        the characters
   * @param sink      receives each good line's contact
   * @param onBadLine receives every bad line, in order; null to fail at the first one
   * @return the number of contacts passed to the sink
   * @throws ContactJsonException at the first bad line when {@code onBadLine} is null
   * @throws UncheckedIOException if reading fails
   */
  public long readInto(Reader in, ContactSink sink, Consumer<BadLine> onBadLine) {
    Objects.requireNonNull(sink, "sink");
    return readAll(new NdjsonReader(Objects.requireNonNull(in, "in"), parser(), limits), sink,
        onBadLine);
  }

  private static long readAll(NdjsonReader reader, ContactSink sink,
      Consumer<BadLine> onBadLine) {
    long contacts = 0;
    while (true) {
      try {
        if (!reader.next(sink)) {
          return contacts;
        }
        contacts++;
      } catch (ContactJsonException e) {
        if (onBadLine == null) {
          throw e;
        }
        onBadLine.accept(e.toBadLine());
      }
    }
  }

  /**
   * Reads an event instant exactly as the contact reader reads an event's {@code at}: ISO-8601
   * text as {@link Instant#parse(CharSequence)} reads it, within SPEC section 1's range (years
   * 0001 to 9999, to the nanosecond), with no whitespace around it. For adapters that take
   * events from other formats (CSV, tables), so they accept and refuse the same instants.
   *
   * @param text the text
   * @return the instant
   * @throws java.time.format.DateTimeParseException if it is not such an instant; its message
   *     is the constraint ({@code "must be an ISO-8601 instant from ... to ..."})
   */
  public static Instant instant(String text) {
    return Instants.parse(java.util.Objects.requireNonNull(text, "text"));
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
