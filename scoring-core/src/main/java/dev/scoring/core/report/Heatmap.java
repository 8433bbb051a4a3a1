package dev.scoring.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A grid of cells coloured by value, each annotated with its value (and an optional count),
 * such as fit x engagement or recency x frequency. Immutable and thread-safe.
 */
public final class Heatmap implements Chart {
  private final String title;
  private final String columnTitle;
  private final String rowTitle;
  private final String valueTitle;
  private final List<String> columns;
  private final List<String> rows;
  private final double[][] values;

  /**
   * A heatmap; row 0 is drawn at the bottom.
   *
   * @param title       the chart title
   * @param columnTitle the x axis title with its unit
   * @param rowTitle    the y axis title with its unit
   * @param valueTitle  what a cell holds, with its unit
   * @param columns     column labels, left to right
   * @param rows        row labels, bottom to top
   * @param values      {@code values[row][column]}; NaN for an empty cell
   * @throws IllegalArgumentException if the grid does not match the labels
   */
  public Heatmap(String title, String columnTitle, String rowTitle, String valueTitle,
      List<String> columns, List<String> rows, double[][] values) {
    if (values.length != rows.size()) {
      throw new IllegalArgumentException("values must have one row per row label ("
          + rows.size() + "), but had " + values.length);
    }
    double[][] copy = new double[values.length][];
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != columns.size()) {
        throw new IllegalArgumentException("values[" + r + "] must have one value per column ("
            + columns.size() + "), but had " + values[r].length);
      }
      copy[r] = values[r].clone();
    }
    this.title = Objects.requireNonNull(title, "title");
    this.columnTitle = Objects.requireNonNull(columnTitle, "columnTitle");
    this.rowTitle = Objects.requireNonNull(rowTitle, "rowTitle");
    this.valueTitle = Objects.requireNonNull(valueTitle, "valueTitle");
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
    this.values = copy;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String svg() {
    int w = Svg.WIDTH;
    int cellH = 40;
    int h = Svg.TOP + cellH * rows.size() + Svg.BOTTOM + 20;
    int left = Svg.LEFT + 30;
    double plotW = w - left - Svg.RIGHT;
    double cellW = plotW / columns.size();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : values) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    StringBuilder s = new StringBuilder(Svg.open(title, w, h));
    for (int r = 0; r < rows.size(); r++) {
      double y = Svg.TOP + (rows.size() - 1 - r) * cellH;
      s.append(Svg.text(left - 8, y + cellH * 0.6, "end", rows.get(r), ""));
      for (int c = 0; c < columns.size(); c++) {
        double v = values[r][c];
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        String fill = Double.isNaN(v) ? "#f7f7f7" : Svg.shade(t);
        double x = left + c * cellW;
        s.append(Svg.rect(x + 1, y + 1, cellW - 2, cellH - 2, fill,
            rowTitle + " " + rows.get(r) + ", " + columnTitle + " " + columns.get(c) + ": "
                + (Double.isNaN(v) ? "none" : Svg.label(v))));
        if (!Double.isNaN(v)) {
          s.append(Svg.text(x + cellW / 2, y + cellH * 0.6, "middle", Svg.label(v),
              "fill=\"" + (t > 0.55 ? "#ffffff" : "#222222") + "\""));
        }
      }
    }
    double baseY = Svg.TOP + cellH * rows.size();
    for (int c = 0; c < columns.size(); c++) {
      s.append(Svg.text(left + (c + 0.5) * cellW, baseY + 18, "middle", columns.get(c), ""));
    }
    s.append(Svg.text(left + plotW / 2, h - 24, "middle", columnTitle, "font-weight=\"600\""));
    double midY = Svg.TOP + cellH * rows.size() / 2.0;
    s.append("<text x=\"16\" y=\"").append(Svg.num(midY))
        .append("\" text-anchor=\"middle\" font-weight=\"600\" transform=\"rotate(-90 16 ")
        .append(Svg.num(midY)).append(")\">").append(Svg.escape(rowTitle)).append("</text>");
    s.append(Svg.text(w - Svg.RIGHT, h - 6, "end", "cells: " + valueTitle, "fill=\"#555555\""));
    return s.append("</svg>").toString();
  }

  @Override
  public String table() {
    String[] header = new String[columns.size() + 1];
    header[0] = rowTitle + " \\ " + columnTitle;
    for (int c = 0; c < columns.size(); c++) {
      header[c + 1] = columns.get(c);
    }
    List<String[]> out = new ArrayList<>();
    for (int r = rows.size() - 1; r >= 0; r--) {
      String[] row = new String[columns.size() + 1];
      row[0] = rows.get(r);
      for (int c = 0; c < columns.size(); c++) {
        row[c + 1] = Double.isNaN(values[r][c]) ? "" : Svg.label(values[r][c]);
      }
      out.add(row);
    }
    return HtmlReport.table(header, out);
  }
}
