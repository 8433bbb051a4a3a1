/**
 * The scoring command-line tool: {@code score}, {@code check}, {@code rfm}, {@code value} and
 * {@code report}, run as {@code java -jar scoring-cli.jar <command> ...}. Exports nothing
 * but the entry point's package, opened to picocli for its annotations.
 */
module dev.scoring.cli {
  requires dev.scoring.core;
  requires dev.scoring.rfm;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;
  requires de.siegmar.fastcsv;
  requires jdk.management;

  exports dev.scoring.cli;
  opens dev.scoring.cli to info.picocli;
}
