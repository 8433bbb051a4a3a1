package dev.scoring.core.live;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Delivers a {@link LiveScorer}'s tier changes (of contacts, {@link TierChange}, or of
 * accounts, {@link AccountTierChange}, each kind through its own instance) to its listeners:
 * each change once, the changes of one contact (or account) in the order they were queued,
 * outside every contact lock.
 *
 * @param <T> the kind of change
 * @param <L> the kind of listener
 *
 * <p>Changes are numbered and queued per contact while the contact's lock is held
 * ({@link #enqueue}), so the queue order is the order of the contact's operations; after the
 * lock is released, {@link #deliver} drains the contact's queue unless another thread is
 * already draining it (that thread then delivers these changes too, before it returns).
 *
 * <p>Listener failures: whatever a listener throws, {@link RuntimeException} or
 * {@link Error}, is caught and logged at level ERROR, the change still goes to the other
 * listeners, and delivery goes on with the next change. A failing listener never makes the
 * scorer's operation throw: by the time listeners run, the operation's effect is stored, and
 * an exception would tell the caller it failed. (A {@link VirtualMachineError} such as
 * {@link OutOfMemoryError} is caught too: the JVM reports it through the log, and state stays
 * consistent.) Thread-safe.
 */
final class TierChangeDelivery<T, L> {
  private static final System.Logger LOG =
      System.getLogger(TierChangeDelivery.class.getName());

  private final List<L> listeners;
  private final BiConsumer<L, T> call;
  private final AtomicLong sequence = new AtomicLong();
  private final ConcurrentHashMap<String, Outbox<T>> outboxes = new ConcurrentHashMap<>();
  /** Test hook: called with the contact id just before a thread drains its queue. */
  volatile Consumer<String> beforeDrain = id -> { };

  TierChangeDelivery(List<L> listeners, BiConsumer<L, T> call) {
    this.listeners = List.copyOf(listeners);
    this.call = call;
  }

  /** Returns whether there is no listener (changes need not be built). */
  boolean silent() {
    return listeners.isEmpty();
  }

  /** Returns the next sequence number. */
  long nextSequence() {
    return sequence.incrementAndGet();
  }

  /** Queues a contact's changes; called under the contact's lock. */
  void enqueue(String id, List<T> changes) {
    if (changes.isEmpty()) {
      return;
    }
    outboxes.compute(id, (k, box) -> {
      Outbox<T> b = box == null ? new Outbox<>() : box;
      b.queue.addAll(changes);
      return b;
    });
  }

  /**
   * Delivers a contact's queued changes, in order, unless another thread is doing so (it
   * will then deliver ours too). Called outside every lock.
   */
  void deliver(String id) {
    Outbox<T> box = outboxes.get(id);
    if (box == null) {
      return;
    }
    beforeDrain.accept(id);
    while (true) {
      if (!box.draining.compareAndSet(false, true)) {
        return;
      }
      try {
        T c;
        while ((c = box.queue.poll()) != null) {
          notifyListeners(c);
        }
      } finally {
        box.draining.set(false);
      }
      if (box.queue.isEmpty()) {
        // Drop the outbox unless a change was queued meanwhile (then drain again).
        Outbox<T> drained = box;
        Outbox<T> left = outboxes.computeIfPresent(id,
            (k, b) -> b == drained && b.queue.isEmpty() && !b.draining.get() ? null : b);
        if (left != drained || left.queue.isEmpty()) {
          return;
        }
      }
    }
  }

  private void notifyListeners(T c) {
    for (L l : listeners) {
      try {
        call.accept(l, c);
      } catch (Throwable ex) { // the contract above: nothing reaches the operation's caller
        LOG.log(System.Logger.Level.ERROR, "tier change listener " + l + " failed on " + c, ex);
      }
    }
  }

  /** A contact's changes waiting for delivery, and who is delivering them. */
  private static final class Outbox<T> {
    final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    final AtomicBoolean draining = new AtomicBoolean();
  }
}
