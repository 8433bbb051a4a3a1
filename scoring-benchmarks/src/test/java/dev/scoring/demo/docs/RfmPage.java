package dev.scoring.demo.docs;

import dev.scoring.rfm.Rfm;
import dev.scoring.rfm.RfmReport;
import dev.scoring.rfm.RfmResult;
import dev.scoring.rfm.Transaction;
import dev.scoring.rfm.value.BgNbdModel;
import dev.scoring.rfm.value.CustomerSummaries;
import dev.scoring.rfm.value.CustomerSummary;
import dev.scoring.rfm.value.CustomerValueScorer;
import dev.scoring.rfm.value.GammaGammaModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The RFM report with churn probability and customer lifetime value per segment. */
public final class RfmPage {
  public static Path write(List<Transaction> transactions, LocalDate analysisDate, Path file) {
    RfmResult rfm = Rfm.builder().analysisDate(analysisDate).build().score(transactions);
    List<CustomerSummary> summaries =
        CustomerSummaries.fromTransactions(transactions, analysisDate, ChronoUnit.WEEKS);
    CustomerValueScorer value = CustomerValueScorer.builder(BgNbdModel.fit(summaries))
        .spendModel(GammaGammaModel.fit(summaries)).horizon(52).build();
    return RfmReport.of(rfm, "$", value.values(summaries)).write(file);
  }
}
