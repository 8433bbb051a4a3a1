package dev.scoring.core.testing;

import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.api.Event;
import dev.scoring.core.Decay;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.analysis.Vocabulary;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The arbitraries cover the table's vocabulary: every edge, value class and odd case. */
class ScoringArbitrariesTest {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  static final ScoringTable TABLE = ScoringTable.builder("t")
      .decay(Decay.steps(Decay.step(7, 1), Decay.step(30, 0.5)))
      .demographic("young", attribute("age").between(18, 24), 5)
      .demographic("tech", attribute("sector").equalToIgnoreCase("tech"), 3)
      .behavioral("long-read", on("page_view").minValue(60).withinDays(14), 2)
      .negative("unsub", on("unsubscribe"), -10)
      .inactivity("dormant", 90, -5)
      .build();

  @Test
  void generatedContactsCoverTheVocabulary() {
    List<Contact> contacts = ScoringArbitraries.contacts(TABLE, AS_OF).sampleStream()
        .limit(3_000).toList();
    Set<Long> ages = new HashSet<>();
    Set<String> types = new HashSet<>();
    Set<Double> values = new HashSet<>();
    Set<Object> sectors = new HashSet<>();
    boolean future = false;
    boolean ageAbsent = false;
    boolean blankSector = false;
    boolean otherAttribute = false;
    for (Contact c : contacts) {
      ageAbsent |= c.attribute("age") == null;
      sectors.add(c.attribute("sector"));
      blankSector |= c.attribute("sector") instanceof String s && s.isBlank();
      otherAttribute |= c.attribute("other_attribute") != null;
      for (Event e : c.events()) {
        types.add(e.type());
        e.value().ifPresent(values::add);
        if (e.at().isAfter(AS_OF)) {
          future = true;
        } else {
          ages.add(Math.floorDiv(AS_OF.getEpochSecond() - e.at().getEpochSecond(), 86_400L));
        }
      }
    }
    assertThat(Vocabulary.of(TABLE).ages()).containsExactly(0L, 6L, 7L, 13L, 14L, 29L, 30L,
        89L, 90L);
    assertThat(ages).containsAll(Vocabulary.of(TABLE).ages());
    assertThat(types).containsExactlyInAnyOrder("page_view", "unsubscribe", "other_event");
    assertThat(values).contains(60.0, Math.nextDown(60.0));
    assertThat(sectors).contains("tech", "TECH", "Tech", "tech_other", null);
    assertThat(future).isTrue();
    assertThat(ageAbsent).isTrue();
    assertThat(blankSector).isTrue();
    assertThat(otherAttribute).isTrue();
  }
}
