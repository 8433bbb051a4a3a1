package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void lineShowsRowsRateShareAndTimeLeft() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (Progress p = Progress.start(true, new PrintStream(err, true, StandardCharsets.UTF_8),
        "contacts read", () -> 0, () -> 0, 1000)) {
      assertThat(p.line(1_200_000, 250, 3.0))
          .isEqualTo("contacts read: 1,200,000 (400,000/s), 25%, 9 s left");
      assertThat(p.line(0, 0, 0)).isEqualTo("contacts read: 0");
      assertThat(p.line(10, 2000, 1.0)).isEqualTo("contacts read: 10 (10/s), 100%, 0 s left");
      assertThat(p.line(-1, 500, 2.0)).isEqualTo("contacts read: 0 MB (0 MB/s), 50%, 2 s left");
    }
    try (Progress p = Progress.start(false, System.err, "contacts read", null, () -> 0,
        300_000_000L)) {
      assertThat(p.line(-1, 150_000_000L, 2.0))
          .isEqualTo("contacts read: 150 MB (75 MB/s), 50%, 2 s left");
    }
    // no terminal in a test JVM: nothing is drawn
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
