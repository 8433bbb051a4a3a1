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
    out.append("  \"baseTier\": ").append(compact(g -> g.writeString(t.baseTier()))).append('\n');
    out.append("}\n");
    return out.toString();
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
