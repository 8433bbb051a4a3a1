package dev.scoring.cli;

import dev.scoring.api.ModelException;
import dev.scoring.api.ScoringModel;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ModelJson;
import dev.scoring.core.json.ModelSetJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scoring score}: scores every contact of a file with a JSON model or model set, as of
 * an instant, on every core, and writes one line per contact (NDJSON or CSV, gzip when the
 * name ends with {@code .gz}). The scores are the columnar batch path's, the same bits as
 * {@code model.score(contact, asOf)} (for a set, {@code set.score(contact, asOf)}).
 *
 * <p>NDJSON contacts are streamed ({@link ContactSource#blocks}): blocks of about
 * {@code --block-bytes} are parsed, scored and formatted on {@code --threads} workers
 * ({@link ScoreBlocks}) and written in file order, so memory does not grow with the file.
 * CSV contacts are read into one table first. Picocli makes one instance per run.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
    versionProvider = ScoringCli.Version.class,
    description = "Scores every contact of a file with a JSON model and writes one line per"
        + " contact. Bad lines are reported on standard error with their line numbers and"
        + " skipped (exit code 1).")
final class ScoreCommand implements Callable<Integer> {
  @ParentCommand
  ScoringCli root;

  @Option(names = "--model", required = true, paramLabel = "<file>",
      description = "The model, a JSON file (SPEC section 7), or a model set (SPEC section"
          + " 11): each line then holds every table's result.")
  Path model;

  @Mixin
  ContactOptions contacts;

  @Mixin
  ScoreOptions options;

  @Option(names = "--explain",
      description = "Add each score's explanation (the rules that contributed, ndjson only).")
  boolean explain;

  @Option(names = "--trend", paramLabel = "<days>",
      description = "Also write each contact's trend over that many days (SPEC section 10):"
          + " score(asOf) - score(asOf - days), as \"trend<days>\" (ndjson) or a trend<days>"
          + " column (csv).")
  Integer trend;

  @Option(names = "--block-bytes", paramLabel = "<n>", defaultValue = "524288",
      description = "NDJSON contacts are read, scored and written in blocks of about this"
          + " many bytes (cut at the next line end); at most 2 blocks per thread are held at"
          + " a time. Default: ${DEFAULT-VALUE} (512 KiB).")
  int blockBytes;

  /** Creates the command; picocli calls it. */
  ScoreCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintStream err = root.err;
    ScoreWriter.Format fmt = options.format(explain);
    int n = options.threads();
    Instant asOf = options.asOf;
    Path out = options.out;
    if (blockBytes < 1) {
      throw new UsageException("--block-bytes must be at least 1, but was " + blockBytes);
    }
    if (trend != null) {
      if (trend < 1) {
        throw new UsageException("--trend must be at least 1 day, but was " + trend);
      }
      try {
        ScoringModel.trendStart(asOf, trend);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--trend: " + e.getMessage());
      }
    }
    int trendDays = trend == null ? 0 : trend;
    // The model loads on a thread of its own while the first blocks are read and parsed
    // (which needs no model); a block is scored once it is there. Its errors still come
    // first: every failure below waits for the model and reports a bad model instead.
    Loading<ScoreBlocks> loading = Loading.start("model-loader",
        () -> new ScoreBlocks(loadSet(model), asOf, trendDays, explain, fmt));
    if (contacts.badLines != null) {
      loading.get(); // a bad model creates no file of bad lines
    }
    long t0 = System.nanoTime();
    long badCount;
    String mode;
    ScoreBlocks blocks;
    try (BadLines bad = new BadLines(err, contacts.badLines);
         LazyOutput output = new LazyOutput(out, root.out, () -> loading.get().header())) {
      ContactSource source = new ContactSource(contacts, bad, !options.noProgress, root, n);
      if (source.isNdjson()) {
        // read, scored and written block by block: memory never grows with the file
        source.blocks(blockBytes, table -> loading.get().score(table, 1), block -> {
          output.write(block.bytes());
          loading.get().done(block);
        }, () -> loading.isDone() ? loading.get().contacts() : 0);
        mode = "in blocks of " + blockBytes + " bytes on " + n + " threads";
      } else {
        ContactTable table = source.table();
        loading.get().write(table, n, output.stream());
        mode = "as one table on " + n + " threads";
      }
      blocks = loading.get();
      output.finish();
      badCount = bad.count();
    } catch (UncheckedIOException e) {
      loading.get(); // a bad model first
      throw new BadInputException("output must be writable, but " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      loading.get(); // a bad model first
      throw e;
    }
    long t1 = System.nanoTime();
    err.printf(Locale.ROOT, "scored %,d contacts (%,d bad lines skipped) in %.2f s, read,"
            + " scored and written %s; tiers %s%n",
        blocks.contacts(), badCount, (t1 - t0) / 1e9, mode, blocks.tierCounts());
    return badCount > 0 ? Exit.FINDINGS : Exit.OK;
  }

  /**
   * Reads a model file: a model set, or a single table as a set of one.
   *
   * @param file the JSON model or set (SPEC sections 7 and 11)
   * @return the set
   * @throws BadInputException if it is missing, unreadable or not a valid model or set
   */
  static ModelSet loadSet(Path file) {
    try {
      return ModelSetJson.read(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException("model file must exist, but was " + file + " (not found)");
    } catch (IOException e) {
      throw new BadInputException("model file must be readable, but was " + file + " ("
          + e.getMessage() + ")", e);
    } catch (ModelException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a model file.
   *
   * @param file the JSON model
   * @return the model
   * @throws BadInputException if it is missing, unreadable or not a valid model
   */
  static ScoringTable loadModel(Path file) {
    try {
      return ModelJson.read(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException("model file must exist, but was " + file + " (not found)");
    } catch (IOException e) {
      throw new BadInputException("model file must be readable, but was " + file + " ("
          + e.getMessage() + ")", e);
    } catch (ModelException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
  }
}
