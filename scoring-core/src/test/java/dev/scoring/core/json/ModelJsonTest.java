package dev.scoring.core.json;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.api.ModelException;
import dev.scoring.core.Decay;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.SpecExample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelJsonTest {
  /** The model file of SPEC section 7. */
  static final String SPEC_EXAMPLE = """
      {
        "name": "b2b-leads", "version": "3",
        "scale": {"min": 0, "max": 100},
        "decay": {"type": "halfLife", "days": 30},
        "caps": {"demographic": 40},
        "demographic": [
          {"id": "age-18-24", "attribute": "age", "between": [18, 24], "points": 5},
          {"id": "tech",      "attribute": "sector", "equals": "tech", "points": 3},
          {"id": "exec-it",   "attribute": "job_level", "equals": "executive",
           "and": [{"attribute": "department", "equals": "IT"}], "points": 6}
        ],
        "behavioral": [
          {"id": "pricing", "event": "pricing_page_visit", "points": 5, "maxOccurrences": 3},
          {"id": "long-read", "event": "page_view", "minValue": 60, "points": 2, "withinDays": 30}
        ],
        "negative": [
          {"id": "unsub",   "event": "unsubscribe", "points": -15},
          {"id": "student", "attribute": "job_title", "equals": "student", "points": -10},
          {"id": "dormant", "inactiveDays": 90, "points": -10}
        ],
        "tiers": [{"name": "MQL", "atLeast": 60}, {"name": "SQL", "atLeast": 80}],
        "baseTier": "cold"
      }
      """;

  @Test
  void read_specExample_equalsTheSameModelBuiltInJava() {
    ScoringTable built = SpecExample.table();
    ScoringTable read = ModelJson.parse(SPEC_EXAMPLE);
    assertEquals(built, read);
    assertEquals(built.fingerprint(), read.fingerprint());
  }

  @Test
  void seed_resourceIsTheCanonicalFormOfExampleModelsSeed() {
    assertEquals(ExampleModels.seed().toJson(), ExampleModels.seedJson());
    assertEquals(ExampleModels.seed(), ExampleModels.seed());
    assertEquals(ExampleModels.seed().fingerprint(), ExampleModels.seed().fingerprint());
  }

  @Test
  void writeAndRead_throughFilesStreamsAndWriters(@TempDir Path dir) throws IOException {
    ScoringTable model = ModelJson.parse(SPEC_EXAMPLE);
    Path file = dir.resolve("b2b-leads.json");
    ModelJson.write(model, file);
    assertEquals(model.toJson(), Files.readString(file));
    assertEquals(model, ModelJson.read(file));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelJson.write(model, bytes);
    assertEquals(model, ModelJson.read(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(model, ModelJson.read(new StringReader(model.toJson())));
  }

  @Test
  void read_ignoresAByteOrderMark() throws IOException {
    String withBom = "\uFEFF" + SPEC_EXAMPLE;
    ScoringTable expected = ModelJson.parse(SPEC_EXAMPLE);
    assertEquals(expected, ModelJson.parse(withBom));
    assertEquals(expected, ModelJson.read(new StringReader(withBom)));
    assertEquals(expected, ModelJson.read(
        new ByteArrayInputStream(withBom.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void read_defaultsOfLeftOutFields() {
    String rule = "\"behavioral\":[{\"id\":\"v\",\"event\":\"visit\",\"points\":1}]";
    ScoringTable m = ModelJson.parse("{\"name\":\"m\"," + rule + "}");
    assertEquals(ScoringTable.builder("m").behavioral("v", on("visit"), 1).build(), m);
    assertEquals(ScoringTable.builder("m").scale(-5, 100).behavioral("v", on("visit"), 1).build(),
        ModelJson.parse("{\"name\":\"m\",\"scale\":{\"min\":-5}," + rule + "}"));
  }

  @Test
  void toJson_writesTheShortestDoubleOnEveryJdk() {
    // Java 17's Double.toString gives 2.82879384806159008E17 for this value
    ScoringTable m = ScoringTable.builder("m").scale(0, 2.82879384806159E17)
        .behavioral("b", on("e"), 1).build();
    assertTrue(m.toJson().contains("\"max\":2.82879384806159E17"), m.toJson());
    assertEquals(m, ModelJson.parse(m.toJson()));
  }

  @Test
  void toJson_escapesUnpairedSurrogates_soUtf8KeepsThem() throws IOException {
    ScoringTable m = ScoringTable.builder("lone \uD800 high").version("\uDC00")
        .behavioral("emoji \uD83D\uDE00", on("e"), 1).build();
    String json = m.toJson();
    assertTrue(json.contains("\"name\": \"lone \\uD800 high\""), json);
    assertTrue(json.contains("\"version\": \"\\uDC00\""), json);
    assertTrue(json.contains("emoji \uD83D\uDE00"), json);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelJson.write(m, bytes);
    assertEquals(m, ModelJson.read(new ByteArrayInputStream(bytes.toByteArray())));
    ScoringTable other = m.toBuilder().name("lone \uD801 high").build();
    assertTrue(!m.fingerprint().equals(other.fingerprint()));
  }

  @Test
  void read_typeHintsAreJustUnknownFields() {
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(
        "{\"name\":\"m\",\"@class\":\"java.lang.ProcessBuilder\"}"));
    assertEquals("[\"@class\"]", e.path());
    assertEquals("[\"@class\"] must be a field of the model (name, version, scale, decay, caps,"
        + " demographic, behavioral, negative, tiers, baseTier), but was unknown",
        e.getMessage());
  }

  // ---- limits

  @Test
  void limits_documentLength() {
    JsonLimits limits = JsonLimits.builder().maxDocumentLength(20).build();
    ModelException e = assertThrows(ModelException.class,
        () -> ModelJson.parse("{\"name\":\"a-longer-name\"}", limits));
    assertEquals("model must be at most 20 characters long, but was 24", e.getMessage());
    assertEquals("", e.path());
    byte[] bytes = ("{\"name\":\"" + "x".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    e = assertThrows(ModelException.class,
        () -> ModelJson.read(new ByteArrayInputStream(bytes), limits));
    assertEquals("model must be at most 20 bytes long, but was longer", e.getMessage());
    e = assertThrows(ModelException.class,
        () -> ModelJson.read(new StringReader(new String(bytes, StandardCharsets.UTF_8)), limits));
    assertEquals("model must be at most 20 characters long, but was longer", e.getMessage());
  }

  @Test
  void limits_nestingDepth() {
    JsonLimits limits = JsonLimits.builder().maxNestingDepth(3).build();
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(
        "{\"name\":\"m\",\"demographic\":[{\"id\":\"a\",\"attribute\":\"x\",\"in\":[[1]],"
            + "\"points\":1}]}", limits));
    assertEquals("demographic[0].in must be nested at most 3 levels deep, but was nested"
        + " deeper", e.getMessage());
    assertEquals("demographic[0].in", e.path());
    // the default allows what a model needs, and refuses 10,000 nested lists
    ModelException deep = assertThrows(ModelException.class,
        () -> ModelJson.parse("[".repeat(10_000)));
    assertEquals("[0]".repeat(32) + " must be nested at most 32 levels deep, but was nested"
        + " deeper", deep.getMessage());
  }

  @Test
  void limits_stringLength() {
    JsonLimits limits = JsonLimits.builder().maxStringLength(8).build();
    ModelException e = assertThrows(ModelException.class,
        () -> ModelJson.parse("{\"name\":\"m\",\"version\":\"123456789\"}", limits));
    assertEquals("version must be a string of at most 8 characters, but was longer",
        e.getMessage());
    e = assertThrows(ModelException.class,
        () -> ModelJson.parse("{\"name\":\"m\",\"aVeryLongFieldName\":1}", limits));
    assertEquals("model must have field names of at most 8 characters, but had a longer one",
        e.getMessage());
  }

  @Test
  void limits_numberLength() {
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(
        "{\"name\":\"m\",\"scale\":{\"max\":1" + "0".repeat(1000) + "}}"));
    assertEquals("scale.max must be a number of at most 1000 characters, but was longer",
        e.getMessage());
    assertEquals("scale.max", e.path());
  }

  @Test
  void limits_ruleCount() {
    JsonLimits limits = JsonLimits.builder().maxRules(2).build();
    String three = "{\"name\":\"m\",\"behavioral\":[{\"id\":\"a\",\"event\":\"e\",\"points\":1},"
        + "{\"id\":\"b\",\"event\":\"e\",\"points\":1}],"
        + "\"negative\":[{\"id\":\"c\",\"inactiveDays\":9,\"points\":-1}]}";
    ModelException e = assertThrows(ModelException.class, () -> ModelJson.parse(three, limits));
    assertEquals("model must have at most 2 rules, but had 3", e.getMessage());
    assertEquals(3, ModelJson.parse(three).behavioral().size()
        + ModelJson.parse(three).negative().size());
  }

  @Test
  void limits_defaultsAndValidation() {
    JsonLimits d = JsonLimits.defaults();
    assertEquals(4_194_304, d.maxDocumentLength());
    assertEquals(32, d.maxNestingDepth());
    assertEquals(100_000, d.maxStringLength());
    assertEquals(10_000, d.maxRules());
    assertEquals(d, d.toBuilder().build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JsonLimits.builder().maxNestingDepth(0));
    assertEquals("maxNestingDepth must be at least 1, but was 0", e.getMessage());
  }
}
