package dev.scoring.core;

import static dev.scoring.core.Condition.attribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.api.Contact;
import dev.scoring.api.ModelException;
import dev.scoring.core.json.ModelJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC section 3, example by example, on every path: {@link Condition#matches}, the object
 * scorer, the columnar batch scorer and the reference scorer of the tests.
 */
class ConditionSpecTest {
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  /** Whether {@code value} matches {@code condition}, asserted equal on every path. */
  private static boolean matches(Condition condition, Object value) {
    ScoringTable model = ScoringTable.builder("spec3")
        .demographic("r", condition, 7)
        .build();
    Contact contact = Contact.builder("c").attribute(condition.attribute(), value).build();
    boolean direct = condition.matches(value);
    double object = model.score(contact, AS_OF).score();
    double batch = BatchScorer.of(model).score(ContactTable.of(List.of(contact)), AS_OF, 1)
        .toScore(0).score();
    double reference = ReferenceScorer.score(model, contact, AS_OF).score();
    double expected = direct ? 7 : 0;
    assertEquals(expected, object, "object path");
    assertEquals(expected, batch, "batch path");
    assertEquals(expected, reference, "reference scorer");
    return direct;
  }

  @ParameterizedTest
  @ValueSource(strings = {"42", " 42 ", "\t42\n", "42.0", "4.2e1", "4.2E+1", "+42", "420e-1",
      "\u2003 42\u2028"})
  void stringsThatReadAsFortyTwo_equalTheNumber(String s) {
    assertEquals(true, matches(attribute("n").equalTo(42), s), s);
    assertEquals(true, matches(attribute("n").atLeast(42), s), s);
    assertEquals(false, matches(attribute("n").below(42), s), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0042", ".5", "5.", "0x10", "1_000", "1e400", "-1e400", "NaN",
      "Infinity", "-Infinity", "\u0664\u0662", "\uFF14\uFF12", "+-1", "--1", "1e", "1e+",
      "", " ", "4 2", "42f", "42d", "\u00A042", "1.5.2", "e5", "-", "+"})
  void stringsThatDoNotReadAsNumbers_matchNoNumericOperator(String s) {
    assertEquals(false, matches(attribute("n").atLeast(-1e300), s), s);
    assertEquals(false, matches(attribute("n").below(1e300), s), s);
    assertEquals(false, matches(attribute("n").between(-1e300, 1e300), s), s);
  }

  @Test
  void edgeNumbers_readAsTheirNearestDouble() {
    assertEquals(true, matches(attribute("n").equalTo(0), "1e-400"));
    assertEquals(true, matches(attribute("n").equalTo(0), "-0"));
    assertEquals(true, matches(attribute("n").equalTo(0), "0e7"));
    assertEquals(true, matches(attribute("n").equalTo(0.1), "0.1"));
    assertEquals(true, matches(attribute("n").equalTo(1e300), "1e300"));
    assertEquals(true, matches(attribute("n").equalTo(9007199254740993.0),
        "9007199254740993"));
    assertEquals(true, matches(attribute("n").equalTo(0.30000000000000004),
        "0.3000000000000000444089209850062616169452667236328125"));
    assertEquals(false, matches(attribute("n").equalTo(0.3),
        "0.3000000000000000444089209850062616169452667236328125"));
  }

  @Test
  void equalsIsSymmetric_ruleStringAgainstNumberAttribute() {
    assertEquals(true, matches(attribute("n").equalTo("42"), 42L));
    assertEquals(true, matches(attribute("n").equalTo("42"), 42.0));
    assertEquals(true, matches(attribute("n").equalTo(" 42 "), 42L));
    assertEquals(true, matches(attribute("n").in("x", "4.2e1"), 42L));
    assertEquals(false, matches(attribute("n").equalTo("0042"), 42L));
    assertEquals(true, matches(attribute("b").equalTo(" TRUE "), true));
    assertEquals(true, matches(attribute("b").equalTo(true), "True"));
    assertEquals(true, matches(attribute("b").equalTo(false), "\tfalse "));
    // two strings compare as strings, exactly
    assertEquals(false, matches(attribute("n").equalTo("42"), " 42 "));
    assertEquals(false, matches(attribute("n").equalTo("42"), "42.0"));
    // a number never equals a boolean
    assertEquals(false, matches(attribute("b").equalTo(1), true));
    assertEquals(false, matches(attribute("b").equalTo(true), 1L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"falſe", "fal\u017Fe", "tru\u0435", "FALSE_", "f alse", "yes", "1"})
  void stringsThatDoNotReadAsBooleans_equalNoBoolean(String s) {
    assertEquals(false, matches(attribute("b").equalTo(false), s), s);
    assertEquals(false, matches(attribute("b").equalTo(true), s), s);
  }

  @Test
  void ignoreCase_isStringEqualsIgnoreCase() {
    assertEquals(true, matches(attribute("s").equalToIgnoreCase("tech"), "TECH"));
    // equalsIgnoreCase maps the long s to S and the Kelvin sign to k
    assertEquals(true, matches(attribute("s").equalToIgnoreCase("false"), "falſe"));
    assertEquals(true, matches(attribute("s").equalToIgnoreCase("kelvin"), "\u212Aelvin"));
    // but does not expand sharp s
    assertEquals(false, matches(attribute("s").equalToIgnoreCase("strasse"), "straße"));
    assertEquals(false, matches(attribute("s").equalTo("tech"), "TECH"));
  }

  @Test
  void blank_isStringIsBlank() {
    assertEquals(false, matches(attribute("s").present(), " \t\u2003\u2028"));
    assertEquals(true, matches(attribute("s").absent(), "\u2003"));
    // a no-break space is not whitespace for Java, so the string is not blank
    assertEquals(true, matches(attribute("s").present(), "\u00A0"));
    assertEquals(false, matches(attribute("s").absent(), "\u00A0"));
  }

  @Test
  void points_atMostOneBillionInMagnitude_inTheBuilder() {
    ScoringTable ok = ScoringTable.builder("p")
        .demographic("a", attribute("x").present(), 1e9)
        .negative("b", attribute("y").present(), -1e9)
        .build();
    assertEquals(1e9, ok.demographic().get(0).points());
    ModelException e = assertThrows(ModelException.class, () -> ScoringTable.builder("p")
        .demographic("a", attribute("x").present(), 1e15));
    assertEquals("demographic[0].points must be at most 1e9 in magnitude, but was 1.0E15",
        e.getMessage());
    assertEquals("demographic[0].points", e.path());
    ModelException n = assertThrows(ModelException.class, () -> ScoringTable.builder("p")
        .inactivity("a", 3, -1000000001));
    assertEquals("negative[0].points must be at most 1e9 in magnitude, but was -1000000001",
        n.getMessage());
  }

  @Test
  void points_atMostOneBillionInMagnitude_inModelFiles() {
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(
        "{\"name\":\"p\",\"behavioral\":[{\"id\":\"a\",\"event\":\"x\",\"points\":1e15}]}"));
    assertEquals("behavioral[0].points must be at most 1e9 in magnitude, but was 1.0E15",
        e.getMessage());
    assertEquals("behavioral[0].points", e.path());
    assertEquals(1e9, ModelJson.parse(
        "{\"name\":\"p\",\"behavioral\":[{\"id\":\"a\",\"event\":\"x\",\"points\":1e9}]}")
        .behavioral().get(0).points());
  }

  @Test
  void manyValuesAtOnce_objectAndBatchAgree() {
    // one table, many contacts: the batch path matches each distinct value once
    Condition c = attribute("n").equalTo(42);
    String[] values = {"42", " 42 ", "0042", ".5", "42.", "4.2e1", "NaN", "\u0664\u0662"};
    ScoringTable model = ScoringTable.builder("many").demographic("r", c, 1).build();
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      contacts.add(Contact.builder("c" + i).attribute("n", values[i]).build());
    }
    BatchScorerTest.assertBitIdentical(model, contacts, AS_OF);
    double[] expected = {1, 1, 0, 0, 0, 1, 0, 0};
    for (int i = 0; i < values.length; i++) {
      assertEquals(expected[i], model.score(contacts.get(i), AS_OF).score(), values[i]);
    }
  }
}
