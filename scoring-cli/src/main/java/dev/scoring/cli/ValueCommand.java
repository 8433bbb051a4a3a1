package dev.scoring.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.scoring.rfm.TransactionCsvReader;
import dev.scoring.rfm.value.BgNbdModel;
import dev.scoring.rfm.value.CustomerSummaries;
import dev.scoring.rfm.value.CustomerSummary;
import dev.scoring.rfm.value.CustomerValue;
import dev.scoring.rfm.value.CustomerValueScorer;
import dev.scoring.rfm.value.FitException;
import dev.scoring.rfm.value.GammaGammaModel;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scoring value}: fits BG/NBD (purchases, churn) and Gamma-Gamma (spend) to customer
 * summaries, from a transactions CSV or a summaries CSV, and writes each customer's
 * probability alive, expected purchases, expected value per purchase and CLV
 * ({@link CustomerValueScorer}). When the spend model cannot be fitted, the value columns
 * stay empty and standard error says why.
 */
@Command(name = "value", mixinStandardHelpOptions = true,
    versionProvider = ScoringCli.Version.class,
    description = "Customer value and churn: fits BG/NBD and Gamma-Gamma to customer summaries"
        + " (from --transactions, or --summaries with the columns id,x,t_x,T[,mean_value]) and"
        + " writes one row per customer (customer_id, frequency, recency, age, mean_value,"
        + " p_alive, churn_probability, expected_purchases, expected_value, clv).")
final class ValueCommand implements Callable<Integer> {
  @ParentCommand
  ScoringCli root;

  @Mixin
  TransactionOptions transactions;

  @Option(names = "--summaries", paramLabel = "<file>",
      description = "Customer summaries CSV instead of transactions: id,x,t_x,T[,mean_value]"
          + " by position, times in --unit.")
  Path summaries;

  @Option(names = "--analysis-date", paramLabel = "<yyyy-mm-dd>",
      description = "With --transactions: the last day of the calibration period.")
  LocalDate analysisDate;

  @Option(names = "--unit", paramLabel = "<unit>", defaultValue = "WEEKS",
      description = "The time unit of the models: DAYS or WEEKS. Default: ${DEFAULT-VALUE}.")
  ChronoUnit unit;

  @Option(names = "--horizon", paramLabel = "<t>", defaultValue = "52",
      description = "The CLV and expected purchases horizon, in --unit. Default:"
          + " ${DEFAULT-VALUE}.")
  double horizon;

  @Option(names = "--steps", paramLabel = "<n>", defaultValue = "12",
      description = "Discounting periods in the horizon. Default: ${DEFAULT-VALUE}.")
  int steps;

  @Option(names = "--discount", paramLabel = "<rate>", defaultValue = "0",
      description = "The discount rate per period. Default: ${DEFAULT-VALUE}.")
  double discount;

  @Option(names = "--out", paramLabel = "<file>",
      description = "The values CSV; standard output when absent or -; .gz compresses.")
  Path out;

  @Option(names = "--bad-lines", paramLabel = "<file>",
      description = "Also write every bad input line to this file.")
  Path badLines;

  /** Creates the command; picocli calls it. */
  ValueCommand() {}

  @Override
  public Integer call() throws IOException {
    long bad;
    List<CustomerSummary> customers;
    try (BadLines lines = new BadLines(root.err, badLines)) {
      customers = summaries(lines);
      bad = lines.count();
    }
    CustomerValueScorer scorer = scorer(customers, horizon, steps, discount, root.err);
    List<CustomerValue> values = scorer.values(customers);
    try (CsvWriter csv = CsvOut.open(out, root.out)) {
      csv.writeRecord("customer_id", "frequency", "recency", "age", "mean_value", "p_alive",
          "churn_probability", "expected_purchases", "expected_value", "clv");
      for (int i = 0; i < customers.size(); i++) {
        CustomerSummary c = customers.get(i);
        CustomerValue v = values.get(i);
        csv.writeRecord(c.customerId(), Integer.toString(c.frequency()),
            CsvOut.number(c.recency()), CsvOut.number(c.age()), CsvOut.number(c.meanValue()),
            CsvOut.number(v.probabilityAlive()), CsvOut.number(v.churnProbability()),
            CsvOut.number(v.expectedPurchases()),
            v.expectedAverageValue().isPresent()
                ? CsvOut.number(v.expectedAverageValue().getAsDouble()) : "",
            v.clv().isPresent() ? CsvOut.number(v.clv().getAsDouble()) : "");
      }
    }
    return bad > 0 ? Exit.FINDINGS : Exit.OK;
  }

  private List<CustomerSummary> summaries(BadLines lines) throws IOException {
    if ((summaries == null) == (transactions.transactions == null)) {
      throw new UsageException("exactly one of --transactions and --summaries must be given,"
          + " but was " + (summaries == null ? "neither" : "both"));
    }
    if (unit != ChronoUnit.DAYS && unit != ChronoUnit.WEEKS) {
      throw new UsageException("--unit must be DAYS or WEEKS, but was " + unit);
    }
    if (summaries != null) {
      Io.Input input = Io.open(summaries, "summaries");
      try (Reader r = new InputStreamReader(input.in(), StandardCharsets.UTF_8)) {
        return CustomerSummaries.read(r, summaries.toString());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
    }
    if (analysisDate == null) {
      throw new UsageException("--analysis-date must be given with --transactions, but was"
          + " not");
    }
    TransactionCsvReader.Result read = transactions.read(lines, root.err);
    try {
      return CustomerSummaries.fromTransactions(read.transactions(), analysisDate, unit);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(transactions.transactions + ": " + e.getMessage(), e);
    }
  }

  /**
   * Fits the models and builds the scorer; without a spend model when Gamma-Gamma cannot be
   * fitted (standard error says why).
   *
   * @throws BadInputException if BG/NBD cannot be fitted to the customers
   */
  static CustomerValueScorer scorer(List<CustomerSummary> customers, double horizon,
      int steps, double discount, PrintStream err) {
    BgNbdModel purchases;
    try {
      purchases = BgNbdModel.fit(customers);
    } catch (FitException | IllegalArgumentException e) {
      throw new BadInputException("BG/NBD must be fitted to the customers, but "
          + e.getMessage(), e);
    }
    err.println("fitted " + purchases);
    CustomerValueScorer.Builder b = CustomerValueScorer.builder(purchases);
    try {
      GammaGammaModel spend = GammaGammaModel.fit(customers);
      err.println("fitted " + spend);
      b.spendModel(spend);
    } catch (FitException | IllegalArgumentException e) {
      err.println("no spend model, so no expected value and CLV: " + e.getMessage());
    }
    try {
      return b.horizon(horizon).steps(steps).discountRate(discount).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
