package dev.scoring.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary being built: values numbered 1, 2, ... in order of first appearance (0 means
 * "not in it"), as {@link AttributeColumn} values and {@link ContactTable} event types are.
 * Values are compared with {@code equals}, as in a {@link HashMap}.
 *
 * <p>A reader hands the same values over and over, mostly as the same instances (a JSON
 * reader's canonical names and string cache). So a small direct-mapped cache, indexed by the
 * value's hash and checked by reference and then by {@code equals}, answers most lookups
 * before the map: no map node walk, no boxed code. It has twice as many slots as the
 * dictionary has values (a power of two, so that few values collide), up to
 * {@link #MAX_CACHE}: its memory stays within a constant factor of the dictionary's.
 * Every lookup costs constant time plus at most one map lookup, as the map alone did.
 *
 * <p>Not thread-safe: one builder's.
 */
final class ValueCodes {
  /** The most slots the cache has (a power of two). */
  static final int MAX_CACHE = 1024;

  private final Map<Object, Integer> codes = new HashMap<>();
  private final List<Object> values = new ArrayList<>();
  /** Cached values, and their codes, at {@code slot(hash)}; null where empty. */
  private Object[] cached = new Object[2];
  private int[] cachedCodes = new int[2];

  /** Returns the number of values. */
  int size() {
    return values.size();
  }

  /** Returns the value of a code, {@code 1 <= code <= size()}. */
  Object value(int code) {
    return values.get(code - 1);
  }

  /** Returns the code of a value, or 0 when it is not in the dictionary. */
  int code(Object value) {
    int slot = slot(value.hashCode());
    Object c = cached[slot];
    if (c == value || c != null && c.equals(value)) {
      return cachedCodes[slot];
    }
    return lookUp(value, slot);
  }

  /** As {@link #code(Object)} for a string (no call through {@link Object#equals}). */
  int code(String value) {
    int slot = slot(value.hashCode());
    Object c = cached[slot];
    if (c == value || c instanceof String s && value.equals(s)) {
      return cachedCodes[slot];
    }
    return lookUp(value, slot);
  }

  /** As {@link #code(Object)} for a {@link Long}, boxing it only when it is not cached. */
  int code(long value) {
    int slot = slot(Long.hashCode(value));
    if (cached[slot] instanceof Long c && c == value) {
      return cachedCodes[slot];
    }
    return lookUp(value, slot);
  }

  /**
   * As {@link #code(Object)} for a {@link Double} (equal as {@link Double#equals} has it),
   * boxing it only when it is not cached.
   */
  int code(double value) {
    int slot = slot(Double.hashCode(value));
    if (cached[slot] instanceof Double c
        && Double.doubleToLongBits(c) == Double.doubleToLongBits(value)) {
      return cachedCodes[slot];
    }
    return lookUp(value, slot);
  }

  /** The cache slot of a hash code. */
  private int slot(int h) {
    return (h ^ h >>> 7 ^ h >>> 16) & cached.length - 1;
  }

  /** Looks a value up in the map, and caches what it finds in the slot. */
  private int lookUp(Object value, int slot) {
    Integer code = codes.get(value);
    if (code == null) {
      return 0;
    }
    cached[slot] = value;
    cachedCodes[slot] = code;
    return code;
  }

  /**
   * Adds a value that is not in the dictionary.
   *
   * @return its code, the new {@link #size()}
   */
  int add(Object value) {
    values.add(value);
    int code = values.size();
    codes.put(value, code);
    if (2 * code > cached.length && cached.length < MAX_CACHE) {
      int capacity = Math.min(MAX_CACHE, Integer.highestOneBit(code) << 2);
      cached = new Object[capacity];
      cachedCodes = new int[capacity];
    }
    return code;
  }

  /** Returns the code of a value, adding it when new. */
  int codeOrAdd(Object value) {
    int code = code(value);
    return code != 0 ? code : add(value);
  }

  /** Removes the value added last (an aborted row's). */
  void removeLast() {
    codes.remove(values.remove(values.size() - 1));
    Arrays.fill(cached, null);
  }

  /** Empties the dictionary. */
  void clear() {
    codes.clear();
    values.clear();
    cached = new Object[2];
    cachedCodes = new int[2];
  }

  /** Returns the values in code order. */
  Object[] toArray() {
    return values.toArray();
  }

  /** Returns the values in code order, in an array of the given type. */
  <T> T[] toArray(T[] a) {
    return values.toArray(a);
  }
}
