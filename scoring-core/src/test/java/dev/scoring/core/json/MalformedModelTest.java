package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.api.ModelException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed model files, each with the exact error it must raise: the JSON path and the
 * message naming that path and the offending value. Files are written with single quotes
 * for readability; {@link #json(String)} turns them into double quotes.
 */
class MalformedModelTest {

  /** Turns {@code 'x'} into {@code "x"}. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A minimal valid model with the given extra top-level fields. */
  static String model(String fields) {
    return json("{'name':'m'" + (fields.isEmpty() ? "" : "," + fields) + "}");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        // ---- malformed JSON and document shape
        bad("{'name':'m',}", "",
            "model must be valid JSON, but was malformed at line 1, column 13: Unexpected"
                + " character ('}' (code 125)): was expecting double-quote to start field name"),
        bad("{'name':'m','behavioral':[{'id':'x',]}", "behavioral[0]",
            "behavioral[0] must be valid JSON, but was malformed at line 1, column 37:"
                + " Unexpected character (']' (code 93)): was expecting double-quote to start"
                + " field name"),
        bad("{'name':'m'", "",
            "model must be valid JSON, but was malformed at line 1, column 12: Unexpected"
                + " end-of-input: expected close marker for Object (start marker at line 1,"
                + " column 1)"),
        bad("", "", "model must be a JSON object, but was empty"),
        bad("[1,2]", "", "model must be a JSON object, but was [1,2]"),
        bad("{'name':'m'} {}", "",
            "model must be a single JSON object, but had more content at line 1, column 14"),
        bad("{'name':'m','version':NaN}", "version",
            "version must be valid JSON, but was malformed at line 1, column 26: Non-standard"
                + " token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"),
        bad("{'name':'m', /* comment */ 'version':'2'}", "",
            "model must be valid JSON, but was malformed at line 1, column 14: Unexpected"
                + " character ('/' (code 47)): maybe a (non-standard) comment? (not recognized"
                + " as one since Feature 'ALLOW_COMMENTS' not enabled for parser)"),
        bad("{'name':'m','name':'n'}", "name", "name must appear once, but was repeated"),
        bad(model("'behavioral':[{'id':'a','event':'e','points':1,'points':2}]"),
            "behavioral[0].points", "behavioral[0].points must appear once, but was repeated"),

        // ---- unknown fields
        bad(model("'colour':'red'"), "colour",
            "colour must be a field of the model (name, version, scale, decay, caps,"
                + " demographic, behavioral, negative, tiers, baseTier), but was unknown"),
        bad(model("'behavioral':[{'id':'a','event':'e','withinDay':30,'points':1}]"),
            "behavioral[0].withinDay",
            "behavioral[0].withinDay must be a field of a behavioral rule (id, event,"
                + " withinDays, maxOccurrences, minValue, decays, points), but was unknown"
                + " (did you mean withinDays?)"),
        bad(model("'demographic':[{'id':'a','attribute':'age','atleast':18,'points':1}]"),
            "demographic[0].atleast",
            "demographic[0].atleast must be a field of a demographic rule (id, attribute,"
                + " equals, in, between, atLeast, below, present, ignoreCase, and, points), but"
                + " was unknown (did you mean atLeast?)"),
        bad(model("'demographic':[{'id':'a','attribute':'age','atLeast':18,'points':1,"
                + "'and':[{'attribute':'x','present':true,'points':2}]}]"),
            "demographic[0].and[0].points",
            "demographic[0].and[0].points must be a field of a condition (attribute, equals, in,"
                + " between, atLeast, below, present, ignoreCase), but was unknown"),
        bad(model("'decay':{'type':'none','days':30}"), "decay.days",
            "decay.days must be a field of a decay of type none (type), but was unknown"),

        // ---- missing fields
        bad("{'version':'1'}", "name", "name must be present, but was missing"),
        bad(model("'behavioral':[{'id':'a','event':'e'}]"), "behavioral[0].points",
            "behavioral[0].points must be present, but was missing"),
        bad(model("'demographic':[{'attribute':'age','atLeast':18,'points':1}]"),
            "demographic[0].id", "demographic[0].id must be present, but was missing"),
        bad(model("'decay':{'days':30}"), "decay.type",
            "decay.type must be present, but was missing"),
        bad(model("'tiers':[{'name':'MQL'}]"), "tiers[0].atLeast",
            "tiers[0].atLeast must be present, but was missing"),

        // ---- wrong types
        bad(model("'behavioral':[{'id':'a','event':'e','points':'5'}]"),
            "behavioral[0].points", "behavioral[0].points must be a number, but was \"5\""),
        bad(model("'version':3"), "version", "version must be a string, but was 3"),
        bad(model("'behavioral':{'id':'a'}"), "behavioral",
            "behavioral must be a list, but was {\"id\":\"a\"}"),
        bad(model("'behavioral':[{'id':'a','event':'e','withinDays':1.5,'points':1}]"),
            "behavioral[0].withinDays",
            "behavioral[0].withinDays must be a whole number, but was 1.5"),
        bad(model("'behavioral':[{'id':'a','event':'e','decays':'yes','points':1}]"),
            "behavioral[0].decays", "behavioral[0].decays must be true or false, but was \"yes\""),
        bad(model("'demographic':[{'id':'a','attribute':'age','between':[18],'points':1}]"),
            "demographic[0].between",
            "demographic[0].between must be a list of two numbers [lo, hi], but was [18]"),
        bad(model("'demographic':[{'id':'a','attribute':'age','between':[18,'x'],'points':1}]"),
            "demographic[0].between[1]",
            "demographic[0].between[1] must be a number, but was \"x\""),
        bad(model("'demographic':[{'id':'a','attribute':'tags','equals':['a','b'],'points':1}]"),
            "demographic[0].equals",
            "demographic[0].equals must be a string, a number or a boolean, but was"
                + " [\"a\",\"b\"]"),
        bad(model("'demographic':[{'id':'a','attribute':'x','in':['a',null],'points':1}]"),
            "demographic[0].in[1]",
            "demographic[0].in[1] must be a string, a number or a boolean, but was null"),
        bad(model("'negative':[5]"), "negative[0]",
            "negative[0] must be a JSON object, but was 5"),
        bad(model("'scale':{'min':0,'max':null}"), "scale.max",
            "scale.max must be a number, but was null"),

        // ---- out-of-range values (checked by the builder and the constructors)
        bad(model("'behavioral':[{'id':'a','event':'e','points':0}]"), "behavioral[0].points",
            "behavioral[0].points must be finite and non-zero, but was 0"),
        bad(model("'behavioral':[{'id':'a','event':'e','points':1},"
                + "{'id':'b','event':'e','points':1},{'id':'c','event':'e','points':1},"
                + "{'id':'d','event':'e','points':0.0}]"), "behavioral[3].points",
            "behavioral[3].points must be finite and non-zero, but was 0"),
        bad(model("'behavioral':[{'id':'a','event':'e','points':1e400}]"),
            "behavioral[0].points",
            "behavioral[0].points must be finite and non-zero, but was Infinity"),
        bad(model("'negative':[{'id':'u','event':'unsubscribe','points':15}]"),
            "negative[0].points", "negative[0].points must be negative and finite, but was 15"),
        bad(model("'behavioral':[{'id':'a','event':'e','withinDays':0,'points':1}]"),
            "behavioral[0].withinDays",
            "behavioral[0].withinDays must be at least 1, but was 0"),
        bad(model("'behavioral':[{'id':'a','event':'e','maxOccurrences':-2,'points':1}]"),
            "behavioral[0].maxOccurrences",
            "behavioral[0].maxOccurrences must be at least 1, but was -2"),
        bad(model("'behavioral':[{'id':'a','event':'e','withinDays':1e10,'points':1}]"),
            "behavioral[0].withinDays",
            "behavioral[0].withinDays must be a whole number between -2147483648 and"
                + " 2147483647, but was 10000000000"),
        bad(model("'negative':[{'id':'d','inactiveDays':0,'points':-5}]"),
            "negative[0].inactiveDays", "negative[0].inactiveDays must be at least 1, but was 0"),
        bad(model("'behavioral':[{'id':' ','event':'e','points':1}]"), "behavioral[0].id",
            "behavioral[0].id must be a non-blank string, but was \" \""),
        bad(model("'behavioral':[{'id':'a','event':'','points':1}]"), "behavioral[0].event",
            "behavioral[0].event must be a non-blank string, but was \"\""),
        bad(model("'demographic':[{'id':'a','attribute':'age','atLeast':18,'ignoreCase':true,"
                + "'points':1}]"), "demographic[0].ignoreCase",
            "demographic[0].ignoreCase must be used only with equals or in, but was used with"
                + " atLeast"),
        bad(model("'demographic':[{'id':'a','attribute':'x','in':[],'points':1}]"),
            "demographic[0].in", "demographic[0].in must be a non-empty list, but was []"),
        bad(model("'demographic':[{'id':'a','attribute':'age','atLeast':18,'points':1,"
                + "'and':[]}]"), "demographic[0].and",
            "demographic[0].and must be a non-empty list of conditions, but was []"),
        bad(model("'scale':{'min':10,'max':10}"), "scale.max",
            "scale.max must be finite and greater than scale.min (10), but was 10"),
        bad(model("'caps':{'demographic':-5}"), "caps.demographic",
            "caps.demographic must be positive and finite, but was -5"),
        bad(model("'decay':{'type':'halfLife','days':0}"), "decay.days",
            "decay.days must be positive and finite, but was 0"),
        bad(model("'decay':{'type':'exponential','days':30}"), "decay.type",
            "decay.type must be one of none, halfLife, linear, steps, but was \"exponential\""),
        bad(model("'decay':{'type':'steps','steps':[{'belowDays':30,'factor':1.5}]}"),
            "decay.steps[0].factor",
            "decay.steps[0].factor must be in [0, 1], but was 1.5"),
        bad(model("'decay':{'type':'steps','steps':[]}"), "decay.steps",
            "decay.steps must not be empty, but was []"),

        // ---- inconsistent tiers and decay steps, duplicate ids
        bad(model("'decay':{'type':'steps','steps':[{'belowDays':90,'factor':1},"
                + "{'belowDays':30,'factor':0.5}]}"), "decay.steps[1].belowDays",
            "decay.steps[1].belowDays must be greater than 90, but was 30"),
        bad(model("'tiers':[{'name':'SQL','atLeast':80},{'name':'MQL','atLeast':60}]"),
            "tiers[1].atLeast",
            "tiers[1].atLeast must be greater than the previous tier's 80, but was 60"),
        bad(model("'tiers':[{'name':'MQL','atLeast':60},{'name':'MQL','atLeast':80}]"),
            "tiers[1].name", "tiers[1].name must be unique, but was \"MQL\""),
        bad(model("'behavioral':[{'id':'v','event':'visit','points':1}],"
                + "'tiers':[{'name':'MQL','atLeast':60}],'baseTier':'MQL'"), "baseTier",
            "baseTier must be different from every tier name, but was \"MQL\""),

        // ---- what can never work (the builder fails fast)
        bad(model(""), "",
            "model must have at least one rule (demographic, behavioral or negative), but had"
                + " none"),
        bad(model("'behavioral':[{'id':'v','event':'visit','points':1}],"
                + "'tiers':[{'name':'MQL','atLeast':150}]"), "tiers[0].atLeast",
            "tiers[0].atLeast must be <= scale.max (100), but was 150"),
        bad(model("'behavioral':[{'id':'v','event':'visit','points':1}],"
                + "'tiers':[{'name':'cold','atLeast':-10}]"), "tiers[0].atLeast",
            "tiers[0].atLeast must be >= scale.min (0), but was -10"),
        bad(model("'demographic':[{'id':'a','attribute':'age','between':[34,25],'points':1}]"),
            "demographic[0].between[1]",
            "demographic[0].between[1] must be >= between[0] (34), but was 25"),
        bad(model("'demographic':[{'id':'a','attribute':'age','atLeast':50,"
                + "'and':[{'attribute':'age','below':30}],'points':1}]"), "demographic[0]",
            "demographic[0] must be able to fire, but its conditions on \"age\" cannot all"
                + " hold: age atLeast 50, age below 30"),
        bad(model("'negative':[{'id':'a','attribute':'tier','present':true,"
                + "'and':[{'attribute':'tier','present':false}],'points':-1}]"), "negative[0]",
            "negative[0] must be able to fire, but its conditions on \"tier\" cannot all"
                + " hold: tier present true, tier present false"),
        bad(model("'decay':{'type':'steps','steps':[{'belowDays':7,'factor':0},"
                + "{'belowDays':30,'factor':1}]},"
                + "'behavioral':[{'id':'fresh','event':'visit','withinDays':7,'points':1}]"),
            "behavioral[0]", "behavioral[0] must be able to add points, but the decay factor is 0"
                + " at every age it matches (below 7 days)"),
        bad(model("'behavioral':[{'id':'v','event':'visit','points':1e15}]"),
            "behavioral[0].points",
            "behavioral[0].points must be at most 1e9 in magnitude, but was 1.0E15"),
        bad(model("'negative':[{'id':'v','inactiveDays':9,'points':-1000000001}]"),
            "negative[0].points",
            "negative[0].points must be at most 1e9 in magnitude, but was -1000000001"),
        bad(model("'demographic':[{'id':'x','attribute':'age','atLeast':18,'points':1}],"
                + "'behavioral':[{'id':'x','event':'e','points':1}]"), "behavioral[0].id",
            "behavioral[0].id must be unique, but was \"x\""),

        // ---- ambiguous rules
        bad(model("'demographic':[{'id':'a','attribute':'age','equals':18,'between':[18,24],"
                + "'points':1}]"), "demographic[0]",
            "demographic[0] must have exactly one operator (equals, in, between, atLeast, below,"
                + " present), but had equals and between"),
        bad(model("'demographic':[{'id':'a','attribute':'age','points':1}]"), "demographic[0]",
            "demographic[0] must have exactly one operator (equals, in, between, atLeast, below,"
                + " present), but had none"),
        bad(model("'negative':[{'id':'a','attribute':'job','equals':'student',"
                + "'event':'unsubscribe','points':-1}]"), "negative[0]",
            "negative[0] must have exactly one of attribute, event, inactiveDays or aggregate,"
                + " but had attribute and event"),
        bad(model("'negative':[{'id':'a','points':-1}]"), "negative[0]",
            "negative[0] must have exactly one of attribute, event, inactiveDays or aggregate,"
                + " but had none of them"),
        bad(model("'behavioral':[{'id':'a','event':'e','attribute':'age','points':1}]"),
            "behavioral[0].attribute",
            "behavioral[0].attribute must be a field of a behavioral rule (id, event,"
                + " withinDays, maxOccurrences, minValue, decays, points), but was unknown"));
  }

  private static Arguments bad(String singleQuoted, String path, String message) {
    return Arguments.of(json(singleQuoted), path, message);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("malformed")
  void malformedModel_isRefusedWithPathAndValue(String file, String path, String message) {
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(file));
    assertEquals(message, e.getMessage());
    assertEquals(path, e.path());
  }

  @org.junit.jupiter.api.Test
  void thereAreAtLeastThirtyMalformedFiles() {
    org.junit.jupiter.api.Assertions.assertTrue(malformed().count() >= 30);
  }
}
