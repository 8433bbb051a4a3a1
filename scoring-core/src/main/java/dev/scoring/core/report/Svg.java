package dev.scoring.core.report;

import dev.scoring.api.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small helpers to write SVG and HTML text, and to lay charts out without overlaps. */
final class Svg {
  /** Series colours, distinguishable for common colour-vision deficiencies. */
  static final String[] PALETTE = {
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"
  };
  static final int WIDTH = 720;
  static final int HEIGHT = 360;
  static final int LEFT = 70;
  static final int RIGHT = 20;
  static final int TOP = 20;
  static final int BOTTOM = 60;

  private Svg() {}

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A coordinate in SVG markup (not a number shown to readers: see {@link Numbers}). */
  static String num(double v) {
    return Values.fixed(v, 2);
  }

  /** The font size of every text, in SVG units. */
  static final double FONT = 12;

  /**
   * A generous estimate of the width of {@code s} at {@link #FONT} (wider than the actual
   * glyphs of common sans-serif fonts), so a layout computed with it leaves no overlap.
   */
  static double textWidth(String s, boolean bold) {
    double w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      double em;
      if (c == ' ' || c == ',' || c == '.' || c == ':' || c == ';' || c == '|' || c == '\'' || c == 'i'
          || c == 'l' || c == 'j' || c == 'I' || c == '!' || c == '(' || c == ')' || c == '['
          || c == ']') {
        em = 0.36;
      } else if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '%' || c == '@') {
        em = 0.95;
      } else if (Character.isUpperCase(c)) {
        em = 0.72;
      } else {
        em = 0.62;
      }
      w += em * FONT;
    }
    return w * (bold ? 1.1 : 1.0);
  }

  /**
   * The text, or its start ending in "..." when it is wider than {@code room} (the full text
   * stays in the chart's table and tooltips).
   */
  static String fit(String s, double room, boolean bold) {
    if (textWidth(s, bold) <= room) {
      return s;
    }
    int n = s.length();
    while (n > 1 && textWidth(s.substring(0, n) + "...", bold) > room) {
      n--;
    }
    return s.substring(0, n) + "...";
  }

  /**
   * Labels under an x axis at {@code xs} (centres), on the baseline {@code y}: kept left to
   * right while each clears the one before by a gap, shifted to stay inside
   * [{@code minX}, {@code maxX}]; the last label is always kept (dropping the ones before it
   * that it would touch), so the end of the axis is named.
   */
  static String axisLabels(double[] xs, List<String> labels, double minX, double maxX,
      double y) {
    int n = xs.length;
    double[] from = new double[n];
    double[] to = new double[n];
    for (int i = 0; i < n; i++) {
      double half = textWidth(labels.get(i), false) / 2;
      double x = Math.max(minX + half, Math.min(maxX - half, xs[i]));
      from[i] = x - half;
      to[i] = x + half;
    }
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (kept.isEmpty() || from[i] >= to[kept.get(kept.size() - 1)] + 8) {
        kept.add(i);
      }
    }
    if (n > 0 && kept.get(kept.size() - 1) != n - 1) {
      while (!kept.isEmpty() && to[kept.get(kept.size() - 1)] + 8 > from[n - 1]) {
        kept.remove(kept.size() - 1);
      }
      kept.add(n - 1);
    }
    StringBuilder s = new StringBuilder();
    for (int i : kept) {
      s.append(text((from[i] + to[i]) / 2, y, "middle", labels.get(i), ""));
    }
    return s.toString();
  }

  /** The widest of some texts, by {@link #textWidth}. */
  static double widest(Iterable<String> texts, boolean bold) {
    double w = 0;
    for (String t : texts) {
      w = Math.max(w, textWidth(t, bold));
    }
    return w;
  }

  /** Labels of axis ticks, formatted on their step. */
  static List<String> tickLabels(double[] ticks) {
    double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
    List<String> out = new ArrayList<>(ticks.length);
    for (double t : ticks) {
      out.add(Numbers.onStep(t, step));
    }
    return out;
  }

  /**
   * The left margin of a plot with a rotated y axis title: room for the title (centred on
   * x = 16), a gap, the widest tick label and the tick gap.
   */
  static double leftMargin(List<String> yTickLabels) {
    return Math.max(LEFT, 16 + FONT / 2 + 10 + widest(yTickLabels, false) + 8);
  }

  static String open(String title, int width, int height) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
        + "\" width=\"100%\" role=\"img\" aria-label=\"" + escape(title) + "\" "
        + "font-family=\"system-ui, sans-serif\" font-size=\"12\">"
        + "<title>" + escape(title) + "</title>"
        + "<rect x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height
        + "\" fill=\"#ffffff\"/>";
  }

  static String text(double x, double y, String anchor, String s, String extra) {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\""
        + (extra.isEmpty() ? "" : " " + extra) + ">" + escape(s) + "</text>";
  }

  static String line(double x1, double y1, double x2, double y2, String stroke, String extra) {
    return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\""
        + num(y2) + "\" stroke=\"" + stroke + "\"" + (extra.isEmpty() ? "" : " " + extra)
        + "/>";
  }

  static String rect(double x, double y, double w, double h, String fill, String tooltip) {
    return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(Math.max(0, w))
        + "\" height=\"" + num(Math.max(0, h)) + "\" fill=\"" + fill + "\">"
        + (tooltip.isEmpty() ? "" : "<title>" + escape(tooltip) + "</title>") + "</rect>";
  }

  /** Axis titles: x centred below the plot (which runs from {@code left}), y rotated. */
  static String axisTitles(String xTitle, String yTitle, double left, int width, int height,
      double plotBottom) {
    double plotMidX = left + (width - left - RIGHT) / 2.0;
    double plotMidY = TOP + (plotBottom - TOP) / 2.0;
    xTitle = fit(xTitle, width - 8, true);
    yTitle = fit(yTitle, plotBottom - TOP, true);
    double half = textWidth(xTitle, true) / 2;
    plotMidX = Math.max(4 + half, Math.min(width - 4 - half, plotMidX));
    return text(plotMidX, height - 12, "middle", xTitle, "font-weight=\"600\"")
        + "<text x=\"16\" y=\"" + num(plotMidY) + "\" text-anchor=\"middle\" font-weight=\"600\""
        + " dominant-baseline=\"central\""
        + " transform=\"rotate(-90 16 " + num(plotMidY) + ")\">" + escape(yTitle) + "</text>";
  }

  /** Up to about five round tick values covering [0, max]. */
  static double[] ticks(double min, double max) {
    return ticks(min, max, false);
  }

  /**
   * Up to about five round tick values covering [min, max]; whole numbers only (steps of at
   * least 1) when {@code whole}, for axes of counts.
   */
  static double[] ticks(double min, double max, boolean whole) {
    if (!(max > min)) {
      max = min + 1;
    }
    double span = max - min;
    double raw = span / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    }
    if (whole && step != Math.rint(step)) {
      step = Math.ceil(step);
    }
    double first = Math.ceil(min / step) * step;
    int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
    double[] ticks = new double[n];
    for (int i = 0; i < n; i++) {
      ticks[i] = first + i * step;
    }
    return ticks;
  }

  /** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least {@code raw}. */
  static double roundStep(double raw) {
    if (!(raw > 0) || !Double.isFinite(raw)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw * (1 - 1e-12)) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /** A sequential colour from light to dark blue for t in [0, 1]. */
  static String shade(double t) {
    t = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
    int r = (int) Math.round(239 + (8 - 239) * t);
    int g = (int) Math.round(243 + (69 - 243) * t);
    int b = (int) Math.round(255 + (148 - 255) * t);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }
}
