package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Contact;
import dev.scoring.api.ModelException;
import dev.scoring.core.ModelArbitraries;
import dev.scoring.core.ScoringTable;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Any text, and any mutation of a valid model file or contact line, either loads or raises
 * the one error type ({@link ModelException}, {@link ContactJsonException}), nothing else,
 * within a bounded time. What loads is a valid model: its canonical form reads back equal.
 */
class JsonFuzzProperties {
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final List<String> SNIPPETS = List.of("{", "}", "[", "]", ",", ":", "\"",
      "\\", "null", "true", "false", "0", "-0", "-1", "1e400", "1.5", "\"\"", "\" \"", "[]",
      "{}", "\"x\"", "NaN", "\"name\"", "\"points\"", "\"event\"", "\"attribute\"",
      "\"equals\"", "\"between\"", "\"in\"", "\"and\"", "\"decay\"", "\"type\"",
      "\"steps\"", "\"tiers\"", "\"atLeast\"", "\"withinDays\"", "\"inactiveDays\"",
      "\"negative\"", "\"behavioral\"", "\"demographic\"", "\"id\"", "\"@class\"",
      "\"java.lang.Runtime\"", "99999999999999999999999", "\uD800", "\u0000", "\n",
      "\"events\"", "\"at\"", "\"2026-01-01T00:00:00Z\"", "\"value\"", "\"attributes\"");

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange((char) 0, (char) 0xFFFF).ofMaxLength(200),
        Arbitraries.strings().withChars("{}[]\":,0123456789.-+eEtrufalsn \n\\abc")
            .ofMaxLength(200),
        Arbitraries.of(SNIPPETS).list().ofMaxSize(40).map(l -> String.join("", l)));
  }

  @Provide
  Arbitrary<String> mutatedModels() {
    Arbitrary<String> valid = Arbitraries.oneOf(
        ModelArbitraries.models().map(ScoringTable::toJson),
        Arbitraries.just(ExampleModels.seedJson()));
    return mutate(valid);
  }

  @Provide
  Arbitrary<String> mutatedContacts() {
    return mutate(ContactJsonProperties.writableContacts().map(ContactJson::toJson));
  }

  /** Applies one to four random edits: delete, insert a snippet, replace, duplicate, cut. */
  private static Arbitrary<String> mutate(Arbitrary<String> valid) {
    Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 7),
            Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
            Arbitraries.of(SNIPPETS))
        .as(Edit::new);
    return Combinators.combine(valid, edit.list().ofMinSize(1).ofMaxSize(4))
        .as((text, edits) -> {
          String s = text;
          for (Edit e : edits) {
            s = e.apply(s);
          }
          return s;
        });
  }

  private record Edit(int kind, double where, double length, String snippet) {
    String apply(String s) {
      int at = (int) (where * s.length());
      int end = Math.min(s.length(), at + 1 + (int) (length * 20));
      return switch (kind) {
        case 0 -> s.substring(0, at) + s.substring(end);
        case 1 -> s.substring(0, at) + snippet + s.substring(at);
        case 2 -> s.substring(0, at) + snippet + s.substring(end);
        case 3 -> s.substring(0, end) + s.substring(at, end) + s.substring(end);
        case 4 -> s.substring(0, at);
        default -> replaceValue(s, at); // keeps the JSON well-formed more often
      };
    }

    /** Replaces the first number, string or literal value at or after {@code at}. */
    private String replaceValue(String s, int at) {
      java.util.regex.Matcher m = VALUE.matcher(s);
      if (!m.find(at) && !m.find(0)) {
        return s;
      }
      return s.substring(0, m.start(1)) + snippet + s.substring(m.end(1));
    }
  }

  private static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile(
      ":\\s*(-?[0-9][0-9.eE+-]*|\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null)");


  @Property(tries = 300)
  void anyTextEitherLoadsOrRaisesModelException(@ForAll("anyText") String text) {
    Statistics.label("outcome").collect(loadModel(text));
  }

  @Property(tries = 300)
  void anyMutationOfAValidModelEitherLoadsOrRaisesModelException(
      @ForAll("mutatedModels") String text) {
    Statistics.label("outcome").collect(loadModel(text));
  }

  @Property(tries = 200)
  void anyTextOrMutatedContactEitherLoadsOrRaisesContactJsonException(
      @ForAll("anyText") String text, @ForAll("mutatedContacts") String mutated) {
    Statistics.label("text").collect(loadContact(text));
    Statistics.label("mutated contact").collect(loadContact(mutated));
  }

  private static String loadModel(String text) {
    return assertTimeoutPreemptively(BOUND, () -> {
      try {
        ScoringTable model = ModelJson.parse(text);
        assertEquals(model, ModelJson.parse(model.toJson()));
        return "loaded";
      } catch (ModelException e) {
        return "ModelException";
      }
    });
  }

  private static String loadContact(String text) {
    return assertTimeoutPreemptively(BOUND, () -> {
      try {
        Contact c = ContactJson.defaults().read(text);
        assertEquals(c, ContactJson.defaults().read(ContactJson.toJson(c)));
        return "loaded";
      } catch (ContactJsonException e) {
        return "ContactJsonException";
      }
    });
  }

}
