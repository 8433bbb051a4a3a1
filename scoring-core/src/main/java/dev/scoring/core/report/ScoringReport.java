package dev.scoring.core.report;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.Score;
import dev.scoring.api.Tier;
import dev.scoring.core.AccountExplanation;
import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScores;
import dev.scoring.core.Rule;
import dev.scoring.core.Scale;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.analysis.Finding;
import dev.scoring.core.analysis.ModelAnalysis;
import dev.scoring.core.analysis.Range;
import dev.scoring.core.live.TierReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Collects a scored population, then draws it: what the static analysis found wrong with the
 * table (at the top, when anything), the score histogram with the tier thresholds, tier
 * counts, how often each rule fires and how many points it adds, the fit x engagement grid
 * (its bins follow the table's possible range, from {@link ModelAnalysis}), the movement
 * since the last run when given ({@link #sinceLastRun}), the biggest risers and fallers over
 * a trend window when asked ({@link #withTrend}), the accounts when the table has an account
 * block and their scores are given ({@link #accounts}: distribution, tier counts, the top
 * accounts with their members), and the top contacts with their explanations.
 *
 * <pre>{@code
 * ScoringReport report = new ScoringReport(model, asOf, 10);
 * for (Contact c : contacts) {
 *   report.add(c, model.score(c, asOf));
 * }
 * report.toHtml().write(Path.of("scoring-report.html"));
 * }</pre>
 *
 * <p>Rule contributions come from {@link ScoringTable#explain}: {@link #add(Contact, Score)}
 * explains each contact once more; {@link #add(Contact, Explanation)} takes an explanation
 * the caller already has. Memory stays constant whatever the population size (bins, one
 * tally per rule and the top {@code k}). Not thread-safe: feed it from one thread, or one
 * report per thread combined with {@link #addAll(ScoringReport)}.
 */
public final class ScoringReport {
  private static final int SCORE_BINS = 20;
  private static final int GRID = 5;
  /** How many risers and fallers {@link #sinceLastRun} keeps. */
  public static final int MOVERS = 10;
  /** How many top accounts {@link #accounts(AccountScores)} shows by default. */
  public static final int TOP_ACCOUNTS = 20;
  /**
   * How many members of each top account the accounts section lists one by one; the others
   * are summed in one row, so the entries still add up to the account's score.
   */
  public static final int MEMBERS_SHOWN = 10;

  private final ScoringTable model;
  private final Instant asOf;
  private final int topK;
  private final ModelAnalysis analysis;
  private final long[] histogram = new long[SCORE_BINS];
  private final Map<String, long[]> tierCounts = new LinkedHashMap<>();
  private final Bins fitBins;
  private final Bins engagementBins;
  private final long[][] grid;
  private final Map<String, Tally> contributions = new LinkedHashMap<>();
  private final PriorityQueue<Map.Entry<Contact, Score>> top;
  private long count;
  private double sum;
  private Movement movement;
  private int trendDays;
  private Instant trendStart;
  private final PriorityQueue<Mover> risers =
      new PriorityQueue<>(Comparator.comparingDouble(Mover::change));
  private final PriorityQueue<Mover> fallers =
      new PriorityQueue<>(Comparator.comparingDouble(Mover::change).reversed());
  private AccountScores accounts;
  private int topAccounts;

  /**
   * How often one rule (or a cap, or the clamp to the scale) applied and what it added.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param id       the rule id, {@code caps.demographic}, {@code caps.behavioral},
   *                 {@code scale.min} or {@code scale.max}
   * @param kind     what the entry is
   * @param contacts the contacts it applied to
   * @param points   the points it added over all contacts (negative for negative rules, caps
   *                 and a clamp at the top)
   * @param share    {@code |points|} over the sum of {@code |points|} of every entry, in
   *                 [0, 1]; 0 when no entry added points
   */
  public record Contribution(String id, Explanation.Kind kind, long contacts, double points,
      double share) {
    /**
     * Checks the references.
     *
     * @param id       the rule id, or the cap's or clamp's
     * @param kind     what the entry is
     * @param contacts the contacts it applied to
     * @param points   the points it added over all contacts
     * @param share    its share of all points
     */
    public Contribution {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
    }

    /**
     * Returns the mean points per contact it applied to, NaN when it applied to none.
     *
     * @return the mean points per contact it applied to, NaN when it applied to none
     */
    public double meanPoints() {
      return contacts == 0 ? Double.NaN : points / contacts;
    }
  }

  private static final class Tally {
    final Explanation.Kind kind;
    long contacts;
    double points;

    Tally(Explanation.Kind kind) {
      this.kind = kind;
    }
  }

  /** Bins of a round width over a range, the last one closed at the range's end. */
  private record Bins(double start, double step, int n, double end) {
    static Bins over(double lo, double hi) {
      if (!(hi > lo)) {
        return new Bins(lo, 1, 1, lo);
      }
      double raw = (hi - lo) / GRID;
      double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
      double step = 10 * magnitude;
      for (double m : new double[] {1, 2, 2.5, 5}) {
        if (m * magnitude >= raw - 1e-12 * raw) {
          step = m * magnitude;
          break;
        }
      }
      double start = Math.floor(lo / step) * step;
      int n = (int) Math.max(1, Math.ceil((hi - start) / step - 1e-9));
      return new Bins(start, step, n, hi);
    }

    int of(double v) {
      int i = (int) Math.floor((v - start) / step);
      return Math.max(0, Math.min(n - 1, i));
    }

    List<String> labels() {
      List<String> out = new ArrayList<>();
      if (n == 1 && step == 1 && end == start) {
        out.add(Numbers.onStep(start, 1));
        return out;
      }
      int d = Numbers.decimalsFor(step);
      for (int i = 0; i < n; i++) {
        double a = start + i * step;
        boolean last = i == n - 1;
        double b = last ? end : a + step;
        out.add("[" + Numbers.decimal(a, Math.max(d, Numbers.decimalsFor(a))) + ", "
            + Numbers.decimal(b, Math.max(d, last ? Math.min(2, Numbers.decimalsFor(b)) : d))
            + (last ? "]" : ")"));
      }
      return out;
    }
  }

  /** What changed since the last run. */
  private record Movement(long previous, long current, Map<String, long[]> byTier,
      List<Mover> risers, List<Mover> fallers, long compared) {}

  /**
   * A contact whose score changed between two runs.
   *
   * <p>This is a value-based record: immutable and thread-safe.
   *
   * @param contactId the contact
   * @param previous  its previous score
   * @param current   its current score
   */
  public record Mover(String contactId, Score previous, Score current) {
    /**
     * Checks the references.
     *
     * @param contactId the contact
     * @param previous  its previous score
     * @param current   its current score
     */
    public Mover {
      Objects.requireNonNull(contactId, "contactId");
      Objects.requireNonNull(previous, "previous");
      Objects.requireNonNull(current, "current");
    }

    /**
     * Returns {@code current.score() - previous.score()}.
     *
     * @return {@code current.score() - previous.score()}
     */
    public double change() {
      return current.score() - previous.score();
    }
  }

  /**
   * Starts an empty report. Analyses the table once ({@link ModelAnalysis#of}).
   *
   * @param model the model that scored the contacts
   * @param asOf  the instant they were scored for
   * @param topK  how many top contacts to show with explanations, at least 0
   * @throws IllegalArgumentException if {@code topK < 0}
   * @throws NullPointerException     if {@code model} or {@code asOf} is null
   */
  public ScoringReport(ScoringTable model, Instant asOf, int topK) {
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be at least 0, but was " + topK);
    }
    this.model = Objects.requireNonNull(model, "model");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.topK = topK;
    this.analysis = ModelAnalysis.of(model);
    tierCounts.put(model.baseTier(), new long[1]);
    for (Tier t : model.tiers()) {
      tierCounts.put(t.name(), new long[1]);
    }
    fitBins = bins(analysis.fit(), model.scale().min(), model.scale().max());
    engagementBins = bins(analysis.engagement(), model.scale().min(), model.scale().max());
    grid = new long[engagementBins.n()][fitBins.n()];
    for (Rule r : model.demographic()) {
      contributions.put(r.id(), new Tally(Explanation.Kind.DEMOGRAPHIC));
    }
    for (Rule r : model.behavioral()) {
      contributions.put(r.id(), new Tally(Explanation.Kind.BEHAVIORAL));
    }
    for (Rule r : model.negative()) {
      contributions.put(r.id(), new Tally(Explanation.Kind.NEGATIVE));
    }
    top = new PriorityQueue<>(Comparator.comparingDouble(e -> e.getValue().score()));
  }

  /** The model's range of a part, an unbounded end replaced by the scale's. */
  private static Bins bins(Range range, double scaleMin, double scaleMax) {
    double lo = range.min().value();
    double hi = range.max().value();
    if (Double.isInfinite(lo)) {
      lo = Math.min(scaleMin, Double.isInfinite(hi) ? scaleMin : hi);
    }
    if (Double.isInfinite(hi)) {
      hi = Math.max(scaleMax, lo);
    }
    return Bins.over(lo, hi);
  }

  /**
   * Adds one scored contact; explains it once more for the rule contributions.
   *
   * @param contact the contact
   * @param score   its score by this report's model as of this report's instant
   * @return this report
   */
  public ScoringReport add(Contact contact, Score score) {
    tally(model.explain(contact, asOf));
    collect(contact, score);
    return this;
  }

  /**
   * Adds one explained contact.
   *
   * @param contact     the contact
   * @param explanation its explanation by this report's model as of this report's instant
   * @return this report
   */
  public ScoringReport add(Contact contact, Explanation explanation) {
    tally(explanation);
    collect(contact, explanation.score());
    return this;
  }

  private void tally(Explanation x) {
    List<Explanation.Entry> entries = x.entries();
    for (int i = 0; i < entries.size(); i++) { // no iterator, no capturing lambda per entry
      Explanation.Entry e = entries.get(i);
      Tally t = contributions.get(e.id());
      if (t == null) {
        t = new Tally(e.kind());
        contributions.put(e.id(), t);
      }
      t.contacts++;
      t.points += e.points();
    }
  }

  private void collect(Contact contact, Score score) {
    if (trendDays > 0) {
      offerTrend(contact, score);
    }
    count++;
    sum += score.score();
    histogram[scoreBin(score.score(), model.scale())]++;
    tierCounts.computeIfAbsent(score.tier(), k -> new long[1])[0]++; // no boxing
    grid[engagementBins.of(score.engagement())][fitBins.of(score.fit())]++;
    if (topK > 0 && (top.size() < topK || score.score() > top.peek().getValue().score())) {
      offerTop(Map.entry(contact, score));
    }
  }

  /** The bin of a score among {@value #SCORE_BINS} equal bins over a scale, the last closed. */
  private static int scoreBin(double score, Scale scale) {
    int bin = (int) Math.floor((score - scale.min()) / (scale.max() - scale.min()) * SCORE_BINS);
    return Math.max(0, Math.min(SCORE_BINS - 1, bin));
  }

  /**
   * Adds everything another report (of the same model and instant) collected; its account
   * scores too when this report has none.
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
    other.tierCounts.forEach((k, v) ->
        tierCounts.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    for (int r = 0; r < grid.length; r++) {
      for (int c = 0; c < grid[r].length; c++) {
        grid[r][c] += other.grid[r][c];
      }
    }
    other.contributions.forEach((id, t) -> {
      Tally mine = contributions.computeIfAbsent(id, k -> new Tally(t.kind));
      mine.contacts += t.contacts;
      mine.points += t.points;
    });
    for (Map.Entry<Contact, Score> e : other.top) {
      offerTop(e);
    }
    for (Mover m : other.risers) {
      offerMover(risers, m);
    }
    for (Mover m : other.fallers) {
      offerMover(fallers, m);
    }
    if (accounts == null && other.accounts != null) {
      accounts = other.accounts;
      topAccounts = other.topAccounts;
    }
    return this;
  }

  /**
   * Adds an "Accounts" section (SPEC section 12) with the {@value #TOP_ACCOUNTS} best
   * accounts; see {@link #accounts(AccountScores, int)}.
   *
   * @param accounts the accounts scored under this report's table as of this report's instant
   * @return this report
   * @throws IllegalArgumentException if the table has no account block, or the accounts are
   *     scored as of another instant
   * @throws NullPointerException     if {@code accounts} is null
   */
  public ScoringReport accounts(AccountScores accounts) {
    return accounts(accounts, TOP_ACCOUNTS);
  }

  /**
   * Adds an "Accounts" section (SPEC section 12): the account score distribution with the
   * account tier thresholds, the accounts per tier, and the {@code top} best accounts (equal
   * scores in account id order, as {@link AccountScores#topK}), each with its explanation:
   * the account rules that matched, its members (the first {@value #MEMBERS_SHOWN} one by
   * one with their scores and shares, the rest summed in one row) and the clamp. Replaces an
   * earlier call's section. The report keeps a reference to {@code accounts}: the section
   * costs time linear in the accounts and in the members of the top accounts when it is
   * drawn.
   *
   * @param accounts the accounts scored under this report's table as of this report's instant
   * @param top      how many top accounts to show, at least 0
   * @return this report
   * @throws IllegalArgumentException if {@code top < 0}, the table has no account block, or
   *     the accounts are scored as of another instant
   * @throws NullPointerException     if {@code accounts} is null
   */
  public ScoringReport accounts(AccountScores accounts, int top) {
    Objects.requireNonNull(accounts, "accounts");
    if (top < 0) {
      throw new IllegalArgumentException("top must be at least 0, but was " + top);
    }
    if (model.account().isEmpty()) {
      throw new IllegalArgumentException("the report's table must have an account block, but "
          + model.name() + " has none");
    }
    if (!accounts.asOf().equals(asOf)) {
      throw new IllegalArgumentException("accounts.asOf must be the report's " + asOf
          + ", but was " + accounts.asOf());
    }
    this.accounts = accounts;
    this.topAccounts = top;
    return this;
  }

  private AccountRules accountRules() {
    return model.account().orElseThrow(() -> new IllegalStateException(
        "no account scores were given (accounts(AccountScores))"));
  }

  private AccountScores requireAccounts() {
    if (accounts == null) {
      throw new IllegalStateException("account scores must be given first with"
          + " accounts(AccountScores), but were not");
    }
    return accounts;
  }

  /**
   * Returns the account score histogram (20 bins over the account scale, the last closed)
   * with the account tier thresholds.
   *
   * @return the chart
   * @throws IllegalStateException if no account scores were given
   */
  public Histogram accountHistogram() {
    AccountScores a = requireAccounts();
    AccountRules rules = accountRules();
    long[] bins = new long[SCORE_BINS];
    for (int i = 0; i < a.size(); i++) {
      bins[scoreBin(a.score(i), rules.scale())]++;
    }
    return new Histogram("Account score distribution with tier thresholds",
        "account score (points)", "accounts", rules.scale().min(), rules.scale().max(), bins,
        markers(rules.tiers()));
  }

  /**
   * Returns the chart of accounts per account tier, base tier first.
   *
   * @return the chart
   * @throws IllegalStateException if no account scores were given
   */
  public BarChart accountTierChart() {
    Map<String, Long> counts = requireAccounts().tierCountsByName();
    List<String> names = new ArrayList<>(counts.keySet());
    double[] values = new double[names.size()];
    for (int i = 0; i < names.size(); i++) {
      values[i] = counts.get(names.get(i));
    }
    return new BarChart("Accounts per tier", "account tier", "accounts", names, values, 0);
  }

  private void accountSection(HtmlReport page) {
    AccountScores a = accounts;
    AccountRules rules = accountRules();
    AccountRules.Combine combine = rules.combine();
    double total = 0;
    int withoutMembers = 0;
    for (int i = 0; i < a.size(); i++) {
      total += a.score(i);
      if (a.memberCount(i) == 0) {
        withoutMembers++;
      }
    }
    page.section("Accounts");
    page.paragraph(Numbers.count(a.size()) + " accounts (" + Numbers.count(withoutMembers)
        + " without members), members by the attribute \"" + rules.key() + "\", their scores"
        + " combined by " + combine.type().jsonName()
        + (combine.type() == AccountRules.CombineType.TOP_MEAN ? " of " + combine.k() : "")
        + "; mean account score "
        + Numbers.decimal(a.size() == 0 ? Double.NaN : total / a.size(), 2) + ".");
    page.chart(accountHistogram()).chart(accountTierChart());
    int[] best = a.topK(topAccounts);
    page.paragraph("Top accounts");
    List<List<String>> rows = new ArrayList<>();
    for (int i : best) {
      rows.add(List.of(a.id(i), Numbers.decimal(a.score(i), 2), a.tier(i),
          Numbers.decimal(a.fit(i), 2), Numbers.decimal(a.engagement(i), 2),
          Numbers.count(a.memberCount(i))));
    }
    page.table(List.of("account", "score", "tier", "fit", "engagement", "members"), rows);
    for (int i : best) {
      page.paragraph(a.id(i) + ": score " + Numbers.decimal(a.score(i), 2) + " (" + a.tier(i)
          + "), " + Numbers.count(a.memberCount(i))
          + (a.memberCount(i) == 1 ? " member" : " members"));
      page.table(List.of("part", "id", "member score", "points"), explanationRows(a, i));
    }
  }

  /** An account's explanation: rules, members (the first few, then the rest summed), clamp. */
  private static List<List<String>> explanationRows(AccountScores a, int account) {
    double[] memberScores = a.memberScores(account);
    List<List<String>> rows = new ArrayList<>();
    int member = 0;
    int hidden = 0;
    double hiddenPoints = 0;
    for (AccountExplanation.Entry e : a.explain(account).entries()) {
      String kind = e.kind().name().toLowerCase(java.util.Locale.ROOT);
      if (e.kind() == AccountExplanation.Kind.MEMBER) {
        if (member < MEMBERS_SHOWN) {
          rows.add(List.of(kind, e.id(), Numbers.decimal(memberScores[member], 2),
              Numbers.decimal(e.points(), 2)));
        } else {
          hidden++;
          hiddenPoints += e.points();
        }
        member++;
        continue;
      }
      if (hidden > 0) { // the members are contiguous: the rest row closes them
        rows.add(restRow(hidden, hiddenPoints));
        hidden = 0;
      }
      rows.add(List.of(kind, e.id(), Numbers.MISSING, Numbers.decimal(e.points(), 2)));
    }
    if (hidden > 0) {
      rows.add(restRow(hidden, hiddenPoints));
    }
    return rows;
  }

  private static List<String> restRow(int members, double points) {
    return List.of("member", Numbers.count(members) + " more members", Numbers.MISSING,
        Numbers.decimal(points, 2));
  }

  private void offerTop(Map.Entry<Contact, Score> e) {
    if (topK > 0 && (top.size() < topK || e.getValue().score() > top.peek().getValue().score())) {
      top.add(e);
      if (top.size() > topK) {
        top.poll();
      }
    }
  }

  /**
   * Also collects each contact's trend over the last {@code days} days (SPEC section 10:
   * {@code score(asOf) - score(asOf - days)}, by the same model) and shows the
   * {@value #MOVERS} biggest risers and fallers, without a previous run to compare with. Each
   * added contact is scored once more, as of {@code asOf - days}; memory stays constant.
   *
   * @param days the trend window in days, at least 1
   * @return this report
   * @throws IllegalArgumentException if {@code days < 1} or the window starts before year 1
   * @throws IllegalStateException    if contacts were added already
   */
  public ScoringReport withTrend(int days) {
    Instant start = dev.scoring.api.ScoringModel.trendStart(asOf, days);
    if (count > 0) {
      throw new IllegalStateException("withTrend must be called before the first contact is "
          + "added, but " + Numbers.count(count) + " were added");
    }
    this.trendDays = days;
    this.trendStart = start;
    return this;
  }

  private void offerTrend(Contact contact, Score now) {
    Score before = model.score(contact, trendStart);
    double change = now.score() - before.score();
    if (change > 0 && (risers.size() < MOVERS || change > risers.peek().change())) {
      offerMover(risers, new Mover(contact.id(), before, now));
    } else if (change < 0 && (fallers.size() < MOVERS || change < fallers.peek().change())) {
      offerMover(fallers, new Mover(contact.id(), before, now));
    }
  }

  private static void offerMover(PriorityQueue<Mover> heap, Mover m) {
    heap.add(m);
    if (heap.size() > MOVERS) {
      heap.poll();
    }
  }

  /**
   * Returns the biggest risers over the trend window of {@link #withTrend}, biggest first.
   *
   * @return up to {@value #MOVERS} contacts whose score rose, empty without a trend window
   */
  public List<Mover> risers() {
    List<Mover> out = new ArrayList<>(risers);
    out.sort(Comparator.comparingDouble(Mover::change).reversed()
        .thenComparing(Mover::contactId));
    return out;
  }

  /**
   * Returns the biggest fallers over the trend window of {@link #withTrend}, biggest fall
   * first.
   *
   * @return up to {@value #MOVERS} contacts whose score fell, empty without a trend window
   */
  public List<Mover> fallers() {
    List<Mover> out = new ArrayList<>(fallers);
    out.sort(Comparator.comparingDouble(Mover::change).thenComparing(Mover::contactId));
    return out;
  }

  /**
   * Adds a "since the last run" section: which contacts entered and left each tier between
   * two scorings ({@link TierReport}), and, for the contacts in both, the {@value #MOVERS}
   * biggest risers and fallers by score. Replaces an earlier call's section.
   *
   * @param previous contact id to its score in the last run
   * @param current  contact id to its score in this run
   * @return this report
   * @throws NullPointerException if a map, a key or a value is null
   */
  public ScoringReport sinceLastRun(Map<String, Score> previous, Map<String, Score> current) {
    TierReport changes = TierReport.between(previous, current);
    Map<String, long[]> byTier = new LinkedHashMap<>();
    for (String t : tierCounts.keySet()) {
      byTier.put(t, new long[2]);
    }
    changes.entered().forEach((t, ids) ->
        byTier.computeIfAbsent(t, k -> new long[2])[0] += ids.size());
    changes.left().forEach((t, ids) ->
        byTier.computeIfAbsent(t, k -> new long[2])[1] += ids.size());
    Comparator<Mover> byChange = Comparator.comparingDouble(Mover::change);
    PriorityQueue<Mover> up = new PriorityQueue<>(byChange);
    PriorityQueue<Mover> down = new PriorityQueue<>(byChange.reversed());
    long compared = 0;
    for (Map.Entry<String, Score> e : current.entrySet()) {
      Score before = previous.get(e.getKey());
      if (before == null) {
        continue;
      }
      compared++;
      Mover m = new Mover(e.getKey(), before, e.getValue());
      if (m.change() > 0) {
        up.add(m);
        if (up.size() > MOVERS) {
          up.poll();
        }
      } else if (m.change() < 0) {
        down.add(m);
        if (down.size() > MOVERS) {
          down.poll();
        }
      }
    }
    Comparator<Mover> ties = Comparator.comparing(Mover::contactId);
    List<Mover> risers = new ArrayList<>(up);
    risers.sort(byChange.reversed().thenComparing(ties));
    List<Mover> fallers = new ArrayList<>(down);
    fallers.sort(byChange.thenComparing(ties));
    movement = new Movement(previous.size(), current.size(), byTier, List.copyOf(risers),
        List.copyOf(fallers), compared);
    return this;
  }

  /**
   * Returns the number of contacts added.
   *
   * @return the number of contacts added
   */
  public long count() {
    return count;
  }

  /**
   * Returns the count per tier, base tier first, then tiers in increasing order of threshold.
   *
   * @return an unmodifiable map in that iteration order
   */
  public Map<String, Long> tierCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    tierCounts.forEach((k, v) -> out.put(k, v[0]));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns the static analysis of the report's table.
   *
   * @return the static analysis of the report's table
   */
  public ModelAnalysis analysis() {
    return analysis;
  }

  /**
   * Returns the contribution of every rule in the table's order (demographic, behavioral,
   * negative; rules that never applied included), then of caps and the clamp that cut.
   *
   * @return the contributions, a new list
   */
  public List<Contribution> contributions() {
    double total = 0;
    for (Tally t : contributions.values()) {
      total += Math.abs(t.points);
    }
    List<Contribution> out = new ArrayList<>();
    for (Map.Entry<String, Tally> e : contributions.entrySet()) {
      Tally t = e.getValue();
      out.add(new Contribution(e.getKey(), t.kind, t.contacts, t.points,
          total == 0 ? 0 : Math.abs(t.points) / total));
    }
    return out;
  }

  /**
   * Returns what to warn about first: the analysis' findings (unreachable tiers, rules that
   * never fire, ...), then the rules that applied to none of the contacts added.
   *
   * @return one line per finding, empty when there is nothing to warn about
   */
  public List<String> findings() {
    List<String> out = new ArrayList<>();
    for (Finding f : analysis.findings()) {
      out.add(f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": "
          + f.message());
    }
    if (count > 0) {
      for (Contribution c : contributions()) {
        if (c.contacts() == 0 && c.kind() != Explanation.Kind.CAP
            && c.kind() != Explanation.Kind.CLAMP) {
          out.add("dead rule: " + c.id() + " applied to none of the " + Numbers.count(count)
              + " contacts");
        }
      }
    }
    return out;
  }

  /**
   * Returns the score histogram chart with the tier thresholds.
   *
   * @return the score histogram chart with the tier thresholds
   */
  public Histogram histogram() {
    return new Histogram("Score distribution with tier thresholds", "score (points)",
        "contacts", model.scale().min(), model.scale().max(), histogram,
        markers(model.tiers()));
  }

  /** The tier thresholds as histogram markers, labelled {@code "MQL 60"}. */
  private static List<Histogram.Marker> markers(List<Tier> tiers) {
    List<Histogram.Marker> markers = new ArrayList<>();
    for (Tier t : tiers) {
      markers.add(new Histogram.Marker(t.name() + " " + Numbers.onStep(t.atLeast(),
          t.atLeast() == Math.rint(t.atLeast()) ? 1 : 0.01), t.atLeast()));
    }
    return markers;
  }

  /**
   * Returns the tier counts chart, base tier first.
   *
   * @return the tier counts chart, base tier first
   */
  public BarChart tierChart() {
    List<String> names = new ArrayList<>(tierCounts.keySet());
    double[] values = new double[names.size()];
    for (int i = 0; i < names.size(); i++) {
      values[i] = tierCounts.get(names.get(i))[0];
    }
    return new BarChart("Contacts per tier", "tier", "contacts", names, values, 0);
  }

  /**
   * Returns the chart of each rule's share of all points added, in the table's order.
   *
   * @return the chart of each rule's share of all points added, in the table's order
   */
  public BarChart contributionChart() {
    List<String> names = new ArrayList<>();
    List<Contribution> all = contributions();
    double[] shares = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Contribution c = all.get(i);
      names.add(c.id() + (c.points() < 0 ? " (-)" : ""));
      shares[i] = 100 * c.share();
    }
    return new BarChart("Share of all points, per rule ((-): points taken away)", "rule",
        "share of all points (%)", names, shares, 1);
  }

  /**
   * Returns the fit x engagement grid of contact counts, its bins over the table's range.
   *
   * @return the fit x engagement grid of contact counts, its bins over the table's range
   */
  public Heatmap fitEngagementGrid() {
    double[][] values = new double[grid.length][];
    for (int r = 0; r < grid.length; r++) {
      values[r] = new double[grid[r].length];
      for (int c = 0; c < grid[r].length; c++) {
        values[r][c] = grid[r][c];
      }
    }
    return new Heatmap("Fit x engagement: where the contacts are", "fit (points)",
        "engagement (points)", "contacts", fitBins.labels(), engagementBins.labels(), values)
        .withDecimals(0);
  }

  /**
   * Returns the top contacts, best first, with their scores.
   *
   * @return the top contacts, best first, with their scores
   */
  public List<Map.Entry<Contact, Score>> top() {
    List<Map.Entry<Contact, Score>> best = new ArrayList<>(top);
    best.sort(Comparator.comparingDouble((Map.Entry<Contact, Score> e) -> e.getValue().score())
        .reversed().thenComparing(e -> e.getKey().id()));
    return best;
  }

  /**
   * Returns the page: findings (when any), scores, rule contributions, fit and engagement,
   * since the last run (when given), the trend (when asked), the accounts (when given), and
   * the top contacts explained.
   *
   * @return the page, to {@link HtmlReport#write} or {@link HtmlReport#html}
   */
  public HtmlReport toHtml() {
    HtmlReport page = new HtmlReport("Scoring report: " + model.name() + " v" + model.version(),
        Numbers.count(count) + " contacts scored as of " + asOf + "; mean score "
            + Numbers.decimal(count == 0 ? Double.NaN : sum / count, 2) + "; model fingerprint "
            + model.fingerprint().substring(0, 12));
    List<String> findings = findings();
    if (!findings.isEmpty()) {
      page.section("Findings");
      for (String f : findings) {
        page.notice(f);
      }
    }
    page.section("Scores").chart(histogram()).chart(tierChart());
    page.section("Rule contributions");
    List<List<String>> rows = new ArrayList<>();
    for (Contribution c : contributions()) {
      rows.add(List.of(c.id(), c.kind().name().toLowerCase(java.util.Locale.ROOT),
          Numbers.count(c.contacts()), Numbers.percent(count == 0 ? Double.NaN
              : (double) c.contacts() / count, 1),
          Numbers.decimal(c.meanPoints(), 2), Numbers.decimal(c.points(), 2),
          Numbers.percent(c.share(), 1)));
    }
    page.table(List.of("rule", "kind", "contacts matched", "of all contacts",
        "mean points (matched)", "total points", "share of all points"), rows);
    page.chart(contributionChart());
    page.section("Fit and engagement").chart(fitEngagementGrid());
    if (movement != null) {
      page.section("Since the last run");
      page.paragraph(Numbers.count(movement.previous()) + " contacts in the last run, "
          + Numbers.count(movement.current()) + " in this one, " + Numbers.count(
          movement.compared()) + " in both.");
      List<List<String>> tiers = new ArrayList<>();
      movement.byTier().forEach((t, c) -> tiers.add(List.of(t, Numbers.count(c[0]),
          Numbers.count(c[1]), (c[0] >= c[1] ? "+" : "-") + Numbers.count(Math.abs(c[0] - c[1])))));
      page.table(List.of("tier", "entered", "left", "net"), tiers);
      if (movement.compared() == 0) {
        page.paragraph("No contact is in both runs, so there are no risers or fallers.");
      } else {
        page.paragraph("Biggest risers");
        page.table(moverHeader(), moverRows(movement.risers()));
        page.paragraph("Biggest fallers");
        page.table(moverHeader(), moverRows(movement.fallers()));
      }
    }
    if (trendDays > 0) {
      page.section("Trend over the last " + trendDays + (trendDays == 1 ? " day" : " days"));
      page.paragraph("Score as of " + asOf + " against the score as of " + trendStart
          + ", by the same model, for every contact.");
      page.paragraph("Biggest risers");
      page.table(moverHeader(), moverRows(risers()));
      page.paragraph("Biggest fallers");
      page.table(moverHeader(), moverRows(fallers()));
    }
    if (accounts != null) {
      accountSection(page);
    }
    page.section("Top contacts");
    List<List<String>> topRows = new ArrayList<>();
    for (Map.Entry<Contact, Score> e : top()) {
      Score s = e.getValue();
      topRows.add(List.of(e.getKey().id(), Numbers.decimal(s.score(), 2), s.tier(),
          Numbers.decimal(s.fit(), 2), Numbers.decimal(s.engagement(), 2)));
    }
    page.table(List.of("contact", "score", "tier", "fit", "engagement"), topRows);
    for (Map.Entry<Contact, Score> e : top()) {
      Explanation x = model.explain(e.getKey(), asOf);
      page.preformatted(e.getKey().id() + " " + e.getKey().attributes() + "\n" + x);
    }
    return page;
  }

  private static List<String> moverHeader() {
    return List.of("contact", "score before", "score", "change", "tier before", "tier");
  }

  private static List<List<String>> moverRows(List<Mover> movers) {
    List<List<String>> rows = new ArrayList<>();
    for (Mover m : movers) {
      rows.add(List.of(m.contactId(), Numbers.decimal(m.previous().score(), 2),
          Numbers.decimal(m.current().score(), 2),
          (m.change() > 0 ? "+" : "") + Numbers.decimal(m.change(), 2), m.previous().tier(),
          m.current().tier()));
    }
    return rows;
  }
}
