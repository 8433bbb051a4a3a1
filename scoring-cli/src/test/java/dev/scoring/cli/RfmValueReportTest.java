package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.rfm.CustomerRfm;
import dev.scoring.rfm.Rfm;
import dev.scoring.rfm.RfmResult;
import dev.scoring.rfm.Transaction;
import dev.scoring.rfm.value.BgNbdModel;
import dev.scoring.rfm.value.CustomerSummaries;
import dev.scoring.rfm.value.CustomerSummary;
import dev.scoring.rfm.value.CustomerValue;
import dev.scoring.rfm.value.CustomerValueScorer;
import dev.scoring.rfm.value.GammaGammaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rfm}, {@code value} and {@code report} end to end. */
class RfmValueReportTest {
  static final String TRANSACTIONS = """
      customer_id,date,amount
      a,2026-01-01,10
      a,2026-03-01,20
      b,2026-02-01,5
      c,2025-12-01,100
      c,2026-02-15,50.25
      d,2026-03-10,1
      e,not a date,3
      ,2026-01-01,5
      f,2026-01-05,-3
      """;

  @TempDir
  Path dir;

  @Test
  void rfm_writesOneRowPerCustomerAndReportsUnreadableRows() throws IOException {
    Path file = Files.writeString(dir.resolve("t.csv"), TRANSACTIONS);
    Path out = dir.resolve("rfm.csv");
    Cli r = Cli.run("rfm", "--transactions", file.toString(), "--analysis-date", "2026-03-31",
        "--out", out.toString());

    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.err()).contains(file + ": line 8 ", file + ": line 9 ",
        file + ": 9 rows: 6 transactions, 3 rejected");
    List<Transaction> good = List.of(
        Transaction.of("a", LocalDate.of(2026, 1, 1), 10),
        Transaction.of("a", LocalDate.of(2026, 3, 1), 20),
        Transaction.of("b", LocalDate.of(2026, 2, 1), 5),
        Transaction.of("c", LocalDate.of(2025, 12, 1), 100),
        Transaction.of("c", LocalDate.of(2026, 2, 15), 50.25),
        Transaction.of("d", LocalDate.of(2026, 3, 10), 1));
    RfmResult expected = Rfm.builder().analysisDate(LocalDate.of(2026, 3, 31)).build()
        .score(good);
    List<String> rows = Files.readAllLines(out);
    assertThat(rows.get(0)).isEqualTo("customer_id,last_purchase,recency_days,frequency,"
        + "revenue,monetary,r,f,m,cell,score,segment");
    assertThat(rows).hasSize(5);
    for (CustomerRfm c : expected.customers()) {
      assertThat(rows).contains(String.join(",", c.customerId(), c.lastPurchase().toString(),
          Integer.toString(c.recencyDays()), Integer.toString(c.frequency()),
          CsvOut.number(c.revenue()), CsvOut.number(c.monetary()), Integer.toString(c.r()),
          Integer.toString(c.f()), Integer.toString(c.m()), c.cell(),
          CsvOut.number(c.score()), c.segment()));
    }
    assertThat(rows).anyMatch(row -> row.startsWith("c,2026-02-15,44,2,150.25,150.25,"));
    assertThat(rows).anyMatch(row -> row.startsWith("a,2026-03-01,30,2,30,30,"));
  }

  @Test
  void rfm_columnMappingAndReport() throws IOException {
    Path file = Files.writeString(dir.resolve("t.csv"), """
        who;day;qty;price;invoice
        a;01/01/2026;2;5;1
        a;01/03/2026;1;20;2
        b;01/02/2026;1;5;3
        """);
    Path report = dir.resolve("rfm.html");
    Cli r = Cli.run("rfm", "--transactions", file.toString(), "--separator", ";",
        "--columns", "customer=who,date=day,quantity=qty,price=price,order=invoice",
        "--date-format", "dd/MM/yyyy", "--analysis-date", "2026-03-31", "--report",
        report.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(Exit.OK);
    assertThat(r.out()).contains("\na,2026-03-01,30,2,30,30,", "\nb,2026-02-01,58,1,5,5,");
    assertThat(Files.readString(report)).contains("<svg", "</html>");

    Cli badKey = Cli.run("rfm", "--transactions", file.toString(), "--columns", "client=who",
        "--analysis-date", "2026-03-31");
    assertThat(badKey.exit()).isEqualTo(Exit.USAGE);
    assertThat(badKey.err()).contains("--columns keys must be among [amount, customer, date,"
        + " order, price, quantity, return-flag], but was client");
    assertThat(Cli.run("rfm", "--transactions", file.toString()).exit()).isEqualTo(Exit.USAGE);
    Cli twoBins = Cli.run("rfm", "--transactions", file.toString(), "--analysis-date",
        "2026-03-31", "--bins", "2");
    assertThat(twoBins.exit()).isEqualTo(Exit.USAGE);
    assertThat(twoBins.err()).contains("segment bounds must be at most bins (2), but was 5");
  }

  /** Customers who buy at their own rate and drop out after a purchase now and then. */
  static List<Transaction> generated() {
    SplittableRandom random = new SplittableRandom(5);
    LocalDate start = LocalDate.of(2025, 1, 1);
    List<Transaction> out = new ArrayList<>();
    for (int c = 0; c < 400; c++) {
      double meanGap = 5 + random.nextDouble() * 60;
      double dropout = 0.05 + random.nextDouble() * 0.4;
      double basket = 20 + random.nextInt(80);
      int day = random.nextInt(300);
      while (day < 365) {
        out.add(Transaction.of("k" + c, start.plusDays(day),
            Math.round(basket * (0.5 + random.nextDouble()) * 100) / 100.0));
        if (random.nextDouble() < dropout) {
          break;
        }
        day += 1 + (int) (-meanGap * Math.log(1 - random.nextDouble()));
      }
    }
    return out;
  }

  @Test
  void value_dataThatDoNotIdentifyTheModelIsBadInput() throws IOException {
    StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
    for (int c = 0; c < 50; c++) {
      csv.append("k").append(c).append(",2025-03-01,10\n");
    }
    Path file = Files.writeString(dir.resolve("t.csv"), csv);
    Cli r = Cli.run("value", "--transactions", file.toString(), "--analysis-date",
        "2025-12-31");
    assertThat(r.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(r.err()).contains("error: BG/NBD must be fitted to the customers, but ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void value_fromTransactionsAndFromSummariesEqualsTheLibrary() throws IOException {
    List<Transaction> transactions = generated();
    StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
    for (Transaction t : transactions) {
      csv.append(t.customerId()).append(',').append(t.date()).append(',')
          .append(CsvOut.number(t.amount())).append('\n');
    }
    Path file = Files.writeString(dir.resolve("t.csv"), csv);
    LocalDate end = LocalDate.of(2025, 12, 31);
    Cli r = Cli.run("value", "--transactions", file.toString(), "--analysis-date",
        end.toString(), "--horizon", "26", "--steps", "6", "--discount", "0.01");
    assertThat(r.exit()).as(r.err()).isEqualTo(Exit.OK);

    List<CustomerSummary> summaries = CustomerSummaries.fromTransactions(transactions, end,
        ChronoUnit.WEEKS);
    CustomerValueScorer scorer = CustomerValueScorer.builder(BgNbdModel.fit(summaries))
        .spendModel(GammaGammaModel.fit(summaries)).horizon(26).steps(6).discountRate(0.01)
        .build();
    List<CustomerValue> values = scorer.values(summaries);
    List<String> rows = r.out().lines().toList();
    assertThat(rows.get(0)).isEqualTo("customer_id,frequency,recency,age,mean_value,p_alive,"
        + "churn_probability,expected_purchases,expected_value,clv");
    assertThat(rows).hasSize(summaries.size() + 1);
    StringBuilder summaryFile = new StringBuilder("id,x,t_x,T,mean\n");
    for (int i = 0; i < summaries.size(); i++) {
      CustomerSummary s = summaries.get(i);
      CustomerValue v = values.get(i);
      assertThat(rows.get(i + 1)).isEqualTo(String.join(",", s.customerId(),
          Integer.toString(s.frequency()), CsvOut.number(s.recency()), CsvOut.number(s.age()),
          CsvOut.number(s.meanValue()), CsvOut.number(v.probabilityAlive()),
          CsvOut.number(v.churnProbability()), CsvOut.number(v.expectedPurchases()),
          CsvOut.number(v.expectedAverageValue().getAsDouble()),
          CsvOut.number(v.clv().getAsDouble())));
      summaryFile.append(String.join(",", s.customerId(), Integer.toString(s.frequency()),
          CsvOut.number(s.recency()), CsvOut.number(s.age()), CsvOut.number(s.meanValue())))
          .append('\n');
    }
    assertThat(r.err()).contains("fitted BgNbdModel{", "fitted GammaGammaModel{");

    Path summariesFile = Files.writeString(dir.resolve("s.csv"), summaryFile);
    Cli fromSummaries = Cli.run("value", "--summaries", summariesFile.toString(), "--horizon",
        "26", "--steps", "6", "--discount", "0.01");
    assertThat(fromSummaries.exit()).isEqualTo(Exit.OK);
    assertThat(fromSummaries.out()).isEqualTo(r.out());

    assertThat(Cli.run("value", "--summaries", summariesFile.toString(), "--transactions",
        file.toString()).exit()).isEqualTo(Exit.USAGE);
    assertThat(Cli.run("value", "--transactions", file.toString()).exit())
        .isEqualTo(Exit.USAGE);
  }

  @Test
  void report_scoresAndRfm() throws IOException {
    Path model = Files.writeString(dir.resolve("m.json"), ScoreCommandTest.MODEL);
    Path contacts = Files.writeString(dir.resolve("c.ndjson"), ScoreCommandTest.CONTACTS);
    Path html = dir.resolve("scores.html");
    Cli r = Cli.run("report", "scores", "--model", model.toString(), "--contacts",
        contacts.toString(), "--as-of", ScoreCommandTest.AS_OF, "--out", html.toString());
    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.err()).contains(contacts + ": line 3: events[0].at",
        "report of 3 contacts written to " + html);
    assertThat(Files.readString(html)).contains("<svg", "c-1", "</html>")
        .doesNotContain("Trend over the last");
    Cli trend = Cli.run("report", "scores", "--model", model.toString(), "--contacts",
        contacts.toString(), "--as-of", ScoreCommandTest.AS_OF, "--trend", "7", "--out",
        html.toString());
    assertThat(trend.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(Files.readString(html)).contains("Trend over the last 7 days");

    Path file = Files.writeString(dir.resolve("t.csv"), TRANSACTIONS);
    Path rfm = dir.resolve("rfm.html");
    Cli r2 = Cli.run("report", "rfm", "--transactions", file.toString(), "--analysis-date",
        "2026-03-31", "--out", rfm.toString());
    assertThat(r2.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(Files.readString(rfm)).contains("<svg", "</html>");

    assertThat(Cli.run("report").exit()).isEqualTo(Exit.USAGE);
  }
}
