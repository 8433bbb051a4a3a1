package dev.scoring.rfm.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers of REFERENCE.md section 2 (shared/datasets/cdnow). */
class GammaGammaModelTest {

  @Test
  void fit_reproducesPublishedParameters() {
    GammaGammaModel fit = GammaGammaModel.fit(SharedData.lifetimesSummaryWithValues());
    // Fader & Hardie (2013): 6.25, 3.74, 15.44; lifetimes prints 15.45 (15.4477 rounded)
    assertEquals(6.25, fit.p(), 0.005);
    assertEquals(3.74, fit.q(), 0.005);
    assertEquals(15.44, fit.v(), 0.01);
    // computed here with scipy: p=6.248803, q=3.744588, v=15.447746, LL=-4055.9232
    assertEquals(6.248803, fit.p(), 2e-5);
    assertEquals(3.744588, fit.q(), 2e-5);
    assertEquals(15.447746, fit.v(), 1e-4);
    FitReport report = fit.fitReport().orElseThrow();
    assertEquals(946, report.customers());
    assertEquals(-4055.9232, report.logLikelihood(), 0.001);
    assertTrue(report.parameters().stream().allMatch(p -> p.standardError() > 0));
  }

  @Test
  void expectedSpend_ofCustomers1To10_isHardiesSpreadsheetValues() {
    List<CustomerSummary> customers = SharedData.lifetimesSummaryWithValues();
    GammaGammaModel fit = GammaGammaModel.fit(customers);
    double[] spreadsheet = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28,
        35.17};
    for (int i = 0; i < 10; i++) {
      assertEquals(String.valueOf(i + 1), customers.get(i).customerId());
      assertEquals(spreadsheet[i], fit.expectedAverageValue(customers.get(i)), 0.1,
          "customer " + (i + 1));
    }
    // lifetimes Quickstart, 6 decimals at its MLE
    assertEquals(24.658619, fit.expectedAverageValue(customers.get(0)), 1e-4);
    assertEquals(18.911489, fit.expectedAverageValue(customers.get(1)), 1e-4);
    assertEquals(35.170981, fit.expectedAverageValue(customers.get(2)), 1e-4);
    assertEquals(71.462843, fit.expectedAverageValue(customers.get(5)), 1e-4);
    assertEquals(27.282408, fit.expectedAverageValue(customers.get(8)), 1e-4);
    assertEquals(35.170981, fit.populationMeanValue(), 1e-4);
    double mean = customers.stream().mapToDouble(fit::expectedAverageValue).average()
        .orElseThrow();
    assertEquals(35.2529588256, mean, 1e-4);
  }

  @Test
  void fit_onSummariesComputedFromRawTransactions_agreesWithTheFileFit() {
    List<CustomerSummary> raw = CustomerSummaries.fromTransactions(
        SharedData.cdnowSampleTransactions(), LocalDate.of(1997, 9, 30), ChronoUnit.WEEKS);
    GammaGammaModel fit = GammaGammaModel.fit(raw);
    assertEquals(6.25, fit.p(), 0.01);
    assertEquals(3.74, fit.q(), 0.01);
    assertEquals(15.44, fit.v(), 0.02);
  }

  @Test
  void frequencyValueCorrelation_isTheDocumentedCheck() {
    assertEquals(0.113884, GammaGammaModel.frequencyValueCorrelation(
        SharedData.lifetimesSummaryWithValues()), 1e-6);
  }

  @Test
  void fit_rejectsEmptyInputAndNoRepeatCustomers() {
    assertEquals("Gamma-Gamma customers must be a non-empty collection, but was empty",
        assertThrows(IllegalArgumentException.class, () -> GammaGammaModel.fit(List.of()))
            .getMessage());
    assertEquals("Gamma-Gamma customers must include at least one with a repeat purchase"
            + " (frequency > 0), but was 1 customers all with frequency 0",
        assertThrows(IllegalArgumentException.class,
            () -> GammaGammaModel.fit(List.of(CustomerSummary.of("a", 0, 0, 3)))).getMessage());
  }

  @Test
  void fit_rejectsANonPositiveMeanValue() {
    assertEquals("Gamma-Gamma meanValue of customer 'b' (frequency 2) must be > 0, but was 0.0",
        assertThrows(IllegalArgumentException.class, () -> GammaGammaModel.fit(List.of(
            new CustomerSummary("a", 1, 1, 3, 10), new CustomerSummary("b", 2, 2, 3, 0))))
            .getMessage());
  }

  @Test
  void fit_onIdenticalSpenders_throwsFitExceptionInsteadOfMeaninglessParameters() {
    // everyone spends exactly 20: the spread parameters are not identified
    List<CustomerSummary> same = List.of(new CustomerSummary("a", 2, 2, 3, 20),
        new CustomerSummary("b", 2, 2, 3, 20), new CustomerSummary("c", 2, 2, 3, 20));
    assertThrows(FitException.class, () -> GammaGammaModel.fit(same));
  }

  @Test
  void fit_whenEveryCustomerHasOneRepeatPurchase_throwsFitException() {
    List<CustomerSummary> ones = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ones.add(new CustomerSummary("c" + i, 1, 5, 30, 10 + (i * 7919 % 97)));
    }
    FitException e = assertThrows(FitException.class, () -> GammaGammaModel.fit(ones));
    assertEquals("Gamma-Gamma customers must include one with at least 2 repeat purchases, but"
        + " all 200 customers with repeat purchases have exactly 1: the spread of one"
        + " customer's spends (p) cannot be told apart from the spread between customers"
        + " (q, v), so the parameters are not identified", e.getMessage());
  }

  @Test
  void fit_estimatesAndStandardErrors_matchAFortyDigitComputation() {
    // mpmath at 40 digits: the root of the analytic gradient (the MLE) and the inverse of
    // minus the analytic Hessian there; the fit polishes the simplex's optimum by Newton
    // steps, so both agree to 1e-9 (the finite-difference errors were 0.2% off)
    GammaGammaModel fit = GammaGammaModel.fit(SharedData.lifetimesSummaryWithValues());
    assertEquals(6.248802489709097, fit.p(), 6.25 * 1e-9);
    assertEquals(3.744588453287469, fit.q(), 3.74 * 1e-9);
    assertEquals(15.447748009463716, fit.v(), 15.4 * 1e-9);
    FitReport report = fit.fitReport().orElseThrow();
    assertEquals(-4055.923243502864, report.logLikelihood(), 1e-8);
    assertEquals(1.189687037658, report.parameter("p").standardError(), 1.19 * 1e-9);
    assertEquals(0.290165615135171, report.parameter("q").standardError(), 0.29 * 1e-9);
    assertEquals(4.15999387832512, report.parameter("v").standardError(), 4.16 * 1e-9);
  }

  @Test
  void expectedAverageValue_withoutRepeats_isThePopulationMean() {
    GammaGammaModel m = GammaGammaModel.of(6.25, 3.74, 15.44);
    assertEquals(m.populationMeanValue(), m.expectedAverageValue(0, 0), 1e-12);
    assertEquals(6.25 * 15.44 / 2.74, m.populationMeanValue(), 1e-12);
    assertEquals("Gamma-Gamma q must be > 1 for a finite mean spend, but was 0.5",
        assertThrows(ArithmeticException.class,
            () -> GammaGammaModel.of(1, 0.5, 1).populationMeanValue()).getMessage());
  }
}
