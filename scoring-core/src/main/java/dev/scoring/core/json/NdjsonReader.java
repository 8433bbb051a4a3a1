package dev.scoring.core.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.scoring.core.internal.Utf8;
import dev.scoring.core.internal.Words;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Cuts NDJSON into lines and hands each one that is not blank to the {@link ContactParser}:
 * the line reading every contact path shares.
 *
 * <ul>
 *   <li>Input is UTF-8 bytes (a {@link Reader} is encoded to them first); a UTF-8
 *       byte-order mark at the start is skipped.
 *   <li>A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, as
 *       {@link java.io.BufferedReader#readLine()} has it; numbers count from 1.
 *   <li>A blank line (nothing but spaces and tabs) holds no contact and is passed over.
 *   <li>Each line is checked on its own: bytes that are not UTF-8, a line longer than the
 *       document limit or a bad contact make that line bad, and reading goes on with the
 *       next one. A line longer than the limit is never held in memory.
 *   <li>The complete lines in the buffer (all of an array input, such as a block of
 *       {@link ParallelNdjson}) that are valid UTF-8 are read by one Jackson parser over all
 *       of them rather than one parser per line; the contacts taken and the lines reported
 *       are the same (see "Block mode" below).
 * </ul>
 *
 * <p>Not thread-safe.
 */
final class NdjsonReader implements Closeable {
  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final ContactParser parser;
  private final long maxLength;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean skipLineFeed;
  private long lineNumber;
  private final boolean atStart;

  NdjsonReader(InputStream in, ContactParser parser, JsonLimits limits) {
    this(in, parser, limits, true);
  }

  /** A reader whose input is the start of a file ({@code atStart}: a BOM is skipped) or not. */
  NdjsonReader(InputStream in, ContactParser parser, JsonLimits limits, boolean atStart) {
    this(in, parser, limits, atStart, new byte[CHUNK]);
  }

  private NdjsonReader(InputStream in, ContactParser parser, JsonLimits limits,
      boolean atStart, byte[] buf) {
    this.in = in;
    this.parser = parser;
    this.maxLength = limits.maxDocumentLength();
    this.atStart = atStart;
    this.buf = buf;
  }

  /**
   * A reader of the bytes {@code [0, length)} of an array, read in place (no copy, no buffer
   * of its own); the array must not change while it is read.
   */
  NdjsonReader(byte[] bytes, int length, ContactParser parser, JsonLimits limits,
      boolean atStart) {
    this(InputStream.nullInputStream(), parser, limits, atStart, bytes);
    this.limit = length;
    this.eof = true;
  }

  NdjsonReader(Reader in, ContactParser parser, JsonLimits limits) {
    this(new ReaderBytes(in), parser, limits);
  }

  /** The number of lines parsed one at a time, not in block mode (for tests). */
  private long oneByOne;

  /** Returns the number of lines parsed one at a time rather than in block mode. */
  long linesReadOneByOne() {
    return oneByOne;
  }

  /** Returns the number of the last line read, from 1 (0 before reading). */
  long lineNumber() {
    return lineNumber;
  }

  /**
   * Reads lines up to the next one holding a contact and parses it into the sink.
   *
   * @param sink receives the contact
   * @return false at the end of the input
   * @throws ContactJsonException if the next line that is not blank is bad; the next call
   *     goes on with the line after it
   * @throws UncheckedIOException if the input cannot be read
   */
  boolean next(ContactSink sink) {
    if (block == null && !skipLineFeed) {
      enterBlock();
    }
    if (block != null && nextInBlock(sink)) {
      return true;
    }
    while (true) {
      int start = readLine();
      if (start == END) {
        return false;
      }
      if (start == TOO_LONG) {
        throw new ContactJsonException(lineNumber, "", "line " + lineNumber
            + ": contact must be at most " + maxLength + " bytes long, but was longer");
      }
      int end = lineEnd;
      if (atStart && lineNumber == 1 && end - start >= 3 && buf[start] == (byte) 0xEF
          && buf[start + 1] == (byte) 0xBB && buf[start + 2] == (byte) 0xBF) {
        start += 3;
      }
      if (blank(start, end)) {
        continue;
      }
      if (nonAscii) {
        int bad = Utf8.invalidAt(buf, start, end);
        if (bad >= 0) {
          throw new ContactJsonException(lineNumber, "", "line " + lineNumber
              + ": contact must be valid UTF-8, but was invalid at byte " + (bad - start + 1)
              + " (0x" + String.format("%02X", buf[bad] & 0xFF) + ")");
        }
      }
      oneByOne++;
      parser.parse(buf, start, end - start, lineNumber, sink);
      return true;
    }
  }

  // ---- Block mode: the complete lines in the buffer ("a region"), when they are valid UTF-8
  // (so every line is), are read by one Jackson parser rather than one parser per line (which
  // costs more than the parsing of a short line). It takes a contact only when the contact is
  // exactly what line-by-line reading would take from its line: a JSON object that
  // ContactParser accepts, starting and ending on one line, with nothing else on that line, and
  // the line within the document limit. At anything else (a bad contact, two on a line, one
  // over several lines, a line that is not an object, the end of the region) it stops, and
  // line-by-line reading goes on from the first line it did not take, so every line gets
  // exactly its line-by-line result and message; the next call may begin a new region after
  // that line. Jackson counts lines as this reader does (\n, \r\n or a lone \r), and its
  // token offsets are byte offsets; line ends are single bytes that no multi-byte UTF-8
  // sequence contains. Every byte is checked as UTF-8 at most once ({@link #checked}), so
  // the cost stays linear whatever the bad lines.

  /** The parser over the region, or null outside block mode. */
  private LinesJsonFactory.LinesParser block;
  /** Where the region starts in {@link #buf}, and where it ends (after its last line end). */
  private int regionFrom;
  private int regionEnd;
  /** The line number before the region's first line. */
  private long regionLine;
  /** The token read after the last contact (on a later line), or null. */
  private JsonToken pending;
  /** Where the closing brace of the last contact taken in this region is, or -1. */
  private int lastEnd = -1;
  /**
   * Where the complete lines of {@link #buf} end (just after the last line end), or -1 when
   * not yet looked for since the last {@link #fill}.
   */
  private int complete = -1;
  /** The bytes of {@link #buf} before this index (from {@link #pos}) are valid UTF-8. */
  private int checked;
  /** The start of the line of an invalid byte at or after {@link #pos}, or -1. */
  private int badLine = -1;

  /**
   * Begins a region at {@link #pos}: the complete lines after it, up to the first line with
   * a byte that is not UTF-8. Bytes are checked once: {@link #checked} and {@link #badLine}
   * remember what was found (and move with the bytes in {@link #fill}).
   */
  private void enterBlock() {
    if (complete < 0) { // once per fill of the buffer, not once per line
      complete = 0;
      for (int i = limit - 1; i >= 0 && complete == 0; i--) {
        complete = buf[i] == '\n' || buf[i] == '\r' ? i + 1 : 0;
      }
    }
    int end = eof ? limit : Math.max(pos, complete); // complete lines only
    if (badLine >= 0 && badLine < pos) {
      badLine = -1; // read line by line already
    }
    if (badLine >= 0) {
      end = Math.min(end, badLine);
    }
    int from = Math.max(pos, checked);
    if (from < end) {
      int bad = Utf8.invalidAt(buf, from, end);
      if (bad >= 0) {
        int i = bad;
        while (i > pos && buf[i - 1] != '\n' && buf[i - 1] != '\r') {
          i--;
        }
        badLine = i;
        end = i;
      }
      checked = end;
    }
    if (end <= pos || (atStart && lineNumber == 0 && buf[pos] == (byte) 0xEF)) {
      return; // nothing to read; or a byte-order mark, which line 1 may start with
    }
    try {
      block = parser.openBlock(buf, pos, end - pos);
    } catch (IOException e) {
      return; // line by line, which reports what is wrong
    }
    regionFrom = pos;
    regionEnd = end;
    regionLine = lineNumber;
    lastEnd = -1;
    pending = null;
  }

  /**
   * Reads the next contact in block mode: true when one went to the sink; false when block
   * mode has stopped, with {@link #pos} and {@link #lineNumber} set to the first line it did
   * not take.
   */
  private boolean nextInBlock(ContactSink sink) {
    LinesJsonFactory.LinesParser p = block;
    JsonToken t;
    try {
      t = pending != null ? pending : p.nextToken();
    } catch (IOException e) {
      return stop(afterLast(), lineNumber);
    }
    pending = null;
    if (t != JsonToken.START_OBJECT) { // the end, or a line that is not a contact
      return stop(afterLast(), lineNumber);
    }
    int row = p.getTokenLineNr();
    long line = regionLine + row;
    int start = tokenIndex(p);
    if (start < regionFrom || start >= regionEnd || buf[start] != '{') { // never, unless
      return stop(afterLast(), lineNumber);                             // Jackson changes
    }
    if (!parser.parseInBlock(p, line, sink)) {
      return stop(lineStart(start), line - 1);
    }
    JsonToken next = null;
    boolean alone = p.getTokenLineNr() == row; // the closing brace on the same line
    int end = tokenIndex(p);
    if (end <= start || end >= regionEnd || buf[end] != '}') { // never, unless Jackson changes
      sink.abort();
      return stop(afterLast(), lineNumber);
    }
    if (alone) {
      try {
        next = p.nextToken();
        alone = next == null || p.getTokenLineNr() > row;
      } catch (IOException e) {
        alone = false; // line by line decides whose line it is
      }
    }
    if (!alone || (regionEnd - regionFrom > maxLength && lineEnd(end) - lineStart(start)
        > maxLength)) {
      sink.abort();
      return stop(lineStart(start), line - 1);
    }
    if (!parser.endInBlock(sink)) {
      return stop(lineStart(start), line - 1);
    }
    pending = next;
    lastEnd = end;
    lineNumber = line;
    return true;
  }

  /**
   * The index in {@link #buf} of the current token's first byte. Jackson's token offset is
   * one past it (it counts the byte as read), from the start of the region.
   */
  private int tokenIndex(LinesJsonFactory.LinesParser p) {
    return regionFrom + (int) p.getTokenCharacterOffset() - 1;
  }

  /** Stops block mode: line-by-line reading goes on at {@code at}, after line {@code line}. */
  private boolean stop(int at, long line) {
    try {
      block.close();
    } catch (IOException e) {
      // nothing held but the parser's buffers
    }
    block = null;
    pending = null;
    pos = at;
    lineNumber = line;
    // a region may end with the \r of a \r\n whose \n is not read yet
    skipLineFeed = at == regionEnd && at > regionFrom && buf[at - 1] == '\r';
    return false;
  }

  /**
   * The start of the line after the last contact taken (past its terminator), or the start
   * of the region.
   */
  private int afterLast() {
    if (lastEnd < 0) {
      return regionFrom;
    }
    int i = lineEnd(lastEnd);
    if (i == regionEnd) {
      return i;
    }
    return buf[i] == '\r' && i + 1 < regionEnd && buf[i + 1] == '\n' ? i + 2 : i + 1;
  }

  /** The end of the line that byte {@code i} of the region is on: its terminator's index. */
  private int lineEnd(int i) {
    while (i < regionEnd && buf[i] != '\n' && buf[i] != '\r') {
      i++;
    }
    return i;
  }

  /** The start of the line that byte {@code i} is on (not before {@link #regionFrom}). */
  private int lineStart(int i) {
    while (i > regionFrom && buf[i - 1] != '\n' && buf[i - 1] != '\r') {
      i--;
    }
    return i;
  }

  private boolean blank(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static final long LF8 = Words.ONES * '\n';
  private static final long CR8 = Words.ONES * '\r';
  private static final int END = -1;
  private static final int TOO_LONG = -2;
  private int lineEnd;
  private boolean nonAscii;

  /**
   * Reads the next line: returns its start in {@link #buf} (its end in {@link #lineEnd},
   * without the terminator), or {@link #END}, or {@link #TOO_LONG} (the line is skipped).
   */
  private int readLine() {
    try {
      if (skipLineFeed) {
        if (pos == limit && !fill()) {
          return END;
        }
        if (buf[pos] == '\n') {
          pos++;
        }
        skipLineFeed = false;
      }
      if (pos == limit && !fill()) {
        return END;
      }
      int scanned = pos;
      int bits = 0;
      boolean tooLong = false;
      while (true) {
        int i = scanned;
        byte[] b = buf;
        int n = limit;
        // Eight bytes at a time while none of them ends the line; then byte by byte.
        long seen = 0;
        while (i <= n - 8) {
          long w = Words.at(b, i);
          if ((Words.equal(w, LF8) | Words.equal(w, CR8)) != 0) {
            break;
          }
          seen |= w;
          i += 8;
        }
        if ((seen & Words.HIGHS) != 0) {
          bits = -1;
        }
        while (i < n) {
          byte c = b[i];
          if (c == '\n' || c == '\r') {
            break;
          }
          bits |= c;
          i++;
        }
        if (i < n) { // a terminator
          lineNumber++;
          skipLineFeed = b[i] == '\r';
          int start = pos;
          pos = i + 1;
          if (tooLong || i - start > maxLength) {
            return TOO_LONG;
          }
          lineEnd = i;
          nonAscii = bits < 0;
          return start;
        }
        // No terminator in the buffer: keep the line (unless too long) and read more.
        if (tooLong || (long) n - pos > maxLength) {
          tooLong = true;
          pos = n; // drop what was seen of the line
          scanned = n;
        } else {
          scanned = n;
        }
        int kept = scanned - pos;
        if (!fill()) { // the last line has no terminator
          if (tooLong) {
            lineNumber++;
            pos = limit;
            return TOO_LONG;
          }
          if (pos == limit) {
            return END;
          }
          lineNumber++;
          int start = pos;
          pos = limit;
          lineEnd = limit;
          nonAscii = bits < 0;
          return start;
        }
        scanned = pos + kept;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("line " + (lineNumber + 1)
          + " must be readable, but was not: " + e.getMessage(), e);
    }
  }

  /**
   * Reads more bytes after the unconsumed ones ({@code [pos, limit)}), moving them to the
   * start of the buffer (and growing it when they fill it); false at the end of input.
   */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int kept = limit - pos;
    complete = -1; // more bytes come
    checked = Math.max(0, checked - pos); // the bytes move down by pos
    badLine = badLine < pos ? -1 : badLine - pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, kept);
    } else if (kept == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    pos = 0;
    limit = kept;
    int n;
    do {
      n = in.read(buf, limit, buf.length - limit);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A {@link Reader}'s characters as UTF-8 bytes ({@link Utf8#encode}). */
  private static final class ReaderBytes extends InputStream {
    private final Reader in;
    private final char[] chars = new char[8192];
    private final StringBuilder pending = new StringBuilder();
    private final byte[] bytes = new byte[3 * 8192 + 8];
    private int pos;
    private int limit;
    private boolean eof;

    ReaderBytes(Reader in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (pos == limit) {
        if (eof) {
          return -1;
        }
        int n = in.read(chars, 0, chars.length);
        pending.setLength(0);
        if (heldHigh != 0) {
          pending.append(heldHigh);
          heldHigh = 0;
        }
        if (n < 0) {
          eof = true;
        } else {
          pending.append(chars, 0, n);
        }
        int end = pending.length();
        if (!eof && end > 0 && Character.isHighSurrogate(pending.charAt(end - 1))) {
          heldHigh = pending.charAt(--end); // its low half may come with the next read
        }
        pos = 0;
        limit = Utf8.encode(pending, 0, end, bytes, 0);
      }
      int n = Math.min(len, limit - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }

    private char heldHigh;

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
