package dev.scoring.rfm.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers of REFERENCE.md section 1 (shared/datasets/cdnow). */
class BgNbdModelTest {
  /** Fader, Hardie and Lee (2005) as printed. */
  private static final BgNbdModel PAPER = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
  /** BTYD's MLE on the exact-weeks summary (walkthrough pp. 19-20). */
  private static final BgNbdModel BTYD = BgNbdModel.of(0.2425982, 4.4136842, 0.7929899,
      2.4261667);

  private static List<CustomerSummary> exactWeeks() {
    return CustomerSummaries.fromTransactions(SharedData.cdnowSampleTransactions(),
        LocalDate.of(1997, 9, 30), ChronoUnit.WEEKS);
  }

  /** Asserts equality to 4 significant digits: both round to the same 4-digit number. */
  private static void assertSame4Digits(double expected, double actual, String name) {
    double scale = Math.pow(10, 3 - Math.floor(Math.log10(Math.abs(expected))));
    assertEquals(Math.round(expected * scale) / scale, Math.round(actual * scale) / scale,
        1e-12, name + ": expected " + expected + ", was " + actual);
  }

  @Test
  void fit_onExactWeeksFromRawTransactions_reproducesPublishedEstimatesAndLogLikelihood() {
    List<CustomerSummary> customers = exactWeeks();
    BgNbdModel fit = BgNbdModel.fit(customers);
    // CLVTools' MLE: 0.2425945, 4.4136019, 0.7929199, 2.4258881 (paper: 0.243, 4.414, 0.793,
    // 2.426). BTYD's 0.2425982, 4.4136842, 0.7929899, 2.4261667 stopped a little short of the
    // maximum in the flat a-b direction (its a rounds to 0.7930): we check that our
    // likelihood is at least as high as at BTYD's point.
    assertSame4Digits(0.2425945, fit.r(), "r");
    assertSame4Digits(4.4136019, fit.alpha(), "alpha");
    assertSame4Digits(0.7929199, fit.a(), "a");
    assertSame4Digits(2.4258881, fit.b(), "b");
    assertSame4Digits(0.2425982, fit.r(), "r (BTYD)");
    assertSame4Digits(4.4136842, fit.alpha(), "alpha (BTYD)");
    assertSame4Digits(2.4261667, fit.b(), "b (BTYD)");
    FitReport report = fit.fitReport().orElseThrow();
    assertEquals(-9582.429, report.logLikelihood(), 0.01);
    assertEquals(-9582.4, report.logLikelihood(), 0.05); // the paper's one decimal
    assertEquals(2357, report.customers());
    assertEquals(-9582.429, BTYD.logLikelihood(customers), 0.001);
    assertTrue(BTYD.logLikelihood(customers) <= report.logLikelihood());
    assertTrue(PAPER.logLikelihood(customers) <= report.logLikelihood());
  }

  @Test
  void fit_onLifetimesRoundedSummary_reproducesLifetimesEstimatesAndStandardErrors() {
    BgNbdModel fit = BgNbdModel.fit(SharedData.lifetimesSummary());
    assertEquals(0.242593, fit.r(), 2e-6);
    assertEquals(4.413532, fit.alpha(), 2e-5);
    assertEquals(0.792886, fit.a(), 5e-6);
    assertEquals(2.425752, fit.b(), 2e-5);
    FitReport report = fit.fitReport().orElseThrow();
    assertEquals(-9582.4256, report.logLikelihood(), 0.001); // computed here, scipy
    // lifetimes' standard errors, from its Hessian: agree to about 1%
    assertEquals(0.012557, report.parameter("r").standardError(), 0.012557 * 0.01);
    assertEquals(0.378221, report.parameter("alpha").standardError(), 0.378221 * 0.01);
    assertEquals(0.185719, report.parameter("a").standardError(), 0.185719 * 0.01);
    assertEquals(0.705345, report.parameter("b").standardError(), 0.705345 * 0.01);
  }

  @Test
  void customer1_expectedPurchasesIn39Weeks_isHardiesSpreadsheetValue() {
    BgNbdModel fit = BgNbdModel.fit(SharedData.lifetimesSummary());
    assertEquals(1.226, fit.expectedPurchases(39, 2, 30.43, 38.86), 0.001);
    // computed here: P(alive) of customer 1 at the MLE, 0.72661
    assertEquals(0.72661, fit.probabilityAlive(2, 30.43, 38.86), 1e-5);
  }

  @Test
  void newCustomer_expectedPurchases_isHardiesSpreadsheetValues() {
    BgNbdModel fit = BgNbdModel.fit(SharedData.lifetimesSummary());
    double[] t = {0.1429, 1, 3, 31.8571, 32, 78};
    double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
    for (int i = 0; i < t.length; i++) {
      assertEquals(expected[i], fit.expectedPurchasesNewCustomer(t[i]), 0.0005, "t=" + t[i]);
    }
    assertEquals(1.444004, BTYD.expectedPurchasesNewCustomer(52), 1e-5 * 1.444004);
    // 40-digit mpmath at BTYD's printed parameters: 1.44400480103592745...
    assertEquals(1.444004801035927, BTYD.expectedPurchasesNewCustomer(52), 1e-12);
  }

  @Test
  void newCustomer_probabilityOfNPurchases_isBtydValues() {
    assertEquals(1.07869e-07, PAPER.probabilityOfPurchasesNewCustomer(10, 2), 1e-12);
    assertEquals(0.5737864, PAPER.probabilityOfPurchasesNewCustomer(0, 39), 1e-7);
    double[] expected = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638,
        0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
    for (int n = 11; n <= 20; n++) {
      assertEquals(expected[n - 11], PAPER.probabilityOfPurchasesNewCustomer(n, 30), 1e-10,
          "n=" + n);
    }
  }

  @Test
  void newCustomer_probabilitiesOfNPurchases_sumToOne() {
    double sum = 0;
    for (int n = 0; n < 2000; n++) {
      sum += PAPER.probabilityOfPurchasesNewCustomer(n, 39);
    }
    assertEquals(1, sum, 1e-9);
  }

  /*
   * BTYD's printed values, which are within 1e-5 relative of the exact values at its printed
   * parameters (checked with 40-digit mpmath; e.g. 1516's E[Y(52)] is 25.7565377 exactly and
   * 25.75659 printed). The exact values are checked to 1e-10 relative.
   */
  private static void assertRelative(double expected, double actual, double relative) {
    assertEquals(expected, actual, Math.abs(expected) * relative);
  }

  @Test
  void customer1516_probabilityAliveAndExpectedPurchases_areBtydValues() {
    double recency = 216 / 7.0; // 30.85714 weeks
    assertRelative(0.9688523, BTYD.probabilityAlive(26, recency, 31), 1e-6);
    assertRelative(25.75659, BTYD.expectedPurchases(52, 26, recency, 31), 1e-5);
    assertRelative(1 - 0.9688523,
        BTYD.churnProbability(CustomerSummary.of("1516", 26, recency, 31)), 1e-5);
    assertRelative(0.96885215104874632, BTYD.probabilityAlive(26, recency, 31), 1e-12);
    assertRelative(25.756537746505575, BTYD.expectedPurchases(52, 26, recency, 31), 1e-10);
  }

  @Test
  void increasingFrequencyParadox_isBtydValues() {
    assertRelative(0.3474606, BTYD.expectedPurchases(52, 10, 20, 39), 1e-5);
    assertRelative(0.04283391, BTYD.expectedPurchases(52, 15, 20, 39), 1e-5);
    assertRelative(0.004158973, BTYD.expectedPurchases(52, 20, 20, 39), 1e-5);
    assertRelative(0.0003583685, BTYD.expectedPurchases(52, 25, 20, 39), 1e-5);
    assertRelative(0.34746024562624402, BTYD.expectedPurchases(52, 10, 20, 39), 1e-10);
    assertRelative(0.00035837044012641458, BTYD.expectedPurchases(52, 25, 20, 39), 1e-10);
  }

  @Test
  void topFiveExpectedPurchasesNextWeek_areLifetimesQuickstartValues() {
    BgNbdModel fit = BgNbdModel.fit(SharedData.lifetimesSummary());
    assertEquals(0.424877, fit.expectedPurchases(1, 18, 35.14, 35.86), 2e-6);
    assertEquals(0.474738, fit.expectedPurchases(1, 19, 34.00, 34.14), 2e-6);
    assertEquals(0.486526, fit.expectedPurchases(1, 17, 28.43, 28.86), 2e-6);
    assertEquals(0.662396, fit.expectedPurchases(1, 29, 37.71, 38.00), 2e-6);
    assertEquals(0.710623, fit.expectedPurchases(1, 26, 30.86, 31.00), 2e-6);
  }

  @Test
  void holdoutConditionalExpectations_byCalibrationFrequency_areBtydValues() {
    // BTYD walkthrough p. 24: mean E[Y(39)] by x = 0..6, 7+ and the actual mean x.star
    double[] expected = {0.2250893, 0.5231364, 1.044126, 1.520256, 2.163824, 2.653789,
        3.503957, 6.157036};
    double[] actual = {0.2367116, 0.6970387, 1.392523, 1.56, 2.532258, 2.947368, 3.862069,
        6.359375};
    int[] sizes = {1411, 439, 214, 100, 62, 38, 29, 64};
    double[] sumExpected = new double[8];
    double[] sumActual = new double[8];
    int[] count = new int[8];
    for (SharedData.CbsRow row : SharedData.btydCbs()) {
      int bin = Math.min(row.x(), 7);
      sumExpected[bin] += BTYD.expectedPurchases(39, row.x(), row.recency(), row.age());
      sumActual[bin] += row.holdout();
      count[bin]++;
    }
    for (int i = 0; i < 8; i++) {
      assertEquals(sizes[i], count[i], "bin " + i);
      assertRelative(expected[i], sumExpected[i] / count[i], 1e-5);
      assertEquals(actual[i], sumActual[i] / count[i], 5e-7, "actual, bin " + i);
    }
  }

  @Test
  void probabilityAlive_isExactlyOneWithoutRepeatPurchases() {
    assertEquals(1.0, PAPER.probabilityAlive(0, 0, 1));
    assertEquals(1.0, PAPER.probabilityAlive(CustomerSummary.of("x", 0, 0, 1000)));
  }

  @Test
  void logLikelihood_isFiniteForThousandsOfPurchases() {
    double ll = PAPER.logLikelihood(CustomerSummary.of("big", 5000, 30, 39));
    assertTrue(Double.isFinite(ll), "ll=" + ll);
    double llFar = PAPER.logLikelihood(CustomerSummary.of("big", 5000, 0.001, 1e6));
    assertTrue(Double.isFinite(llFar), "ll=" + llFar);
    // 40-digit mpmath: 199.95059285440457
    assertRelative(199.95059285440457, PAPER.expectedPurchases(39, 5000, 38.9, 39), 1e-9);
  }

  @Test
  void fit_ofTheSummariesOfAHeavyBuyerMix_isFinite() {
    List<CustomerSummary> customers = new ArrayList<>(SharedData.lifetimesSummary());
    customers.add(CustomerSummary.of("heavy", 3000, 38.5, 38.86));
    BgNbdModel fit = BgNbdModel.fit(customers);
    assertTrue(Double.isFinite(fit.fitReport().orElseThrow().logLikelihood()));
  }

  @Test
  void fit_rejectsEmptyInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BgNbdModel.fit(Collections.emptyList()));
    assertEquals("BG/NBD customers must be a non-empty collection, but was empty",
        e.getMessage());
  }

  @Test
  void fit_rejectsCustomersWhoAllHaveZeroRepeats() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BgNbdModel.fit(List.of(CustomerSummary.of("a", 0, 0, 5),
            CustomerSummary.of("b", 0, 0, 7))));
    assertEquals("BG/NBD customers must include at least one with a repeat purchase"
        + " (frequency > 0), but was 2 customers all with frequency 0", e.getMessage());
  }

  @Test
  void fit_thatRunsOutOfEvaluations_throwsFitException() {
    FitException e = assertThrows(FitException.class,
        () -> BgNbdModel.fitter().maxEvaluations(100).fit(SharedData.lifetimesSummary()));
    assertTrue(e.getMessage().startsWith("BG/NBD maximum-likelihood fit must converge within"
        + " 100 likelihood evaluations per optimizer run, but was still improving after"),
        e.getMessage());
  }

  @Test
  void fit_onDataThatDoNotIdentifyTheParameters_throwsFitException() {
    // everybody bought on the same schedule and never dropped out
    List<CustomerSummary> customers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      customers.add(CustomerSummary.of("c" + i, 10, 10, 10));
    }
    FitException e = assertThrows(FitException.class, () -> BgNbdModel.fit(customers));
    assertTrue(e.getMessage().startsWith("BG/NBD customers must include one whose last repeat"
        + " purchase came before the end of calibration (t_x < T), but every one of the 50"
        + " customers with repeat purchases bought last at T"), e.getMessage());
    assertThrows(FitException.class,
        () -> BgNbdModel.fit(List.of(CustomerSummary.of("one", 1, 1, 1))));
  }

  @Test
  void fit_on500IdenticalCustomers_throwsFitExceptionInsteadOfMeaninglessParameters() {
    // one history, four parameters: the likelihood is flat along a curve
    List<CustomerSummary> customers = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      customers.add(CustomerSummary.of("c" + i, 2, 30, 39));
    }
    FitException e = assertThrows(FitException.class, () -> BgNbdModel.fit(customers));
    assertEquals("BG/NBD customers must have at least 4 distinct histories (x, t_x, T) to"
        + " identify 4 parameters, but had 1 among 500 customers: the likelihood is flat along"
        + " a curve of parameters", e.getMessage());
  }

  @Test
  void fit_whenEveryRepeatBuyerBoughtOnTheLastDay_throwsFitException() {
    // varied histories, but nobody with repeat purchases was quiet at the end: no dropout
    List<CustomerSummary> customers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int x = i % 7;
      double age = 20 + i % 19;
      customers.add(CustomerSummary.of("c" + i, x, x == 0 ? 0 : age, age));
    }
    FitException e = assertThrows(FitException.class, () -> BgNbdModel.fit(customers));
    assertTrue(e.getMessage().contains("so the dropout parameters a and b are not identified"),
        e.getMessage());
  }

  @Test
  void expectedPurchases_whenAPlusBIsAtMostOne_isTheValueThatExists() {
    // 40-digit mpmath of FHL eq. 10 (2F1 with c = a + b - 1 = -0.2): 0.18722310273679666554
    BgNbdModel m = BgNbdModel.of(0.243, 4.414, 0.3, 0.5);
    assertRelative(0.18722310273679666554, m.expectedPurchases(39, 0, 0, 38.86), 1e-12);
    // new customer, eq. 9: 1.4436141487500969509
    assertRelative(1.4436141487500969509, m.expectedPurchasesNewCustomer(52), 1e-12);
    // a + b = 1 exactly (c = 0: the limit, by mpmath's 3F2): 1.0939583370689775273
    assertRelative(1.0939583370689775273,
        BgNbdModel.of(0.243, 4.414, 0.5, 0.5).expectedPurchasesNewCustomer(52), 1e-12);
  }

  @Test
  void of_rejectsNonPositiveParameters() {
    assertEquals("BG/NBD alpha must be finite and > 0, but was -1.0",
        assertThrows(IllegalArgumentException.class, () -> BgNbdModel.of(1, -1, 1, 1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> BgNbdModel.of(Double.NaN, 1, 1, 1));
  }

  @Test
  void predictions_rejectInvalidHistories() {
    assertEquals("t_x must be in [0, T = 3.0], but was 4.0",
        assertThrows(IllegalArgumentException.class, () -> PAPER.probabilityAlive(1, 4, 3))
            .getMessage());
    assertEquals("t must be finite and at least 0, but was -1.0",
        assertThrows(IllegalArgumentException.class,
            () -> PAPER.expectedPurchases(-1, 1, 2, 3)).getMessage());
  }

  @Test
  void expectedPurchases_overAnAbsurdHorizon_throwsInsteadOfLooping() {
    ArithmeticException e = assertThrows(ArithmeticException.class,
        () -> PAPER.expectedPurchases(1e12, 2, 30, 39));
    assertTrue(e.getMessage().startsWith("hypergeometric series 2F1("), e.getMessage());
    assertTrue(e.getMessage().contains("must converge within 50000000 terms, but z was"),
        e.getMessage());
  }

  @Test
  void expectedPurchases_atAEqualToOne_isTheLimit() {
    // the formula's (a+b+x-1)/(a-1) is 0/0 at a = 1; mpmath at a = 1 -+ 1e-9 gives
    // 1.0347238442 and 2.2965451030 to 10 digits
    BgNbdModel at = BgNbdModel.of(0.5, 4, 1, 2);
    assertRelative(1.0347238442, at.expectedPurchases(52, 3, 20, 39), 1e-9);
    assertRelative(2.2965451030, at.expectedPurchasesNewCustomer(52), 1e-9);
  }
}
