package dev.scoring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.core.evaluation.Comparison;
import dev.scoring.core.report.EvaluationReport;
import dev.scoring.core.report.HtmlReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders every HTML report in headless Chromium: the whole page (kept as a screenshot for the
 * README) and each chart on its own, which must be drawn (not blank). Skips when Chromium is not
 * installed, unless {@code SCORING_REQUIRE_BROWSER=1} (CI) makes that a failure.
 */
class ReportsInBrowserTest {
  private static final Pattern FIGURE =
      Pattern.compile("<figure class=\"chart\" id=\"(chart-\\d+)\">(.*?)</figure>", Pattern.DOTALL);
  private static final Path OUT = Path.of("target", "screenshots");

  @BeforeAll
  static void needsChromium() {
    boolean required = "1".equals(System.getenv("SCORING_REQUIRE_BROWSER"));
    if (Browser.executable() == null) {
      String message = "Chromium is not installed (apt-get install chromium); "
          + "the browser test of the HTML reports cannot run";
      if (required) {
        throw new AssertionError(message + ", but SCORING_REQUIRE_BROWSER=1 requires it");
      }
      Assumptions.abort(message);
    }
  }

  static Map<String, HtmlReport> reports() {
    Map<String, HtmlReport> reports = new LinkedHashMap<>();
    reports.put("scoring", DemoReports.scoring(20_000).toHtml());
    reports.put("rfm", DemoReports.rfm(20_000));
    Comparison comparison = DemoReports.comparison(20_000);
    reports.put("evaluation", EvaluationReport.of(comparison.first()));
    reports.put("comparison", EvaluationReport.of(comparison));
    return reports;
  }

  @Test
  void everyReportRendersWithEveryChartDrawn() throws Exception {
    Files.createDirectories(OUT);
    for (Map.Entry<String, HtmlReport> e : reports().entrySet()) {
      String name = e.getKey();
      String html = e.getValue().html();
      Path page = e.getValue().write(OUT.resolve(name + ".html"));
      Path png = OUT.resolve(name + ".png");
      Browser.screenshot(page, png, 1000, 2400);
      assertThat(Browser.ink(png).share()).as(name + " page ink").isGreaterThan(0.02);

      List<String> charts = new ArrayList<>();
      Matcher m = FIGURE.matcher(html);
      while (m.find()) {
        charts.add(m.group(1));
        assertThat(m.group(2)).as(name + " " + m.group(1)).contains("<svg").contains("</svg>")
            .contains("<figcaption>").contains("<table>");
        String alone = html.substring(0, html.indexOf("<body>") + 6) + "<figure class=\"chart\">"
            + m.group(2) + "</figure></body></html>";
        Path chartPage = OUT.resolve(name + "-" + m.group(1) + ".html");
        Files.writeString(chartPage, alone, StandardCharsets.UTF_8);
        Path chartPng = OUT.resolve(name + "-" + m.group(1) + ".png");
        Browser.screenshot(chartPage, chartPng, 800, 700);
        Browser.Ink ink = Browser.ink(chartPng);
        assertThat(ink.share()).as(name + " " + m.group(1) + " ink").isGreaterThan(0.01);
        assertThat(ink.colours()).as(name + " " + m.group(1) + " colours").isGreaterThan(3);
      }
      assertThat(charts).as(name + " charts").hasSize(e.getValue().chartCount());
      assertThat(charts).as(name + " charts").isNotEmpty();
    }
  }

  @Test
  void aBlankChartIsCaught() throws Exception {
    Files.createDirectories(OUT);
    Path blank = OUT.resolve("blank.html");
    Files.writeString(blank, "<!DOCTYPE html><html><body><svg viewBox=\"0 0 10 10\" "
        + "width=\"100%\"></svg></body></html>", StandardCharsets.UTF_8);
    Path png = OUT.resolve("blank.png");
    Browser.screenshot(blank, png, 800, 700);
    assertThat(Browser.ink(png).share()).isLessThan(0.01);
  }
}
