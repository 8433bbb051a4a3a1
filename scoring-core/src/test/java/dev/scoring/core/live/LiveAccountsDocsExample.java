package dev.scoring.core.live;

// docs:live-accounts
import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.AccountRules;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.live.LiveScorer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

public class LiveAccountsDocsExample {
  public static List<String> run() {
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    ScoringTable crm = ScoringTable.builder("crm")
        .demographic("exec", attribute("title").equalTo("exec"), 20)
        .behavioral("demo", on("demo_request"), 40)
        .behavioral("pricing", on("pricing_page_visit"), 15)
        .tier("MQL", 60)
        .account(AccountRules.builder(AccountRules.Combine.topMean(3))
            .demographic("enterprise", attribute("employees").atLeast(1000), 20)
            .tier("target", 40).tier("hot", 70).baseTier("cold")
            .build())
        .build();
    ScoringTable product = ScoringTable.builder("product")
        .behavioral("trial", on("trial_started"), 50)
        .behavioral("seat", on("seat_added"), 10)
        .tier("PQL", 50)
        .build();
    ModelSet set = ModelSet.builder("acme-scores").add(crm).add(product).build();

    List<String> heard = new CopyOnWriteArrayList<>();
    LiveScorer scorer = LiveScorer.builder(set)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .maxMembersPerAccount(10_000)       // bounds the cost of recomputing an account
        .listener(c -> heard.add(c.table() + " " + c.contactId() + ": "
            + c.previousTier() + " -> " + c.currentTier()))
        .accountListener(c -> heard.add("account " + c.accountId() + ": "
            + c.previousTier() + " -> " + c.currentTier() + " (" + c.cause()
            + c.contactId().map(id -> " of " + id).orElse("") + ")"))
        .build();

    scorer.upsertAccount("acme", Map.of("employees", 5000));           // fit 20
    for (String id : List.of("ann", "bob", "cem")) {
      scorer.upsert(Contact.builder(id).attribute("account_id", "acme").build());
    }
    scorer.record("ann", Event.of("demo_request", now));     // acme: 20 + 40 / 3
    scorer.record("bob", Event.of("pricing_page_visit", now));
    scorer.record("cem", Event.of("trial_started", now));    // product only: PQL
    scorer.record("bob", Event.of("demo_request", now));     // acme: 20 + 95 / 3 = 51.67

    Map<String, Double> bob = Map.of(
        "crm", scorer.tableScores("bob").orElseThrow().get("crm").score(),
        "product", scorer.tableScores("bob").orElseThrow().get("product").score());
    heard.add("bob " + new java.util.TreeMap<>(bob));
    heard.add("acme " + scorer.accountScore("acme").orElseThrow().score());
    return heard;
  }
}
// docs:end
