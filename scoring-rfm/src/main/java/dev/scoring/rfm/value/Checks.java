package dev.scoring.rfm.value;

/** Argument checks with the project's message template. */
final class Checks {
  private Checks() {}

  static void positive(String where, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(where + " must be finite and > 0, but was " + value);
    }
  }

  static void horizon(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("t must be finite and at least 0, but was " + t);
    }
  }

  static void history(int x, double recency, double age) {
    if (x < 0) {
      throw new IllegalArgumentException("x must be at least 0, but was " + x);
    }
    if (!(age >= 0) || Double.isInfinite(age)) {
      throw new IllegalArgumentException("T must be finite and at least 0, but was " + age);
    }
    if (!(recency >= 0 && recency <= age)) {
      throw new IllegalArgumentException(
          "t_x must be in [0, T = " + age + "], but was " + recency);
    }
  }
}
