package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tool leaves the heap alone when the command line sizes it. */
class HeapTest {
  @Test
  void sized_whenAnyHeapSizeOrFreeRatioIsGiven() {
    for (String arg : List.of("-Xmx256m", "-Xms64m", "-XX:MaxHeapSize=1g",
        "-XX:InitialHeapSize=64m", "-XX:MinHeapSize=8m", "-XX:MaxRAMPercentage=10",
        "-XX:InitialRAMPercentage=1", "-XX:MinRAMPercentage=5", "-XX:MinHeapFreeRatio=5",
        "-XX:MaxHeapFreeRatio=30")) {
      assertThat(Heap.sized(List.of("-Dfoo=bar", arg))).as(arg).isTrue();
    }
  }

  @Test
  void notSized_byOtherArguments() {
    assertThat(Heap.sized(List.of())).isFalse();
    assertThat(Heap.sized(List.of("-Dshared.dir=../shared", "-XX:+UseG1GC", "-Xss1m",
        "-XX:MaxGCPauseMillis=100", "-Xlog:gc"))).isFalse();
  }
}
