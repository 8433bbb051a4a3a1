package dev.scoring.core;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.ModelException;
import dev.scoring.api.Score;
import dev.scoring.api.ScoringModel;
import dev.scoring.api.Tier;
import dev.scoring.api.Values;
import dev.scoring.core.json.CanonicalJson;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A scoring table: demographic, behavioral and negative rules, a decay, caps, a scale and
 * tiers, compiled into a fast {@link ScoringModel}.
 *
 * <pre>{@code
 * ScoringTable model = ScoringTable.builder("b2b-leads")
 *     .decay(Decay.halfLife(30))
 *     .demographic("age-18-24", attribute("age").between(18, 24), 5)
 *     .demographic("tech", attribute("sector").equalTo("tech"), 3)
 *     .behavioral("pricing", on("pricing_page_visit").maxOccurrences(3), 5)
 *     .negative("unsub", on("unsubscribe"), -15)
 *     .inactivity("dormant", 90, -10)
 *     .tier("MQL", 60).tier("SQL", 80)
 *     .build();
 * Score score = model.score(contact, Instant.parse("2026-11-22T00:00:00Z"));
 * }</pre>
 *
 * <p>A score is computed as the project's specification says: {@code fit} is the demographic
 * sum (capped) plus negative attribute rules; {@code engagement} is the behavioral sum
 * (capped) plus negative event and inactivity rules; {@code raw = fit + engagement} is clamped
 * to the scale; the tier is the highest whose threshold the score reaches.
 *
 * <p>Instances are immutable and thread-safe; {@link #score(Contact, Instant)} allocates only
 * the returned {@link Score} (each thread keeps a small reusable work area).
 * {@link #equals} compares the definitions (not the clock).
 */
public final class ScoringTable implements ScoringModel {
  private final String name;
  private final String version;
  private final Scale scale;
  private final Decay decay;
  private final OptionalDouble demographicCap;
  private final OptionalDouble behavioralCap;
  private final List<AttributeRule> demographic;
  private final List<EventRule> behavioral;
  private final List<Rule> behavioralRules;
  private final List<Rule> negative;
  private final List<Tier> tiers;
  private final String baseTier;
  private final AccountRules account;
  private final Clock clock;

  private final Kernel kernel;
  private final ThreadLocal<Kernel.Scratch> scratch;
  private volatile CompactKernel compact;
  private volatile String canonicalJson;
  private volatile String fingerprint;

  private ScoringTable(Builder b) {
    this.name = b.name;
    this.version = b.version;
    this.scale = b.scale;
    this.decay = b.decay;
    this.demographicCap = b.demographicCap;
    this.behavioralCap = b.behavioralCap;
    this.demographic = List.copyOf(b.demographic);
    this.behavioral = List.copyOf(b.behavioral);
    this.behavioralRules = List.copyOf(b.behavioralRules);
    this.negative = List.copyOf(b.negative);
    this.tiers = List.copyOf(b.tiers);
    this.baseTier = b.baseTier;
    this.account = b.account;
    this.clock = b.clock;
    this.kernel = new Kernel(this);
    this.scratch = ThreadLocal.withInitial(kernel::newScratch);
  }

  /**
   * Starts a scoring table with the defaults: version {@code "1"}, scale 0..100, no decay,
   * no caps, no rules, no tiers, base tier {@code "unqualified"}, the UTC system clock.
   *
   * @param name the model name, non-blank
   * @return a new builder
   * @throws ModelException if the name is blank
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns a builder holding this table's definition and clock, to derive a new version.
   *
   * @return a builder holding this table's definition and clock, to derive a new version
   */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.version = version;
    b.scale = scale;
    b.decay = decay;
    b.demographicCap = demographicCap;
    b.behavioralCap = behavioralCap;
    b.demographic.addAll(demographic);
    b.behavioral.addAll(behavioral);
    b.behavioralRules.addAll(behavioralRules);
    b.negative.addAll(negative);
    b.tiers.addAll(tiers);
    tiers.forEach(t -> b.tierNames.add(t.name()));
    b.baseTier = baseTier;
    b.account = account;
    b.clock = clock;
    demographic.forEach(r -> b.ids.add(r.id()));
    behavioralRules.forEach(r -> b.ids.add(r.id()));
    negative.forEach(r -> b.ids.add(r.id()));
    return b;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String version() {
    return version;
  }

  /**
   * Returns the scale scores are clamped to.
   *
   * @return the scale scores are clamped to
   */
  public Scale scale() {
    return scale;
  }

  /**
   * Returns the decay applied to decaying event rules.
   *
   * @return the decay applied to decaying event rules
   */
  public Decay decay() {
    return decay;
  }

  /**
   * Returns the cap on the demographic sum, if any.
   *
   * @return the cap on the demographic sum, if any
   */
  public OptionalDouble demographicCap() {
    return demographicCap;
  }

  /**
   * Returns the cap on the behavioral sum, if any.
   *
   * @return the cap on the behavioral sum, if any
   */
  public OptionalDouble behavioralCap() {
    return behavioralCap;
  }

  /**
   * Returns the demographic rules in order.
   *
   * @return the demographic rules in order
   */
  public List<AttributeRule> demographic() {
    return demographic;
  }

  /**
   * Returns the behavioral event rules in order; each has {@code decays} set. Behavioral
   * aggregate rules are not among them: see {@link #behavioralRules()}.
   *
   * @return the behavioral event rules, unmodifiable
   */
  public List<EventRule> behavioral() {
    return behavioral;
  }

  /**
   * Returns every rule of the behavioral section in order: the {@link EventRule}s of
   * {@link #behavioral()} and the {@link AggregateRule}s with positive points.
   *
   * @return the section's rules, unmodifiable
   */
  public List<Rule> behavioralRules() {
    return behavioralRules;
  }

  /**
   * Returns the negative rules (attribute, event, inactivity and aggregate) in order.
   *
   * @return the negative rules (attribute, event, inactivity and aggregate) in order
   */
  public List<Rule> negative() {
    return negative;
  }

  @Override
  public List<Tier> tiers() {
    return tiers;
  }

  @Override
  public String baseTier() {
    return baseTier;
  }

  /**
   * Returns the account block (SPEC section 12): how accounts are scored from this table's
   * contact scores.
   *
   * @return the block, or empty when the table scores no accounts
   */
  public java.util.Optional<AccountRules> account() {
    return java.util.Optional.ofNullable(account);
  }

  /**
   * Returns the clock {@link #score(Contact)} reads "now" from.
   *
   * @return the clock {@link #score(Contact)} reads "now" from
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the canonical JSON form of this table (SPEC section 7): fixed key order, rules
   * in table order, section defaults left out, whole numbers without a fraction. Two tables
   * are {@link #equals equal} exactly when their canonical JSON is equal.
   *
   * @return the canonical JSON text
   */
  public String toJson() {
    String json = canonicalJson;
    if (json == null) {
      json = CanonicalJson.write(this);
      canonicalJson = json;
    }
    return json;
  }

  /**
   * Returns the SHA-256 of {@link #toJson()}, in lower-case hex: equal exactly when the
   * canonical JSON is equal.
   */
  @Override
  public String fingerprint() {
    String f = fingerprint;
    if (f == null) {
      f = CanonicalJson.sha256(toJson());
      fingerprint = f;
    }
    return f;
  }

  @Override
  public Score score(Contact contact) {
    return score(contact, clock.instant());
  }

  @Override
  public Score score(Contact contact, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Kernel.Scratch s = scratch.get();
    run(contact, asOf, s);
    return toScore(s, asOf);
  }

  @Override
  public Explanation explain(Contact contact) {
    return explain(contact, clock.instant());
  }

  @Override
  public Explanation explain(Contact contact, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Kernel.Scratch s = kernel.newScratch();
    run(contact, asOf, s);
    return explanation(s, toScore(s, asOf));
  }

  private void run(Contact contact, Instant asOf, Kernel.Scratch s) {
    kernel.matchAttributes(contact.attributes(), s.matched);
    int n = kernel.loadEvents(contact.events(), asOf, s);
    kernel.evaluate(s.typeIds, s.ages, s.values, 0, n, s);
  }

  static {
    dev.scoring.core.internal.CompactModel.register(CompactKernel::of);
    dev.scoring.core.internal.Unvalidated.register(ScoringTable::new);
  }

  /** The kernel fed from primitive arrays, for the live scorer; made on first use. */
  CompactKernel compact() {
    CompactKernel c = compact;
    if (c == null) {
      c = new CompactKernel(this);
      compact = c;
    }
    return c;
  }

  /** The compiled form, for the batch and live scorers of this module. */
  Kernel kernel() {
    return kernel;
  }

  /** Builds the {@link Score} of a kernel result. */
  Score toScore(Kernel.Scratch s, Instant asOf) {
    return new Score(s.score, s.raw, s.fit, s.engagement, kernel.tierNames[s.tier], name,
        version, asOf);
  }

  /** Builds the explanation of a kernel result. */
  Explanation explanation(Kernel.Scratch s, Score score) {
    List<Explanation.Entry> entries = new ArrayList<>();
    for (int r = 0; r < demographic.size(); r++) {
      if (s.attributeHit[r]) {
        entries.add(new Explanation.Entry(Explanation.Kind.DEMOGRAPHIC, demographic.get(r).id(),
            1, kernel.attributePoints[r]));
      }
    }
    for (int i = 0; i < behavioralRules.size(); i++) {
      int r = kernel.behavioralIndex[i];
      String id = behavioralRules.get(i).id();
      if (kernel.behavioralKind[i] == 1) {
        aggregateEntry(s, r, Explanation.Kind.BEHAVIORAL, id, entries);
      } else if (s.count[r] > 0) {
        entries.add(new Explanation.Entry(Explanation.Kind.BEHAVIORAL, id, s.count[r],
            kernel.eventPoints[r] * s.sum[r]));
      }
    }
    for (int i = 0; i < negative.size(); i++) {
      int k = kernel.negativeIndex[i];
      String id = negative.get(i).id();
      switch (kernel.negativeKind[i]) {
        case 0 -> {
          if (s.attributeHit[k]) {
            entries.add(new Explanation.Entry(Explanation.Kind.NEGATIVE, id, 1,
                kernel.attributePoints[k]));
          }
        }
        case 1 -> {
          if (s.count[k] > 0) {
            entries.add(new Explanation.Entry(Explanation.Kind.NEGATIVE, id, s.count[k],
                kernel.eventPoints[k] * s.sum[k]));
          }
        }
        case 3 -> aggregateEntry(s, k, Explanation.Kind.NEGATIVE, id, entries);
        default -> {
          if (s.inactivityHit[k]) {
            entries.add(new Explanation.Entry(Explanation.Kind.NEGATIVE, id, 1,
                kernel.inactivityPoints[k]));
          }
        }
      }
    }
    if (s.demographicSum > kernel.demographicCap) {
      entries.add(new Explanation.Entry(Explanation.Kind.CAP, "caps.demographic", 1,
          kernel.demographicCap - s.demographicSum));
    }
    if (s.behavioralSum > kernel.behavioralCap) {
      entries.add(new Explanation.Entry(Explanation.Kind.CAP, "caps.behavioral", 1,
          kernel.behavioralCap - s.behavioralSum));
    }
    if (s.score != s.raw) {
      entries.add(new Explanation.Entry(Explanation.Kind.CLAMP,
          s.raw > s.score ? "scale.max" : "scale.min", 1, s.score - s.raw));
    }
    return new Explanation(score, entries);
  }

  /** Adds the entry of aggregate rule {@code a} when it awarded its points. */
  private void aggregateEntry(Kernel.Scratch s, int a, Explanation.Kind kind, String id,
      List<Explanation.Entry> entries) {
    if (s.aggregateHit[a]) {
      entries.add(new Explanation.Entry(kind, id, kernel.aggregateCount(a, s),
          kernel.aggregatePoints[a], s.aggregateValue[a]));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoringTable t
        && name.equals(t.name)
        && version.equals(t.version)
        && scale.equals(t.scale)
        && decay.equals(t.decay)
        && demographicCap.equals(t.demographicCap)
        && behavioralCap.equals(t.behavioralCap)
        && demographic.equals(t.demographic)
        && behavioralRules.equals(t.behavioralRules)
        && negative.equals(t.negative)
        && tiers.equals(t.tiers)
        && baseTier.equals(t.baseTier)
        && Objects.equals(account, t.account);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, version, scale, decay, demographicCap, behavioralCap, demographic,
        behavioralRules, negative, tiers, baseTier, account);
  }

  @Override
  public String toString() {
    return "ScoringTable{" + name + " v" + version + ", " + demographic.size() + " demographic, "
        + behavioralRules.size() + " behavioral, " + negative.size() + " negative rules, tiers "
        + tiers + "}";
  }

  /**
   * A mutable builder of {@link ScoringTable}s. Each setter validates its input at once and
   * throws {@link ModelException} (an {@link IllegalArgumentException}) naming the place, in
   * the JSON path form used by model files ({@code behavioral[3].points}). Settings such as
   * the version or the scale may be set again (the last wins); rule ids must be unique
   * across all sections. {@link #build()} may be called more than once. Not thread-safe.
   */
  public static final class Builder {
    /** The largest magnitude of a rule's points (SPEC section 3), so no sum overflows. */
    private static final double MAX_POINTS = 1e9;

    private String name;
    private String version = "1";
    private Scale scale = Scale.DEFAULT;
    private Decay decay = Decay.none();
    private OptionalDouble demographicCap = OptionalDouble.empty();
    private OptionalDouble behavioralCap = OptionalDouble.empty();
    private final List<AttributeRule> demographic = new ArrayList<>();
    private final List<EventRule> behavioral = new ArrayList<>();
    private final List<Rule> behavioralRules = new ArrayList<>();
    private final List<Rule> negative = new ArrayList<>();
    private final List<Tier> tiers = new ArrayList<>();
    private final Set<String> tierNames = new HashSet<>();
    private String baseTier = "unqualified";
    private AccountRules account;
    private Clock clock = Clock.systemUTC();
    private final Set<String> ids = new HashSet<>();

    private Builder(String name) {
      name(name);
    }

    /**
     * Sets the model name.
     *
     * @param name non-blank
     * @return this builder
     * @throws ModelException if the name is blank
     */
    public Builder name(String name) {
      this.name = nonBlank("name", name);
      return this;
    }

    /**
     * Sets the version label (default {@code "1"}).
     *
     * @param version non-blank
     * @return this builder
     * @throws ModelException if the version is blank
     */
    public Builder version(String version) {
      this.version = nonBlank("version", version);
      return this;
    }

    /**
     * Sets the scale scores are clamped to (default 0..100).
     *
     * @param min the lowest score, finite
     * @param max the highest score, finite and greater than {@code min}
     * @return this builder
     * @throws ModelException if a bound is not finite or {@code max <= min}
     */
    public Builder scale(double min, double max) {
      this.scale = wrap(max > min || !Double.isFinite(min) ? "scale.min" : "scale.max",
          () -> new Scale(min, max));
      return this;
    }

    /**
     * Sets the decay of decaying event rules (default {@link Decay#none()}).
     *
     * @param decay the decay
     * @return this builder
     * @throws NullPointerException if {@code decay} is null
     */
    public Builder decay(Decay decay) {
      this.decay = Objects.requireNonNull(decay, "decay");
      return this;
    }

    /**
     * Caps the sum of demographic points.
     *
     * @param cap positive and finite
     * @return this builder
     * @throws ModelException if the cap is not positive and finite
     */
    public Builder demographicCap(double cap) {
      this.demographicCap = OptionalDouble.of(positive("caps.demographic", cap));
      return this;
    }

    /**
     * Caps the sum of behavioral points.
     *
     * @param cap positive and finite
     * @return this builder
     * @throws ModelException if the cap is not positive and finite
     */
    public Builder behavioralCap(double cap) {
      this.behavioralCap = OptionalDouble.of(positive("caps.behavioral", cap));
      return this;
    }

    /**
     * Adds a demographic rule: {@code points} when the criteria match.
     *
     * @param id     a unique, non-blank rule id
     * @param when   one condition or several joined with {@code and}
     * @param points non-zero, {@code |points| <= 1e9}
     * @return this builder
     * @throws ModelException if the id is blank or taken, or the points are zero, NaN or
     *     larger in magnitude than 1e9
     */
    public Builder demographic(String id, Criteria when, double points) {
      String path = "demographic[" + demographic.size() + "]";
      demographic.add(new AttributeRule(id(path, id), criteria(when), nonZero(path, points)));
      return this;
    }

    /**
     * Adds a behavioral rule: {@code points} per counted event, decayed unless the match
     * says {@code decays(false)}.
     *
     * @param id     a unique, non-blank rule id
     * @param match  which events count
     * @param points non-zero, {@code |points| <= 1e9}
     * @return this builder
     * @throws ModelException if the id is blank or taken, or the points are zero, NaN or
     *     larger in magnitude than 1e9
     */
    public Builder behavioral(String id, EventMatch match, double points) {
      String path = "behavioral[" + behavioralRules.size() + "]";
      EventRule rule = new EventRule(id(path, id), resolve(match, true), nonZero(path, points));
      behavioral.add(rule);
      behavioralRules.add(rule);
      return this;
    }

    /**
     * Adds a negative rule on attributes: {@code points} when the criteria match.
     *
     * @param id     a unique, non-blank rule id
     * @param when   one condition or several joined with {@code and}
     * @param points negative, {@code points >= -1e9}
     * @return this builder
     * @throws ModelException if the id is blank or taken, or the points are not negative or
     *     below -1e9
     */
    public Builder negative(String id, Criteria when, double points) {
      String path = "negative[" + negative.size() + "]";
      negative.add(new AttributeRule(id(path, id), criteria(when), negativePoints(path, points)));
      return this;
    }

    /**
     * Adds a negative rule on events: {@code points} per counted event, not decayed unless
     * the match says {@code decays(true)}.
     *
     * @param id     a unique, non-blank rule id
     * @param match  which events count
     * @param points negative, {@code points >= -1e9}
     * @return this builder
     * @throws ModelException if the id is blank or taken, or the points are not negative or
     *     below -1e9
     */
    public Builder negative(String id, EventMatch match, double points) {
      String path = "negative[" + negative.size() + "]";
      negative.add(new EventRule(id(path, id), resolve(match, false),
          negativePoints(path, points)));
      return this;
    }

    /**
     * Adds an inactivity rule: {@code points} when the contact's most recent event of a type
     * scored by a behavioral rule is at least {@code inactiveDays} whole days old, or when
     * there is none.
     *
     * @param id           a unique, non-blank rule id
     * @param inactiveDays at least 1
     * @param points       negative, {@code points >= -1e9}
     * @return this builder
     * @throws ModelException if the id is blank or taken, {@code inactiveDays < 1} or the
     *     points are not negative
     */
    public Builder inactivity(String id, int inactiveDays, double points) {
      String path = "negative[" + negative.size() + "]";
      if (inactiveDays < 1) {
        throw error(path + ".inactiveDays", "at least 1", inactiveDays);
      }
      negative.add(new InactivityRule(id(path, id), inactiveDays, negativePoints(path, points)));
      return this;
    }

    // ---- aggregate rules (SPEC section 9)

    /**
     * Adds a behavioral aggregate rule: {@code points} once when the measured value satisfies
     * the operator, for example
     * {@code behavioral("engaged-reader", count("email_open").withinDays(30).atLeast(5), 10)}.
     * Aggregates never decay; the rule adds to the behavioral sum (before its cap), and its
     * counted event types are activity types for inactivity rules.
     *
     * @param id     a unique, non-blank rule id
     * @param when   the measure and operator, from {@link Aggregate#count} and its siblings
     * @param points positive and finite
     * @return this builder
     * @throws ModelException if the id is blank or taken, or the points are not positive and
     *     finite
     * @throws NullPointerException if {@code when} is null
     */
    public Builder behavioral(String id, Aggregate when, double points) {
      String path = "behavioral[" + behavioralRules.size() + "]";
      Objects.requireNonNull(when, "when");
      String checked = id(path, id);
      if (!Double.isFinite(points) || !(points > 0)) {
        ids.remove(checked);
        throw error(path + ".points", "positive and finite for an aggregate rule", points);
      }
      if (Math.abs(points) > MAX_POINTS) {
        ids.remove(checked);
        atMostMaxPoints(path, points);
      }
      behavioralRules.add(new AggregateRule(checked, when, points));
      return this;
    }

    /**
     * Adds a negative aggregate rule: {@code points} once when the measured value satisfies
     * the operator, for example
     * {@code negative("ignores-mail", rate("email_open").per("email_sent").withinDays(90)
     * .below(0.05), -10)}. It adds to the engagement.
     *
     * @param id     a unique, non-blank rule id
     * @param when   the measure and operator, from {@link Aggregate#count} and its siblings
     * @param points negative and finite
     * @return this builder
     * @throws ModelException if the id is blank or taken, or the points are not negative
     * @throws NullPointerException if {@code when} is null
     */
    public Builder negative(String id, Aggregate when, double points) {
      String path = "negative[" + negative.size() + "]";
      Objects.requireNonNull(when, "when");
      String checked = id(path, id);
      if (!Double.isFinite(points) || !(points < 0) || Math.abs(points) > MAX_POINTS) {
        ids.remove(checked);
        negativePoints(path, points);
      }
      negative.add(new AggregateRule(checked, when, points));
      return this;
    }

    /**
     * Removes a rule from whichever section holds it, to derive a version with
     * {@link ScoringTable#toBuilder()}.
     *
     * @param id the rule id
     * @return this builder
     * @throws ModelException if no rule has this id
     */
    public Builder removeRule(String id) {
      if (!ids.remove(id)) {
        throw error("rules", "a list holding a rule with id " + Values.describe(id),
            "a list without it");
      }
      demographic.removeIf(r -> r.id().equals(id));
      behavioral.removeIf(r -> r.id().equals(id));
      behavioralRules.removeIf(r -> r.id().equals(id));
      negative.removeIf(r -> r.id().equals(id));
      return this;
    }

    /**
     * Adds a tier. Tiers are added in strictly increasing order of threshold.
     *
     * @param name    a non-blank name, distinct from the other tiers'
     * @param atLeast the lowest score in the tier, finite and above the previous tier's
     * @return this builder
     * @throws ModelException if the name is blank or taken, or the threshold is not finite
     *     or not above the previous one
     */
    public Builder tier(String name, double atLeast) {
      String path = "tiers[" + tiers.size() + "]";
      String n = nonBlank(path + ".name", name);
      if (tierNames.contains(n)) {
        throw error(path + ".name", "unique", name);
      }
      if (!Double.isFinite(atLeast)) {
        throw error(path + ".atLeast", "finite", atLeast);
      }
      if (!tiers.isEmpty() && !(atLeast > tiers.get(tiers.size() - 1).atLeast())) {
        throw error(path + ".atLeast", "greater than the previous tier's "
            + Values.number(tiers.get(tiers.size() - 1).atLeast()), atLeast);
      }
      tiers.add(new Tier(n, atLeast));
      tierNames.add(n);
      return this;
    }

    /**
     * Sets the account block (SPEC section 12), replacing any earlier one.
     *
     * @param account the block, or null for none
     * @return this builder
     */
    public Builder account(AccountRules account) {
      this.account = account;
      return this;
    }

    /**
     * Removes every tier, to redefine them.
     *
     * @return this builder
     */
    public Builder clearTiers() {
      tiers.clear();
      tierNames.clear();
      return this;
    }

    /**
     * Sets the tier of contacts below every threshold (default {@code "unqualified"}).
     *
     * @param name non-blank, distinct from the tiers' names
     * @return this builder
     * @throws ModelException if the name is blank
     */
    public Builder baseTier(String name) {
      this.baseTier = nonBlank("baseTier", name);
      return this;
    }

    /**
     * Sets the clock {@link ScoringTable#score(Contact)} reads "now" from (default the UTC
     * system clock). The clock is not part of the definition.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Compiles the table, refusing what can never work (what the static analysis would
     * report as impossible): a table without rules, a tier above {@code scale.max} or below
     * {@code scale.min}, an attribute rule whose conditions cannot all hold (such as
     * {@code age atLeast 50} and {@code age below 30}), a decaying event rule whose decay
     * factor is 0 at every age it matches, and a base tier named like a tier. Takes time
     * linear in the size of the table (quadratic only in the conditions of one rule on one
     * attribute).
     *
     * @return a new immutable table
     * @throws ModelException naming the first problem, such as
     *     {@code tiers[0].atLeast must be <= scale.max (100), but was 150}
     */
    public ScoringTable build() {
      if (demographic.isEmpty() && behavioralRules.isEmpty() && negative.isEmpty()) {
        throw new ModelException("", "model must have at least one rule (demographic,"
            + " behavioral or negative), but had none");
      }
      for (int i = 0; i < tiers.size(); i++) {
        double at = tiers.get(i).atLeast();
        if (at > scale.max()) {
          throw error("tiers[" + i + "].atLeast", "<= scale.max (" + Values.number(scale.max())
              + ")", at);
        }
        if (at < scale.min()) {
          throw error("tiers[" + i + "].atLeast", ">= scale.min (" + Values.number(scale.min())
              + ")", at);
        }
      }
      if (tierNames.contains(baseTier)) {
        throw error("baseTier", "different from every tier name", baseTier);
      }
      for (int i = 0; i < demographic.size(); i++) {
        Feasibility.requireCanFire("demographic[" + i + "]", demographic.get(i));
      }
      for (int i = 0; i < behavioralRules.size(); i++) {
        if (behavioralRules.get(i) instanceof EventRule e) {
          Feasibility.requireCanCount("behavioral[" + i + "]", e, decay);
        }
      }
      for (int i = 0; i < negative.size(); i++) {
        Rule r = negative.get(i);
        if (r instanceof AttributeRule a) {
          Feasibility.requireCanFire("negative[" + i + "]", a);
        } else if (r instanceof EventRule e) {
          Feasibility.requireCanCount("negative[" + i + "]", e, decay);
        }
      }
      return new ScoringTable(this);
    }

    private String id(String path, String id) {
      String checked = nonBlank(path + ".id", id);
      if (ids.contains(checked)) {
        throw error(path + ".id", "unique", id);
      }
      ids.add(checked);
      return checked;
    }

    private static List<Condition> criteria(Criteria when) {
      return Objects.requireNonNull(when, "when").conditions();
    }

    private static EventMatch resolve(EventMatch match, boolean sectionDefault) {
      Objects.requireNonNull(match, "match");
      return match.decays().isPresent() ? match : match.decays(sectionDefault);
    }

    private static double nonZero(String path, double points) {
      if (!Double.isFinite(points) || points == 0) {
        throw error(path + ".points", "finite and non-zero", points);
      }
      return atMostMaxPoints(path, points);
    }

    private static double negativePoints(String path, double points) {
      if (!Double.isFinite(points) || !(points < 0)) {
        throw error(path + ".points", "negative and finite", points);
      }
      return atMostMaxPoints(path, points);
    }

    private static double atMostMaxPoints(String path, double points) {
      if (Math.abs(points) > MAX_POINTS) {
        throw error(path + ".points", "at most 1e9 in magnitude", points);
      }
      return points;
    }

    private static double positive(String path, double value) {
      if (!Double.isFinite(value) || !(value > 0)) {
        throw error(path, "positive and finite", value);
      }
      return value;
    }

    private static String nonBlank(String path, String value) {
      if (value == null || value.isBlank()) {
        throw error(path, "a non-blank string", value);
      }
      return value;
    }

    private static <T> T wrap(String path, java.util.function.Supplier<T> make) {
      try {
        return make.get();
      } catch (IllegalArgumentException e) {
        throw new ModelException(path, e.getMessage(), e);
      }
    }

    static ModelException error(String path, String constraint, Object value) {
      return new ModelException(path,
          path + " must be " + constraint + ", but was " + Values.describe(value));
    }
  }
}
