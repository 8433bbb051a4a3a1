package dev.scoring.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Horizontal bars, one per category, all in one colour (a colour would have to mean
 * something). Labels are laid out from their measured widths, so none overlaps another at
 * any magnitude. Immutable and thread-safe.
 */
public final class BarChart implements Chart {
  private final String title;
  private final String categoryTitle;
  private final String valueTitle;
  private final List<String> categories;
  private final double[] values;
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
    this(title, categoryTitle, valueTitle, categories, values, wholeNumbers(values) ? 0 : 2);
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
    if (categories.size() != values.length) {
      throw new IllegalArgumentException("values must have one value per category ("
          + categories.size() + "), but had " + values.length);
    }
    for (double v : values) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be non-negative and finite, but was "
            + v);
      }
    }
    Numbers.decimal(0, decimals); // checks the range
    this.title = Objects.requireNonNull(title, "title");
    this.categoryTitle = Objects.requireNonNull(categoryTitle, "categoryTitle");
    this.valueTitle = Objects.requireNonNull(valueTitle, "valueTitle");
    this.categories = List.copyOf(categories);
    this.values = values.clone();
    this.decimals = decimals;
  }

  static boolean wholeNumbers(double[] values) {
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

  /** The longest category label drawn; longer ones end in "..." (the table has them whole). */
  static final int MAX_LABEL_CHARS = 40;

  @Override
  public String svg() {
    int rowH = 26;
    int w = Svg.WIDTH;
    List<String> shown = new ArrayList<>();
    List<String> valueLabels = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      String c = categories.get(i);
      shown.add(c.length() > MAX_LABEL_CHARS ? c.substring(0, MAX_LABEL_CHARS - 3) + "..." : c);
      valueLabels.add(Numbers.decimal(values[i], decimals));
    }
    double labelW = Math.max(60, Math.min(w * 0.45, Svg.widest(shown, false) + 16));
    double valueRoom = Svg.widest(valueLabels, false) + 12;
    double top0 = Svg.TOP + 16;
    double top = 0;
    for (double v : values) {
      top = Math.max(top, v);
    }
    double[] ticks = Svg.ticks(0, top > 0 ? top : 1);
    List<String> tickLabels = Svg.tickLabels(ticks);
    double plotW = w - labelW - Svg.RIGHT - valueRoom;
    // the last tick label is centred on its tick: keep its right half inside the picture
    double lastHalf = Svg.textWidth(tickLabels.get(tickLabels.size() - 1), false) / 2;
    double xMax = Math.max(top, ticks[ticks.length - 1]);
    if (labelW + plotW * ticks[ticks.length - 1] / xMax + lastHalf > w - 4) {
      plotW = (w - 4 - lastHalf - labelW) * xMax / ticks[ticks.length - 1];
    }
    int h = (int) Math.ceil(top0 + rowH * Math.max(1, categories.size()) + Svg.BOTTOM);
    StringBuilder s = new StringBuilder(Svg.open(title, w, h));
    double baseY = top0 + rowH * categories.size();
    for (int k = 0; k < ticks.length; k++) {
      double x = labelW + plotW * ticks[k] / xMax;
      s.append(Svg.line(x, top0, x, baseY, "#e5e5e5", ""));
      s.append(Svg.text(x, baseY + 18, "middle", tickLabels.get(k), ""));
    }
    for (int i = 0; i < categories.size(); i++) {
      double y = top0 + i * rowH;
      double barW = plotW * values[i] / xMax;
      s.append(Svg.text(labelW - 8, y + rowH * 0.65, "end", shown.get(i), ""));
      s.append(Svg.rect(labelW, y + 4, barW, rowH - 8, Svg.PALETTE[0],
          categories.get(i) + ": " + valueLabels.get(i)));
      s.append(Svg.text(labelW + barW + 4, y + rowH * 0.65, "start", valueLabels.get(i),
          "fill=\"#333333\""));
    }
    s.append(Svg.line(labelW, top0, labelW, baseY, "#333333", ""));
    s.append(Svg.text(labelW + plotW / 2, h - 12, "middle", valueTitle, "font-weight=\"600\""));
    s.append(Svg.text(4, Svg.TOP + 4, "start", categoryTitle, "font-weight=\"600\""));
    return s.append("</svg>").toString();
  }

  @Override
  public String table() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      rows.add(new String[] {categories.get(i), Numbers.decimal(values[i], decimals)});
    }
    return HtmlReport.table(new String[] {categoryTitle, valueTitle}, rows);
  }
}
