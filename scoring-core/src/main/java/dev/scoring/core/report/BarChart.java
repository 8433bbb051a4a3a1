package dev.scoring.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Horizontal bars, one per category. Immutable and thread-safe. */
public final class BarChart implements Chart {
  private final String title;
  private final String categoryTitle;
  private final String valueTitle;
  private final List<String> categories;
  private final double[] values;

  /**
   * A bar chart.
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
    this.title = Objects.requireNonNull(title, "title");
    this.categoryTitle = Objects.requireNonNull(categoryTitle, "categoryTitle");
    this.valueTitle = Objects.requireNonNull(valueTitle, "valueTitle");
    this.categories = List.copyOf(categories);
    this.values = values.clone();
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String svg() {
    int labelW = 170;
    int rowH = 26;
    int w = Svg.WIDTH;
    int top0 = Svg.TOP + 16;
    int h = top0 + rowH * Math.max(1, categories.size()) + Svg.BOTTOM;
    double plotW = w - labelW - Svg.RIGHT - 60;
    double top = 0;
    for (double v : values) {
      top = Math.max(top, v);
    }
    double[] ticks = Svg.ticks(0, top > 0 ? top : 1);
    double xMax = Math.max(top, ticks[ticks.length - 1]);
    StringBuilder s = new StringBuilder(Svg.open(title, w, h));
    double baseY = top0 + rowH * categories.size();
    for (double t : ticks) {
      double x = labelW + plotW * t / xMax;
      s.append(Svg.line(x, top0, x, baseY, "#e5e5e5", ""));
      s.append(Svg.text(x, baseY + 18, "middle", Svg.label(t), ""));
    }
    for (int i = 0; i < categories.size(); i++) {
      double y = top0 + i * rowH;
      double barW = plotW * values[i] / xMax;
      s.append(Svg.text(labelW - 8, y + rowH * 0.65, "end", categories.get(i), ""));
      s.append(Svg.rect(labelW, y + 4, barW, rowH - 8, Svg.PALETTE[i % 2 == 0 ? 0 : 5],
          categories.get(i) + ": " + Svg.label(values[i])));
      s.append(Svg.text(labelW + barW + 4, y + rowH * 0.65, "start", Svg.label(values[i]),
          "fill=\"#333333\""));
    }
    s.append(Svg.line(labelW, top0, labelW, baseY, "#333333", ""));
    s.append(Svg.text(labelW + plotW / 2, h - 12, "middle", valueTitle, "font-weight=\"600\""));
    s.append(Svg.text(labelW - 8, Svg.TOP + 4, "end", categoryTitle, "font-weight=\"600\""));
    return s.append("</svg>").toString();
  }

  @Override
  public String table() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      rows.add(new String[] {categories.get(i), Svg.label(values[i])});
    }
    return HtmlReport.table(new String[] {categoryTitle, valueTitle}, rows);
  }
}
