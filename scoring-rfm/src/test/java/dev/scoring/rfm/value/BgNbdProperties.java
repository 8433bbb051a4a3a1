package dev.scoring.rfm.value;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.numbers.gamma.LogGamma;

class BgNbdProperties {

  @Provide
  Arbitrary<BgNbdModel> models() {
    Arbitrary<Double> shape = Arbitraries.doubles().between(0.01, 10);
    Arbitrary<Double> scale = Arbitraries.doubles().between(0.1, 100);
    return Combinators.combine(shape, scale, shape, shape).as(BgNbdModel::of);
  }

  @Provide
  Arbitrary<BgNbdModel> extremeModels() {
    Arbitrary<Double> any = Arbitraries.doubles().between(1e-3, 1e3).ofScale(6);
    return Combinators.combine(any, any, any, any).as(BgNbdModel::of);
  }

  @Property
  void probabilityAliveIsInTheUnitIntervalAndOneWithoutRepeats(
      @ForAll("models") BgNbdModel model, @ForAll @IntRange(max = 50) int x,
      @ForAll @DoubleRange(max = 100) double age, @ForAll @DoubleRange(max = 1) double share) {
    double recency = x == 0 ? 0 : share * age;
    double alive = model.probabilityAlive(x, recency, age);
    assertTrue(alive > 0 && alive <= 1, () -> "" + alive);
    if (x == 0) {
      assertTrue(alive == 1, () -> "" + alive);
    }
  }

  @Property
  void probabilityAliveStaysInTheClosedUnitIntervalForExtremeInputs(
      @ForAll("extremeModels") BgNbdModel model, @ForAll @IntRange(max = 100_000) int x,
      @ForAll @DoubleRange(max = 1e6) double age, @ForAll @DoubleRange(max = 1) double share) {
    double alive = model.probabilityAlive(x, x == 0 ? 0 : share * age, age);
    assertTrue(alive >= 0 && alive <= 1, () -> "" + alive);
  }

  @Property
  void expectedPurchasesAreNonNegativeAndNonDecreasingInT(
      @ForAll("models") BgNbdModel model, @ForAll @IntRange(max = 50) int x,
      @ForAll @DoubleRange(max = 100) double age, @ForAll @DoubleRange(max = 1) double share,
      @ForAll @DoubleRange(max = 100) double t, @ForAll @DoubleRange(max = 100) double more) {
    Assume.that(x > 0 || model.a() + model.b() > 1);
    double recency = x == 0 ? 0 : share * age;
    double sooner = model.expectedPurchases(t, x, recency, age);
    double later = model.expectedPurchases(t + more, x, recency, age);
    assertTrue(sooner >= 0, () -> "" + sooner);
    // rounding of the series: a relative 1e-9 slack
    assertTrue(later >= sooner * (1 - 1e-9), () -> sooner + " > " + later);
  }

  @Property
  void newCustomerExpectationIsNonDecreasingAndProbabilitiesAreProbabilities(
      @ForAll("models") BgNbdModel model, @ForAll @DoubleRange(max = 100) double t,
      @ForAll @DoubleRange(max = 100) double more, @ForAll @IntRange(max = 200) int n) {
    Assume.that(model.a() + model.b() > 1);
    double sooner = model.expectedPurchasesNewCustomer(t);
    double later = model.expectedPurchasesNewCustomer(t + more);
    assertTrue(sooner >= 0 && later >= sooner * (1 - 1e-9), () -> sooner + " > " + later);
    double p = model.probabilityOfPurchasesNewCustomer(n, t);
    assertTrue(p >= 0 && p <= 1 + 1e-12, () -> "" + p);
  }

  @Property
  void logLikelihoodIsFiniteForExtremeInputs(
      @ForAll("extremeModels") BgNbdModel model, @ForAll @IntRange(max = 100_000) int x,
      @ForAll @DoubleRange(max = 1e6) double age, @ForAll @DoubleRange(max = 1) double share) {
    double ll = model.logLikelihood(CustomerSummary.of("c", x, x == 0 ? 0 : share * age, age));
    assertTrue(Double.isFinite(ll), () -> "" + ll);
  }

  @Property
  void groupedLikelihoodAgreesWithTheTextbookFormula(
      @ForAll("models") BgNbdModel model, @ForAll @IntRange(max = 30) int x,
      @ForAll @DoubleRange(min = 0.5, max = 60) double age,
      @ForAll @DoubleRange(max = 1) double share) {
    double recency = x == 0 ? 0 : share * age;
    List<CustomerSummary> customers = new ArrayList<>();
    customers.add(CustomerSummary.of("a", x, recency, age));
    customers.add(CustomerSummary.of("b", x, recency, age)); // same group
    customers.add(CustomerSummary.of("c", 0, 0, age));
    double expected = 2 * textbook(model, x, recency, age) + textbook(model, 0, 0, age);
    double actual = model.logLikelihood(customers);
    assertTrue(Math.abs(actual - expected) <= 1e-9 * (1 + Math.abs(expected))
       , () -> "" + actual + " vs " + expected);
  }

  /** FHL 2005 eq. 6, as printed, with powers and gamma functions (fine for small x). */
  private static double textbook(BgNbdModel m, int x, double recency, double age) {
    double r = m.r();
    double alpha = m.alpha();
    double a = m.a();
    double b = m.b();
    double lnB = LogGamma.value(a) + LogGamma.value(b) - LogGamma.value(a + b);
    double common = Math.exp(LogGamma.value(r + x) + r * Math.log(alpha) - LogGamma.value(r));
    double first = Math.exp(LogGamma.value(a) + LogGamma.value(b + x)
        - LogGamma.value(a + b + x) - lnB) * common / Math.pow(alpha + age, r + x);
    double second = x == 0 ? 0 : Math.exp(LogGamma.value(a + 1) + LogGamma.value(b + x - 1)
        - LogGamma.value(a + b + x) - lnB) * common / Math.pow(alpha + recency, r + x);
    return Math.log(first + second);
  }
}
