package dev.scoring.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Keeps the heap of {@code java -jar scoring-cli.jar} as small as the work needs. The JVM
 * starts with a heap of 1/64 of the machine's memory (384 MB on 24 GB) and, with G1 and a
 * small live set, lets its young generation grow to 60% of that before collecting, so a
 * streaming run touches hundreds of megabytes it never needs. When the command line sizes
 * nothing itself, the tool lowers the heap's free ratios (manageable flags, {@code
 * MinHeapFreeRatio} 10 and {@code MaxHeapFreeRatio} 20) and runs one full collection at
 * start-up, which gives the unused heap back; G1 then grows the heap only as far as its
 * pause-time and GC-time goals need. Any of {@code -Xmx}, {@code -Xms}, {@code -XX:MaxHeapSize},
 * {@code -XX:InitialHeapSize}, {@code -XX:MinHeapSize}, {@code -XX:*RAMPercentage},
 * {@code -XX:*HeapFreeRatio} (also through {@code JAVA_TOOL_OPTIONS}) or a JVM without those
 * flags leaves the heap alone. Stateless.
 */
final class Heap {
  private static final List<String> SIZING = List.of("-Xmx", "-Xms", "-XX:MaxHeapSize",
      "-XX:InitialHeapSize", "-XX:MinHeapSize", "-XX:MaxRAMPercentage",
      "-XX:InitialRAMPercentage", "-XX:MinRAMPercentage", "-XX:MinHeapFreeRatio",
      "-XX:MaxHeapFreeRatio");

  private Heap() {}

  /** Gives the unused start-up heap back, unless the command line sizes the heap. */
  static void startSmall() {
    try {
      if (sized(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
        return;
      }
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(
          HotSpotDiagnosticMXBean.class);
      vm.setVMOption("MinHeapFreeRatio", "10");
      vm.setVMOption("MaxHeapFreeRatio", "20");
      System.gc();
    } catch (RuntimeException | LinkageError e) {
      // a JVM without these flags or beans: its own heap sizing stays
    }
  }

  /**
   * Whether JVM arguments size the heap themselves.
   *
   * @param jvmArguments the arguments, as {@code RuntimeMXBean.getInputArguments()} lists them
   * @return true if one of them sizes the heap or sets its free ratios
   */
  static boolean sized(List<String> jvmArguments) {
    for (String arg : jvmArguments) {
      for (String s : SIZING) {
        if (arg.startsWith(s)) {
          return true;
        }
      }
    }
    return false;
  }
}
