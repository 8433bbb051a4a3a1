package dev.scoring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.json.ModelSetJson;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/accounts.md}: the code between the {@code docs:} markers is what
 * the page shows (checked verbatim), and it runs here.
 */
class AccountsDocTest {

  static ScoringTable leads() {
    // docs:table
    ScoringTable leads = ScoringTable.builder("b2b-leads")
        .demographic("decision-maker",
            Condition.attribute("job_level").in("director", "executive"), 20)
        .behavioral("pricing", EventMatch.on("pricing_page_visit").maxOccurrences(3), 15)
        .behavioral("demo", EventMatch.on("demo_request"), 40)
        .tier("MQL", 60)
        .account(AccountRules.builder(AccountRules.Combine.topMean(3))
            .demographicCap(30)
            .demographic("enterprise", Condition.attribute("employees").atLeast(1000), 20)
            .demographic("mid-market", Condition.attribute("employees").between(200, 999), 10)
            .negative("competitor", Condition.attribute("competitor").equalTo(true), -50)
            .tier("target", 50).tier("hot", 75).baseTier("cold")
            .build())
        .build();
    // docs:end
    return leads;
  }

  @Test
  void targetAccounts() {
    ScoringTable leads = leads();
    List<String> printed = new ArrayList<>();
    // docs:accounts
    Instant asOf = Instant.parse("2026-11-22T12:00:00Z");
    Instant lastWeek = Instant.parse("2026-11-18T10:00:00Z");
    List<Contact> people = List.of(
        Contact.builder("ann@acme").attribute("account_id", "acme")
            .attribute("job_level", "director")
            .event("pricing_page_visit", lastWeek).event("demo_request", lastWeek).build(),
        Contact.builder("bob@acme").attribute("account_id", "acme")
            .event("pricing_page_visit", lastWeek).event("pricing_page_visit", lastWeek).build(),
        Contact.builder("cat@acme").attribute("account_id", "acme")
            .event("pricing_page_visit", lastWeek).build(),
        Contact.builder("dan@acme").attribute("account_id", "acme").build(),
        Contact.builder("eve@globex").attribute("account_id", "globex")
            .attribute("job_level", "executive").event("demo_request", lastWeek).build(),
        Contact.builder("fay@initech").attribute("account_id", "initech")
            .event("demo_request", lastWeek).event("pricing_page_visit", lastWeek).build(),
        Contact.builder("gus@gmail").event("pricing_page_visit", lastWeek).build());
    AccountRecords companies = AccountRecords.fromNdjson(new StringReader("""
        {"id":"acme","attributes":{"employees":5200,"industry":"manufacturing"}}
        {"id":"globex","attributes":{"employees":340}}
        {"id":"initech","attributes":{"employees":1800,"competitor":true}}
        {"id":"umbrella","attributes":{"employees":90000}}
        """));

    AccountScores accounts = AccountScorer.of(leads)
        .score(ContactTable.of(people), companies, asOf, 2);

    // The "target accounts" list: the best ten accounts at or above the "target" tier.
    for (int a : accounts.topK(10)) {
      if (accounts.score(a) >= 50) {
        printed.add(accounts.id(a) + " " + accounts.score(a) + " " + accounts.tier(a)
            + " (" + accounts.memberCount(a) + " people)");
      }
    }
    // globex 70.0 target (1 people)
    // acme 60.0 target (4 people)
    // Why acme: its own rules, then each member's share (topMean of 3: a third of each of
    // the three best scores, 0 for the rest); the entries sum to the score.
    for (AccountExplanation.Entry e : accounts.explain(accounts.indexOf("acme")).entries()) {
      System.out.println(e.kind() + " " + e.id() + " " + e.points());
    }
    // DEMOGRAPHIC enterprise 20.0
    // MEMBER ann@acme 25.0
    // MEMBER bob@acme 10.0
    // MEMBER cat@acme 5.0
    // MEMBER dan@acme 0.0
    System.out.println(accounts.tierCountsByName());
    // {cold=2, target=2, hot=0}
    // docs:end
    assertEquals(List.of("globex 70.0 target (1 people)", "acme 60.0 target (4 people)"),
        printed);
    AccountExplanation acme = accounts.explain(accounts.indexOf("acme"));
    assertEquals(List.of(
        new AccountExplanation.Entry(AccountExplanation.Kind.DEMOGRAPHIC, "enterprise", 20),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "ann@acme", 25),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "bob@acme", 10),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "cat@acme", 5),
        new AccountExplanation.Entry(AccountExplanation.Kind.MEMBER, "dan@acme", 0)),
        acme.entries());
    assertEquals(Map.of("cold", 2L, "target", 2L, "hot", 0L), accounts.tierCountsByName());
    // initech: fay 55, fit min(20, 30) - 50 = -30
    assertEquals(25.0, accounts.score(accounts.indexOf("initech")));
    assertEquals(20.0, accounts.score(accounts.indexOf("umbrella")));
  }

  @Test
  void oneAccountAtATime() {
    ScoringTable leads = leads();
    Instant asOf = Instant.parse("2026-11-22T12:00:00Z");
    // docs:one
    AccountRules rules = leads.account().orElseThrow();
    AccountScore acme = rules.score("acme", Map.of("employees", 5200L), List.of(
        new AccountRules.Member("dan@acme", 0), new AccountRules.Member("bob@acme", 30),
        new AccountRules.Member("ann@acme", 75), new AccountRules.Member("cat@acme", 15)),
        asOf);
    // AccountScore[id=acme, score=60.0, raw=60.0, fit=20.0, engagement=40.0, tier=target,
    //     members=4]: the same bits as AccountScorer gives acme in the batch above
    // docs:end
    assertEquals(new AccountScore("acme", 60, 60, 20, 40, "target", 4), acme);
  }

  @Test
  void aModelSet() throws IOException {
    ScoringTable leads = leads();
    Path dir = Files.createTempDirectory("sets");
    // docs:set
    ScoringTable product = ScoringTable.builder("product-usage")
        .behavioral("login", EventMatch.on("login").withinDays(30), 2)
        .build();
    ModelSet acme = ModelSet.builder("acme").version("4").add(leads).add(product).build();
    ModelSetJson.write(acme, dir.resolve("acme.json"));
    ModelSet read = ModelSetJson.read(dir.resolve("acme.json"));   // equal, same fingerprint

    Contact ann = Contact.builder("ann@acme").attribute("job_level", "director")
        .event("login", Instant.parse("2026-11-20T08:00:00Z")).build();
    Map<String, Score> scores = read.score(ann, Instant.parse("2026-11-22T12:00:00Z"));
    // {b2b-leads=20.0 (unqualified), product-usage=2.0 (unqualified)}
    // docs:end
    assertEquals(acme, read);
    assertEquals(acme.fingerprint(), read.fingerprint());
    assertEquals(20.0, scores.get("b2b-leads").score());
    assertEquals(2.0, scores.get("product-usage").score());
    assertEquals(List.of("b2b-leads", "product-usage"), List.copyOf(scores.keySet()));
  }

  @Test
  void thePageShowsTheseExamplesVerbatim() throws IOException {
    String page = ReadmeSnippets.docPage("accounts.md");
    String source = Files.readString(
        Path.of("src/test/java/dev/scoring/core/AccountsDocTest.java"));
    var snippets = ReadmeSnippets.between(source, "// docs:", "// docs:end");
    assertThat(snippets).hasSize(4);
    for (String snippet : snippets) {
      assertThat(page).contains(snippet);
    }
    for (String line : page.split("\n")) {
      if (line.startsWith("import ") && !line.matches("import dev\\.scoring\\.core\\.[A-Z].*")) {
        assertThat(source).contains(line);
      }
    }
  }
}
