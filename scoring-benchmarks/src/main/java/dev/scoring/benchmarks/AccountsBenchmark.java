package dev.scoring.benchmarks;

import dev.scoring.api.Contact;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.AccountScores;
import dev.scoring.core.BatchScorer;
import dev.scoring.core.BatchScores;
import dev.scoring.core.Condition;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Account scores (SPEC section 12) on 1,000,000 generated contacts ({@link ExampleContacts},
 * seed 42) in 100,000 accounts (contact {@code i} in account {@code acct-(i mod 100000)}),
 * every account with a record ({@code employees}), under the seed table with an account
 * block ({@code topMean} of 3, two account rules, tiers): {@code accounts} scores the contacts
 * and then the accounts; {@code contactsOnly}, the baseline, scores the contacts alone with
 * {@link BatchScorer} on the same threads; {@code accountPassOnly} is the account pass alone,
 * from contact scores computed once. Throughput is contacts per second.
 *
 * <p>Run: {@code java -jar scoring-benchmarks/target/benchmarks.jar AccountsBenchmark
 * -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OperationsPerInvocation(AccountsBenchmark.CONTACTS)
public class AccountsBenchmark {
  static final int CONTACTS = 1_000_000;
  static final int ACCOUNTS = 100_000;
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  /** Threads for the contact scores. */
  @Param({"1", "2"})
  public int threads;

  private ContactTable contacts;
  private AccountRecords records;
  private AccountScorer scorer;
  private BatchScorer contactScorer;
  private BatchScores contactScores;
  private BatchScores accountPassScores;

  /** Generates the population and the records, and checks one account by hand. */
  @Setup
  public void setup() {
    ScoringTable table = ExampleModels.seed().toBuilder()
        .account(AccountRules.builder(AccountRules.Combine.topMean(3))
            .demographicCap(30)
            .demographic("enterprise", Condition.attribute("employees").atLeast(1000), 20)
            .demographic("mid", Condition.attribute("employees").between(200, 999), 10)
            .tier("target", 50).tier("hot", 75).baseTier("cold").build())
        .build();
    List<Contact> generated = ExampleContacts.generate(CONTACTS, 42, AS_OF);
    ContactTable.Builder b = ContactTable.builder();
    for (int i = 0; i < CONTACTS; i++) {
      Contact c = generated.get(i);
      b.add(c.toBuilder().attribute("account_id", "acct-" + (i % ACCOUNTS)).build());
      generated.set(i, null);
    }
    contacts = b.build();
    Map<String, Map<String, Object>> byId = new HashMap<>();
    for (int a = 0; a < ACCOUNTS; a++) {
      byId.put("acct-" + a, Map.of("employees", (long) (a * 37 % 5000)));
    }
    records = AccountRecords.of(byId);
    scorer = AccountScorer.of(table);
    contactScorer = BatchScorer.of(table);
    contactScores = new BatchScores(CONTACTS);
    accountPassScores = contactScorer.score(contacts, AS_OF, threads);
    AccountScores s = scorer.score(contacts, records, AS_OF, threads);
    if (s.size() != ACCOUNTS || s.memberCount(0) != CONTACTS / ACCOUNTS) {
      throw new IllegalStateException("accounts must be " + ACCOUNTS + " of "
          + CONTACTS / ACCOUNTS + " members, but were " + s.size() + " of " + s.memberCount(0));
    }
  }

  /** Contact scores, then account scores. */
  @Benchmark
  public AccountScores accounts() {
    return scorer.score(contacts, records, AS_OF, threads);
  }

  /**
   * The account pass alone, from contact scores computed in the setup: members, combine, the
   * accounts' fit from their records, clamp and tiers (one thread).
   */
  @Benchmark
  public AccountScores accountPassOnly() {
    return scorer.score(contacts, accountPassScores, records, AS_OF);
  }

  /** The baseline: the contact scores alone. */
  @Benchmark
  public BatchScores contactsOnly() {
    contactScorer.scoreInto(contacts, AS_OF, threads, contactScores);
    return contactScores;
  }
}
