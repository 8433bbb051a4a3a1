package dev.scoring.core.json;

/**
 * Safety limits for reading JSON: a hostile or broken model file or contact line can
 * neither exhaust memory nor the stack.
 *
 * <table>
 *   <caption>Limits and their defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>applies to</th></tr>
 *   <tr><td>{@link #maxDocumentLength()}</td><td>4,194,304 (4 MiB)</td>
 *       <td>a model file (characters, or bytes when read from a stream or file); one
 *       NDJSON line or one contact document (UTF-8 bytes)</td></tr>
 *   <tr><td>{@link #maxNestingDepth()}</td><td>32</td><td>nested arrays and objects (a
 *       model needs 6, a contact 3)</td></tr>
 *   <tr><td>{@link #maxStringLength()}</td><td>100,000</td><td>every string value and
 *       field name, in characters</td></tr>
 *   <tr><td>{@link #maxRules()}</td><td>10,000</td><td>rules of a model, the demographic,
 *       behavioral and negative sections together</td></tr>
 *   <tr><td>{@link #maxTiers()}</td><td>1,000</td><td>tiers of a model</td></tr>
 *   <tr><td>{@link #maxDecaySteps()}</td><td>1,000</td><td>steps of a step decay</td></tr>
 *   <tr><td>{@link #maxConditionsPerRule()}</td><td>100</td><td>conditions of one rule, the
 *       first and those in {@code and} together</td></tr>
 *   <tr><td>{@link #maxMessageLength()}</td><td>1,000</td><td>the message of a
 *       {@link dev.scoring.api.ModelException} from reading a model, in characters (longer
 *       ones are cut and end in {@code ...}; values quoted in messages are cut at 60
 *       characters whatever this limit)</td></tr>
 * </table>
 *
 * <p>Numbers are limited to Jackson's default of 1,000 characters. The string, nesting and
 * document limits are enforced while reading (through Jackson's
 * {@code StreamReadConstraints}), so an oversized value is refused before it is held in
 * memory. A model file is held as a JSON tree while it is replayed onto the builder, which
 * takes at most a few tens of bytes of heap per byte of file (a list of small numbers is the
 * worst case), so the document limit also bounds that memory; a contact line is read
 * without a tree.
 *
 * <pre>{@code
 * JsonLimits strict = JsonLimits.builder().maxDocumentLength(64 * 1024).maxRules(200).build();
 * ScoringTable model = ModelJson.read(Path.of("b2b-leads.json"), strict);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JsonLimits {
  private static final JsonLimits DEFAULTS = new Builder().build();

  private final long maxDocumentLength;
  private final int maxNestingDepth;
  private final int maxStringLength;
  private final int maxRules;
  // ---- model files only
  private final int maxTiers;
  private final int maxDecaySteps;
  private final int maxConditionsPerRule;
  private final int maxMessageLength;

  private JsonLimits(Builder b) {
    this.maxDocumentLength = b.maxDocumentLength;
    this.maxNestingDepth = b.maxNestingDepth;
    this.maxStringLength = b.maxStringLength;
    this.maxRules = b.maxRules;
    this.maxTiers = b.maxTiers;
    this.maxDecaySteps = b.maxDecaySteps;
    this.maxConditionsPerRule = b.maxConditionsPerRule;
    this.maxMessageLength = b.maxMessageLength;
  }

  /**
   * Returns the default limits (see the class documentation).
   *
   * @return the default limits (see the class documentation)
   */
  public static JsonLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder starting from the default limits.
   *
   * @return a builder starting from the default limits
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder starting from these limits.
   *
   * @return a builder starting from these limits
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxDocumentLength = maxDocumentLength;
    b.maxNestingDepth = maxNestingDepth;
    b.maxStringLength = maxStringLength;
    b.maxRules = maxRules;
    b.maxTiers = maxTiers;
    b.maxDecaySteps = maxDecaySteps;
    b.maxConditionsPerRule = maxConditionsPerRule;
    b.maxMessageLength = maxMessageLength;
    return b;
  }

  /**
   * Returns the longest model file (in characters, or bytes when read from a stream or a
   * file) and the longest contact document or NDJSON line (in UTF-8 bytes).
   *
   * @return the longest document
   */
  public long maxDocumentLength() {
    return maxDocumentLength;
  }

  /**
   * Returns the deepest nesting of arrays and objects.
   *
   * @return the deepest nesting of arrays and objects
   */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /**
   * Returns the longest string value or field name, in characters.
   *
   * @return the longest string value or field name, in characters
   */
  public int maxStringLength() {
    return maxStringLength;
  }

  /**
   * Returns the largest number of rules in a model, all sections together.
   *
   * @return the largest number of rules in a model, all sections together
   */
  public int maxRules() {
    return maxRules;
  }

  /**
   * Returns the largest number of tiers in a model.
   *
   * @return the largest number of tiers in a model
   */
  public int maxTiers() {
    return maxTiers;
  }

  /**
   * Returns the largest number of steps of a step decay in a model.
   *
   * @return the largest number of steps of a step decay in a model
   */
  public int maxDecaySteps() {
    return maxDecaySteps;
  }

  /**
   * Returns the largest number of conditions of one rule (the first and its {@code and}).
   *
   * @return the largest number of conditions of one rule (the first and its {@code and})
   */
  public int maxConditionsPerRule() {
    return maxConditionsPerRule;
  }

  /**
   * Returns the longest message of an error from reading a model, in characters.
   *
   * @return the longest message of an error from reading a model, in characters
   */
  public int maxMessageLength() {
    return maxMessageLength;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonLimits l
        && maxDocumentLength == l.maxDocumentLength
        && maxNestingDepth == l.maxNestingDepth
        && maxStringLength == l.maxStringLength
        && maxRules == l.maxRules
        && maxTiers == l.maxTiers
        && maxDecaySteps == l.maxDecaySteps
        && maxConditionsPerRule == l.maxConditionsPerRule
        && maxMessageLength == l.maxMessageLength;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(maxDocumentLength, maxNestingDepth, maxStringLength, maxRules,
        maxTiers, maxDecaySteps, maxConditionsPerRule, maxMessageLength);
  }

  @Override
  public String toString() {
    return "JsonLimits{maxDocumentLength=" + maxDocumentLength + ", maxNestingDepth="
        + maxNestingDepth + ", maxStringLength=" + maxStringLength + ", maxRules=" + maxRules
        + ", maxTiers=" + maxTiers + ", maxDecaySteps=" + maxDecaySteps
        + ", maxConditionsPerRule=" + maxConditionsPerRule + ", maxMessageLength="
        + maxMessageLength + "}";
  }

  /** A mutable builder of {@link JsonLimits}; not thread-safe, reusable. */
  public static final class Builder {
    private long maxDocumentLength = 4L * 1024 * 1024;
    private int maxNestingDepth = 32;
    private int maxStringLength = 100_000;
    private int maxRules = 10_000;
    private int maxTiers = 1_000;
    private int maxDecaySteps = 1_000;
    private int maxConditionsPerRule = 100;
    private int maxMessageLength = 1_000;

    private Builder() {}

    /**
     * Sets the longest document (default 4,194,304).
     *
     * @param length at least 2
     * @return this builder
     * @throws IllegalArgumentException if {@code length < 2}
     */
    public Builder maxDocumentLength(long length) {
      if (length < 2) {
        throw new IllegalArgumentException(
            "maxDocumentLength must be at least 2, but was " + length);
      }
      this.maxDocumentLength = length;
      return this;
    }

    /**
     * Sets the deepest nesting of arrays and objects (default 32).
     *
     * @param depth at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code depth < 1}
     */
    public Builder maxNestingDepth(int depth) {
      if (depth < 1) {
        throw new IllegalArgumentException("maxNestingDepth must be at least 1, but was " + depth);
      }
      this.maxNestingDepth = depth;
      return this;
    }

    /**
     * Sets the longest string value or field name (default 100,000).
     *
     * @param length at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code length < 1}
     */
    public Builder maxStringLength(int length) {
      if (length < 1) {
        throw new IllegalArgumentException("maxStringLength must be at least 1, but was " + length);
      }
      this.maxStringLength = length;
      return this;
    }

    /**
     * Sets the largest number of rules in a model (default 10,000).
     *
     * @param count at least 0
     * @return this builder
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public Builder maxRules(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("maxRules must be at least 0, but was " + count);
      }
      this.maxRules = count;
      return this;
    }

    /**
     * Sets the largest number of tiers in a model (default 1,000).
     *
     * @param count at least 0
     * @return this builder
     * @throws IllegalArgumentException if {@code count < 0}
     */
    public Builder maxTiers(int count) {
      this.maxTiers = atLeast("maxTiers", count, 0);
      return this;
    }

    /**
     * Sets the largest number of steps of a step decay (default 1,000).
     *
     * @param count at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public Builder maxDecaySteps(int count) {
      this.maxDecaySteps = atLeast("maxDecaySteps", count, 1);
      return this;
    }

    /**
     * Sets the largest number of conditions of one rule, the first and those in {@code and}
     * together (default 100).
     *
     * @param count at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public Builder maxConditionsPerRule(int count) {
      this.maxConditionsPerRule = atLeast("maxConditionsPerRule", count, 1);
      return this;
    }

    /**
     * Sets the longest message of an error from reading a model, in characters (default
     * 1,000); longer messages are cut and end in {@code ...}.
     *
     * @param length at least 80
     * @return this builder
     * @throws IllegalArgumentException if {@code length < 80}
     */
    public Builder maxMessageLength(int length) {
      this.maxMessageLength = atLeast("maxMessageLength", length, 80);
      return this;
    }

    private static int atLeast(String name, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(
            name + " must be at least " + min + ", but was " + value);
      }
      return value;
    }

    /**
     * Returns the limits; the builder can be used again.
     *
     * @return the limits; the builder can be used again
     */
    public JsonLimits build() {
      return new JsonLimits(this);
    }
  }
}
