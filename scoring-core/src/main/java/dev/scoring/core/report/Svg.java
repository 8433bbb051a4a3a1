package dev.scoring.core.report;

import dev.scoring.api.Values;
import java.util.Locale;

/** Small helpers to write SVG and HTML text. */
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

  static String num(double v) {
    return Values.fixed(v, 2);
  }

  /** A number for a label: thousands separators, up to 2 decimals. */
  static String label(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (Math.abs(v) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
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

  /** Axis titles: x centred below the plot, y rotated on the left. */
  static String axisTitles(String xTitle, String yTitle, int width, int height) {
    double plotMidX = LEFT + (width - LEFT - RIGHT) / 2.0;
    double plotMidY = TOP + (height - TOP - BOTTOM) / 2.0;
    return text(plotMidX, height - 12, "middle", xTitle, "font-weight=\"600\"")
        + "<text x=\"16\" y=\"" + num(plotMidY) + "\" text-anchor=\"middle\" font-weight=\"600\""
        + " transform=\"rotate(-90 16 " + num(plotMidY) + ")\">" + escape(yTitle) + "</text>";
  }

  /** Up to about five round tick values covering [0, max]. */
  static double[] ticks(double min, double max) {
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
    double first = Math.ceil(min / step) * step;
    int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
    double[] ticks = new double[n];
    for (int i = 0; i < n; i++) {
      ticks[i] = first + i * step;
    }
    return ticks;
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
