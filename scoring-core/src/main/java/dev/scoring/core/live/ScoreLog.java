package dev.scoring.core.live;

import java.util.ArrayList;
import java.util.List;

/**
 * A contact's most recent score changes, oldest first, at most a fixed number (a ring).
 * Not thread-safe: used under the contact's lock.
 */
final class ScoreLog {
  private final ScoreChange[] ring;
  private int start;
  private int count;

  ScoreLog(int capacity) {
    ring = new ScoreChange[capacity];
  }

  void add(ScoreChange c) {
    if (count < ring.length) {
      ring[(start + count++) % ring.length] = c;
    } else {
      ring[start] = c;
      start = (start + 1) % ring.length;
    }
  }

  List<ScoreChange> toList() {
    List<ScoreChange> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(ring[(start + i) % ring.length]);
    }
    return List.copyOf(list);
  }
}
