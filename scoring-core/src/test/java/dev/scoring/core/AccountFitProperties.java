package dev.scoring.core;

import dev.scoring.api.Contact;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * SPEC section 12: an account's fit, computed from its attributes without a {@code Contact}
 * per account, has the bits of the same rules as a table's attribute rules scoring a contact
 * with those attributes, on the batch path and on {@link AccountRules#score}.
 */
class AccountFitProperties {
  private static final List<Double> POINTS = List.of(0.1, 0.2, 0.3, 7.3, 9.5, 1e-10, 20.0,
      1.25e7, 3.0);

  @Property(tries = 200)
  void theAccountFit_hasTheBitsOfATablesAttributeRules(
      @ForAll("rules") List<Tuple2<Criteria, Double>> demographic,
      @ForAll("rules") List<Tuple2<Criteria, Double>> negative,
      @ForAll("caps") double cap, @ForAll("accounts") List<Contact> accounts) {
    if (demographic.isEmpty() && negative.isEmpty()) {
      return;
    }
    AccountRules.Builder rules = AccountRules.builder(AccountRules.Combine.sum());
    ScoringTable.Builder table = ScoringTable.builder("same-rules");
    if (!Double.isNaN(cap)) {
      rules.demographicCap(cap);
      table.demographicCap(cap);
    }
    for (int i = 0; i < demographic.size(); i++) {
      rules.demographic("d" + i, demographic.get(i).get1(), demographic.get(i).get2());
      table.demographic("d" + i, demographic.get(i).get1(), demographic.get(i).get2());
    }
    for (int i = 0; i < negative.size(); i++) {
      rules.negative("n" + i, negative.get(i).get1(), -negative.get(i).get2());
      table.negative("n" + i, negative.get(i).get1(), -negative.get(i).get2());
    }
    AccountRules account = rules.build();
    ScoringTable reference = table.build();
    ScoringTable withAccounts = ScoringTable.builder("t").behavioral("v", EventMatch.on("v"), 1)
        .account(account).build();
    Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    for (int i = 0; i < accounts.size(); i++) {
      records.put("a" + i, accounts.get(i).attributes());
    }
    AccountScores batch = AccountScorer.of(withAccounts).score(ContactTable.of(List.of()),
        AccountRecords.of(records), ArbitraryTables.AS_OF, 2);
    for (int i = 0; i < accounts.size(); i++) {
      Contact c = accounts.get(i);
      double expected = reference.score(c, ArbitraryTables.AS_OF).fit();
      double one = account.score("a" + i, c.attributes(), List.of(), ArbitraryTables.AS_OF)
          .fit();
      double inBatch = batch.fit(batch.indexOf("a" + i));
      if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(one)
          || Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(inBatch)) {
        throw new AssertionError("account with " + c.attributes() + ": the table gives "
            + expected + ", AccountRules.score " + one + ", the batch " + inBatch);
      }
    }
  }

  @Provide
  Arbitrary<List<Tuple2<Criteria, Double>>> rules() {
    return Combinators.combine(ArbitraryTables.criteria(), Arbitraries.of(POINTS))
        .as(Tuple::of).list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<Double> caps() {
    return Arbitraries.of(Double.NaN, 0.3, 10.0, 12.0, 1e9);
  }

  @Provide
  Arbitrary<List<Contact>> accounts() {
    return ArbitraryTables.contacts().list().ofMinSize(1).ofMaxSize(8);
  }
}
