package dev.scoring.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A grid of cells coloured by value, each annotated with its value, such as fit x engagement
 * or recency x frequency. By default row 0 is drawn at the bottom (a y axis); a
 * {@link #topDown()} heatmap draws row 0 at the top (a matrix, such as tier changes). The
 * table behind the chart lists the rows in the order they are drawn, top first. With
 * {@link #diagonalApart()} the cells of the diagonal (row and column of the same label: "no
 * change") are drawn grey and left out of the colour scale, so the off-diagonal cells use
 * all of it. Immutable and thread-safe.
 */
public final class Heatmap implements Chart {
  private final String title;
  private final String columnTitle;
  private final String rowTitle;
  private final String valueTitle;
  private final List<String> columns;
  private final List<String> rows;
  private final double[][] values;
  private final int decimals;
  private final boolean topDown;
  private final boolean diagonalApart;

  /**
   * A heatmap; row 0 is drawn at the bottom; values print with no decimals when all are
   * whole, two otherwise.
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
    this(title, columnTitle, rowTitle, valueTitle, columns, rows, copy(values, rows, columns),
        whole(values) ? 0 : 2, false, false);
  }

  private Heatmap(String title, String columnTitle, String rowTitle, String valueTitle,
      List<String> columns, List<String> rows, double[][] values, int decimals, boolean topDown,
      boolean diagonalApart) {
    this.title = Objects.requireNonNull(title, "title");
    this.columnTitle = Objects.requireNonNull(columnTitle, "columnTitle");
    this.rowTitle = Objects.requireNonNull(rowTitle, "rowTitle");
    this.valueTitle = Objects.requireNonNull(valueTitle, "valueTitle");
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
    this.values = values;
    this.decimals = decimals;
    this.topDown = topDown;
    this.diagonalApart = diagonalApart;
  }

  private static double[][] copy(double[][] values, List<String> rows, List<String> columns) {
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
    return copy;
  }

  private static boolean whole(double[][] values) {
    for (double[] row : values) {
      for (double v : row) {
        if (!Double.isNaN(v) && v != Math.rint(v)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The same heatmap with values printed with a fixed number of decimals.
   *
   * @param decimals the decimals, 0 to 10 (see {@link Numbers})
   * @return the new heatmap
   * @throws IllegalArgumentException if {@code decimals} is outside 0..10
   */
  public Heatmap withDecimals(int decimals) {
    Numbers.decimal(0, decimals);
    return new Heatmap(title, columnTitle, rowTitle, valueTitle, columns, rows, values, decimals,
        topDown, diagonalApart);
  }

  /**
   * The same heatmap with row 0 at the top, as a matrix reads; the row labels are then top
   * to bottom.
   *
   * @return the new heatmap
   */
  public Heatmap topDown() {
    return new Heatmap(title, columnTitle, rowTitle, valueTitle, columns, rows, values, decimals,
        true, diagonalApart);
  }

  /**
   * The same heatmap with the diagonal cells (same row and column label) grey and outside
   * the colour scale.
   *
   * @return the new heatmap
   */
  public Heatmap diagonalApart() {
    return new Heatmap(title, columnTitle, rowTitle, valueTitle, columns, rows, values, decimals,
        topDown, true);
  }

  private boolean diagonal(int r, int c) {
    return diagonalApart && rows.get(r).equals(columns.get(c));
  }

  /** The row drawn at position {@code i} from the top. */
  private int rowAt(int i) {
    return topDown ? i : rows.size() - 1 - i;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String svg() {
    int w = Svg.WIDTH;
    // tall enough for the rotated row title to stay beside the rows
    int cellH = (int) Math.max(40,
        Math.ceil((Svg.textWidth(rowTitle, true) + 16) / Math.max(1, rows.size())));
    int top = Svg.TOP + 16;
    int h = top + cellH * rows.size() + Svg.BOTTOM;
    List<String> rowLabels = new ArrayList<>();
    for (String r : rows) {
      rowLabels.add(Svg.fit(r, w * 0.35, false));
    }
    double left = Math.max(Svg.LEFT, 16 + Svg.FONT / 2 + 10 + Svg.widest(rowLabels, false) + 8);
    double plotW = w - left - Svg.RIGHT;
    double cellW = plotW / columns.size();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        double v = values[r][c];
        if (!Double.isNaN(v) && !diagonal(r, c)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    StringBuilder s = new StringBuilder(Svg.open(title, w, h));
    s.append(Svg.text(left, 16, "start", Svg.fit("cells: " + valueTitle
        + (diagonalApart ? " (grey: unchanged, outside the colour scale)" : ""),
        w - left - 4, false), "fill=\"#555555\""));
    for (int i = 0; i < rows.size(); i++) {
      int r = rowAt(i);
      double y = top + i * cellH;
      s.append(Svg.text(left - 8, y + cellH * 0.6, "end", rowLabels.get(r), ""));
      for (int c = 0; c < columns.size(); c++) {
        double v = values[r][c];
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        String fill = Double.isNaN(v) ? "#f7f7f7" : diagonal(r, c) ? "#d9d9d9" : Svg.shade(t);
        double x = left + c * cellW;
        String label = Numbers.decimal(v, decimals);
        s.append(Svg.rect(x + 1, y + 1, cellW - 2, cellH - 2, fill,
            rowTitle + " " + rows.get(r) + ", " + columnTitle + " " + columns.get(c) + ": "
                + (Double.isNaN(v) ? "none" : label)));
        if (!Double.isNaN(v)) {
          double fit = Math.min(1, (cellW - 6) / Math.max(1, Svg.textWidth(label, false)));
          s.append(Svg.text(x + cellW / 2, y + cellH * 0.6, "middle", label,
              "fill=\"" + (t > 0.55 && !diagonal(r, c) ? "#ffffff" : "#222222") + "\""
                  + (fit < 1 ? " font-size=\"" + Svg.num(Math.floor(Svg.FONT * fit)) + "\"" : "")));
        }
      }
    }
    double baseY = top + cellH * rows.size();
    for (int c = 0; c < columns.size(); c++) {
      s.append(Svg.text(left + (c + 0.5) * cellW, baseY + 18, "middle",
          Svg.fit(columns.get(c), cellW - 6, false), ""));
    }
    s.append(Svg.text(left + plotW / 2, h - 12, "middle", Svg.fit(columnTitle, w - 8, true),
        "font-weight=\"600\""));
    double midY = top + cellH * rows.size() / 2.0;
    s.append("<text x=\"16\" y=\"").append(Svg.num(midY))
        .append("\" text-anchor=\"middle\" font-weight=\"600\" dominant-baseline=\"central\""
            + " transform=\"rotate(-90 16 ")
        .append(Svg.num(midY)).append(")\">")
        .append(Svg.escape(Svg.fit(rowTitle, cellH * rows.size(), true))).append("</text>");
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
    for (int i = 0; i < rows.size(); i++) {
      int r = rowAt(i);
      String[] row = new String[columns.size() + 1];
      row[0] = rows.get(r);
      for (int c = 0; c < columns.size(); c++) {
        row[c + 1] = Double.isNaN(values[r][c]) ? "" : Numbers.decimal(values[r][c], decimals);
      }
      out.add(row);
    }
    return HtmlReport.table(header, out);
  }
}
