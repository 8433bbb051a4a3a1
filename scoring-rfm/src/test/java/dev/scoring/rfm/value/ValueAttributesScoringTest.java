package dev.scoring.rfm.value;

import static dev.scoring.core.Condition.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Customer-value attributes used by a scoring table, as the issue asks. */
class ValueAttributesScoringTest {
  private static final CustomerValueScorer VALUE = CustomerValueScorer
      .builder(BgNbdModel.of(0.243, 4.414, 0.793, 2.426))
      .spendModel(GammaGammaModel.of(6.25, 3.74, 15.44))
      .horizon(52).steps(12).discountRate(0.01)
      .build();
  private static final ScoringTable RETENTION = ScoringTable.builder("retention")
      .demographic("at-risk", attribute("churn_probability").atLeast(0.5), 40)
      .demographic("valuable", attribute("clv").atLeast(100), 30)
      .demographic("active", attribute("expected_purchases_52").atLeast(1), 10)
      .build();
  private static final Instant AS_OF = Instant.parse("1997-10-01T00:00:00Z");

  @Test
  void aValuableCustomerSlippingAway_scoresAtRiskAndValuable() {
    // a big spender whose purchases stopped 12 weeks ago
    CustomerSummary slipping = new CustomerSummary("c-1", 7, 26.57, 38.86, 119.93);
    Contact contact = VALUE.enrich(Contact.builder("c-1").build(), slipping);
    assertEquals(0.514, (double) contact.attribute("churn_probability"), 0.001);
    assertEquals(344.5, (double) contact.attribute("clv"), 0.1);
    assertEquals(3.18, (double) contact.attribute("expected_purchases_52"), 0.01);
    Score score = RETENTION.score(contact, AS_OF);
    assertEquals(80, score.raw(), 1e-9);
  }

  @Test
  void aLoyalRegular_scoresValuableAndActiveOnly() {
    CustomerSummary loyal = new CustomerSummary("c-2", 12, 38, 38.86, 40);
    Contact contact = VALUE.enrich(Contact.builder("c-2").build(), loyal);
    Score score = RETENTION.score(contact, AS_OF);
    assertEquals(40, score.raw(), 1e-9);
  }
}
