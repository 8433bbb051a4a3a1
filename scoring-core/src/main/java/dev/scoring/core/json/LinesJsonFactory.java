package dev.scoring.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;

/**
 * The factory of the parsers over many NDJSON lines ({@link ContactParser#openBlock}): the
 * settings of the builder, and parsers over byte arrays that read UTF-8 (no encoding
 * detection, no byte-order mark) and can move past a string value that the contact reader
 * has already read from the bytes ({@link LinesParser#skipString}), so that Jackson does not
 * scan it a second time. Block mode hands anything these parsers refuse to the line-by-line
 * reader (whose parsers detect encodings as Jackson does), so they never change what is
 * accepted. Immutable and thread-safe, as {@link JsonFactory}; its parsers are not.
 */
final class LinesJsonFactory extends JsonFactory {
  private static final long serialVersionUID = 1L;

  /**
   * A factory with the builder's features and constraints.
   *
   * @param builder the settings
   */
  LinesJsonFactory(JsonFactoryBuilder builder) {
    super(builder);
  }

  /**
   * A parser over {@code [offset, offset + len)} of {@code data}: what
   * {@link #createParser(byte[], int, int)} makes, typed.
   *
   * @param data   the bytes
   * @param offset where they start
   * @param len    how many
   * @return the parser
   * @throws IOException if Jackson cannot make one
   */
  LinesParser open(byte[] data, int offset, int len) throws IOException {
    return (LinesParser) createParser(data, offset, len);
  }

  @Override
  protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt)
      throws IOException {
    _streamReadConstraints.validateDocumentLength(len);
    // What ByteSourceJsonBootstrapper makes for UTF-8 without a byte-order mark: names
    // canonicalized in a child of the factory's symbol table, the array not recycled.
    return new LinesParser(ctxt, _parserFeatures, _objectCodec,
        _byteSymbolCanonicalizer.makeChild(_factoryFeatures), data, offset, offset + len);
  }

  /** A UTF-8 parser over an array that can move past a string value read elsewhere. */
  static final class LinesParser extends UTF8StreamJsonParser {
    LinesParser(IOContext ctxt, int features, ObjectCodec codec, ByteQuadsCanonicalizer names,
        byte[] data, int start, int end) {
      super(ctxt, features, null, codec, names, data, start, end, 0, false);
    }

    /**
     * Moves past the current token, a string value whose closing quote the caller has found
     * at {@code end - 1} with nothing but plain printable ASCII before it (no escape, no
     * control byte): exactly where Jackson's own skipping of it would end, and without an
     * error. Its text is not available after this.
     *
     * @param end the index in the array just after the closing quote
     */
    void skipString(int end) {
      _inputPtr = end;
      _tokenIncomplete = false;
    }
  }
}
