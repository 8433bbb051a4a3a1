package dev.scoring.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.scoring.api.Contact;
import dev.scoring.core.ContactTable;
import dev.scoring.core.json.ContactJson;
import dev.scoring.core.json.ContactLines;
import dev.scoring.core.json.ContactSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Reads the contacts an invocation names ({@link ContactOptions}) into a
 * {@link ContactTable}, in blocks of tables (NDJSON, {@link #blocks}), or hands them one by
 * one to a consumer. The one place the tool reads
 * contacts: NDJSON through the library's contact reader ({@link ContactJson}, the same
 * parser, limits and messages as every other path), CSV through FastCSV.
 *
 * <p>Bad lines are reported to {@link BadLines} with their line numbers and skipped; good
 * lines are never dropped. A file that cannot be read at all (missing, not gzip though it
 * says so, an unclosed CSV quote) is a {@link BadInputException}.
 *
 * <p>Not thread-safe: one instance per invocation.
 */
final class ContactSource {
  private final ContactOptions options;
  private final BadLines bad;
  private final boolean progress;
  private final PrintStream err;
  private final InputStream stdin;
  private final int threads;

  /**
   * @param options  the contacts options
   * @param bad      where bad lines go
   * @param progress false for {@code --no-progress}
   * @param root     the run: standard input ({@code --contacts -}) and error
   * @param threads  threads that parse NDJSON into a table, at least 1
   */
  ContactSource(ContactOptions options, BadLines bad, boolean progress, ScoringCli root,
      int threads) {
    this.options = options;
    this.threads = threads;
    this.stdin = root.in;
    PrintStream err = root.err;
    this.bad = bad;
    this.progress = progress;
    this.err = err;
    if (options.contacts == null && options.events == null) {
      throw new UsageException(
          "--contacts or --events must be given, but was neither");
    }
  }

  /**
   * Reads every good contact into a table.
   *
   * @return the table, in file order
   */
  ContactTable table() {
    ContactTable.Builder table = ContactTable.builder();
    if (isNdjson()) {
      if (threads > 1) {
        return readNdjson(options.contacts);
      }
      readNdjson(options.contacts, table.sink());
    } else {
      forEach(contact -> table.add(contact));
    }
    return table.build();
  }

  /**
   * Reads NDJSON contacts in blocks ({@link ContactJson#readBlocks}): each block's table goes
   * to {@code work} on one of the {@code threads} workers, and the results to
   * {@code inOrder} on this thread, in file order, each after its block's bad lines. Memory
   * is linear in the block size and the threads, never in the file.
   *
   * @param <R>        what the work makes of a block
   * @param blockBytes the size a block is cut at (the next line end after it)
   * @param work       runs on a worker, once per block
   * @param inOrder    receives the results in file order, on this thread
   * @param done       the contacts done so far, for the progress bar
   * @throws UsageException if the input is not NDJSON ({@link #isNdjson()})
   */
  <R> void blocks(int blockBytes, Function<ContactTable, R> work, Consumer<R> inOrder,
      LongSupplier done) {
    if (!isNdjson()) {
      throw new UsageException("--contacts must be NDJSON to be read in blocks, but was CSV");
    }
    Path file = options.contacts;
    String name = Io.isStdin(file) ? "stdin" : file.toString();
    Io.Input input = Io.open(file, "contacts", stdin);
    try (InputStream in = input.in();
         Progress bar = Progress.start(progress, err, "contacts scored", done,
             input.file()::count, input.size())) {
      ContactJson.defaults().readBlocks(in, threads, blockBytes,
          b -> bad.report(name, b.message()), work, inOrder);
    } catch (UncheckedIOException | IOException e) {
      throw new BadInputException(name + ": contacts file must be readable, but "
          + e.getMessage(), e);
    }
  }

  /**
   * Whether the contacts are NDJSON (not a contacts or events CSV).
   *
   * @return true for NDJSON
   * @throws UsageException if {@code --events} comes with an NDJSON {@code --contacts}
   */
  boolean isNdjson() {
    Path contacts = options.contacts;
    if (contacts != null && !Io.isCsv(contacts)) {
      if (options.events != null) {
        throw new UsageException(
            "--events must come with a contacts CSV, but --contacts was NDJSON: " + contacts);
      }
      return true;
    }
    return false;
  }

  /**
   * NDJSON into a table on several threads with the library's reader (chunks cut at line
   * ends, parsed in parallel, joined in order; bad lines with their true numbers, in order).
   */
  private ContactTable readNdjson(Path file) {
    String name = Io.isStdin(file) ? "stdin" : file.toString();
    Io.Input input = Io.open(file, "contacts", stdin);
    try (InputStream in = input.in();
         Progress bar = Progress.start(progress, err, "contacts read", null,
             input.file()::count, input.size())) {
      return ContactJson.defaults().readTable(in, threads, b -> bad.report(name, b.message()));
    } catch (UncheckedIOException | IOException e) {
      throw new BadInputException(name + ": contacts file must be readable, but "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(name + ": " + e.getMessage(), e);
    }
  }

  /**
   * NDJSON straight into table columns through the library's streaming reader on this
   * thread, no object per contact, counting the contacts for the progress bar.
   */
  private void readNdjson(Path file, ContactSink table) {
    String name = Io.isStdin(file) ? "stdin" : file.toString();
    Io.Input input = Io.open(file, "contacts", stdin);
    CountingSink sink = new CountingSink(table);
    try (InputStream in = input.in();
         Progress bar = Progress.start(progress, err, "contacts read", sink::count,
             input.file()::count, input.size())) {
      ContactJson.defaults().readInto(in, sink, b -> bad.report(name, b.message()));
    } catch (UncheckedIOException | IOException e) {
      throw new BadInputException(name + ": contacts file must be readable, but "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(name + ": " + e.getMessage(), e);
    }
  }

  /** Counts the contacts a reader completes, for the progress bar (read on its thread). */
  private static final class CountingSink implements ContactSink {
    private final ContactSink to;
    private volatile long count;

    CountingSink(ContactSink to) {
      this.to = to;
    }

    long count() {
      return count;
    }

    @Override
    public void begin(long line) {
      to.begin(line);
    }

    @Override
    public void id(String id) {
      to.id(id);
    }

    @Override
    public void attribute(String name, String value) {
      to.attribute(name, value);
    }

    @Override
    public void attribute(String name, long value) {
      to.attribute(name, value);
    }

    @Override
    public void attribute(String name, double value) {
      to.attribute(name, value);
    }

    @Override
    public void attribute(String name, boolean value) {
      to.attribute(name, value);
    }

    @Override
    public void event(String type, long epochSecond, int nano, boolean hasValue, double value) {
      to.event(type, epochSecond, nano, hasValue, value);
    }

    @Override
    public void end() {
      to.end();
      count++; // one writer thread: a volatile increment is enough
    }

    @Override
    public void abort() {
      to.abort();
    }
  }

  /**
   * Hands every good contact to a consumer, in file order. A contact the consumer refuses
   * with an {@link IllegalArgumentException} (say, an instant a table cannot hold) is
   * reported as a bad line too.
   *
   * @param sink receives the contacts
   */
  void forEach(Consumer<Contact> sink) {
    if (isNdjson()) {
      readNdjsonObjects(options.contacts, sink);
    } else {
      readCsv(options.contacts, options.events, sink);
    }
  }

  /** NDJSON as {@link Contact} objects, through the library's reader. */
  private void readNdjsonObjects(Path file, Consumer<Contact> sink) {
    String name = Io.isStdin(file) ? "stdin" : file.toString();
    Io.Input input = Io.open(file, "contacts", stdin);
    AtomicLong done = new AtomicLong();
    try (ContactLines lines = ContactJson.defaults().lines(input.in(),
            b -> bad.report(name, b.message()));
         Progress bar = Progress.start(progress, err, "contacts read", done::get,
             input.file()::count, input.size())) {
      while (lines.hasNext()) {
        Contact c = lines.next();
        try {
          sink.accept(c);
        } catch (IllegalArgumentException e) {
          bad.report(name, "line " + lines.lineNumber() + ": " + e.getMessage());
        }
        done.lazySet(lines.contactsRead());
      }
    } catch (UncheckedIOException | IOException e) {
      throw new BadInputException(name + ": contacts file must be readable, but "
          + e.getMessage(), e);
    }
  }

  private void readCsv(Path contactsFile, Path eventsFile, Consumer<Contact> sink) {
    // The contacts, in file order; events attach to them by id.
    Map<String, Contact.Builder> byId = new LinkedHashMap<>();
    if (contactsFile != null) {
      readContactsCsv(contactsFile, byId);
    }
    if (eventsFile != null) {
      readEventsCsv(eventsFile, byId, contactsFile == null);
    }
    for (Contact.Builder b : byId.values()) {
      sink.accept(b.build());
    }
  }

  private void readContactsCsv(Path file, Map<String, Contact.Builder> byId) {
    String name = file.toString();
    forEachRow(file, "contacts", (header, row) -> {
      int idIndex = column(header, options.idColumn, "--id-column", file);
      String id = row.getField(idIndex);
      if (id.isBlank()) {
        return "id must be a non-blank string, but was \"" + id + "\"";
      }
      if (byId.containsKey(id)) {
        return "id must be unique in the contacts file, but was \"" + id + "\" again";
      }
      Contact.Builder b = Contact.builder(id);
      for (int j = 0; j < header.size(); j++) {
        String v = row.getField(j);
        if (j != idIndex && !v.isEmpty()) {
          b.attribute(header.get(j), v);
        }
      }
      byId.put(id, b);
      return null;
    }, name);
  }

  private void readEventsCsv(Path file, Map<String, Contact.Builder> byId, boolean create) {
    String name = file.toString();
    String[] names = options.eventColumns.split(",", -1);
    if (names.length < 3 || names.length > 4) {
      throw new UsageException(
          "--event-columns must name 3 or 4 columns (id,type,at[,value]), but was "
              + options.eventColumns);
    }
    forEachRow(file, "events", (header, row) -> {
      int idIndex = column(header, names[0].strip(), "--event-columns", file);
      int typeIndex = column(header, names[1].strip(), "--event-columns", file);
      int atIndex = column(header, names[2].strip(), "--event-columns", file);
      int valueIndex = names.length == 4 ? header.indexOf(names[3].strip()) : -1;
      String id = row.getField(idIndex);
      String type = row.getField(typeIndex);
      String at = row.getField(atIndex);
      Contact.Builder b = byId.get(id);
      if (b == null) {
        if (!create) {
          return names[0] + " must name a contact of the contacts file, but was \"" + id + "\"";
        }
        if (id.isBlank()) {
          return names[0] + " must be a non-blank string, but was \"" + id + "\"";
        }
        b = Contact.builder(id);
        byId.put(id, b);
      }
      if (type.isBlank()) {
        return names[1] + " must be a non-blank string, but was \"" + type + "\"";
      }
      Instant instant;
      try {
        // the contact reader's own instant parser: the same instants as NDJSON files
        instant = ContactJson.instant(at);
      } catch (DateTimeParseException e) {
        return names[2] + " " + e.getMessage() + ", but was \"" + at + "\"";
      }
      String value = valueIndex < 0 ? "" : row.getField(valueIndex).strip();
      if (value.isEmpty()) {
        b.event(type, instant);
      } else {
        double v;
        try {
          v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
          return names[3] + " must be a finite number, but was \"" + value + "\"";
        }
        b.event(type, instant, v);
      }
      return null;
    }, name);
  }

  /** A row handler: returns null when the row is used, else why it is bad. */
  private interface Row {
    String accept(List<String> header, CsvRecord row);
  }

  private void forEachRow(Path file, String what, Row handler, String name) {
    Io.Input input = Io.open(file, what);
    AtomicLong done = new AtomicLong();
    try (InputStream in = input.in();
         CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(options.separator)
             .allowExtraFields(true).allowMissingFields(true).detectBomHeader(true)
             .skipEmptyLines(true).ofCsvRecord(in, StandardCharsets.UTF_8);
         Progress bar = Progress.start(progress, err, what + " rows read", done::get,
             input.file()::count, input.size())) {
      List<String> header = null;
      for (CsvRecord row : csv) {
        if (header == null) {
          header = new ArrayList<>();
          for (String h : row.getFields()) {
            header.add(h.strip());
          }
          continue;
        }
        String problem;
        if (row.getFieldCount() != header.size()) {
          problem = "row must have " + header.size() + " fields like the header, but had "
              + row.getFieldCount();
        } else {
          try {
            problem = handler.accept(header, row);
          } catch (IllegalArgumentException e) {
            problem = e.getMessage();
          }
        }
        if (problem != null) {
          bad.report(name, "line " + row.getStartingLineNumber() + ": " + problem);
        }
        done.incrementAndGet();
      }
      if (header == null) {
        throw new BadInputException(name + ": " + what + " CSV must start with a header row,"
            + " but was empty");
      }
    } catch (CsvParseException | UncheckedIOException | IOException e) {
      throw new BadInputException(name + ": " + what + " file must be CSV, but "
          + e.getMessage(), e);
    }
  }

  private static int column(List<String> header, String name, String option, Path file) {
    int i = header.indexOf(name);
    if (i < 0) {
      for (int j = 0; j < header.size(); j++) {
        if (header.get(j).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return j;
        }
      }
      throw new BadInputException(file + ": the header must have the column \"" + name
          + "\" (" + option + "), but was " + header);
    }
    return i;
  }
}
