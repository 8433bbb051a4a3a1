package dev.scoring.benchmarks.rfm;

import java.lang.management.ManagementFactory;

/**
 * Process CPU time (all threads, GC included; not wall time) per round of
 * {@link RfmBenchmark#baseline()} and {@link RfmBenchmark#sequential()} on the benchmark's
 * 10,000,000 transactions: a measurement that a loaded, shared machine disturbs far less than
 * wall time. Run: {@code java -Xms4g -Xmx4g -cp benchmarks.jar
 * dev.scoring.benchmarks.rfm.RfmCpuHarness 3}. Not thread-safe; a command-line tool.
 */
public final class RfmCpuHarness {
  private RfmCpuHarness() {}

  /**
   * Runs the rounds and prints each one's CPU times and their ratio.
   *
   * @param args the number of rounds
   */
  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    RfmBenchmark b = new RfmBenchmark();
    b.setUp();
    com.sun.management.OperatingSystemMXBean mx = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = mx.getProcessCpuTime();
      sink += b.baseline();
      long t1 = mx.getProcessCpuTime();
      sink += b.sequential().customers().size();
      long t2 = mx.getProcessCpuTime();
      System.out.printf(java.util.Locale.ROOT,
          "round %d baseline %.0f ms sequential %.0f ms ratio %.3f%n", r, (t1 - t0) / 1e6,
          (t2 - t1) / 1e6, (double) (t2 - t1) / (t1 - t0));
    }
    System.out.println("checksum " + sink);
  }
}
