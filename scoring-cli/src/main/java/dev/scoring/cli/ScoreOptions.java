package dev.scoring.cli;

import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * The options that say as of when and where scores go, shared by {@code score} and
 * {@code accounts}: the instant, the output file and its format, the threads and the progress
 * bar, with their checks. A picocli mixin; filled by picocli on one thread.
 */
final class ScoreOptions {
  @Option(names = "--as-of", required = true, paramLabel = "<instant>",
      description = "The instant to score as of, ISO-8601 (2026-11-30T00:00:00Z).")
  Instant asOf;

  @Option(names = "--out", paramLabel = "<file>",
      description = "Where the results go; standard output when absent or -. A name ending"
          + " with .gz is gzip-compressed.")
  Path out;

  @Option(names = "--format", paramLabel = "<format>",
      description = "ndjson or csv. Default: csv when --out ends with .csv or .csv.gz,"
          + " else ndjson.")
  ScoreWriter.Format format;

  @Option(names = "--threads", paramLabel = "<n>",
      description = "Threads that parse NDJSON and score. Default: the number of processors.")
  Integer threads;

  @Option(names = "--no-progress", negatable = false,
      description = "No progress bar (it is shown only in a terminal anyway).")
  boolean noProgress;

  /**
   * The output format: {@code --format}, else csv for a {@code .csv} or {@code .csv.gz} output
   * file, else ndjson.
   *
   * @param explain whether {@code --explain} was given, which needs ndjson
   * @return the format
   * @throws UsageException if {@code --explain} comes with csv
   */
  ScoreWriter.Format format(boolean explain) {
    ScoreWriter.Format f = format != null ? format
        : out != null && Io.isCsv(out) ? ScoreWriter.Format.csv : ScoreWriter.Format.ndjson;
    if (explain && f == ScoreWriter.Format.csv) {
      throw new UsageException("--explain must come with --format ndjson, but was csv");
    }
    return f;
  }

  /**
   * The number of threads: {@code --threads}, else the number of processors.
   *
   * @return the threads, at least 1
   * @throws UsageException if {@code --threads} is below 1
   */
  int threads() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new UsageException("--threads must be at least 1, but was " + n);
    }
    return n;
  }
}
