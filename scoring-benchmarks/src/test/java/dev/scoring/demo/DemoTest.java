package dev.scoring.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo's command line: help, argument errors, and a CSV that supports no value model. */
class DemoTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws IOException {
    return Demo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsTheUsageAndSucceeds() throws IOException {
    assertEquals(0, run("--help"));
    assertEquals(Demo.USAGE, out().strip());
    assertEquals("", err());
  }

  @Test
  void anOptionWithoutItsValueIsAnErrorWithTheUsage() throws IOException {
    assertEquals(2, run("--contacts"));
    assertEquals("--contacts must be followed by a value, but was the last argument\n"
        + Demo.USAGE, err().strip().replace(System.lineSeparator(), "\n"));
    assertEquals("", out());
  }

  @Test
  void badValuesAndUnknownOptionsAreErrors() throws IOException {
    assertEquals(2, run("--contacts", "many"));
    assertTrue(err().startsWith("--contacts must be a whole number of at least 1, but was"
        + " \"many\""), err());
    err.reset();
    assertEquals(2, run("--verbose"));
    assertTrue(err().startsWith("argument 1 must be --contacts, --transactions, --columns or"
        + " --help, but was \"--verbose\""), err());
  }

  @Test
  void theRfmSampleCsvWritesTheRfmReportWithoutTheValueSection() throws IOException {
    Path csv = sharedFile("datasets/rfm_r_package/rfm_data_orders.csv");
    Path report = Path.of("target", "reports", "rfm.html");
    Files.deleteIfExists(report);
    assertEquals(0, run("--contacts", "2000", "--transactions", csv.toString(), "--columns",
        "customer_id,order_date,revenue"));
    String printed = out();
    assertTrue(printed.contains("Customer value not computed: "), printed);
    assertTrue(printed.contains("Champions"), printed);
    assertTrue(Files.isRegularFile(report), printed);
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(html.contains("Champions"));
    assertFalse(html.contains("Customer value by segment"), "no value section");
    assertEquals("", err());
  }

  /** A shared data file, or a visible skip (a failure when SCORING_REQUIRE_SHARED=1). */
  private static Path sharedFile(String relative) {
    String dir = System.getProperty("shared.dir");
    Path file = dir == null ? null : Path.of(dir).resolve(relative);
    if (file == null || !Files.isRegularFile(file)) {
      String message = "shared test data " + relative + " is absent (shared.dir=" + dir + ")";
      if ("1".equals(System.getenv("SCORING_REQUIRE_SHARED"))) {
        fail(message + ", but SCORING_REQUIRE_SHARED=1 requires it");
      }
      assumeTrue(false, message + "; skipping");
    }
    return file;
  }
}
