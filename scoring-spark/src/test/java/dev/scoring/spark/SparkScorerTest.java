package dev.scoring.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.api.Score;
import dev.scoring.core.Aggregate;
import dev.scoring.core.Condition;
import dev.scoring.core.Decay;
import dev.scoring.core.EventMatch;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ContactJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Scores from Spark equal {@code model.score(contact, asOf)} bit for bit, in both layouts, on
 * 10,000 generated contacts with future events, sub-second instants, missing attributes,
 * unscored event types and contacts without events; bad rows carry the reader's message.
 */
class SparkScorerTest {
  static final Instant AS_OF = Instant.parse("2026-11-30T12:00:00.5Z");
  static final int CONTACTS = 10_000;
  static final String[] TYPES = {"white_paper_download", "pricing_page_visit", "email_open",
    "webinar", "unsubscribe", "hard_bounce", "page_view", "demo_request", "not_scored"};
  static final String[] SECTORS = {"technology", "Health", "finance", "education", "retail"};

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("SparkScorerTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /**
   * The seed table plus rules with withinDays, maxOccurrences, minValue, caps, steps and one
   * aggregate rule of each kind (SPEC section 9).
   */
  static ScoringTable richModel() {
    return ExampleModels.seed().toBuilder()
        .name("rich")
        .decay(Decay.steps(Decay.step(7, 1), Decay.step(30, 0.5), Decay.step(90, 0.25)))
        .behavioralCap(60)
        .behavioral("long-read", EventMatch.on("page_view").minValue(60).withinDays(30), 2)
        .behavioral("pricing-3", EventMatch.on("pricing_page_visit").maxOccurrences(3), 4)
        .negative("senior", Condition.attribute("age").atLeast(60), -3)
        .behavioral("readers", Aggregate.count("email_open").withinDays(30).atLeast(2), 4)
        .behavioral("days", Aggregate.distinctDays("webinar", "page_view").atLeast(2), 3)
        .behavioral("reading-time", Aggregate.sum("page_view").withinDays(60).atLeast(100), 5)
        .behavioral("rate", Aggregate.rate("demo_request").per("email_open").atLeast(0.5), 2)
        .behavioral("regular", Aggregate.meanDaysBetween("webinar").below(10), 3)
        .negative("no-pricing", Aggregate.daysSinceLast("pricing_page_visit").atLeast(60), -5)
        .build();
  }

  /** Generated contacts: attributes sometimes missing, 0..20 events, some in the future. */
  static List<Contact> contacts(int n, long seed, boolean micros) {
    Random r = new Random(seed);
    List<Contact> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Contact.Builder b = Contact.builder("c-" + i);
      if (r.nextInt(5) > 0) {
        b.attribute("age", (long) (16 + r.nextInt(60)));
      }
      if (r.nextInt(4) > 0) {
        b.attribute("sector", SECTORS[r.nextInt(SECTORS.length)]);
      }
      if (r.nextBoolean()) {
        b.attribute("near_office", r.nextBoolean());
      }
      if (r.nextInt(3) == 0) {
        b.attribute("gender", r.nextBoolean() ? "Female" : "male");
      }
      int events = r.nextInt(6) == 0 ? 0 : r.nextInt(21);
      for (int e = 0; e < events; e++) {
        // 0..200 days back, 1 in 20 up to 3 days in the future; micro- or nanosecond parts
        long offset = (long) (r.nextDouble() * 200 * 86_400_000_000_000L);
        if (r.nextInt(20) == 0) {
          offset = -(long) (r.nextDouble() * 3 * 86_400_000_000_000L);
        }
        if (micros) {
          offset -= offset % 1000;
        }
        Instant at = AS_OF.minusNanos(offset);
        String type = TYPES[r.nextInt(TYPES.length)];
        b.event(r.nextInt(3) == 0 ? Event.of(type, at, r.nextInt(200) - 20.5)
            : Event.of(type, at));
      }
      out.add(b.build());
    }
    return out;
  }

  static final StructType EVENT = new StructType()
      .add("type", DataTypes.StringType)
      .add("at", DataTypes.TimestampType)
      .add("value", DataTypes.DoubleType);

  /** Nested rows: attributes as columns, events as timestamps, shuffled. */
  static Dataset<Row> nested(List<Contact> contacts, long seed) {
    return nested(spark, contacts, seed);
  }

  /** {@link #nested(List, long)} in a given session. */
  static Dataset<Row> nested(SparkSession spark, List<Contact> contacts, long seed) {
    Random r = new Random(seed);
    StructType schema = new StructType()
        .add("id", DataTypes.StringType)
        .add("age", DataTypes.LongType)
        .add("sector", DataTypes.StringType)
        .add("near_office", DataTypes.BooleanType)
        .add("gender", DataTypes.StringType)
        .add("events", DataTypes.createArrayType(EVENT));
    List<Row> rows = new ArrayList<>();
    for (Contact c : contacts) {
      List<Row> events = new ArrayList<>();
      for (Event e : c.events()) {
        events.add(RowFactory.create(e.type(), e.at(),
            e.value().isPresent() ? e.value().getAsDouble() : null));
      }
      java.util.Collections.shuffle(events, r);
      Map<String, Object> a = c.attributes();
      rows.add(RowFactory.create(c.id(), a.get("age"), a.get("sector"), a.get("near_office"),
          a.get("gender"), events));
    }
    return spark.createDataFrame(rows, schema);
  }

  static Map<String, Row> byId(Dataset<Row> scored) {
    Map<String, Row> out = new HashMap<>();
    for (Row row : scored.collectAsList()) {
      out.put(row.getString(row.fieldIndex("id")), row);
    }
    return out;
  }

  static void assertSameBits(ScoringTable model, List<Contact> contacts, Map<String, Row> rows) {
    assertEquals(contacts.size(), rows.size());
    int mismatches = 0;
    String first = null;
    for (Contact c : contacts) {
      Score expected = model.score(c, AS_OF);
      Row row = rows.get(c.id());
      boolean same = row.isNullAt(row.fieldIndex("error"))
          && bits(expected.score()) == bits(row.getDouble(row.fieldIndex("score")))
          && bits(expected.raw()) == bits(row.getDouble(row.fieldIndex("raw")))
          && bits(expected.fit()) == bits(row.getDouble(row.fieldIndex("fit")))
          && bits(expected.engagement()) == bits(row.getDouble(row.fieldIndex("engagement")))
          && expected.tier().equals(row.getString(row.fieldIndex("tier")));
      if (!same) {
        mismatches++;
        if (first == null) {
          first = c + " expected " + expected + " but was " + row;
        }
      }
    }
    assertEquals(0, mismatches, first);
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }

  @Test
  void nestedLayoutGivesTheObjectScoresBitForBit() {
    ScoringTable model = richModel();
    List<Contact> contacts = contacts(CONTACTS, 1, true);
    Dataset<Row> scored = SparkScorer.of(model).scoreNested(nested(contacts, 2), AS_OF);
    assertThat(scored.columns()).containsExactly("id", "age", "sector", "near_office", "gender",
        "events", "score", "raw", "fit", "engagement", "tier", "error");
    assertSameBits(model, contacts, byId(scored));
  }

  @Test
  void longLayoutGivesTheObjectScoresBitForBit() {
    ScoringTable model = richModel();
    List<Contact> contacts = contacts(CONTACTS, 3, false);
    StructType contactSchema = new StructType()
        .add("id", DataTypes.StringType)
        .add("attributes", DataTypes.createMapType(DataTypes.StringType,
            DataTypes.StringType));
    StructType eventSchema = new StructType()
        .add("contact_id", DataTypes.StringType)
        .add("type", DataTypes.StringType)
        .add("at", DataTypes.StringType)
        .add("value", DataTypes.DoubleType);
    List<Row> contactRows = new ArrayList<>();
    List<Row> eventRows = new ArrayList<>();
    List<Contact> asStrings = new ArrayList<>();
    for (Contact c : contacts) {
      // attributes as strings in a map: "42", "true" compare as the number and the boolean
      Map<String, String> a = new HashMap<>();
      c.attributes().forEach((k, v) -> a.put(k, String.valueOf(v)));
      contactRows.add(RowFactory.create(c.id(), scala(a)));
      Contact.Builder b = Contact.builder(c.id());
      a.forEach(b::attribute);
      for (Event e : c.events()) {
        eventRows.add(RowFactory.create(c.id(), e.type(), e.at().toString(),
            e.value().isPresent() ? e.value().getAsDouble() : null));
        b.event(e);
      }
      asStrings.add(b.build());
    }
    java.util.Collections.shuffle(eventRows, new Random(4));
    Dataset<Row> scored = SparkScorer.of(model).withFingerprint(true).scoreLong(
        spark.createDataFrame(contactRows, contactSchema),
        spark.createDataFrame(eventRows, eventSchema), AS_OF);
    assertThat(scored.columns()).containsExactly("id", "attributes", "score", "raw", "fit",
        "engagement", "tier", "error", "fingerprint");
    Map<String, Row> rows = byId(scored);
    assertSameBits(model, asStrings, rows);
    assertThat(rows.get("c-0").getString(8)).isEqualTo(model.fingerprint());
  }

  static scala.collection.Map<String, String> scala(Map<String, String> m) {
    return scala.jdk.javaapi.CollectionConverters.asScala(m);
  }

  @Test
  void seedModelFromJsonOnNestedRows() {
    ScoringTable model = dev.scoring.core.json.ModelJson.parse(ExampleModels.seed().toJson());
    List<Contact> contacts = contacts(2_000, 5, true);
    Dataset<Row> scored = SparkScorer.of(model).scoreNested(nested(contacts, 6), AS_OF);
    assertSameBits(model, contacts, byId(scored));
  }

  /** The reader's message for the same contact as JSON. */
  static String readerMessage(String json) {
    try {
      ContactJson.defaults().read(json);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("the reader accepted " + json);
  }

  @Test
  void badRowsCarryTheReadersMessageAndNoScore() {
    StructType schema = new StructType()
        .add("id", DataTypes.StringType)
        .add("age", DataTypes.DoubleType)
        .add("events", DataTypes.createArrayType(new StructType()
            .add("type", DataTypes.StringType)
            .add("at", DataTypes.StringType)
            .add("value", DataTypes.DoubleType)));
    String ok = "2026-11-01T10:00:00Z";
    List<Row> rows = List.of(
        RowFactory.create("good", 30.0, List.of(RowFactory.create("webinar", ok, null))),
        RowFactory.create("bad-at", 30.0, List.of(RowFactory.create("webinar", ok, null),
            RowFactory.create("webinar", "yesterday", null))),
        RowFactory.create("bad-value", null, List.of(
            RowFactory.create("page_view", ok, Double.NaN))),
        RowFactory.create("bad-type", null, List.of(RowFactory.create(" ", ok, 1.0))),
        RowFactory.create("bad-age", Double.POSITIVE_INFINITY, List.of()),
        RowFactory.create(" ", 30.0, List.of()),
        RowFactory.create("null-at", 30.0, List.of(RowFactory.create("webinar", null, 2.0))),
        RowFactory.create("far-future", 30.0, List.of(
            RowFactory.create("webinar", "+10000-01-01T00:00:00Z", null))),
        RowFactory.create("year-0", 30.0, List.of(
            RowFactory.create("webinar", "0000-12-31T23:59:59Z", null))));
    Map<String, Row> out = byId(SparkScorer.of(ExampleModels.seed())
        .scoreNested(spark.createDataFrame(rows, schema), AS_OF));
    String instant = "events[1].at must be an ISO-8601 instant from 0001-01-01T00:00:00Z to "
        + "9999-12-31T23:59:59.999999999Z, but was \"yesterday\"";
    assertEquals(instant, readerMessage("{\"id\":\"bad-at\",\"events\":[{\"type\":\"webinar\","
        + "\"at\":\"" + ok + "\"},{\"type\":\"webinar\",\"at\":\"yesterday\"}]}"));
    assertEquals(instant, error(out, "bad-at"));
    assertEquals("events[0].value must be a finite number, but was NaN", error(out, "bad-value"));
    assertEquals(readerMessage("{\"id\":\"x\",\"events\":[{\"type\":\" \",\"at\":\"" + ok
        + "\"}]}"), error(out, "bad-type"));
    assertEquals("events[0].type must be a non-blank string, but was \" \"",
        error(out, "bad-type"));
    assertEquals("age must be a finite number, but was Infinity".replace("age",
        "attributes.age"), error(out, "bad-age"));
    assertEquals(readerMessage("{\"id\":\" \"}"), error(out, " "));
    assertEquals(readerMessage("{\"id\":\"x\",\"events\":[{\"type\":\"webinar\",\"at\":null}]}"),
        error(out, "null-at"));
    assertEquals(readerMessage("{\"id\":\"x\",\"events\":[{\"type\":\"webinar\","
        + "\"at\":\"+10000-01-01T00:00:00Z\"}]}"), error(out, "far-future"));
    assertEquals("events[0].at must be an ISO-8601 instant from 0001-01-01T00:00:00Z to "
        + "9999-12-31T23:59:59.999999999Z, but was \"0000-12-31T23:59:59Z\"",
        error(out, "year-0"));
    for (String id : List.of("bad-at", "bad-value", "bad-type", "bad-age", " ", "null-at",
        "far-future", "year-0")) {
      assertThat(out.get(id).isNullAt(out.get(id).fieldIndex("score"))).as(id).isTrue();
    }
    Row good = out.get("good");
    assertThat(good.isNullAt(good.fieldIndex("error"))).isTrue();
    Contact c = Contact.builder("good").attribute("age", 30.0)
        .event(Event.of("webinar", Instant.parse(ok))).build();
    assertEquals(ExampleModels.seed().score(c, AS_OF).score(),
        good.getDouble(good.fieldIndex("score")));
  }

  private static String error(Map<String, Row> out, String id) {
    Row row = out.get(id);
    return row.getString(row.fieldIndex("error"));
  }

  @Test
  void schemaErrorsNameTheColumn() {
    StructType schema = new StructType().add("id", DataTypes.LongType)
        .add("events", DataTypes.createArrayType(EVENT));
    Dataset<Row> numericIds = spark.createDataFrame(List.of(), schema);
    assertThatThrownBy(() -> SparkScorer.of(ExampleModels.seed()).scoreNested(numericIds, AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contacts.id must be a string column, but was bigint");
    StructType noEvents = new StructType().add("id", DataTypes.StringType);
    assertThatThrownBy(() -> SparkScorer.of(ExampleModels.seed())
        .scoreNested(spark.createDataFrame(List.of(), noEvents), AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contacts must have a column events, but had id");
  }
}
