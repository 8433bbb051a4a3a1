package dev.scoring.core.report;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.Score;
import dev.scoring.api.Tier;
import dev.scoring.core.AttributeRule;
import dev.scoring.core.Rule;
import dev.scoring.core.ScoringTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Collects a scored population, then draws it: the score histogram with the tier thresholds,
 * tier counts, the fit x engagement grid and the top contacts with their explanations.
 *
 * <pre>{@code
 * ScoringReport report = new ScoringReport(model, asOf, 10);
 * for (Contact c : contacts) {
 *   report.add(c, model.score(c, asOf));
 * }
 * report.toHtml().write(Path.of("scoring-report.html"));
 * }</pre>
 *
 * <p>Memory stays constant whatever the population size (bins and the top {@code k}). Not
 * thread-safe: feed it from one thread, or one report per thread combined with
 * {@link #addAll(ScoringReport)}.
 */
public final class ScoringReport {
  private static final int SCORE_BINS = 20;
  private static final int GRID = 5;

  private final ScoringTable model;
  private final Instant asOf;
  private final int topK;
  private final long[] histogram = new long[SCORE_BINS];
  private final Map<String, Long> tierCounts = new LinkedHashMap<>();
  private final long[][] grid = new long[GRID][GRID];
  private final double[] fitEdges;
  private final double[] engagementEdges;
  private final PriorityQueue<Map.Entry<Contact, Score>> top;
  private long count;
  private double sum;

  /**
   * Starts an empty report.
   *
   * @param model the model that scored the contacts
   * @param asOf  the instant they were scored for
   * @param topK  how many top contacts to show with explanations, at least 0
   * @throws IllegalArgumentException if {@code topK < 0}
   */
  public ScoringReport(ScoringTable model, Instant asOf, int topK) {
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be at least 0, but was " + topK);
    }
    this.model = model;
    this.asOf = asOf;
    this.topK = topK;
    tierCounts.put(model.baseTier(), 0L);
    for (Tier t : model.tiers()) {
      tierCounts.put(t.name(), 0L);
    }
    double fitMin = 0;
    double fitMax = 0;
    for (AttributeRule r : model.demographic()) {
      fitMax += Math.max(0, r.points());
      fitMin += Math.min(0, r.points());
    }
    fitMax = Math.min(fitMax, model.demographicCap().orElse(fitMax));
    for (Rule r : model.negative()) {
      if (r instanceof AttributeRule a) {
        fitMin += a.points();
      }
    }
    fitEdges = edges(fitMin, Math.max(fitMax, fitMin + 1));
    engagementEdges = edges(model.scale().min(), model.scale().max());
    top = new PriorityQueue<>(Comparator.comparingDouble(e -> e.getValue().score()));
  }

  /** Inner edges of {@code GRID} bins of a round width covering [lo, hi]. */
  private static double[] edges(double lo, double hi) {
    double raw = (hi - lo) / GRID;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = 10 * magnitude;
    for (double m : new double[] {1, 2, 2.5, 3, 4, 5, 6, 8}) {
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    }
    double start = Math.floor(lo / step) * step;
    double[] e = new double[GRID - 1];
    for (int i = 0; i < e.length; i++) {
      e[i] = start + step * (i + 1);
    }
    return e;
  }

  /**
   * Adds one scored contact.
   *
   * @param contact the contact
   * @param score   its score by this report's model
   * @return this report
   */
  public ScoringReport add(Contact contact, Score score) {
    count++;
    sum += score.score();
    double min = model.scale().min();
    double max = model.scale().max();
    int bin = (int) Math.floor((score.score() - min) / (max - min) * SCORE_BINS);
    histogram[Math.max(0, Math.min(SCORE_BINS - 1, bin))]++;
    tierCounts.merge(score.tier(), 1L, Long::sum);
    grid[cell(engagementEdges, score.engagement())][cell(fitEdges, score.fit())]++;
    offerTop(Map.entry(contact, score));
    return this;
  }

  /**
   * Adds everything another report (of the same model and instant) collected.
   *
   * @param other another report
   * @return this report
   */
  public ScoringReport addAll(ScoringReport other) {
    count += other.count;
    sum += other.sum;
    for (int i = 0; i < SCORE_BINS; i++) {
      histogram[i] += other.histogram[i];
    }
    other.tierCounts.forEach((k, v) -> tierCounts.merge(k, v, Long::sum));
    for (int r = 0; r < GRID; r++) {
      for (int c = 0; c < GRID; c++) {
        grid[r][c] += other.grid[r][c];
      }
    }
    for (Map.Entry<Contact, Score> e : other.top) {
      offerTop(e);
    }
    return this;
  }

  private void offerTop(Map.Entry<Contact, Score> e) {
    if (topK > 0 && (top.size() < topK || e.getValue().score() > top.peek().getValue().score())) {
      top.add(e);
      if (top.size() > topK) {
        top.poll();
      }
    }
  }

  private static int cell(double[] edges, double v) {
    int i = 0;
    while (i < edges.length && v >= edges[i]) {
      i++;
    }
    return i;
  }

  /** Returns the number of contacts added. */
  public long count() {
    return count;
  }

  /** Returns the count per tier, base tier first, then tiers in increasing order. */
  public Map<String, Long> tierCounts() {
    return Map.copyOf(tierCounts);
  }

  /** Returns the score histogram chart with the tier thresholds. */
  public Histogram histogram() {
    List<Histogram.Marker> markers = new ArrayList<>();
    for (Tier t : model.tiers()) {
      markers.add(new Histogram.Marker(t.name() + " " + Svg.num(t.atLeast()), t.atLeast()));
    }
    return new Histogram("Score distribution with tier thresholds", "score (points)",
        "contacts", model.scale().min(), model.scale().max(), histogram, markers);
  }

  /** Returns the tier counts chart. */
  public BarChart tierChart() {
    List<String> names = new ArrayList<>(tierCounts.keySet());
    double[] values = new double[names.size()];
    for (int i = 0; i < names.size(); i++) {
      values[i] = tierCounts.get(names.get(i));
    }
    return new BarChart("Contacts per tier", "tier", "contacts", names, values);
  }

  /** Returns the fit x engagement grid of contact counts. */
  public Heatmap fitEngagementGrid() {
    List<String> columns = labels(model.scale().min(), fitEdges);
    List<String> rows = labels(model.scale().min(), engagementEdges);
    double[][] values = new double[GRID][GRID];
    for (int r = 0; r < GRID; r++) {
      for (int c = 0; c < GRID; c++) {
        values[r][c] = grid[r][c];
      }
    }
    return new Heatmap("Fit x engagement: where the contacts are", "fit (points)",
        "engagement (points)", "contacts", columns, rows, values);
  }

  private static List<String> labels(double min, double[] edges) {
    List<String> labels = new ArrayList<>();
    labels.add("< " + Svg.num(edges[0]));
    for (int i = 1; i < edges.length; i++) {
      labels.add(Svg.num(edges[i - 1]) + "-" + Svg.num(edges[i]));
    }
    labels.add(">= " + Svg.num(edges[edges.length - 1]));
    return labels;
  }

  /** Returns the top contacts, best first, with their scores. */
  public List<Map.Entry<Contact, Score>> top() {
    List<Map.Entry<Contact, Score>> best = new ArrayList<>(top);
    best.sort(Comparator.comparingDouble((Map.Entry<Contact, Score> e) -> e.getValue().score())
        .reversed().thenComparing(e -> e.getKey().id()));
    return best;
  }

  /** Returns the page: histogram, tier counts, grid, and the top contacts explained. */
  public HtmlReport toHtml() {
    HtmlReport page = new HtmlReport("Scoring report: " + model.name() + " v" + model.version(),
        String.format(Locale.ROOT, "%,d contacts scored as of %s; mean score %.2f; model "
            + "fingerprint %s", count, asOf, count == 0 ? 0.0 : sum / count,
            model.fingerprint().substring(0, 12)));
    page.section("Scores").chart(histogram()).chart(tierChart());
    page.section("Fit and engagement").chart(fitEngagementGrid());
    page.section("Top contacts");
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<Contact, Score> e : top()) {
      Score s = e.getValue();
      rows.add(List.of(e.getKey().id(), Svg.num(s.score()), s.tier(), Svg.num(s.fit()),
          Svg.num(s.engagement())));
    }
    page.table(List.of("contact", "score", "tier", "fit", "engagement"), rows);
    for (Map.Entry<Contact, Score> e : top()) {
      Explanation x = model.explain(e.getKey(), asOf);
      page.preformatted(e.getKey().id() + " " + e.getKey().attributes() + "\n" + x);
    }
    return page;
  }
}
