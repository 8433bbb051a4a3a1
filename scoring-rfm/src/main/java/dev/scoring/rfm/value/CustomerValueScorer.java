package dev.scoring.rfm.value;

import dev.scoring.api.Contact;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Turns customer summaries into churn and value predictions with a fitted {@link BgNbdModel}
 * and, optionally, a {@link GammaGammaModel}: per customer, the probability alive, the churn
 * probability, the expected purchases over a horizon, the expected value per purchase and the
 * customer lifetime value (CLV) over that horizon; as a {@link CustomerValue}, or as contact
 * attributes for a scoring table.
 *
 * <h2>CLV convention</h2>
 *
 * The horizon H (in the models' time unit) is cut into {@code steps} equal periods of length
 * &Delta; = H / steps. The purchases expected in period i are E[Y(i&Delta;)] -
 * E[Y((i-1)&Delta;)] (BG/NBD, conditional on the customer's history); each is worth the
 * Gamma-Gamma expected value per purchase E[M]; the period's value is discounted at the end of
 * the period with the rate d per period:
 *
 * <pre>
 * CLV = E[M] &times; sum over i = 1..steps of (E[Y(i&Delta;)] - E[Y((i-1)&Delta;)]) / (1 + d)^i
 * </pre>
 *
 * It is the expected discounted spend over the horizon only (no residual value after it, no
 * margin: multiply by a margin yourself for profit), and counts future purchases only (none at
 * time 0). With d = 0 it is E[M] &times; E[Y(H)]. This is the convention of lifetimes'
 * {@code customer_lifetime_value}: its {@code time=12, discount_rate=0.01} with its default
 * {@code freq="D"} on weekly data is {@code horizon(360).steps(12).discountRate(0.01)} here.
 *
 * <h2>Attributes</h2>
 *
 * {@link #attributes(CustomerSummary)} gives, in this order: {@value #P_ALIVE}, {@value
 * #CHURN_PROBABILITY}, {@code expected_purchases_<h>} (h the horizon, e.g. {@code
 * expected_purchases_52} or {@code expected_purchases_4_345}) and, with a spend model, {@value
 * #EXPECTED_VALUE} and {@value #CLV}; all {@link Double}. Put them on a {@link Contact} with
 * {@link #enrich(Contact, CustomerSummary)} and score them with attribute rules, or show them
 * beside RFM segments.
 *
 * <pre>{@code
 * CustomerValueScorer scorer = CustomerValueScorer.builder(purchases)
 *     .spendModel(spend)
 *     .horizon(52).steps(12).discountRate(0.01)
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CustomerValueScorer {
  /** Attribute name of the probability alive. */
  public static final String P_ALIVE = "p_alive";
  /** Attribute name of the churn probability, 1 - P(alive). */
  public static final String CHURN_PROBABILITY = "churn_probability";
  /** Attribute name prefix of the expected purchases over the horizon. */
  public static final String EXPECTED_PURCHASES_PREFIX = "expected_purchases_";
  /** Attribute name of the expected value per purchase. */
  public static final String EXPECTED_VALUE = "expected_value";
  /** Attribute name of the customer lifetime value over the horizon. */
  public static final String CLV = "clv";

  private final BgNbdModel purchases;
  private final GammaGammaModel spend;
  private final double horizon;
  private final int steps;
  private final double discountRate;
  private final String purchasesAttribute;

  private CustomerValueScorer(Builder b) {
    this.purchases = b.purchases;
    this.spend = b.spend;
    this.horizon = b.horizon;
    this.steps = b.steps;
    this.discountRate = b.discountRate;
    this.purchasesAttribute = EXPECTED_PURCHASES_PREFIX + BigDecimal.valueOf(horizon)
        .stripTrailingZeros().toPlainString().replace('.', '_');
  }

  /**
   * Starts a scorer on a purchase model.
   *
   * @param purchases the fitted (or known) BG/NBD model
   * @return a new builder
   * @throws NullPointerException if {@code purchases} is null
   */
  public static Builder builder(BgNbdModel purchases) {
    return new Builder(Objects.requireNonNull(purchases, "purchases"));
  }

  /**
   * Returns the purchase model.
   *
   * @return the purchase model
   */
  public BgNbdModel purchaseModel() {
    return purchases;
  }

  /**
   * Returns the horizon, in the models' time unit.
   *
   * @return the horizon, in the models' time unit
   */
  public double horizon() {
    return horizon;
  }

  /**
   * Returns the name of the expected-purchases attribute, e.g. {@code expected_purchases_52}.
   *
   * @return the name of the expected-purchases attribute, e.g. {@code expected_purchases_52}
   */
  public String expectedPurchasesAttribute() {
    return purchasesAttribute;
  }

  /**
   * Predicts one customer.
   *
   * @param customer the summary
   * @return the prediction
   * @throws ArithmeticException as {@link BgNbdModel#expectedPurchases(CustomerSummary, double)}
   *     and {@link GammaGammaModel#expectedAverageValue(CustomerSummary)} do
   */
  public CustomerValue value(CustomerSummary customer) {
    double alive = purchases.probabilityAlive(customer);
    double expected = purchases.expectedPurchases(customer, horizon);
    if (spend == null) {
      return new CustomerValue(customer.customerId(), alive, expected, OptionalDouble.empty(),
          OptionalDouble.empty());
    }
    double value = spend.expectedAverageValue(customer);
    return new CustomerValue(customer.customerId(), alive, expected, OptionalDouble.of(value),
        OptionalDouble.of(value * discountedPurchases(customer)));
  }

  /**
   * Predicts customers, in input order.
   *
   * @param customers the summaries
   * @return the predictions, one per customer, unmodifiable
   */
  public List<CustomerValue> values(Collection<CustomerSummary> customers) {
    List<CustomerValue> out = new ArrayList<>(customers.size());
    for (CustomerSummary c : customers) {
      out.add(value(c));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the customer lifetime value over the horizon, by the convention in the class
   * documentation.
   *
   * @param customer the summary
   * @return the CLV, at least 0 for a non-negative expected value per purchase
   * @throws IllegalStateException if the scorer has no spend model
   */
  public double clv(CustomerSummary customer) {
    if (spend == null) {
      throw new IllegalStateException(
          "spendModel must be set for a CLV, but was not set on this scorer");
    }
    return spend.expectedAverageValue(customer) * discountedPurchases(customer);
  }

  /**
   * Returns the customer's predictions as contact attributes (see the class documentation),
   * an unmodifiable map in a fixed order.
   *
   * @param customer the summary
   * @return attribute names to {@link Double} values
   */
  public Map<String, Object> attributes(CustomerSummary customer) {
    CustomerValue v = value(customer);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(P_ALIVE, v.probabilityAlive());
    out.put(CHURN_PROBABILITY, v.churnProbability());
    out.put(purchasesAttribute, v.expectedPurchases());
    if (spend != null) {
      out.put(EXPECTED_VALUE, v.expectedAverageValue().getAsDouble());
      out.put(CLV, v.clv().getAsDouble());
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns a copy of the contact with the customer's {@link #attributes} set (replacing
   * attributes of the same names).
   *
   * @param contact  the contact
   * @param customer the same customer's summary
   * @return the enriched contact
   * @throws IllegalArgumentException if the summary's customer id is not the contact's id
   */
  public Contact enrich(Contact contact, CustomerSummary customer) {
    if (!contact.id().equals(customer.customerId())) {
      throw new IllegalArgumentException("customer summary id must equal the contact id '"
          + contact.id() + "', but was '" + customer.customerId() + "'");
    }
    return contact.toBuilder().attributes(attributes(customer)).build();
  }

  private double discountedPurchases(CustomerSummary customer) {
    double delta = horizon / steps;
    double previous = 0;
    double total = 0;
    for (int i = 1; i <= steps; i++) {
      double cumulative = i == steps ? purchases.expectedPurchases(customer, horizon)
          : purchases.expectedPurchases(customer, i * delta);
      total += Math.max(0, cumulative - previous) / Math.pow(1 + discountRate, i);
      previous = cumulative;
    }
    return total;
  }

  /**
   * A mutable builder of {@link CustomerValueScorer}s. Not thread-safe; {@link #build()} may be
   * called more than once.
   */
  public static final class Builder {
    private final BgNbdModel purchases;
    private GammaGammaModel spend;
    private double horizon = Double.NaN;
    private int steps = 1;
    private double discountRate;

    private Builder(BgNbdModel purchases) {
      this.purchases = purchases;
    }

    /**
     * Sets the spend model, needed for the expected value and the CLV (default: none).
     *
     * @param spend the Gamma-Gamma model
     * @return this builder
     * @throws NullPointerException if {@code spend} is null
     */
    public Builder spendModel(GammaGammaModel spend) {
      this.spend = Objects.requireNonNull(spend, "spend");
      return this;
    }

    /**
     * Sets the horizon of the expected purchases and the CLV, in the models' time unit (e.g.
     * 52 for a year with weekly summaries). Required.
     *
     * @param horizon finite and &gt; 0
     * @return this builder
     * @throws IllegalArgumentException if {@code horizon} is not finite and positive
     */
    public Builder horizon(double horizon) {
      Checks.positive("horizon", horizon);
      this.horizon = horizon;
      return this;
    }

    /**
     * Sets the number of discounting periods the horizon is cut into (default 1).
     *
     * @param steps at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code steps} is below 1
     */
    public Builder steps(int steps) {
      if (steps < 1) {
        throw new IllegalArgumentException("steps must be at least 1, but was " + steps);
      }
      this.steps = steps;
      return this;
    }

    /**
     * Sets the discount rate per period (default 0: no discounting), e.g. 0.01 for 1% a
     * month with monthly steps.
     *
     * @param discountRate finite and &ge; 0
     * @return this builder
     * @throws IllegalArgumentException if {@code discountRate} is negative or not finite
     */
    public Builder discountRate(double discountRate) {
      if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
        throw new IllegalArgumentException(
            "discountRate must be finite and at least 0, but was " + discountRate);
      }
      this.discountRate = discountRate;
      return this;
    }

    /**
     * Builds the scorer.
     *
     * @return the scorer
     * @throws IllegalStateException if no horizon was set
     */
    public CustomerValueScorer build() {
      if (Double.isNaN(horizon)) {
        throw new IllegalStateException("horizon must be set before build(), but was not set");
      }
      return new CustomerValueScorer(this);
    }
  }
}
