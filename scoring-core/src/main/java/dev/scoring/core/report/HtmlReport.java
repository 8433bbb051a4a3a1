package dev.scoring.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A self-contained HTML page: a title, then sections of text, charts and tables. No
 * JavaScript, no external resources; the layout adapts to a phone's width and prints cleanly.
 * Each chart is a {@code <figure>} with its title, its SVG and, in a {@code <details>}
 * element, the table of its numbers.
 *
 * <p>Not thread-safe: a page is built by one thread, then rendered with {@link #html()}.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;\
      max-width:960px;padding:16px;color:#1d1d1d;line-height:1.45}
      h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin-top:1.6em;\
      border-bottom:1px solid #ddd;padding-bottom:.2em}
      .subtitle{color:#555}
      figure{margin:1em 0;padding:0}figcaption{font-weight:600;margin-bottom:.3em}
      figure svg{max-width:100%;height:auto;border:1px solid #eee}
      table{border-collapse:collapse;margin:.5em 0;font-size:.9em;display:block;overflow-x:auto}
      th,td{border:1px solid #ddd;padding:3px 8px;text-align:right;white-space:nowrap}
      th:first-child,td:first-child{text-align:left}th{background:#f4f6f8}
      pre{background:#f7f7f7;padding:8px;overflow-x:auto;font-size:.85em}
      details summary{cursor:pointer;color:#0b5cad}
      .notice{border-left:4px solid #D55E00;background:#fff4ec;padding:6px 10px;margin:.4em 0}
      @media print{details{display:block}details>summary{display:none}\
      figure{break-inside:avoid}body{max-width:none}}
      """;

  private final String title;
  private final StringBuilder body = new StringBuilder();
  private int figures;

  /**
   * Starts a page.
   *
   * @param title    the page title
   * @param subtitle a line under the title (what, when, how many), may be empty
   */
  public HtmlReport(String title, String subtitle) {
    this.title = Objects.requireNonNull(title, "title");
    body.append("<h1>").append(Svg.escape(title)).append("</h1>\n");
    if (!subtitle.isEmpty()) {
      body.append("<p class=\"subtitle\">").append(Svg.escape(subtitle)).append("</p>\n");
    }
  }

  /**
   * Starts a section.
   *
   * @param heading the section heading
   * @return this page
   */
  public HtmlReport section(String heading) {
    body.append("<h2>").append(Svg.escape(heading)).append("</h2>\n");
    return this;
  }

  /**
   * Adds a paragraph of plain text.
   *
   * @param text the text (escaped)
   * @return this page
   */
  public HtmlReport paragraph(String text) {
    body.append("<p>").append(Svg.escape(text)).append("</p>\n");
    return this;
  }

  /**
   * Adds a notice that stands out: a finding or a caveat the reader must see.
   *
   * @param text the text (escaped)
   * @return this page
   */
  public HtmlReport notice(String text) {
    body.append("<p class=\"notice\">").append(Svg.escape(text)).append("</p>\n");
    return this;
  }

  /**
   * Adds preformatted text, such as an explanation.
   *
   * @param text the text (escaped)
   * @return this page
   */
  public HtmlReport preformatted(String text) {
    body.append("<pre>").append(Svg.escape(text)).append("</pre>\n");
    return this;
  }

  /**
   * Adds a chart as a figure, with its numbers in a table behind it.
   *
   * @param chart the chart
   * @return this page
   */
  public HtmlReport chart(Chart chart) {
    figures++;
    body.append("<figure class=\"chart\" id=\"chart-").append(figures).append("\">")
        .append("<figcaption>").append(Svg.escape(chart.title())).append("</figcaption>\n")
        .append(chart.svg()).append('\n')
        .append("<details><summary>Table of the numbers</summary>").append(chart.table())
        .append("</details></figure>\n");
    return this;
  }

  /**
   * Adds a table.
   *
   * @param header the column headers
   * @param rows   the rows, each as long as the header
   * @return this page
   */
  public HtmlReport table(List<String> header, List<List<String>> rows) {
    body.append(table(header.toArray(new String[0]),
        rows.stream().map(r -> r.toArray(new String[0])).toList())).append('\n');
    return this;
  }

  /**
   * Returns the number of charts added.
   *
   * @return the number of charts added
   */
  public int chartCount() {
    return figures;
  }

  /**
   * Returns the complete HTML document.
   *
   * @return the complete HTML document
   */
  public String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + Svg.escape(title) + "</title><style>" + STYLE + "</style></head>\n<body>\n"
        + body + "</body></html>\n";
  }

  /**
   * Writes the document to a file (UTF-8), creating parent directories.
   *
   * @param file the file
   * @return the file
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path write(Path file) {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, html(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("report " + file + " could not be written", e);
    }
  }

  static String table(String[] header, List<String[]> rows) {
    StringBuilder s = new StringBuilder("<table><thead><tr>");
    for (String h : header) {
      s.append("<th scope=\"col\">").append(Svg.escape(h)).append("</th>");
    }
    s.append("</tr></thead><tbody>");
    for (String[] row : rows) {
      s.append("<tr>");
      for (String cell : row) {
        s.append("<td>").append(Svg.escape(cell)).append("</td>");
      }
      s.append("</tr>");
    }
    return s.append("</tbody></table>").toString();
  }
}
