package dev.scoring.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Horizontal bars, one per category, or one group of bars per category when there are
 * several series (such as each segment's share of customers and share of revenue). One
 * series is drawn in one colour (a colour would have to mean something); several series get
 * one colour each, named in a legend. Labels are laid out from their measured widths, so none
 * overlaps another at any magnitude. Immutable and thread-safe.
 */
public final class BarChart implements Chart {
  /** The longest category label drawn; longer ones end in "..." (the table has them whole). */
  static final int MAX_LABEL_CHARS = 40;

  private final String title;
  private final String categoryTitle;
  private final String valueTitle;
  private final List<String> categories;
  private final List<String> series;
  private final double[][] values;
  private final int decimals;

  /**
   * A bar chart whose value labels have no decimals when every value is whole, two otherwise.
   *
   * @param title         the chart title
   * @param categoryTitle what the categories are, such as {@code "segment"}
   * @param valueTitle    the value axis title with its unit, such as {@code "revenue ($)"}
   * @param categories    the category labels
   * @param values        one non-negative finite value per category
   * @throws IllegalArgumentException if the sizes differ or a value is negative or not finite
   */
  public BarChart(String title, String categoryTitle, String valueTitle, List<String> categories,
      double[] values) {
    this(title, categoryTitle, valueTitle, categories, values, whole(values) ? 0 : 2);
  }

  /**
   * A bar chart with value labels of a fixed number of decimals.
   *
   * @param title         the chart title
   * @param categoryTitle what the categories are, such as {@code "segment"}
   * @param valueTitle    the value axis title with its unit, such as {@code "revenue ($)"}
   * @param categories    the category labels
   * @param values        one non-negative finite value per category
   * @param decimals      the decimals of value labels, 0 to 10 (see {@link Numbers})
   * @throws IllegalArgumentException if the sizes differ, a value is negative or not finite,
   *     or {@code decimals} is outside 0..10
   */
  public BarChart(String title, String categoryTitle, String valueTitle, List<String> categories,
      double[] values, int decimals) {
    this(title, categoryTitle, valueTitle, categories, List.of(valueTitle),
        new double[][] {values}, decimals);
  }

  /**
   * A grouped bar chart: per category, one bar per series.
   *
   * @param title         the chart title
   * @param categoryTitle what the categories are, such as {@code "segment"}
   * @param valueTitle    the value axis title with its unit, such as {@code "share (%)"}
   * @param categories    the category labels
   * @param series        the series names, shown in the legend, at least one
   * @param values        {@code values[series][category]}, non-negative and finite
   * @param decimals      the decimals of value labels, 0 to 10 (see {@link Numbers})
   * @throws IllegalArgumentException if the sizes differ, a value is negative or not finite,
   *     there is no series, or {@code decimals} is outside 0..10
   */
  public BarChart(String title, String categoryTitle, String valueTitle, List<String> categories,
      List<String> series, double[][] values, int decimals) {
    if (series.isEmpty() || values.length != series.size()) {
      throw new IllegalArgumentException("values must have one row per series (" + series.size()
          + ", at least 1), but had " + values.length);
    }
    double[][] copy = new double[values.length][];
    for (int k = 0; k < values.length; k++) {
      if (values[k].length != categories.size()) {
        throw new IllegalArgumentException("values must have one value per category ("
            + categories.size() + "), but had " + values[k].length);
      }
      for (double v : values[k]) {
        if (!(v >= 0) || !Double.isFinite(v)) {
          throw new IllegalArgumentException("values must be non-negative and finite, but was "
              + v);
        }
      }
      copy[k] = values[k].clone();
    }
    Numbers.decimal(0, decimals); // checks the range
    this.title = Objects.requireNonNull(title, "title");
    this.categoryTitle = Objects.requireNonNull(categoryTitle, "categoryTitle");
    this.valueTitle = Objects.requireNonNull(valueTitle, "valueTitle");
    this.categories = List.copyOf(categories);
    this.series = List.copyOf(series);
    this.values = copy;
    this.decimals = decimals;
  }

  private static boolean whole(double[] values) {
    for (double v : values) {
      if (v != Math.rint(v)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String svg() {
    int k = series.size();
    int barH = 18;
    int rowH = k == 1 ? 26 : k * barH + 10;
    int w = Svg.WIDTH;
    List<String> shown = new ArrayList<>();
    for (String c : categories) {
      shown.add(c.length() > MAX_LABEL_CHARS ? c.substring(0, MAX_LABEL_CHARS - 3) + "..." : c);
    }
    double top = 0;
    double valueRoom = 0;
    for (double[] row : values) {
      for (double v : row) {
        top = Math.max(top, v);
        valueRoom = Math.max(valueRoom, Svg.textWidth(Numbers.decimal(v, decimals), false));
      }
    }
    valueRoom += 12;
    double labelW = Math.max(60, Math.min(w * 0.45, Svg.widest(shown, false) + 16));
    double[] ticks = Svg.ticks(0, top > 0 ? top : 1, decimals == 0);
    List<String> tickLabels = Svg.tickLabels(ticks);
    double xMax = Math.max(top, ticks[ticks.length - 1]);
    double plotW = w - labelW - Svg.RIGHT - valueRoom;
    // the last tick label is centred on its tick: keep its right half inside the picture
    double lastHalf = Svg.textWidth(tickLabels.get(tickLabels.size() - 1), false) / 2;
    double lastX = labelW + plotW * ticks[ticks.length - 1] / xMax;
    if (lastX + lastHalf > w - 4) {
      plotW = (w - 4 - lastHalf - labelW) * xMax / ticks[ticks.length - 1];
    }
    double legendH = k == 1 ? 0 : 20;
    double top0 = Svg.TOP + 16 + legendH;
    int h = (int) Math.ceil(top0 + rowH * Math.max(1, categories.size()) + Svg.BOTTOM);
    StringBuilder s = new StringBuilder(Svg.open(title, w, h));
    if (k > 1) {
      double x = labelW;
      for (int j = 0; j < k; j++) {
        s.append(Svg.rect(x, Svg.TOP + 4, 12, 12, Svg.PALETTE[j], ""));
        s.append(Svg.text(x + 16, Svg.TOP + 14, "start", series.get(j), ""));
        x += 16 + Svg.textWidth(series.get(j), false) + 18;
      }
    }
    double baseY = top0 + rowH * categories.size();
    double[] tickX = new double[ticks.length];
    for (int t = 0; t < ticks.length; t++) {
      tickX[t] = labelW + plotW * ticks[t] / xMax;
      s.append(Svg.line(tickX[t], top0, tickX[t], baseY, "#e5e5e5", ""));
    }
    s.append(Svg.axisLabels(tickX, tickLabels, 2, w - 2, baseY + 18));
    for (int i = 0; i < categories.size(); i++) {
      double y = top0 + i * rowH;
      s.append(Svg.text(labelW - 8, y + rowH / 2.0 + 4, "end", shown.get(i), ""));
      for (int j = 0; j < k; j++) {
        double by = k == 1 ? y + 4 : y + 5 + j * barH;
        double bh = k == 1 ? rowH - 8 : barH - 2;
        double barW = plotW * values[j][i] / xMax;
        String label = Numbers.decimal(values[j][i], decimals);
        s.append(Svg.rect(labelW, by, barW, bh, Svg.PALETTE[j],
            categories.get(i) + (k > 1 ? ", " + series.get(j) : "") + ": " + label));
        s.append(Svg.text(labelW + barW + 4, by + bh / 2 + 4, "start", label,
            "fill=\"#333333\"" + (k > 1 ? " font-size=\"11\"" : "")));
      }
    }
    s.append(Svg.line(labelW, top0, labelW, baseY, "#333333", ""));
    String axisTitle = Svg.fit(valueTitle, w - 8, true);
    double titleX = Math.max(4 + Svg.textWidth(axisTitle, true) / 2,
        Math.min(w - 4 - Svg.textWidth(axisTitle, true) / 2, labelW + plotW / 2));
    s.append(Svg.text(titleX, h - 12, "middle", axisTitle, "font-weight=\"600\""));
    if (k == 1) { // with several series the legend takes this line; the table names it
      s.append(Svg.text(4, Svg.TOP + 4, "start", Svg.fit(categoryTitle, w - 8, true),
          "font-weight=\"600\""));
    }
    return s.append("</svg>").toString();
  }

  @Override
  public String table() {
    String[] header = new String[series.size() + 1];
    header[0] = categoryTitle;
    for (int j = 0; j < series.size(); j++) {
      header[j + 1] = series.size() == 1 ? valueTitle : series.get(j);
    }
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      String[] row = new String[series.size() + 1];
      row[0] = categories.get(i);
      for (int j = 0; j < series.size(); j++) {
        row[j + 1] = Numbers.decimal(values[j][i], decimals);
      }
      rows.add(row);
    }
    return HtmlReport.table(header, rows);
  }
}
