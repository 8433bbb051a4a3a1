package dev.scoring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ContactTest {
  static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
  static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");

  @Test
  void attributes_areNormalised() {
    Contact c = Contact.builder("c-1")
        .attribute("int", 29)
        .attribute("long", 7L)
        .attribute("double", 2.5)
        .attribute("float", 0.5f)
        .attribute("decimal", new BigDecimal("12.00"))
        .attribute("flag", true)
        .attribute("name", "Ada")
        .attribute("gone", "x")
        .attribute("gone", null)
        .build();
    assertThat(c.attributes()).containsExactly(
        java.util.Map.entry("int", 29L), java.util.Map.entry("long", 7L),
        java.util.Map.entry("double", 2.5), java.util.Map.entry("float", 0.5),
        java.util.Map.entry("decimal", 12L), java.util.Map.entry("flag", true),
        java.util.Map.entry("name", "Ada"));
    assertThat(c.attribute("gone")).isNull();
  }

  @Test
  void events_areKeptInChronologicalOrder() {
    Contact c = Contact.builder("c-1").event("b", T2).event("a", T1, 3).build();
    assertThat(c.events()).containsExactly(Event.of("a", T1, 3), Event.of("b", T2));
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }

  @Test
  void badInput_isRejectedWithTheValue() {
    assertThatThrownBy(() -> Contact.builder(""))
        .hasMessage("contact id must be a non-blank string, but was \"\"");
    assertThatThrownBy(() -> Contact.builder("c").attribute("age", Double.NaN))
        .hasMessage("attribute 'age' must be a finite number, but was NaN");
    assertThatThrownBy(() -> Contact.builder("c").attribute("tags", java.util.List.of("a")))
        .hasMessage("attribute 'tags' must be a string, a finite number or a boolean, but was "
            + "[a] (a list)");
    assertThatThrownBy(() -> Contact.builder("c").attribute(" ", 1))
        .hasMessage("contact 'c' attribute name must be a non-blank string, but was \" \"");
    assertThatThrownBy(() -> Event.of("", T1))
        .hasMessage("event type must be a non-blank string, but was \"\"");
    assertThatThrownBy(() -> Event.of("view", null))
        .hasMessage("event 'view' at must be an instant, but was null");
    assertThatThrownBy(() -> new Event("view", T1, OptionalDouble.of(Double.NaN)))
        .hasMessage("event 'view' value must be finite, but was NaN");
  }

  @Test
  void eventInstants_coverExactlyYears1To9999() {
    java.time.Instant first = java.time.Instant.parse("0001-01-01T00:00:00Z");
    java.time.Instant last = java.time.Instant.parse("9999-12-31T23:59:59.999999999Z");
    assertThat(Event.of("x", first).at()).isEqualTo(first);
    assertThat(Event.of("x", last, 1).at()).isEqualTo(last);
    assertThatThrownBy(() -> Event.of("x", first.minusNanos(1)))
        .hasMessage("event 'x' at must be an instant from 0001-01-01T00:00:00Z to "
            + "9999-12-31T23:59:59.999999999Z, but was 0000-12-31T23:59:59.999999999Z");
    assertThatThrownBy(() -> Event.of("x", last.plusNanos(1)))
        .hasMessage("event 'x' at must be an instant from 0001-01-01T00:00:00Z to "
            + "9999-12-31T23:59:59.999999999Z, but was +10000-01-01T00:00:00Z");
  }

  @Test
  void explanation_totalAddsTheEntries() {
    Score s = new Score(7, 7, 5, 2, "cold", "m", "1", T1);
    Explanation e = new Explanation(s, java.util.List.of(
        new Explanation.Entry(Explanation.Kind.DEMOGRAPHIC, "a", 1, 5),
        new Explanation.Entry(Explanation.Kind.BEHAVIORAL, "b", 2, 2)));
    assertThat(e.total()).isEqualTo(7);
    assertThat(e.toString()).isEqualTo("""
        score 7.00 (cold), raw 7.00 = fit 5.00 + engagement 2.00
             +5.00  demographic a
             +2.00  behavioral  b x2
        """);
  }
}
