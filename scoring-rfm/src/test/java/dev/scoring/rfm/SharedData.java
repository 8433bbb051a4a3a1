package dev.scoring.rfm;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test datasets ({@code ../shared/datasets}, passed by surefire as the system
 * property {@code shared.dir}). A test that needs a file skips with a message when it is
 * absent, but fails when the environment variable {@code SCORING_REQUIRE_SHARED=1} is set, as
 * in CI, so that CI cannot pass by skipping.
 */
final class SharedData {
  private SharedData() {}

  /**
   * Returns a file under {@code shared.dir}, or skips (fails in CI) when it is absent.
   *
   * @param relative a path such as {@code datasets/rfm_r_package/rfm_data_orders.csv}
   */
  static Path file(String relative) {
    String dir = System.getProperty("shared.dir");
    Path file = dir == null ? null : Path.of(dir).resolve(relative);
    if (file == null || !Files.isRegularFile(file)) {
      String message = "shared test data " + relative + " is absent (shared.dir="
          + dir + "); skipping. Set shared.dir to the shared directory to run this test.";
      if ("1".equals(System.getenv("SCORING_REQUIRE_SHARED"))) {
        fail(message.replace("; skipping.", ", but SCORING_REQUIRE_SHARED=1 requires it."));
      }
      assumeTrue(false, message);
    }
    return file;
  }
}
