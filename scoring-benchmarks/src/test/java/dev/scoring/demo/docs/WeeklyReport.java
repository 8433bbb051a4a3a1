package dev.scoring.demo.docs;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.report.ScoringReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** This week's scoring report, with who entered and left each tier since last week. */
public final class WeeklyReport {
  public static Map<String, Score> write(ScoringTable model, List<Contact> contacts,
      Map<String, Score> lastWeek, Instant asOf, Path file) {
    ScoringReport report = new ScoringReport(model, asOf, 10); // bins, rule tallies, top 10
    Map<String, Score> thisWeek = new HashMap<>();
    for (Contact c : contacts) {
      Score s = model.score(c, asOf);
      report.add(c, s);
      thisWeek.put(c.id(), s);
    }
    report.sinceLastRun(lastWeek, thisWeek);
    report.toHtml().write(file);
    return thisWeek; // next week's lastWeek
  }
}
