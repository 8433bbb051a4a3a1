package dev.scoring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.core.report.BarChart;
import dev.scoring.core.report.Heatmap;
import dev.scoring.core.report.Histogram;
import dev.scoring.core.report.HtmlReport;
import dev.scoring.core.report.LineChart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Renders every HTML report at 100, 10,000 and 1,000,000 contacts in headless Chromium
 * (Selenium and the system's chromedriver, one browser for the class) and checks the layout
 * the reader sees: in every chart, no two text elements' bounding boxes overlap, and every
 * text lies inside its chart. Skips when Chromium or chromedriver is not installed, unless
 * {@code SCORING_REQUIRE_BROWSER=1} (CI) makes that a failure.
 */
class ReportsInBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path OUT = Path.of("target", "browser");
  /** Boxes may touch: an overlap must exceed this, in CSS pixels, both ways. */
  private static final double TOLERANCE = 0.5;

  private static ChromeDriver browser;

  @BeforeAll
  static void startChromium() throws Exception {
    boolean required = "1".equals(System.getenv("SCORING_REQUIRE_BROWSER"));
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String message = "Chromium or chromedriver is not installed (apt-get install chromium "
          + "chromium-driver); the browser test of the HTML reports cannot run";
      if (required) {
        throw new AssertionError(message + ", but SCORING_REQUIRE_BROWSER=1 requires it");
      }
      Assumptions.abort(message);
    }
    Files.createDirectories(OUT);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--window-size=1000,1400", "--hide-scrollbars");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** A text of a chart, with its bounding box in CSS pixels. */
  record Box(String chart, String text, double left, double top, double right, double bottom) {
    boolean overlaps(Box o) {
      return Math.min(right, o.right) - Math.max(left, o.left) > TOLERANCE
          && Math.min(bottom, o.bottom) - Math.max(top, o.top) > TOLERANCE;
    }

    boolean inside(Box o) {
      return left >= o.left - TOLERANCE && right <= o.right + TOLERANCE
          && top >= o.top - TOLERANCE && bottom <= o.bottom + TOLERANCE;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "'%s' [%.1f, %.1f]-[%.1f, %.1f]", text, left,
          top, right, bottom);
    }
  }

  private static final String BOXES = """
      const out = [];
      document.querySelectorAll('svg').forEach((svg, i) => {
        const fig = svg.closest('figure');
        const name = fig ? fig.querySelector('figcaption').textContent : 'svg ' + i;
        const s = svg.getBoundingClientRect();
        const texts = [];
        svg.querySelectorAll('text').forEach(t => {
          const r = t.getBoundingClientRect();
          texts.push([t.textContent, r.left, r.top, r.right, r.bottom]);
        });
        out.push([name, [s.left, s.top, s.right, s.bottom], texts]);
      });
      return out;
      """;

  /** Loads a page and returns every problem: overlapping texts, texts outside their chart. */
  @SuppressWarnings("unchecked")
  static List<String> layoutProblems(Path page) {
    browser.get(page.toAbsolutePath().toUri().toString());
    List<Object> charts = (List<Object>) ((JavascriptExecutor) browser).executeScript(BOXES);
    List<String> problems = new ArrayList<>();
    for (Object o : charts) {
      List<Object> chart = (List<Object>) o;
      String name = (String) chart.get(0);
      List<Object> s = (List<Object>) chart.get(1);
      Box svg = new Box(name, "", d(s.get(0)), d(s.get(1)), d(s.get(2)), d(s.get(3)));
      List<Box> texts = new ArrayList<>();
      for (Object t : (List<Object>) chart.get(2)) {
        List<Object> b = (List<Object>) t;
        Box box = new Box(name, (String) b.get(0), d(b.get(1)), d(b.get(2)), d(b.get(3)),
            d(b.get(4)));
        if (box.text().isBlank()) {
          problems.add(name + ": an empty text element");
        }
        if (!box.inside(svg)) {
          problems.add(name + ": " + box + " lies outside the chart " + svg);
        }
        for (Box other : texts) {
          if (box.overlaps(other)) {
            problems.add(name + ": " + other + " overlaps " + box);
          }
        }
        texts.add(box);
      }
      if (texts.isEmpty()) {
        problems.add(name + ": no text at all");
      }
    }
    if (charts.isEmpty()) {
      problems.add("no chart at all");
    }
    return problems;
  }

  private static double d(Object o) {
    return ((Number) o).doubleValue();
  }

  @ParameterizedTest(name = "{0} contacts")
  @ValueSource(ints = {100, 10_000, 1_000_000})
  void everyReportsTextsNeitherOverlapNorLeaveTheirChart(int contacts) throws Exception {
    for (Map.Entry<String, HtmlReport> e : ReportPopulations.all(contacts).entrySet()) {
      Path page = e.getValue().write(OUT.resolve(e.getKey() + "-" + contacts + ".html"));
      assertThat(layoutProblems(page)).as(e.getKey() + " at " + contacts + " contacts")
          .isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} contacts")
  @ValueSource(ints = {100, 10_000, 200_000})
  void theAccountsSectionsTextsNeitherOverlapNorLeaveTheirChart(int contacts) throws Exception {
    HtmlReport report = ReportPopulations.accounts(contacts).toHtml();
    assertThat(report.html()).contains("<h2>Accounts</h2>");
    Path page = report.write(OUT.resolve("accounts-" + contacts + ".html"));
    assertThat(layoutProblems(page)).as("accounts at " + contacts + " contacts").isEmpty();
  }

  @Test
  void extremeLabelsStayApartAndInside() throws Exception {
    String longName = "a segment name far longer than anybody would ever choose, really";
    HtmlReport page = new HtmlReport("extremes", "");
    page.chart(new BarChart("bars", longName, longName + " (value axis)",
        List.of(longName, "b", longName + " 2"), new double[] {1.5e12, 3, 7.25e11}, 2));
    List<String> tiers = List.of("Marketing Qualified Lead", "Sales Qualified Lead",
        "Sales Accepted Lead", "Opportunity", "Customer", "Evangelist", "Churned", "Cold");
    double[][] cells = new double[tiers.size()][tiers.size()];
    for (int r = 0; r < cells.length; r++) {
      for (int c = 0; c < cells.length; c++) {
        cells[r][c] = 1_234_567_890L * (r + 1) + c;
      }
    }
    page.chart(new Heatmap("grid", longName + " across", longName + " down", longName, tiers,
        tiers, cells).topDown().diagonalApart());
    page.chart(new Histogram("histogram", longName + " " + longName, longName + " up", 0, 100,
        new long[] {5_000_000_000L, 1, 2, 3, 4},
        List.of(new Histogram.Marker("MQL 60", 60), new Histogram.Marker("SQL 61", 61),
            new Histogram.Marker("Opportunity 62", 62), new Histogram.Marker("Top 100", 100),
            new Histogram.Marker("Above 150", 150))));
    page.chart(new LineChart("lines", longName, longName, 100, 1e9, true, List.of(
        new LineChart.Series(longName, new double[] {0, 100}, new double[] {0, 1e9}),
        new LineChart.Series("second", new double[] {0, 50}, new double[] {0, 5e8}))));
    long[] wide = new long[2_000];
    for (int i = 0; i < wide.length; i++) {
      wide[i] = 1_000_000L + i * 997L;
    }
    page.chart(Histogram.ofWholeNumbers("whole numbers", "value", "count", wide));
    Path file = page.write(OUT.resolve("extremes.html"));
    assertThat(layoutProblems(file)).isEmpty();
  }

  @Test
  void theCheckSeesOverlapsAndTextsOutsideTheChart() throws Exception {
    Path page = OUT.resolve("bad.html");
    Files.writeString(page, "<!DOCTYPE html><html><body><figure><figcaption>bad</figcaption>"
        + "<svg viewBox=\"0 0 200 100\" width=\"400\" font-size=\"12\">"
        + "<text x=\"10\" y=\"50\">100,000</text><text x=\"30\" y=\"52\">contacts</text>"
        + "<text x=\"190\" y=\"90\">outside</text><text x=\"10\" y=\"20\">alone</text>"
        + "</svg></figure></body></html>", StandardCharsets.UTF_8);
    List<String> problems = layoutProblems(page);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("bad: '100,000'").contains("overlaps 'contacts'");
    assertThat(problems.get(1)).startsWith("bad: 'outside'").contains("lies outside the chart");
  }
}
