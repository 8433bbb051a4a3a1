package dev.scoring.demo;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.api.Tier;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.evaluation.Comparison;
import dev.scoring.core.report.EvaluationReport;
import dev.scoring.core.report.ScoringReport;
import dev.scoring.rfm.RfmReport;
import dev.scoring.rfm.RfmResult;
import dev.scoring.rfm.Rfm;
import dev.scoring.rfm.Transaction;
import dev.scoring.rfm.TransactionCsvReader;
import dev.scoring.rfm.value.BgNbdModel;
import dev.scoring.rfm.value.CustomerSummaries;
import dev.scoring.rfm.value.CustomerSummary;
import dev.scoring.rfm.value.CustomerValue;
import dev.scoring.rfm.value.CustomerValueScorer;
import dev.scoring.rfm.value.FitException;
import dev.scoring.rfm.value.GammaGammaModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo: scores a generated population with the seed table (throughput, tier counts, the
 * top contacts with their explanations), compares it with a candidate version on simulated
 * outcomes, runs RFM and customer value on generated transactions (or a CSV file), and writes
 * the HTML reports.
 *
 * <pre>
 * mvn -B -q -DskipTests package &amp;&amp; java -cp scoring-benchmarks/target/benchmarks.jar dev.scoring.demo.Demo
 *     [--contacts N] [--transactions file.csv [--columns customer,date,amount[,order]]] [--help]
 * </pre>
 */
public final class Demo {
  private Demo() {}

  static final String USAGE = "usage: Demo [--contacts N] [--transactions file.csv"
      + " [--columns customer,date,amount[,order]]] [--help]";

  /**
   * Runs the demo and exits with its status: 0 after {@code --help} or a complete run, 2 for
   * arguments that do not parse (with the usage on standard error).
   *
   * @param args {@code --contacts N} (default 1,000,000), {@code --transactions file.csv} and
   *     {@code --columns customer,date,amount[,order]} (default {@code customer_id,date,amount}),
   *     {@code --help}
   * @throws IOException if the transactions file cannot be read
   */
  public static void main(String[] args) throws IOException {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the demo, printing to {@code out}, and returns the exit status instead of exiting.
   *
   * @param args as for {@link #main(String[])}
   * @param out  where the demo prints
   * @param err  where argument errors and the usage go
   * @return 0 after {@code --help} or a complete run, 2 for arguments that do not parse
   * @throws IOException if the transactions file cannot be read
   */
  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    int n = 1_000_000;
    Path transactionsCsv = null;
    String columns = "customer_id,date,amount";
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        out.println(USAGE);
        return 0;
      }
      if (!option.equals("--contacts") && !option.equals("--transactions")
          && !option.equals("--columns")) {
        err.println("argument " + (i + 1) + " must be --contacts, --transactions, --columns or"
            + " --help, but was \"" + option + "\"");
        err.println(USAGE);
        return 2;
      }
      if (i + 1 == args.length) {
        err.println(option + " must be followed by a value, but was the last argument");
        err.println(USAGE);
        return 2;
      }
      String value = args[++i];
      switch (option) {
        case "--contacts" -> {
          try {
            n = Integer.parseInt(value.replace("_", "").replace(",", ""));
          } catch (NumberFormatException e) {
            n = -1;
          }
          if (n < 1) {
            err.println("--contacts must be a whole number of at least 1, but was \"" + value
                + "\"");
            err.println(USAGE);
            return 2;
          }
        }
        case "--transactions" -> transactionsCsv = Path.of(value);
        default -> {
          if (value.split(",").length < 3) {
            err.println("--columns must name customer,date,amount[,order], but was \"" + value
                + "\"");
            err.println(USAGE);
            return 2;
          }
          columns = value;
        }
      }
    }
    demo(n, transactionsCsv, columns, out);
    return 0;
  }

  private static void demo(int n, Path transactionsCsv, String columns,
      PrintStream console) throws IOException {
    Instant asOf = Instant.parse("2026-11-22T00:00:00Z");
    ScoringTable model = ExampleModels.seed();
    DemoPopulation population = new DemoPopulation(42, asOf);
    console.printf(Locale.ROOT, "Scoring %,d generated contacts with %s v%s as of %s%n", n,
        model.name(), model.version(), asOf);

    ScoringReport report = new ScoringReport(model, asOf, 5);
    ContactTable.Builder tableBuilder = ContactTable.builder().expectedContacts(n)
        .expectedEvents(n * 11);
    double[] objectScores = new double[n];
    long scoringNanos = 0;
    int chunk = 10_000;
    List<Contact> batch = new ArrayList<>(chunk);
    for (int from = 0; from < n; from += chunk) {
      batch.clear();
      for (int i = from; i < Math.min(n, from + chunk); i++) {
        batch.add(population.contact(i));
      }
      Score[] scores = new Score[batch.size()];
      long start = System.nanoTime();
      for (int i = 0; i < scores.length; i++) {
        scores[i] = model.score(batch.get(i), asOf);
      }
      scoringNanos += System.nanoTime() - start;
      for (int i = 0; i < scores.length; i++) {
        report.add(batch.get(i), scores[i]);
        tableBuilder.add(batch.get(i));
        objectScores[from + i] = scores[i].score();
      }
      if ((from / chunk) % 20 == 19) {
        console.printf(Locale.ROOT, "  ... %,d contacts%n", from + chunk);
      }
    }
    console.printf(Locale.ROOT, "Scored %,d contacts in %.2f s of scoring time: %,.0f "
        + "contacts/s on one thread (object API)%n", n, scoringNanos / 1e9,
        n / (scoringNanos / 1e9));
    ContactTable table = tableBuilder.build();
    BatchScorer batchScorer = BatchScorer.of(model);
    int threads = Runtime.getRuntime().availableProcessors();
    BatchScores batchScores = new BatchScores(table.size());
    double best = 0;
    for (int round = 0; round < 5; round++) { // the first rounds warm the JIT up
      long start = System.nanoTime();
      batchScorer.scoreInto(table, asOf, threads, batchScores);
      best = Math.max(best, table.size() / ((System.nanoTime() - start) / 1e9));
    }
    int differ = 0;
    for (int i = 0; i < n; i++) {
      if (Double.doubleToLongBits(batchScores.score(i)) != Double.doubleToLongBits(objectScores[i])) {
        differ++;
      }
    }
    console.printf(Locale.ROOT, "Columnar batch (%.0f MB in memory): %,.0f contacts/s on %d "
        + "threads; %s%n", table.memoryBytes() / 1e6, best, threads,
        differ == 0 ? "every score equal to the object API's, bit for bit"
            : differ + " scores DIFFER from the object API's");
    console.println();
    console.println("Tier counts:");
    for (String tier : tierOrder(model)) {
      long count = report.tierCounts().get(tier);
      console.printf(Locale.ROOT, "  %-12s %,10d  %5.1f%%%n", tier, count, 100.0 * count / n);
    }
    console.println();
    console.println("Top 5 contacts:");
    for (Map.Entry<Contact, Score> e : report.top()) {
      console.println(e.getKey().id() + " " + e.getKey().attributes());
      console.print(model.explain(e.getKey(), asOf));
    }
    Path out = Path.of("target", "reports");
    Path scoringHtml = report.toHtml().write(out.resolve("scoring.html"));

    console.println();
    console.println("Evaluating the seed table against a candidate version on 100,000 "
        + "generated contacts with simulated outcomes ...");
    Comparison comparison = DemoReports.comparison(100_000);
    console.print(comparison.format());
    Path evaluationHtml = EvaluationReport.of(comparison.first())
        .write(out.resolve("evaluation.html"));
    Path comparisonHtml = EvaluationReport.of(comparison).write(out.resolve("comparison.html"));

    console.println();
    List<Transaction> transactions;
    LocalDate analysisDate;
    if (transactionsCsv == null) {
      console.println("RFM and customer value on 100,000 generated customers ...");
      transactions = DemoTransactions.generate(100_000, 11);
      analysisDate = DemoTransactions.END.plusDays(1);
    } else {
      String[] c = columns.split(",");
      TransactionCsvReader.Builder reader = TransactionCsvReader.builder().customerColumn(c[0])
          .dateColumn(c[1]).amountColumn(c[2]);
      if (c.length > 3) {
        reader.orderColumn(c[3]);
      }
      TransactionCsvReader.Result read = reader.build().read(transactionsCsv);
      console.printf(Locale.ROOT, "RFM and customer value on %s: %,d transactions used, "
          + "%,d rows reported%n", transactionsCsv, read.transactions().size(),
          read.rejected().size());
      read.rejected().stream().limit(5).forEach(r -> console.println("  " + r));
      transactions = read.transactions();
      analysisDate = transactions.stream().map(Transaction::date).max(LocalDate::compareTo)
          .orElseThrow().plusDays(1);
    }
    RfmResult rfm = Rfm.builder().analysisDate(analysisDate).build().score(transactions);
    console.println(rfm.summary());

    List<CustomerSummary> summaries = CustomerSummaries.fromTransactions(transactions,
        analysisDate, ChronoUnit.WEEKS);
    BgNbdModel purchases;
    GammaGammaModel spend;
    try {
      purchases = BgNbdModel.fit(summaries);
      spend = GammaGammaModel.fit(summaries);
    } catch (FitException | IllegalArgumentException e) {
      // these data do not support a customer-value model: the RFM report stands on its own
      console.println("Customer value not computed: " + e.getMessage());
      Path rfmHtml = RfmReport.of(rfm, "$").write(out.resolve("rfm.html"));
      printReports(console, List.of(scoringHtml, rfmHtml, evaluationHtml, comparisonHtml));
      return;
    }
    CustomerValueScorer scorer = CustomerValueScorer.builder(purchases).spendModel(spend)
        .horizon(52).steps(12).discountRate(0.01).build();
    List<CustomerValue> values = scorer.values(summaries);
    console.printf(Locale.ROOT, "BG/NBD r %.4f alpha %.3f a %.4f b %.3f; Gamma-Gamma p %.2f "
        + "q %.2f v %.2f%n", purchases.r(), purchases.alpha(), purchases.a(), purchases.b(),
        spend.p(), spend.q(), spend.v());
    console.println("Most valuable over the next 52 weeks:");
    values.stream().sorted(Comparator.comparingDouble((CustomerValue v) -> v.clv().orElse(0))
        .reversed()).limit(3).forEach(v -> console.printf(Locale.ROOT,
            "  %-12s clv %8.2f  churn %.3f%n", v.customerId(), v.clv().orElse(0),
            v.churnProbability()));
    console.println("Slipping away, among customers worth 100 or more:");
    values.stream().filter(v -> v.clv().orElse(0) >= 100)
        .sorted(Comparator.comparingDouble(CustomerValue::churnProbability).reversed()).limit(3)
        .forEach(v -> console.printf(Locale.ROOT, "  %-12s clv %8.2f  churn %.3f%n",
            v.customerId(), v.clv().orElse(0), v.churnProbability()));
    Path rfmHtml = RfmReport.of(rfm, "$", values).write(out.resolve("rfm.html"));
    printReports(console, List.of(scoringHtml, rfmHtml, evaluationHtml, comparisonHtml));
  }

  private static void printReports(PrintStream console, List<Path> reports) {
    console.println();
    console.println("Reports:");
    for (Path p : reports) {
      console.println("  " + p.toAbsolutePath());
    }
  }

  private static List<String> tierOrder(ScoringTable model) {
    List<String> names = new ArrayList<>();
    names.add(model.baseTier());
    for (Tier t : model.tiers()) {
      names.add(t.name());
    }
    return names;
  }
}
