package dev.scoring.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary being built: values numbered 1, 2, ... in order of first appearance (0 means
 * "not in it"), as {@link AttributeColumn} values and {@link ContactTable} event types are.
 * Values are compared with {@code equals}, as in a {@link HashMap}.
 *
 * <p>A reader hands the same few values over and over, mostly as the same instances (a JSON
 * reader's canonical names and string cache). So the first values are also kept in a small
 * open-addressing table, probed at most {@link #PROBES} slots from the value's hash and
 * compared by hash, then reference, then {@code equals}: most lookups end there, with no
 * map node walk and no boxed code. The table has two to four slots per value it holds, up
 * to {@link #MAX_SLOTS}; a value that finds no free slot among its probes (many values, or
 * values whose hashes collide) is found through the {@link HashMap} alone, as all were
 * before. So every lookup costs at most {@link #PROBES} probes plus one map lookup, and the
 * table's memory stays within a constant factor of the dictionary's.
 *
 * <p>Not thread-safe: one builder's.
 */
final class ValueCodes {
  /** The most slots the table has (a power of two). */
  static final int MAX_SLOTS = 1024;
  /** The most slots a lookup probes. */
  static final int PROBES = 4;

  private final Map<Object, Integer> codes = new HashMap<>();
  private final List<Object> values = new ArrayList<>();
  /** Per slot: a value (null where empty), its hash code and its code. */
  private Object[] slots;
  private int[] hashes;
  private int[] slotCodes;
  /** The number of values in the table. */
  private int held;
  /** Whether every value is in the table ({@code held == size()}): then a value not found
   * there is new. */
  private boolean complete;

  ValueCodes() {
    clear();
  }

  /** Returns the number of values. */
  int size() {
    return values.size();
  }

  /** Returns the code of a value, or 0 when it is not in the dictionary. */
  int code(Object value) {
    int h = value.hashCode();
    int mask = slots.length - 1;
    for (int p = 0, s = spread(h) & mask; p < PROBES; p++, s = s + 1 & mask) {
      Object k = slots[s];
      if (k == null) {
        break;
      }
      if (hashes[s] == h && (k == value || k.equals(value))) {
        return slotCodes[s];
      }
    }
    return inMap(value);
  }

  /** As {@link #code(Object)} for a string (no call through {@link Object#equals}). */
  int code(String value) {
    int h = value.hashCode();
    int mask = slots.length - 1;
    for (int p = 0, s = spread(h) & mask; p < PROBES; p++, s = s + 1 & mask) {
      Object k = slots[s];
      if (k == null) {
        break;
      }
      if (hashes[s] == h && (k == value || value.equals(k))) {
        return slotCodes[s];
      }
    }
    return inMap(value);
  }

  /** As {@link #code(Object)} for a {@link Long}, boxing it only when not in the table. */
  int code(long value) {
    int h = Long.hashCode(value);
    int mask = slots.length - 1;
    for (int p = 0, s = spread(h) & mask; p < PROBES; p++, s = s + 1 & mask) {
      Object k = slots[s];
      if (k == null) {
        break;
      }
      if (hashes[s] == h && k instanceof Long c && c == value) {
        return slotCodes[s];
      }
    }
    return complete ? 0 : inMap(value);
  }

  /**
   * As {@link #code(Object)} for a {@link Double} (equal as {@link Double#equals} has it:
   * {@code 0.0} and {@code -0.0} differ), boxing it only when not in the table.
   */
  int code(double value) {
    int h = Double.hashCode(value);
    int mask = slots.length - 1;
    for (int p = 0, s = spread(h) & mask; p < PROBES; p++, s = s + 1 & mask) {
      Object k = slots[s];
      if (k == null) {
        break;
      }
      if (hashes[s] == h && k instanceof Double c
          && Double.doubleToLongBits(c) == Double.doubleToLongBits(value)) {
        return slotCodes[s];
      }
    }
    return complete ? 0 : inMap(value);
  }

  private static int spread(int h) {
    return h ^ h >>> 7 ^ h >>> 16;
  }

  /** The code of a value not found in the table: 0 when the table holds every value. */
  private int inMap(Object value) {
    if (complete) {
      return 0;
    }
    Integer code = codes.get(value);
    return code == null ? 0 : code;
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
    if (2 * code > slots.length && slots.length < MAX_SLOTS) {
      // two to four slots per value: put every value again
      int capacity = Math.min(MAX_SLOTS, Integer.highestOneBit(code) << 2);
      slots = new Object[capacity];
      hashes = new int[capacity];
      slotCodes = new int[capacity];
      held = 0;
      for (int i = 0; i < code; i++) {
        put(values.get(i), i + 1);
      }
    } else {
      put(value, code);
    }
    complete = held == code;
    return code;
  }

  /** Puts a value in the table's first free slot among its probes, if there is one. */
  private void put(Object value, int code) {
    int h = value.hashCode();
    int mask = slots.length - 1;
    for (int p = 0, s = spread(h) & mask; p < PROBES; p++, s = s + 1 & mask) {
      if (slots[s] == null) {
        slots[s] = value;
        hashes[s] = h;
        slotCodes[s] = code;
        held++;
        return;
      }
    }
  }

  /**
   * Removes the value added last (an aborted row's). It was put in the table last, so no
   * other value's probes pass over its slot (they found their slots before it was taken):
   * emptying that slot keeps every other value found.
   */
  void removeLast() {
    int code = values.size();
    Object value = values.remove(code - 1);
    codes.remove(value);
    int mask = slots.length - 1;
    for (int p = 0, s = spread(value.hashCode()) & mask; p < PROBES; p++, s = s + 1 & mask) {
      if (slots[s] != null && slotCodes[s] == code) {
        slots[s] = null;
        hashes[s] = 0;
        slotCodes[s] = 0;
        held--;
        break;
      }
    }
    complete = held == values.size();
  }

  /** Empties the dictionary. */
  void clear() {
    codes.clear();
    values.clear();
    slots = new Object[2];
    hashes = new int[2];
    slotCodes = new int[2];
    held = 0;
    complete = true;
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
