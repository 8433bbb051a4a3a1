package dev.scoring.core.live;

import static dev.scoring.core.live.LiveFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountScore;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.AccountScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.Decay;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveFixtures.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * Threads recording events of members of the same accounts, and moving contacts between
 * them, at the same time: every account's changes still arrive as one chain, and the final
 * scores equal the batch accounts of the final contacts.
 */
class LiveAccountsConcurrencyTest {
  static final int THREADS = 4;
  static final int CONTACTS = 12;
  static final String[] TYPES = {"demo_request", "page_view", "something_else"};

  @Test
  void concurrentMembersKeepEachAccountsChainAndEndAtTheBatchScores() throws Exception {
    ScoringTable table = LiveAccountsTest.b2b(Decay.halfLife(30));
    TestClock clock = new TestClock(NOW);
    Map<String, List<AccountTierChange>> heard = new ConcurrentHashMap<>();
    LiveScorer scorer = LiveScorer.builder(table).clock(clock)
        .accountListener(c -> heard.computeIfAbsent(c.accountId(),
            k -> new CopyOnWriteArrayList<>()).add(c))
        .build();
    scorer.upsertAccount("acme", Map.of("employees", 5000));
    for (int c = 0; c < CONTACTS; c++) {
      scorer.upsert(LiveAccountsTest.person("c-" + c, c % 2 == 0 ? "acme" : "globex", null));
    }
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int seed = t;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          Random random = new Random(seed);
          for (int i = 0; i < 1500; i++) {
            String id = "c-" + random.nextInt(CONTACTS);
            if (i % 50 == 49) {
              // Moves the contact (keeping its history) to the other account.
              Contact now = scorer.contact(id).orElseThrow();
              String to = "acme".equals(now.attributes().get("account_id")) ? "globex" : "acme";
              Contact.Builder b = Contact.builder(id).attribute("account_id", to);
              now.events().forEach(b::event);
              scorer.upsert(b.build());
            } else {
              scorer.record(id, Event.of(TYPES[random.nextInt(TYPES.length)],
                  NOW.minus(Duration.ofDays(random.nextInt(90)))));
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(List.of(), failures);
    scorer.sweep(NOW);

    List<Contact> contacts = new ArrayList<>();
    for (int c = 0; c < CONTACTS; c++) {
      contacts.add(scorer.contact("c-" + c).orElseThrow());
    }
    AccountScores batch = AccountScorer.of(table).score(ContactTable.of(contacts),
        AccountRecords.of(Map.of("acme", Map.of("employees", 5000))), NOW, 1);
    Map<String, AccountScore> live = scorer.accountScores("b2b");
    assertEquals(batch.size(), live.size());
    for (int a = 0; a < batch.size(); a++) {
      AccountScore l = live.get(batch.id(a));
      assertEquals(batch.score(a), l.score(), batch.id(a));
      assertEquals(batch.tier(a), l.tier(), batch.id(a));
      assertEquals(batch.memberCount(a), l.members(), batch.id(a));
    }
    heard.forEach((account, changes) -> {
      String tier = "cold";
      long sequence = 0;
      for (AccountTierChange change : changes) {
        assertEquals(tier, change.previousTier(), account + " chain broken at " + change);
        assertNotEquals(change.previousTier(), change.currentTier());
        assertEquals(true, change.sequence() > sequence, "out of order: " + change);
        sequence = change.sequence();
        tier = change.currentTier();
      }
      assertEquals(live.get(account).tier(), tier, account);
    });
  }
}
