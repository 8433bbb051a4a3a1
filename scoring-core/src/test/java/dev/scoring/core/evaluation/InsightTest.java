package dev.scoring.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsightTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T00:00:00Z");

  static LabeledContact contact(int i, String color, Double size, int visits, boolean y) {
    Contact.Builder b = Contact.builder("c" + i);
    if (color != null) {
      b.attribute("color", color);
    }
    if (size != null) {
      b.attribute("size", size);
    }
    for (int v = 0; v < visits; v++) {
      b.event("visit", AS_OF.minus(Duration.ofDays(v * 10L)));
    }
    b.event("visit", AS_OF.plus(Duration.ofDays(1))); // future: never counted
    return LabeledContact.of(b.build(), y);
  }

  /** red 3 of 4 converted, RED counts as red, blue 1 of 4; visits 0, 1, 2-3 and >3. */
  static List<LabeledContact> data() {
    List<LabeledContact> list = new ArrayList<>();
    list.add(contact(0, "red", 1.0, 0, true));
    list.add(contact(1, "RED", 2.0, 1, true));
    list.add(contact(2, "red", 3.0, 2, true));
    list.add(contact(3, "red", 4.0, 5, false));
    list.add(contact(4, "blue", 5.0, 0, true));
    list.add(contact(5, "blue", 6.0, 1, false));
    list.add(contact(6, "blue", null, 3, false));
    list.add(contact(7, "blue", 8.0, 4, false));
    return list;
  }

  static FeatureSpec spec() {
    return FeatureSpec.builder()
        .categorical("color")
        .numeric("size", 2)
        .events("visit", 1, 3)
        .minCount(1)
        .build();
  }

  @Test
  void weightOfEvidence_addsOneHalfToEachCell() {
    Insight insight = Insight.of(data(), spec(), AS_OF);
    Insight.Feature color = insight.features().stream()
        .filter(f -> f.name().equals("color")).findFirst().orElseThrow();
    // P = N = 4; two non-empty bins: g = (p + 0.5) / 5, h = (n + 0.5) / 5
    // levels by decreasing count, then name
    assertEquals(List.of("blue", "red"), color.bins().stream().map(Insight.Bin::label).toList());
    assertEquals(4, color.bins().get(1).contacts());
    assertEquals(3, color.bins().get(1).converted());
    assertEquals(Math.log(3.5 / 1.5), color.bins().get(1).weightOfEvidence(), 1e-15);
    assertEquals(Math.log(1.5 / 3.5), color.bins().get(0).weightOfEvidence(), 1e-15);
    assertEquals(0.8 * Math.log(7.0 / 3), color.informationValue(), 1e-15);
  }

  @Test
  void numericAndEventBins_byHand() {
    Insight insight = Insight.of(data(), spec(), AS_OF);
    Insight.Feature size = insight.features().stream()
        .filter(f -> f.name().equals("size")).findFirst().orElseThrow();
    // values 1 2 3 4 5 6 8: median (type 7) 4 -> "< 4", ">= 4", missing
    assertEquals(List.of("< 4", ">= 4", "missing"),
        size.bins().stream().map(Insight.Bin::label).toList());
    assertEquals(List.of(3L, 4L, 1L), size.bins().stream().map(Insight.Bin::contacts).toList());
    Insight.Feature visits = insight.features().stream()
        .filter(f -> f.name().equals("visit")).findFirst().orElseThrow();
    // counts 0 1 2 5 0 1 3 4 (the future visit never counts)
    assertEquals(List.of("0", "1", "2-3", ">3"),
        visits.bins().stream().map(Insight.Bin::label).toList());
    assertEquals(List.of(2L, 2L, 2L, 2L),
        visits.bins().stream().map(Insight.Bin::contacts).toList());
    assertEquals(List.of(2L, 1L, 1L, 0L),
        visits.bins().stream().map(Insight.Bin::converted).toList());
    // B = 4: g = (p + 0.5) / 6, h = (n + 0.5) / 6
    double iv = 0;
    for (int[] cell : new int[][] {{2, 0}, {1, 1}, {1, 1}, {0, 2}}) {
      double g = (cell[0] + 0.5) / 6;
      double h = (cell[1] + 0.5) / 6;
      iv += (g - h) * Math.log(g / h);
    }
    assertEquals(iv, visits.informationValue(), 1e-15);
  }

  @Test
  void features_areRankedByInformationValue() {
    List<Insight.Feature> ranked = Insight.of(data(), spec(), AS_OF).features();
    for (int i = 1; i < ranked.size(); i++) {
      assertEquals(true,
          ranked.get(i - 1).informationValue() >= ranked.get(i).informationValue());
    }
    // size 3/5.5 ln 7 + 2/5.5 ln(7/3) + 1/5.5 ln 3 > visit 4/6 ln 5 > color 0.8 ln(7/3)
    assertEquals(List.of("size", "visit", "color"),
        ranked.stream().map(Insight.Feature::name).toList());
    assertEquals(3 / 5.5 * Math.log(7) + 2 / 5.5 * Math.log(7.0 / 3) + 1 / 5.5 * Math.log(3),
        ranked.get(0).informationValue(), 1e-14);
  }
}
