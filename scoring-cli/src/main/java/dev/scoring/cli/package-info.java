/**
 * The {@code scoring} command-line tool. {@link dev.scoring.cli.ScoringCli} is the entry
 * point; each subcommand is a picocli command class that reads files, calls the library
 * (the same kernel as every other path) and writes files. Exit codes: 0 ok, 1 findings
 * (bad lines skipped, checks that found something), 2 usage, 3 bad input (a file that
 * cannot be read or a model that does not load).
 */
package dev.scoring.cli;
