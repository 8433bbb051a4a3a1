package dev.scoring.rfm.value;

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
 * The shared data directory (system property {@code shared.dir}) and loaders for the CDNOW
 * files in it. A test that needs it is skipped with a message when it is absent, and fails
 * instead when the environment variable {@code SCORING_REQUIRE_SHARED=1} (set by CI).
 */
final class SharedData {
  private SharedData() {}

  /** Returns a file of {@code datasets/cdnow/}, skipping (or failing in CI) if absent. */
  static Path cdnow(String name) {
    String dir = System.getProperty("shared.dir");
    Path file = dir == null ? null : Path.of(dir, "datasets", "cdnow", name);
    if (file == null || !Files.isRegularFile(file)) {
      String message = "shared data file datasets/cdnow/" + name + " must exist under"
          + " -Dshared.dir, but was absent (shared.dir=" + dir + ")";
      if ("1".equals(System.getenv("SCORING_REQUIRE_SHARED"))) {
        fail(message + "; SCORING_REQUIRE_SHARED=1, so this is a failure, not a skip");
      }
      Assumptions.abort(message + "; skipping");
    }
    return file;
  }

  /**
   * Reads {@code CDNOW_sample.txt}: whitespace-separated master id, sample id, yyyymmdd date,
   * number of CDs, dollar amount. The customer id is the sample id without leading zeros, as
   * in the published summaries.
   */
  static List<Transaction> cdnowSampleTransactions() {
    DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
    List<Transaction> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(cdnow("CDNOW_sample.txt"), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        out.add(Transaction.of(String.valueOf(Integer.parseInt(f[1])),
            LocalDate.parse(f[2], yyyymmdd), Double.parseDouble(f[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** One row of BTYD's {@code btyd_cdnow_cbs.csv}: exact weeks, holdout count, mean value. */
  record CbsRow(String id, int x, double recency, double age, int holdout, double meanValue) {}

  /** Reads {@code btyd_cdnow_cbs.csv} (cust, x, t.x, T.cal, x.star, m.x; quoted ids). */
  static List<CbsRow> btydCbs() {
    List<CbsRow> out = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(cdnow("btyd_cdnow_cbs.csv"));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        out.add(new CbsRow(f[0].replace("\"", ""), Integer.parseInt(f[1]),
            Double.parseDouble(f[2]), Double.parseDouble(f[3]), Integer.parseInt(f[4]),
            Double.parseDouble(f[5])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Reads lifetimes' summary with mean values through the library's own reader. */
  static List<CustomerSummary> lifetimesSummaryWithValues() {
    try {
      return CustomerSummaries.read(cdnow("cdnow_customers_summary_with_transactions.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads lifetimes' summary (ID, frequency, recency, T) through the library's reader. */
  static List<CustomerSummary> lifetimesSummary() {
    try {
      return CustomerSummaries.read(cdnow("cdnow_customers_summary.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
