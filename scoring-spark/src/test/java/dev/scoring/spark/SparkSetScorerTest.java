package dev.scoring.spark;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.json.ModelSetJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A model set on Spark (SPEC section 11): each table's struct column equals that table
 * scored alone ({@code table.score(contact, asOf)}) bit for bit, in both layouts, on
 * generated contacts; bad rows carry the reader's message and no table scores.
 */
class SparkSetScorerTest {
  static final Instant AS_OF = SparkScorerTest.AS_OF;

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("SparkSetScorerTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** A third table with its own attributes, event types, values and tiers, and no decay. */
  static ScoringTable analytics() {
    return ScoringTable.builder("analytics")
        .version("7")
        .demographic("finance", attribute("sector").equalTo("finance"), 6)
        .demographic("young", attribute("age").below(30), 2)
        .behavioral("long-view", on("page_view").minValue(30), 1.5)
        .behavioral("opens", on("email_open").withinDays(14), 0.25)
        .negative("unsubscribed", on("unsubscribe"), -40)
        .tier("engaged", 8)
        .baseTier("quiet")
        .build();
  }

  static ModelSet set() {
    return ModelSet.builder("acme").version("4").add(SparkScorerTest.richModel())
        .add(ExampleModels.seed()).add(analytics()).build();
  }

  /**
   * Every table's struct equals {@code set.score(contact, asOf)}, and so the table's own score
   * of the contact, bit for bit.
   */
  static void assertSameBits(ModelSet set, List<Contact> contacts, Map<String, Row> rows) {
    assertEquals(contacts.size(), rows.size());
    int mismatches = 0;
    String first = null;
    for (Contact c : contacts) {
      Row row = rows.get(c.id());
      Map<String, Score> scores = set.score(c, AS_OF);
      for (ScoringTable table : set.tables()) {
        Score expected = scores.get(table.name());
        assertEquals(table.score(c, AS_OF), expected);
        Row s = row.getStruct(row.fieldIndex(table.name()));
        boolean same = row.isNullAt(row.fieldIndex("error")) && s != null
            && bits(expected.score()) == bits(s.getDouble(0))
            && bits(expected.raw()) == bits(s.getDouble(1))
            && bits(expected.fit()) == bits(s.getDouble(2))
            && bits(expected.engagement()) == bits(s.getDouble(3))
            && expected.tier().equals(s.getString(4));
        if (!same) {
          mismatches++;
          if (first == null) {
            first = table.name() + ": " + c + " expected " + expected + " but was " + row;
          }
        }
      }
    }
    assertEquals(0, mismatches, first);
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }

  @Test
  void nestedLayoutGivesEachTablesOwnScoreBitForBit() {
    ModelSet set = set();
    List<Contact> contacts = SparkScorerTest.contacts(3_000, 11, true);
    SparkSetScorer scorer = SparkSetScorer.of(ModelSetJson.parse(set.toJson()));
    Dataset<Row> scored = scorer.scoreNested(SparkScorerTest.nested(spark, contacts, 12), AS_OF);
    assertThat(scored.columns()).containsExactly("id", "age", "sector", "near_office", "gender",
        "events", "rich", "seed-b2b", "analytics", "error");
    assertThat(scorer.addedColumns()).containsExactly("rich", "seed-b2b", "analytics",
        "error");
    assertThat(scored.schema().apply("analytics").dataType().simpleString())
        .isEqualTo("struct<score:double,raw:double,fit:double,engagement:double,tier:string>");
    assertSameBits(set, contacts, SparkScorerTest.byId(scored));
    assertThat(scored.where("`analytics`.tier = 'engaged'").count())
        .isEqualTo(contacts.stream().filter(c -> analytics().score(c, AS_OF).tier()
            .equals("engaged")).count())
        .isPositive();
  }

  @Test
  void longLayoutWithFingerprintAndBadRows() {
    ModelSet set = set();
    List<Contact> contacts = SparkScorerTest.contacts(1_000, 13, false);
    StructType contactSchema = new StructType()
        .add("id", DataTypes.StringType)
        .add("attributes", new StructType()
            .add("age", DataTypes.LongType)
            .add("sector", DataTypes.StringType)
            .add("near_office", DataTypes.BooleanType)
            .add("gender", DataTypes.StringType)
            .add("unused", DataTypes.DoubleType));
    StructType eventSchema = new StructType()
        .add("contact_id", DataTypes.StringType)
        .add("type", DataTypes.StringType)
        .add("at", DataTypes.StringType)
        .add("value", DataTypes.DoubleType);
    List<Row> contactRows = new ArrayList<>();
    List<Row> eventRows = new ArrayList<>();
    for (Contact c : contacts) {
      Map<String, Object> a = c.attributes();
      contactRows.add(RowFactory.create(c.id(), RowFactory.create(a.get("age"), a.get("sector"),
          a.get("near_office"), a.get("gender"), 1.5)));
      for (Event e : c.events()) {
        eventRows.add(RowFactory.create(c.id(), e.type(), e.at().toString(),
            e.value().isPresent() ? e.value().getAsDouble() : null));
      }
    }
    contactRows.add(RowFactory.create("bad", RowFactory.create(30L, null, null, null,
        Double.NaN)));
    eventRows.add(RowFactory.create("bad", "webinar", "2026-11-01T00:00:00Z", null));
    Dataset<Row> scored = SparkSetScorer.of(set).withFingerprint(true).scoreLong(
        spark.createDataFrame(contactRows, contactSchema),
        spark.createDataFrame(eventRows, eventSchema), AS_OF);
    assertThat(scored.columns()).containsExactly("id", "attributes", "rich", "seed-b2b",
        "analytics", "error", "fingerprint");
    Map<String, Row> rows = SparkScorerTest.byId(scored);
    Row bad = rows.remove("bad");
    assertEquals("attributes.unused must be a finite number, but was NaN",
        bad.getString(bad.fieldIndex("error")));
    for (String table : List.of("rich", "seed-b2b", "analytics")) {
      assertThat(bad.isNullAt(bad.fieldIndex(table))).as(table).isTrue();
    }
    assertSameBits(set, contacts, rows);
    assertThat(rows.get("c-0").getString(rows.get("c-0").fieldIndex("fingerprint")))
        .isEqualTo(set.fingerprint());
  }

  @Test
  void aSetOfOneIsAStructNamedAfterTheTableAndTakenNamesAreRefused() {
    ScoringTable seed = ExampleModels.seed();
    List<Contact> contacts = SparkScorerTest.contacts(200, 17, true);
    Dataset<Row> scored = SparkSetScorer.of(ModelSetJson.parse(seed.toJson()))
        .withFingerprint(true).scoreNested(SparkScorerTest.nested(spark, contacts, 18), AS_OF);
    assertThat(scored.columns()).endsWith("seed-b2b", "error", "fingerprint");
    assertSameBits(ModelSet.of(seed), contacts, SparkScorerTest.byId(scored));
    assertThat(scored.select("fingerprint").first().getString(0))
        .isEqualTo(ModelSet.of(seed).fingerprint());

    StructType taken = new StructType().add("id", DataTypes.StringType)
        .add("analytics", DataTypes.StringType)
        .add("events", DataTypes.createArrayType(SparkScorerTest.EVENT));
    assertThatThrownBy(() -> SparkSetScorer.of(set())
        .scoreNested(spark.createDataFrame(List.of(), taken), AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contacts must not have a column named analytics (it is added), but had"
            + " one");
    ModelSet error = ModelSet.builder("e").add(analytics().toBuilder().name("error").build())
        .build();
    Dataset<Row> empty = SparkScorerTest.nested(spark, List.of(), 19);
    assertThatThrownBy(() -> SparkSetScorer.of(error).scoreNested(empty, AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the set's table names must differ from the other columns added (error,"
            + " fingerprint), but one was error");
  }
}
