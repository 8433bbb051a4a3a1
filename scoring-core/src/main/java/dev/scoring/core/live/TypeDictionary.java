package dev.scoring.core.live;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event type names to small integers, shared by every contact of a scorer, so a stored event
 * holds an {@code int} instead of a string. It only grows (by the types some model version
 * reads, and the types the scorer is told to keep), so its size is bounded by those types.
 * Thread-safe: lookups are lock-free, additions serialised.
 */
final class TypeDictionary {
  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private volatile String[] names = new String[16];
  private int size; // guarded by this

  /** Returns the id of a type, or -1 when it has none. */
  int id(String type) {
    Integer id = ids.get(type);
    return id == null ? -1 : id;
  }

  /** Returns the id of a type, giving it the next one when it has none. */
  int intern(String type) {
    Integer id = ids.get(type);
    if (id != null) {
      return id;
    }
    synchronized (this) {
      id = ids.get(type);
      if (id != null) {
        return id;
      }
      String[] n = names;
      if (size == n.length) {
        n = Arrays.copyOf(n, size * 2);
      }
      n[size] = type;
      names = n; // publish the name before the id
      ids.put(type, size);
      return size++;
    }
  }

  /** Returns the name of an id returned by {@link #intern}. */
  String name(int id) {
    return names[id];
  }
}
