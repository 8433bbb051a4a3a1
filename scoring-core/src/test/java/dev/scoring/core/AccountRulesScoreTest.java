package dev.scoring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One account at a time (SPEC section 12): {@link AccountRules#score} and friends. */
class AccountRulesScoreTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  static final AccountRules RULES = AccountRules.builder(AccountRules.Combine.topMean(2))
      .demographicCap(15)
      .demographic("enterprise", Condition.attribute("employees").atLeast(1000), 20)
      .negative("competitor", Condition.attribute("competitor").equalTo(true), -50)
      .tier("target", 30).tier("hot", 60).baseTier("cold")
      .build();

  @Test
  void topMeanOfTwo_plusCappedFit() {
    AccountScore s = RULES.score("acme", Map.of("employees", 5000L), List.of(
        new AccountRules.Member("c", 10), new AccountRules.Member("a", 40),
        new AccountRules.Member("b", 30)), AS_OF);
    // engagement (40 + 30) / 2 = 35; fit min(20, 15) = 15
    assertThat(s).isEqualTo(new AccountScore("acme", 50, 50, 15, 35, "target", 3));
  }

  @Test
  void noMembers_noRecord_givesZero_andTheBaseTier() {
    assertThat(RULES.score("empty", null, List.of(), AS_OF))
        .isEqualTo(new AccountScore("empty", 0, 0, 0, 0, "cold", 0));
  }

  @Test
  void clampAtTheScale_andTheExplanationSumsToTheScore() {
    List<AccountRules.Member> members = List.of(new AccountRules.Member("x", 100),
        new AccountRules.Member("y", 100), new AccountRules.Member("z", 90));
    AccountScore s = RULES.score("big", Map.of("employees", 2000L), members, AS_OF);
    assertThat(s).isEqualTo(new AccountScore("big", 100, 115, 15, 100, "hot", 3));
    AccountExplanation e = RULES.explain("big", Map.of("employees", 2000L), members, AS_OF);
    assertThat(e.entries()).containsExactly(
        new AccountExplanation.Entry(AccountExplanation.Kind.DEMOGRAPHIC, "enterprise", 20),
        new AccountExplanation.Entry(AccountExplanation.Kind.CAP, "caps.demographic", -5),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "x", 50),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "y", 50),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "z", 0),
        new AccountExplanation.Entry(AccountExplanation.Kind.CLAMP, "scale", -15));
    assertThat(e.total()).isEqualTo(100);
  }

  @Test
  void equalScores_areOrderedByContactId_whateverTheInputOrder() {
    List<AccountRules.Member> forward = List.of(new AccountRules.Member("b", 5),
        new AccountRules.Member("a", 5), new AccountRules.Member("c", 1));
    List<AccountRules.Member> backward = List.of(forward.get(2), forward.get(0), forward.get(1));
    assertThat(RULES.explain("t", null, forward, AS_OF))
        .isEqualTo(RULES.explain("t", null, backward, AS_OF));
    assertThat(RULES.explain("t", null, forward, AS_OF).entries().get(0).id()).isEqualTo("a");
  }

  @Test
  void accountOf_acceptsOnlyNonBlankStrings() {
    Map<String, Object> attributes = new HashMap<>();
    assertThat(RULES.accountOf(attributes)).isEmpty();
    attributes.put("account_id", "acme");
    assertThat(RULES.accountOf(attributes)).isEqualTo(Optional.of("acme"));
    for (Object noAccount : List.of(" ", "", 7L, true)) {
      attributes.put("account_id", noAccount);
      assertThat(RULES.accountOf(attributes)).as("key %s", noAccount).isEmpty();
    }
  }

  @Test
  void aMemberScoreMustBeFinite() {
    assertThatThrownBy(() -> new AccountRules.Member("c-1", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("member \"c-1\" score must be finite, but was NaN");
  }
}
