package dev.scoring.core;

import dev.scoring.api.Contact;
import dev.scoring.api.internal.Attributes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Scores one contact at a time from primitive arrays, through the same compiled kernel as
 * {@link ScoringTable#score(Contact, Instant)} and {@link BatchScorer}: for engines that hold
 * contacts in their own columnar form (the Spark adapter of {@code scoring-spark}) and must
 * not build a {@link Contact} and an event object per row.
 *
 * <pre>{@code
 * ArrayScorer s = ArrayScorer.of(model);
 * int pricing = s.typeId("pricing_page_visit");            // once per distinct type
 * s.beginContact();
 * s.attribute(s.attributeNames().indexOf("sector"), "tech");  // the attributes it has
 * s.score(types, seconds, nanos, values, count, asOf);        // its events, any order
 * double score = s.score();
 * }</pre>
 *
 * <p>A contact is given as its matched attributes ({@link #attribute(int, Object)}, once per
 * attribute of {@link #attributeNames()} it has; the others are absent) and its events as
 * parallel arrays: kernel type ids from {@link #typeId(String)} ({@code -1} for types no rule
 * scores), instants as epoch second and nanosecond, and values ({@code NaN} for none). The
 * events may come in any order: the scorer orders them by age, which gives the same bits as
 * the chronological order of {@link Contact#events()} (events of equal age add equal decay
 * factors). Ages are {@code floor((asOf - at) / 86 400 s)} by the kernel's own arithmetic;
 * future events are ignored. The per-contact work allocates nothing once the working arrays
 * have grown to the largest contact.
 *
 * <p>Not thread-safe: an instance holds working memory; use one per thread (it is cheap to
 * create from a model whose kernel is compiled once).
 */
public final class ArrayScorer {
  /** Ages are ordered through keys that hold them in 31 bits; larger ones are clamped. */
  private static final long AGE_LIMIT = (1L << 30) - 1;

  private final ScoringTable model;
  private final Kernel kernel;
  private final Kernel.Scratch scratch;
  /** The matched-condition bits of a contact without attributes. */
  private final long[] absentMask;
  private long[] keys = new long[16];
  private int[] orderedTypes = new int[16];
  private long[] orderedAges = new long[16];
  private double[] orderedValues = new double[16];

  private ArrayScorer(ScoringTable model) {
    this.model = model;
    this.kernel = model.kernel();
    this.scratch = kernel.newScratch();
    this.absentMask = new long[kernel.words];
    for (int a = 0; a < kernel.attributeNames.length; a++) {
      kernel.matchValue(a, null, absentMask, 0);
    }
  }

  /**
   * Returns a scorer for a model.
   *
   * @param model the scoring table
   * @return a new scorer, for one thread
   * @throws NullPointerException if {@code model} is null
   */
  public static ArrayScorer of(ScoringTable model) {
    return new ArrayScorer(Objects.requireNonNull(model, "model"));
  }

  /**
   * Returns the model this scorer applies.
   *
   * @return the model
   */
  public ScoringTable model() {
    return model;
  }

  /**
   * Returns the names of the attributes the model's conditions read; an attribute's index
   * in this list is what {@link #attribute(int, Object)} takes.
   *
   * @return the names, unmodifiable
   */
  public List<String> attributeNames() {
    return List.of(kernel.attributeNames);
  }

  /**
   * Returns the kernel's id of an event type.
   *
   * @param type an event type
   * @return its id, or {@code -1} when no rule scores the type
   */
  public int typeId(String type) {
    return kernel.typeId(type);
  }

  /**
   * Returns the name of a tier index as {@link #tier()} gives it.
   *
   * @param tier 0 for the base tier, {@code i + 1} for the model's tier {@code i}
   * @return the tier name
   * @throws IndexOutOfBoundsException if {@code tier} is out of range
   */
  public String tierName(int tier) {
    return kernel.tierNames[tier];
  }

  /** Starts a contact: every attribute absent until {@link #attribute(int, Object)}. */
  public void beginContact() {
    System.arraycopy(absentMask, 0, scratch.matched, 0, absentMask.length);
  }

  /**
   * Sets an attribute of the current contact. Call it at most once per attribute between
   * {@link #beginContact()} and {@link #score(int[], long[], int[], double[], int, Instant)}.
   *
   * @param index the attribute's index in {@link #attributeNames()}
   * @param value a {@link String}, a {@link Boolean}, a number (stored as
   *              {@link Contact.Builder#attribute(String, Object)} stores it: whole numbers
   *              as {@link Long}, others as {@link Double}), or null for absent
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   * @throws IllegalArgumentException if the value is a non-finite number or of another type,
   *     as {@link Contact.Builder#attribute(String, Object)} refuses it
   */
  public void attribute(int index, Object value) {
    Objects.checkIndex(index, kernel.attributeNames.length);
    value = Attributes.normalize(kernel.attributeNames[index], value);
    if (value == null) {
      return;
    }
    // Clear what "absent" set for this attribute, then set what the value matches.
    long[] matched = scratch.matched;
    int[] ids = kernel.conditionIdsByAttribute[index];
    for (int id : ids) {
      matched[id >>> 6] &= ~(1L << id);
    }
    kernel.matchValue(index, value, matched, 0);
  }

  /**
   * Scores the current contact with its events; read the results with {@link #score()},
   * {@link #raw()}, {@link #fit()}, {@link #engagement()} and {@link #tier()}.
   *
   * @param types   kernel type ids ({@link #typeId(String)}), {@code -1} for unscored types
   * @param seconds epoch seconds of the events' instants
   * @param nanos   nanoseconds of the events' instants, 0..999,999,999
   * @param values  the events' values, {@code NaN} for none
   * @param count   the number of events, read from index 0
   * @param asOf    the instant to score as of
   */
  public void score(int[] types, long[] seconds, int[] nanos, double[] values, int count,
      Instant asOf) {
    ensure(count);
    long asOfSecond = asOf.getEpochSecond();
    int asOfNano = asOf.getNano();
    long[] ages = orderedAges;
    // Chronological order is non-increasing age; keep the input when it is already so.
    boolean ordered = true;
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      long age = Kernel.ageDays(asOfSecond, asOfNano, seconds[i], nanos[i]);
      ages[i] = age;
      ordered &= age <= previous;
      previous = age;
    }
    if (ordered) {
      kernel.evaluate(types, ages, values, 0, count, scratch);
      return;
    }
    long[] k = keys;
    for (int i = 0; i < count; i++) {
      long age = Math.max(-AGE_LIMIT, Math.min(AGE_LIMIT, ages[i]));
      k[i] = ((AGE_LIMIT - age) << 32) | i;
    }
    Arrays.sort(k, 0, count);
    // The keys array takes the ages in order: key j is read before slot j is written.
    long[] sortedAges = k;
    int[] t = orderedTypes;
    double[] v = orderedValues;
    for (int j = 0; j < count; j++) {
      int i = (int) k[j];
      t[j] = types[i];
      v[j] = values[i];
      sortedAges[j] = ages[i];
    }
    kernel.evaluate(t, sortedAges, v, 0, count, scratch);
  }

  private void ensure(int count) {
    if (keys.length < count) {
      int size = Math.max(count, keys.length * 2);
      keys = new long[size];
      orderedTypes = new int[size];
      orderedAges = new long[size];
      orderedValues = new double[size];
    }
  }

  /**
   * Returns the last contact's score (section 6: {@code raw} clamped to the scale).
   *
   * @return the score
   */
  public double score() {
    return scratch.score;
  }

  /**
   * Returns the last contact's raw score, before the clamp.
   *
   * @return fit plus engagement
   */
  public double raw() {
    return scratch.raw;
  }

  /**
   * Returns the last contact's fit.
   *
   * @return the fit
   */
  public double fit() {
    return scratch.fit;
  }

  /**
   * Returns the last contact's engagement.
   *
   * @return the engagement
   */
  public double engagement() {
    return scratch.engagement;
  }

  /**
   * Returns the last contact's tier index (see {@link #tierName(int)}).
   *
   * @return 0 for the base tier, {@code i + 1} for the model's tier {@code i}
   */
  public int tier() {
    return scratch.tier;
  }
}
