package dev.scoring.core.evaluation;

import static dev.scoring.core.Condition.attribute;

import dev.scoring.core.ScoringTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fits a points table to outcomes: an L2-regularised logistic regression on the bins of a
 * {@link FeatureSpec}, turned into an ordinary {@link ScoringTable}.
 *
 * <pre>{@code
 * FittedTable fitted = TableFitter.builder("leads-fitted")
 *     .features(spec)
 *     .l2(1.0)
 *     .tier(TierTarget.conversionRate("MQL", 0.60))
 *     .tier(TierTarget.capacity("SQL", 0.10))
 *     .build()
 *     .fit(training, asOf);
 * ScoringTable table = fitted.table();     // saves with toJson(), explains like any table
 * }</pre>
 *
 * <h2>The regression</h2>
 * The terms are those of {@link FeatureSpec}: per attribute feature one 0/1 indicator per bin
 * and one for {@code missing} ({@code other} is the reference, worth 0); per event feature
 * {@code min(c, m)} per knot {@code m}, with {@code c} the number of counted events. Every
 * term is computed by scoring the contact with a table of the very rules the fitted table
 * will hold, so the regression and the table see the same thing. The fit maximises the
 * log-likelihood minus {@code (l2 / 2) * sum(coefficient^2)} (intercept not penalised) by
 * Newton's method with a Cholesky decomposition (see {@code Irls}).
 *
 * <h2>From coefficients to rules</h2>
 * With the {@link Scaling} giving {@code score = offset + factor * ln(odds)}
 * ({@code factor = pdo / ln 2}):
 * <ul>
 *   <li>an attribute bin with coefficient {@code b} becomes a demographic rule worth
 *       {@code factor * b} points (a negative rule when that is negative), whose criteria are
 *       the bin's: {@code equalTo}/{@code equalToIgnoreCase} for a level, {@code below},
 *       {@code atLeast(lo).and(below(hi))} or {@code atLeast} for a numeric range,
 *       {@code absent()} for {@code missing};
 *   <li>an event knot {@code m} with coefficient {@code b} becomes a behavioral rule on the
 *       event type (same window) with {@code maxOccurrences(m)}, worth {@code factor * b}
 *       points per event (a negative event rule when negative). Such a rule counts the
 *       {@code min(c, m)} most recent events, so the stacked rules of knots
 *       {@code m1 < m2 < ...} give the <em>i</em>-th most recent event the sum of the points
 *       of the rules with {@code m >= i}: for knots 1 and 3, the first event is worth
 *       {@code w1 + w3}, events 2 and 3 {@code w3} each, later events nothing. Fitted tables
 *       have no decay, so an event's age matters only through the window;
 *   <li>the constant {@code offset + factor * intercept} goes into two rules that together
 *       match every contact exactly once: {@code base.<a>-present} ({@code present()}) and
 *       {@code base.<a>-missing} ({@code absent()}) on the first attribute feature {@code a}.
 *       A spec without an attribute feature is therefore refused unless that constant is 0.
 * </ul>
 * Thus {@code raw = offset + factor * (intercept + sum(coefficient * term))}. Points are
 * rounded to multiples of {@link Builder#pointsStep(double) pointsStep} (default 1; 0 keeps
 * them exact), and rules that round to 0 are left out. With exact points the table's score
 * orders contacts exactly as the regression's probability does, except for ties made by
 * clamping to the scale. Rounded points move a contact's raw score by at most
 * {@code step / 2} for the constant plus {@code step / 2} per matched attribute rule and per
 * counted event, so only contacts whose scaled log odds are closer than their two bounds can
 * tie or swap. The fitted table has the builder's scale (default 0..100), no
 * decay and no caps; its tiers come from {@link TierTarget}s on the training contacts.
 *
 * <p>Fitting is deterministic: the same contacts in the same order, specification and
 * options give the same table, bit for bit. Instances are immutable and thread-safe.
 */
public final class TableFitter {
  private final String name;
  private final String version;
  private final FeatureSpec spec;
  private final double l2;
  private final Scaling scaling;
  private final double scaleMin;
  private final double scaleMax;
  private final double pointsStep;
  private final List<TierTarget> tiers;
  private final String baseTier;
  private final int maxIterations;

  private TableFitter(Builder b) {
    this.name = b.name;
    this.version = b.version;
    this.spec = b.spec;
    this.l2 = b.l2;
    this.scaling = b.scaling;
    this.scaleMin = b.scaleMin;
    this.scaleMax = b.scaleMax;
    this.pointsStep = b.pointsStep;
    this.tiers = List.copyOf(b.tiers);
    this.baseTier = b.baseTier;
    this.maxIterations = b.maxIterations;
  }

  /**
   * Starts a fitter for a table of the given name, with the defaults: version {@code "1"},
   * L2 penalty 1, {@link Scaling#fitToScale()}, scale 0..100, points rounded to whole numbers,
   * no tiers, base tier {@code "unqualified"}, at most 100 Newton iterations.
   *
   * @param tableName the fitted table's name, non-blank
   * @return a new builder
   * @throws IllegalArgumentException if the name is blank
   */
  public static Builder builder(String tableName) {
    return new Builder(tableName);
  }

  /** {@return the feature specification} */
  public FeatureSpec features() {
    return spec;
  }

  /**
   * Fits a table.
   *
   * @param training the labelled training contacts, at least one converted and one not
   * @param asOf     the instant to count events for
   * @return the fitted table with its regression and scaling
   * @throws IllegalArgumentException if every contact has the same outcome
   * @throws IllegalStateException    if the regression does not converge, a tier target
   *     cannot be met, two tiers get the same threshold, or the constant needs an attribute
   *     feature and the spec has none
   * @throws NullPointerException     if an argument is null
   */
  public FittedTable fit(List<LabeledContact> training, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    int n = training.size();
    boolean[] y = new boolean[n];
    int positives = 0;
    for (int i = 0; i < n; i++) {
      y[i] = training.get(i).converted();
      positives += y[i] ? 1 : 0;
    }
    if (positives == 0 || positives == n) {
      throw new IllegalArgumentException("training must include at least one converted and one "
          + "non-converted contact, but was " + positives + " converted of " + n);
    }
    Encoding enc = Encoding.resolve(spec, training);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = enc.row(training.get(i).contact(), asOf);
    }
    Irls.Result r = Irls.fit(x, y, l2, maxIterations, 1e-10);
    LogisticModel regression = new LogisticModel(enc, r.beta(), l2, r.iterations(),
        r.logLikelihood());

    double factor;
    double offset;
    if (scaling instanceof Scaling.Pdo p) {
      factor = p.pointsToDoubleOdds() / Math.log(2);
      offset = p.anchorScore() - factor * Math.log(p.anchorOdds());
    } else {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] row : x) {
        double eta = regression.linearPredictor(row);
        lo = Math.min(lo, eta);
        hi = Math.max(hi, eta);
      }
      factor = hi > lo ? (scaleMax - scaleMin) / (hi - lo) : 1;
      offset = scaleMin - factor * lo;
    }

    ScoringTable.Builder table = ScoringTable.builder(name).version(version)
        .scale(scaleMin, scaleMax).baseTier(baseTier);
    double constant = round(offset + factor * regression.intercept());
    if (constant != 0) {
      String a = null;
      for (FeatureSpec.Feature f : spec.features()) {
        if (!(f instanceof FeatureSpec.Events)) {
          a = f.name();
          break;
        }
      }
      if (a == null) {
        throw new IllegalStateException("a feature spec must include an attribute feature to "
            + "carry the constant " + constant + " points, but has only event features");
      }
      Set<String> taken = new HashSet<>(enc.byId().keySet());
      String slug = Encoding.slug(a);
      String present = fresh(taken, "base." + slug + "-present");
      String missing = fresh(taken, "base." + slug + "-missing");
      if (constant > 0) {
        table.demographic(present, attribute(a).present(), constant);
        table.demographic(missing, attribute(a).absent(), constant);
      } else {
        table.negative(present, attribute(a).present(), constant);
        table.negative(missing, attribute(a).absent(), constant);
      }
    }
    for (int j = 0; j < enc.columns.size(); j++) {
      Encoding.Column c = enc.columns.get(j);
      double points = round(factor * regression.coefficient(j));
      if (points == 0) {
        continue;
      }
      if (c.criteria() != null) {
        if (points > 0) {
          table.demographic(c.ruleId(), c.criteria(), points);
        } else {
          table.negative(c.ruleId(), c.criteria(), points);
        }
      } else if (points > 0) {
        table.behavioral(c.ruleId(), c.match(), points);
      } else {
        table.negative(c.ruleId(), c.match(), points);
      }
    }
    ScoringTable untiered = table.build();
    ScoringTable fitted = untiered;
    if (!tiers.isEmpty()) {
      double[] scores = new double[n];
      for (int i = 0; i < n; i++) {
        scores[i] = untiered.score(training.get(i).contact(), asOf).score();
      }
      fitted = withTiers(untiered, scores, y);
    }
    return new FittedTable(fitted, regression, factor, offset, pointsStep);
  }

  private ScoringTable withTiers(ScoringTable table, double[] scores, boolean[] y) {
    Ranking ranking = new Ranking(scores, y);
    record Placed(String name, double atLeast) {}
    List<Placed> placed = new ArrayList<>();
    for (TierTarget t : tiers) {
      double at;
      if (t instanceof TierTarget.Capacity c) {
        int k = (int) Math.max(1, Math.ceil(c.share() * scores.length - 1e-9));
        at = scores[ranking.order[k - 1]];
      } else {
        double rate = ((TierTarget.ConversionRate) t).rate();
        at = Double.NaN;
        long contacts = 0;
        long converted = 0;
        double best = 0;
        for (int g = 0; g < ranking.groups; g++) {
          contacts += ranking.groupStart[g + 1] - ranking.groupStart[g];
          converted += ranking.groupPositives(g);
          double cumulative = (double) converted / contacts;
          best = Math.max(best, cumulative);
          if (cumulative >= rate) {
            at = ranking.groupScore(g);
          }
        }
        if (Double.isNaN(at)) {
          throw new IllegalStateException("tier '" + t.name() + "' conversion rate must be "
              + "reachable on the training contacts, but was " + rate + " and the best cut "
              + "converts at " + best);
        }
      }
      placed.add(new Placed(t.name(), at));
    }
    placed.sort(Comparator.comparingDouble(Placed::atLeast));
    ScoringTable.Builder b = table.toBuilder();
    for (int i = 0; i < placed.size(); i++) {
      if (i > 0 && placed.get(i).atLeast() == placed.get(i - 1).atLeast()) {
        throw new IllegalStateException("tier '" + placed.get(i).name() + "' threshold must "
            + "differ from tier '" + placed.get(i - 1).name() + "', but both were "
            + placed.get(i).atLeast());
      }
      b.tier(placed.get(i).name(), placed.get(i).atLeast());
    }
    return b.build();
  }

  private double round(double points) {
    if (pointsStep == 0) {
      return points;
    }
    double inverse = 1 / pointsStep;
    if (Math.abs(inverse - Math.rint(inverse)) < 1e-9) {
      return Math.rint(points * Math.rint(inverse)) / Math.rint(inverse) + 0.0;
    }
    return Math.rint(points / pointsStep) * pointsStep + 0.0;
  }

  private static String fresh(Set<String> taken, String id) {
    String candidate = id;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = id + "-" + i;
    }
    return candidate;
  }

  @Override
  public String toString() {
    return "TableFitter{" + name + " v" + version + ", l2 " + l2 + ", " + scaling
        + ", points step " + pointsStep + ", tiers " + tiers + ", " + spec + "}";
  }

  /**
   * A mutable builder of {@link TableFitter}s; not thread-safe, reusable.
   */
  public static final class Builder {
    private final String name;
    private String version = "1";
    private FeatureSpec spec;
    private double l2 = 1;
    private Scaling scaling = Scaling.fitToScale();
    private double scaleMin = 0;
    private double scaleMax = 100;
    private double pointsStep = 1;
    private final List<TierTarget> tiers = new ArrayList<>();
    private final Set<String> tierNames = new HashSet<>();
    private String baseTier = "unqualified";
    private int maxIterations = 100;

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must be a non-blank string, but was "
            + (name == null ? "null" : "\"" + name + "\""));
      }
      this.name = name;
    }

    /**
     * Sets the fitted table's version (default {@code "1"}).
     *
     * @param version non-blank
     * @return this builder
     * @throws IllegalArgumentException if the version is blank
     */
    public Builder version(String version) {
      if (version == null || version.isBlank()) {
        throw new IllegalArgumentException("version must be a non-blank string, but was "
            + (version == null ? "null" : "\"" + version + "\""));
      }
      this.version = version;
      return this;
    }

    /**
     * Sets the features to fit (required).
     *
     * @param spec the specification
     * @return this builder
     * @throws NullPointerException if {@code spec} is null
     */
    public Builder features(FeatureSpec spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
      return this;
    }

    /**
     * Sets the L2 penalty (default 1): the fit maximises the log-likelihood minus
     * {@code (l2 / 2) * sum(coefficient^2)}, the intercept not penalised.
     *
     * @param l2 positive and finite
     * @return this builder
     * @throws IllegalArgumentException if {@code l2} is not positive and finite
     */
    public Builder l2(double l2) {
      if (!(l2 > 0) || !Double.isFinite(l2)) {
        throw new IllegalArgumentException("l2 must be positive and finite, but was " + l2);
      }
      this.l2 = l2;
      return this;
    }

    /**
     * Sets how log odds become points (default {@link Scaling#fitToScale()}).
     *
     * @param scaling the scaling
     * @return this builder
     * @throws NullPointerException if {@code scaling} is null
     */
    public Builder scaling(Scaling scaling) {
      this.scaling = Objects.requireNonNull(scaling, "scaling");
      return this;
    }

    /**
     * Sets the fitted table's scale (default 0..100).
     *
     * @param min the lowest score, finite
     * @param max the highest score, finite and above {@code min}
     * @return this builder
     * @throws IllegalArgumentException if a bound is not finite or {@code max <= min}
     */
    public Builder scale(double min, double max) {
      if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
        throw new IllegalArgumentException("scale must be finite with max above min, but was ["
            + min + ", " + max + "]");
      }
      this.scaleMin = min;
      this.scaleMax = max;
      return this;
    }

    /**
     * Sets the multiple points are rounded to (default 1, whole points); 0 keeps the exact
     * scaled coefficients.
     *
     * @param step 0, or positive and finite
     * @return this builder
     * @throws IllegalArgumentException if {@code step} is negative or not finite
     */
    public Builder pointsStep(double step) {
      if (!(step >= 0) || !Double.isFinite(step)) {
        throw new IllegalArgumentException(
            "pointsStep must be 0 or positive and finite, but was " + step);
      }
      this.pointsStep = step;
      return this;
    }

    /**
     * Adds a tier placed by a target.
     *
     * @param target the tier's target
     * @return this builder
     * @throws IllegalStateException if a tier of that name was already added
     * @throws NullPointerException  if {@code target} is null
     */
    public Builder tier(TierTarget target) {
      Objects.requireNonNull(target, "target");
      if (!tierNames.add(target.name())) {
        throw new IllegalStateException("tier names must be unique, but \"" + target.name()
            + "\" was added twice");
      }
      tiers.add(target);
      return this;
    }

    /**
     * Sets the base tier name (default {@code "unqualified"}).
     *
     * @param name non-blank
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     */
    public Builder baseTier(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("baseTier must be a non-blank string, but was "
            + (name == null ? "null" : "\"" + name + "\""));
      }
      this.baseTier = name;
      return this;
    }

    /**
     * Sets the most Newton iterations before giving up (default 100).
     *
     * @param iterations at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code iterations < 1}
     */
    public Builder maxIterations(int iterations) {
      if (iterations < 1) {
        throw new IllegalArgumentException(
            "maxIterations must be at least 1, but was " + iterations);
      }
      this.maxIterations = iterations;
      return this;
    }

    /**
     * Returns the fitter.
     *
     * @return a new immutable fitter
     * @throws IllegalStateException if no features were set or a tier has the base tier's name
     */
    public TableFitter build() {
      if (spec == null) {
        throw new IllegalStateException("features must be set, but was not");
      }
      if (tierNames.contains(baseTier)) {
        throw new IllegalStateException(
            "baseTier must differ from every tier name, but was \"" + baseTier + "\"");
      }
      return new TableFitter(this);
    }
  }
}
