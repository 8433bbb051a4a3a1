package dev.scoring.rfm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Thresholds from values read by rank, for engines that sort a column elsewhere. */
class BinningRanksTest {
  private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  @Test
  void quantileThresholdsAreRsType7() {
    // R: quantile(1:10, c(.2, .4, .6, .8)) = 2.8 4.6 6.4 8.2
    double[] t = Binning.quantiles().thresholds(5, 10, r -> ONE_TO_TEN[(int) r]);
    assertArrayEquals(new double[] {2.8, 4.6, 6.4, 8.2}, t, 1e-12);
    assertEquals(1, Binning.quantiles().bin(2.8, t));
    assertEquals(2, Binning.quantiles().bin(2.81, t));
    assertEquals(5, Binning.quantiles().bin(10, t));
    // the R rule: thresholds + 1, reached at >=
    double[] r = Binning.rCompatible().thresholds(5, 10, k -> ONE_TO_TEN[(int) k]);
    assertArrayEquals(new double[] {3.8, 5.6, 7.4, 9.2}, r, 1e-12);
    assertEquals(2, Binning.rCompatible().bin(r[0], r));
  }

  @Test
  void onlyTheNeighboursOfEachQuantileAreRead() {
    for (int n = Rfm.MIN_BINS; n <= Rfm.MAX_BINS; n++) {
      for (long count : new long[] {1, 2, 7, 1_000, 123_456_789_012L}) {
        TreeSet<Long> ranks = new TreeSet<>();
        Binning.quantiles().thresholds(n, count, r -> {
          ranks.add(r);
          return r;
        });
        assertTrue(ranks.size() <= 2 * (n - 1), ranks.toString());
        assertTrue(ranks.first() >= 0 && ranks.last() < count, ranks.toString());
      }
    }
  }

  @Test
  void readingByRankGivesTheThresholdsOfTheSortedArray() {
    double[] values = {5, 1, 1, 3, 9, 9, 9, 2.5, 0.1, 7};
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    for (Binning b : new Binning[] {Binning.quantiles(), Binning.rCompatible()}) {
      for (int n = Rfm.MIN_BINS; n <= Rfm.MAX_BINS; n++) {
        assertArrayEquals(b.thresholds(sorted, n),
            b.thresholds(n, sorted.length, r -> sorted[(int) r]));
      }
    }
    Binning fixed = Binning.fixed(1, 2, 3, 4);
    assertArrayEquals(new double[] {1, 2, 3, 4}, fixed.thresholds(5, 3, r -> {
      throw new AssertionError("a fixed binning must not read values");
    }));
  }

  @Test
  void outOfRangeArgumentsAreRefused() {
    assertEquals("n must be in 2..9, but was 1", assertThrows(IllegalArgumentException.class,
        () -> Binning.quantiles().thresholds(1, 10, r -> 0)).getMessage());
    assertEquals("count must be at least 1, but was 0", assertThrows(
        IllegalArgumentException.class, () -> Binning.quantiles().thresholds(5, 0, r -> 0))
        .getMessage());
    assertEquals("breakpoints must be 4 for 5 bins, but was 2", assertThrows(
        IllegalArgumentException.class, () -> Binning.fixed(1, 2).thresholds(5, 9, r -> 0))
        .getMessage());
  }
}
