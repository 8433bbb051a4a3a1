/**
 * The whole-process comparison of {@code scoring-cli score} with the same table written as
 * one DuckDB SQL query over the same NDJSON file: {@link dev.scoring.benchmarks.cli.ContactFile}
 * writes the file, {@link dev.scoring.benchmarks.cli.DuckDbScoring} runs the SQL,
 * {@link dev.scoring.benchmarks.cli.ScoreFilesAgree} checks both outputs agree to 1e-9, and
 * {@code scoring-benchmarks/cli-vs-duckdb.sh} times both, alternating.
 */
package dev.scoring.benchmarks.cli;
