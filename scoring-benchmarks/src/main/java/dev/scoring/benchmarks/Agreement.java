package dev.scoring.benchmarks;

/**
 * Checks, before any timing, that two implementations give the same score: bit for bit for
 * the library's own paths, to 1e-9 relative (SPEC) for code that sums in another order.
 */
final class Agreement {
  private Agreement() {}

  /** Throws unless {@code actual} has exactly the bits of {@code expected}. */
  static void identical(String what, int contact, double expected, double actual) {
    if (Double.compare(expected, actual) != 0) {
      throw new IllegalStateException(what + " score of contact " + contact + " must equal the "
          + "object API's " + expected + " bit for bit, but was " + actual);
    }
  }

  /** Throws unless {@code actual} is within 1e-9 relative of {@code expected}. */
  static void close(String what, int contact, double expected, double actual) {
    if (!(Math.abs(expected - actual) <= 1e-9 * Math.max(1.0, Math.abs(expected)))) {
      throw new IllegalStateException(what + " score of contact " + contact + " must equal the "
          + "object API's " + expected + " to 1e-9, but was " + actual);
    }
  }
}
