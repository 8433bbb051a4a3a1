package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.ModelArbitraries;
import dev.scoring.core.ScoringTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

class ModelJsonProperties {

  @Provide
  Arbitrary<ScoringTable> models() {
    return ModelArbitraries.models();
  }

  @Provide
  Arbitrary<List<Contact>> contacts() {
    return ModelArbitraries.contacts().list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return ModelArbitraries.instants();
  }

  @Property(tries = 200)
  void aWrittenModelReadsBackEqualAndScoresEveryContactWithTheSameBits(
      @ForAll("models") ScoringTable model, @ForAll("contacts") List<Contact> contacts,
      @ForAll("instants") Instant asOf) throws IOException {
    String json = model.toJson();
    ScoringTable back = ModelJson.parse(json);
    assertEquals(model, back);
    assertEquals(json, back.toJson());
    assertEquals(model.fingerprint(), back.fingerprint());
    for (Contact c : contacts) {
      Score expected = model.score(c, asOf);
      Score actual = back.score(c, asOf);
      assertEquals(bits(expected), bits(actual), c::toString);
      assertEquals(expected.tier(), actual.tier());
      assertEquals(model.explain(c, asOf), back.explain(c, asOf));
    }

    // the same through bytes (UTF-8) and characters
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelJson.write(model, bytes);
    assertEquals(model, ModelJson.read(new ByteArrayInputStream(bytes.toByteArray())));
    StringWriter chars = new StringWriter();
    ModelJson.write(model, chars);
    assertEquals(model, ModelJson.read(new StringReader(chars.toString())));
  }

  private static List<Long> bits(Score s) {
    return List.of(Double.doubleToRawLongBits(s.score()), Double.doubleToRawLongBits(s.raw()),
        Double.doubleToRawLongBits(s.fit()), Double.doubleToRawLongBits(s.engagement()));
  }

  @Provide
  Arbitrary<Tuple2<ScoringTable, ScoringTable>> pairs() {
    Arbitrary<ScoringTable> m = ModelArbitraries.models();
    return Arbitraries.frequencyOf(
        Tuple.of(2, m.map(a -> Tuple.of(a, a.toBuilder().build()))),
        Tuple.of(2, m.map(a -> Tuple.of(a, ModelJson.parse(a.toJson())))),
        Tuple.of(2, m.map(a -> Tuple.of(a, a.toBuilder().version(a.version() + "'").build()))),
        Tuple.of(2, m.map(a -> Tuple.of(a, a.toBuilder().baseTier(a.baseTier() + "'").build()))),
        // a table needs a rule, so only tables with two or more lose one
        Tuple.of(2, m.filter(a -> a.demographic().size() + a.behavioralRules().size()
                + a.negative().size() >= 2)
            .map(a -> Tuple.of(a, withoutFirstRule(a)))),
        Tuple.of(1, Arbitraries.entries(m, m).map(e -> Tuple.of(e.getKey(), e.getValue()))));
  }

  private static ScoringTable withoutFirstRule(ScoringTable a) {
    String id = !a.demographic().isEmpty() ? a.demographic().get(0).id()
        : !a.behavioralRules().isEmpty() ? a.behavioralRules().get(0).id()
        : a.negative().get(0).id();
    return a.toBuilder().removeRule(id).build();
  }

  @Property(tries = 200)
  void fingerprintsAreEqualExactlyWhenTheCanonicalJsonIsEqual(
      @ForAll("pairs") Tuple2<ScoringTable, ScoringTable> pair) {
    ScoringTable a = pair.get1();
    ScoringTable b = pair.get2();
    boolean sameJson = a.toJson().equals(b.toJson());
    Statistics.label("same canonical JSON").collect(sameJson);
    assertEquals(sameJson, a.fingerprint().equals(b.fingerprint()));
    assertEquals(sameJson, a.equals(b));
    Statistics.label("same canonical JSON").coverage(c -> {
      c.check(true).percentage(p -> p > 20);
      c.check(false).percentage(p -> p > 20);
    });
  }
}
