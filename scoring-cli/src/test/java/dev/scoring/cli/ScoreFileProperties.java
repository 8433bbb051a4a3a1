package dev.scoring.cli;

import static dev.scoring.core.Aggregate.count;
import static dev.scoring.core.Aggregate.daysSinceLast;
import static dev.scoring.core.Aggregate.distinctDays;
import static dev.scoring.core.Condition.attribute;
import static dev.scoring.core.EventMatch.on;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.core.Decay;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.ScoreLines;
import dev.scoring.core.testing.ScoringArbitraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The CLI is one more way of scoring and agrees with the object path: for contacts in a
 * table's own vocabulary ({@link ScoringArbitraries}: window edges, decay steps, thresholds,
 * future events), every line {@code scoring score --trend 7} writes is the library's score
 * line of {@code model.score(contact, asOf)} and {@code model.trend(contact, asOf, 7)}, byte
 * for byte, on 1 and 2 threads.
 */
class ScoreFileProperties {
  static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");
  static Path dir;

  /** The seed table, and one with caps, a clamp, halving decay and aggregate rules. */
  static final List<ScoringTable> MODELS = List.of(ExampleModels.seed(),
      ScoringTable.builder("rich").version("3")
          .decay(Decay.linear(60))
          .scale(-20, 50)
          .demographicCap(6)
          .behavioralCap(30)
          .demographic("young", attribute("age").below(30), 4)
          .demographic("tech", attribute("sector").equalToIgnoreCase("technology"), 3)
          .behavioral("pricing", on("pricing_page_visit").withinDays(14).maxOccurrences(2), 6)
          .behavioral("long-read", on("page_view").minValue(120), 2)
          .behavioral("webinar", on("webinar").decays(false), 5)
          .behavioral("reader", count("email_open").withinDays(30).atLeast(2), 4)
          .behavioral("blog", distinctDays("blog_visit").withinDays(30).atLeast(2), 3)
          .negative("bounce", on("hard_bounce"), -8)
          .negative("no-pricing", daysSinceLast("pricing_page_visit").atLeast(60), -3)
          .inactivity("idle-30", 30, -4)
          .inactivity("idle-90", 90, -6)
          .tier("warm", 10)
          .tier("hot", 25)
          .build());

  /** One try: a model, its contacts (ids made unique), the threads. */
  record Case(int model, List<Contact> contacts, int threads) {}

  @BeforeContainer
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("score-file-properties");
  }

  @AfterContainer
  static void removeDir() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(0, MODELS.size() - 1).flatMap(m -> Combinators
        .combine(ScoringArbitraries.contacts(MODELS.get(m), AS_OF, 12).list().ofMaxSize(25),
            Arbitraries.of(1, 2))
        .as((contacts, threads) -> new Case(m, renumbered(contacts), threads)));
  }

  @Property(tries = 60)
  void everyLineIsTheObjectPathsScoreLine(@ForAll("cases") Case c) throws IOException {
    ScoringTable model = MODELS.get(c.model());
    Path modelFile = Files.writeString(dir.resolve("m.json"), model.toJson());
    List<String> lines = new ArrayList<>();
    for (Contact contact : c.contacts()) {
      lines.add(ContactJson.toJson(contact));
    }
    Path file = Files.write(dir.resolve("c.ndjson"), lines);

    Cli r = Cli.run("score", "--model", modelFile.toString(), "--contacts", file.toString(),
        "--as-of", AS_OF.toString(), "--threads", Integer.toString(c.threads()),
        "--trend", "7");

    assertThat(r.exit()).as(r.err()).isEqualTo(Exit.OK);
    List<String> out = r.out().lines().toList();
    assertThat(out).hasSize(c.contacts().size());
    for (int i = 0; i < out.size(); i++) {
      Contact contact = c.contacts().get(i);
      assertThat(out.get(i)).isEqualTo(ScoreLines.toJson(contact.id(),
          model.score(contact, AS_OF), model.fingerprint(), null, 7,
          model.trend(contact, AS_OF, 7)));
    }
  }

  /** The contacts with ids {@code p-0, p-1, ...}, so that no two share one. */
  static List<Contact> renumbered(List<Contact> contacts) {
    List<Contact> out = new ArrayList<>();
    for (Contact c : contacts) {
      Contact.Builder b = Contact.builder("p-" + out.size());
      c.attributes().forEach(b::attribute);
      c.events().forEach(b::event);
      out.add(b.build());
    }
    return out;
  }
}
