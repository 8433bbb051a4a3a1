package dev.scoring.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Something a command needs later, made on a daemon thread of its own meanwhile (the model
 * of {@code score}, loaded while the first blocks of contacts are read). {@link #get()} waits
 * for it and throws what making it threw, the same exception each time it is asked.
 * Thread-safe.
 *
 * @param <T> what is made
 */
final class Loading<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private Loading() {}

  /**
   * Starts making the value.
   *
   * @param <T>    what is made
   * @param name   the thread's name
   * @param making makes it (may throw)
   * @return the loading, under way
   */
  static <T> Loading<T> start(String name, Supplier<T> making) {
    Loading<T> loading = new Loading<>();
    Thread thread = new Thread(() -> {
      try {
        loading.result.complete(making.get());
      } catch (Throwable t) { // handed to whoever asks for the value
        loading.result.completeExceptionally(t);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return loading;
  }

  /** Whether the value is made, or failed. */
  boolean isDone() {
    return result.isDone();
  }

  /**
   * Waits for the value.
   *
   * @return the value
   * @throws RuntimeException what making it threw, if it threw one (or an {@link Error})
   */
  T get() {
    try {
      return result.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error r) {
        throw r;
      }
      throw e;
    }
  }
}
