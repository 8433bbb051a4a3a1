package dev.scoring.rfm.value;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ValueProperties {
  private static final BgNbdModel PURCHASES = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);

  @Property
  void expectedSpendLiesBetweenThePopulationMeanAndTheCustomersOwnMean(
      @ForAll @DoubleRange(min = 0.1, max = 20) double p,
      @ForAll @DoubleRange(min = 1.01, max = 20) double q,
      @ForAll @DoubleRange(min = 0.1, max = 100) double v,
      @ForAll @IntRange(min = 1, max = 1000) int x,
      @ForAll @DoubleRange(min = 0.01, max = 1000) double meanValue) {
    GammaGammaModel model = GammaGammaModel.of(p, q, v);
    double expected = model.expectedAverageValue(x, meanValue);
    double lo = Math.min(model.populationMeanValue(), meanValue);
    double hi = Math.max(model.populationMeanValue(), meanValue);
    assertTrue(expected >= lo * (1 - 1e-12) && expected <= hi * (1 + 1e-12),
        () -> "" + expected);
  }

  @Property
  void clvIsNonNegativeAndDiscountingNeverRaisesIt(
      @ForAll @IntRange(max = 40) int x, @ForAll @DoubleRange(max = 1) double share,
      @ForAll @DoubleRange(min = 0.1, max = 60) double age,
      @ForAll @DoubleRange(min = 1, max = 500) double meanValue,
      @ForAll @DoubleRange(min = 1, max = 200) double horizon,
      @ForAll @IntRange(min = 1, max = 24) int steps,
      @ForAll @DoubleRange(max = 0.5) double rate) {
    CustomerSummary c = new CustomerSummary("c", x, x == 0 ? 0 : share * age, age,
        x == 0 ? 0 : meanValue);
    GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
    double discounted = CustomerValueScorer.builder(PURCHASES).spendModel(spend)
        .horizon(horizon).steps(steps).discountRate(rate).build().clv(c);
    double plain = CustomerValueScorer.builder(PURCHASES).spendModel(spend)
        .horizon(horizon).steps(steps).build().clv(c);
    assertTrue(discounted >= 0, () -> "" + discounted);
    assertTrue(discounted <= plain * (1 + 1e-12), () -> discounted + " > " + plain);
  }
}
