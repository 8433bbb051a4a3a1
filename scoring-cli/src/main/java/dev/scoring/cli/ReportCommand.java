package dev.scoring.cli;

import dev.scoring.api.Contact;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.report.ScoringReport;
import dev.scoring.rfm.RfmReport;
import dev.scoring.rfm.RfmResult;
import dev.scoring.rfm.TransactionCsvReader;
import dev.scoring.rfm.value.CustomerSummaries;
import dev.scoring.rfm.value.CustomerSummary;
import dev.scoring.rfm.value.CustomerValueScorer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scoring report}: the HTML reports, with the library's report classes:
 * {@code report scores} ({@link ScoringReport}: histogram with tier thresholds, tier counts,
 * the fit x engagement grid, the top contacts explained, and the accounts when the model has
 * an account block) and {@code report rfm}
 * ({@link RfmReport}, with customer value per segment when asked for).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    versionProvider = ScoringCli.Version.class,
    description = "Writes an HTML report: 'report scores' for the scores of a contacts file,"
        + " 'report rfm' for the RFM analysis of a transactions CSV.",
    subcommands = {ReportCommand.Scores.class, ReportCommand.Rfm.class})
final class ReportCommand implements Runnable {
  @ParentCommand
  ScoringCli root;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli calls it. */
  ReportCommand() {}

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a report must be named (scores or rfm), but was none");
  }

  /** {@code scoring report scores}. */
  @Command(name = "scores", mixinStandardHelpOptions = true,
      versionProvider = ScoringCli.Version.class,
      description = "The scoring report of a contacts file: score histogram with the tier"
          + " thresholds, tier counts, the fit x engagement grid and the top contacts with"
          + " their explanations; when the model has an account block, also the accounts"
          + " (distribution, tiers, the top accounts with their members).")
  static final class Scores implements Callable<Integer> {
    @ParentCommand
    ReportCommand parent;

    @Option(names = "--model", required = true, paramLabel = "<file>",
        description = "The model, a JSON file.")
    Path model;

    @Mixin
    ContactOptions contacts;

    @Option(names = "--as-of", required = true, paramLabel = "<instant>",
        description = "The instant to score as of, ISO-8601.")
    Instant asOf;

    @Option(names = "--top", paramLabel = "<k>", defaultValue = "10",
        description = "How many top contacts to explain. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--trend", paramLabel = "<days>",
        description = "Also show the biggest risers and fallers over that many days.")
    Integer trend;

    @Option(names = "--accounts", paramLabel = "<file>",
        description = "Account records for the accounts section, NDJSON (gzip detected), as"
            + " for 'accounts'; the model must have an account block. Without it, a model"
            + " with an account block gets the section from its members alone.")
    Path accounts;

    @Option(names = "--top-accounts", paramLabel = "<n>",
        defaultValue = "" + ScoringReport.TOP_ACCOUNTS,
        description = "How many top accounts to show with their members. Default:"
            + " ${DEFAULT-VALUE}.")
    int topAccounts;

    @Option(names = "--out", required = true, paramLabel = "<file.html>",
        description = "The HTML file to write.")
    Path out;

    /** Creates the command; picocli calls it. */
    Scores() {}

    @Override
    public Integer call() {
      ScoringCli root = parent.root;
      ScoringTable table = ScoreCommand.loadModel(model);
      if (top < 0) {
        throw new UsageException("--top must be at least 0, but was " + top);
      }
      if (topAccounts < 0) {
        throw new UsageException("--top-accounts must be at least 0, but was " + topAccounts);
      }
      AccountsCommand.bothFromStdin(accounts, contacts);
      AccountScorer accountScorer = table.account().isPresent() || accounts != null
          ? AccountsCommand.scorer(table, model) : null;
      AccountRecords records = AccountsCommand.readRecords(accounts, root.in);
      ScoringReport report = new ScoringReport(table, asOf, top);
      if (trend != null) {
        try {
          report.withTrend(trend);
        } catch (IllegalArgumentException e) {
          throw new UsageException("--trend " + e.getMessage());
        }
      }
      long bad;
      try (BadLines lines = new BadLines(root.err, contacts.badLines)) {
        ContactSource source = new ContactSource(contacts, lines, true, root, 1);
        if (accountScorer == null) {
          source.forEach((Contact c) -> report.add(c, table.score(c, asOf)));
        } else {
          // accounts need every contact's score at once: the columns, scored once
          ContactTable all = source.table();
          BatchScores scores = BatchScorer.of(table).score(all, asOf, 1);
          for (int i = 0; i < all.size(); i++) {
            report.add(all.contact(i), scores.toScore(i));
          }
          report.accounts(accountScorer.score(all, scores, records, asOf), topAccounts);
        }
        bad = lines.count();
      }
      report.toHtml().write(out);
      root.err.println("report of " + report.count() + " contacts"
          + (accountScorer == null ? "" : " and their accounts") + " written to " + out);
      return bad > 0 ? Exit.FINDINGS : Exit.OK;
    }
  }

  /** {@code scoring report rfm}. */
  @Command(name = "rfm", mixinStandardHelpOptions = true,
      versionProvider = ScoringCli.Version.class,
      description = "The RFM report of a transactions CSV: heatmap, segments, distributions;"
          + " with --value also customer value per segment (BG/NBD + Gamma-Gamma, weeks).")
  static final class Rfm implements Callable<Integer> {
    @ParentCommand
    ReportCommand parent;

    @Mixin
    TransactionOptions transactions;

    @Option(names = "--analysis-date", required = true, paramLabel = "<yyyy-mm-dd>",
        description = "The day recency is counted to.")
    LocalDate analysisDate;

    @Option(names = "--bins", paramLabel = "<n>", defaultValue = "5",
        description = "Scores 1..n per measure. Default: ${DEFAULT-VALUE}.")
    int bins;

    @Option(names = "--value",
        description = "Add customer value per segment (52 weeks, 12 steps, 1%% a step).")
    boolean value;

    @Option(names = "--currency", paramLabel = "<symbol>", defaultValue = "$",
        description = "The currency symbol. Default: ${DEFAULT-VALUE}.")
    String currency;

    @Option(names = "--out", required = true, paramLabel = "<file.html>",
        description = "The HTML file to write.")
    Path out;

    /** Creates the command; picocli calls it. */
    Rfm() {}

    @Override
    public Integer call() {
      ScoringCli root = parent.root;
      dev.scoring.rfm.Rfm rfm = RfmCommand.rfm(analysisDate, bins);
      TransactionCsvReader.Result read;
      long bad;
      try (BadLines lines = new BadLines(root.err, null)) {
        read = transactions.read(lines, root.err);
        bad = lines.count();
      }
      RfmResult result = RfmCommand.score(rfm, read, transactions.transactions);
      if (value) {
        List<CustomerSummary> summaries = CustomerSummaries.fromTransactions(
            read.transactions(), analysisDate, ChronoUnit.WEEKS);
        CustomerValueScorer scorer = ValueCommand.scorer(summaries, 52, 12, 0.01, root.err);
        RfmReport.of(result, currency, scorer.values(summaries)).write(out);
      } else {
        RfmReport.of(result, currency).write(out);
      }
      root.err.println("report of " + result.customers().size() + " customers written to "
          + out);
      return bad > 0 ? Exit.FINDINGS : Exit.OK;
    }
  }
}
