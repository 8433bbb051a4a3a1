package dev.scoring.core.live;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static dev.scoring.core.live.LiveFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.AccountExplanation;
import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScore;
import dev.scoring.core.Decay;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveFixtures.TestClock;
import dev.scoring.core.live.AccountTierChange.Cause;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Accounts in the live scorer: exact scores, tier changes, moves, records and limits. */
class LiveAccountsTest {

  /** exec 20, demo 40, visit 10; accounts: topMean 2, enterprise +20, target 50, hot 75. */
  static ScoringTable b2b(Decay decay) {
    return ScoringTable.builder("b2b")
        .decay(decay)
        .demographic("exec", attribute("title").equalTo("exec"), 20)
        .behavioral("demo", on("demo_request"), 40)
        .behavioral("visit", on("page_view"), 10)
        .tier("MQL", 60)
        .account(AccountRules.builder(AccountRules.Combine.topMean(2))
            .demographic("enterprise", attribute("employees").atLeast(1000), 20)
            .tier("target", 50).tier("hot", 75).baseTier("cold")
            .build())
        .build();
  }

  static Contact person(String id, String account, String title) {
    Contact.Builder b = Contact.builder(id).attribute("account_id", account);
    return title == null ? b.build() : b.attribute("title", title).build();
  }

  @Test
  void accountFollowsItsMembersRecordAndMoves() {
    List<String> heard = new CopyOnWriteArrayList<>();
    LiveScorer scorer = LiveScorer.builder(b2b(Decay.none()))
        .clock(new TestClock(NOW))
        .accountListener(c -> heard.add(c.table() + "/" + c.accountId() + ": "
            + c.previousTier() + " -> " + c.currentTier() + " " + c.current().score() + " ("
            + c.cause() + c.contactId().map(id -> " " + id).orElse("") + ")"))
        .build();

    scorer.upsert(person("a1", "acme", "exec"));                        // 20
    scorer.upsert(person("a2", "acme", null));                          // 0
    scorer.record("a2", Event.of("demo_request", NOW));                 // 40
    assertEquals(new AccountScore("acme", 30, 30, 0, 30, "cold", 2),
        scorer.accountScore("acme").orElseThrow());

    Map<String, AccountScore> upserted =
        scorer.upsertAccount("acme", Map.of("employees", 5000));      // fit 20: 50
    assertEquals(Map.of("b2b", new AccountScore("acme", 50, 50, 20, 30, "target", 2)),
        upserted);
    scorer.record("a1", Event.of("demo_request", NOW));                 // a1 60: 20 + 50
    scorer.record("a1", Event.of("page_view", NOW));                    // a1 70: 20 + 55
    assertEquals(new AccountScore("acme", 75, 75, 20, 55, "hot", 2),
        scorer.accountScore("b2b", "acme").orElseThrow());

    // a2 moves to globex: both accounts are recomputed.
    scorer.upsert(Contact.builder("a2").attribute("account_id", "globex")
        .event(Event.of("demo_request", NOW)).build());
    assertEquals(new AccountScore("acme", 90, 90, 20, 70, "hot", 1),
        scorer.accountScore("acme").orElseThrow());
    assertEquals(new AccountScore("globex", 40, 40, 0, 40, "cold", 1),
        scorer.accountScore("globex").orElseThrow());
    assertEquals(Map.of("acme", scorer.accountScore("acme").orElseThrow(),
        "globex", scorer.accountScore("globex").orElseThrow()), scorer.accountScores("b2b"));

    AccountExplanation why = scorer.accountExplain("acme").orElseThrow();
    assertEquals(90, why.score());
    assertEquals(90, why.total(), 1e-9);
    assertEquals(List.of(
        new AccountExplanation.Entry(AccountExplanation.Kind.DEMOGRAPHIC, "enterprise", 20),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "a1", 70)),
        why.entries());

    // Removing the last member leaves the record: fit alone.
    scorer.remove("a1");
    assertEquals(new AccountScore("acme", 20, 20, 20, 0, "cold", 0),
        scorer.accountScore("acme").orElseThrow());
    assertEquals(List.of(
        "b2b/acme: cold -> target 50.0 (RECORD)",
        "b2b/acme: target -> hot 75.0 (MEMBER a1)",
        "b2b/acme: hot -> cold 20.0 (MEMBER a1)"), heard);
  }

  @Test
  void anAccountWithNeitherMembersNorRecordIsNotScored() {
    LiveScorer scorer = LiveScorer.builder(b2b(Decay.none())).clock(new TestClock(NOW)).build();
    scorer.upsert(person("a1", "acme", "exec"));
    scorer.upsert(Contact.builder("a1").attribute("account_id", 42).build()); // a number: none
    assertEquals(Optional.empty(), scorer.accountScore("acme"));
    assertEquals(Map.of(), scorer.accountScores("b2b"));
    assertEquals(Optional.empty(), scorer.accountExplain("acme"));
    scorer.upsert(Contact.builder("a3").attribute("account_id", "  ").build()); // blank: none
    assertEquals(Map.of(), scorer.accountScores("b2b"));
  }

  @Test
  void aSweepMovesAccountsAsDecayMovesTheirMembers() {
    TestClock clock = new TestClock(NOW);
    List<AccountTierChange> heard = new CopyOnWriteArrayList<>();
    ScoringTable table = b2b(Decay.halfLife(30));
    LiveScorer scorer = LiveScorer.builder(table).clock(clock)
        .accountListener(heard::add).build();
    scorer.upsert(Contact.builder("a1").attribute("account_id", "acme")
        .event(Event.of("demo_request", NOW)).event(Event.of("demo_request", NOW)).build());
    assertEquals("hot", scorer.accountScore("acme").orElseThrow().tier());      // 80
    scorer.sweep(NOW.plus(Duration.ofDays(30)));                                 // 40
    assertEquals(new AccountScore("acme", 40, 40, 0, 40, "cold", 1),
        scorer.accountScore("acme").orElseThrow());
    assertEquals(2, heard.size());
    AccountTierChange time = heard.get(1);
    assertEquals("hot", time.previousTier());
    assertEquals("cold", time.currentTier());
    assertEquals(Cause.TIME, time.cause());
    assertEquals(Optional.empty(), time.contactId());
    assertEquals(heard.get(0).current(), time.previous().orElseThrow());
    assertEquals("b2b", time.table());
    assertEquals(table.fingerprint(), time.modelFingerprint());
  }

  @Test
  void aFullAccountRefusesAnotherMemberAndChangesNothing() {
    LiveScorer scorer = LiveScorer.builder(b2b(Decay.none())).clock(new TestClock(NOW))
        .maxMembersPerAccount(1).build();
    scorer.upsert(person("a1", "acme", "exec"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> scorer.upsert(person("a2", "acme", "exec")));
    assertEquals("account 'acme' of table b2b must have at most 1 members "
        + "(maxMembersPerAccount), but contact 'a2' would be member 2", e.getMessage());
    assertEquals(Optional.empty(), scorer.contact("a2"));
    assertEquals(1, scorer.accountScore("acme").orElseThrow().members());
    scorer.upsert(person("a1", "acme", null)); // a member stays, whatever the bound
    assertEquals(new AccountScore("acme", 0, 0, 0, 0, "cold", 1),
        scorer.accountScore("acme").orElseThrow());
    assertThrows(IllegalArgumentException.class,
        () -> LiveScorer.builder(b2b(Decay.none())).maxMembersPerAccount(0));
  }

  @Test
  void aScorerWithoutAccountBlockKeepsRecordsAndRefusesAccountQueries() {
    LiveScorer scorer = LiveScorer.builder(LiveFixtures.leads()).clock(new TestClock(NOW))
        .build();
    assertEquals(Map.of(), scorer.upsertAccount("acme", Map.of("employees", 5000)));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> scorer.accountScore("acme"));
    assertEquals("model must have a table with an account block, but leads has none",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> scorer.accountScores("leads"));
    // A model with an account block swapped in sees the record kept.
    scorer.swapModel(b2b(Decay.none()));
    assertEquals(new AccountScore("acme", 20, 20, 20, 0, "cold", 0),
        scorer.accountScore("acme").orElseThrow());
    assertTrue(scorer.accountScores("b2b").containsKey("acme"));
  }

  @Test
  void aSwapToAnotherKeyMovesTheContactsInMemory() {
    List<AccountTierChange> heard = new CopyOnWriteArrayList<>();
    LiveScorer scorer = LiveScorer.builder(b2b(Decay.none())).clock(new TestClock(NOW))
        .accountListener(heard::add).build();
    scorer.upsert(Contact.builder("a1").attribute("account_id", "acme")
        .attribute("company", "initech").attribute("title", "exec").build());
    assertEquals(Map.of("acme", new AccountScore("acme", 20, 20, 0, 20, "cold", 1)),
        scorer.accountScores("b2b"));
    ScoringTable byCompany = b2b(Decay.none()).toBuilder().version("2")
        .account(AccountRules.builder(AccountRules.Combine.max()).key("company")
            .tier("target", 10).baseTier("cold").build())
        .build();
    scorer.swapModel(byCompany);
    assertEquals(Map.of("initech", new AccountScore("initech", 20, 20, 0, 20, "target", 1)),
        scorer.accountScores("b2b"));
    assertEquals(1, heard.size());
    assertEquals("initech", heard.get(0).accountId());
    assertEquals(Cause.MODEL_CHANGE, heard.get(0).cause());
  }
}
