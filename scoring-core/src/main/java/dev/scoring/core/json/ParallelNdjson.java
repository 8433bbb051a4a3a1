package dev.scoring.core.json;

import dev.scoring.core.ContactTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reads NDJSON into a {@link ContactTable} on several threads: the calling thread cuts the
 * input into chunks at line boundaries (after a {@code \n}, so a {@code \r\n} is never cut),
 * workers parse the chunks in parallel into tables of their own, and the tables are joined
 * in order ({@link ContactTable#concat}). Line numbers of bad lines are made true again
 * when the chunks are joined. A file whose lines all end with a lone {@code \r} has no place
 * to cut and is read as one chunk. At most two chunks per thread are held as bytes at a time.
 *
 * <p>Used once, by one thread.
 */
final class ParallelNdjson {
  /** The size a chunk is cut at (the next line end after it). */
  static final int CHUNK = 4 * 1024 * 1024;

  private ParallelNdjson() {}

  /** What a worker made of one chunk. */
  private record Part(ContactTable table, long lines, List<BadLine> bad,
      ContactJsonException failure) {}

  static ContactTable read(InputStream in, int threads, ContactJson json,
      Consumer<BadLine> onBadLine, int chunkSize) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ndjson-reader");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Part>> parts = new ArrayList<>();
      byte[] carry = new byte[0];
      boolean first = true;
      boolean eof = false;
      int done = 0;
      while (!eof) {
        byte[] chunk = Arrays.copyOf(carry, Math.max(chunkSize, carry.length + chunkSize));
        int length = carry.length;
        int cut = -1;
        while (cut < 0) {
          int n = in.read(chunk, length, chunk.length - length);
          if (n < 0) {
            eof = true;
            break;
          }
          length += n;
          if (length == chunk.length) {
            cut = lastLineFeed(chunk, carry.length, length);
            if (cut < 0) {
              chunk = Arrays.copyOf(chunk, chunk.length * 2);
            }
          }
        }
        int end = eof ? length : cut + 1;
        carry = Arrays.copyOfRange(chunk, end, length);
        if (end == 0 && eof) {
          break;
        }
        boolean atStart = first;
        first = false;
        byte[] bytes = chunk;
        int size = end;
        parts.add(pool.submit(() -> parse(bytes, size, atStart, json, onBadLine != null)));
        // at most two chunks per thread waiting or in work: the input is never all in memory
        while (parts.size() - done > 2 * threads) {
          get(parts.get(done++));
        }
      }
      List<ContactTable> tables = new ArrayList<>(parts.size());
      long offset = 0;
      for (Future<Part> f : parts) {
        Part p = get(f);
        if (p.failure() != null) {
          ContactJsonException e = p.failure();
          throw new ContactJsonException(e.line() + offset, e.path(),
              renumber(e.getMessage(), e.line(), e.line() + offset));
        }
        for (BadLine b : p.bad()) {
          onBadLine.accept(new BadLine(b.line() + offset, b.path(),
              renumber(b.message(), b.line(), b.line() + offset)));
        }
        tables.add(p.table());
        offset += p.lines();
      }
      return ContactTable.concat(tables);
    } catch (IOException e) {
      throw new UncheckedIOException("the input must be readable, but was not: "
          + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
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

  private static Part parse(byte[] bytes, int length, boolean atStart, ContactJson json,
      boolean report) {
    ContactTable.Builder table = ContactTable.builder();
    List<BadLine> bad = new ArrayList<>();
    NdjsonReader reader = new NdjsonReader(new ByteArrayInputStream(bytes, 0, length),
        json.newParser(), json.limits(), atStart);
    while (true) {
      try {
        if (!reader.next(table.sink())) {
          break;
        }
      } catch (ContactJsonException e) {
        if (!report) {
          return new Part(null, 0, List.of(), e);
        }
        bad.add(e.toBadLine());
      }
    }
    return new Part(table.build(), reader.lineNumber(), bad, null);
  }

  private static String renumber(String message, long from, long to) {
    String prefix = "line " + from + ": ";
    return message.startsWith(prefix) ? "line " + to + ": " + message.substring(prefix.length())
        : message;
  }

  private static Part get(Future<Part> f) {
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
