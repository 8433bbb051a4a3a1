package dev.scoring.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.scoring.api.Tier;
import dev.scoring.core.Aggregate;
import dev.scoring.core.AggregateRule;
import dev.scoring.core.AttributeRule;
import dev.scoring.core.Condition;
import dev.scoring.core.Decay;
import dev.scoring.core.EventMatch;
import dev.scoring.core.EventRule;
import dev.scoring.core.InactivityRule;
import dev.scoring.core.Rule;
import dev.scoring.core.ScoringTable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a {@link ScoringTable} in its canonical JSON form (SPEC section 7): keys in a fixed
 * order, rules in table order one per line, defaults of a section left out, whole numbers
 * written without a fraction and other numbers in their shortest round-tripping form.
 *
 * <p>Two details keep the text a faithful, portable image of the table: doubles are written
 * by Jackson's shortest-form writer (Java 17's {@code Double.toString} sometimes writes more
 * digits than Java 19 and later, which would change fingerprints between runtimes), and an
 * unpaired surrogate in a string is written as a <code>&#92;uXXXX</code> escape, so the text
 * encodes to UTF-8 without loss and distinct strings never share a fingerprint.
 *
 * <p>{@link ScoringTable#toJson()} and {@link ScoringTable#fingerprint()} are the usual way
 * to reach this class. All methods are static and thread-safe; the time taken is linear in
 * the size of the table.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  /**
   * Returns the canonical JSON form of a table.
   *
   * @param t the table
   * @return the canonical text, ending in a line break
   */
  public static String write(ScoringTable t) {
    StringBuilder out = new StringBuilder(1024);
    out.append("{\n");
    out.append("  \"name\": ").append(compact(g -> g.writeString(t.name()))).append(",\n");
    out.append("  \"version\": ").append(compact(g -> g.writeString(t.version()))).append(",\n");
    out.append("  \"scale\": ").append(compact(g -> {
      g.writeStartObject();
      number(g, "min", t.scale().min());
      number(g, "max", t.scale().max());
      g.writeEndObject();
    })).append(",\n");
    out.append("  \"decay\": ").append(compact(g -> decay(g, t.decay()))).append(",\n");
    if (t.demographicCap().isPresent() || t.behavioralCap().isPresent()) {
      out.append("  \"caps\": ").append(compact(g -> {
        g.writeStartObject();
        if (t.demographicCap().isPresent()) {
          number(g, "demographic", t.demographicCap().getAsDouble());
        }
        if (t.behavioralCap().isPresent()) {
          number(g, "behavioral", t.behavioralCap().getAsDouble());
        }
        g.writeEndObject();
      })).append(",\n");
    }
    section(out, "demographic", t.demographic(), true);
    section(out, "behavioral", t.behavioralRules(), true);
    section(out, "negative", t.negative(), false);
    out.append("  \"tiers\": [");
    List<Tier> tiers = t.tiers();
    for (int i = 0; i < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      out.append(i == 0 ? "\n    " : ",\n    ").append(compact(g -> {
        g.writeStartObject();
        g.writeStringField("name", tier.name());
        number(g, "atLeast", tier.atLeast());
        g.writeEndObject();
      }));
    }
    out.append(tiers.isEmpty() ? "],\n" : "\n  ],\n");
    out.append("  \"baseTier\": ").append(compact(g -> g.writeString(t.baseTier())));
    if (t.account().isPresent()) {
      out.append(",\n  \"account\": ");
      account(out, t.account().get());
    }
    out.append("\n}\n");
    return out.toString();
  }

  /**
   * The account block (SPEC section 12), one field per line, defaults left out: key when not
   * {@code account_id}, caps when set, rule lists when not empty, scale when not 0..100,
   * tiers when any, base tier when not {@code unqualified}.
   */
  private static void account(StringBuilder out, dev.scoring.core.AccountRules a) {
    List<String> fields = new java.util.ArrayList<>();
    if (!a.key().equals(dev.scoring.core.AccountRules.DEFAULT_KEY)) {
      fields.add("\"key\": " + compact(g -> g.writeString(a.key())));
    }
    fields.add("\"combine\": " + compact(g -> {
      g.writeStartObject();
      g.writeStringField("type", a.combine().type().jsonName());
      if (a.combine().type() == dev.scoring.core.AccountRules.CombineType.TOP_MEAN) {
        g.writeNumberField("k", a.combine().k());
      }
      g.writeEndObject();
    }));
    if (a.demographicCap().isPresent()) {
      fields.add("\"caps\": " + compact(g -> {
        g.writeStartObject();
        number(g, "demographic", a.demographicCap().getAsDouble());
        g.writeEndObject();
      }));
    }
    for (String section : List.of("demographic", "negative")) {
      List<? extends Rule> rules = section.equals("demographic") ? a.demographic()
          : a.negative();
      if (!rules.isEmpty()) {
        StringBuilder list = new StringBuilder("\"" + section + "\": [");
        for (int i = 0; i < rules.size(); i++) {
          Rule rule = rules.get(i);
          list.append(i == 0 ? "\n      " : ",\n      ")
              .append(compact(g -> rule(g, rule, false)));
        }
        fields.add(list.append("\n    ]").toString());
      }
    }
    if (a.scale().min() != 0 || a.scale().max() != 100) {
      fields.add("\"scale\": " + compact(g -> {
        g.writeStartObject();
        number(g, "min", a.scale().min());
        number(g, "max", a.scale().max());
        g.writeEndObject();
      }));
    }
    if (!a.tiers().isEmpty()) {
      StringBuilder list = new StringBuilder("\"tiers\": [");
      for (int i = 0; i < a.tiers().size(); i++) {
        Tier tier = a.tiers().get(i);
        list.append(i == 0 ? "\n      " : ",\n      ").append(compact(g -> {
          g.writeStartObject();
          g.writeStringField("name", tier.name());
          number(g, "atLeast", tier.atLeast());
          g.writeEndObject();
        }));
      }
      fields.add(list.append("\n    ]").toString());
    }
    if (!a.baseTier().equals("unqualified")) {
      fields.add("\"baseTier\": " + compact(g -> g.writeString(a.baseTier())));
    }
    out.append("{\n    ").append(String.join(",\n    ", fields)).append("\n  }");
  }

  /**
   * Returns the canonical JSON form of a model set (SPEC section 11): a set of one table
   * named and versioned as that table is written as the table alone, so a single table file
   * and its set share one canonical text; any other set as its name, version and tables, each
   * table in its canonical form indented by four spaces.
   *
   * @param set the set
   * @return the canonical text, ending in a line break
   */
  public static String write(dev.scoring.core.ModelSet set) {
    List<ScoringTable> tables = set.tables();
    if (tables.size() == 1 && tables.get(0).name().equals(set.name())
        && tables.get(0).version().equals(set.version())) {
      return tables.get(0).toJson();
    }
    StringBuilder out = new StringBuilder(1024 * tables.size());
    out.append("{\n");
    out.append("  \"name\": ").append(compact(g -> g.writeString(set.name()))).append(",\n");
    out.append("  \"version\": ").append(compact(g -> g.writeString(set.version())))
        .append(",\n");
    out.append("  \"tables\": [");
    for (int i = 0; i < tables.size(); i++) {
      String table = tables.get(i).toJson();
      out.append(i == 0 ? "\n" : ",\n");
      String[] lines = table.substring(0, table.length() - 1).split("\n", -1);
      for (int l = 0; l < lines.length; l++) {
        out.append("    ").append(lines[l]).append(l + 1 < lines.length ? "\n" : "");
      }
    }
    out.append("\n  ]\n}\n");
    return out.toString();
  }

  /**
   * Returns the RFC 8785 (JSON Canonicalization Scheme) form of a set's canonical content,
   * whose SHA-256 is the set's fingerprint (SPEC section 11; a single table file keeps its
   * table's fingerprint instead, see {@link dev.scoring.core.ModelSet#fingerprint()}): the
   * members and values of
   * {@link #write(dev.scoring.core.ModelSet)} (so defaults are left out exactly as there, and a
   * set of one table named and versioned as that table is the table's content alone), with
   * object members sorted by their names' UTF-16 code units, no whitespace, strings escaped
   * as RFC 8785 says and numbers in ECMAScript's form ({@code 4.5}, {@code 0.002},
   * {@code 1e+30}, whole numbers without a fraction, {@code -0} as {@code 0}).
   *
   * <p>Two deviations, for content RFC 8785 has no form for, so that distinct sets never
   * share it: an unpaired surrogate in a name is written as a lower-case
   * <code>&#92;udxxx</code> escape (as ECMAScript's {@code JSON.stringify} does), and a whole
   * number beyond 2<sup>53</sup> in magnitude (an attribute operand held as a {@code long})
   * is written with all its digits instead of being rounded to a double.
   *
   * @param set the set
   * @return the canonical text, one line without a line break
   */
  public static String jcs(dev.scoring.core.ModelSet set) {
    // Jcs holds the tree code, so that writing a table never loads jackson-databind
    return Jcs.of(write(set));
  }

  /**
   * Returns the SHA-256 of a text's UTF-8 bytes in lower-case hex: the fingerprint of a
   * table when the text is its canonical form.
   *
   * @param text the text
   * @return 64 lower-case hex digits
   */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 must be available in every Java runtime", e);
    }
  }

  private static void section(StringBuilder out, String name, List<? extends Rule> rules,
      boolean positiveSection) {
    out.append("  \"").append(name).append("\": [");
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      out.append(i == 0 ? "\n    " : ",\n    ").append(compact(g -> rule(g, rule,
          positiveSection)));
    }
    out.append(rules.isEmpty() ? "],\n" : "\n  ],\n");
  }

  private static void rule(JsonGenerator g, Rule rule, boolean behavioralSection)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("id", rule.id());
    if (rule instanceof AttributeRule a) {
      condition(g, a.conditions().get(0));
      if (a.conditions().size() > 1) {
        g.writeArrayFieldStart("and");
        for (Condition c : a.conditions().subList(1, a.conditions().size())) {
          g.writeStartObject();
          condition(g, c);
          g.writeEndObject();
        }
        g.writeEndArray();
      }
    } else if (rule instanceof EventRule e) {
      EventMatch m = e.match();
      g.writeStringField("event", m.event());
      if (m.withinDays().isPresent()) {
        g.writeNumberField("withinDays", m.withinDays().getAsInt());
      }
      if (m.maxOccurrences().isPresent()) {
        g.writeNumberField("maxOccurrences", m.maxOccurrences().getAsInt());
      }
      if (m.minValue().isPresent()) {
        number(g, "minValue", m.minValue().getAsDouble());
      }
      if (e.decays() != behavioralSection) {
        g.writeBooleanField("decays", e.decays());
      }
    } else if (rule instanceof InactivityRule i) {
      g.writeNumberField("inactiveDays", i.inactiveDays());
    } else if (rule instanceof AggregateRule a) {
      aggregate(g, a.when());
    }
    number(g, "points", rule.points());
    g.writeEndObject();
  }

  /**
   * An aggregate rule's fields (SPEC section 9) in a fixed order: aggregate, events, per,
   * withinDays, minValue, minCount (when not 1), the operator.
   */
  private static void aggregate(JsonGenerator g, Aggregate when) throws IOException {
    Aggregate.Measure m = when.measure();
    g.writeStringField("aggregate", m.function().jsonName());
    g.writeArrayFieldStart("events");
    for (String type : m.events()) {
      g.writeString(type);
    }
    g.writeEndArray();
    if (!m.per().isEmpty()) {
      g.writeArrayFieldStart("per");
      for (String type : m.per()) {
        g.writeString(type);
      }
      g.writeEndArray();
    }
    if (m.withinDays().isPresent()) {
      g.writeNumberField("withinDays", m.withinDays().getAsInt());
    }
    if (m.minValue().isPresent()) {
      number(g, "minValue", m.minValue().getAsDouble());
    }
    if (m.minCount() != 1) {
      g.writeNumberField("minCount", m.minCount());
    }
    if (when.operator() == Aggregate.Operator.BETWEEN) {
      g.writeArrayFieldStart("between");
      JsonSupport.writeNumber(g, when.lo());
      JsonSupport.writeNumber(g, when.hi());
      g.writeEndArray();
    } else {
      number(g, when.operator().jsonName(), when.lo());
    }
  }

  private static void condition(JsonGenerator g, Condition c) throws IOException {
    g.writeStringField("attribute", c.attribute());
    String op = c.operator().jsonName();
    switch (c.operator()) {
      case EQUALS, AT_LEAST, BELOW, PRESENT -> {
        g.writeFieldName(op);
        scalar(g, c.operands().get(0));
      }
      case IN, BETWEEN -> {
        g.writeArrayFieldStart(op);
        for (Object o : c.operands()) {
          scalar(g, o);
        }
        g.writeEndArray();
      }
      default -> throw new AssertionError(c.operator());
    }
    if (c.ignoreCase()) {
      g.writeBooleanField("ignoreCase", true);
    }
  }

  private static void decay(JsonGenerator g, Decay decay) throws IOException {
    g.writeStartObject();
    if (decay instanceof Decay.None) {
      g.writeStringField("type", "none");
    } else if (decay instanceof Decay.HalfLife h) {
      g.writeStringField("type", "halfLife");
      number(g, "days", h.days());
    } else if (decay instanceof Decay.Linear l) {
      g.writeStringField("type", "linear");
      number(g, "days", l.days());
    } else if (decay instanceof Decay.Steps s) {
      g.writeStringField("type", "steps");
      g.writeArrayFieldStart("steps");
      for (Decay.Step step : s.steps()) {
        g.writeStartObject();
        number(g, "belowDays", step.belowDays());
        number(g, "factor", step.factor());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void scalar(JsonGenerator g, Object value) throws IOException {
    if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else {
      JsonSupport.writeNumber(g, ((Number) value).doubleValue());
    }
  }

  private static void number(JsonGenerator g, String field, double value) throws IOException {
    g.writeFieldName(field);
    JsonSupport.writeNumber(g, value);
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String compact(Body body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JsonSupport.WRITER_FACTORY.createGenerator(w)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return JsonSupport.escapeUnpairedSurrogates(w.toString());
  }
}
