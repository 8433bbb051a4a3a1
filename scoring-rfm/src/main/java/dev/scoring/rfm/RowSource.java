package dev.scoring.rfm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into rows of fields, each with the number of its first line, and hands them to
 * a {@link RowParser}: CSV (jackson-dataformat-csv: quotes, {@code ""}, line breaks inside
 * quotes) or runs of spaces and tabs (no quoting, as in the CDNOW master file). Used once per
 * read: not thread-safe.
 */
abstract class RowSource {
  /** The line the source was reading when it stopped, for error messages. */
  abstract long line();

  /**
   * Feeds every row to {@code parser}; the reader is not closed.
   *
   * @throws IOException if the text cannot be read or is not well-formed
   */
  abstract void readAll(RowParser parser) throws IOException;

  /** CSV with one separator character. */
  static final class Csv extends RowSource {
    private static final CsvMapper MAPPER = new CsvMapper();
    private final Reader text;
    private final char separator;
    private CsvParser parser;
    private long line = 1;

    Csv(Reader text, char separator) {
      this.text = text;
      this.separator = separator;
    }

    @Override
    long line() {
      return parser == null ? line : parser.currentLocation().getLineNr();
    }

    @Override
    void readAll(RowParser rows) throws IOException {
      CsvParser parser = MAPPER.getFactory().createParser(text);
      this.parser = parser;
      parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
      List<String> values = new ArrayList<>();
      try (parser) {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          if (token == JsonToken.VALUE_STRING) {
            if (values.isEmpty()) {
              line = parser.currentTokenLocation().getLineNr();
            }
            values.add(parser.getText());
          } else if (token == JsonToken.END_ARRAY) {
            if (!values.isEmpty()) {
              rows.row(values, line);
            }
            values.clear();
          }
        }
      } catch (JsonProcessingException e) {
        long where = e.getLocation() == null ? line : e.getLocation().getLineNr();
        throw new IOException("line " + where + " must be well-formed CSV, but was not: "
            + e.getOriginalMessage(), e);
      }
    }
  }

  /** Fields separated by runs of spaces and tabs; leading and trailing ones are ignored. */
  static final class Whitespace extends RowSource {
    private final BufferedReader text;
    private long line;

    Whitespace(Reader text) {
      this.text = new BufferedReader(text, 1 << 16);
    }

    @Override
    long line() {
      return line;
    }

    @Override
    void readAll(RowParser rows) throws IOException {
      List<String> values = new ArrayList<>();
      String l;
      while ((l = text.readLine()) != null) {
        line++;
        values.clear();
        int n = l.length();
        int i = 0;
        while (i < n) {
          while (i < n && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
            i++;
          }
          int start = i;
          while (i < n && l.charAt(i) != ' ' && l.charAt(i) != '\t') {
            i++;
          }
          if (i > start) {
            values.add(l.substring(start, i));
          }
        }
        if (values.isEmpty()) {
          values.add("");
        }
        rows.row(values, line);
      }
    }
  }
}
