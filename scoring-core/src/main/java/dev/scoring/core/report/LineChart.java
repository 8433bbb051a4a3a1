package dev.scoring.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lines through points on numeric axes (ROC curves, cumulative gains), with a legend and an
 * optional diagonal reference line. Immutable and thread-safe.
 */
public final class LineChart implements Chart {
  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final double xMax;
  private final double yMax;
  private final boolean diagonal;
  private final List<Series> series;

  /**
   * One line.
   *
   * @param name the legend label
   * @param xs   x values
   * @param ys   y values, as many as {@code xs}
   */
  public record Series(String name, double[] xs, double[] ys) {
    /**
     * Copies and checks the points.
     *
     * @param name the legend label
     * @param xs   x values
     * @param ys   y values, as many as {@code xs}
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public Series {
      Objects.requireNonNull(name, "name");
      if (xs.length != ys.length) {
        throw new IllegalArgumentException("ys must have as many values as xs (" + xs.length
            + "), but had " + ys.length);
      }
      xs = xs.clone();
      ys = ys.clone();
    }
  }

  /**
   * A line chart with axes from 0.
   *
   * @param title    the chart title
   * @param xTitle   the x axis title with its unit
   * @param yTitle   the y axis title with its unit
   * @param xMax     the end of the x axis
   * @param yMax     the end of the y axis
   * @param diagonal whether to draw the dashed line from (0, 0) to (xMax, yMax)
   * @param series   the lines
   */
  public LineChart(String title, String xTitle, String yTitle, double xMax, double yMax,
      boolean diagonal, List<Series> series) {
    this.title = Objects.requireNonNull(title, "title");
    this.xTitle = Objects.requireNonNull(xTitle, "xTitle");
    this.yTitle = Objects.requireNonNull(yTitle, "yTitle");
    this.xMax = xMax;
    this.yMax = yMax;
    this.diagonal = diagonal;
    this.series = List.copyOf(series);
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String svg() {
    int w = Svg.WIDTH;
    int h = Svg.HEIGHT + 40;
    double[] yTicks = Svg.ticks(0, yMax);
    List<String> yLabels = Svg.tickLabels(yTicks);
    double[] xTicks = Svg.ticks(0, xMax);
    List<String> xLabels = Svg.tickLabels(xTicks);
    double left = Svg.leftMargin(yLabels);
    double plotW = w - left - Svg.RIGHT;
    double plotH = h - Svg.TOP - Svg.BOTTOM;
    double baseY = Svg.TOP + plotH;
    StringBuilder s = new StringBuilder(Svg.open(title, w, h));
    for (int k = 0; k < yTicks.length; k++) {
      double y = baseY - plotH * yTicks[k] / yMax;
      s.append(Svg.line(left, y, w - Svg.RIGHT, y, "#e5e5e5", ""));
      s.append(Svg.text(left - 8, y + 4, "end", yLabels.get(k), ""));
    }
    double[] tickX = new double[xTicks.length];
    for (int k = 0; k < xTicks.length; k++) {
      tickX[k] = left + plotW * xTicks[k] / xMax;
      s.append(Svg.line(tickX[k], Svg.TOP, tickX[k], baseY, "#e5e5e5", ""));
    }
    s.append(Svg.axisLabels(tickX, xLabels, 2, w - 2, baseY + 18));
    s.append(Svg.line(left, baseY, w - Svg.RIGHT, baseY, "#333333", ""));
    s.append(Svg.line(left, Svg.TOP, left, baseY, "#333333", ""));
    if (diagonal) {
      s.append(Svg.line(left, baseY, w - Svg.RIGHT, Svg.TOP, "#999999",
          "stroke-dasharray=\"5 5\""));
    }
    double legendW = 0;
    for (Series se : series) {
      legendW = Math.max(legendW, Svg.textWidth(se.name(), false));
    }
    double legendX = w - Svg.RIGHT - 8 - legendW;
    for (int i = 0; i < series.size(); i++) {
      Series se = series.get(i);
      StringBuilder points = new StringBuilder();
      for (int k = 0; k < se.xs().length; k++) {
        points.append(Svg.num(left + plotW * se.xs()[k] / xMax)).append(',')
            .append(Svg.num(baseY - plotH * se.ys()[k] / yMax)).append(' ');
      }
      String color = Svg.PALETTE[i % Svg.PALETTE.length];
      s.append("<polyline fill=\"none\" stroke=\"").append(color)
          .append("\" stroke-width=\"2.5\" points=\"").append(points.toString().trim())
          .append("\"><title>").append(Svg.escape(se.name())).append("</title></polyline>");
      double ly = baseY - 14 - 18 * (series.size() - 1 - i);
      s.append(Svg.line(legendX - 30, ly - 4, legendX - 6, ly - 4, color,
          "stroke-width=\"3\""));
      s.append(Svg.text(legendX, ly, "start", se.name(), ""));
    }
    s.append(Svg.axisTitles(xTitle, yTitle, left, w, h, baseY));
    return s.append("</svg>").toString();
  }

  @Override
  public String table() {
    List<String[]> rows = new ArrayList<>();
    for (Series se : series) {
      for (int k = 0; k < se.xs().length; k++) {
        rows.add(new String[] {se.name(), Numbers.decimal(se.xs()[k], 2),
            Numbers.decimal(se.ys()[k], 2)});
      }
    }
    return HtmlReport.table(new String[] {"series", xTitle, yTitle}, rows);
  }
}
