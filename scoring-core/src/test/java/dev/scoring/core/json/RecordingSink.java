package dev.scoring.core.json;

import java.util.ArrayList;
import java.util.List;

/**
 * A sink that writes down every call it receives, and a way to run a parser into one, so
 * two readers can be compared call for call: the same contacts and the same errors (line,
 * path and message). Not thread-safe.
 */
class RecordingSink implements ContactSink {
  /** One of the two readers: parses the range of bytes into the sink. */
  interface Reader {
    void parse(byte[] utf8, int offset, int length, long line, ContactSink sink);
  }

  private final List<String> calls = new ArrayList<>();

  /** A recording sink whose calls can be taken and cleared, for a sink that forwards. */
  static final class Buffer extends RecordingSink {
    List<String> calls() {
      return super.calls;
    }

    void clear() {
      super.calls.clear();
    }
  }

  /**
   * Parses {@code [offset, offset + length)} of {@code utf8} as line {@code line}.
   *
   * @return the calls the sink received, then the error, if any
   */
  static List<String> run(Reader reader, byte[] utf8, int offset, int length, long line) {
    RecordingSink sink = new RecordingSink();
    try {
      reader.parse(utf8, offset, length, line, sink);
    } catch (ContactJsonException e) {
      sink.calls.add("error line=" + e.line() + " path=" + e.path() + " " + e.getMessage());
    }
    return sink.calls;
  }

  @Override
  public void begin(long line) {
    calls.add("begin " + line);
  }

  @Override
  public void id(String id) {
    calls.add("id " + id);
  }

  @Override
  public void attribute(String name, String value) {
    calls.add("attribute " + name + " string " + value);
  }

  @Override
  public void attribute(String name, long value) {
    calls.add("attribute " + name + " long " + value);
  }

  @Override
  public void attribute(String name, double value) {
    calls.add("attribute " + name + " double " + value);
  }

  @Override
  public void attribute(String name, boolean value) {
    calls.add("attribute " + name + " boolean " + value);
  }

  @Override
  public void event(String type, long epochSecond, int nano, boolean hasValue, double value) {
    calls.add("event " + type + " " + epochSecond + " " + nano + " " + hasValue + " " + value);
  }

  @Override
  public void end() {
    calls.add("end");
  }

  @Override
  public void abort() {
    calls.add("abort");
  }
}
