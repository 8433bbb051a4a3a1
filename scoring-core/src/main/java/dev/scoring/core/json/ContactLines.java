package dev.scoring.core.json;

import dev.scoring.api.Contact;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
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
 * at a time (at most {@link JsonLimits#maxDocumentLength()} bytes), whatever the size
 * of the input. Obtain one from {@link ContactJson#lines(java.io.Reader)} (fail-fast) or
 * {@link ContactJson#lines(java.io.Reader, Consumer)} (skip-and-report).
 *
 * <ul>
 *   <li>Lines end with {@code \n}, {@code \r\n} or a lone {@code \r}; blank lines (only
 *       spaces and tabs) hold no contact and are passed over, but counted in line numbers; a
 *       byte-order mark at the start is ignored.
 *   <li>Fail-fast: the first bad line makes {@link #hasNext()} throw a
 *       {@link ContactJsonException} naming its line number and JSON path.
 *   <li>Skip-and-report: every bad line is handed to the reporter as a {@link BadLine} (in
 *       order, as it is reached) and every good line is still returned; none is dropped
 *       silently. A line longer than the limit, or whose bytes are not UTF-8, is such a bad
 *       line; the lines around it are read as usual.
 * </ul>
 * An input that cannot be read (an I/O error) makes {@link #hasNext()} throw an
 * {@link UncheckedIOException} naming the line, in both modes. The lines are read by the
 * same reader as {@link ContactJson#readTable(InputStream)}, so both accept and refuse the
 * same lines with the same messages.
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
  private final NdjsonReader reader;
  private final ContactObjects sink = new ContactObjects();
  private final Consumer<BadLine> onBadLine;
  private long contacts;
  private long badLines;
  private Contact next;

  ContactLines(NdjsonReader reader, Consumer<BadLine> onBadLine) {
    this.reader = reader;
    this.onBadLine = onBadLine;
  }

  /**
   * Returns whether another contact follows, reading as many lines as needed to find it.
   *
   * @return whether {@link #next()} has a contact to return
   * @throws ContactJsonException in fail-fast mode, at the first bad line
   * @throws UncheckedIOException if the input cannot be read
   */
  @Override
  public boolean hasNext() {
    while (next == null) {
      try {
        if (!reader.next(sink)) {
          return false;
        }
        next = sink.take();
      } catch (ContactJsonException e) {
        badLines++;
        if (onBadLine == null) {
          throw e;
        }
        onBadLine.accept(e.toBadLine());
      }
    }
    return true;
  }

  /**
   * Returns the next contact.
   *
   * @return the contact of the next good line
   * @throws NoSuchElementException if there is none
   * @throws ContactJsonException in fail-fast mode, at the first bad line
   * @throws UncheckedIOException if the input cannot be read
   */
  @Override
  public Contact next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more contacts after line " + reader.lineNumber());
    }
    Contact c = next;
    next = null;
    contacts++;
    return c;
  }

  /**
   * Returns the remaining contacts as a sequential, ordered stream; closing the stream
   * closes this object.
   *
   * @return the stream
   */
  public Stream<Contact> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::closeUnchecked);
  }

  /**
   * Returns the number of the last line read, from 1 (0 before reading).
   *
   * @return the line number
   */
  public long lineNumber() {
    return reader.lineNumber();
  }

  /**
   * Returns how many contacts {@link #next()} has returned.
   *
   * @return the count
   */
  public long contactsRead() {
    return contacts;
  }

  /**
   * Returns how many bad lines have been met (reported, or thrown in fail-fast mode).
   *
   * @return the count
   */
  public long badLines() {
    return badLines;
  }

  /**
   * Closes the underlying input.
   *
   * @throws IOException if closing it fails
   */
  @Override
  public void close() throws IOException {
    reader.close();
  }

  private void closeUnchecked() {
    try {
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
