package dev.scoring.cli;

import com.fasterxml.jackson.core.io.NumberOutput;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * CSV results (RFM, customer value) through FastCSV: LF line ends, UTF-8, quoted only where
 * needed, numbers in their shortest round-trip form. Stateless.
 */
final class CsvOut {
  private CsvOut() {}

  /**
   * Opens a CSV writer on a file or standard output ({@code null} or {@code -}), gzip when
   * the name ends with {@code .gz}.
   *
   * @param file   the file or null
   * @param stdout standard output
   * @return the writer; closing it finishes the file
   */
  static CsvWriter open(Path file, PrintStream stdout) {
    OutputStream out = Io.create(file, stdout);
    return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out, StandardCharsets.UTF_8);
  }

  /** A number as the library's JSON writer spells it: whole numbers without a fraction. */
  static String number(double v) {
    return ScoreWriter.whole(v) ? Long.toString((long) v) : NumberOutput.toString(v, true);
  }
}
