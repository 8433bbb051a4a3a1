package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scoring.api.Contact;
import dev.scoring.core.AccountExplanation;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.AccountScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ContactJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code scoring accounts} and the accounts section of {@code report scores}, end to end. */
class AccountsCommandTest {
  static final String AS_OF = "2026-11-30T00:00:00Z";
  /** No decay, so every score below is exact by hand: 10 for a vip, 30 per demo. */
  static final String MODEL = """
      {"name":"acc","version":"1",
       "demographic":[{"id":"vip","attribute":"vip","equals":true,"points":10}],
       "behavioral":[{"id":"demo","event":"demo","points":30}],
       "account":{"combine":{"type":"sum"},
         "demographic":[{"id":"big","attribute":"employees","atLeast":1000,"points":25}],
         "tiers":[{"name":"target","atLeast":50}]}}
      """;
  /**
   * acme: c-1 (40), c-2 (30), c-6 (30); beta: c-3 (0); zed: c-5 (60); c-4's key is a number,
   * so it has no account; line 4 is bad.
   */
  static final String CONTACTS = """
      {"id":"c-1","attributes":{"account_id":"acme","vip":true},"events":[{"type":"demo","at":"2026-11-01T00:00:00Z"}]}
      {"id":"c-6","attributes":{"account_id":"acme"},"events":[{"type":"demo","at":"2026-11-02T00:00:00Z"}]}
      {"id":"c-2","attributes":{"account_id":"acme"},"events":[{"type":"demo","at":"2026-11-03T00:00:00Z"}]}
      {"id":"c-bad","attributes":{"account_id":"acme"},"events":[{"type":"demo","at":"yesterday"}]}
      {"id":"c-3","attributes":{"account_id":"beta"}}
      {"id":"c-4","attributes":{"account_id":42},"events":[{"type":"demo","at":"2026-11-03T00:00:00Z"}]}
      {"id":"c-5","attributes":{"account_id":"zed"},"events":[{"type":"demo","at":"2026-11-03T00:00:00Z"},{"type":"demo","at":"2026-11-04T00:00:00Z"}]}
      """;
  /** acme: fit 25; omega: a record without members. */
  static final String RECORDS = """
      {"id":"acme","attributes":{"employees":5000}}
      {"id":"omega","attributes":{"employees":10}}
      """;
  static final String ACME = "{\"id\":\"acme\",\"score\":100,\"raw\":125,\"fit\":25,"
      + "\"engagement\":100,\"tier\":\"target\",\"members\":3";
  static final String ZED = "{\"id\":\"zed\",\"score\":60,\"raw\":60,\"fit\":0,"
      + "\"engagement\":60,\"tier\":\"target\",\"members\":1";

  @TempDir
  Path dir;

  Path model;
  Path contacts;
  Path records;

  void files() throws IOException {
    model = Files.writeString(dir.resolve("acc.json"), MODEL);
    contacts = Files.writeString(dir.resolve("c.ndjson"), CONTACTS);
    records = Files.writeString(dir.resolve("a.ndjson"), RECORDS);
  }

  @Test
  void accounts_writesOneExactLinePerAccountInIdOrder_andReportsTheBadLine() throws IOException {
    files();
    Cli r = Cli.run("accounts", "--model", model.toString(), "--contacts", contacts.toString(),
        "--accounts", records.toString(), "--as-of", AS_OF, "--threads", "1");

    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.out()).isEqualTo(ACME + "}\n"
        + "{\"id\":\"beta\",\"score\":0,\"raw\":0,\"fit\":0,\"engagement\":0,"
        + "\"tier\":\"unqualified\",\"members\":1}\n"
        + "{\"id\":\"omega\",\"score\":0,\"raw\":0,\"fit\":0,\"engagement\":0,"
        + "\"tier\":\"unqualified\",\"members\":0}\n"
        + ZED + "}\n");
    assertThat(r.err()).startsWith(contacts + ": line 4: events[0].at must be an ISO-8601"
        + " instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z, but was"
        + " \"yesterday\"\n");
    assertThat(r.err()).contains("scored 4 accounts of 6 contacts (2 account records, 1 bad"
        + " lines skipped)", "tiers {unqualified=2, target=2}");
  }

  @Test
  void accountRecords_fromStandardInput() throws IOException {
    files();
    Cli r = Cli.withInput(RECORDS.getBytes(StandardCharsets.UTF_8), "accounts", "--model",
        model.toString(), "--contacts", contacts.toString(), "--accounts", "-", "--as-of", AS_OF,
        "--top", "1");
    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.out()).isEqualTo(ACME + "}\n");
  }

  @Test
  void top_writesTheBestAccountsFirst_withExplanationsThatSumToTheScore() throws IOException {
    files();
    Files.writeString(contacts, CONTACTS.replace("{\"id\":\"c-bad\"", "{\"id\":\"c-7\"")
        .replace("\"yesterday\"", "\"2026-11-03T00:00:00Z\"")); // acme gets a fourth member
    Cli r = Cli.run("accounts", "--model", model.toString(), "--contacts", contacts.toString(),
        "--accounts", records.toString(), "--as-of", AS_OF, "--top", "2", "--explain");

    assertThat(r.exit()).isEqualTo(Exit.OK);
    // members by score, equal scores by contact id (c-2, c-6, c-7); the clamp cuts 55
    assertThat(r.out()).isEqualTo(
        "{\"id\":\"acme\",\"score\":100,\"raw\":155,\"fit\":25,\"engagement\":130,"
            + "\"tier\":\"target\",\"members\":4,\"explanation\":["
            + "{\"kind\":\"demographic\",\"id\":\"big\",\"points\":25},"
            + "{\"kind\":\"member\",\"id\":\"c-1\",\"score\":40,\"points\":40},"
            + "{\"kind\":\"member\",\"id\":\"c-2\",\"score\":30,\"points\":30},"
            + "{\"kind\":\"member\",\"id\":\"c-6\",\"score\":30,\"points\":30},"
            + "{\"kind\":\"member\",\"id\":\"c-7\",\"score\":30,\"points\":30},"
            + "{\"kind\":\"clamp\",\"id\":\"scale\",\"points\":-55}]}\n"
            + ZED + ",\"explanation\":[{\"kind\":\"member\",\"id\":\"c-5\",\"score\":60,"
            + "\"points\":60}]}\n");
    assertThat(r.err()).contains("2 written");
  }

  @Test
  void csv_toAGzipFile_quotesIdsThatNeedIt() throws IOException {
    files();
    Files.writeString(contacts, CONTACTS.replace("\"beta\"", "\"b,\\\"eta\\\"\"")
        .replace("\"zed\"", "\"zé ✓\""));
    Path out = dir.resolve("accounts.csv.gz");
    Cli r = Cli.run("accounts", "--model", model.toString(), "--contacts", contacts.toString(),
        "--accounts", records.toString(), "--as-of", AS_OF, "--out", out.toString());

    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.out()).isEmpty();
    assertThat(gunzip(out)).isEqualTo("""
        id,score,raw,fit,engagement,tier,members
        acme,100,125,25,100,target,3
        "b,""eta\""",0,0,0,0,unqualified,1
        omega,0,0,0,0,unqualified,0
        zé ✓,60,60,0,60,target,1
        """);
  }

  @Test
  void ndjson_escapesIdsAsJson_andUnpairedSurrogatesAsEscapes() throws IOException {
    files();
    Files.writeString(contacts, """
        {"id":"c-1","attributes":{"account_id":"<a&\\"b>"}}
        {"id":"c-\\ud800","attributes":{"account_id":"x\\udc00"}}
        """);
    Cli r = Cli.run("accounts", "--model", model.toString(), "--contacts", contacts.toString(),
        "--as-of", AS_OF, "--explain");

    assertThat(r.exit()).isEqualTo(Exit.OK);
    assertThat(r.out()).isEqualTo(
        "{\"id\":\"<a&\\\"b>\",\"score\":0,\"raw\":0,\"fit\":0,\"engagement\":0,"
            + "\"tier\":\"unqualified\",\"members\":1,\"explanation\":[{\"kind\":\"member\","
            + "\"id\":\"c-1\",\"score\":0,\"points\":0}]}\n"
            + "{\"id\":\"x\\uDC00\",\"score\":0,\"raw\":0,\"fit\":0,\"engagement\":0,"
            + "\"tier\":\"unqualified\",\"members\":1,\"explanation\":[{\"kind\":\"member\","
            + "\"id\":\"c-\\uD800\",\"score\":0,\"points\":0}]}\n");
    JsonNode second = new ObjectMapper().readTree(r.out().lines().toList().get(1));
    assertThat(second.get("id").asText()).isEqualTo("x\udc00");
  }

  @Test
  void csvContactsAndEvents_giveTheSameAccounts() throws IOException {
    files();
    Path csv = Files.writeString(dir.resolve("c.csv"), """
        id,account_id,vip
        c-1,acme,true
        c-6,acme,
        c-2,acme,
        c-3,beta,
        c-5,zed,
        """);
    Path events = Files.writeString(dir.resolve("e.csv"), """
        contact_id,type,at
        c-1,demo,2026-11-01T00:00:00Z
        c-6,demo,2026-11-02T00:00:00Z
        c-2,demo,2026-11-03T00:00:00Z
        c-5,demo,2026-11-03T00:00:00Z
        c-5,demo,2026-11-04T00:00:00Z
        c-9,demo,yesterday
        """);
    Cli r = Cli.run("accounts", "--model", model.toString(), "--contacts", csv.toString(),
        "--events", events.toString(), "--accounts", records.toString(), "--as-of", AS_OF,
        "--format", "csv");
    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.out()).isEqualTo("""
        id,score,raw,fit,engagement,tier,members
        acme,100,125,25,100,target,3
        beta,0,0,0,0,unqualified,1
        omega,0,0,0,0,unqualified,0
        zed,60,60,0,60,target,1
        """);
    assertThat(r.err()).startsWith(events + ": line 7: contact_id must name a contact of the"
        + " contacts file, but was \"c-9\"\n");
  }

  /** Generated contacts with decay and fractional instants: the CLI's numbers are the API's. */
  @ParameterizedTest
  @ValueSource(strings = {"1", "2"})
  void accountScores_areAccountScorersBitForBit(String threads) throws IOException {
    String json = """
        {"name":"gen","version":"1","decay":{"type":"halfLife","days":30},
         "demographic":[{"id":"vip","attribute":"vip","equals":true,"points":7.3}],
         "behavioral":[{"id":"visit","event":"visit","points":3.1,"maxOccurrences":5},
                       {"id":"demo","event":"demo","points":21.7}],
         "negative":[{"id":"unsub","event":"unsubscribe","points":-12.9}],
         "account":{"combine":{"type":"topMean","k":3},"caps":{"demographic":30},
           "demographic":[{"id":"big","attribute":"employees","atLeast":1000,"points":17.5},
                          {"id":"eu","attribute":"region","equals":"eu","points":14.25}],
           "negative":[{"id":"rival","attribute":"competitor","equals":true,"points":-40}],
           "scale":{"min":0,"max":80},
           "tiers":[{"name":"target","atLeast":30},{"name":"hot","atLeast":60}]}}
        """;
    model = Files.writeString(dir.resolve("gen.json"), json);
    Random rnd = new Random(18);
    Instant asOf = Instant.parse(AS_OF);
    String[] types = {"visit", "demo", "unsubscribe", "other"};
    List<Contact> people = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      Contact.Builder b = Contact.builder("p-" + i);
      int k = rnd.nextInt(10);
      if (k < 8) {
        b.attribute("account_id", "acct-" + rnd.nextInt(90));
      } else if (k == 8) {
        b.attribute("account_id", rnd.nextInt(5));
      }
      if (rnd.nextBoolean()) {
        b.attribute("vip", true);
      }
      for (int e = rnd.nextInt(8); e > 0; e--) {
        b.event(types[rnd.nextInt(types.length)],
            asOf.minusMillis((long) (rnd.nextDouble() * 120 * 86_400_000L)));
      }
      people.add(b.build());
    }
    StringBuilder ndjson = new StringBuilder();
    for (Contact c : people) {
      ndjson.append(ContactJson.toJson(c)).append('\n');
    }
    contacts = Files.writeString(dir.resolve("gen.ndjson"), ndjson);
    StringBuilder companies = new StringBuilder();
    for (int a = 0; a < 100; a += 2) {
      companies.append("{\"id\":\"acct-").append(a).append("\",\"attributes\":{\"employees\":")
          .append(rnd.nextInt(3000)).append(",\"region\":\"").append(a % 4 == 0 ? "eu" : "us")
          .append("\",\"competitor\":").append(a % 10 == 0).append("}}\n");
    }
    records = Files.writeString(dir.resolve("gen-accounts.ndjson"), companies);

    Cli r = Cli.run("accounts", "--model", model.toString(), "--contacts", contacts.toString(),
        "--accounts", records.toString(), "--as-of", AS_OF, "--threads", threads, "--explain");
    assertThat(r.exit()).as(r.err()).isEqualTo(Exit.OK);

    ScoringTable table = ScoreCommand.loadModel(model);
    AccountScores expected = AccountScorer.of(table).score(ContactTable.of(people),
        AccountRecords.fromNdjson(new StringReader(companies.toString())), asOf, 1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(expected.size());
    assertThat(expected.size()).isGreaterThan(90);
    ObjectMapper json2 = new ObjectMapper();
    for (int a = 0; a < expected.size(); a++) {
      JsonNode line = json2.readTree(lines.get(a));
      assertThat(line.get("id").asText()).isEqualTo(expected.id(a));
      assertBits(line.get("score"), expected.score(a));
      assertBits(line.get("raw"), expected.raw(a));
      assertBits(line.get("fit"), expected.fit(a));
      assertBits(line.get("engagement"), expected.engagement(a));
      assertThat(line.get("tier").asText()).isEqualTo(expected.tier(a));
      assertThat(line.get("members").asInt()).isEqualTo(expected.memberCount(a));
      List<AccountExplanation.Entry> entries = expected.explain(a).entries();
      assertThat(line.get("explanation")).hasSize(entries.size());
      double[] memberScores = expected.memberScores(a);
      int member = 0;
      for (int e = 0; e < entries.size(); e++) {
        JsonNode entry = line.get("explanation").get(e);
        assertThat(entry.get("id").asText()).isEqualTo(entries.get(e).id());
        assertBits(entry.get("points"), entries.get(e).points());
        if (entries.get(e).kind() == AccountExplanation.Kind.MEMBER) {
          assertBits(entry.get("score"), memberScores[member++]);
        }
      }
      assertThat(member).isEqualTo(expected.memberCount(a));
    }

    // the order of the contacts and of the records changes nothing, to the byte
    List<String> shuffled = new ArrayList<>(ndjson.toString().lines().toList());
    java.util.Collections.shuffle(shuffled, new Random(7));
    Files.write(contacts, shuffled);
    List<String> shuffledRecords = new ArrayList<>(companies.toString().lines().toList());
    java.util.Collections.shuffle(shuffledRecords, new Random(8));
    Files.write(records, shuffledRecords);
    Cli again = Cli.run("accounts", "--model", model.toString(), "--contacts",
        contacts.toString(), "--accounts", records.toString(), "--as-of", AS_OF, "--threads",
        threads, "--explain");
    assertThat(again.exit()).isEqualTo(Exit.OK);
    assertThat(again.out()).isEqualTo(r.out());
  }

  static void assertBits(JsonNode node, double expected) {
    assertThat(Double.doubleToLongBits(node.doubleValue()))
        .as("%s against %s", node, expected).isEqualTo(Double.doubleToLongBits(expected));
  }

  @Test
  void aModelWithoutAnAccountBlock_isBadInput() throws IOException {
    files();
    Path plain = Files.writeString(dir.resolve("plain.json"), ScoreCommandTest.MODEL);
    Cli r = Cli.run("accounts", "--model", plain.toString(), "--contacts", contacts.toString(),
        "--as-of", AS_OF);
    assertThat(r.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: " + plain + ": the model must have an account block"
        + " (SPEC section 12, \"account\"), but small has none\n");
  }

  @Test
  void badAccountRecords_areBadInputWithTheirLineNumber() throws IOException {
    files();
    Files.writeString(records, RECORDS + "{\"id\":\"acme\",\"attributes\":{}}\n");
    Cli r = Cli.run("accounts", "--model", model.toString(), "--contacts", contacts.toString(),
        "--accounts", records.toString(), "--as-of", AS_OF);
    assertThat(r.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: " + records + ": line 3: id must be unique among"
        + " account records, but was \"acme\", first on line 1\n");

    Files.writeString(records, "{\"id\":\"acme\",\"attributes\":{\"employees\":[1]}}\n");
    r = Cli.run("accounts", "--model", model.toString(), "--contacts", contacts.toString(),
        "--accounts", records.toString(), "--as-of", AS_OF);
    assertThat(r.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(r.err()).startsWith("error: " + records + ": line 1: ");

    r = Cli.run("accounts", "--model", model.toString(), "--contacts", contacts.toString(),
        "--accounts", dir.resolve("missing.ndjson").toString(), "--as-of", AS_OF);
    assertThat(r.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(r.err()).isEqualTo("error: accounts file must exist, but was "
        + dir.resolve("missing.ndjson") + " (not found)\n");
  }

  @Test
  void usageErrors_areExitCode2() throws IOException {
    files();
    String[] base = {"accounts", "--model", model.toString(), "--contacts", contacts.toString(),
        "--as-of", AS_OF};
    Cli r = Cli.run(concat(base, "--format", "csv", "--explain"));
    assertThat(r.exit()).isEqualTo(Exit.USAGE);
    assertThat(r.err()).startsWith("error: --explain must come with --format ndjson, but was"
        + " csv\n");
    r = Cli.run(concat(base, "--top", "0"));
    assertThat(r.exit()).isEqualTo(Exit.USAGE);
    assertThat(r.err()).startsWith("error: --top must be at least 1, but was 0\n");
    r = Cli.run(concat(base, "--threads", "0"));
    assertThat(r.exit()).isEqualTo(Exit.USAGE);
    assertThat(r.err()).startsWith("error: --threads must be at least 1, but was 0\n");
    r = Cli.run("accounts", "--model", model.toString(), "--contacts", "-", "--accounts", "-",
        "--as-of", AS_OF);
    assertThat(r.exit()).isEqualTo(Exit.USAGE);
    assertThat(r.err()).startsWith("error: --accounts and --contacts must not both be standard"
        + " input (-), but were\n");
    r = Cli.run("accounts", "--model", model.toString(), "--contacts", contacts.toString());
    assertThat(r.exit()).isEqualTo(Exit.USAGE);
    assertThat(r.err()).startsWith("error: Missing required option: '--as-of=<instant>'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void reportScores_addsTheAccountsSection_whenTheModelHasAnAccountBlock() throws IOException {
    files();
    Path html = dir.resolve("r.html");
    Cli r = Cli.run("report", "scores", "--model", model.toString(), "--contacts",
        contacts.toString(), "--accounts", records.toString(), "--as-of", AS_OF, "--out",
        html.toString(), "--top-accounts", "1");
    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.err()).startsWith(contacts + ": line 4: ")
        .endsWith("report of 6 contacts and their accounts written to " + html + "\n");
    String page = Files.readString(html);
    assertThat(page).contains("<h2>Accounts</h2>\n<p>4 accounts (1 without members)",
        "<tr><td>acme</td><td>100.00</td><td>target</td><td>25.00</td><td>100.00</td>"
            + "<td>3</td></tr></tbody></table>",
        "<p>acme: score 100.00 (target), 3 members</p>",
        "<tr><td>member</td><td>c-1</td><td>40.00</td><td>40.00</td></tr>",
        "<tr><td>clamp</td><td>scale</td><td>-</td><td>-25.00</td></tr>")
        .doesNotContain("<p>zed: score");

    // without records: the accounts named by members, without attributes
    r = Cli.run("report", "scores", "--model", model.toString(), "--contacts",
        contacts.toString(), "--as-of", AS_OF, "--out", html.toString());
    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(Files.readString(html)).contains("<p>3 accounts (0 without members)",
        "<tr><td>acme</td><td>100.00</td><td>target</td><td>0.00</td><td>100.00</td>");
  }

  @Test
  void reportScores_refusesAccountRecordsForAModelWithoutAnAccountBlock() throws IOException {
    files();
    Path plain = Files.writeString(dir.resolve("plain.json"), ScoreCommandTest.MODEL);
    Path html = dir.resolve("r.html");
    Cli r = Cli.run("report", "scores", "--model", plain.toString(), "--contacts",
        contacts.toString(), "--accounts", records.toString(), "--as-of", AS_OF, "--out",
        html.toString());
    assertThat(r.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(r.err()).contains("the model must have an account block");
    assertThat(html).doesNotExist();

    // and without --accounts the plain report has no accounts section
    r = Cli.run("report", "scores", "--model", plain.toString(), "--contacts",
        contacts.toString(), "--as-of", AS_OF, "--out", html.toString());
    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(Files.readString(html)).doesNotContain("<h2>Accounts</h2>");
    assertThat(r.err()).endsWith("report of 6 contacts written to " + html + "\n");
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
