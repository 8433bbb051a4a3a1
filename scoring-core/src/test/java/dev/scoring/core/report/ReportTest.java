package dev.scoring.core.report;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoring.api.Contact;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.evaluation.Comparison;
import dev.scoring.core.evaluation.Evaluation;
import dev.scoring.core.evaluation.LabeledContact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  static final ScoringTable MODEL = ScoringTable.builder("m")
      .demographic("vip", attribute("vip").equalTo(true), 50)
      .behavioral("demo", on("demo"), 15)
      .tier("MQL", 60).tier("SQL", 80).baseTier("cold").build();

  static Contact contact(int i, boolean vip, int demos) {
    Contact.Builder b = Contact.builder("c-" + i).attribute("vip", vip);
    for (int k = 0; k < demos; k++) {
      b.event("demo", NOW.minusSeconds(3600));
    }
    return b.build();
  }

  @Test
  void scoringReport_countsEveryContactInItsBinTierAndCell() {
    ScoringReport report = new ScoringReport(MODEL, NOW, 2);
    // scores: 0, 15, 50, 65, 80, 90
    int[][] spec = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {0, 6}};
    for (int i = 0; i < spec.length; i++) {
      Contact c = contact(i, spec[i][0] == 1, spec[i][1]);
      report.add(c, MODEL.score(c, NOW));
    }
    assertThat(report.count()).isEqualTo(6);
    assertThat(report.tierCounts()).isEqualTo(Map.of("cold", 3L, "MQL", 1L, "SQL", 2L));
    // 20 bins of 5 points: 0 -> bin 0, 15 -> 3, 50 -> 10, 65 -> 13, 80 -> 16, 90 -> 18
    String table = report.histogram().table();
    assertThat(table).contains("<td>[0, 5)</td><td>1</td>", "<td>[15, 20)</td><td>1</td>",
        "<td>[50, 55)</td><td>1</td>", "<td>[65, 70)</td><td>1</td>",
        "<td>[80, 85)</td><td>1</td>", "<td>[90, 95)</td><td>1</td>",
        "<td>[95, 100]</td><td>0</td>");
    assertThat(report.top()).extracting(e -> e.getValue().score()).containsExactly(90.0, 80.0);
    assertThat(report.top()).extracting(e -> e.getKey().id()).containsExactly("c-5", "c-4");
    String html = report.toHtml().html();
    assertThat(html).contains("<h1>Scoring report: m v1</h1>", "MQL 60", "SQL 80",
        "6 contacts scored as of 2026-11-22T00:00:00Z");
    assertThat(report.toHtml().chartCount()).isEqualTo(3);
  }

  @Test
  void evaluationReport_drawsRocGainsAndTiersOfBothModels() {
    List<LabeledContact> labelled = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      labelled.add(LabeledContact.of(contact(i, i % 2 == 0, i % 5), i % 5 >= 3));
    }
    ScoringTable other = MODEL.toBuilder().version("2").removeRule("vip").build();
    Comparison c = Comparison.of(MODEL, other, labelled, NOW);
    HtmlReport one = EvaluationReport.of(c.first());
    HtmlReport both = EvaluationReport.of(c);
    assertThat(one.chartCount()).isEqualTo(3);
    assertThat(both.chartCount()).isEqualTo(5);
    assertThat(both.html()).contains("m v1 (AUC", "m v2 (AUC 1.000)", "Cumulative gains",
        "Tier changes");
    Evaluation e = c.second();
    assertThat(e.roc().get(0)).isEqualTo(new Evaluation.RocPoint(Double.POSITIVE_INFINITY, 0,
        0));
    assertThat(e.roc().get(e.roc().size() - 1).truePositiveRate()).isEqualTo(1.0);
    assertThat(e.roc().get(e.roc().size() - 1).falsePositiveRate()).isEqualTo(1.0);
  }

  @Test
  void textIsEscapedAndBadChartInputIsRefused() {
    HtmlReport page = new HtmlReport("<script>", "a & b");
    page.paragraph("\"quoted\" <b>");
    assertThat(page.html()).contains("<title>&lt;script&gt;</title>", "a &amp; b",
        "&quot;quoted&quot; &lt;b&gt;").doesNotContain("<script>");
    assertThatThrownBy(() -> new BarChart("t", "c", "v", List.of("a"), new double[] {-1}))
        .hasMessage("values must be non-negative and finite, but was -1.0");
    assertThatThrownBy(() -> new Histogram("t", "x", "y", 5, 5, new long[] {1}, List.of()))
        .hasMessage("max must be greater than min (5.0), but was 5.0");
  }
}
