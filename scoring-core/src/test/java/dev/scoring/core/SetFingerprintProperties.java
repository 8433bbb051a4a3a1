package dev.scoring.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoring.core.json.ModelSetJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SPEC 11: a set's fingerprint is the SHA-256 of its RFC 8785 form, so it does not depend on
 * how the file spells the set (key order, whitespace, number spelling) and changes with any
 * change to the set.
 */
class SetFingerprintProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Property(tries = 60)
  void theFingerprint_ignoresKeyOrderWhitespaceAndNumberSpelling_andSurvivesTheRoundTrip(
      @ForAll("sets") ModelSet set, @ForAll long seed) throws IOException {
    String respelled = respell(MAPPER.readTree(set.toJson()), new Random(seed), "");
    ModelSet read = ModelSetJson.parse(respelled);
    assertEquals(set, read, respelled);
    assertEquals(set.fingerprint(), read.fingerprint(), respelled);
    assertEquals(set.fingerprint(), ModelSetJson.parse(read.toJson()).fingerprint());
  }

  @Property(tries = 60)
  void anyChangeToARuleOrVersion_changesTheFingerprint(@ForAll("sets") ModelSet set,
      @ForAll long seed) throws IOException {
    JsonNode tree = MAPPER.readTree(set.toJson());
    List<ObjectNode> rules = new ArrayList<>();
    rulesOf(tree, rules);
    if (!rules.isEmpty()) {
      ObjectNode rule = rules.get(new Random(seed).nextInt(rules.size()));
      double points = rule.get("points").doubleValue();
      rule.put("points", points / 2); // same sign, still in range
      ModelSet changed = ModelSetJson.parse(tree.toString());
      assertNotEquals(set.fingerprint(), changed.fingerprint(), tree.toString());
      rule.put("points", points);
      rule.put("id", rule.get("id").textValue() + "'");
      assertNotEquals(set.fingerprint(), ModelSetJson.parse(tree.toString()).fingerprint());
    }
    ModelSet.Builder b = ModelSet.builder(set.name()).version(set.version() + "'");
    set.tables().forEach(b::add);
    assertNotEquals(set.fingerprint(), b.build().fingerprint());
  }

  /** The rule objects of every table: objects holding {@code points}. */
  private static void rulesOf(JsonNode node, List<ObjectNode> out) {
    if (node.isObject() && node.has("points")) {
      out.add((ObjectNode) node);
    }
    for (JsonNode child : node) {
      rulesOf(child, out);
    }
  }

  /**
   * The same JSON spelled otherwise: members in a random order, random whitespace, numbers
   * with a fraction written as their exact decimal value (which reads back to the same
   * double) or in exponent form.
   */
  private static String respell(JsonNode node, Random r, String indent) {
    String space = r.nextBoolean() ? "" : r.nextBoolean() ? " " : "\n" + indent + "  ";
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      Collections.shuffle(names, r);
      StringBuilder out = new StringBuilder("{");
      for (int i = 0; i < names.size(); i++) {
        out.append(i == 0 ? "" : ",").append(space)
            .append(quote(names.get(i))).append(r.nextBoolean() ? ": " : ":")
            .append(respell(node.get(names.get(i)), r, indent + "  "));
      }
      return out.append(space).append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",").append(space).append(respell(node.get(i), r, indent));
      }
      return out.append(space).append(']').toString();
    }
    if (node.isFloatingPointNumber()) {
      BigDecimal exact = new BigDecimal(node.doubleValue());
      return r.nextBoolean() ? exact.toPlainString()
          : exact.unscaledValue() + "e" + (-exact.scale());
    }
    return node.toString();
  }

  private static String quote(String s) {
    try {
      return MAPPER.writeValueAsString(s);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Provide
  Arbitrary<ModelSet> sets() {
    return ArbitraryTables.tables().list().ofMinSize(1).ofMaxSize(3).map(drawn -> {
      ModelSet.Builder b = ModelSet.builder("set").version("7");
      for (int i = 0; i < drawn.size(); i++) {
        b.add(drawn.get(i).toBuilder().name("t" + i).build());
      }
      return b.build();
    });
  }
}
