package dev.scoring.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.scoring.rfm.CustomerRfm;
import dev.scoring.rfm.Rfm;
import dev.scoring.rfm.RfmReport;
import dev.scoring.rfm.RfmResult;
import dev.scoring.rfm.TransactionCsvReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scoring rfm}: RFM scores and segments of the customers of a transactions CSV
 * ({@link Rfm}), one CSV row per customer, optionally the RFM HTML report.
 */
@Command(name = "rfm", mixinStandardHelpOptions = true,
    versionProvider = ScoringCli.Version.class,
    description = "RFM (recency, frequency, monetary) scores and segments from a transactions"
        + " CSV: one row per customer (customer_id, last_purchase, recency_days, frequency,"
        + " revenue, monetary, r, f, m, cell, score, segment).")
final class RfmCommand implements Callable<Integer> {
  @ParentCommand
  ScoringCli root;

  @Mixin
  TransactionOptions transactions;

  @Option(names = "--analysis-date", required = true, paramLabel = "<yyyy-mm-dd>",
      description = "The day recency is counted to; later transactions are ignored.")
  LocalDate analysisDate;

  @Option(names = "--bins", paramLabel = "<n>", defaultValue = "5",
      description = "Scores 1..n per measure, n in 2..9. Default: ${DEFAULT-VALUE}.")
  int bins;

  @Option(names = "--out", paramLabel = "<file>",
      description = "The customers CSV; standard output when absent or -; .gz compresses.")
  Path out;

  @Option(names = "--report", paramLabel = "<file.html>",
      description = "Also write the RFM HTML report (heatmap, segments, distributions).")
  Path report;

  @Option(names = "--currency", paramLabel = "<symbol>", defaultValue = "$",
      description = "The currency symbol of the report. Default: ${DEFAULT-VALUE}.")
  String currency;

  @Option(names = "--bad-lines", paramLabel = "<file>",
      description = "Also write every bad input line to this file.")
  Path badLines;

  /** Creates the command; picocli calls it. */
  RfmCommand() {}

  @Override
  public Integer call() throws IOException {
    Rfm rfm = rfm(analysisDate, bins);
    TransactionCsvReader.Result read;
    long bad;
    try (BadLines lines = new BadLines(root.err, badLines)) {
      read = transactions.read(lines, root.err);
      bad = lines.count();
    }
    RfmResult result = score(rfm, read, transactions.transactions);
    try (CsvWriter csv = CsvOut.open(out, root.out)) {
      csv.writeRecord("customer_id", "last_purchase", "recency_days", "frequency", "revenue",
          "monetary", "r", "f", "m", "cell", "score", "segment");
      for (CustomerRfm c : result.customers()) {
        csv.writeRecord(c.customerId(), c.lastPurchase().toString(),
            Integer.toString(c.recencyDays()), Integer.toString(c.frequency()),
            CsvOut.number(c.revenue()), CsvOut.number(c.monetary()), Integer.toString(c.r()),
            Integer.toString(c.f()), Integer.toString(c.m()), c.cell(),
            CsvOut.number(c.score()), c.segment());
      }
    }
    if (report != null) {
      RfmReport.of(result, currency).write(report);
      root.err.println("report written to " + report);
    }
    root.err.println(result.customers().size() + " customers; segments "
        + result.segmentCounts());
    return bad > 0 ? Exit.FINDINGS : Exit.OK;
  }

  /**
   * The RFM analysis of the options.
   *
   * @throws UsageException if the options do not make one
   */
  static Rfm rfm(LocalDate analysisDate, int bins) {
    try {
      return Rfm.builder().analysisDate(analysisDate).bins(bins).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Scores read transactions.
   *
   * @throws BadInputException if the transactions cannot be scored
   */
  static RfmResult score(Rfm rfm, TransactionCsvReader.Result read, Path file) {
    try {
      return rfm.score(read.transactions());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
  }
}
