package dev.scoring.demo.docs;

import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.AccountScores;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.report.ScoringReport;
import java.nio.file.Path;
import java.time.Instant;

/** The scoring report with its accounts section: every contact scored once. */
public final class AccountReport {
  public static Path write(ScoringTable leads, ContactTable contacts, AccountRecords companies,
      Instant asOf, Path file) {
    BatchScores scores = BatchScorer.of(leads).score(contacts, asOf, 2);
    ScoringReport report = new ScoringReport(leads, asOf, 10);
    for (int i = 0; i < contacts.size(); i++) {
      report.add(contacts.contact(i), scores.toScore(i));
    }
    AccountScores accounts =
        AccountScorer.of(leads).score(contacts, scores, companies, asOf);
    return report.accounts(accounts).toHtml().write(file);
  }
}
