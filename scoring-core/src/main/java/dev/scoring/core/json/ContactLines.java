package dev.scoring.core.json;

import dev.scoring.api.Contact;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The contacts of an NDJSON stream, one JSON object per line, read lazily: one line is held
 * at a time (at most {@link JsonLimits#maxDocumentLength()} characters), whatever the size
 * of the input. Obtain one from {@link ContactJson#lines(Reader)} (fail-fast) or
 * {@link ContactJson#lines(Reader, Consumer)} (skip-and-report).
 *
 * <ul>
 *   <li>Lines end with {@code \n} or {@code \r\n}; blank lines (only whitespace) hold no
 *       contact and are passed over, but counted in line numbers; a byte-order mark at the
 *       start is ignored.
 *   <li>Fail-fast: the first bad line makes {@link #hasNext()} throw a
 *       {@link ContactJsonException} naming its line number and JSON path.
 *   <li>Skip-and-report: every bad line is handed to the reporter as a {@link BadLine} (in
 *       order, as it is reached) and every good line is still returned; none is dropped
 *       silently. A line longer than the limit is reported and skipped without being held
 *       in memory.
 * </ul>
 * An input that cannot be read (an I/O error, bytes that are not UTF-8) makes
 * {@link #hasNext()} throw an {@link UncheckedIOException} naming the line, in both modes.
 *
 * <pre>{@code
 * List<BadLine> bad = new ArrayList<>();
 * try (ContactLines contacts = ContactJson.defaults().lines(file, bad::add)) {
 *   while (contacts.hasNext()) {
 *     Score score = model.score(contacts.next(), asOf);
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one consumer at a time. Closing it closes the underlying input.
 */
public final class ContactLines implements Iterator<Contact>, Closeable {
  private final Reader in;
  private final ContactParser parser;
  private final long maxLength;
  private final Consumer<BadLine> onBadLine;
  private final char[] buffer = new char[8192];
  private final StringBuilder line = new StringBuilder(256);
  private int pos;
  private int limit;
  private boolean eof;
  private long lineNumber;
  private long contacts;
  private long badLines;
  private Contact next;

  ContactLines(Reader in, ContactParser parser, JsonLimits limits, Consumer<BadLine> onBadLine) {
    this.in = in;
    this.parser = parser;
    this.maxLength = limits.maxDocumentLength();
    this.onBadLine = onBadLine;
  }

  /**
   * Returns whether another contact follows, reading as many lines as needed to find it.
   *
   * @throws ContactJsonException in fail-fast mode, at the first bad line
   * @throws UncheckedIOException if the input cannot be read
   */
  @Override
  public boolean hasNext() {
    while (next == null) {
      int state = readLine();
      if (state == EOF) {
        return false;
      }
      if (state == TOO_LONG) {
        bad(new ContactJsonException(lineNumber, "", "line " + lineNumber
            + ": contact must be at most " + maxLength + " characters long, but was longer"));
        continue;
      }
      if (isBlank(line)) {
        continue;
      }
      try {
        next = parser.parse(line.toString(), lineNumber);
      } catch (ContactJsonException e) {
        bad(e);
      }
    }
    return true;
  }

  /**
   * Returns the next contact.
   *
   * @throws NoSuchElementException if there is none
   * @throws ContactJsonException in fail-fast mode, at the first bad line
   * @throws UncheckedIOException if the input cannot be read
   */
  @Override
  public Contact next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more contacts after line " + lineNumber);
    }
    Contact c = next;
    next = null;
    contacts++;
    return c;
  }

  /**
   * Returns the remaining contacts as a sequential, ordered stream; closing the stream
   * closes this object.
   */
  public Stream<Contact> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::closeUnchecked);
  }

  /** Returns the number of the last line read, from 1 (0 before reading). */
  public long lineNumber() {
    return lineNumber;
  }

  /** Returns how many contacts {@link #next()} has returned. */
  public long contactsRead() {
    return contacts;
  }

  /** Returns how many bad lines have been met (reported, or thrown in fail-fast mode). */
  public long badLines() {
    return badLines;
  }

  /** Closes the underlying input. */
  @Override
  public void close() throws IOException {
    in.close();
  }

  private void closeUnchecked() {
    try {
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void bad(ContactJsonException e) {
    badLines++;
    if (onBadLine == null) {
      throw e;
    }
    onBadLine.accept(e.toBadLine());
  }

  private static final int EOF = 0;
  private static final int LINE = 1;
  private static final int TOO_LONG = 2;

  /** Reads the next line into {@link #line}, without its terminator. */
  private int readLine() {
    line.setLength(0);
    boolean tooLong = false;
    boolean any = false;
    try {
      while (true) {
        if (pos == limit) {
          if (eof) {
            break;
          }
          limit = in.read(buffer, 0, buffer.length);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            eof = true;
            break;
          }
        }
        any = true;
        int start = pos;
        while (pos < limit && buffer[pos] != '\n') {
          pos++;
        }
        if (!tooLong) {
          if (line.length() + (pos - start) > maxLength + 1) { // + 1: a '\r' may follow
            tooLong = true;
            line.setLength(0);
          } else {
            line.append(buffer, start, pos - start);
          }
        }
        if (pos < limit) {
          pos++; // the '\n'
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("line " + (lineNumber + 1)
          + " must be readable, but was not: " + e.getMessage(), e);
    }
    if (!any) {
      return EOF;
    }
    lineNumber++;
    if (tooLong) {
      return TOO_LONG;
    }
    int n = line.length();
    if (n > 0 && line.charAt(n - 1) == '\r') {
      line.setLength(n - 1);
    }
    if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
      line.deleteCharAt(0);
    }
    if (line.length() > maxLength) {
      return TOO_LONG;
    }
    return LINE;
  }

  private static boolean isBlank(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
