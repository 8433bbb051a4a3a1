package dev.scoring.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.api.Contact;
import dev.scoring.api.ModelException;
import dev.scoring.api.Score;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.json.ModelSetJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSetTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  static ScoringTable crm() {
    return ScoringTable.builder("crm").version("2")
        .demographic("tech", Condition.attribute("sector").equalTo("tech"), 30)
        .behavioral("demo", EventMatch.on("demo_request"), 50)
        .tier("MQL", 60).build();
  }

  static ScoringTable analytics() {
    return ScoringTable.builder("analytics")
        .behavioral("view", EventMatch.on("page_view"), 10)
        .build();
  }

  @Test
  void aSetScoresEveryTable_exactly() {
    ModelSet set = ModelSet.builder("acme").version("4").add(crm()).add(analytics()).build();
    Contact c = Contact.builder("c-1").attribute("sector", "tech")
        .event("page_view", AS_OF.minusSeconds(3600))
        .event("demo_request", AS_OF.minusSeconds(7200))
        .event("page_view", AS_OF.minusSeconds(60)).build();
    Map<String, Score> scores = set.score(c, AS_OF);
    assertEquals(List.of("crm", "analytics"), List.copyOf(scores.keySet()));
    assertEquals(80.0, scores.get("crm").score());
    assertEquals("MQL", scores.get("crm").tier());
    assertEquals("2", scores.get("crm").modelVersion());
    assertEquals(20.0, scores.get("analytics").score());
    assertEquals("unqualified", scores.get("analytics").tier());
    assertEquals("1", scores.get("analytics").modelVersion());
  }

  @Test
  void aSingleTableFileIsASetOfOne_withTheTablesCanonicalJsonAndFingerprint() {
    ScoringTable seed = ExampleModels.seed();
    ModelSet set = ModelSetJson.parse(ExampleModels.seedJson());
    assertEquals(seed.name(), set.name());
    assertEquals(seed.version(), set.version());
    assertEquals(List.of(seed), set.tables());
    assertEquals(seed.toJson(), set.toJson());
    assertEquals(ModelSet.of(seed), set);
    // the set's fingerprint is the SHA-256 of its RFC 8785 form, a set of one too (node's
    // keys-sorted JSON.stringify of the file hashes the same); the table keeps its own
    assertEquals("0e5195c22564b8320806abc470371824c8c355f60ba53451b4da1baf0bc0a8fc",
        set.fingerprint());
    assertEquals(ModelSet.of(seed).fingerprint(), set.fingerprint());
    assertEquals(false, seed.fingerprint().equals(set.fingerprint()));
    // a set of that one table under another name is a set: the RFC 8785 fingerprint
    ModelSet named = ModelSet.builder("acme").version(seed.version()).add(seed).build();
    assertEquals(dev.scoring.core.json.CanonicalJson.sha256(
        dev.scoring.core.json.CanonicalJson.jcs(named)), named.fingerprint());
    assertEquals(false, seed.fingerprint().equals(named.fingerprint()));
  }

  @Test
  void theSetsJson_readsBackEqual_andItsFingerprintIsTheSha256OfItsRfc8785Form() {
    ModelSet set = ModelSet.builder("acme").version("4").add(crm()).add(analytics()).build();
    String json = set.toJson();
    assertEquals("{\n  \"name\": \"acme\",\n  \"version\": \"4\",\n  \"tables\": [\n    {\n"
        + "      \"name\": \"crm\",\n", json.substring(0, json.indexOf("\"crm\",\n") + 7));
    ModelSet back = ModelSetJson.parse(json);
    assertEquals(set, back);
    assertEquals(json, back.toJson());
    String jcs = "{\"name\":\"acme\",\"tables\":[{\"baseTier\":\"unqualified\","
        + "\"behavioral\":[{\"event\":\"demo_request\",\"id\":\"demo\",\"points\":50}],"
        + "\"decay\":{\"type\":\"none\"},\"demographic\":[{\"attribute\":\"sector\","
        + "\"equals\":\"tech\",\"id\":\"tech\",\"points\":30}],\"name\":\"crm\","
        + "\"negative\":[],\"scale\":{\"max\":100,\"min\":0},"
        + "\"tiers\":[{\"atLeast\":60,\"name\":\"MQL\"}],\"version\":\"2\"},"
        + "{\"baseTier\":\"unqualified\",\"behavioral\":[{\"event\":\"page_view\","
        + "\"id\":\"view\",\"points\":10}],\"decay\":{\"type\":\"none\"},"
        + "\"demographic\":[],\"name\":\"analytics\",\"negative\":[],"
        + "\"scale\":{\"max\":100,\"min\":0},\"tiers\":[],\"version\":\"1\"}],"
        + "\"version\":\"4\"}";
    assertEquals(jcs, dev.scoring.core.json.CanonicalJson.jcs(set));
    assertEquals(dev.scoring.core.json.CanonicalJson.sha256(jcs), set.fingerprint());
    // the same digest from node: sha256 of the keys-sorted JSON.stringify of set.toJson()
    assertEquals("5261ed6fce61beb649a324dc39a1d1699cbb807257abc7f71cc413f64b2be125",
        set.fingerprint());
    ModelSet other = ModelSet.builder("acme").version("5").add(crm()).add(analytics()).build();
    assertEquals(false, other.fingerprint().equals(set.fingerprint()));
  }

  @Test
  void tableNamesAreDistinct() {
    ModelException e = assertThrows(ModelException.class,
        () -> ModelSet.builder("acme").add(crm()).add(crm()));
    assertEquals("tables[1].name", e.path());
    assertEquals("tables[1].name must differ from the names of the other tables, but was"
        + " \"crm\", repeated", e.getMessage());
    ModelException json = assertThrows(ModelException.class, () -> ModelSetJson.parse(
        "{\"name\":\"s\",\"tables\":[{\"name\":\"a\",\"behavioral\":[{\"id\":\"r\",\"event\":\"e\",\"points\":1}]},{\"name\":\"a\",\"behavioral\":[{\"id\":\"r\",\"event\":\"e\",\"points\":1}]}]}"));
    assertEquals("tables[1].name", json.path());
    assertError("{\"name\":\"s\",\"tables\":[{\"name\":\"a\"}]}", "tables[0]",
        "tables[0] must have at least one rule (demographic, behavioral or negative), but had"
            + " none");
  }

  @Test
  void malformedSets_nameThePathAndValue() {
    assertError("{\"name\":\"s\",\"tables\":[]}", "tables",
        "tables must hold at least one table, but was empty");
    assertError("{\"name\":\"s\",\"tables\":{}}", "tables",
        "tables must be a list of tables, but was {}");
    assertError("{\"tables\":[{\"name\":\"a\",\"behavioral\":[{\"id\":\"r\",\"event\":\"e\",\"points\":1}]}]}", "name",
        "name must be present, but was missing");
    assertError("{\"name\":7,\"tables\":[{\"name\":\"a\",\"behavioral\":[{\"id\":\"r\",\"event\":\"e\",\"points\":1}]}]}", "name",
        "name must be a string, but was 7");
    assertError("{\"name\":\" \",\"tables\":[{\"name\":\"a\",\"behavioral\":[{\"id\":\"r\",\"event\":\"e\",\"points\":1}]}]}", "name",
        "name must be a non-blank string, but was \" \"");
    assertError("{\"name\":\"s\",\"tables\":[{\"name\":\"a\",\"behavioral\":[{\"id\":\"r\",\"event\":\"e\",\"points\":1}]}],\"tabels\":1}", "tabels",
        "tabels must be a field of a model set (name, version, tables), but was unknown");
    assertError("{\"name\":\"s\",\"tables\":[3]}", "tables[0]",
        "tables[0] must be a JSON object, but was 3");
    assertError("{\"name\":\"s\",\"tables\":[{\"name\":\"a\",\"tables\":[]}]}",
        "tables[0].tables",
        "tables[0].tables must be absent (a set's tables are tables, not sets), but was present");
    ModelException e = assertThrows(ModelException.class, () -> ModelSetJson.parse(
        "{\"name\":\"s\",\"tables\":[{\"name\":\"a\",\"behavioral\":[{\"id\":\"r\",\"event\":\"e\",\"points\":1}]},{\"name\":\"b\",\"behavioral\":[{\"id\":\"r\",\"event\":\"e\",\"points\":1}],\"demographic\":"
            + "[{\"id\":\"x\",\"attribute\":\"age\",\"atLeast\":3,\"points\":\"many\"}]}]}"));
    assertEquals("tables[1].demographic[0].points", e.path());
    assertEquals(true, e.getMessage().startsWith("tables[1].demographic[0].points must be"),
        e.getMessage());
    assertEquals(true, e.getMessage().endsWith("\"many\""), e.getMessage());
  }

  private static void assertError(String json, String path, String message) {
    ModelException e = assertThrows(ModelException.class, () -> ModelSetJson.parse(json));
    assertEquals(path, e.path());
    assertEquals(message, e.getMessage());
  }
}
