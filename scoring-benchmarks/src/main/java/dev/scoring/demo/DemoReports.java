package dev.scoring.demo;

import dev.scoring.api.Contact;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.EventMatch;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.evaluation.Comparison;
import dev.scoring.core.evaluation.LabeledContact;
import dev.scoring.core.report.ScoringReport;
import dev.scoring.core.report.HtmlReport;
import dev.scoring.rfm.Rfm;
import dev.scoring.rfm.RfmReport;
import dev.scoring.rfm.RfmResult;
import dev.scoring.rfm.Transaction;
import dev.scoring.rfm.value.BgNbdModel;
import dev.scoring.rfm.value.CustomerSummaries;
import dev.scoring.rfm.value.CustomerSummary;
import dev.scoring.rfm.value.CustomerValueScorer;
import dev.scoring.rfm.value.GammaGammaModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The demo's reports, built from generated data; also rendered by the browser test. */
public final class DemoReports {
  /** The instant the demo scores as of. */
  public static final Instant AS_OF = Instant.parse("2026-11-22T00:00:00Z");

  private DemoReports() {}

  /**
   * Scores {@code n} generated contacts with the seed table into a report.
   *
   * @param n the number of contacts
   * @return the report, with the top 5 contacts
   */
  public static ScoringReport scoring(int n) {
    ScoringTable model = ExampleModels.seed();
    DemoPopulation population = new DemoPopulation(42, AS_OF);
    ScoringReport report = new ScoringReport(model, AS_OF, 5);
    for (int i = 0; i < n; i++) {
      Contact c = population.contact(i);
      report.add(c, model.score(c, AS_OF));
    }
    return report;
  }

  /**
   * Generated contacts with a simulated outcome: a contact converts with a probability that
   * grows with its recent demo requests, contact forms and pricing visits and with its fit,
   * so that a table can be evaluated against it.
   *
   * @param n the number of contacts
   * @return the labelled contacts, deterministic
   */
  public static List<LabeledContact> labelled(int n) {
    DemoPopulation population = new DemoPopulation(7, AS_OF);
    SplittableRandom random = new SplittableRandom(7);
    List<LabeledContact> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Contact c = population.contact(i);
      double logit = -3.2;
      for (var e : c.events()) {
        long days = (AS_OF.getEpochSecond() - e.at().getEpochSecond()) / 86_400;
        double recent = days < 30 ? 1.0 : days < 90 ? 0.4 : 0.1;
        switch (e.type()) {
          case "demo_request" -> logit += 1.2 * recent;
          case "contact_form" -> logit += 0.8 * recent;
          case "pricing_page_visit" -> logit += 0.5 * recent;
          case "webinar" -> logit += 0.3 * recent;
          case "unsubscribe" -> logit -= 2;
          default -> logit += 0.02;
        }
      }
      if ("technology".equalsIgnoreCase(String.valueOf(c.attribute("sector")))) {
        logit += 0.5;
      }
      boolean converted = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      out.add(LabeledContact.of(c, converted));
    }
    return out;
  }

  /**
   * The seed table against a candidate version that weighs demo requests and contact forms
   * more and drops e-mail opens, on {@code n} labelled contacts.
   *
   * @param n the number of contacts
   * @return the comparison
   */
  public static Comparison comparison(int n) {
    ScoringTable seed = ExampleModels.seed();
    ScoringTable candidate = seed.toBuilder().version("2")
        .removeRule("email-open").removeRule("demo-request").removeRule("contact-form")
        .behavioral("demo-request", EventMatch.on("demo_request"), 20)
        .behavioral("contact-form", EventMatch.on("contact_form"), 14)
        .build();
    return Comparison.of(seed, candidate, labelled(n), AS_OF);
  }

  /**
   * RFM with customer value beside each segment, on {@code customers} generated customers.
   *
   * @param customers how many customers
   * @return the report page
   */
  public static HtmlReport rfm(int customers) {
    List<Transaction> transactions = DemoTransactions.generate(customers, 11);
    LocalDate analysisDate = DemoTransactions.END.plusDays(1);
    RfmResult result = Rfm.builder().analysisDate(analysisDate).build().score(transactions);
    List<CustomerSummary> summaries = CustomerSummaries.fromTransactions(transactions,
        analysisDate, ChronoUnit.WEEKS);
    CustomerValueScorer scorer = CustomerValueScorer.builder(BgNbdModel.fit(summaries))
        .spendModel(GammaGammaModel.fit(summaries)).horizon(52).steps(12).discountRate(0.01)
        .build();
    return RfmReport.of(result, "$", scorer.values(summaries));
  }
}
