package dev.scoring.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.core.AccountScore;
import dev.scoring.core.live.AccountTierChange.Cause;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountTierChangeTest {
  static final AccountScore HOT = new AccountScore("acme", 80, 80, 20, 60, "hot", 2);

  static AccountTierChange change(long sequence, String previousTier, Cause cause,
      Optional<String> contactId) {
    return new AccountTierChange(sequence, "b2b", "acme", previousTier, Optional.empty(), HOT,
        cause, contactId, "fp");
  }

  @Test
  void aMemberChangeNamesItsMember_otherCausesNone() {
    AccountTierChange c = change(3, "cold", Cause.MEMBER, Optional.of("a1"));
    assertEquals("hot", c.currentTier());
    assertEquals("AccountTierChange{#3 b2b/acme: cold -> hot (80.0, 2 members, MEMBER a1)}",
        c.toString());
    for (Cause cause : Cause.values()) {
      assertEquals(cause, change(1, "cold", cause, Optional.empty()).cause());
    }
  }

  @Test
  void refusesAContactForAnotherCause_equalTiers_andASequenceBelowOne() {
    assertEquals("tier change of account 'acme' contactId must be empty unless the cause is "
        + "MEMBER, but was Optional[a1] with cause RECORD", assertThrows(
            IllegalArgumentException.class,
            () -> change(1, "cold", Cause.RECORD, Optional.of("a1"))).getMessage());
    assertEquals("tier change of account 'acme' previousTier must differ from the current "
        + "tier, but was \"hot\"", assertThrows(IllegalArgumentException.class,
            () -> change(1, "hot", Cause.TIME, Optional.empty())).getMessage());
    assertEquals("tier change of account 'acme' sequence must be at least 1, but was 0",
        assertThrows(IllegalArgumentException.class,
            () -> change(0, "cold", Cause.MODEL_CHANGE, Optional.empty())).getMessage());
    assertThrows(NullPointerException.class,
        () -> new AccountTierChange(1, null, "acme", "cold", Optional.empty(), HOT,
            Cause.RECORD, Optional.empty(), "fp"));
  }
}
