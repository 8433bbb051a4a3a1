package dev.scoring.spark;

import static org.junit.jupiter.api.Assertions.fail;

import dev.scoring.rfm.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Files of the shared data directory (system property {@code shared.dir}): a test that needs
 * one is skipped with a message when it is absent, and fails instead when the environment
 * variable {@code SCORING_REQUIRE_SHARED=1} (set by CI).
 */
final class SharedData {
  private SharedData() {}

  static Path file(String relative) {
    String dir = System.getProperty("shared.dir");
    Path file = dir == null ? null : Path.of(dir, relative);
    if (file == null || !Files.isRegularFile(file)) {
      String message = "shared data file " + relative + " must exist under -Dshared.dir, but"
          + " was absent (shared.dir=" + dir + ")";
      if ("1".equals(System.getenv("SCORING_REQUIRE_SHARED"))) {
        fail(message + "; SCORING_REQUIRE_SHARED=1, so this is a failure, not a skip");
      }
      Assumptions.abort(message + "; skipping");
    }
    return file;
  }

  /**
   * Reads {@code CDNOW_master.txt} (or the sample): customer id (leading zeros dropped, as in
   * the published summaries), yyyymmdd date, number of CDs, dollar amount; the header line of
   * the master file is skipped. {@code idColumn} is 0 for the master file, 1 for the sample.
   */
  static List<Transaction> cdnow(String name, int idColumn) {
    List<Transaction> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file("datasets/cdnow/" + name),
          StandardCharsets.UTF_8)) {
        String[] f = line.trim().split("\\s+");
        if (line.isBlank() || f[0].equals("customer_id")) {
          continue;
        }
        out.add(Transaction.of(String.valueOf(Integer.parseInt(f[idColumn])),
            LocalDate.parse(f[idColumn + 1], DateTimeFormatter.BASIC_ISO_DATE),
            Double.parseDouble(f[idColumn + 3])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
