package dev.scoring.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts over the bins of a numeric axis, with optional labelled vertical markers (tier
 * thresholds on a score histogram). Two kinds of bins:
 *
 * <ul>
 *   <li>continuous: equal-width bins {@code [a, b)} from {@code min} to {@code max}, the last
 *       one closed ({@code [95, 100]}), for measures such as scores or amounts;
 *   <li>whole numbers ({@link #ofWholeNumbers}): one bar per value ({@code 1}, {@code 2},
 *       ...), or bars of {@code k} consecutive values ({@code 10-19}) when there are many,
 *       for counts such as purchases or days, so that no bar straddles a value and no value
 *       looks absent.
 * </ul>
 *
 * <p>Tick labels, axis titles and marker labels are laid out from their measured widths, so
 * they do not overlap at any count. Immutable and thread-safe.
 */
public final class Histogram implements Chart {
  /** The most bars {@link #ofWholeNumbers} draws before it groups values. */
  public static final int MAX_WHOLE_NUMBER_BARS = 40;

  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final double min;
  private final double max;
  private final long[] counts;
  private final List<Marker> markers;
  /** Whole-number bins: the first value, the values per bin, and whether the last is open. */
  private final long first;
  private final long width;
  private final boolean openLast;

  /**
   * A vertical line at {@code x} labelled {@code label}.
   *
   * @param label the label, such as {@code "MQL 60"}
   * @param x     the position on the x axis
   */
  public record Marker(String label, double x) {
    /**
     * Checks the label.
     *
     * @param label the label
     * @param x     the position on the x axis
     */
    public Marker {
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * A histogram of equal-width continuous bins.
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
    this(title, xTitle, yTitle, min, max, counts, markers, 0, 0, false);
  }

  private Histogram(String title, String xTitle, String yTitle, double min, double max,
      long[] counts, List<Marker> markers, long first, long width, boolean openLast) {
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
    this.first = first;
    this.width = width;
    this.openLast = openLast;
  }

  /**
   * A histogram of whole numbers (counts, days): one bar per value from the smallest to the
   * largest, or, when that would be more than {@link #MAX_WHOLE_NUMBER_BARS} bars, bars of
   * {@code k} consecutive values each, {@code k} the smallest of 1, 2, 5, 10, 20, 50, ...
   * that fits. When the largest values lie far beyond the 99th percentile (so that bars for
   * them would squeeze the rest), the last bar is open ({@code "17+"}) and holds every value
   * from its first on; the title then says so and how many values it holds beyond.
   *
   * <p>Cost: one pass to find the range and one to count, plus a sort of a copy of the
   * values only when the range exceeds {@link #MAX_WHOLE_NUMBER_BARS}.
   *
   * @param title  the chart title
   * @param xTitle the x axis title with its unit, such as {@code "purchases"}
   * @param yTitle what is counted, such as {@code "customers"}
   * @param values the values, each at least 0
   * @return the histogram; with no values, one empty bar at 0
   * @throws IllegalArgumentException if a value is negative
   */
  public static Histogram ofWholeNumbers(String title, String xTitle, String yTitle,
      long[] values) {
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (long v : values) {
      if (v < 0) {
        throw new IllegalArgumentException("values must be at least 0, but was " + v);
      }
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (values.length == 0) {
      lo = 0;
      hi = 0;
    }
    long last = hi;
    boolean open = false;
    if (hi - lo + 1 > MAX_WHOLE_NUMBER_BARS) {
      long[] sorted = values.clone();
      java.util.Arrays.sort(sorted);
      long p99 = sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
      if (p99 < hi) {
        last = Math.max(p99, lo + 1);
        open = true;
      }
    }
    long span = last - lo + 1 + (open ? 1 : 0);
    long step = 1;
    long[] mantissa = {1, 2, 5};
    for (long m = 1; ; m *= 10) {
      boolean found = false;
      for (long k : mantissa) {
        if (k * m >= 1 && (span + k * m - 1) / (k * m) <= MAX_WHOLE_NUMBER_BARS) {
          step = k * m;
          found = true;
          break;
        }
      }
      if (found) {
        break;
      }
    }
    long start = lo / step * step;
    // the open bar starts right after the bar holding the 99th percentile, if any value does
    if (open && start + ((last - start) / step + 1) * step > hi) {
      open = false;
    }
    int bins = open ? (int) ((last - start) / step) + 2 : (int) ((hi - start) / step) + 1;
    long[] counts = new long[bins];
    long beyond = 0;
    long openFrom = start + (long) (bins - 1) * step;
    for (long v : values) {
      int b = (int) Math.min(bins - 1, (v - start) / step);
      counts[b]++;
      if (open && v >= openFrom) {
        beyond++;
      }
    }
    String fullTitle = open
        ? title + String.format(java.util.Locale.ROOT,
            " (the last bar, %s+, holds the %s %s with %s or more)", Numbers.count(openFrom),
            Numbers.count(beyond), yTitle, Numbers.count(openFrom))
        : title;
    return new Histogram(fullTitle, xTitle, yTitle, start, start + (double) bins * step, counts,
        List.of(), start, step, open);
  }

  /**
   * A histogram of a continuous measure (amounts): bins of a round width (1, 2, 2.5 or 5
   * times a power of ten) from 0 (or the smallest value, when negative) to the 99th
   * percentile, about {@code bins} of them. When values lie above the bins, one more open bar
   * ({@code ">= 500"}) holds them all, and the title says how many it holds.
   *
   * <p>Cost: a sort of a copy of the values, then one pass.
   *
   * @param title  the chart title
   * @param xTitle the x axis title with its unit, such as {@code "monetary value ($)"}
   * @param yTitle what is counted, such as {@code "customers"}
   * @param values the values, finite
   * @param bins   about how many bins below the 99th percentile, 1 to 1,000
   * @return the histogram
   * @throws IllegalArgumentException if a value is not finite or {@code bins} is outside
   *     1..1,000
   */
  public static Histogram ofValues(String title, String xTitle, String yTitle, double[] values,
      int bins) {
    if (bins < 1 || bins > 1000) {
      throw new IllegalArgumentException("bins must be in 1..1000, but was " + bins);
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    for (double v : sorted) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be finite, but was " + v);
      }
    }
    double lo = sorted.length == 0 ? 0 : Math.min(0, sorted[0]);
    double p99 = sorted.length == 0 ? 1 : sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
    double hi = p99 > lo ? p99 : lo + 1;
    double step = Svg.roundStep((hi - lo) / bins);
    double start = Math.floor(lo / step) * step;
    int n = (int) Math.max(1, Math.ceil((hi - start) / step - 1e-9));
    double end = start + n * step;
    double max = sorted.length == 0 ? end : sorted[sorted.length - 1];
    boolean open = max > end;
    int total = open ? n + 1 : n;
    long[] counts = new long[total];
    long beyond = 0;
    for (double v : values) {
      int b = (int) Math.floor((v - start) / step);
      if (open && v >= end) {
        beyond++;
        b = n;
      }
      counts[Math.max(0, Math.min(total - 1, b))]++;
    }
    String fullTitle = open
        ? title + " (the last bar, " + Numbers.onStep(end, step) + " or more, holds "
            + Numbers.count(beyond) + " " + yTitle + ")"
        : title;
    return new Histogram(fullTitle, xTitle, yTitle, start, start + total * step, counts,
        List.of(), 0, 0, open);
  }

  /**
   * Returns the bin labels, lowest first, as in the table.
   *
   * @return the bin labels, lowest first, as in the table
   */
  public List<String> binLabels() {
    List<String> out = new ArrayList<>(counts.length);
    for (int i = 0; i < counts.length; i++) {
      out.add(binLabel(i));
    }
    return out;
  }

  /**
   * Returns the count of each bin, lowest first.
   *
   * @return the count of each bin, lowest first
   */
  public long[] counts() {
    return counts.clone();
  }

  private String binLabel(int i) {
    if (width > 0) {
      long a = first + i * width;
      if (openLast && i == counts.length - 1) {
        return Numbers.count(a) + "+";
      }
      return width == 1 ? Numbers.count(a) : Numbers.count(a) + "-" + Numbers.count(a + width - 1);
    }
    double w = (max - min) / counts.length;
    int d = Numbers.decimalsFor(w);
    if (openLast && i == counts.length - 1) {
      return ">= " + Numbers.decimal(min + i * w, d);
    }
    return "[" + Numbers.decimal(min + i * w, d) + ", " + Numbers.decimal(min + (i + 1) * w, d)
        + (i == counts.length - 1 ? "]" : ")");
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String svg() {
    int w = Svg.WIDTH;
    int h = Svg.HEIGHT;
    long top = 1;
    for (long c : counts) {
      top = Math.max(top, c);
    }
    double[] yTicks = Svg.ticks(0, top, true);
    List<String> yLabels = Svg.tickLabels(yTicks);
    double left = Svg.leftMargin(yLabels);
    double plotW = w - left - Svg.RIGHT;
    double plotH = h - Svg.TOP - Svg.BOTTOM;
    double yMax = Math.max(top, yTicks[yTicks.length - 1]);
    StringBuilder s = new StringBuilder(Svg.open(title, w, h));
    double baseY = Svg.TOP + plotH;
    for (int k = 0; k < yTicks.length; k++) {
      double y = baseY - plotH * yTicks[k] / yMax;
      s.append(Svg.line(left, y, w - Svg.RIGHT, y, "#e5e5e5", ""));
      s.append(Svg.text(left - 8, y + 4, "end", yLabels.get(k), ""));
    }
    double binW = plotW / counts.length;
    for (int i = 0; i < counts.length; i++) {
      double barH = plotH * counts[i] / yMax;
      s.append(Svg.rect(left + i * binW + (binW > 4 ? 1 : 0), baseY - barH,
          binW > 4 ? binW - 2 : binW, barH, Svg.PALETTE[0],
          binLabel(i) + ": " + Numbers.count(counts[i])));
    }
    List<Double> labelX = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (width > 0) {
      // whole numbers: a label under the middle of every n-th bar, n such that labels fit
      double widest = 0;
      for (int i = 0; i < counts.length; i++) {
        widest = Math.max(widest, Svg.textWidth(binLabel(i), false));
      }
      int every = (int) Math.max(1, Math.ceil((widest + 10) / binW));
      for (int i = 0; i < counts.length; i++) {
        if (i % every == 0 || i == counts.length - 1) {
          labelX.add(left + (i + 0.5) * binW);
          labels.add(binLabel(i));
        }
      }
    } else {
      // an open last bar is labelled under its middle ("2,400+"), and the axis ticks stop
      // where it starts
      double axisEnd = openLast ? max - (max - min) / counts.length : max;
      double[] xTicks = Svg.ticks(min, axisEnd);
      List<String> xLabels = Svg.tickLabels(xTicks);
      for (int k = 0; k < xTicks.length; k++) {
        labelX.add(left + plotW * (xTicks[k] - min) / (max - min));
        labels.add(xLabels.get(k));
      }
      if (openLast) {
        labelX.add(left + plotW - binW / 2);
        labels.add(binLabel(counts.length - 1).substring(3) + "+");
      }
    }
    double[] xs = new double[labelX.size()];
    for (int k = 0; k < xs.length; k++) {
      xs[k] = labelX.get(k);
      s.append(Svg.line(xs[k], baseY, xs[k], baseY + 5, "#333333", ""));
    }
    s.append(Svg.axisLabels(xs, labels, 2, w - 2, baseY + 18));
    s.append(Svg.line(left, baseY, w - Svg.RIGHT, baseY, "#333333", ""));
    // marker labels: the first row (from the top) where they do not touch the previous label
    List<Double> rowEnds = new ArrayList<>();
    for (int i = 0; i < markers.size(); i++) {
      Marker m = markers.get(i);
      if (!(m.x() >= min && m.x() <= max)) {
        continue; // off the axis (a tier above the scale): the findings say so
      }
      double x = left + plotW * (m.x() - min) / (max - min);
      String color = Svg.PALETTE[3 + (i % 3)];
      s.append(Svg.line(x, Svg.TOP, x, baseY, color, "stroke-width=\"2\" stroke-dasharray=\"6 4\""));
      double lw = Svg.textWidth(m.label(), true);
      boolean toLeft = x + 4 + lw > w - 2;
      double from = toLeft ? x - 4 - lw : x + 4;
      int row = 0;
      while (row < rowEnds.size() && rowEnds.get(row) + 6 > from) {
        row++;
      }
      if (row == rowEnds.size()) {
        rowEnds.add(0.0);
      }
      rowEnds.set(row, from + lw);
      s.append(Svg.text(toLeft ? x - 4 : x + 4, Svg.TOP + 14 + 16 * row, toLeft ? "end" : "start",
          m.label(), "fill=\"" + color + "\" font-weight=\"600\""));
    }
    s.append(Svg.axisTitles(xTitle, yTitle, left, w, h, baseY));
    return s.append("</svg>").toString();
  }

  @Override
  public String table() {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      rows.add(new String[] {binLabel(i), Numbers.count(counts[i])});
    }
    return HtmlReport.table(new String[] {xTitle, yTitle}, rows);
  }
}
