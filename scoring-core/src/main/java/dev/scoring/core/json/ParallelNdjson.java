package dev.scoring.core.json;

import dev.scoring.core.ContactTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads NDJSON in blocks on several threads: the calling thread cuts the input into chunks at
 * line boundaries (after a {@code \n}, so a {@code \r\n} is never cut), workers parse the
 * chunks in parallel into tables of their own and run the caller's work on each table, and
 * the calling thread hands the results on in input order. Line numbers of bad lines are made
 * true again as the chunks are handed on. A file whose lines all end with a lone {@code \r}
 * has no place to cut and is read as one chunk. At most two chunks per thread are held at a
 * time (waiting, in work or done but not yet handed on), and chunk buffers are reused, so
 * memory is linear in the chunk size and the threads, never in the input.
 *
 * <p>Used once, by one thread.
 */
final class ParallelNdjson {
  /** The size a chunk is cut at (the next line end after it). */
  static final int CHUNK = 4 * 1024 * 1024;

  private ParallelNdjson() {}

  /**
   * What a worker made of one chunk: the work's result on the chunk's good contacts (null
   * when it held none), its line count, its bad lines (numbered
   * within the chunk) and, failing fast, the first bad line's exception.
   */
  private record Part<R>(R result, int contacts, long lines, List<BadLine> bad,
      ContactJsonException failure) {}

  /** Reads the whole input into one table: the blocks joined in order. */
  static ContactTable read(InputStream in, int threads, ContactJson json,
      Consumer<BadLine> onBadLine, int chunkSize) {
    List<ContactTable> tables = new ArrayList<>();
    stream(in, threads, json, onBadLine, chunkSize, table -> table, tables::add);
    return ContactTable.concat(tables);
  }

  /**
   * Reads the input in blocks, runs {@code work} on each block's table on a worker thread
   * and hands the results to {@code inOrder} on the calling thread, in input order, each
   * after the bad lines of its block.
   *
   * @return the number of contacts read
   */
  static <R> long stream(InputStream in, int threads, ContactJson json,
      Consumer<BadLine> onBadLine, int chunkSize, Function<ContactTable, R> work,
      Consumer<? super R> inOrder) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
    }
    if (chunkSize < 1) {
      throw new IllegalArgumentException("blockBytes must be at least 1, but was " + chunkSize);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ndjson-reader");
      t.setDaemon(true);
      return t;
    });
    Queue<byte[]> free = new ConcurrentLinkedQueue<>();
    // room for a line's tail carried over from the chunk before, so buffers can be reused
    int capacity = chunkSize + Math.max(64, chunkSize >> 4);
    Delivery<R> delivery = new Delivery<>(onBadLine, inOrder);
    Density density = new Density();
    Queue<ContactParser> parsers = new ConcurrentLinkedQueue<>();
    try {
      ArrayDeque<Future<Part<R>>> pending = new ArrayDeque<>();
      byte[] chunk = new byte[capacity];
      int length = 0; // bytes in chunk; [0, carried) came from the chunk before
      int carried = 0;
      boolean first = true;
      boolean eof = false;
      while (!eof) {
        int cut = -1;
        while (cut < 0) {
          int n = in.read(chunk, length, Math.min(chunk.length, carried + chunkSize) - length);
          if (n < 0) {
            eof = true;
            break;
          }
          length += n;
          if (length == Math.min(chunk.length, carried + chunkSize)) {
            cut = lastLineFeed(chunk, carried, length);
            if (cut < 0) {
              if (length == chunk.length) {
                chunk = java.util.Arrays.copyOf(chunk, chunk.length * 2);
              }
              carried = length; // no line end yet: read on (a line longer than a chunk)
            }
          }
        }
        int end = eof ? length : cut + 1;
        if (end == 0 && eof) {
          break;
        }
        byte[] next = free.poll();
        if (next == null || next.length < Math.max(capacity, length - end + chunkSize)) {
          next = new byte[Math.max(capacity, length - end + chunkSize)];
        }
        System.arraycopy(chunk, end, next, 0, length - end);
        boolean atStart = first;
        first = false;
        byte[] bytes = chunk;
        int size = end;
        pending.add(pool.submit(() -> parse(bytes, size, atStart, json, onBadLine != null,
            work, free, density, parsers)));
        chunk = next;
        length = length - end;
        carried = length;
        // hand on what is done; at most two chunks per thread held at a time
        while (!pending.isEmpty()
            && (pending.size() > 2 * threads || pending.peek().isDone())) {
          delivery.accept(get(pending.poll()));
        }
      }
      while (!pending.isEmpty()) {
        delivery.accept(get(pending.poll()));
      }
      return delivery.contacts;
    } catch (IOException e) {
      throw new UncheckedIOException("the input must be readable, but was not: "
          + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Hands the parts on in order, renumbering their lines. Calling thread only. */
  private static final class Delivery<R> {
    private final Consumer<BadLine> onBadLine;
    private final Consumer<? super R> inOrder;
    private long offset;
    private long contacts;

    Delivery(Consumer<BadLine> onBadLine, Consumer<? super R> inOrder) {
      this.onBadLine = onBadLine;
      this.inOrder = inOrder;
    }

    void accept(Part<R> p) {
      for (BadLine b : p.bad()) {
        onBadLine.accept(new BadLine(b.line() + offset, b.path(),
            renumber(b.message(), b.line(), b.line() + offset)));
      }
      if (p.result() != null) {
        inOrder.accept(p.result());
      }
      contacts += p.contacts();
      if (p.failure() != null) {
        ContactJsonException e = p.failure();
        throw new ContactJsonException(e.line() + offset, e.path(),
            renumber(e.getMessage(), e.line(), e.line() + offset));
      }
      offset += p.lines();
    }
  }

  /** The index of the last {@code \n} in {@code [from, to)}, or -1. */
  private static int lastLineFeed(byte[] b, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Contacts and events per byte in the blocks read so far, to size each block's table
   * before it is read (so its arrays need not grow while it fills): written by every worker,
   * racily, which at worst sizes a table less well.
   */
  private static final class Density {
    private volatile double contactsPerByte;
    private volatile double eventsPerByte;

    /** Sizes a table for {@code length} bytes; nothing before the first block is known. */
    void size(ContactTable.Builder table, int length) {
      double c = contactsPerByte;
      if (c > 0) {
        // a little room over the estimate, so a block a bit denser than the last fits
        table.expectedContacts((int) Math.min(Integer.MAX_VALUE - 16, c * length * 1.05 + 8));
        table.expectedEvents((int) Math.min(Integer.MAX_VALUE - 16,
            eventsPerByte * length * 1.05 + 64));
      }
    }

    void learn(int length, ContactTable table) {
      if (length > 0 && table.size() > 0) {
        contactsPerByte = table.size() / (double) length;
        eventsPerByte = table.eventCount() / (double) length;
      }
    }
  }

  private static <R> Part<R> parse(byte[] bytes, int length, boolean atStart, ContactJson json,
      boolean report, Function<ContactTable, R> work, Queue<byte[]> free, Density density,
      Queue<ContactParser> parsers) {
    ContactTable.Builder table = ContactTable.builder();
    density.size(table, length);
    // a parser per worker at a time, kept from block to block with its cache of strings
    ContactParser parser = parsers.poll();
    if (parser == null) {
      parser = json.newParser();
    }
    List<BadLine> bad = new ArrayList<>();
    NdjsonReader reader = new NdjsonReader(bytes, length, parser, json.limits(), atStart);
    ContactJsonException failure = null;
    while (true) {
      try {
        if (!reader.next(table.sink())) {
          break;
        }
      } catch (ContactJsonException e) {
        if (!report) {
          failure = e;
          break;
        }
        bad.add(e.toBadLine());
      }
    }
    free.offer(bytes); // parsed: the buffer may take another chunk
    parsers.offer(parser);
    ContactTable contacts = table.build();
    density.learn(length, contacts);
    R result = contacts.size() == 0 ? null : work.apply(contacts); // no empty block
    return new Part<>(result, contacts.size(), reader.lineNumber(), bad, failure);
  }

  private static String renumber(String message, long from, long to) {
    String prefix = "line " + from + ": ";
    return message.startsWith(prefix) ? "line " + to + ": " + message.substring(prefix.length())
        : message;
  }

  private static <R> Part<R> get(Future<Part<R>> f) {
    while (true) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("reading must not be interrupted, but was", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }
}
