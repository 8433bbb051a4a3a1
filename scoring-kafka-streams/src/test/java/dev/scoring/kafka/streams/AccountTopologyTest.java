package dev.scoring.kafka.streams;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScore;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.AccountScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.Decay;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.AccountTierChange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account scores in the Kafka Streams topology (SPEC section 12) on {@link TopologyTestDriver}:
 * member scores re-keyed by account id through the repartition topic, the accounts' store,
 * account scores and account tier changes.
 */
class AccountTopologyTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @TempDir
  Path stateDir;

  /** A visit is worth 10, an unsubscribe -50; accounts: topMean of 3, a rule on employees. */
  static ScoringTable b2b() {
    return ScoringTable.builder("b2b").version("1")
        .behavioral("visit", on("visit"), 10)
        .negative("unsub", on("unsubscribe"), -50)
        .tier("MQL", 40).baseTier("cold")
        .account(AccountRules.builder(AccountRules.Combine.topMean(3))
            .demographicCap(30)
            .demographic("enterprise", attribute("employees").atLeast(1000), 20)
            .demographic("big", attribute("employees").atLeast(100), 15)
            .negative("competitor", attribute("competitor").equalTo(true), -50)
            .tier("target", 50).tier("hot", 75).baseTier("cold")
            .build())
        .build();
  }

  Properties props() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "accounts-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return p;
  }

  /** A driver on the StreamsBuilder wiring, and its topics. */
  static final class Run implements AutoCloseable {
    final TopologyTestDriver driver;
    final TestInputTopic<String, Event> events;
    final TestInputTopic<String, ContactAttributes> attributes;
    final TestInputTopic<String, String> records;
    final TestOutputTopic<String, AccountScore> accounts;
    final TestOutputTopic<String, AccountTierChange> changes;
    /** The last value per account key; a tombstone removes the key. */
    final Map<String, AccountScore> latest = new TreeMap<>();
    final Map<String, List<AccountTierChange>> chains = new HashMap<>();

    Run(LiveScoringTopology scoring, Properties props) {
      StreamsBuilder builder = scoring.addTo(new StreamsBuilder());
      driver = new TopologyTestDriver(builder.build(), props, NOW);
      events = driver.createInputTopic("events", Serdes.String().serializer(),
          ScoringSerdes.event().serializer());
      attributes = driver.createInputTopic("contact-attributes", Serdes.String().serializer(),
          ScoringSerdes.attributes().serializer());
      records = driver.createInputTopic("account-records", Serdes.String().serializer(),
          Serdes.String().serializer());
      accounts = driver.createOutputTopic("account-scores", Serdes.String().deserializer(),
          ScoringSerdes.accountScore().deserializer());
      changes = driver.createOutputTopic("account-tier-changes",
          Serdes.String().deserializer(), ScoringSerdes.accountTierChange().deserializer());
    }

    void contact(String id, Object account, int visits) {
      Map<String, Object> a = new HashMap<>();
      if (account != null) {
        a.put("account_id", account);
      }
      attributes.pipeInput(id, new ContactAttributes(a), NOW);
      for (int i = 0; i < visits; i++) {
        events.pipeInput(id, Event.of("visit", NOW.minusSeconds(3600L * (i + 1))), NOW);
      }
    }

    /** Reads the outputs so far; returns the account scores read. */
    List<KeyValue<String, AccountScore>> drain() {
      List<KeyValue<String, AccountScore>> read = accounts.readKeyValuesToList();
      for (KeyValue<String, AccountScore> r : read) {
        if (r.value == null) {
          latest.remove(r.key);
        } else {
          latest.put(r.key, r.value);
        }
      }
      for (AccountTierChange c : changes.readValuesToList()) {
        chains.computeIfAbsent(c.accountId(), k -> new ArrayList<>()).add(c);
      }
      return read;
    }

    @Override
    public void close() {
      driver.close();
    }
  }

  static LiveScoringTopology scoring(ScoringTable table) {
    return LiveScoringTopology.builder(table).attributesTopic("contact-attributes")
        .accountsTopic("account-records").build();
  }

  @Test
  void b2bExample_exactAccountScores_recordArrivingAfterItsMembers() {
    try (Run run = new Run(scoring(b2b()), props())) {
      run.contact("a1", "acme", 3);
      run.contact("a2", "acme", 5);
      run.contact("a3", "acme", 1);
      run.contact("a4", "acme", 3);
      run.contact("b1", "globex", 2);
      run.contact("x1", 42L, 4); // a number names no account
      run.contact("x2", " ", 4); // nor does a blank string
      run.drain();
      assertEquals(List.of("acme", "globex"), List.copyOf(run.latest.keySet()));
      // topMean of 3: 50, 30, 30 (a1 and a4 tie at 30); no record yet, so no fit
      assertEquals(new AccountScore("acme", (50.0 + 30 + 30) / 3, (50.0 + 30 + 30) / 3, 0,
          (50.0 + 30 + 30) / 3, "cold", 4), run.latest.get("acme"));
      assertEquals(new AccountScore("globex", 20, 20, 0, 20, "cold", 1),
          run.latest.get("globex"));
      assertTrue(run.chains.isEmpty());

      // The record arrives after the members: 5000 employees, enterprise 20 + big 15, cap 30
      run.records.pipeInput("acme", "{\"id\":\"acme\",\"attributes\":{\"employees\":5000}}",
          NOW);
      run.records.pipeInput(null, "{\"id\":\"initech\",\"attributes\":{\"employees\":50}}",
          NOW);
      run.drain();
      double acme = 30 + (50.0 + 30 + 30) / 3;
      assertEquals(66.66666666666666, acme);
      assertEquals(new AccountScore("acme", acme, acme, 30, (50.0 + 30 + 30) / 3, "target", 4),
          run.latest.get("acme"));
      // an account with a record and no members: engagement 0
      assertEquals(new AccountScore("initech", 0, 0, 0, 0, "cold", 0),
          run.latest.get("initech"));
      List<AccountTierChange> chain = run.chains.get("acme");
      assertEquals(1, chain.size());
      assertEquals(new AccountTierChange(1, "b2b", "acme", "cold", java.util.Optional.of(
          new AccountScore("acme", (50.0 + 30 + 30) / 3, (50.0 + 30 + 30) / 3, 0,
              (50.0 + 30 + 30) / 3, "cold", 4)), run.latest.get("acme"),
          AccountTierChange.Cause.RECORD, java.util.Optional.empty(), b2b().fingerprint()),
          chain.get(0));
      assertBatch(b2b(), run, Map.of("a1", List.of("acme", 3), "a2", List.of("acme", 5),
          "a3", List.of("acme", 1), "a4", List.of("acme", 3), "b1", List.of("globex", 2),
          "x1", List.of(42L, 4), "x2", List.of(" ", 4)),
          Map.of("acme", Map.of("employees", 5000L), "initech", Map.of("employees", 50L)));
    }
  }

  /**
   * In a set, account tier changes carry the account table's fingerprint (as the live
   * scorer's do), not the set's, and contact tier changes their own table's.
   */
  @Test
  void inASet_accountTierChangesCarryTheAccountTablesFingerprint() {
    ScoringTable leads = ScoringTable.builder("leads").version("3")
        .behavioral("visit", on("visit"), 30).tier("warm", 20).baseTier("cold").build();
    dev.scoring.core.ModelSet set = dev.scoring.core.ModelSet.builder("acme-models")
        .version("1").add(leads).add(b2b()).build();
    LiveScoringTopology scoring = LiveScoringTopology.builder(set)
        .attributesTopic("contact-attributes").accountsTopic("account-records")
        .accountTable("b2b").build();
    try (Run run = new Run(scoring, props())) {
      TestOutputTopic<String, dev.scoring.core.live.TierChange> contactChanges =
          run.driver.createOutputTopic("tier-changes", Serdes.String().deserializer(),
              ScoringSerdes.tierChange().deserializer());
      run.contact("a1", "acme", 5); // b2b 50: MQL; leads 150: warm
      run.records.pipeInput("acme", "{\"id\":\"acme\",\"attributes\":{\"employees\":5000}}",
          NOW); // 30 + 50 = 80: hot
      run.drain();
      assertEquals(new AccountScore("acme", 80, 80, 30, 50, "hot", 1), run.latest.get("acme"));
      List<AccountTierChange> chain = run.chains.get("acme");
      assertEquals(List.of("target", "hot"), chain.stream().map(c -> c.current().tier())
          .toList());
      for (AccountTierChange c : chain) {
        assertEquals(b2b().fingerprint(), c.modelFingerprint());
      }
      assertFalse(set.fingerprint().equals(b2b().fingerprint()));
      Map<String, String> fingerprints = new TreeMap<>();
      for (dev.scoring.core.live.TierChange c : contactChanges.readValuesToList()) {
        fingerprints.put(c.current().modelName(), c.modelFingerprint());
      }
      assertEquals(Map.of("leads", leads.fingerprint(), "b2b", b2b().fingerprint()),
          fingerprints);
    }
  }

  @Test
  void aRecordWithABlankId_isAnAccountWithoutMembers_anEmptyIdIsDropped() {
    try (Run run = new Run(scoring(b2b()), props())) {
      run.contact("x2", " ", 4); // a blank key names no account (SPEC 12)
      run.records.pipeInput(" ", "{\"id\":\" \",\"attributes\":{\"employees\":5000}}", NOW);
      run.records.pipeInput(null, "{\"id\":\"\",\"attributes\":{\"employees\":5000}}", NOW);
      run.drain();
      assertEquals(List.of(" "), List.copyOf(run.latest.keySet()));
      assertEquals(new AccountScore(" ", 30, 30, 30, 0, "cold", 0), run.latest.get(" "));
      assertBatch(b2b(), run, Map.of("x2", List.of(" ", 4)),
          Map.of(" ", Map.of("employees", 5000L)));
    }
  }

  @Test
  void memberMovingAccount_leavesTheOldOne_andAnEmptyAccountIsATombstone() {
    try (Run run = new Run(scoring(b2b()), props())) {
      run.contact("a1", "acme", 3);
      run.contact("a2", "acme", 5);
      run.contact("b1", "globex", 2);
      run.drain();
      assertEquals(40.0, run.latest.get("acme").score()); // (50 + 30) / 2

      // a2 moves to globex: acme loses it, globex gains it
      run.attributes.pipeInput("a2", new ContactAttributes(Map.of("account_id", "globex")), NOW);
      run.drain();
      assertEquals(new AccountScore("acme", 30, 30, 0, 30, "cold", 1), run.latest.get("acme"));
      assertEquals(new AccountScore("globex", 35, 35, 0, 35, "cold", 2),
          run.latest.get("globex"));

      // a1 loses its key: acme has no member and no record left, and is gone
      run.attributes.pipeInput("a1", new ContactAttributes(Map.of()), NOW);
      List<KeyValue<String, AccountScore>> read = run.drain();
      assertEquals(1, read.size());
      assertEquals("acme", read.get(0).key);
      assertNull(read.get(0).value);
      assertFalse(run.latest.containsKey("acme"));

      // a contact deleted (tombstone) leaves its account too
      run.events.pipeInput("b1", null, NOW);
      run.drain();
      assertEquals(new AccountScore("globex", 50, 50, 0, 50, "target", 1),
          run.latest.get("globex"));
      // b1's leave leaves a2 alone in globex: the change names b1
      assertEquals(List.of("cold -> target MEMBER b1"), run.chains.get("globex").stream()
          .map(c -> c.previousTier() + " -> " + c.currentTier() + " " + c.cause() + " "
              + c.contactId().orElseThrow()).toList());
    }
  }

  @Test
  void memberScoreDropping_dropsTheAccount() {
    try (Run run = new Run(scoring(b2b()), props())) {
      run.records.pipeInput("acme", "{\"id\":\"acme\",\"attributes\":{\"employees\":5000}}",
          NOW);
      run.contact("a1", "acme", 6);
      run.contact("a2", "acme", 5);
      run.drain();
      double before = 30 + (60.0 + 50) / 2;
      assertEquals(new AccountScore("acme", before, before, 30, 55, "hot", 2),
          run.latest.get("acme"));
      run.events.pipeInput("a1", Event.of("unsubscribe", NOW.minusSeconds(60)), NOW);
      run.drain();
      assertEquals(new AccountScore("acme", 30 + (50.0 + 10) / 2, 30 + (50.0 + 10) / 2, 30, 30,
          "target", 2), run.latest.get("acme"));
      // a1's visits take acme to target then hot; a2 joining at 0 halves the mean (target),
      // its visits bring it back (hot); a1's unsubscribe drops it to target
      assertEquals(List.of("cold -> target 1 a1", "target -> hot 2 a1", "hot -> target 3 a2",
              "target -> hot 4 a2", "hot -> target 5 a1"),
          run.chains.get("acme").stream()
              .map(c -> c.previousTier() + " -> " + c.currentTier() + " " + c.sequence() + " "
                  + c.contactId().orElseThrow())
              .toList());
    }
  }

  @Test
  void modelUpdate_rescoresEveryAccount_withModelChangeTierChanges() {
    ScoringTable v1 = b2b();
    ScoringTable v2 = v1.toBuilder().version("2").account(AccountRules.builder(
            AccountRules.Combine.max())
        .tier("target", 20).tier("hot", 45).baseTier("cold").build()).build();
    LiveScoringTopology scoring = LiveScoringTopology.builder(v1)
        .attributesTopic("contact-attributes").accountsTopic("account-records")
        .modelTopic("models").sweepEvery(java.time.Duration.ofMinutes(5),
            org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME).build();
    try (Run run = new Run(scoring, props())) {
      run.contact("a1", "acme", 3);
      run.contact("a2", "acme", 5);
      run.contact("b1", "globex", 1);
      run.drain();
      assertEquals(40.0, run.latest.get("acme").score());
      run.driver.createInputTopic("models", Serdes.String().serializer(),
          Serdes.String().serializer()).pipeInput("m", LiveScoringTopologyTest.json(v2), NOW);
      run.driver.advanceWallClockTime(java.time.Duration.ofMinutes(5));
      run.drain();
      // max instead of topMean, no account rules: acme 50 (hot), globex 10 (cold)
      assertEquals(new AccountScore("acme", 50, 50, 0, 50, "hot", 2), run.latest.get("acme"));
      assertEquals(new AccountScore("globex", 10, 10, 0, 10, "cold", 1),
          run.latest.get("globex"));
      AccountTierChange last = run.chains.get("acme").get(run.chains.get("acme").size() - 1);
      assertEquals("cold -> hot MODEL_CHANGE", last.previousTier() + " -> "
          + last.currentTier() + " " + last.cause());
      assertEquals(v2.fingerprint(), last.modelFingerprint());
      assertEquals(java.util.Optional.empty(), last.contactId());
      assertEquals("b2b", last.table());
    }
  }

  @Test
  void accountsInRocksDb_areRestoredByTheNextDriver() {
    LiveScoringTopology scoring = LiveScoringTopology.builder(b2b())
        .attributesTopic("contact-attributes").accountsTopic("account-records")
        .persistent(true).build();
    Path snapshot = stateDir.resolveSibling(stateDir.getFileName() + "-disk");
    try (Run run = new Run(scoring, props())) {
      run.records.pipeInput("acme", "{\"id\":\"acme\",\"attributes\":{\"employees\":200}}",
          NOW);
      run.contact("a1", "acme", 2);
      run.drain();
      assertEquals(new AccountScore("acme", 35, 35, 15, 20, "cold", 1), run.latest.get("acme"));
      // The driver wipes its state directory when closed and flushes RocksDB at a checkpoint
      // every 10 000 records of a task (see LiveScoringTopologyTest): more than 10 000 inputs
      // of other accounts (each move is a leave and a join), then a copy of the disk.
      for (int i = 0; i <= 5_000; i++) {
        run.attributes.pipeInput("other-" + (i % 50),
            new ContactAttributes(Map.of("account_id", i % 2 == 0 ? "x" : "y")), NOW);
      }
      LiveScoringTopologyTest.copy(stateDir, snapshot);
    }
    LiveScoringTopologyTest.copy(snapshot, stateDir);
    try (Run run = new Run(scoring, props())) {
      run.contact("a2", "acme", 4);
      run.drain();
      // the record and a1 were restored: 15 + (40 + 20) / 2
      assertEquals(new AccountScore("acme", 45, 45, 15, 30, "cold", 2), run.latest.get("acme"));
    }
  }

  @Test
  void randomInputs_eachAccountEqualsTheBatchScorer() {
    ScoringTable table = b2b().toBuilder().decay(Decay.halfLife(30)).build();
    Object[] keys = {"acme", "globex", "initech", "umbrella", "hooli", "", 7L, null};
    for (int seed = 0; seed < 5; seed++) {
      Random random = new Random(seed);
      Map<String, List<Event>> events = new LinkedHashMap<>();
      Map<String, Map<String, Object>> attributes = new HashMap<>();
      Map<String, Map<String, Object>> records = new HashMap<>();
      try (Run run = new Run(LiveScoringTopology.builder(table)
          .attributesTopic("contact-attributes").accountsTopic("account-records").build(),
          props())) {
        for (int i = 0; i < 400; i++) {
          String id = "c-" + random.nextInt(30);
          int what = random.nextInt(20);
          if (what < 4) {
            Map<String, Object> a = new HashMap<>();
            Object key = keys[random.nextInt(keys.length)];
            if (key != null) {
              a.put("account_id", key);
            }
            attributes.put(id, a);
            events.putIfAbsent(id, new ArrayList<>());
            run.attributes.pipeInput(id, new ContactAttributes(a), NOW);
          } else if (what == 4) {
            attributes.remove(id);
            events.remove(id);
            run.events.pipeInput(id, null, NOW);
          } else if (what == 5) {
            String account = (String) keys[random.nextInt(5)];
            if (random.nextInt(4) == 0) {
              records.remove(account);
              run.records.pipeInput(account, null, NOW);
            } else {
              Map<String, Object> r = Map.of("employees", (long) random.nextInt(3000),
                  "competitor", random.nextInt(5) == 0);
              records.put(account, r);
              run.records.pipeInput(account, "{\"id\":\"" + account + "\",\"attributes\":"
                  + "{\"employees\":" + r.get("employees") + ",\"competitor\":"
                  + r.get("competitor") + "}}", NOW);
            }
          } else {
            Event e = Event.of(random.nextInt(8) == 0 ? "unsubscribe" : "visit",
                NOW.minusSeconds(random.nextInt(60 * 86_400)));
            events.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
            attributes.putIfAbsent(id, Map.of());
            run.events.pipeInput(id, e, NOW);
          }
        }
        run.drain();
        List<Contact> contacts = new ArrayList<>();
        for (Map.Entry<String, List<Event>> e : events.entrySet()) {
          contacts.add(Contact.builder(e.getKey()).attributes(attributes.get(e.getKey()))
              .events(e.getValue()).build());
        }
        AccountScores batch = AccountScorer.of(table).score(ContactTable.of(contacts),
            AccountRecords.of(records), NOW, 1);
        assertEquals(batch.size(), run.latest.size(), "seed " + seed);
        for (int a = 0; a < batch.size(); a++) {
          AccountScore emitted = run.latest.get(batch.id(a));
          String where = "seed " + seed + " account " + batch.id(a);
          assertSameBits(batch.score(a), emitted.score(), where);
          assertSameBits(batch.raw(a), emitted.raw(), where);
          assertSameBits(batch.fit(a), emitted.fit(), where);
          assertSameBits(batch.engagement(a), emitted.engagement(), where);
          assertEquals(batch.tier(a), emitted.tier(), where);
          assertEquals(batch.memberCount(a), emitted.members(), where);
        }
        for (Map.Entry<String, List<AccountTierChange>> e : run.chains.entrySet()) {
          List<AccountTierChange> chain = e.getValue();
          for (int i = 0; i < chain.size(); i++) {
            AccountTierChange c = chain.get(i);
            assertEquals(table.name(), c.table());
            assertEquals(c.cause() == AccountTierChange.Cause.MEMBER, c.contactId().isPresent(),
                c.toString());
            if (i > 0 && chain.get(i).sequence() != 1) { // a gone account starts again at 1
              assertEquals(chain.get(i - 1).sequence() + 1, chain.get(i).sequence());
              assertEquals(chain.get(i - 1).currentTier(), chain.get(i).previousTier());
            }
          }
          AccountScore last = run.latest.get(e.getKey());
          if (last != null) {
            assertEquals(last.tier(), chain.get(chain.size() - 1).currentTier(), e.getKey());
          }
        }
      }
    }
  }

  static void assertSameBits(double expected, double actual, String where) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        where + ": " + expected + " vs " + actual);
  }

  /** The emitted accounts equal the batch scorer's on the same contacts (account, visits). */
  static void assertBatch(ScoringTable table, Run run, Map<String, List<Object>> contacts,
      Map<String, Map<String, Object>> records) {
    List<Contact> list = new ArrayList<>();
    contacts.forEach((id, spec) -> {
      Contact.Builder b = Contact.builder(id).attribute("account_id", spec.get(0));
      for (int i = 0; i < (Integer) spec.get(1); i++) {
        b.event("visit", NOW.minusSeconds(3600L * (i + 1)));
      }
      list.add(b.build());
    });
    AccountScores batch = AccountScorer.of(table).score(ContactTable.of(list),
        AccountRecords.of(records), NOW, 1);
    assertEquals(batch.size(), run.latest.size());
    for (int a = 0; a < batch.size(); a++) {
      AccountScore s = run.latest.get(batch.id(a));
      assertSameBits(batch.score(a), s.score(), batch.id(a));
      assertEquals(batch.memberCount(a), s.members());
    }
  }
}
