package dev.scoring.core;

import dev.scoring.core.internal.Numbers;
import java.util.List;

/**
 * A {@link Condition} with its operands resolved for fast matching: numbers and booleans
 * parsed once at build time. Immutable and thread-safe.
 */
final class CompiledCondition {
  private final Condition.Operator operator;
  private final boolean ignoreCase;
  private final double lo;
  private final double hi;
  private final boolean presentWanted;
  /** Per equality operand: the string (null unless a string operand). */
  private final String[] strings;
  /** Per equality operand: its numeric value, NaN when not a number. */
  private final double[] numbers;
  /** Per equality operand: 1 true, 0 false, -1 not a boolean. */
  private final int[] booleans;

  CompiledCondition(Condition condition) {
    this.operator = condition.operator();
    this.ignoreCase = condition.ignoreCase();
    List<Object> ops = condition.operands();
    double low = Double.NaN;
    double high = Double.NaN;
    boolean wanted = false;
    String[] strs = new String[0];
    double[] nums = new double[0];
    int[] bools = new int[0];
    switch (operator) {
      case BETWEEN -> {
        low = ((Number) ops.get(0)).doubleValue();
        high = ((Number) ops.get(1)).doubleValue();
      }
      case AT_LEAST -> low = ((Number) ops.get(0)).doubleValue();
      case BELOW -> high = ((Number) ops.get(0)).doubleValue();
      case PRESENT -> wanted = (Boolean) ops.get(0);
      case EQUALS, IN -> {
        int n = ops.size();
        strs = new String[n];
        nums = new double[n];
        bools = new int[n];
        for (int k = 0; k < n; k++) {
          Object o = ops.get(k);
          nums[k] = Double.NaN;
          bools[k] = -1;
          if (o instanceof String s) {
            strs[k] = s;
            nums[k] = Numbers.parse(s);
            bools[k] = Numbers.parseBoolean(s);
          } else if (o instanceof Number num) {
            nums[k] = num.doubleValue();
          } else if (o instanceof Boolean b) {
            bools[k] = b ? 1 : 0;
          }
        }
      }
      default -> throw new AssertionError(operator);
    }
    this.lo = low;
    this.hi = high;
    this.presentWanted = wanted;
    this.strings = strs;
    this.numbers = nums;
    this.booleans = bools;
  }

  /**
   * Whether an attribute value matches.
   *
   * @param v a {@link String}, {@link Long}, {@link Double}, {@link Boolean} or null (absent)
   */
  boolean matches(Object v) {
    switch (operator) {
      case PRESENT -> {
        boolean present = v != null && !(v instanceof String s && s.isBlank());
        return present == presentWanted;
      }
      case EQUALS, IN -> {
        if (v == null) {
          return false;
        }
        for (int k = 0; k < strings.length; k++) {
          if (equalsOperand(k, v)) {
            return true;
          }
        }
        return false;
      }
      case BETWEEN -> {
        double x = numeric(v);
        return lo <= x && x <= hi;
      }
      case AT_LEAST -> {
        return numeric(v) >= lo;
      }
      case BELOW -> {
        return numeric(v) < hi;
      }
      default -> throw new AssertionError(operator);
    }
  }

  private boolean equalsOperand(int k, Object v) {
    if (v instanceof String s) {
      String operand = strings[k];
      if (operand != null) {
        return ignoreCase ? operand.equalsIgnoreCase(s) : operand.equals(s);
      }
      if (booleans[k] >= 0) {
        return Numbers.parseBoolean(s) == booleans[k];
      }
      return Numbers.parse(s) == numbers[k];
    }
    if (v instanceof Boolean b) {
      return booleans[k] == (b ? 1 : 0);
    }
    return numeric(v) == numbers[k];
  }

  /** The numeric value of an attribute, NaN when it has none. */
  static double numeric(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof String s) {
      return Numbers.parse(s);
    }
    return Double.NaN;
  }
}
