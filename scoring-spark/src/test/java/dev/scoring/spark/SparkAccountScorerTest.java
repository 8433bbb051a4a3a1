package dev.scoring.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.AccountExplanation;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.AccountScores;
import dev.scoring.core.Condition;
import dev.scoring.core.ContactTable;
import dev.scoring.core.EventMatch;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accounts on Spark (SPEC section 12) equal {@code AccountScorer.of(table).score(...)} bit for
 * bit: a small B2B example with exact values, and 2,000 generated contacts in 150 accounts
 * with contacts without a key or with a blank key, records without members and members
 * without a record; bad records carry their reason.
 */
class SparkAccountScorerTest {
  static final Instant AS_OF = SparkScorerTest.AS_OF;

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("SparkAccountScorerTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static AccountRules.Builder rules(AccountRules.Combine combine) {
    return AccountRules.builder(combine)
        .demographicCap(30)
        .demographic("enterprise", Condition.attribute("employees").atLeast(1000), 20)
        .demographic("big", Condition.attribute("employees").atLeast(100), 15)
        .negative("competitor", Condition.attribute("competitor").equalTo(true), -50)
        .tier("target", 50).tier("hot", 75).baseTier("cold");
  }

  static final StructType CONTACT = new StructType()
      .add("id", DataTypes.StringType)
      .add("account_id", DataTypes.StringType)
      .add("age", DataTypes.LongType)
      .add("sector", DataTypes.StringType)
      .add("near_office", DataTypes.BooleanType)
      .add("gender", DataTypes.StringType)
      .add("events", DataTypes.createArrayType(SparkScorerTest.EVENT));

  static final StructType RECORD = new StructType()
      .add("id", DataTypes.StringType)
      .add("employees", DataTypes.IntegerType)
      .add("competitor", DataTypes.BooleanType);

  /** Nested rows with the account key as a string column. */
  static Dataset<Row> nested(List<Contact> contacts) {
    List<Row> rows = new ArrayList<>();
    for (Contact c : contacts) {
      List<Row> events = new ArrayList<>();
      for (Event e : c.events()) {
        events.add(RowFactory.create(e.type(), e.at(),
            e.value().isPresent() ? e.value().getAsDouble() : null));
      }
      Map<String, Object> a = c.attributes();
      rows.add(RowFactory.create(c.id(), a.get("account_id"), a.get("age"), a.get("sector"),
          a.get("near_office"), a.get("gender"), events));
    }
    return spark.createDataFrame(rows, CONTACT);
  }

  /** Record rows {@code (id, employees, competitor)}, nulls for absent attributes. */
  static Dataset<Row> records(Map<String, Map<String, Object>> records) {
    List<Row> rows = new ArrayList<>();
    records.forEach((id, a) -> rows.add(RowFactory.create(id, a.get("employees") == null
        ? null : ((Long) a.get("employees")).intValue(), a.get("competitor"))));
    return spark.createDataFrame(rows, RECORD);
  }

  static Map<String, Row> byId(Dataset<Row> accounts) {
    Map<String, Row> out = new HashMap<>();
    for (Row row : accounts.collectAsList()) {
      assertThat(out.put(row.getString(0), row)).as(row.getString(0)).isNull();
    }
    return out;
  }

  /** Every account of the batch, and no other, with the same bits. */
  static void assertSameBits(AccountScores expected, Map<String, Row> rows) {
    assertEquals(expected.size(), rows.size());
    for (int a = 0; a < expected.size(); a++) {
      String id = expected.id(a);
      Row row = rows.get(id);
      assertThat(row).as(id).isNotNull();
      assertThat(row.isNullAt(7)).as(id + " error " + row).isTrue();
      assertEquals(bits(expected.score(a)), bits(row.getDouble(1)), id);
      assertEquals(bits(expected.raw(a)), bits(row.getDouble(2)), id);
      assertEquals(bits(expected.fit(a)), bits(row.getDouble(3)), id);
      assertEquals(bits(expected.engagement(a)), bits(row.getDouble(4)), id);
      assertEquals(expected.tier(a), row.getString(5), id);
      assertEquals(expected.memberCount(a), row.getInt(6), id);
    }
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }

  static Contact contact(String id, String account, int visits) {
    Contact.Builder b = Contact.builder(id);
    if (account != null) {
      b.attribute("account_id", account);
    }
    for (int i = 0; i < visits; i++) {
      b.event("visit", AS_OF.minusSeconds(3600L * (i + 1)));
    }
    return b.build();
  }

  @Test
  void smallB2bExampleExactlyAndAsTheBatch() {
    ScoringTable table = ScoringTable.builder("b2b")
        .behavioral("visit", EventMatch.on("visit"), 10)
        .account(rules(AccountRules.Combine.topMean(3)).build())
        .build();
    List<Contact> contacts = List.of(
        contact("a4", "acme", 3), contact("a1", "acme", 3), contact("a2", "acme", 5),
        contact("a3", "acme", 1), contact("b1", "globex", 2), contact("e1", "evil", 9),
        contact("c1", null, 4), contact("c3", "  ", 4), contact("c5", "\t", 4));
    Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    records.put("acme", Map.of("employees", 5000L));
    records.put("initech", Map.of("employees", 50L));
    records.put("evil", Map.of("employees", 2000L, "competitor", true));
    records.put("hooli", Map.of());
    Dataset<Row> accounts = SparkAccountScorer.of(table)
        .scoreNested(nested(contacts), records(records), AS_OF);
    assertThat(accounts.columns()).containsExactlyElementsOf(SparkAccountScorer.ACCOUNT_COLUMNS);
    Map<String, Row> rows = byId(accounts);
    assertThat(rows.keySet()).containsExactlyInAnyOrder("acme", "evil", "globex", "hooli",
        "initech");
    // acme: members 50, 30, 30, 10; topMean(3) = 110 / 3; fit min(20 + 15, 30) = 30
    Row acme = rows.get("acme");
    assertEquals(110.0 / 3, acme.getDouble(4));
    assertEquals(30.0, acme.getDouble(3));
    assertEquals(30 + 110.0 / 3, acme.getDouble(1));
    assertEquals("target", acme.getString(5));
    assertEquals(4, acme.getInt(6));
    // initech: a record and no members; globex: a member (20) and no record
    assertEquals(List.of(0.0, 0.0, 0.0, 0.0, "cold", 0), values(rows.get("initech")));
    assertEquals(List.of(20.0, 20.0, 0.0, 20.0, "cold", 1), values(rows.get("globex")));
    // evil: min(35, 30) - 50 = -20, member 90: raw 70
    assertEquals(List.of(70.0, 70.0, -20.0, 90.0, "target", 1), values(rows.get("evil")));
    AccountScores batch = AccountScorer.of(table).score(ContactTable.of(contacts),
        AccountRecords.of(records), AS_OF, 1);
    assertSameBits(batch, rows);

    // explanations: the batch's entries, to the bit, summing to the score
    Dataset<Row> explained = SparkAccountScorer.of(table).withExplanation(true)
        .scoreNested(nested(contacts), records(records), AS_OF);
    assertThat(explained.columns()).endsWith("error", "explanation");
    Map<String, Row> withExplanation = byId(explained);
    for (int a = 0; a < batch.size(); a++) {
      List<Row> entries = withExplanation.get(batch.id(a)).getList(8);
      List<String> actual = new ArrayList<>();
      for (Row e : entries) {
        actual.add(e.getString(0) + " " + e.getString(1) + " "
            + Double.doubleToRawLongBits(e.getDouble(2)));
      }
      List<String> expected = new ArrayList<>();
      for (AccountExplanation.Entry e : batch.explain(a).entries()) {
        expected.add(e.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + e.id() + " "
            + Double.doubleToRawLongBits(e.points()));
      }
      assertEquals(expected, actual, batch.id(a));
    }
    assertEquals(List.of("demographic enterprise 20.0", "demographic big 15.0",
        "cap caps.demographic -5.0", "member a2 16.666666666666664",
        "member a1 10.0", "member a4 10.0", "member a3 0.0"),
        withExplanation.get("acme").getList(8).stream().map(o -> {
          Row e = (Row) o;
          return e.getString(0) + " " + e.getString(1) + " " + e.getDouble(2);
        }).toList());

    // without records: only the accounts named by a member
    Map<String, Row> noRecords = byId(SparkAccountScorer.of(table)
        .scoreNested(nested(contacts), null, AS_OF));
    assertSameBits(AccountScorer.of(table).score(ContactTable.of(contacts),
        AccountRecords.empty(), AS_OF, 1), noRecords);
    assertThat(noRecords.keySet()).containsExactlyInAnyOrder("acme", "evil", "globex");

    // the long layout, the key in an attributes map
    List<Row> contactRows = new ArrayList<>();
    List<Row> eventRows = new ArrayList<>();
    for (Contact c : contacts) {
      Map<String, String> a = new HashMap<>();
      c.attributes().forEach((k, v) -> a.put(k, (String) v));
      contactRows.add(RowFactory.create(c.id(), SparkScorerTest.scala(a)));
      for (Event e : c.events()) {
        eventRows.add(RowFactory.create(c.id(), e.type(), e.at().toString()));
      }
    }
    Dataset<Row> longContacts = spark.createDataFrame(contactRows, new StructType()
        .add("id", DataTypes.StringType)
        .add("attributes", DataTypes.createMapType(DataTypes.StringType,
            DataTypes.StringType)));
    Dataset<Row> longEvents = spark.createDataFrame(eventRows, new StructType()
        .add("contact_id", DataTypes.StringType)
        .add("type", DataTypes.StringType)
        .add("at", DataTypes.StringType));
    assertSameBits(batch, byId(SparkAccountScorer.of(table)
        .scoreLong(longContacts, longEvents, records(records), AS_OF)));
  }

  private static List<Object> values(Row row) {
    return List.of(row.getDouble(1), row.getDouble(2), row.getDouble(3), row.getDouble(4),
        row.getString(5), row.getInt(6));
  }

  @Test
  void generatedAccountsEqualTheBatchBitForBit() {
    ScoringTable table = SparkScorerTest.richModel().toBuilder()
        .account(rules(AccountRules.Combine.topMean(3)).scale(0, 150).build())
        .build();
    Random r = new Random(21);
    List<Contact> contacts = new ArrayList<>();
    for (Contact c : SparkScorerTest.contacts(2_000, 22, true)) {
      Contact.Builder b = c.toBuilder();
      int pick = r.nextInt(20);
      if (pick == 0) {
        b.attribute("account_id", r.nextBoolean() ? " " : "\u2003");
      } else if (pick > 1) {
        b.attribute("account_id", "acct-" + r.nextInt(150));
      }
      contacts.add(b.build());
    }
    Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    for (int a = 0; a < 170; a += 2) {
      // 75 of the 150 accounts with members, 10 with no members
      Map<String, Object> m = new HashMap<>();
      if (r.nextInt(4) > 0) {
        m.put("employees", (long) r.nextInt(3000));
      }
      if (r.nextInt(5) == 0) {
        m.put("competitor", r.nextBoolean());
      }
      records.put("acct-" + a, m);
    }
    Dataset<Row> accounts = SparkAccountScorer.of(table)
        .scoreNested(nested(contacts), records(records), AS_OF);
    AccountScores batch = AccountScorer.of(table).score(ContactTable.of(contacts),
        AccountRecords.of(records), AS_OF, 1);
    assertThat(batch.size()).isEqualTo(160);
    assertSameBits(batch, byId(accounts));

    // the order of the contacts and their partitioning do not change a bit
    List<Contact> shuffled = new ArrayList<>(contacts);
    java.util.Collections.shuffle(shuffled, new Random(23));
    assertSameBits(batch, byId(SparkAccountScorer.of(table)
        .scoreNested(nested(shuffled).repartition(5), records(records), AS_OF)));

    // the same accounts from contacts already scored by SparkScorer, records as a map column
    Dataset<Row> scored = SparkScorer.of(table).scoreNested(nested(contacts), AS_OF);
    StructType mapRecord = new StructType().add("id", DataTypes.StringType)
        .add("attributes", DataTypes.createMapType(DataTypes.StringType,
            DataTypes.LongType));
    // a map of longs holds the employees only
    List<Row> longRows = new ArrayList<>();
    Map<String, Map<String, Object>> employeesOnly = new LinkedHashMap<>();
    records.forEach((id, a) -> {
      Map<String, Object> m = new HashMap<>();
      if (a.containsKey("employees")) {
        m.put("employees", a.get("employees"));
      }
      employeesOnly.put(id, m);
      longRows.add(RowFactory.create(id, scala.jdk.javaapi.CollectionConverters.asScala(m)));
    });
    Map<String, Row> fromScored = byId(SparkAccountScorer.of(table)
        .accounts(scored, spark.createDataFrame(longRows, mapRecord), AS_OF));
    assertSameBits(AccountScorer.of(table).score(ContactTable.of(contacts),
        AccountRecords.of(employeesOnly), AS_OF, 1), fromScored);
  }

  @Test
  void badRecordsCarryTheirReasonAndKeysOfOtherTypesGiveNoAccount() {
    ScoringTable table = ScoringTable.builder("b2b")
        .behavioral("visit", EventMatch.on("visit"), 10)
        .account(rules(AccountRules.Combine.sum()).build())
        .build();
    StructType record = new StructType().add("id", DataTypes.StringType)
        .add("employees", DataTypes.DoubleType);
    Dataset<Row> records = spark.createDataFrame(List.of(
        RowFactory.create("twice", 10.0), RowFactory.create("twice", 20.0),
        RowFactory.create("nan", Double.NaN), RowFactory.create(null, 5.0),
        RowFactory.create("ok", 2000.0), RowFactory.create(" ", 2000.0),
        RowFactory.create("", 5.0)), record);
    List<Contact> contacts = List.of(contact("t1", "twice", 1), contact("o1", "ok", 2));
    Map<String, Row> rows = byId(SparkAccountScorer.of(table)
        .scoreNested(nested(contacts), records, AS_OF));
    assertThat(rows.keySet()).containsExactlyInAnyOrder("twice", "nan", null, "ok", " ", "");
    // SPEC 12: a record id is any non-empty string; " " is an account no member names
    assertThat(rows.get(" ").isNullAt(7)).isTrue();
    assertEquals(30.0, rows.get(" ").getDouble(3));
    assertEquals(0, rows.get(" ").getInt(6));
    assertEquals("records: account record id must be a non-empty string, but was \"\"",
        rows.get("").getString(7));
    assertEquals("records.id must be unique, but was \"twice\" in 2 records",
        rows.get("twice").getString(7));
    assertThat(rows.get("nan").getString(7)).startsWith("records: ").contains("NaN");
    assertEquals("records.id must be a non-empty string, but was null",
        rows.get(null).getString(7));
    assertThat(rows.get("twice").isNullAt(1)).isTrue();
    assertEquals(List.of(50.0, 50.0, 30.0, 20.0, "target", 1), values(rows.get("ok")));

    // a key column of another type than string: no contact has an account
    StructType numericKey = new StructType().add("id", DataTypes.StringType)
        .add("account_id", DataTypes.LongType)
        .add("events", DataTypes.createArrayType(SparkScorerTest.EVENT));
    Dataset<Row> numeric = spark.createDataFrame(List.of(
        RowFactory.create("n1", 42L, List.of())), numericKey);
    Map<String, Row> none = byId(SparkAccountScorer.of(table).scoreNested(numeric,
        spark.createDataFrame(List.of(RowFactory.create("42", 5.0)), record), AS_OF));
    assertThat(none.keySet()).containsExactly("42");
    assertEquals(0, none.get("42").getInt(6));

    assertThatThrownBy(() -> SparkAccountScorer.of(ExampleModels.seed()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table must have an account block, but seed-b2b has none");
  }
}
