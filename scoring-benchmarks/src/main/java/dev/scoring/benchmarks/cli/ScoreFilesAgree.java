package dev.scoring.benchmarks.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks that two score CSVs ({@code id,score,raw,fit,engagement,tier}, ids without commas or
 * quotes) hold the same contacts with the same tiers and numbers equal to 1e-9 relative
 * (SPEC's tolerance). Prints the largest difference; exits 1 at the first disagreement.
 *
 * <p>Run: {@code java -cp benchmarks.jar dev.scoring.benchmarks.cli.ScoreFilesAgree a.csv
 * b.csv}
 */
public final class ScoreFilesAgree {
  private ScoreFilesAgree() {}

  /**
   * Compares the files.
   *
   * @param args the two CSV files
   * @throws IOException if reading fails
   */
  public static void main(String[] args) throws IOException {
    Map<String, String[]> first = new HashMap<>(2_000_000);
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", -1);
        first.put(f[0], f);
      }
    }
    long rows = 0;
    double worst = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] b = line.split(",", -1);
        String[] a = first.remove(b[0]);
        if (a == null) {
          fail("contact " + b[0] + " of " + args[1] + " must be in " + args[0]);
        }
        for (int k = 1; k <= 4; k++) {
          double x = Double.parseDouble(a[k]);
          double y = Double.parseDouble(b[k]);
          double diff = Math.abs(x - y) / Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
          worst = Math.max(worst, diff);
          if (!(diff <= 1e-9)) {
            fail("contact " + b[0] + " column " + k + " must agree to 1e-9, but was " + x
                + " and " + y);
          }
        }
        if (!a[5].equals(b[5])) {
          fail("contact " + b[0] + " tier must agree, but was " + a[5] + " and " + b[5]);
        }
        rows++;
      }
    }
    if (!first.isEmpty()) {
      fail(first.size() + " contacts of " + args[0] + " must be in " + args[1]
          + ", but were not, e.g. " + first.keySet().iterator().next());
    }
    System.out.printf("agree: %,d contacts, largest relative difference %.3g%n", rows, worst);
  }

  private static void fail(String message) {
    System.out.println("disagree: " + message);
    System.exit(1);
  }
}
