package dev.scoring.core.report;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoring.api.Contact;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.AccountScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ScoringTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The accounts section of the scoring report (SPEC section 12), with exact contents. */
class AccountReportTest {
  static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  static final String ODD_ID = "a<&\"b";
  /** No decay: a contact scores 50 when vip plus 15 per demo, clamped to 0..100. */
  static final ScoringTable MODEL = ScoringTable.builder("m")
      .demographic("vip", attribute("vip").equalTo(true), 50)
      .behavioral("demo", on("demo"), 15)
      .tier("MQL", 60)
      .account(AccountRules.builder(AccountRules.Combine.topMean(2))
          .demographic("enterprise", attribute("employees").atLeast(1000), 20)
          .tier("target", 50).tier("hot", 75).baseTier("cold").build())
      .build();

  static Contact contact(String id, String account, boolean vip, int demos) {
    Contact.Builder b = Contact.builder(id).attribute("vip", vip);
    if (account != null) {
      b.attribute("account_id", account);
    }
    for (int k = 0; k < demos; k++) {
      b.event("demo", NOW.minusSeconds(3600));
    }
    return b.build();
  }

  /**
   * Accounts: {@code a<&"b} (record 5,000 employees; members 80, 15, 0: fit 20 + (80 + 15) / 2
   * = 67.5, target), {@code beta} (record 2,000; one member at 100: raw 120, clamped to 100,
   * hot), {@code big} (no record; twelve members at 15: 15, cold), {@code gamma} (record 10
   * employees, no members: 0, cold). One more contact has no account.
   */
  static ScoringReport report(List<Contact> contacts, AccountScores[] out) {
    ScoringReport report = new ScoringReport(MODEL, NOW, 2);
    for (Contact c : contacts) {
      report.add(c, MODEL.score(c, NOW));
    }
    AccountRecords records = AccountRecords.of(Map.of(
        ODD_ID, Map.of("employees", 5000), "beta", Map.of("employees", 2000),
        "gamma", Map.of("employees", 10)));
    out[0] = AccountScorer.of(MODEL).score(ContactTable.of(contacts), records, NOW, 1);
    return report.accounts(out[0]);
  }

  static List<Contact> contacts() {
    List<Contact> contacts = new ArrayList<>(List.of(
        contact("c-0", ODD_ID, true, 2), contact("c-1", ODD_ID, false, 1),
        contact("c-2", ODD_ID, false, 0), contact("c-3", "beta", true, 6),
        contact("c-4", null, false, 1)));
    for (int i = 11; i >= 0; i--) {
      contacts.add(contact(String.format("big-%02d", i), "big", false, 1));
    }
    return contacts;
  }

  @Test
  void accountsSection_showsDistributionTiersAndTopAccountsWithTheirMembers() {
    AccountScores[] scores = new AccountScores[1];
    ScoringReport report = report(contacts(), scores);

    // 20 bins of 5 points: 0 -> [0, 5), 15 -> [15, 20), 67.5 -> [65, 70), 100 -> [95, 100]
    assertThat(report.accountHistogram().counts())
        .containsExactly(1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1);
    assertThat(report.accountHistogram().title())
        .isEqualTo("Account score distribution with tier thresholds");
    assertThat(report.accountTierChart().table()).contains(
        "<td>cold</td><td>2</td>", "<td>target</td><td>1</td>", "<td>hot</td><td>1</td>");

    String html = report.toHtml().html();
    assertThat(html).contains("<h2>Accounts</h2>\n<p>4 accounts (1 without members), members by"
        + " the attribute &quot;account_id&quot;, their scores combined by topMean of 2; mean"
        + " account score 45.63.</p>");
    assertThat(html).contains("target 50", "hot 75");
    assertThat(html).contains("<p>Top accounts</p>\n<table><thead><tr><th scope=\"col\">account"
        + "</th><th scope=\"col\">score</th><th scope=\"col\">tier</th><th scope=\"col\">fit"
        + "</th><th scope=\"col\">engagement</th><th scope=\"col\">members</th></tr></thead>"
        + "<tbody>"
        + "<tr><td>beta</td><td>100.00</td><td>hot</td><td>20.00</td><td>100.00</td>"
        + "<td>1</td></tr>"
        + "<tr><td>a&lt;&amp;&quot;b</td><td>67.50</td><td>target</td><td>20.00</td>"
        + "<td>47.50</td><td>3</td></tr>"
        + "<tr><td>big</td><td>15.00</td><td>cold</td><td>0.00</td><td>15.00</td>"
        + "<td>12</td></tr>"
        + "<tr><td>gamma</td><td>0.00</td><td>cold</td><td>0.00</td><td>0.00</td>"
        + "<td>0</td></tr></tbody></table>");
    String header = "<table><thead><tr><th scope=\"col\">part</th><th scope=\"col\">id</th>"
        + "<th scope=\"col\">member score</th><th scope=\"col\">points</th></tr></thead><tbody>";
    assertThat(html).contains("<p>beta: score 100.00 (hot), 1 member</p>\n" + header
        + "<tr><td>demographic</td><td>enterprise</td><td>-</td><td>20.00</td></tr>"
        + "<tr><td>member</td><td>c-3</td><td>100.00</td><td>100.00</td></tr>"
        + "<tr><td>clamp</td><td>scale</td><td>-</td><td>-20.00</td></tr></tbody></table>");
    assertThat(html).contains("<p>a&lt;&amp;&quot;b: score 67.50 (target), 3 members</p>\n"
        + header
        + "<tr><td>demographic</td><td>enterprise</td><td>-</td><td>20.00</td></tr>"
        + "<tr><td>member</td><td>c-0</td><td>80.00</td><td>40.00</td></tr>"
        + "<tr><td>member</td><td>c-1</td><td>15.00</td><td>7.50</td></tr>"
        + "<tr><td>member</td><td>c-2</td><td>0.00</td><td>0.00</td></tr></tbody></table>");
    // twelve members: the first MEMBERS_SHOWN one by one (equal scores by contact id), the
    // last two summed in one row
    StringBuilder big = new StringBuilder("<p>big: score 15.00 (cold), 12 members</p>\n"
        + header);
    for (int i = 0; i < ScoringReport.MEMBERS_SHOWN; i++) {
      big.append(String.format("<tr><td>member</td><td>big-%02d</td><td>15.00</td><td>%s</td>"
          + "</tr>", i, i < 2 ? "7.50" : "0.00"));
    }
    big.append("<tr><td>member</td><td>2 more members</td><td>-</td><td>0.00</td></tr>"
        + "</tbody></table>");
    assertThat(html).contains(big.toString());
    assertThat(html).contains("<p>gamma: score 0.00 (cold), 0 members</p>\n" + header
        + "</tbody></table>");
    // the account id is user data: never unescaped
    assertThat(html).doesNotContain(ODD_ID);
    // contacts: histogram and tiers; accounts: histogram and tiers; contributions; grid
    assertThat(report.toHtml().chartCount()).isEqualTo(6);
    assertThat(html.indexOf("<h2>Accounts</h2>")).isLessThan(html.indexOf("<h2>Top contacts"));
  }

  @Test
  void accountsSection_restRowSumsTheSharesOfTheMembersNotShown_beforeTheClamp() {
    ScoringTable summed = MODEL.toBuilder()
        .account(AccountRules.builder(AccountRules.Combine.sum()).scale(0, 300).build())
        .build();
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      contacts.add(contact(String.format("m-%02d", i), "acme", false, 1 + i % 3));
    }
    AccountScores scores = AccountScorer.of(summed)
        .score(ContactTable.of(contacts), AccountRecords.empty(), NOW, 1);
    String html = new ScoringReport(summed, NOW, 0).accounts(scores, 1).toHtml().html();
    // 45 (m-02, m-05, m-08, m-11), 30 (m-01, m-04, m-07, m-10), 15 (m-00, m-03, m-06, m-09,
    // m-12): 4 * 45 + 4 * 30 + 5 * 15 = 375, clamped to 300
    assertThat(scores.raw(0)).isEqualTo(375.0);
    assertThat(scores.score(0)).isEqualTo(300.0);
    // shown: the 45s, the 30s, m-00 and m-03; summed: m-06, m-09, m-12
    assertThat(html).contains("<tr><td>member</td><td>m-10</td><td>30.00</td><td>30.00</td>"
        + "</tr><tr><td>member</td><td>m-00</td><td>15.00</td><td>15.00</td></tr>"
        + "<tr><td>member</td><td>m-03</td><td>15.00</td><td>15.00</td></tr>"
        + "<tr><td>member</td><td>3 more members</td><td>-</td><td>45.00</td></tr>"
        + "<tr><td>clamp</td><td>scale</td><td>-</td><td>-75.00</td></tr></tbody></table>");
  }

  @Test
  void accounts_areRefusedWhenTheyCannotBeThisTablesAccounts() {
    AccountScores[] scores = new AccountScores[1];
    report(contacts(), scores);
    ScoringTable noBlock = ScoringTable.builder("plain").behavioral("demo", on("demo"), 15)
        .build();
    assertThatThrownBy(() -> new ScoringReport(noBlock, NOW, 1).accounts(scores[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the report's table must have an account block, but plain has none");
    assertThatThrownBy(() -> new ScoringReport(MODEL, NOW.plusSeconds(1), 1)
        .accounts(scores[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accounts.asOf must be the report's 2026-11-22T00:00:01Z, but was"
            + " 2026-11-22T00:00:00Z");
    assertThatThrownBy(() -> new ScoringReport(MODEL, NOW, 1).accounts(scores[0], -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("top must be at least 0, but was -1");
    ScoringReport without = new ScoringReport(MODEL, NOW, 1);
    assertThatThrownBy(without::accountHistogram).isInstanceOf(IllegalStateException.class);
    assertThat(without.toHtml().html()).doesNotContain("<h2>Accounts</h2>");
  }
}
