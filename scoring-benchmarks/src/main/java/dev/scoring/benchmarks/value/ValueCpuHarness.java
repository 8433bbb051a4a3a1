package dev.scoring.benchmarks.value;

import dev.scoring.rfm.value.BgNbdModel;
import dev.scoring.rfm.value.CustomerSummaries;
import dev.scoring.rfm.value.CustomerSummary;
import dev.scoring.rfm.value.GammaGammaModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Process CPU time (all threads, GC included; not wall time) of the BG/NBD and Gamma-Gamma
 * fits on one summary file, so that two versions of the library fit the very same data.
 * {@code write file.csv} writes {@link ValueFitBenchmark}'s 1,000,000 simulated summaries;
 * {@code file.csv rounds} fits them. Not thread-safe; a command-line tool.
 */
public final class ValueCpuHarness {
  private ValueCpuHarness() {}

  /**
   * Writes the summaries or times the fits.
   *
   * @param args {@code write file.csv}, or {@code file.csv rounds}
   * @throws IOException if the file cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    if (args[0].equals("write")) {
      ValueFitBenchmark b = new ValueFitBenchmark();
      b.customers = 1_000_000;
      b.simulate();
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
        w.println("id,x,t_x,T,zbar");
        for (CustomerSummary c : b.summaries) {
          w.println(c.customerId() + "," + c.frequency() + "," + c.recency() + "," + c.age()
              + "," + c.meanValue());
        }
      }
      return;
    }
    List<CustomerSummary> customers = CustomerSummaries.read(Path.of(args[0]));
    int rounds = Integer.parseInt(args[1]);
    com.sun.management.OperatingSystemMXBean mx = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < rounds; r++) {
      long t0 = mx.getProcessCpuTime();
      BgNbdModel bg = BgNbdModel.fit(customers);
      long t1 = mx.getProcessCpuTime();
      GammaGammaModel gg = GammaGammaModel.fit(customers);
      long t2 = mx.getProcessCpuTime();
      System.out.printf(Locale.ROOT, "round %d bgnbd %.0f ms (%d evals, r %.6f a %.6f)"
          + " gammagamma %.0f ms (%d evals, p %.6f)%n", r, (t1 - t0) / 1e6,
          bg.fitReport().orElseThrow().evaluations(), bg.r(), bg.a(), (t2 - t1) / 1e6,
          gg.fitReport().orElseThrow().evaluations(), gg.p());
    }
  }
}
