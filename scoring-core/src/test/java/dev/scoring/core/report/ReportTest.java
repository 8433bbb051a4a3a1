package dev.scoring.core.report;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.evaluation.Comparison;
import dev.scoring.core.evaluation.Evaluation;
import dev.scoring.core.evaluation.LabeledContact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** Scores 0, 15, 50, 65, 80, 90. */
  static ScoringReport sixContacts(ScoringTable model) {
    ScoringReport report = new ScoringReport(model, NOW, 2);
    int[][] spec = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {0, 6}};
    for (int i = 0; i < spec.length; i++) {
      Contact c = contact(i, spec[i][0] == 1, spec[i][1]);
      report.add(c, model.score(c, NOW));
    }
    return report;
  }

  @Test
  void scoringReport_countsEveryContactInItsBinTierAndCell() {
    ScoringReport report = sixContacts(MODEL);
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
        "6 contacts scored as of 2026-11-22T00:00:00Z", "mean score 50.00");
    assertThat(report.toHtml().chartCount()).isEqualTo(4);
  }

  @Test
  void tierCounts_keepsTheDocumentedOrder_baseTierFirstThenByThreshold() {
    ScoringReport report = sixContacts(MODEL);
    assertThat(new ArrayList<>(report.tierCounts().keySet()))
        .containsExactly("cold", "MQL", "SQL");
    assertThat(new ArrayList<>(report.tierCounts().values())).containsExactly(3L, 1L, 2L);
    assertThatThrownBy(() -> report.tierCounts().put("x", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void ruleContributions_countContactsAndPointsExactly() {
    ScoringReport report = sixContacts(MODEL);
    // vip: contacts 2, 3, 4 -> 3 x 50 = 150; demo: 1 + 1 + 2 + 6 = 10 events x 15 = 150
    assertThat(report.contributions()).containsExactly(
        new ScoringReport.Contribution("vip", Explanation.Kind.DEMOGRAPHIC, 3, 150, 0.5),
        new ScoringReport.Contribution("demo", Explanation.Kind.BEHAVIORAL, 4, 150, 0.5));
    assertThat(report.contributions().get(1).meanPoints()).isEqualTo(37.5);
    String html = report.toHtml().html();
    assertThat(html).contains("<td>vip</td><td>demographic</td><td>3</td><td>50.0%</td>"
        + "<td>50.00</td><td>150.00</td><td>50.0%</td>");
    assertThat(html).contains("<td>demo</td><td>behavioral</td><td>4</td><td>66.7%</td>"
        + "<td>37.50</td><td>150.00</td><td>50.0%</td>");
  }

  @Test
  void ruleContributions_includeNegativeRulesCapsAndTheClamp_andSharesAddUpToOne() {
    ScoringTable model = MODEL.toBuilder().behavioralCap(60)
        .negative("unsub", on("unsubscribe"), -20).build();
    ScoringReport report = new ScoringReport(model, NOW, 0);
    // vip + 6 demos: 50 + 90 -> cap cuts 30 -> raw 110 -> clamp cuts 10 -> 100
    Contact big = contact(1, true, 6);
    // 0 + 1 demo - 20 = -5 -> clamp adds 5 -> 0
    Contact neg = Contact.builder("c-2").attribute("vip", false).event("demo", NOW.minusSeconds(9))
        .event("unsubscribe", NOW.minusSeconds(9)).build();
    report.add(big, model.explain(big, NOW)).add(neg, model.score(neg, NOW));
    Map<String, ScoringReport.Contribution> byId = new LinkedHashMap<>();
    report.contributions().forEach(c -> byId.put(c.id(), c));
    assertThat(byId.keySet()).startsWith("vip", "demo", "unsub");
    assertThat(byId.get("vip").points()).isEqualTo(50);
    assertThat(byId.get("demo").points()).isEqualTo(105);
    assertThat(byId.get("demo").contacts()).isEqualTo(2);
    assertThat(byId.get("unsub").points()).isEqualTo(-20);
    assertThat(byId.get("caps.behavioral").points()).isEqualTo(-30);
    double clamp = byId.entrySet().stream().filter(e -> e.getKey().startsWith("scale."))
        .mapToDouble(e -> e.getValue().points()).sum();
    assertThat(clamp).isEqualTo(-10 + 5);
    // every point explained: the sum of the entries is the sum of the scores
    double total = report.contributions().stream().mapToDouble(ScoringReport.Contribution::points)
        .sum();
    assertThat(total).isEqualTo(100 + 0);
    assertThat(report.contributions().stream().mapToDouble(ScoringReport.Contribution::share)
        .sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    // |50| + |105| + |-20| + |-30| + |-10| + |5| = 220
    assertThat(byId.get("demo").share()).isEqualTo(105.0 / 220);
  }

  @Test
  void findings_comeFirst_analysisFindingsAndRulesThatMatchedNobody() {
    ScoringTable model = MODEL.toBuilder()
        .behavioral("demo-again", on("demo"), 5)
        .behavioral("webinar", on("webinar"), 10).build();
    ScoringReport report = sixContacts(model);
    assertThat(report.findings()).anyMatch(f -> f.startsWith("duplicate: ")
        && f.contains("'demo-again'"));
    assertThat(report.findings()).contains("dead rule: webinar applied to none of the 6 contacts");
    String html = report.toHtml().html();
    assertThat(html.indexOf("<h2>Findings</h2>")).isLessThan(html.indexOf("<h2>Scores</h2>"));
    assertThat(html).contains("<p class=\"notice\">dead rule: webinar applied to none of the 6"
        + " contacts</p>");
    assertThat(sixContacts(MODEL).toHtml().html()).doesNotContain("Findings");
  }

  @Test
  void fitEngagementGrid_binsFollowTheModelsRange() {
    ScoringTable model = ScoringTable.builder("m")
        .demographic("vip", attribute("vip").equalTo(true), 10)
        .demographic("big", attribute("size").atLeast(100), 5)
        .behavioral("demo", on("demo").maxOccurrences(2), 15)
        .tier("MQL", 30).baseTier("cold").build();
    ScoringReport report = new ScoringReport(model, NOW, 0);
    Contact c = Contact.builder("x").attribute("vip", true).attribute("size", 500)
        .event("demo", NOW.minusSeconds(5)).event("demo", NOW.minusSeconds(5)).build();
    report.add(c, model.score(c, NOW));
    // fit 0..15 in bins of 5 (not a fixed 0..100 grid); engagement 0..30 in bins of 10
    String table = report.fitEngagementGrid().table();
    assertThat(table).contains("<th scope=\"col\">[0, 5)</th><th scope=\"col\">[5, 10)</th>"
        + "<th scope=\"col\">[10, 15]</th></tr>");
    // rows top first: the highest engagement, holding the contact at fit 15
    assertThat(table).contains("<tr><td>[20, 30]</td><td>0</td><td>0</td><td>1</td></tr>");
    assertThat(table).doesNotContain("18-24", ">= 24");
  }

  static Score score(double s, String tier) {
    return new Score(s, s, 0, s, tier, "m", "1", NOW);
  }

  @Test
  void sinceLastRun_countsEnteredAndLeftPerTier_andTheBiggestMovers() {
    ScoringReport report = sixContacts(MODEL);
    Map<String, Score> previous = new LinkedHashMap<>();
    Map<String, Score> current = new LinkedHashMap<>();
    previous.put("a", score(10, "cold"));
    current.put("a", score(70, "MQL"));   // +60: cold -> MQL
    previous.put("b", score(85, "SQL"));
    current.put("b", score(65, "MQL"));   // -20: SQL -> MQL
    previous.put("c", score(62, "MQL"));
    current.put("c", score(64, "MQL"));   // +2, no tier change
    current.put("d", score(90, "SQL"));   // new: entered SQL
    report.sinceLastRun(previous, current);
    String html = report.toHtml().html();
    assertThat(html).contains("<h2>Since the last run</h2>",
        "3 contacts in the last run, 4 in this one, 3 in both.",
        "<tr><td>cold</td><td>0</td><td>1</td><td>-1</td></tr>",
        "<tr><td>MQL</td><td>2</td><td>0</td><td>+2</td></tr>",
        "<tr><td>SQL</td><td>1</td><td>1</td><td>+0</td></tr>",
        "<tr><td>a</td><td>10.00</td><td>70.00</td><td>+60.00</td><td>cold</td><td>MQL</td></tr>"
            + "<tr><td>c</td><td>62.00</td><td>64.00</td><td>+2.00</td>",
        "<tr><td>b</td><td>85.00</td><td>65.00</td><td>-20.00</td><td>SQL</td><td>MQL</td></tr>");
  }

  @Test
  void withTrend_keepsTheBiggestRisersAndFallersOverTheWindow() {
    ScoringTable model = MODEL.toBuilder().negative("unsub", on("unsubscribe"), -20).build();
    ScoringReport report = new ScoringReport(model, NOW, 0).withTrend(7);
    int[][] spec = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {0, 6}};
    for (int i = 0; i < spec.length; i++) {
      Contact c = contact(i, spec[i][0] == 1, spec[i][1]);
      report.add(c, model.score(c, NOW));
    }
    Contact quits = Contact.builder("q").attribute("vip", true)
        .event("unsubscribe", NOW.minusSeconds(3600)).build();
    report.add(quits, model.explain(quits, NOW));
    // the demo events are an hour old: a week ago they had not happened
    assertThat(report.risers()).extracting(ScoringReport.Mover::contactId)
        .containsExactly("c-5", "c-4", "c-1", "c-3");
    assertThat(report.risers()).extracting(ScoringReport.Mover::change)
        .containsExactly(90.0, 30.0, 15.0, 15.0);
    assertThat(report.fallers()).extracting(ScoringReport.Mover::contactId).containsExactly("q");
    assertThat(report.fallers().get(0).change()).isEqualTo(-20.0);
    assertThat(report.fallers().get(0).change())
        .isEqualTo(model.trend(quits, NOW, 7));
    assertThat(report.toHtml().html()).contains("<h2>Trend over the last 7 days</h2>",
        "<tr><td>q</td><td>50.00</td><td>30.00</td><td>-20.00</td><td>cold</td><td>cold</td>"
            + "</tr>");
    assertThatThrownBy(() -> report.withTrend(7)).isInstanceOf(IllegalStateException.class)
        .hasMessage("withTrend must be called before the first contact is added, but 7 were "
            + "added");
  }

  @Test
  void wholeNumberHistogram_hasOneBarPerValue() {
    Histogram h = Histogram.ofWholeNumbers("Orders", "orders", "customers",
        new long[] {1, 1, 2, 4, 4, 4, 8});
    assertThat(h.binLabels()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    assertThat(h.counts()).containsExactly(2, 1, 0, 3, 0, 0, 0, 1);
    assertThat(h.title()).isEqualTo("Orders");
  }

  @Test
  void wholeNumberHistogram_groupsManyValuesIntoWholeBins_andOpensTheLastForATail() {
    long[] values = new long[101];
    for (int i = 0; i < 100; i++) {
      values[i] = i;
    }
    values[100] = 1000;
    Histogram h = Histogram.ofWholeNumbers("Orders", "orders", "customers", values);
    List<String> labels = h.binLabels();
    assertThat(labels).hasSize(21);
    assertThat(labels.get(0)).isEqualTo("0-4");
    assertThat(labels.get(19)).isEqualTo("95-99");
    assertThat(labels.get(20)).isEqualTo("100+");
    long[] counts = h.counts();
    for (int i = 0; i < 20; i++) {
      assertThat(counts[i]).as("bin " + labels.get(i)).isEqualTo(5);
    }
    assertThat(counts[20]).isEqualTo(1);
    assertThat(h.title()).isEqualTo(
        "Orders (the last bar, 100+, holds the 1 customers with 100 or more)");
    assertThatThrownBy(() -> Histogram.ofWholeNumbers("t", "x", "y", new long[] {-1}))
        .hasMessage("values must be at least 0, but was -1");
  }

  @Test
  void wholeNumberHistogram_opensNoBarWhenTheTailFitsInTheLastBin() {
    long[] values = new long[2_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1_000_000L + i * 997L; // up to 2,993,003; p99 2,973,063
    }
    Histogram h = Histogram.ofWholeNumbers("t", "x", "y", values);
    assertThat(h.binLabels()).hasSize(40).startsWith("1,000,000-1,049,999")
        .endsWith("2,950,000-2,999,999");
    assertThat(java.util.Arrays.stream(h.counts()).sum()).isEqualTo(2_000);
    assertThat(h.title()).isEqualTo("t");
  }

  @Test
  void valueHistogram_hasRoundBinsAndAnOpenLastBar() {
    double[] values = new double[200];
    for (int i = 0; i < 199; i++) {
      values[i] = i; // 0..198
    }
    values[199] = 5000;
    Histogram h = Histogram.ofValues("Money", "amount ($)", "customers", values, 20);
    // p99 = 197 -> 20 bins of 10 up to 200, then ">= 200"
    assertThat(h.binLabels()).startsWith("[0, 10)", "[10, 20)").endsWith("[190, 200)",
        ">= 200");
    assertThat(h.counts()[19]).isEqualTo(9);
    assertThat(h.counts()[20]).isEqualTo(1);
    assertThat(h.title()).isEqualTo("Money (the last bar, 200 or more, holds 1 customers)");
  }

  @Test
  void countAxes_haveWholeTicksOnly() {
    String svg = new Histogram("t", "x", "contacts", 0, 100, new long[] {2, 0, 1}, List.of())
        .svg();
    assertThat(svg).contains(">0</text>", ">1</text>", ">2</text>")
        .doesNotContain(">0.5</text>", ">1.5</text>");
    String bars = new BarChart("t", "c", "contacts", List.of("a"), new double[] {1}).svg();
    assertThat(bars).contains(">0</text>", ">1</text>").doesNotContain(">0.2</text>");
  }

  @Test
  void numbers_haveOneFormat() {
    assertThat(Numbers.count(1_000_000)).isEqualTo("1,000,000");
    assertThat(Numbers.decimal(10000, 1)).isEqualTo("10,000.0");
    assertThat(Numbers.decimal(-0.001, 2)).isEqualTo("0.00");
    assertThat(Numbers.decimal(Double.NaN, 2)).isEqualTo("-");
    assertThat(Numbers.percent(0.1234, 1)).isEqualTo("12.3%");
    assertThat(Numbers.pValue(2.918e-106)).isEqualTo("< 0.001");
    assertThat(Numbers.pValue(0.0421)).isEqualTo("0.042");
    assertThat(Numbers.onStep(2.5, 0.5)).isEqualTo("2.5");
    assertThat(Numbers.onStep(100_000, 20_000)).isEqualTo("100,000");
    assertThatThrownBy(() -> Numbers.decimal(1, 11))
        .hasMessage("decimals must be in 0..10, but was 11");
  }

  @Test
  void evaluationReport_drawsRocGainsAndTiersOfBothModels() {
    List<LabeledContact> labelled = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      labelled.add(LabeledContact.of(contact(i, i % 2 == 0, i % 5), i % 5 >= 3));
    }
    labelled.add(LabeledContact.of(contact(99, true, 6), true)); // 50 + 90 -> 100
    ScoringTable other = MODEL.toBuilder().version("2").removeRule("vip").build();
    Comparison c = Comparison.of(MODEL, other, labelled, NOW);
    HtmlReport one = EvaluationReport.of(c.first());
    HtmlReport both = EvaluationReport.of(c);
    assertThat(one.chartCount()).isEqualTo(3);
    assertThat(both.chartCount()).isEqualTo(5);
    assertThat(both.html()).contains("m v1 (AUC", "Cumulative gains", "Tier changes");
    // a score of 100 on a 0..100 scale is in the band [90, 100], not in [100, 110)
    assertThat(c.first().bands().get(c.first().bands().size() - 1).label())
        .isEqualTo("[90, 100]");
    assertThat(one.html()).contains("<td>[90, 100]</td>").doesNotContain("[100, 110)");
    // the tier-change matrix lists its rows as the comparison does: base tier first
    String matrix = EvaluationReport.tierChanges(c).table();
    assertThat(matrix.indexOf("<tr><td>cold</td>")).isLessThan(matrix.indexOf("<tr><td>MQL</td>"));
    assertThat(matrix.indexOf("<tr><td>MQL</td>")).isLessThan(matrix.indexOf("<tr><td>SQL</td>"));
    Evaluation e = c.second();
    assertThat(e.roc().get(0)).isEqualTo(new Evaluation.RocPoint(Double.POSITIVE_INFINITY, 0,
        0));
    assertThat(e.roc().get(e.roc().size() - 1).truePositiveRate()).isEqualTo(1.0);
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
