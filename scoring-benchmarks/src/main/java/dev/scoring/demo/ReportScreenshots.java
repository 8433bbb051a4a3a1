package dev.scoring.demo;

import dev.scoring.core.report.HtmlReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Regenerates the documentation's screenshots of the HTML reports ({@code docs/images}) in
 * headless Chromium, from {@link ReportPopulations} at 20,000 contacts:
 *
 * <pre>
 * mvn -B -q -pl scoring-benchmarks -am -DskipTests package
 * java -cp scoring-benchmarks/target/benchmarks.jar dev.scoring.demo.ReportScreenshots docs/images
 * </pre>
 *
 * <p>Writes {@code report-scoring.png}, {@code report-evaluation.png},
 * {@code report-comparison.png} and {@code report-rfm.png} (the top of each page, 1000 x 2400
 * CSS pixels), {@code report-rfm-orders.png} (the order-count distribution),
 * {@code report-rfm-churn.png} (customer value by segment) and {@code report-accounts.png}
 * (the accounts section of {@link ReportPopulations#accounts}, 1000 x 1800), beside the HTML
 * pages they show.
 * Needs {@code chromium} on the path (Debian: {@code apt-get install chromium}).
 */
public final class ReportScreenshots {
  private static final int CONTACTS = 20_000;

  private ReportScreenshots() {}

  /**
   * Writes the screenshots.
   *
   * @param args the output directory, {@code docs/images} when absent
   * @throws Exception if Chromium is missing or fails
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
    Files.createDirectories(out);
    Path pages = Files.createTempDirectory("report-pages");
    Map<String, HtmlReport> reports = ReportPopulations.all(CONTACTS);
    for (Map.Entry<String, HtmlReport> e : reports.entrySet()) {
      Path html = e.getValue().write(pages.resolve(e.getKey() + ".html"));
      screenshot(html, out.resolve("report-" + e.getKey() + ".png"), 1000, 2400);
      System.out.println("wrote " + out.resolve("report-" + e.getKey() + ".png"));
    }
    String rfm = reports.get("rfm").html();
    String orders = part(rfm, "<figure class=\"chart\"", "Order-count distribution",
        "</figure>");
    screenshot(alone(rfm, orders, pages.resolve("orders.html")),
        out.resolve("report-rfm-orders.png"), 1000, 620);
    String churn = rfm.substring(rfm.indexOf("<h2>Customer value by segment</h2>"),
        rfm.indexOf("<h2>Distributions</h2>"));
    screenshot(alone(rfm, churn.substring(0, churn.indexOf("<figure")),
        pages.resolve("churn.html")), out.resolve("report-rfm-churn.png"), 1000, 640);
    System.out.println("wrote " + out.resolve("report-rfm-orders.png") + " and "
        + out.resolve("report-rfm-churn.png"));
    String accounts = ReportPopulations.accounts(CONTACTS).toHtml().html();
    screenshot(alone(accounts, accounts.substring(accounts.indexOf("<h2>Accounts</h2>"),
        accounts.indexOf("<h2>Top contacts</h2>")), pages.resolve("accounts.html")),
        out.resolve("report-accounts.png"), 1000, 1800);
    System.out.println("wrote " + out.resolve("report-accounts.png"));
    try (Stream<Path> files = Files.walk(pages)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The element that starts with {@code open}, contains {@code marker} and ends at close. */
  private static String part(String html, String open, String marker, String close) {
    int at = html.indexOf(marker);
    int from = html.lastIndexOf(open, at);
    return html.substring(from, html.indexOf(close, at) + close.length());
  }

  /** A page with the report's head and only {@code body}. */
  private static Path alone(String html, String body, Path file) throws IOException {
    String page = html.substring(0, html.indexOf("<body>") + 6) + body + "</body></html>";
    Files.writeString(file, page, StandardCharsets.UTF_8);
    return file;
  }

  /** Renders {@code html} at the given window size into {@code png}. */
  static void screenshot(Path html, Path png, int width, int height)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    Files.deleteIfExists(png);
    ProcessBuilder pb = new ProcessBuilder("chromium", "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
        "--screenshot=" + png.toAbsolutePath(), html.toAbsolutePath().toUri().toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish rendering " + html + " within 120 s");
    }
    if (!Files.exists(png)) {
      throw new IOException("chromium exited with " + p.exitValue() + " and wrote no " + png);
    }
  }
}
