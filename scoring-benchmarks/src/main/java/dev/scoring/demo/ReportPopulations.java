package dev.scoring.demo;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.Condition;
import dev.scoring.core.ContactTable;
import dev.scoring.core.EventMatch;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.evaluation.Comparison;
import dev.scoring.core.evaluation.LabeledContact;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.report.EvaluationReport;
import dev.scoring.core.report.HtmlReport;
import dev.scoring.core.report.ScoringReport;
import dev.scoring.rfm.Rfm;
import dev.scoring.rfm.RfmReport;
import dev.scoring.rfm.RfmResult;
import dev.scoring.rfm.Transaction;
import dev.scoring.rfm.value.BgNbdModel;
import dev.scoring.rfm.value.CustomerSummaries;
import dev.scoring.rfm.value.CustomerSummary;
import dev.scoring.rfm.value.CustomerValueScorer;
import dev.scoring.rfm.value.GammaGammaModel;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every HTML report at any population size, generated cheaply enough for a browser test at
 * 1,000,000 contacts and for the documentation's screenshots ({@link ReportScreenshots}):
 *
 * <ul>
 *   <li>scoring: {@link DemoPopulation} contacts streamed through a {@link ScoringReport}
 *       (nothing kept), with the risers and fallers of the last 7 days, and a "since the last
 *       run" section against the seed table's scores of 30 days earlier, for the first
 *       {@value #MOVEMENT_CONTACTS} contacts;
 *   <li>evaluation and comparison: {@value #POOL} distinct labelled contacts
 *       ({@link DemoReports#labelled}) repeated up to the size, through a list view (no copy);
 *   <li>accounts ({@link #accounts}, not in {@link #all}): the seed table with an account
 *       block, ten contacts per account, every other account with a record;
 *   <li>RFM: a compact shop history (shared dates and ids, no order ids), customer value
 *       fitted on the first {@value #POOL} customers and computed for all.
 * </ul>
 *
 * <p>Deterministic. Stateless and thread-safe.
 */
public final class ReportPopulations {
  /** Distinct labelled contacts and customers the models are fitted on. */
  public static final int POOL = 20_000;
  /** Contacts compared in the "since the last run" section. */
  public static final int MOVEMENT_CONTACTS = 20_000;

  private ReportPopulations() {}

  /**
   * The four reports for {@code n} contacts (customers for RFM), in a stable order:
   * scoring, evaluation, comparison, rfm.
   *
   * @param n the population size, at least 100
   * @return the name of each report to its page
   */
  public static Map<String, HtmlReport> all(int n) {
    Map<String, HtmlReport> out = new LinkedHashMap<>();
    out.put("scoring", scoring(n).toHtml());
    Comparison c = comparison(n);
    out.put("evaluation", EvaluationReport.of(c.first()));
    out.put("comparison", EvaluationReport.of(c));
    out.put("rfm", rfm(n));
    return out;
  }

  /**
   * The seed table's report over {@code n} generated contacts, with the movement since a run
   * 30 days earlier for the first {@value #MOVEMENT_CONTACTS}.
   *
   * @param n the number of contacts
   * @return the report, with the top 5 contacts
   */
  public static ScoringReport scoring(int n) {
    ScoringTable model = ExampleModels.seed();
    DemoPopulation population = new DemoPopulation(42, DemoReports.AS_OF);
    ScoringReport report = new ScoringReport(model, DemoReports.AS_OF, 5).withTrend(7);
    Map<String, Score> previous = new HashMap<>();
    Map<String, Score> current = new HashMap<>();
    java.time.Instant before = DemoReports.AS_OF.minus(30, ChronoUnit.DAYS);
    for (int i = 0; i < n; i++) {
      Contact c = population.contact(i);
      var x = model.explain(c, DemoReports.AS_OF);
      report.add(c, x);
      if (i < MOVEMENT_CONTACTS) {
        current.put(c.id(), x.score());
        previous.put(c.id(), model.score(c, before));
      }
    }
    return report.sinceLastRun(previous, current);
  }

  /**
   * The seed table with an account block (topMean of 3, a size rule, two account tiers) over
   * {@code n} generated contacts in {@code n / 10} accounts (at least one), every other
   * account with a record, as a scoring report with its accounts section (top 20 accounts).
   * The contacts are held in a {@link ContactTable}: keep {@code n} to a few hundred thousand.
   *
   * @param n the number of contacts
   * @return the report, with the top 5 contacts and the accounts
   */
  public static ScoringReport accounts(int n) {
    ScoringTable model = ExampleModels.seed().toBuilder()
        .account(AccountRules.builder(AccountRules.Combine.topMean(3))
            .demographic("enterprise", Condition.attribute("employees").atLeast(1000), 20)
            .demographic("mid-market", Condition.attribute("employees").between(200, 999), 10)
            .tier("target", 50).tier("hot", 75).baseTier("cold").build())
        .build();
    DemoPopulation population = new DemoPopulation(42, DemoReports.AS_OF);
    int accounts = Math.max(1, n / 10);
    ContactTable.Builder table = ContactTable.builder();
    for (int i = 0; i < n; i++) {
      table.add(population.contact(i).toBuilder()
          .attribute("account_id", "account-" + (i % accounts)).build());
    }
    ContactTable contacts = table.build();
    Map<String, Map<String, Object>> records = new HashMap<>();
    for (int a = 0; a < accounts; a += 2) {
      records.put("account-" + a, Map.of("employees", (a * 7919L) % 5000));
    }
    BatchScores scores = BatchScorer.of(model).score(contacts, DemoReports.AS_OF, 1);
    ScoringReport report = new ScoringReport(model, DemoReports.AS_OF, 5);
    for (int i = 0; i < contacts.size(); i++) {
      report.add(contacts.contact(i), scores.toScore(i));
    }
    return report.accounts(AccountScorer.of(model).score(contacts, scores,
        AccountRecords.of(records), DemoReports.AS_OF));
  }

  /**
   * The seed table against a candidate (demo requests and contact forms weigh more, e-mail
   * opens are dropped) on {@code n} labelled contacts: {@value #POOL} distinct ones repeated.
   *
   * @param n the number of contacts
   * @return the comparison
   */
  public static Comparison comparison(int n) {
    List<LabeledContact> pool = DemoReports.labelled(Math.min(n, POOL));
    List<LabeledContact> all = new AbstractList<>() {
      @Override
      public LabeledContact get(int i) {
        return pool.get(i % pool.size());
      }

      @Override
      public int size() {
        return n;
      }
    };
    ScoringTable seed = ExampleModels.seed();
    ScoringTable candidate = seed.toBuilder().version("2")
        .removeRule("email-open").removeRule("demo-request").removeRule("contact-form")
        .behavioral("demo-request", EventMatch.on("demo_request"), 20)
        .behavioral("contact-form", EventMatch.on("contact_form"), 14)
        .build();
    return Comparison.of(seed, candidate, all, DemoReports.AS_OF);
  }

  /**
   * The RFM report of {@code customers} generated customers with their customer value.
   *
   * @param customers how many customers
   * @return the page
   */
  public static HtmlReport rfm(int customers) {
    List<Transaction> transactions = transactions(customers, 11);
    LocalDate analysisDate = DemoTransactions.END.plusDays(1);
    RfmResult result = Rfm.builder().analysisDate(analysisDate).build().score(transactions);
    List<CustomerSummary> summaries = CustomerSummaries.fromTransactions(transactions,
        analysisDate, ChronoUnit.WEEKS);
    List<CustomerSummary> sample = summaries.subList(0, Math.min(POOL, summaries.size()));
    CustomerValueScorer scorer = CustomerValueScorer.builder(BgNbdModel.fit(sample))
        .spendModel(GammaGammaModel.fit(sample)).horizon(52).steps(12).discountRate(0.01)
        .build();
    return RfmReport.of(result, "$", scorer.values(summaries));
  }

  /**
   * A compact shop history: customers join over two years, buy at their own rate, may drop
   * out after any purchase and spend around their own mean (as {@link DemoTransactions}),
   * with one shared id string per customer, shared dates and no order ids.
   *
   * @param customers how many customers
   * @param seed      the random seed
   * @return the transactions in customer order
   */
  public static List<Transaction> transactions(int customers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int days = (int) (DemoTransactions.END.toEpochDay() - DemoTransactions.START.toEpochDay());
    LocalDate[] dates = new LocalDate[days + 1];
    for (int d = 0; d <= days; d++) {
      dates[d] = DemoTransactions.START.plusDays(d);
    }
    List<Transaction> out = new ArrayList<>(customers * 3);
    for (int c = 0; c < customers; c++) {
      String id = "cust-" + c;
      double ratePerDay = -Math.log(1 - random.nextDouble()) * 0.012;
      double dropout = 0.05 + 0.45 * random.nextDouble() * random.nextDouble();
      double meanSpend = 20 + 80 * -Math.log(1 - random.nextDouble());
      long day = (long) (random.nextDouble() * days);
      while (day <= days) {
        double amount = Math.round(meanSpend * Math.exp(0.4 * random.nextGaussian() - 0.08)
            * 100) / 100.0;
        out.add(new Transaction(id, dates[(int) day], Math.max(1, amount), null));
        if (random.nextDouble() < dropout) {
          break;
        }
        day += 1 + (long) (-Math.log(1 - random.nextDouble()) / ratePerDay);
      }
    }
    return out;
  }
}
