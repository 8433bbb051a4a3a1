package dev.scoring.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.Contact;
import dev.scoring.api.ModelException;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.ContactJsonException;
import dev.scoring.core.json.ModelJson;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC section 12: exact account scores for every combine, edge cases and explanations. */
class AccountScoresTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  static AccountRules.Builder rules(AccountRules.Combine combine) {
    return AccountRules.builder(combine)
        .demographicCap(30)
        .demographic("enterprise", Condition.attribute("employees").atLeast(1000), 20)
        .demographic("big", Condition.attribute("employees").atLeast(100), 15)
        .negative("competitor", Condition.attribute("competitor").equalTo(true), -50)
        .tier("target", 50).tier("hot", 75).baseTier("cold");
  }

  static ScoringTable table(AccountRules.Combine combine) {
    return ScoringTable.builder("b2b")
        .behavioral("visit", EventMatch.on("visit"), 10)
        .account(rules(combine).build())
        .build();
  }

  static Contact contact(String id, Object account, int visits) {
    Contact.Builder b = Contact.builder(id);
    if (account != null) {
      b.attribute("account_id", account);
    }
    for (int i = 0; i < visits; i++) {
      b.event("visit", AS_OF.minusSeconds(3600L * (i + 1)));
    }
    return b.build();
  }

  static List<Contact> contacts() {
    return List.of(
        contact("a4", "acme", 3), contact("a1", "acme", 3), contact("a2", "acme", 5),
        contact("a3", "acme", 1), contact("b1", "globex", 2), contact("e1", "evil", 9),
        contact("c1", null, 4), contact("c2", 42L, 4), contact("c3", "  ", 4),
        contact("c4", true, 4));
  }

  static AccountRecords records() {
    return AccountRecords.of(Map.of(
        "acme", Map.of("employees", 5000L),
        "initech", Map.of("employees", 50L),
        "evil", Map.of("employees", 2000L, "competitor", true)));
  }

  static AccountScores score(AccountRules.Combine combine) {
    return AccountScorer.of(table(combine)).score(ContactTable.of(contacts()), records(), AS_OF,
        1);
  }

  @Test
  void accountsAreThoseWithARecordAndThoseNamedByAMembersKey() {
    AccountScores s = score(AccountRules.Combine.max());
    assertEquals(4, s.size());
    assertEquals(List.of("acme", "evil", "globex", "initech"),
        List.of(s.id(0), s.id(1), s.id(2), s.id(3)));
    assertEquals(-1, s.indexOf("42"));
    assertEquals(-1, s.indexOf("  "));
    assertEquals(4, s.memberCount(s.indexOf("acme")));
    // members by score, equal scores (a1, a4: 30) by contact id
    assertArrayEquals(new int[] {2, 1, 0, 3}, s.members(s.indexOf("acme")));
    assertEquals(0, s.memberCount(s.indexOf("initech")));
  }

  @Test
  void everyCombine_exactly() {
    int acme = 0;
    // acme: members 50, 30, 30, 10; fit min(20 + 15, 30) = 30
    assertEquals(50.0, score(AccountRules.Combine.max()).engagement(acme));
    assertEquals(80.0, score(AccountRules.Combine.max()).score(acme));
    assertEquals(120.0, score(AccountRules.Combine.sum()).engagement(acme));
    assertEquals(150.0, score(AccountRules.Combine.sum()).raw(acme));
    assertEquals(100.0, score(AccountRules.Combine.sum()).score(acme));
    assertEquals(30.0, score(AccountRules.Combine.mean()).engagement(acme));
    assertEquals(60.0, score(AccountRules.Combine.mean()).score(acme));
    assertEquals(50.0, score(AccountRules.Combine.topMean(1)).engagement(acme));
    assertEquals(40.0, score(AccountRules.Combine.topMean(2)).engagement(acme));
    assertEquals(110.0 / 3, score(AccountRules.Combine.topMean(3)).engagement(acme));
    assertEquals(30 + 110.0 / 3, score(AccountRules.Combine.topMean(3)).score(acme));
    assertEquals(30.0, score(AccountRules.Combine.topMean(4)).engagement(acme));
    assertEquals(30.0, score(AccountRules.Combine.topMean(5)).engagement(acme));
    assertEquals(30.0, score(AccountRules.Combine.topMean(1000)).engagement(acme));
    assertEquals("hot", score(AccountRules.Combine.max()).tier(acme));
    assertEquals("target", score(AccountRules.Combine.topMean(3)).tier(acme));
  }

  @Test
  void accountsWithoutMembers_membersWithoutARecord_negativeRulesAndTheClamp() {
    AccountScores s = score(AccountRules.Combine.topMean(3));
    int evil = s.indexOf("evil");
    int globex = s.indexOf("globex");
    int initech = s.indexOf("initech");
    // initech: a record, no members: engagement 0, employees 50 matches nothing
    assertEquals(0.0, s.engagement(initech));
    assertEquals(0.0, s.fit(initech));
    assertEquals(0.0, s.score(initech));
    assertEquals("cold", s.tier(initech));
    // globex: a member (20), no record: no attributes
    assertEquals(0.0, s.fit(globex));
    assertEquals(20.0, s.score(globex));
    // evil: min(35, 30) - 50 = -20 fit, member 90
    assertEquals(-20.0, s.fit(evil));
    assertEquals(70.0, s.score(evil));
    assertEquals("target", s.tier(evil));
    // clamp below: a competitor without members
    AccountScores alone = AccountScorer.of(table(AccountRules.Combine.max())).score(
        ContactTable.of(List.of()), records(), AS_OF, 1);
    assertEquals(-20.0, alone.raw(alone.indexOf("evil")));
    assertEquals(0.0, alone.score(alone.indexOf("evil")));
    assertEquals(List.of(new AccountExplanation.Entry(AccountExplanation.Kind.DEMOGRAPHIC,
            "enterprise", 20), new AccountExplanation.Entry(AccountExplanation.Kind.DEMOGRAPHIC,
            "big", 15), new AccountExplanation.Entry(AccountExplanation.Kind.NEGATIVE,
            "competitor", -50), new AccountExplanation.Entry(AccountExplanation.Kind.CAP,
            "caps.demographic", -5), new AccountExplanation.Entry(AccountExplanation.Kind.CLAMP,
            "scale", 20)),
        alone.explain(alone.indexOf("evil")).entries());
  }

  @Test
  void topKAndTierCounts() {
    AccountScores s = score(AccountRules.Combine.max());
    // acme 80, evil 70, globex 20, initech 0
    assertArrayEquals(new int[] {0, 1}, s.topK(2));
    assertArrayEquals(new int[] {0, 1, 2, 3}, s.topK(10));
    assertArrayEquals(new int[] {}, s.topK(0));
    assertEquals(Map.of("cold", 2L, "target", 1L, "hot", 1L), s.tierCountsByName());
    assertEquals(List.of("cold", "target", "hot"), List.copyOf(s.tierCountsByName().keySet()));
    // ties by account id
    AccountScores ties = AccountScorer.of(table(AccountRules.Combine.max())).score(
        ContactTable.of(List.of(contact("x", "b", 2), contact("y", "a", 2),
            contact("z", "c", 1))), AccountRecords.empty(), AS_OF, 1);
    assertArrayEquals(new int[] {0, 1}, ties.topK(2));
    assertEquals("a", ties.id(0));
  }

  @Test
  void explanationsSumToTheScore_withEveryMembersShare() {
    for (AccountRules.Combine c : List.of(AccountRules.Combine.max(), AccountRules.Combine.sum(),
        AccountRules.Combine.mean(), AccountRules.Combine.topMean(3))) {
      AccountScores s = score(c);
      for (int a = 0; a < s.size(); a++) {
        AccountExplanation e = s.explain(a);
        assertTrue(Math.abs(e.total() - s.score(a)) <= 1e-9, c + " " + s.id(a) + ": " + e);
        assertEquals(s.tier(a), e.tier());
      }
    }
    AccountExplanation sum = score(AccountRules.Combine.sum()).explain(0);
    assertEquals(List.of(
        new AccountExplanation.Entry(AccountExplanation.Kind.DEMOGRAPHIC, "enterprise", 20),
        new AccountExplanation.Entry(AccountExplanation.Kind.DEMOGRAPHIC, "big", 15),
        new AccountExplanation.Entry(AccountExplanation.Kind.CAP, "caps.demographic", -5),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "a2", 50),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "a1", 30),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "a4", 30),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "a3", 10),
        new AccountExplanation.Entry(AccountExplanation.Kind.CLAMP, "scale", -50)),
        sum.entries());
    AccountExplanation top = score(AccountRules.Combine.topMean(3)).explain(0);
    List<Double> shares = new ArrayList<>();
    for (AccountExplanation.Entry e : top.entries()) {
      if (e.kind() == AccountExplanation.Kind.MEMBER) {
        shares.add(e.points());
      }
    }
    // share = score times weight (1/3), as SPEC 12 words it
    assertEquals(List.of(50 * (1.0 / 3), 30 * (1.0 / 3), 30 * (1.0 / 3), 0.0), shares);
  }

  @Test
  void largeAccounts_orderMembersByScoreThenContactId() {
    List<Contact> people = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int visits = 3; visits >= 0; visits--) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 15; i++) {
        ids.add("m" + (char) ('a' + (i * 7 % 15)) + visits);
      }
      for (String id : ids) {
        people.add(contact(id, "big", visits));
      }
      ids.sort(null);
      expected.addAll(ids);
    }
    java.util.Collections.shuffle(people, new java.util.Random(7));
    ContactTable t = ContactTable.of(people);
    AccountScores s = AccountScorer.of(table(AccountRules.Combine.topMean(20))).score(t,
        AccountRecords.empty(), AS_OF, 1);
    List<String> order = new ArrayList<>();
    for (int c : s.members(0)) {
      order.add(t.id(c));
    }
    assertEquals(expected, order);
    // 15 x 30 + 5 x 20 over 20
    assertEquals((15 * 30.0 + 5 * 20.0) / 20, s.engagement(0));
  }

  @Test
  void manyAccountsOnTwoThreads_equalOneThread() {
    List<Contact> people = new ArrayList<>();
    java.util.Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
    for (int i = 0; i < 9000; i++) {
      people.add(contact("p" + i, "acct-" + (i % 4500), i % 7));
      byId.put("acct-" + (i % 4600), Map.of("employees", (long) (i % 3000)));
    }
    ContactTable t = ContactTable.of(people);
    AccountScorer scorer = AccountScorer.of(table(AccountRules.Combine.topMean(2)));
    AccountScores one = scorer.score(t, AccountRecords.of(byId), AS_OF, 1);
    AccountScores two = scorer.score(t, AccountRecords.of(byId), AS_OF, 2);
    assertEquals(4600, one.size());
    assertEquals(one.tierCountsByName(), two.tierCountsByName());
    for (int a = 0; a < one.size(); a++) {
      assertEquals(one.id(a), two.id(a));
      assertEquals(Double.doubleToRawLongBits(one.score(a)),
          Double.doubleToRawLongBits(two.score(a)), one.id(a));
      assertEquals(one.tier(a), two.tier(a));
      assertArrayEquals(one.members(a), two.members(a));
    }
    long total = 0;
    for (long c : one.tierCountsByName().values()) {
      total += c;
    }
    assertEquals(4600, total);
  }

  @Test
  void accountRecordsFromNdjson_refuseARepeatedIdAndEvents() {
    AccountRecords r = AccountRecords.fromNdjson(new StringReader(
        "{\"id\":\"acme\",\"attributes\":{\"employees\":5000}}\n\n"
            + "{\"id\":\"globex\",\"attributes\":null}\n"));
    assertEquals(2, r.size());
    assertEquals(Map.of("employees", 5000L), r.attributes("acme"));
    assertEquals(Map.of(), r.attributes("globex"));
    ContactJsonException repeated = assertThrows(ContactJsonException.class,
        () -> AccountRecords.fromNdjson(new StringReader(
            "{\"id\":\"acme\"}\n{\"id\":\"b\"}\n{\"id\":\"acme\"}\n")));
    assertEquals(3, repeated.line());
    assertEquals("id", repeated.path());
    assertEquals("line 3: id must be unique among account records, but was \"acme\", first on"
        + " line 1", repeated.getMessage());
    ContactJsonException events = assertThrows(ContactJsonException.class,
        () -> AccountRecords.fromNdjson(new StringReader("{\"id\":\"acme\",\"events\":"
            + "[{\"type\":\"x\",\"at\":\"2026-01-01T00:00:00Z\"}]}\n")));
    assertEquals("events[0]", events.path());
    assertEquals("line 1: events[0] must be absent from an account record (accounts have no"
        + " events), but was an event of type \"x\"", events.getMessage());
  }

  @Test
  void accountRecordIds_areAnyNonEmptyString_theEmptyIdIsRefusedWithItsLine() {
    AccountRecords r = AccountRecords.fromNdjson(new StringReader(
        "{\"id\":\" \",\"attributes\":{\"employees\":5000}}\n"
            + "{\"attributes\":{\"employees\":1},\"id\":\"\\t\"}\n"));
    assertEquals(2, r.size());
    assertEquals(Map.of("employees", 5000L), r.attributes(" "));
    assertEquals(Map.of("employees", 1L), r.attributes("\t"));
    ContactJsonException empty = assertThrows(ContactJsonException.class,
        () -> AccountRecords.fromNdjson(new StringReader(
            "{\"id\":\"acme\"}\n{\"id\":\"\",\"attributes\":{\"employees\":5}}\n")));
    assertEquals(2, empty.line());
    assertEquals("line 2: id must be a non-empty string, but was \"\"", empty.getMessage());
    ContactJsonException number = assertThrows(ContactJsonException.class,
        () -> AccountRecords.fromNdjson(new StringReader("{\"id\":7}\n")));
    assertEquals("line 1: id must be a non-empty string, but was 7", number.getMessage());
    // the contact reader itself still wants non-blank contact ids (SPEC 1)
    ContactJsonException contact = assertThrows(ContactJsonException.class,
        () -> ContactJson.defaults().read("{\"id\":\" \"}"));
    assertEquals("id must be a non-blank string, but was \" \"", contact.getMessage());

    assertEquals(Map.of("employees", 5000L),
        AccountRecords.of(Map.of(" ", Map.of("employees", 5000))).attributes(" "));
    Map<String, Map<String, Object>> emptyId = new java.util.HashMap<>();
    emptyId.put("", Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AccountRecords.of(emptyId));
    assertEquals("account record id must be a non-empty string, but was \"\"", e.getMessage());
  }

  @Test
  void oneAccountsFit_fromAMapOfAnyNumberTypes_checkedAsAContactsAttributes() {
    AccountRules rules = AccountRules.builder(AccountRules.Combine.max())
        .demographic("enterprise", Condition.attribute("employees").atLeast(1000), 20)
        .negative("competitor", Condition.attribute("competitor").equalTo(true), -50)
        .build();
    Map<String, Object> raw = new java.util.HashMap<>();
    raw.put("employees", 5000);                    // an Integer, stored as a Long
    raw.put("competitor", true);
    raw.put("region", null);                       // null means absent
    assertEquals(new AccountScore("acme", 0.0, -30.0, -30.0, 0.0, "unqualified", 0),
        rules.score("acme", raw, List.of(), AS_OF));
    assertEquals(20.0, rules.score("acme", Map.of("employees", new java.math.BigDecimal("1e3")),
        List.of(), AS_OF).fit());
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> rules.score("acme", Map.of(" ", 1), List.of(), AS_OF));
    assertEquals("account \"acme\" attribute name must be a non-blank string, but was \" \"",
        blank.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> rules.score("acme", Map.of("employees", Double.NaN), List.of(), AS_OF));
    assertEquals("attribute 'employees' must be a finite number, but was NaN", nan.getMessage());
  }

  @Test
  void oneRecordFromAJsonDocument_asAnNdjsonLineIsRead() {
    AccountRecords r = AccountRecords.fromJson(
        "{\n  \"attributes\": {\"employees\": 5000, \"region\": null},\n  \"id\": \" \"\n}");
    assertEquals(java.util.Set.of(" "), r.ids());
    assertEquals(Map.of("employees", 5000L), r.attributes(" "));
    ContactJsonException empty = assertThrows(ContactJsonException.class,
        () -> AccountRecords.fromJson("{\"id\":\"\"}"));
    assertEquals("id must be a non-empty string, but was \"\"", empty.getMessage());
    ContactJsonException events = assertThrows(ContactJsonException.class,
        () -> AccountRecords.fromJson("{\"id\":\"a\",\"events\":[{\"type\":\"x\","
            + "\"at\":\"2026-01-01T00:00:00Z\"}]}"));
    assertEquals("events[0] must be absent from an account record (accounts have no events),"
        + " but was an event of type \"x\"", events.getMessage());
  }

  @Test
  void aRecordWithABlankId_isAnAccountWithoutMembers_blankKeysGiveNoAccount() {
    ScoringTable t = ScoringTable.builder("b2b")
        .behavioral("visit", EventMatch.on("visit"), 10)
        .account(AccountRules.builder(AccountRules.Combine.sum())
            .demographic("enterprise", Condition.attribute("employees").atLeast(1000), 20)
            .build())
        .build();
    ContactTable contacts = ContactTable.of(List.of(
        Contact.builder("c1").attribute("account_id", " ").event("visit", AS_OF.minusSeconds(60))
            .build(),
        Contact.builder("c2").attribute("account_id", "acme")
            .event("visit", AS_OF.minusSeconds(60)).build()));
    AccountRecords records = AccountRecords.fromNdjson(new StringReader(
        "{\"id\":\" \",\"attributes\":{\"employees\":5000}}\n"));
    AccountScores s = AccountScorer.of(t).score(contacts, records, AS_OF, 1);
    assertEquals(2, s.size());
    assertEquals(" ", s.id(0));
    assertEquals(0, s.memberCount(0));
    assertEquals(20.0, s.fit(0));
    assertEquals(20.0, s.score(0));
    assertEquals("acme", s.id(1));
    assertEquals(1, s.memberCount(1));
    assertEquals(10.0, s.score(1));
    AccountScore one = t.account().get().score(" ", records.attributes(" "), List.of(), AS_OF);
    assertEquals(new AccountScore(" ", 20.0, 20.0, 20.0, 0.0, "unqualified", 0), one);
  }

  @Test
  void theAccountBlockReadsAndWritesAsJson() {
    String json = "{\"name\":\"b2b\",\"behavioral\":[{\"id\":\"visit\",\"event\":\"visit\","
        + "\"points\":10}],\"account\":{\"key\":\"company\",\"combine\":{\"type\":\"topMean\","
        + "\"k\":3},\"caps\":{\"demographic\":30},\"demographic\":[{\"id\":\"enterprise\","
        + "\"attribute\":\"employees\",\"atLeast\":1000,\"points\":20}],\"negative\":[{\"id\":"
        + "\"competitor\",\"attribute\":\"competitor\",\"equals\":true,\"points\":-50}],"
        + "\"scale\":{\"min\":0,\"max\":100},\"tiers\":[{\"name\":\"target\",\"atLeast\":50},"
        + "{\"name\":\"hot\",\"atLeast\":75}],\"baseTier\":\"cold\"}}";
    ScoringTable t = ModelJson.parse(json);
    AccountRules a = t.account().orElseThrow();
    assertEquals("company", a.key());
    assertEquals(AccountRules.Combine.topMean(3), a.combine());
    assertEquals(30.0, a.demographicCap().getAsDouble());
    assertEquals("cold", a.baseTier());
    assertEquals(2, a.tiers().size());
    assertTrue(t.toJson().endsWith("  \"baseTier\": \"unqualified\",\n  \"account\": {\n"
        + "    \"key\": \"company\",\n"
        + "    \"combine\": {\"type\":\"topMean\",\"k\":3},\n"
        + "    \"caps\": {\"demographic\":30},\n"
        + "    \"demographic\": [\n"
        + "      {\"id\":\"enterprise\",\"attribute\":\"employees\",\"atLeast\":1000,"
        + "\"points\":20}\n    ],\n"
        + "    \"negative\": [\n"
        + "      {\"id\":\"competitor\",\"attribute\":\"competitor\",\"equals\":true,"
        + "\"points\":-50}\n    ],\n"
        + "    \"tiers\": [\n      {\"name\":\"target\",\"atLeast\":50},\n"
        + "      {\"name\":\"hot\",\"atLeast\":75}\n    ],\n"
        + "    \"baseTier\": \"cold\"\n  }\n}\n"), t.toJson());
    ScoringTable back = ModelJson.parse(t.toJson());
    assertEquals(t, back);
    assertEquals(t.fingerprint(), back.fingerprint());
    ScoringTable without = t.toBuilder().account(null).build();
    assertEquals(false, without.fingerprint().equals(t.fingerprint()));
    assertEquals(false, without.toJson().contains("account"));
  }

  @Test
  void malformedAccountBlocks_nameThePathAndValue() {
    error("3", "account", "account must be a JSON object, but was 3");
    error("{}", "account.combine", "account.combine must be present, but was missing");
    error("{\"combine\":{\"type\":\"median\"}}", "account.combine.type",
        "account.combine.type must be one of max, sum, mean, topMean, but was \"median\"");
    error("{\"combine\":{\"type\":\"topMean\"}}", "account.combine.k",
        "account.combine.k must be present, but was missing");
    error("{\"combine\":{\"type\":\"topMean\",\"k\":0}}", "account.combine.k",
        "account.combine.k must be at least 1, but was 0");
    error("{\"combine\":{\"type\":\"topMean\",\"k\":1.5}}", "account.combine.k",
        "account.combine.k must be a whole number, but was 1.5");
    error("{\"combine\":{\"type\":\"max\",\"k\":3}}", "account.combine.k",
        "account.combine.k must be absent for max, but was 3");
    error("{\"combine\":{\"type\":\"max\"},\"key\":\" \"}", "account.key",
        "account.key must be a non-blank string, but was \" \"");
    error("{\"combine\":{\"type\":\"max\"},\"caps\":{\"behavioral\":5}}",
        "account.caps.behavioral", "account.caps.behavioral must be a field of the account"
            + " caps (demographic), but was unknown");
    error("{\"combine\":{\"type\":\"max\"},\"caps\":{\"demographic\":0}}",
        "account.caps.demographic", null);
    error("{\"combine\":{\"type\":\"max\"},\"demographic\":[{\"id\":\"x\",\"attribute\":"
        + "\"employees\",\"atLeast\":3,\"points\":0}]}", "account.demographic[0].points",
        "account.demographic[0].points must be finite and non-zero, but was 0");
    error("{\"combine\":{\"type\":\"max\"},\"negative\":[{\"id\":\"x\",\"event\":\"bounce\","
        + "\"points\":-5}]}", "account.negative[0].event", null);
    error("{\"combine\":{\"type\":\"max\"},\"negative\":[{\"id\":\"x\",\"attribute\":\"a\","
        + "\"equals\":1,\"points\":5}]}", "account.negative[0].points", null);
    error("{\"combine\":{\"type\":\"max\"},\"tiers\":[{\"name\":\"t\",\"atLeast\":150}]}",
        "account.tiers[0].atLeast",
        "account.tiers[0].atLeast must be <= scale.max (100), but was 150");
    error("{\"combine\":{\"type\":\"max\"},\"weights\":[]}", "account.weights", null);
    error("{\"combine\":{\"type\":\"max\"},\"demographic\":[{\"id\":\"x\",\"attribute\":\"a\","
        + "\"equals\":1,\"points\":5}],\"negative\":[{\"id\":\"x\",\"attribute\":\"b\","
        + "\"equals\":1,\"points\":-5}]}", "account.negative[0].id", null);
    assertThrows(ModelException.class, () -> AccountRules.Combine.topMean(0));
  }

  private static void error(String account, String path, String message) {
    String json = "{\"name\":\"b2b\",\"behavioral\":[{\"id\":\"visit\",\"event\":\"visit\","
        + "\"points\":10}],\"account\":" + account + "}";
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(json));
    assertEquals(path, e.path(), e.getMessage());
    if (message != null) {
      assertEquals(message, e.getMessage());
    } else {
      assertTrue(e.getMessage().startsWith(path + " must "), e.getMessage());
    }
  }
}
