package dev.scoring.core.json;

import static dev.scoring.core.Aggregate.count;
import static dev.scoring.core.Aggregate.daysSinceLast;
import static dev.scoring.core.Aggregate.distinctDays;
import static dev.scoring.core.Aggregate.meanDaysBetween;
import static dev.scoring.core.Aggregate.rate;
import static dev.scoring.core.Aggregate.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.api.Contact;
import dev.scoring.api.ModelException;
import dev.scoring.core.EventMatch;
import dev.scoring.core.ScoringTable;
import java.io.StringWriter;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Aggregate rules in model files (SPEC section 9) and the trend in score lines. */
class AggregateJsonTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  static final String FILE = MalformedModelTest.json("""
      {
        'name': 'patterns',
        'version': '1',
        'scale': {'min': 0, 'max': 100},
        'decay': {'type': 'none'},
        'demographic': [],
        'behavioral': [
          {'id': 'pricing', 'event': 'pricing_page_visit', 'points': 5},
          {'id': 'engaged-reader', 'aggregate': 'count', 'events': ['email_open'], 'withinDays': 30, 'atLeast': 5, 'points': 10},
          {'id': 'recurring-blog', 'aggregate': 'distinctDays', 'events': ['blog_visit'], 'withinDays': 30, 'atLeast': 3, 'points': 8},
          {'id': 'pricing-time', 'aggregate': 'sum', 'events': ['pricing_page_view'], 'withinDays': 7, 'minValue': 1, 'atLeast': 600, 'points': 6},
          {'id': 'comes-back', 'aggregate': 'meanDaysBetween', 'events': ['click', 'visit'], 'between': [1, 4], 'points': 4}
        ],
        'negative': [
          {'id': 'ignores-mail', 'aggregate': 'rate', 'events': ['email_open'], 'per': ['email_sent'], 'withinDays': 90, 'minCount': 10, 'below': 0.05, 'points': -10},
          {'id': 'no-pricing', 'aggregate': 'daysSinceLast', 'events': ['pricing_page_visit'], 'atLeast': 60, 'points': -5},
          {'id': 'two-bounces', 'aggregate': 'count', 'events': ['bounce'], 'equals': 2, 'points': -3}
        ],
        'tiers': [],
        'baseTier': 'unqualified'
      }
      """);

  @Test
  void aFileWithEveryAggregate_readsAsTheSameTableAsTheDsl_andWritesBackCanonically() {
    ScoringTable dsl = ScoringTable.builder("patterns")
        .behavioral("pricing", EventMatch.on("pricing_page_visit"), 5)
        .behavioral("engaged-reader", count("email_open").withinDays(30).atLeast(5), 10)
        .behavioral("recurring-blog", distinctDays("blog_visit").withinDays(30).atLeast(3), 8)
        .behavioral("pricing-time",
            sum("pricing_page_view").withinDays(7).minValue(1).atLeast(600), 6)
        .behavioral("comes-back", meanDaysBetween("click", "visit").between(1, 4), 4)
        .negative("ignores-mail",
            rate("email_open").per("email_sent").withinDays(90).minCount(10).below(0.05), -10)
        .negative("no-pricing", daysSinceLast("pricing_page_visit").atLeast(60), -5)
        .negative("two-bounces", count("bounce").equalTo(2), -3)
        .build();
    ScoringTable read = ModelJson.parse(FILE);
    assertEquals(dsl, read);
    assertEquals(dsl.fingerprint(), read.fingerprint());
    assertEquals(MalformedModelTest.json("""
        {
          "name": "patterns",
          "version": "1",
          "scale": {"min":0,"max":100},
          "decay": {"type":"none"},
          "demographic": [],
          "behavioral": [
            {"id":"pricing","event":"pricing_page_visit","points":5},
            {"id":"engaged-reader","aggregate":"count","events":["email_open"],"withinDays":30,"atLeast":5,"points":10},
            {"id":"recurring-blog","aggregate":"distinctDays","events":["blog_visit"],"withinDays":30,"atLeast":3,"points":8},
            {"id":"pricing-time","aggregate":"sum","events":["pricing_page_view"],"withinDays":7,"minValue":1,"atLeast":600,"points":6},
            {"id":"comes-back","aggregate":"meanDaysBetween","events":["click","visit"],"between":[1,4],"points":4}
          ],
          "negative": [
            {"id":"ignores-mail","aggregate":"rate","events":["email_open"],"per":["email_sent"],"withinDays":90,"minCount":10,"below":0.05,"points":-10},
            {"id":"no-pricing","aggregate":"daysSinceLast","events":["pricing_page_visit"],"atLeast":60,"points":-5},
            {"id":"two-bounces","aggregate":"count","events":["bounce"],"equals":2,"points":-3}
          ],
          "tiers": [],
          "baseTier": "unqualified"
        }
        """), read.toJson());
  }

  @Test
  void scoreLinesCarryTheTrendAndTheAggregateValue_InfinityAsAString() throws Exception {
    ScoringTable model = ModelJson.parse(FILE);
    Contact c = Contact.builder("c-1")
        .event("pricing_page_visit", Instant.parse("2026-11-20T10:00:00Z"))
        .event("pricing_page_visit", Instant.parse("2026-11-01T10:00:00Z"))
        .build();
    StringWriter out = new StringWriter();
    try (ScoreLines lines = ScoreLines.to(out, model, true, 7)) {
      lines.write(c, AS_OF);
      lines.write(Contact.builder("c-2").build(), AS_OF);
    }
    // c-1: 2 visits now (10), 1 visit a week ago (5): trend 5. c-2: 0 now and then.
    String f = model.fingerprint();
    assertEquals("{\"id\":\"c-1\",\"score\":10,\"raw\":10,\"fit\":0,\"engagement\":10,"
        + "\"tier\":\"unqualified\",\"model\":{\"name\":\"patterns\",\"version\":\"1\","
        + "\"fingerprint\":\"" + f + "\"},\"asOf\":\"2026-11-22T12:00:00Z\",\"trend7\":5,"
        + "\"explanation\":[{\"kind\":\"behavioral\",\"id\":\"pricing\",\"occurrences\":2,"
        + "\"points\":10}]}\n"
        + "{\"id\":\"c-2\",\"score\":0,\"raw\":-5,\"fit\":0,\"engagement\":-5,"
        + "\"tier\":\"unqualified\",\"model\":{\"name\":\"patterns\",\"version\":\"1\","
        + "\"fingerprint\":\"" + f + "\"},\"asOf\":\"2026-11-22T12:00:00Z\",\"trend7\":0,"
        + "\"explanation\":[{\"kind\":\"negative\",\"id\":\"no-pricing\",\"occurrences\":0,"
        + "\"points\":-5,\"value\":\"Infinity\"},{\"kind\":\"clamp\",\"id\":\"scale.min\","
        + "\"occurrences\":1,\"points\":5}]}\n", out.toString());
  }

  @Test
  void aTrendWindowBeforeYearOneIsRefused() {
    ScoringTable model = ModelJson.parse(FILE);
    Contact c = Contact.builder("c").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.trend(c, Instant.parse("0001-01-07T00:00:00Z"), 7));
    assertEquals("asOf - 7 days must be at or after 0001-01-01T00:00:00Z, but was before it"
        + " (asOf 0001-01-07T00:00:00Z)", e.getMessage());
    assertEquals(0.0, model.trend(c, Instant.parse("0001-01-08T00:00:00Z"), 7));
    assertEquals("days must be at least 1, but was 0", assertThrows(
        IllegalArgumentException.class, () -> model.trend(c, AS_OF, 0)).getMessage());
  }

  static String rule(String section, String fields) {
    return MalformedModelTest.model("'" + section + "':[{'id':'r'," + fields + "}]");
  }

  static Stream<Arguments> malformed() {
    String count = "'aggregate':'count','events':['a'],";
    return Stream.of(
        bad(rule("behavioral", "'aggregate':'median','events':['a'],'atLeast':1,'points':1"),
            "behavioral[0].aggregate", "behavioral[0].aggregate must be one of count, "
                + "distinctDays, sum, rate, daysSinceLast, meanDaysBetween, but was \"median\""),
        bad(rule("behavioral", "'aggregate':3,'events':['a'],'atLeast':1,'points':1"),
            "behavioral[0].aggregate", "behavioral[0].aggregate must be a string, but was 3"),
        bad(rule("behavioral", "'aggregate':'count','atLeast':1,'points':1"),
            "behavioral[0].events", "behavioral[0].events must be present, but was missing"),
        bad(rule("behavioral", "'aggregate':'count','events':[],'atLeast':1,'points':1"),
            "behavioral[0].events", "behavioral[0].events must be a non-empty list of event "
                + "types, but was []"),
        bad(rule("behavioral", "'aggregate':'count','events':'a','atLeast':1,'points':1"),
            "behavioral[0].events", "behavioral[0].events must be a list, but was \"a\""),
        bad(rule("behavioral", "'aggregate':'count','events':['a',7],'atLeast':1,'points':1"),
            "behavioral[0].events[1]", "behavioral[0].events[1] must be a string, but was 7"),
        bad(rule("behavioral", "'aggregate':'count','events':['a',' '],'atLeast':1,'points':1"),
            "behavioral[0].events[1]",
            "behavioral[0].events[1] must be a non-blank string, but was \" \""),
        bad(rule("behavioral", "'aggregate':'count','events':['a','a'],'atLeast':1,'points':1"),
            "behavioral[0].events[1]", "behavioral[0].events[1] must be distinct from the "
                + "types before it, but was \"a\""),
        bad(rule("behavioral", count + "'points':1"), "behavioral[0]",
            "behavioral[0] must have exactly one operator (atLeast, below, between, equals),"
                + " but had none"),
        bad(rule("behavioral", count + "'atLeast':1,'below':3,'points':1"), "behavioral[0]",
            "behavioral[0] must have exactly one operator (atLeast, below, between, equals),"
                + " but had atLeast and below"),
        bad(rule("behavioral", count + "'atLeast':'5','points':1"), "behavioral[0].atLeast",
            "behavioral[0].atLeast must be a number, but was \"5\""),
        bad(rule("behavioral", count + "'between':[3,2],'points':1"),
            "behavioral[0].between[1]",
            "behavioral[0].between[1] must be at least between[0] 3, but was 2"),
        bad(rule("behavioral", count + "'between':[3],'points':1"), "behavioral[0].between",
            "behavioral[0].between must be a list of two numbers [lo, hi], but was [3]"),
        bad(rule("behavioral", count + "'between':[1,'x'],'points':1"),
            "behavioral[0].between[1]",
            "behavioral[0].between[1] must be a number, but was \"x\""),
        bad(rule("behavioral", count + "'withinDays':0,'atLeast':1,'points':1"),
            "behavioral[0].withinDays",
            "behavioral[0].withinDays must be at least 1, but was 0"),
        bad(rule("behavioral", count + "'withinDays':1.5,'atLeast':1,'points':1"),
            "behavioral[0].withinDays",
            "behavioral[0].withinDays must be a whole number, but was 1.5"),
        bad(rule("behavioral", count + "'minCount':2,'atLeast':1,'points':1"),
            "behavioral[0].minCount", "behavioral[0].minCount must be absent for aggregate "
                + "count (it is for rate only), but was 2"),
        bad(rule("behavioral", count + "'per':['b'],'atLeast':1,'points':1"),
            "behavioral[0].per", "behavioral[0].per must be absent for aggregate count (it is"
                + " for rate only), but was [\"b\"]"),
        bad(rule("behavioral", "'aggregate':'rate','events':['a'],'atLeast':1,'points':1"),
            "behavioral[0].per", "behavioral[0].per must be a non-empty list of event types "
                + "for aggregate rate, but was missing"),
        bad(rule("behavioral",
                "'aggregate':'rate','events':['a'],'per':['b'],'minCount':0,'below':1,"
                    + "'points':1"),
            "behavioral[0].minCount", "behavioral[0].minCount must be at least 1, but was 0"),
        bad(rule("behavioral", count + "'atLeast':1,'points':-1"), "behavioral[0].points",
            "behavioral[0].points must be positive and finite for an aggregate rule, but was"
                + " -1"),
        bad(rule("behavioral", count + "'event':'a','atLeast':1,'points':1"), "behavioral[0]",
            "behavioral[0] must have exactly one of event or aggregate, but had event and "
                + "aggregate"),
        bad(rule("behavioral", count + "'atLeast':1,'decays':true,'points':1"),
            "behavioral[0].decays", "behavioral[0].decays must be a field of an aggregate "
                + "rule (id, aggregate, events, per, withinDays, minValue, minCount, atLeast,"
                + " below, between, equals, points), but was unknown"),
        bad(rule("negative", count + "'atLeast':1,'points':1"), "negative[0].points",
            "negative[0].points must be negative and finite, but was 1"),
        bad(rule("negative", count + "'inactiveDays':3,'atLeast':1,'points':-1"),
            "negative[0]", "negative[0] must have exactly one of attribute, event, "
                + "inactiveDays or aggregate, but had inactiveDays and aggregate"),
        bad(rule("negative", count + "'minValue':'x','atLeast':1,'points':-1"),
            "negative[0].minValue", "negative[0].minValue must be a number, but was \"x\""));
  }

  private static Arguments bad(String file, String path, String message) {
    return Arguments.of(file, path, message);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("malformed")
  void malformedAggregateRule_isRefusedWithPathAndValue(String file, String path,
      String message) {
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(file));
    assertEquals(message, e.getMessage());
    assertEquals(path, e.path());
  }
}
