package dev.scoring.rfm.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerValueScorerTest {
  private static final BgNbdModel PURCHASES = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
  private static final GammaGammaModel SPEND = GammaGammaModel.of(6.25, 3.74, 15.44);
  private static final CustomerSummary CUSTOMER_1 = new CustomerSummary("1", 2, 30.43, 38.86,
      22.35);

  @Test
  void clv_reproducesLifetimesQuickstart() {
    // lifetimes docs/Quickstart.md: BG/NBD refitted on the with-transactions file, Gamma-Gamma
    // on its repeat customers, customer_lifetime_value(time=12, discount_rate=0.01) with the
    // default freq="D" on weekly data: 12 steps of 30 weeks, 1% per step
    List<CustomerSummary> customers = SharedData.lifetimesSummaryWithValues();
    CustomerValueScorer scorer = CustomerValueScorer.builder(BgNbdModel.fit(customers))
        .spendModel(GammaGammaModel.fit(customers))
        .horizon(360).steps(12).discountRate(0.01)
        .build();
    double[] expected = {140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107,
        28.109683, 38.180574, 167.418216, 38.180574};
    for (int i = 0; i < 10; i++) {
      assertEquals(expected[i], scorer.clv(customers.get(i)), 1e-3, "customer " + (i + 1));
    }
  }

  @Test
  void clv_withoutDiscounting_isExpectedValueTimesExpectedPurchases() {
    CustomerValueScorer scorer = CustomerValueScorer.builder(PURCHASES).spendModel(SPEND)
        .horizon(52).steps(12).build();
    assertEquals(SPEND.expectedAverageValue(CUSTOMER_1)
        * PURCHASES.expectedPurchases(CUSTOMER_1, 52), scorer.clv(CUSTOMER_1), 1e-9);
  }

  @Test
  void clv_withOneStep_discountsTheWholeHorizonOnce() {
    CustomerValueScorer scorer = CustomerValueScorer.builder(PURCHASES).spendModel(SPEND)
        .horizon(52).discountRate(0.1).build();
    assertEquals(SPEND.expectedAverageValue(CUSTOMER_1)
        * PURCHASES.expectedPurchases(CUSTOMER_1, 52) / 1.1, scorer.clv(CUSTOMER_1), 1e-9);
  }

  @Test
  void attributes_holdChurnAliveExpectedPurchasesValueAndClv() {
    CustomerValueScorer scorer = CustomerValueScorer.builder(PURCHASES).spendModel(SPEND)
        .horizon(52).steps(12).discountRate(0.01).build();
    Map<String, Object> attributes = scorer.attributes(CUSTOMER_1);
    assertEquals(List.of("p_alive", "churn_probability", "expected_purchases_52",
        "expected_value", "clv"), List.copyOf(attributes.keySet()));
    double alive = PURCHASES.probabilityAlive(CUSTOMER_1);
    assertEquals(alive, attributes.get("p_alive"));
    assertEquals(1 - alive, attributes.get("churn_probability"));
    assertEquals(PURCHASES.expectedPurchases(CUSTOMER_1, 52),
        attributes.get("expected_purchases_52"));
    assertEquals(SPEND.expectedAverageValue(CUSTOMER_1), attributes.get("expected_value"));
    assertEquals(scorer.clv(CUSTOMER_1), attributes.get("clv"));

    CustomerValue value = scorer.value(CUSTOMER_1);
    assertEquals(1 - alive, value.churnProbability());
    assertEquals(scorer.clv(CUSTOMER_1), value.clv().orElseThrow());
  }

  @Test
  void attributes_withoutSpendModel_leaveOutValueAndClv() {
    CustomerValueScorer scorer = CustomerValueScorer.builder(PURCHASES).horizon(4.345).build();
    assertEquals(List.of("p_alive", "churn_probability", "expected_purchases_4_345"),
        List.copyOf(scorer.attributes(CUSTOMER_1).keySet()));
    assertTrue(scorer.value(CUSTOMER_1).clv().isEmpty());
    assertEquals("spendModel must be set for a CLV, but was not set on this scorer",
        assertThrows(IllegalStateException.class, () -> scorer.clv(CUSTOMER_1)).getMessage());
  }

  @Test
  void enrich_putsTheAttributesOnTheContact() {
    CustomerValueScorer scorer = CustomerValueScorer.builder(PURCHASES).spendModel(SPEND)
        .horizon(13).build();
    Contact contact = Contact.builder("1").attribute("country", "FR").build();
    Contact enriched = scorer.enrich(contact, CUSTOMER_1);
    assertEquals("FR", enriched.attribute("country"));
    assertEquals(1 - PURCHASES.probabilityAlive(CUSTOMER_1),
        enriched.attribute("churn_probability"));
    assertEquals(scorer.clv(CUSTOMER_1), enriched.attribute("clv"));
    assertEquals("customer summary id must equal the contact id '2', but was '1'",
        assertThrows(IllegalArgumentException.class,
            () -> scorer.enrich(Contact.builder("2").build(), CUSTOMER_1)).getMessage());
  }

  @Test
  void builder_validatesAtOnce_andRequiresAHorizon() {
    CustomerValueScorer.Builder b = CustomerValueScorer.builder(PURCHASES);
    assertEquals("horizon must be set before build(), but was not set",
        assertThrows(IllegalStateException.class, b::build).getMessage());
    assertEquals("horizon must be finite and > 0, but was 0.0",
        assertThrows(IllegalArgumentException.class, () -> b.horizon(0)).getMessage());
    assertEquals("steps must be at least 1, but was 0",
        assertThrows(IllegalArgumentException.class, () -> b.steps(0)).getMessage());
    assertEquals("discountRate must be finite and at least 0, but was -0.1",
        assertThrows(IllegalArgumentException.class, () -> b.discountRate(-0.1)).getMessage());
  }
}
