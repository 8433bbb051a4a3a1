package dev.scoring.core;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.api.ModelException;
import dev.scoring.api.Tier;
import dev.scoring.api.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code account} block of a table (SPEC section 12): how an account (a company, a buying
 * group) is scored from its members' scores under the table, plus rules on the account's own
 * attributes.
 *
 * <pre>{@code
 * AccountRules account = AccountRules.builder(AccountRules.Combine.topMean(3))
 *     .demographicCap(30)
 *     .demographic("enterprise", Condition.attribute("employees").atLeast(1000), 20)
 *     .negative("competitor", Condition.attribute("competitor").equalTo(true), -50)
 *     .tier("target", 50).tier("hot", 75).baseTier("cold")
 *     .build();
 * ScoringTable table = ScoringTable.builder("b2b").behavioral(...).account(account).build();
 * }</pre>
 *
 * <p>Errors name the JSON path under {@code account}, such as
 * {@code account.combine.k must be at least 1, but was 0}. Immutable and thread-safe; the
 * builder is not thread-safe.
 */
public final class AccountRules {
  /** The default key attribute. */
  public static final String DEFAULT_KEY = "account_id";

  /** How members' scores combine into the account's engagement. */
  public enum CombineType {
    /** The highest member score. */
    MAX("max"),
    /** The sum of the member scores, highest first. */
    SUM("sum"),
    /** The sum divided by the number of members. */
    MEAN("mean"),
    /** The mean of the {@code k} highest member scores (all when fewer). */
    TOP_MEAN("topMean");

    private final String jsonName;

    CombineType(String jsonName) {
      this.jsonName = jsonName;
    }

    /**
     * Returns the name in model files.
     *
     * @return {@code max}, {@code sum}, {@code mean} or {@code topMean}
     */
    public String jsonName() {
      return jsonName;
    }
  }

  /**
   * A combination of member scores.
   *
   * @param type the combination
   * @param k    for {@link CombineType#TOP_MEAN}, the number of highest scores, at least 1;
   *             0 for the others
   */
  public record Combine(CombineType type, int k) {
    /**
     * Validates the combination.
     *
     * @param type the combination
     * @param k    for {@code TOP_MEAN} at least 1, else 0
     * @throws ModelException if {@code k} does not suit the type
     * @throws NullPointerException if {@code type} is null
     */
    public Combine {
      Objects.requireNonNull(type, "type");
      if (type == CombineType.TOP_MEAN && k < 1) {
        throw new ModelException("account.combine.k",
            "account.combine.k must be at least 1, but was " + k);
      }
      if (type != CombineType.TOP_MEAN && k != 0) {
        throw new ModelException("account.combine.k", "account.combine.k must be absent for "
            + type.jsonName() + ", but was " + k);
      }
    }

    /**
     * The highest member score.
     *
     * @return the combination
     */
    public static Combine max() {
      return new Combine(CombineType.MAX, 0);
    }

    /**
     * The sum of the member scores.
     *
     * @return the combination
     */
    public static Combine sum() {
      return new Combine(CombineType.SUM, 0);
    }

    /**
     * The mean of the member scores.
     *
     * @return the combination
     */
    public static Combine mean() {
      return new Combine(CombineType.MEAN, 0);
    }

    /**
     * The mean of the {@code k} highest member scores.
     *
     * @param k at least 1
     * @return the combination
     * @throws ModelException if {@code k < 1}
     */
    public static Combine topMean(int k) {
      return new Combine(CombineType.TOP_MEAN, k);
    }
  }

  /** The id of the rule that lets a block without rules check its tiers; never kept. */
  private static final String PROBE = "\u0000";

  private final String key;
  private final Combine combine;
  private final OptionalDouble demographicCap;
  private final List<AttributeRule> demographic;
  private final List<AttributeRule> negative;
  private final Scale scale;
  private final List<Tier> tiers;
  private final String baseTier;
  /** The account rules as a table of attribute rules, or null when there are none. */
  private final ScoringTable fitTable;
  /** That table's kernel, or null: the account rules compiled once. */
  private final Kernel fitKernel;
  /** Working memory of {@link #fitKernel} for {@link #fitValue(Map)}, one per thread. */
  private final ThreadLocal<Kernel.Scratch> fitScratch;

  private AccountRules(Builder b, ScoringTable checked) {
    this.key = b.key;
    this.combine = b.combine;
    this.demographicCap = b.demographicCap;
    List<AttributeRule> dem = new ArrayList<>(checked.demographic());
    dem.removeIf(r -> r.id().equals(PROBE));
    this.demographic = List.copyOf(dem);
    List<AttributeRule> neg = new ArrayList<>();
    for (Rule r : checked.negative()) {
      neg.add((AttributeRule) r);
    }
    this.negative = List.copyOf(neg);
    this.scale = checked.scale();
    this.tiers = checked.tiers();
    this.baseTier = checked.baseTier();
    this.fitTable = b.rules == 0 ? null : checked;
    this.fitKernel = fitTable == null ? null : fitTable.kernel();
    this.fitScratch = fitKernel == null ? null : ThreadLocal.withInitial(fitKernel::newScratch);
  }

  /**
   * Starts an account block.
   *
   * @param combine how members' scores combine (required by SPEC section 12)
   * @return a builder with key {@code account_id}, no caps or rules, scale 0..100, no tiers
   *     and base tier {@code unqualified}
   * @throws NullPointerException if {@code combine} is null
   */
  public static Builder builder(Combine combine) {
    return new Builder(Objects.requireNonNull(combine, "combine"));
  }

  /**
   * Returns the attribute of a contact naming its account.
   *
   * @return the key, default {@code account_id}
   */
  public String key() {
    return key;
  }

  /**
   * Returns how members' scores combine.
   *
   * @return the combination
   */
  public Combine combine() {
    return combine;
  }

  /**
   * Returns the cap of the account demographic sum.
   *
   * @return the cap, or empty
   */
  public OptionalDouble demographicCap() {
    return demographicCap;
  }

  /**
   * Returns the account demographic rules.
   *
   * @return the rules in order
   */
  public List<AttributeRule> demographic() {
    return demographic;
  }

  /**
   * Returns the account negative rules (attribute rules only).
   *
   * @return the rules in order
   */
  public List<AttributeRule> negative() {
    return negative;
  }

  /**
   * Returns the scale account scores are clamped to.
   *
   * @return the scale, default 0..100
   */
  public Scale scale() {
    return scale;
  }

  /**
   * Returns the account tiers.
   *
   * @return the tiers in increasing order
   */
  public List<Tier> tiers() {
    return tiers;
  }

  /**
   * Returns the tier of accounts below every tier.
   *
   * @return the base tier, default {@code unqualified}
   */
  public String baseTier() {
    return baseTier;
  }

  /**
   * Returns the tier of an account score: the tier with the highest {@code atLeast <= score},
   * else the base tier.
   *
   * @param score an account score
   * @return the tier name
   */
  public String tierOf(double score) {
    String t = baseTier;
    for (Tier tier : tiers) {
      if (tier.atLeast() <= score) {
        t = tier.name();
      }
    }
    return t;
  }

  /**
   * A member of an account: a contact id and its score under the table.
   *
   * @param contactId the contact id
   * @param score     the contact's score under the table (SPEC sections 1-10)
   */
  public record Member(String contactId, double score) {
    /**
     * Checks the id.
     *
     * @param contactId the contact id
     * @param score     the score
     * @throws NullPointerException if {@code contactId} is null
     * @throws IllegalArgumentException if {@code score} is not finite
     */
    public Member {
      Objects.requireNonNull(contactId, "contactId");
      if (!Double.isFinite(score)) {
        throw new IllegalArgumentException("member " + Values.quote(contactId, 60)
            + " score must be finite, but was " + score);
      }
    }
  }

  /**
   * Returns the account a contact belongs to under this block's key (SPEC section 12): the
   * key attribute's value when it is a non-blank string; a number, a boolean, a blank string
   * or an absent key gives no account.
   *
   * @param contactAttributes the contact's attributes
   * @return the account id, or empty
   * @throws NullPointerException if {@code contactAttributes} is null
   */
  public Optional<String> accountOf(Map<String, ?> contactAttributes) {
    Object value = contactAttributes.get(key);
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /**
   * Scores one account from its members' scores (SPEC section 12), with the same bits as
   * {@link AccountScorer} gives it: the members are ordered by score, highest first, equal
   * scores by contact id (UTF-16 order), whatever their order in {@code members}. This is the
   * function the live scorer, Kafka Streams and Spark use for one account.
   *
   * <p>Time: {@code O(m log m)} for {@code m} members, plus the account rules.
   *
   * @param accountId  the account id
   * @param attributes the account record's attributes, or null when the account has no
   *                   record (then it has no attributes)
   * @param members    the members and their scores under the table
   * @param asOf       the instant the scores are as of
   * @return the account's score
   * @throws NullPointerException if {@code accountId}, {@code members}, a member or
   *     {@code asOf} is null
   */
  public AccountScore score(String accountId, Map<String, ?> attributes,
      Collection<Member> members, Instant asOf) {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(asOf, "asOf");
    return score(accountId, attributes, sortedScores(sort(members)));
  }

  /** {@link #score(String, Map, Collection, Instant)} of members already in SPEC order. */
  private AccountScore score(String accountId, Map<String, ?> attributes, double[] sorted) {
    double engagement = engagement(combine, sorted, sorted.length);
    double fit = fitKernel == null ? 0
        : fitValue(AccountRecords.normalized(accountId, attributes));
    double raw = fit + engagement;
    double score = scale.clamp(raw);
    return new AccountScore(accountId, score, raw, fit, engagement, tierOf(score),
        sorted.length);
  }

  /**
   * Explains one account's score, as {@link AccountScores#explain(int)} does in a batch: the
   * account rules that matched, the cap when it cut, one entry per member (highest score
   * first) with its share of the engagement, and the clamp when it cut.
   *
   * @param accountId  the account id
   * @param attributes the account record's attributes, or null when it has no record
   * @param members    the members and their scores under the table
   * @param asOf       the instant the scores are as of
   * @return the explanation; its entries sum to the score (to 1e-9)
   * @throws NullPointerException if {@code accountId}, {@code members}, a member or
   *     {@code asOf} is null
   */
  public AccountExplanation explain(String accountId, Map<String, ?> attributes,
      Collection<Member> members, Instant asOf) {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(asOf, "asOf");
    Member[] sorted = sort(members);
    double[] scores = sortedScores(sorted);
    AccountScore s = score(accountId, attributes, scores);
    String[] ids = new String[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      ids[i] = sorted[i].contactId();
    }
    return explanation(accountId, attributes(attributes), ids, scores, s.score(), s.raw(),
        s.tier(), asOf);
  }

  /** The members in SPEC order: score highest first, equal scores by contact id. */
  private static Member[] sort(Collection<Member> members) {
    Member[] m = members.toArray(new Member[0]);
    for (Member x : m) {
      Objects.requireNonNull(x, "member");
    }
    java.util.Arrays.sort(m, (x, y) -> x.score() != y.score()
        ? (x.score() > y.score() ? -1 : 1) : x.contactId().compareTo(y.contactId()));
    return m;
  }

  private static double[] sortedScores(Member[] sorted) {
    double[] s = new double[sorted.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = sorted[i].score();
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attributes(Map<String, ?> attributes) {
    return attributes == null ? Map.of() : (Map<String, Object>) attributes;
  }

  /**
   * The engagement of members whose scores are {@code sorted[0..n)}, highest first (SPEC
   * section 12): sums run from the highest score down. The one implementation of combine.
   */
  static double engagement(Combine combine, double[] sorted, int n) {
    if (n == 0) {
      return 0;
    }
    return switch (combine.type()) {
      case MAX -> sorted[0];
      case SUM -> sum(sorted, n);
      case MEAN -> sum(sorted, n) / n;
      case TOP_MEAN -> {
        int m = Math.min(combine.k(), n);
        yield sum(sorted, m) / m;
      }
    };
  }

  private static double sum(double[] sorted, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += sorted[i];
    }
    return s;
  }

  /** A member's weight in the combination, by its rank {@code 0 <= rank < n}. */
  static double weight(Combine combine, int rank, int n) {
    return switch (combine.type()) {
      case MAX -> rank == 0 ? 1 : 0;
      case SUM -> 1;
      case MEAN -> 1.0 / n;
      case TOP_MEAN -> rank < Math.min(combine.k(), n) ? 1.0 / Math.min(combine.k(), n) : 0;
    };
  }

  /**
   * The explanation of an account whose members (ids and scores, highest first) and score
   * are known: the one place that lays out an account's entries.
   */
  AccountExplanation explanation(String accountId, Map<String, Object> attributes,
      String[] memberIds, double[] memberScores, double score, double raw, String tier,
      Instant asOf) {
    List<AccountExplanation.Entry> entries = new ArrayList<>();
    for (Explanation.Entry e : fit(attributes, asOf).entries()) {
      AccountExplanation.Kind kind = switch (e.kind()) {
        case DEMOGRAPHIC -> AccountExplanation.Kind.DEMOGRAPHIC;
        case NEGATIVE -> AccountExplanation.Kind.NEGATIVE;
        default -> AccountExplanation.Kind.CAP;
      };
      entries.add(new AccountExplanation.Entry(kind, e.id(), e.points()));
    }
    int n = memberIds.length;
    for (int r = 0; r < n; r++) {
      double w = weight(combine, r, n);
      entries.add(new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, memberIds[r],
          w == 0 ? 0 : memberScores[r] * w));
    }
    if (score != raw) {
      entries.add(new AccountExplanation.Entry(AccountExplanation.Kind.CLAMP, "scale",
          score - raw));
    }
    return new AccountExplanation(accountId, score, tier, entries);
  }

  /**
   * The account's fit from its attributes: {@code min(sum of demographic, cap) + sum of
   * negative}, and its explanation entries (rules that matched, the cap when it cut).
   */
  double fitValue(Map<String, Object> attributes) {
    return fitKernel == null ? 0 : fitValue(attributes, fitScratch.get());
  }

  /**
   * {@link #fitValue(Map)} with the caller's working memory ({@link #newFitScratch()}): the
   * account rules' conditions, compiled once into the rules' kernel, are matched against the
   * map, and the two sums are the kernel's own ({@link Kernel#beginContactMemo}), so the fit
   * has the bits the table path gives, with no {@code Contact} per account.
   *
   * @param attributes the account's attributes in their stored form (as a {@code Contact}
   *                   keeps them: {@code Long}, {@code Double}, {@code String},
   *                   {@code Boolean})
   * @param s          working memory of this rules' kernel, or null when there are no rules
   */
  double fitValue(Map<String, Object> attributes, Kernel.Scratch s) {
    if (fitKernel == null) {
      return 0;
    }
    fitKernel.matchAttributes(attributes, s.matched);
    fitKernel.beginContactMemo(s);
    return Math.min(s.demographicSum, fitKernel.demographicCap) + s.negativeAttributeSum;
  }

  /** Working memory for {@link #fitValue(Map, Kernel.Scratch)}, or null without rules. */
  Kernel.Scratch newFitScratch() {
    return fitKernel == null ? null : fitKernel.newScratch();
  }

  /** {@link #fitValue} with the explanation entries. */
  Fit fit(Map<String, Object> attributes, Instant asOf) {
    return fitTable == null ? Fit.NONE : fitOf(attributes, asOf);
  }

  private Fit fitOf(Map<String, Object> attributes, Instant asOf) {
    Contact c = Contact.builder("account").attributes(attributes).build();
    Explanation e = fitTable.explain(c, asOf);
    List<Explanation.Entry> entries = new ArrayList<>();
    for (Explanation.Entry entry : e.entries()) {
      if (entry.kind() != Explanation.Kind.CLAMP) {
        entries.add(entry);
      }
    }
    return new Fit(e.score().fit(), List.copyOf(entries));
  }

  /** An account's fit and the entries that make it. */
  record Fit(double fit, List<Explanation.Entry> entries) {
    static final Fit NONE = new Fit(0, List.of());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountRules a && key.equals(a.key) && combine.equals(a.combine)
        && demographicCap.equals(a.demographicCap) && demographic.equals(a.demographic)
        && negative.equals(a.negative) && scale.equals(a.scale) && tiers.equals(a.tiers)
        && baseTier.equals(a.baseTier);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, combine, demographicCap, demographic, negative, scale, tiers,
        baseTier);
  }

  @Override
  public String toString() {
    return "AccountRules{key " + key + ", " + combine.type().jsonName()
        + (combine.type() == CombineType.TOP_MEAN ? " " + combine.k() : "") + ", "
        + demographic.size() + " demographic, " + negative.size() + " negative rules, tiers "
        + tiers + "}";
  }

  /**
   * A builder of {@link AccountRules}; each setter validates at once, naming the path under
   * {@code account}. Not thread-safe.
   */
  public static final class Builder {
    private String key = DEFAULT_KEY;
    private Combine combine;
    private OptionalDouble demographicCap = OptionalDouble.empty();
    private final ScoringTable.Builder fit = ScoringTable.builder("account");
    private int rules;

    private Builder(Combine combine) {
      this.combine = combine;
    }

    /**
     * Sets the attribute naming a contact's account.
     *
     * @param key non-blank, default {@code account_id}
     * @return this builder
     * @throws ModelException if the key is blank
     */
    public Builder key(String key) {
      if (key == null || key.isBlank()) {
        throw new ModelException("account.key", "account.key must be a non-blank string, but"
            + " was " + Values.describe(key));
      }
      this.key = key;
      return this;
    }

    /**
     * Sets how members' scores combine.
     *
     * @param combine the combination
     * @return this builder
     * @throws NullPointerException if {@code combine} is null
     */
    public Builder combine(Combine combine) {
      this.combine = Objects.requireNonNull(combine, "combine");
      return this;
    }

    /**
     * Caps the sum of the account demographic rules.
     *
     * @param cap positive and finite
     * @return this builder
     * @throws ModelException if the cap is not positive and finite
     */
    public Builder demographicCap(double cap) {
      prefixed(() -> fit.demographicCap(cap));
      this.demographicCap = OptionalDouble.of(cap);
      return this;
    }

    /**
     * Adds an account demographic rule.
     *
     * @param id     unique among the account rules, non-blank
     * @param when   conditions on the account's attributes
     * @param points non-zero, {@code |points| <= 1e9}
     * @return this builder
     * @throws ModelException if the id is blank or taken, or the points are out of range
     */
    public Builder demographic(String id, Criteria when, double points) {
      prefixed(() -> fit.demographic(id, when, points));
      rules++;
      return this;
    }

    /**
     * Adds an account negative rule (an attribute rule).
     *
     * @param id     unique among the account rules, non-blank
     * @param when   conditions on the account's attributes
     * @param points negative, {@code |points| <= 1e9}
     * @return this builder
     * @throws ModelException if the id is blank or taken, or the points are out of range
     */
    public Builder negative(String id, Criteria when, double points) {
      prefixed(() -> fit.negative(id, when, points));
      rules++;
      return this;
    }

    /**
     * Sets the scale account scores are clamped to (default 0..100).
     *
     * @param min finite
     * @param max finite and greater than {@code min}
     * @return this builder
     * @throws ModelException if the bounds are not finite or {@code max <= min}
     */
    public Builder scale(double min, double max) {
      prefixed(() -> fit.scale(min, max));
      return this;
    }

    /**
     * Adds an account tier above the previous ones.
     *
     * @param name    distinct, non-blank
     * @param atLeast finite, above the previous tier's
     * @return this builder
     * @throws ModelException if the name or threshold is refused
     */
    public Builder tier(String name, double atLeast) {
      prefixed(() -> fit.tier(name, atLeast));
      return this;
    }

    /**
     * Sets the tier of accounts below every tier.
     *
     * @param name non-blank, default {@code unqualified}
     * @return this builder
     * @throws ModelException if the name is blank
     */
    public Builder baseTier(String name) {
      prefixed(() -> fit.baseTier(name));
      return this;
    }

    /**
     * Builds the block.
     *
     * @return the account rules
     * @throws ModelException if a tier lies outside the scale, the base tier is named like a
     *     tier, or a rule can never match
     */
    public AccountRules build() {
      if (rules == 0) {
        // No rules: check the tiers against the scale with a rule no account can match,
        // never applied (the block keeps no table then).
        fit.demographic(PROBE, Condition.attribute(PROBE).present(), 1);
        try {
          return new AccountRules(this, prefixed(fit::build));
        } finally {
          fit.removeRule(PROBE);
        }
      }
      return new AccountRules(this, prefixed(fit::build));
    }

    private static <T> T prefixed(java.util.function.Supplier<T> call) {
      try {
        return call.get();
      } catch (ModelException e) {
        String path = e.path();
        String m = String.valueOf(e.getMessage());
        String full = path.isEmpty() ? "account" : "account." + path;
        String text = !path.isEmpty() && m.startsWith(path) ? full + m.substring(path.length())
            : m.startsWith("model ") ? "account" + m.substring("model".length())
            : full + ": " + m;
        throw new ModelException(full, text, e);
      }
    }
  }
}
