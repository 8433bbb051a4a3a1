package dev.scoring.api.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The stored form of attribute values, shared by {@link dev.scoring.api.Contact} and the
 * scoring engine. Not part of the public API: this package is exported to
 * {@code dev.scoring.core} only.
 *
 * <p>Stateless and thread-safe.
 */
public final class Attributes {
  private Attributes() {}

  /**
   * Normalises an attribute value: {@code null} stays null, whole numbers that fit a
   * {@code long} become {@link Long}, other numbers {@link Double}, strings and booleans are
   * kept.
   *
   * @param name  the attribute name, for the error message
   * @param value the value to normalise
   * @return the stored form of the value, or null for an absent attribute
   * @throws IllegalArgumentException if the value is a non-finite number or of another type
   */
  public static Object normalize(String name, Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    if (value instanceof BigDecimal dec && dec.signum() == 0) {
      return 0L;
    }
    if (value instanceof BigDecimal dec && dec.stripTrailingZeros().scale() <= 0
        && dec.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return dec.longValueExact();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(
            "attribute '" + name + "' must be a finite number, but was " + value);
      }
      return d;
    }
    String kind = value instanceof java.util.Collection<?> ? "a list"
        : value instanceof java.util.Map<?, ?> ? "an object"
        : "a " + value.getClass().getSimpleName();
    throw new IllegalArgumentException("attribute '" + name
        + "' must be a string, a finite number or a boolean, but was " + value + " (" + kind
        + ")");
  }
}
