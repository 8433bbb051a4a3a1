package dev.scoring.core.live;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.live.LiveFixtures.NOW;
import static dev.scoring.core.live.LiveScorerProperties.CONTACTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScore;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.AccountScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveFixtures.TestClock;
import dev.scoring.core.live.LiveScorerProperties.Step;
import dev.scoring.core.live.LiveSetsProperties.Tracked;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Live accounts equal batch accounts: after random events, upserts that move contacts between
 * accounts, account records, removals, time moves and sweeps, every live account score is
 * {@code AccountScorer.of(table).score(contacts, records, asOf, 1)} bit for bit, and each
 * account's tier changes form a chain.
 */
class LiveAccountsProperties {
  /** Account keys: three accounts, and values that name none (absent, a number, blank). */
  static final Object[] KEYS = {"acme", "globex", "initech", null, 42, " "};

  @Provide
  Arbitrary<List<Step>> steps() {
    return new LiveScorerProperties().steps();
  }

  static ScoringTable table(AccountRules.Combine combine) {
    return LiveFixtures.rich().toBuilder()
        .account(AccountRules.builder(combine)
            .demographicCap(25)
            .demographic("enterprise", attribute("employees").atLeast(1000), 15)
            .demographic("mid", attribute("employees").atLeast(200), 12.5)
            .negative("competitor", attribute("competitor").equalTo(true), -30)
            .tier("target", 20).tier("hot", 45).baseTier("cold")
            .build())
        .build();
  }

  static Contact.Builder member(int contact, Object key) {
    Contact.Builder b = LiveScorerProperties.person(contact);
    return key == null ? b : b.attribute("account_id", key);
  }

  @Property(tries = 60)
  void liveAccountsEqualBatchAccountsAndChangesChain(@ForAll("steps") List<Step> steps,
      @ForAll int combineChoice) {
    AccountRules.Combine combine = switch (Math.floorMod(combineChoice, 4)) {
      case 0 -> AccountRules.Combine.max();
      case 1 -> AccountRules.Combine.sum();
      case 2 -> AccountRules.Combine.mean();
      default -> AccountRules.Combine.topMean(2);
    };
    ScoringTable table = table(combine);
    TestClock clock = new TestClock(NOW.minus(Duration.ofDays(5)));
    Map<String, List<AccountTierChange>> heard = new ConcurrentHashMap<>();
    LiveScorer scorer = LiveScorer.builder(table).clock(clock)
        .accountListener(c -> heard.computeIfAbsent(c.accountId(), k -> new ArrayList<>())
            .add(c))
        .build();
    Map<String, Tracked> tracked = new LinkedHashMap<>();
    Map<String, Map<String, Object>> records = new HashMap<>();
    for (int c = 0; c < CONTACTS; c++) {
      Contact.Builder b = member(c, KEYS[c % KEYS.length]);
      scorer.upsert(b.build());
      tracked.put("c-" + c, new Tracked(b));
    }
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      clock.advance(Duration.ofHours(9 * (i % 3)));
      if (i % 5 == 1) {
        Tracked t = tracked.computeIfAbsent(s.id(), k -> new Tracked(Contact.builder(k)));
        t.attributes = member(s.contact(), KEYS[(i + s.contact()) % KEYS.length]);
        t.events.add(s.event());
        scorer.upsert(t.contact(s.id()));
      } else if (i % 11 == 7) {
        String account = (String) KEYS[i % 3];
        Map<String, Object> record = Map.of("employees", (i * 137) % 3000,
            "competitor", i % 2 == 0);
        records.put(account, record);
        scorer.upsertAccount(account, record);
      } else if (i % 13 == 12) {
        scorer.remove(s.id());
        tracked.remove(s.id());
      } else {
        tracked.computeIfAbsent(s.id(), k -> new Tracked(Contact.builder(k))).events
            .add(s.event());
        scorer.record(s.id(), s.event());
      }
      if (i % 8 == 7) {
        scorer.sweep(clock.instant());
        assertSameAsBatch(table, scorer, tracked, records, clock.instant());
      }
    }
    clock.advance(Duration.ofDays(20));
    scorer.sweep(clock.instant());
    assertSameAsBatch(table, scorer, tracked, records, clock.instant());

    Map<String, AccountScore> live = scorer.accountScores(table.name());
    Set<Long> sequences = new HashSet<>();
    heard.forEach((account, changes) -> {
      String tier = "cold";
      for (AccountTierChange change : changes) {
        assertEquals(tier, change.previousTier(), account + " chain broken at " + change);
        assertNotEquals(change.previousTier(), change.currentTier());
        change.previous().ifPresent(p -> assertEquals(change.previousTier(), p.tier()));
        assertTrue(sequences.add(change.sequence()), "duplicate " + change);
        assertEquals(change.cause() == AccountTierChange.Cause.MEMBER,
            change.contactId().isPresent(), "the live scorer names every moving member: "
                + change);
        tier = change.currentTier();
      }
      if (live.containsKey(account)) {
        assertEquals(live.get(account).tier(), tier, account);
      }
    });
    live.forEach((account, score) -> {
      if (!score.tier().equals("cold")) {
        assertTrue(heard.containsKey(account), account + " left cold unheard");
      }
    });
  }

  static void assertSameAsBatch(ScoringTable table, LiveScorer scorer,
      Map<String, Tracked> tracked, Map<String, Map<String, Object>> records, Instant asOf) {
    List<Contact> contacts = new ArrayList<>();
    tracked.forEach((id, t) -> contacts.add(t.contact(id)));
    AccountScores batch = AccountScorer.of(table).score(ContactTable.of(contacts),
        AccountRecords.of(records), asOf, 1);
    Map<String, AccountScore> live = scorer.accountScores(table.name());
    Set<String> ids = new HashSet<>();
    for (int a = 0; a < batch.size(); a++) {
      String id = batch.id(a);
      ids.add(id);
      AccountScore l = live.get(id);
      assertTrue(l != null, "live misses account " + id);
      assertEquals(bits(batch.score(a)), bits(l.score()), id);
      assertEquals(bits(batch.raw(a)), bits(l.raw()), id);
      assertEquals(bits(batch.fit(a)), bits(l.fit()), id);
      assertEquals(bits(batch.engagement(a)), bits(l.engagement()), id);
      assertEquals(batch.tier(a), l.tier(), id);
      assertEquals(batch.memberCount(a), l.members(), id);
      assertEquals(l, scorer.accountScore(id).orElseThrow());
    }
    assertEquals(ids, live.keySet());
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }
}
