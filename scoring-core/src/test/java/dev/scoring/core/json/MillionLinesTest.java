package dev.scoring.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads and scores a 1,000,000-line NDJSON file (about 170 MB) and checks that the heap in
 * use after a full collection stays within a small bound while it does: the contacts are
 * streamed, never held. Holding them would take several hundred megabytes. No timing is
 * asserted.
 */
class MillionLinesTest {
  private static final int LINES = 1_000_000;
  private static final int CHECK_EVERY = 100_000;
  private static final long BOUND_BYTES = 16L * 1024 * 1024;
  private static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  @Test
  void aMillionLines_areReadAndScoredInBoundedHeap(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("contacts.ndjson");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < LINES; i++) {
        w.write("{\"id\":\"c-" + i + "\",\"attributes\":{\"age\":" + (18 + i % 50)
            + ",\"sector\":\"Technology\",\"near_office\":" + (i % 2 == 0) + "},"
            + "\"events\":[{\"type\":\"pricing_page_visit\",\"at\":\"2026-11-22T10:00:00Z\"},"
            + "{\"type\":\"page_view\",\"at\":\"2026-11-01T10:00:00Z\",\"value\":95}]}\n");
      }
    }
    assertTrue(Files.size(file) > 150_000_000L, "the file should be large");

    ScoringTable model = ExampleModels.seed();
    long baseline = usedAfterGc();
    List<Long> growth = new ArrayList<>();
    List<BadLine> bad = new ArrayList<>();
    long count = 0;
    double total = 0;
    try (ContactLines lines = ContactJson.defaults().lines(file, bad::add)) {
      while (lines.hasNext()) {
        Contact c = lines.next();
        Score s = model.score(c, AS_OF);
        total += s.score();
        count++;
        if (count % CHECK_EVERY == 0) {
          growth.add(usedAfterGc() - baseline);
        }
      }
    }
    assertEquals(LINES, count);
    assertEquals(List.of(), bad);
    assertEquals(10, growth.size());
    for (long g : growth) {
      assertTrue(g < BOUND_BYTES, "heap in use grew by " + g + " bytes: " + growth);
    }
    // every contact: sector 3 + pricing 5 (age 0 days), and 3/5/2/1 by age, 4 when near
    // the office; page_view has no rule. 1e6 contacts: 8e6 + age points + 2e6 near office.
    double agePoints = 0;
    for (int a = 0; a < 50; a++) {
      int age = 18 + a;
      agePoints += age <= 24 ? 5 : age <= 34 ? 3 : age <= 44 ? 2 : 1;
    }
    assertEquals(8e6 + agePoints * (LINES / 50) + 4 * (LINES / 2), total, 1e-6);
  }

  /** Heap in use after full collections (java.management is not readable from this module). */
  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
