package dev.scoring.core;

import dev.scoring.api.Contact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SPEC section 12: an account's score does not depend on the order of contacts or records
 * (bit for bit), its explanation sums to it, and it follows the definition computed here
 * directly from the object scores.
 */
class AccountScoresProperties {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  static final List<String> ACCOUNTS = List.of("a", "b", "c", "d", "e");

  @Property(tries = 100)
  void accountScoresDoNotDependOnOrder_andFollowTheDefinition(
      @ForAll("contacts") List<Contact> contacts, @ForAll("combines") AccountRules.Combine combine,
      @ForAll long seed) {
    ScoringTable table = ScoringTable.builder("t")
        .behavioral("v", EventMatch.on("v"), 7.3)
        .behavioral("w", EventMatch.on("w"), 0.1)
        .negative("x", EventMatch.on("x"), -4.9)
        .account(AccountRules.builder(combine).demographicCap(12)
            .demographic("emp", Condition.attribute("employees").atLeast(100), 9.5)
            .demographic("tech", Condition.attribute("sector").equalTo("tech"), 7)
            .negative("comp", Condition.attribute("competitor").equalTo(true), -30)
            .tier("t1", 20).tier("t2", 60).build())
        .build();
    Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    records.put("a", Map.of("employees", 500L, "sector", "tech"));
    records.put("c", Map.of("competitor", true));
    records.put("z", Map.of("employees", 50L));
    AccountScores first = AccountScorer.of(table).score(ContactTable.of(contacts),
        AccountRecords.of(records), AS_OF, 1);

    List<Contact> shuffled = new ArrayList<>(contacts);
    Collections.shuffle(shuffled, new Random(seed));
    List<Map.Entry<String, Map<String, Object>>> entries = new ArrayList<>(records.entrySet());
    Collections.shuffle(entries, new Random(seed + 1));
    Map<String, Map<String, Object>> reordered = new LinkedHashMap<>();
    entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));
    AccountScores second = AccountScorer.of(table).score(ContactTable.of(shuffled),
        AccountRecords.of(reordered), AS_OF, 2);

    if (first.size() != second.size()) {
      throw new AssertionError(first.size() + " accounts, then " + second.size());
    }
    for (int a = 0; a < first.size(); a++) {
      if (!first.id(a).equals(second.id(a))
          || Double.doubleToRawLongBits(first.score(a))
              != Double.doubleToRawLongBits(second.score(a))
          || Double.doubleToRawLongBits(first.raw(a))
              != Double.doubleToRawLongBits(second.raw(a))
          || !first.tier(a).equals(second.tier(a))) {
        throw new AssertionError(first.id(a) + ": " + first.raw(a) + " then " + second.raw(a));
      }
      if (Math.abs(first.explain(a).total() - first.score(a)) > 1e-9) {
        throw new AssertionError(first.explain(a) + " must sum to " + first.score(a));
      }
      // one account at a time (live, Kafka Streams, Spark): the same bits as the batch
      List<AccountRules.Member> members = new ArrayList<>();
      for (Contact c : shuffled) {
        if (table.account().get().accountOf(c.attributes()).orElse("").equals(first.id(a))) {
          members.add(new AccountRules.Member(c.id(), table.score(c, AS_OF).score()));
        }
      }
      AccountScore one = table.account().get().score(first.id(a), records.get(first.id(a)),
          members, AS_OF);
      AccountScore batch = new AccountScore(first.id(a), first.score(a), first.raw(a),
          first.fit(a), first.engagement(a), first.tier(a), first.memberCount(a));
      if (!one.equals(batch)) {
        throw new AssertionError("one account " + one + ", in the batch " + batch);
      }
      if (!table.account().get().explain(first.id(a), records.get(first.id(a)), members, AS_OF)
          .equals(first.explain(a))) {
        throw new AssertionError(first.id(a) + ": explanations differ");
      }
      // the definition, from the object scores
      List<Double> s = new ArrayList<>();
      for (Contact c : contacts) {
        if (first.id(a).equals(c.attribute("account_id"))) {
          s.add(table.score(c, AS_OF).score());
        }
      }
      s.sort(Collections.reverseOrder());
      int n = s.size();
      int m = switch (combine.type()) {
        case MAX -> Math.min(1, n);
        case TOP_MEAN -> Math.min(combine.k(), n);
        default -> n;
      };
      double sum = 0;
      for (int i = 0; i < m; i++) {
        sum += s.get(i);
      }
      double engagement = n == 0 ? 0 : switch (combine.type()) {
        case MAX, SUM -> sum;
        default -> sum / m;
      };
      if (Math.abs(engagement - first.engagement(a)) > 1e-9 * Math.max(1, Math.abs(engagement))) {
        throw new AssertionError(first.id(a) + ": engagement " + first.engagement(a)
            + ", by the definition " + engagement);
      }
    }
  }

  @Provide
  Arbitrary<AccountRules.Combine> combines() {
    return Arbitraries.oneOf(Arbitraries.of(AccountRules.Combine.max(),
        AccountRules.Combine.sum(), AccountRules.Combine.mean()),
        Arbitraries.integers().between(1, 6).map(AccountRules.Combine::topMean));
  }

  @Provide
  Arbitrary<List<Contact>> contacts() {
    Arbitrary<Object> key = Arbitraries.oneOf(Arbitraries.of(ACCOUNTS).map(v -> (Object) v),
        Arbitraries.of(" ", 7L, true).map(v -> (Object) v), Arbitraries.just(null));
    Arbitrary<List<String>> events = Arbitraries.of("v", "w", "x", "v").list().ofMaxSize(14);
    Arbitrary<String> id = Arbitraries.of("p", "q", "r", "s", "t", "u");
    return Combinators.combine(id, key, events).as((i, k, ev) -> {
      Contact.Builder b = Contact.builder(i);
      if (k != null) {
        b.attribute("account_id", k);
      }
      for (int j = 0; j < ev.size(); j++) {
        b.event(ev.get(j), AS_OF.minusSeconds(60L * (j + 1)));
      }
      return b.build();
    }).list().ofMaxSize(25);
  }
}
