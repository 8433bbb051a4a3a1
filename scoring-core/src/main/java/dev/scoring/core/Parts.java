package dev.scoring.core;

import java.util.function.IntConsumer;

/**
 * Runs the parts of a batch computation on their own threads: part 0 on the caller's thread,
 * parts 1 to {@code parts - 1} on new daemon threads. Waits for every part, keeps the caller's
 * interrupt status, and rethrows the first failure of a worker. The batch, set and account
 * scorers share it.
 */
final class Parts {
  private Parts() {}

  /**
   * Runs {@code part.accept(p)} for every p in {@code [0, parts)} and returns when all are done.
   *
   * @param parts how many parts, at least 1
   * @param name  the name of the work, for thread names and errors ("batch scoring")
   * @param part  the work of one part; parts must not share mutable state
   * @throws IllegalStateException if a worker fails (the results are then incomplete)
   */
  static void run(int parts, String name, IntConsumer part) {
    Thread[] workers = new Thread[parts];
    Throwable[] failures = new Throwable[parts];
    for (int p = 1; p < parts; p++) {
      int index = p;
      workers[p] = new Thread(() -> {
        try {
          part.accept(index);
        } catch (Throwable t) {
          failures[index] = t;
        }
      }, name.replace(' ', '-') + "-" + p);
      workers[p].setDaemon(true);
      workers[p].start();
    }
    part.accept(0);
    boolean interrupted = false;
    for (int p = 1; p < parts; p++) {
      while (true) {
        try {
          workers[p].join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (int p = 1; p < parts; p++) {
      if (failures[p] != null) {
        throw new IllegalStateException(name + " worker " + p + " must complete, but failed: "
            + failures[p], failures[p]);
      }
    }
  }
}
