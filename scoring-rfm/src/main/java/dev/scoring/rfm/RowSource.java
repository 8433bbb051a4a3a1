package dev.scoring.rfm;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into rows of fields, each with the number of its first line, and hands them to
 * a {@link RowParser}: CSV (FastCSV: quotes, {@code ""}, line breaks inside quotes; an
 * unclosed quote is an error) or runs of spaces and tabs (no quoting, as in the CDNOW master file). Used once per
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
    /** FastCSV's way of naming the record in its messages, dropped from ours. */
    private static final Pattern RECORD_AT =
        Pattern.compile("\\s*\\(record starting at line (\\d+)\\)");
    private final Reader text;
    private final char separator;
    private long line = 1;

    Csv(Reader text, char separator) {
      this.text = text;
      this.separator = separator;
    }

    @Override
    long line() {
      return line;
    }

    @Override
    void readAll(RowParser rows) throws IOException {
      CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(separator)
          .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
          .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
          .allowUnclosedQuote(false).skipEmptyLines(false).ofCsvRecord(text);
      try {
        for (CsvRecord row : csv) {
          line = row.getStartingLineNumber();
          rows.row(row.getFields(), line);
        }
      } catch (CsvParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher at = RECORD_AT.matcher(message);
        if (at.find()) {
          line = Long.parseLong(at.group(1));
          message = at.replaceAll("");
        }
        throw new IOException("line " + line + " must be well-formed CSV, but was not: "
            + message, e);
      } catch (UncheckedIOException e) {
        throw e.getCause();
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
