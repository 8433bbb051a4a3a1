package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.core.ContactTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * SPEC section 1: every reader of contacts accepts and refuses exactly the same lines, with
 * the same message. For any text (valid lines, broken lines, bytes that are not UTF-8, blank
 * lines, LF, CRLF and CR line ends), the object reader ({@link ContactJson#lines}) and the
 * table reader ({@link ContactJson#readTable}) give the same contacts, or the same error with
 * the same line and path; and both agree with an independent oracle that splits the lines
 * itself and reads each one as a single document.
 */
class ContactReadersAgreeProperties {

  /** One line's bytes, without its terminator. */
  record Line(byte[] bytes, String label) {
    @Override
    public String toString() {
      return label + ": " + new String(bytes, StandardCharsets.UTF_8);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Arbitrary<String> validLines() {
    Arbitrary<String> written = ContactJsonProperties.writableContacts()
        .map(ContactJson::toJson);
    Arbitrary<String> handWritten = Arbitraries.of(
        "{\"id\":\"a\",\"attributes\":null,\"events\":null}",
        "{\"events\":[{\"at\":\"0001-01-01T00:00:00Z\",\"type\":\"x\",\"value\":null}],\"id\":\"b\"}",
        "{\"id\":\"c\",\"events\":[{\"type\":\"x\",\"at\":\"9999-12-31T23:59:59.999999999Z\","
            + "\"value\":-1.5e3}]}",
        "{\"id\":\"d\",\"events\":[{\"type\":\"x\",\"at\":\"2026-10-01T11:30:00+02:00\"}]}",
        " {\"id\":\"é 日本 \uD83D\uDE00\",\"attributes\":{\"n\":12345678901234567890,\"b\":false}} ",
        "\t{\"id\":\"e\",\"attributes\":{\"x\":\"\\uD800\",\"y\":1.0}}");
    return Arbitraries.frequencyOf(Tuple.of(3, written), Tuple.of(1, handWritten));
  }

  @Provide
  Arbitrary<List<Line>> lines() {
    Arbitrary<Line> valid = validLines().map(s -> new Line(utf8(s), "valid"));
    Arbitrary<Line> truncated = Combinators.combine(validLines(), Arbitraries.doubles()
            .between(0, 1))
        .as((s, f) -> new Line(utf8(s.substring(0, (int) (s.length() * f))), "truncated"));
    Arbitrary<Line> mutated = Combinators.combine(validLines(),
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "x", "1", "é", "null", " "))
        .as((s, at, c) -> {
          int i = at % s.length();
          return new Line(utf8(s.substring(0, i) + c + s.substring(i + 1)), "mutated");
        });
    Arbitrary<Line> twoOnOneLine = Combinators.combine(validLines(), validLines())
        .as((a, b) -> new Line(utf8(a + b), "two"));
    Arbitrary<Line> badUtf8 = Combinators.combine(validLines(),
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC3},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}))
        .as((s, at, bad) -> {
          byte[] b = utf8(s);
          int i = at % (b.length + 1);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(b, 0, i);
          out.writeBytes(bad);
          out.write(b, i, b.length - i);
          return new Line(out.toByteArray(), "badUtf8");
        });
    Arbitrary<Line> blank = Arbitraries.of("", " ", "\t", "  \t ").map(s -> new Line(utf8(s),
        "blank"));
    Arbitrary<Line> other = Arbitraries.of("[]", "null", "1", "\"x\"", "{}", "{\"id\":\"\"}",
            "{\"id\":\"a\",\"n\":" + "9".repeat(2_000) + "}",
            "{\"id\":\"a\",\"attributes\":{\"n\":" + "9".repeat(2_000) + "}}",
            "{\"id\":\"a\",\"attributes\":{\"s\":\"" + "s".repeat(101_000) + "\"}}",
            "{\"id\":\"a\",\"events\":[{\"type\":\"x\",\"at\":\"0000-12-31T23:59:59Z\"}]}",
            "{\"id\":\"a\",\"events\":[{\"type\":\"x\",\"at\":\"+10000-01-01T00:00:00Z\"}]}")
        .map(s -> new Line(utf8(s), "other"));
    return Arbitraries.frequencyOf(
        Tuple.of(6, valid), Tuple.of(2, truncated), Tuple.of(2, mutated), Tuple.of(1,
            twoOnOneLine), Tuple.of(2, badUtf8), Tuple.of(2, blank), Tuple.of(1, other))
        .list().ofMaxSize(25);
  }

  /**
   * Pure ASCII lines, so that readers of byte arrays take block mode (one parser over many
   * lines, see {@code NdjsonReader}): valid contacts (non-ASCII characters replaced by
   * {@code x}), contacts cut short, mutated, two on a line, one split over two lines, blank
   * lines and lines that are not a contact.
   */
  @Provide
  Arbitrary<List<Line>> asciiLines() {
    Arbitrary<String> valid = validLines().map(ContactReadersAgreeProperties::ascii);
    Arbitrary<Line> whole = valid.map(s -> new Line(utf8(s), "valid"));
    Arbitrary<Line> truncated = Combinators.combine(valid, Arbitraries.doubles().between(0, 1))
        .as((s, f) -> new Line(utf8(s.substring(0, (int) (s.length() * f))), "truncated"));
    Arbitrary<Line> mutated = Combinators.combine(valid,
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "x", "1", "null", " ", "\u0000",
                "\u007f"))
        .as((s, at, c) -> {
          int i = at % s.length();
          return new Line(utf8(s.substring(0, i) + c + s.substring(i + 1)), "mutated");
        });
    Arbitrary<Line> two = Combinators.combine(valid, valid, Arbitraries.of("", " ", "\t"))
        .as((a, b, gap) -> new Line(utf8(a + gap + b), "two"));
    Arbitrary<Line> split = Combinators.combine(valid, Arbitraries.integers().between(0, 10_000),
            Arbitraries.of("\n", "\r", "\r\n"))
        .as((s, at, end) -> {
          int i = at % (s.length() + 1);
          return new Line(utf8(s.substring(0, i) + end + s.substring(i)), "split");
        });
    Arbitrary<Line> blank = Arbitraries.of("", " ", "\t", "  \t ").map(s -> new Line(utf8(s),
        "blank"));
    Arbitrary<Line> other = Arbitraries.of("[]", "null", "1", "\"x\"", "{}", "{\"id\":\"\"}",
            "{\"id\":\"a\"} x", "{\"id\":\"a\"}}", "{\"id\":\"a\"},", "{\"id\":\"a\"} 1",
            "{\"id\":\"a\",\"id\":\"b\"}", "{\"id\":\"a\",\"x\":1}", "{\"id\":\"a\"}\f",
            "{\"id\":\"a\",\"events\":[{\"type\":\"x\",\"at\":\"0000-12-31T23:59:59Z\"}]}")
        .map(s -> new Line(utf8(s), "other"));
    return Arbitraries.frequencyOf(
        Tuple.of(8, whole), Tuple.of(1, truncated), Tuple.of(1, mutated), Tuple.of(1, two),
        Tuple.of(1, split), Tuple.of(2, blank), Tuple.of(1, other))
        .list().ofMaxSize(25);
  }

  /** The text with every non-ASCII character replaced by {@code x}. */
  static String ascii(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c < 0x80 ? c : 'x');
    }
    return out.toString();
  }

  @Provide
  Arbitrary<List<String>> terminators() {
    return Arbitraries.of("\n", "\r\n", "\r").list().ofSize(26);
  }

  static byte[] join(List<Line> lines, List<String> ends, boolean bom, boolean lastEnd) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (bom) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    for (int i = 0; i < lines.size(); i++) {
      out.writeBytes(lines.get(i).bytes());
      if (i < lines.size() - 1 || lastEnd) {
        out.writeBytes(utf8(ends.get(i)));
      }
    }
    return out.toByteArray();
  }

  /** What a reader made of a text: contacts, bad lines, and the fail-fast error. */
  record Outcome(List<Contact> contacts, List<BadLine> bad, String failFast) {}

  static Outcome objects(byte[] text) throws IOException {
    List<BadLine> bad = new ArrayList<>();
    List<Contact> contacts;
    try (ContactLines lines = ContactJson.defaults().lines(new ByteArrayInputStream(text),
        bad::add)) {
      contacts = lines.stream().toList();
    }
    String failFast = "none";
    try (ContactLines lines = ContactJson.defaults().lines(new ByteArrayInputStream(text))) {
      lines.stream().forEach(c -> { });
    } catch (ContactJsonException e) {
      failFast = e.line() + "|" + e.path() + "|" + e.getMessage();
    }
    return new Outcome(contacts, bad, failFast);
  }

  static Outcome table(byte[] text) {
    List<BadLine> bad = new ArrayList<>();
    ContactTable table = ContactJson.defaults().readTable(new ByteArrayInputStream(text),
        bad::add);
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      contacts.add(table.contact(i));
    }
    String failFast = "none";
    try {
      ContactJson.defaults().readTable(new ByteArrayInputStream(text));
    } catch (ContactJsonException e) {
      failFast = e.line() + "|" + e.path() + "|" + e.getMessage();
    }
    return new Outcome(contacts, bad, failFast);
  }

  /**
   * Splits the lines with a regular expression (as {@code BufferedReader.readLine} does:
   * {@code \r\n}, {@code \r} or {@code \n}) and reads each as a single document.
   */
  static Outcome oracle(byte[] input, boolean bom) {
    String latin1 = new String(input, StandardCharsets.ISO_8859_1);
    if (bom) {
      latin1 = latin1.substring(3);
    }
    List<String> pieces = new ArrayList<>(List.of(latin1.split("\r\n|\r|\n", -1)));
    if (pieces.get(pieces.size() - 1).isEmpty()) {
      pieces.remove(pieces.size() - 1); // after the last terminator
    }
    List<Contact> contacts = new ArrayList<>();
    List<BadLine> bad = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      long number = i + 1;
      byte[] bytes = pieces.get(i).getBytes(StandardCharsets.ISO_8859_1);
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        bad.add(new BadLine(number, "", "line " + number + ": contact must be valid UTF-8,"
            + " but was invalid at byte " + (firstInvalid(bytes) + 1) + " (0x"
            + String.format("%02X", bytes[firstInvalid(bytes)] & 0xFF) + ")"));
        continue;
      }
      if (text.chars().allMatch(c -> c == ' ' || c == '\t')) {
        continue;
      }
      try {
        contacts.add(ContactJson.defaults().read(text));
      } catch (ContactJsonException e) {
        bad.add(new BadLine(number, e.path(), "line " + number + ": " + e.getMessage()
            .replace(", but was followed by more content", " (one contact per line), but was"
                + " followed by more content")));
      }
    }
    String failFast = bad.isEmpty() ? "none"
        : bad.get(0).line() + "|" + bad.get(0).path() + "|" + bad.get(0).message();
    return new Outcome(contacts, bad, failFast);
  }

  /** Where Java's strict decoder finds the first malformed sequence. */
  static int firstInvalid(byte[] b) {
    ByteBuffer in = ByteBuffer.wrap(b);
    java.nio.charset.CoderResult r = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(in, java.nio.CharBuffer.allocate(2 * b.length + 2), true);
    if (!r.isError()) {
      throw new IllegalStateException("no invalid byte");
    }
    return in.position();
  }

  /** An outcome as printable text (escapes), for readable failures. */
  static String show(Outcome o) {
    StringBuilder out = new StringBuilder();
    String text = o.toString();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return out.toString();
  }

  @Property(tries = 300)
  void theObjectReaderTheTableReaderAndTheOracleAgree(
      @ForAll("lines") List<Line> lines, @ForAll("terminators") List<String> ends,
      @ForAll boolean bom, @ForAll boolean lastEnd) throws IOException {
    byte[] text = join(lines, ends, bom, lastEnd);
    Outcome objects = objects(text);
    Outcome table = table(text);
    if (!objects.equals(table)) { // attribute order may differ: it does not count
      assertEquals(show(objects), show(table));
    }
    Outcome oracle = oracle(text, bom);
    if (!oracle.equals(objects)) {
      assertEquals(show(oracle), show(objects));
    }
  }

  @Property(tries = 150)
  void theParallelTableReaderAgrees_atAnyChunkSizeAndThreadCount(
      @ForAll("lines") List<Line> lines, @ForAll("terminators") List<String> ends,
      @ForAll boolean bom, @ForAll boolean lastEnd,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 400) int chunk,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 4) int threads) {
    byte[] text = join(lines, ends, bom, lastEnd);
    Outcome sequential = table(text);
    List<BadLine> bad = new ArrayList<>();
    ContactTable table = ContactJson.defaults().readTable(new ByteArrayInputStream(text),
        threads, bad::add, chunk);
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      contacts.add(table.contact(i));
    }
    String failFast = "none";
    try {
      ContactJson.defaults().readTable(new ByteArrayInputStream(text), threads, null, chunk);
    } catch (ContactJsonException e) {
      failFast = e.line() + "|" + e.path() + "|" + e.getMessage();
    }
    Outcome parallel = new Outcome(contacts, bad, failFast);
    if (!sequential.equals(parallel)) {
      assertEquals(show(sequential), show(parallel));
    }
  }

  /**
   * The block reader hands on, in order, blocks whose contacts joined are the sequential
   * reader's; each block's bad lines come before it; failing fast, every contact before the
   * bad line is handed on (as {@code readInto} gives them to its sink) and the error is the
   * sequential one.
   */
  @Property(tries = 150)
  void theBlockReaderAgrees_atAnyBlockSizeAndThreadCount(
      @ForAll("lines") List<Line> lines, @ForAll("terminators") List<String> ends,
      @ForAll boolean bom, @ForAll boolean lastEnd,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 400) int block,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 4) int threads) {
    byte[] text = join(lines, ends, bom, lastEnd);
    Outcome sequential = table(text);
    List<BadLine> bad = new ArrayList<>();
    List<Contact> contacts = new ArrayList<>();
    List<String> log = new ArrayList<>();
    long read = ContactJson.defaults().readBlocks(new ByteArrayInputStream(text), threads,
        block, b -> {
          bad.add(b);
          log.add("bad " + b.line());
        }, table -> {
          List<Contact> part = new ArrayList<>();
          for (int i = 0; i < table.size(); i++) {
            part.add(table.contact(i));
          }
          return part;
        }, part -> {
          contacts.addAll(part);
          log.add("block of " + part.size());
        });
    assertEquals(contacts.size(), read);
    assertEquals(false, log.contains("block of 0"), "no empty block is handed on: " + log);
    String failFast = "none";
    List<Contact> beforeFailure = new ArrayList<>();
    try {
      ContactJson.defaults().readBlocks(new ByteArrayInputStream(text), threads, block, null,
          table -> {
            List<Contact> part = new ArrayList<>();
            for (int i = 0; i < table.size(); i++) {
              part.add(table.contact(i));
            }
            return part;
          }, beforeFailure::addAll);
    } catch (ContactJsonException e) {
      failFast = e.line() + "|" + e.path() + "|" + e.getMessage();
    }
    Outcome blocks = new Outcome(contacts, bad, failFast);
    if (!sequential.equals(blocks)) {
      assertEquals(show(sequential), show(blocks));
    }
    ContactTable.Builder partial = ContactTable.builder();
    try {
      ContactJson.defaults().readInto(new ByteArrayInputStream(text), partial.sink(), null);
    } catch (ContactJsonException e) {
      // the sink holds every contact before the bad line
    }
    ContactTable expected = partial.build();
    assertEquals(expected.size(), beforeFailure.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.contact(i), beforeFailure.get(i));
    }
  }

  /**
   * Block mode (pure ASCII input read from arrays: the table readers, sequential, parallel and
   * by blocks) takes exactly the oracle's contacts and reports its bad lines, whatever stops
   * it: a bad contact, two on a line, one over two lines, a line that is not a contact.
   */
  @Property(tries = 400)
  void blockModeAgreesWithTheOracle(@ForAll("asciiLines") List<Line> lines,
      @ForAll("terminators") List<String> ends, @ForAll boolean lastEnd,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 400) int block,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 3) int threads) {
    byte[] text = join(lines, ends, false, lastEnd);
    Outcome oracle = oracle(text, false);
    Outcome table = table(text);
    if (!oracle.equals(table)) {
      assertEquals(show(oracle), show(table));
    }
    List<BadLine> bad = new ArrayList<>();
    List<Contact> contacts = new ArrayList<>();
    ContactJson.defaults().readBlocks(new ByteArrayInputStream(text), threads, block, bad::add,
        t -> {
          List<Contact> part = new ArrayList<>();
          for (int i = 0; i < t.size(); i++) {
            part.add(t.contact(i));
          }
          return part;
        }, contacts::addAll);
    Outcome blocks = new Outcome(contacts, bad, oracle.failFast());
    if (!oracle.equals(blocks)) {
      assertEquals(show(oracle), show(blocks));
    }
    // a stream that hands over a few bytes at a time: regions end anywhere in the buffer,
    // a \r\n may be cut between two reads
    List<BadLine> trickledBad = new ArrayList<>();
    ContactTable.Builder trickled = ContactTable.builder();
    ContactJson.defaults().readInto(new Trickle(text, block), trickled.sink(), trickledBad::add);
    ContactTable t = trickled.build();
    List<Contact> trickledContacts = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      trickledContacts.add(t.contact(i));
    }
    Outcome stream = new Outcome(trickledContacts, trickledBad, oracle.failFast());
    if (!oracle.equals(stream)) {
      assertEquals(show(oracle), show(stream));
    }
  }

  /** Hands over at most {@code step} bytes per read. */
  static final class Trickle extends java.io.InputStream {
    private final byte[] bytes;
    private final int step;
    private int at;

    Trickle(byte[] bytes, int step) {
      this.bytes = bytes;
      this.step = step;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at == bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, step), bytes.length - at);
      System.arraycopy(bytes, at, b, off, n);
      at += n;
      return n;
    }
  }

  @Property(tries = 100)
  void aReaderOfCharactersAgreesWithTheBytes(@ForAll("lines") List<Line> lines,
      @ForAll("terminators") List<String> ends) throws IOException {
    List<Line> wellFormed = lines.stream().filter(l -> !l.label().equals("badUtf8")).toList();
    byte[] text = join(wellFormed, ends, false, true);
    List<BadLine> bad = new ArrayList<>();
    List<Contact> contacts;
    try (ContactLines read = ContactJson.defaults().lines(new java.io.StringReader(
        new String(text, StandardCharsets.UTF_8)), bad::add)) {
      contacts = read.stream().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Outcome bytes = objects(text);
    assertEquals(bytes.contacts(), contacts);
    assertEquals(bytes.bad(), bad);
  }
}
