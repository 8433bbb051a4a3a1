package dev.scoring.core;

import dev.scoring.core.examples.ExampleModels;
import static dev.scoring.core.Aggregate.count;
import static dev.scoring.core.Aggregate.daysSinceLast;
import static dev.scoring.core.Aggregate.distinctDays;
import static dev.scoring.core.Aggregate.rate;
import static dev.scoring.core.Aggregate.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scoring.api.Contact;
import dev.scoring.api.Explanation;
import dev.scoring.core.examples.ExampleModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/aggregate-rules.md}: the code between the {@code docs:} markers
 * is what the page shows (checked verbatim, with its imports), and it runs here.
 */
class AggregateRulesDocTest {

  @Test
  void seedWithRecurringBlogReaders() {
    // docs:seed
    ScoringTable seedWithBlog = ExampleModels.seed().toBuilder()
        .version("1+recurring-blog")
        .behavioral("recurring-blog", distinctDays("blog_visit").withinDays(30).atLeast(3), 5)
        .build();

    Instant asOf = Instant.parse("2026-11-22T12:00:00Z");
    Contact reader = Contact.builder("c-1")
        .event("blog_visit", Instant.parse("2026-11-21T09:00:00Z"))  // age 1 day
        .event("blog_visit", Instant.parse("2026-11-19T18:30:00Z"))  // age 2 days
        .event("blog_visit", Instant.parse("2026-11-12T08:00:00Z"))  // age 10 days
        .build();

    Explanation why = seedWithBlog.explain(reader, asOf);
    System.out.print(why);
    // score 13.18 (unqualified), raw 13.18 = fit 0.00 + engagement 13.18
    //     +8.18  behavioral  blog-visit x3
    //     +5.00  behavioral  recurring-blog x3
    Explanation.Entry recurring = why.entries().get(1);
    double days = recurring.value();             // 3.0: three distinct days
    int counted = recurring.occurrences();       // 3: |E|, the counted events
    // docs:end
    assertEquals(3.0, days);
    assertEquals(3, counted);
    assertEquals(ExampleModels.seed().score(reader, asOf).score() + 5, why.score().score());
    assertEquals("score 13.18 (unqualified), raw 13.18 = fit 0.00 + engagement 13.18\n"
        + "     +8.18  behavioral  blog-visit x3\n"
        + "     +5.00  behavioral  recurring-blog x3\n", why.toString());
  }

  @Test
  void everyAggregate() {
    // docs:all
    ScoringTable model = ScoringTable.builder("patterns")
        .behavioral("engaged-reader", count("email_open").withinDays(30).atLeast(5), 10)
        .behavioral("recurring-blog", distinctDays("blog_visit").withinDays(30).atLeast(3), 8)
        .behavioral("pricing-time", sum("page_view").withinDays(7).atLeast(600), 6)
        .negative("ignores-mail",
            rate("email_open").per("email_sent").withinDays(90).minCount(10).below(0.05), -10)
        .negative("no-pricing", daysSinceLast("pricing_page_visit").atLeast(60), -5)
        .build();
    // docs:end
    assertThat(model.toJson()).contains("{\"id\":\"engaged-reader\",\"aggregate\":\"count\","
        + "\"events\":[\"email_open\"],\"withinDays\":30,\"atLeast\":5,\"points\":10}");
  }

  @Test
  void trendAndWhoGotHot() {
    ScoringTable seedWithBlog = ExampleModels.seed().toBuilder()
        .version("1+recurring-blog")
        .behavioral("recurring-blog", distinctDays("blog_visit").withinDays(30).atLeast(3), 5)
        .build();
    Instant asOf = Instant.parse("2026-11-22T12:00:00Z");
    Contact reader = Contact.builder("c-1")
        .event("blog_visit", Instant.parse("2026-11-21T09:00:00Z"))
        .event("blog_visit", Instant.parse("2026-11-19T18:30:00Z"))
        .event("blog_visit", Instant.parse("2026-11-12T08:00:00Z"))
        .build();
    // docs:trend
    double week = seedWithBlog.trend(reader, asOf, 7);          // 13.18 - 2.80 = 10.38

    Contact quiet = Contact.builder("c-2")
        .event("blog_visit", Instant.parse("2026-10-01T10:00:00Z"))
        .build();
    BatchScores scores = BatchScorer.of(seedWithBlog).withTrend(7)
        .score(ContactTable.of(List.of(reader, quiet)), asOf);
    int[] gotHot = scores.rising(10);                            // rose 10 points this week
    // gotHot = {0}: c-1; scores.trend(1) is negative (c-2 decays)
    // docs:end
    assertEquals(seedWithBlog.score(reader, asOf).score()
        - seedWithBlog.score(reader, asOf.minusSeconds(7 * 86_400L)).score(), week);
    assertEquals("10.38", String.format(java.util.Locale.ROOT, "%.2f", week));
    assertEquals("2.80", String.format(java.util.Locale.ROOT, "%.2f",
        seedWithBlog.score(reader, asOf.minusSeconds(7 * 86_400L)).score()));
    assertArrayEquals(new int[] {0}, gotHot);
    assertThat(scores.trend(1)).isNegative();
    assertArrayEquals(new int[] {1}, scores.falling(0.1));
  }

  @Test
  void thePageShowsTheseExamplesVerbatim() throws IOException {
    String page = Files.readString(Path.of("..", "docs", "aggregate-rules.md"));
    String source = Files.readString(
        Path.of("src/test/java/dev/scoring/core/AggregateRulesDocTest.java"));
    var snippets = ReadmeSnippets.between(source, "// docs:", "// docs:end");
    assertThat(snippets).hasSize(3);
    for (String snippet : snippets) {
      assertThat(page).contains(snippet);
    }
    // Every import the page lists is one this test compiles with (types of this test's own
    // package need none here).
    for (String line : page.split("\n")) {
      if (line.startsWith("import ") && !line.matches("import dev\\.scoring\\.core\\.[A-Z].*")) {
        assertThat(source).contains(line);
      }
    }
  }
}
