package dev.scoring.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts over equal-width bins of a numeric axis, with optional labelled vertical markers
 * (tier thresholds on a score histogram). Immutable and thread-safe.
 */
public final class Histogram implements Chart {
  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final double min;
  private final double max;
  private final long[] counts;
  private final List<Marker> markers;

  /**
   * A vertical line at {@code x} labelled {@code label}.
   *
   * @param label the label, such as {@code "MQL 60"}
   * @param x     the position on the x axis
   */
  public record Marker(String label, double x) {
    /** Checks the label. */
    public Marker {
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * A histogram.
   *
   * @param title   the chart title
   * @param xTitle  the x axis title with its unit, such as {@code "score (points)"}
   * @param yTitle  the y axis title with its unit, such as {@code "contacts"}
   * @param min     the lower edge of the first bin
   * @param max     the upper edge of the last bin, greater than {@code min}
   * @param counts  the count of each bin, at least one bin
   * @param markers vertical markers
   * @throws IllegalArgumentException if {@code max <= min} or there is no bin
   */
  public Histogram(String title, String xTitle, String yTitle, double min, double max,
      long[] counts, List<Marker> markers) {
    if (!(max > min)) {
      throw new IllegalArgumentException("max must be greater than min (" + min + "), but was "
          + max);
    }
    if (counts.length == 0) {
      throw new IllegalArgumentException("counts must have at least one bin, but was empty");
    }
    this.title = Objects.requireNonNull(title, "title");
    this.xTitle = Objects.requireNonNull(xTitle, "xTitle");
    this.yTitle = Objects.requireNonNull(yTitle, "yTitle");
    this.min = min;
    this.max = max;
    this.counts = counts.clone();
    this.markers = List.copyOf(markers);
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String svg() {
    int w = Svg.WIDTH;
    int h = Svg.HEIGHT;
    double plotW = w - Svg.LEFT - Svg.RIGHT;
    double plotH = h - Svg.TOP - Svg.BOTTOM;
    long top = 1;
    for (long c : counts) {
      top = Math.max(top, c);
    }
    double[] yTicks = Svg.ticks(0, top);
    double yMax = Math.max(top, yTicks[yTicks.length - 1]);
    StringBuilder s = new StringBuilder(Svg.open(title, w, h));
    double baseY = Svg.TOP + plotH;
    for (double t : yTicks) {
      double y = baseY - plotH * t / yMax;
      s.append(Svg.line(Svg.LEFT, y, w - Svg.RIGHT, y, "#e5e5e5", ""));
      s.append(Svg.text(Svg.LEFT - 6, y + 4, "end", Svg.label(t), ""));
    }
    double binW = plotW / counts.length;
    double width = (max - min) / counts.length;
    for (int i = 0; i < counts.length; i++) {
      double barH = plotH * counts[i] / yMax;
      s.append(Svg.rect(Svg.LEFT + i * binW + 1, baseY - barH, binW - 2, barH, Svg.PALETTE[0],
          "[" + Svg.num(min + i * width) + ", " + Svg.num(min + (i + 1) * width) + "): "
              + Svg.label(counts[i])));
    }
    for (double t : Svg.ticks(min, max)) {
      double x = Svg.LEFT + plotW * (t - min) / (max - min);
      s.append(Svg.line(x, baseY, x, baseY + 5, "#333333", ""));
      s.append(Svg.text(x, baseY + 18, "middle", Svg.label(t), ""));
    }
    s.append(Svg.line(Svg.LEFT, baseY, w - Svg.RIGHT, baseY, "#333333", ""));
    for (int i = 0; i < markers.size(); i++) {
      Marker m = markers.get(i);
      double x = Svg.LEFT + plotW * (m.x() - min) / (max - min);
      String color = Svg.PALETTE[3 + (i % 3)];
      s.append(Svg.line(x, Svg.TOP, x, baseY, color, "stroke-width=\"2\" stroke-dasharray=\"6 4\""));
      s.append(Svg.text(x + 4, Svg.TOP + 14 + 14 * (i % 2), "start", m.label(),
          "fill=\"" + color + "\" font-weight=\"600\""));
    }
    s.append(Svg.axisTitles(xTitle, yTitle, w, h));
    return s.append("</svg>").toString();
  }

  @Override
  public String table() {
    List<String[]> rows = new ArrayList<>();
    double width = (max - min) / counts.length;
    for (int i = 0; i < counts.length; i++) {
      rows.add(new String[] {
        "[" + Svg.num(min + i * width) + ", " + Svg.num(min + (i + 1) * width)
            + (i == counts.length - 1 ? "]" : ")"),
        Svg.label(counts[i])});
    }
    return HtmlReport.table(new String[] {xTitle, yTitle}, rows);
  }
}
