package dev.scoring.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that name a contacts input, shared by {@code score}, {@code check} and
 * {@code report scores}: an NDJSON file, or a wide contacts CSV and a long events CSV with
 * their column names. Read by {@link ContactSource}.
 */
final class ContactOptions {
  @Option(names = "--contacts", paramLabel = "<file>",
      description = "Contacts: NDJSON (one contact per line, SPEC section 1; - for standard"
          + " input), or a wide CSV (.csv: one contact per row, one attribute per column);"
          + " gzip is detected.")
  Path contacts;

  @Option(names = "--events", paramLabel = "<file>",
      description = "Events as a long CSV: one event per row (contact id, type, instant,"
          + " optional value). With a contacts CSV, or alone (contacts without attributes).")
  Path events;

  @Option(names = "--id-column", paramLabel = "<name>", defaultValue = "id",
      description = "Contacts CSV: the id column; every other non-empty field is an"
          + " attribute (as a string). Default: ${DEFAULT-VALUE}.")
  String idColumn;

  @Option(names = "--event-columns", paramLabel = "<id,type,at[,value]>",
      defaultValue = "contact_id,type,at,value",
      description = "Events CSV: the columns of the contact id, event type, ISO-8601 instant"
          + " and optional value. Default: ${DEFAULT-VALUE}.")
  String eventColumns;

  @Option(names = "--csv-separator", paramLabel = "<char>", defaultValue = ",",
      description = "The field separator of the CSV inputs. Default: ${DEFAULT-VALUE}.")
  char separator;

  @Option(names = "--bad-lines", paramLabel = "<file>",
      description = "Also write every bad input line to this file (standard error shows the"
          + " first " + BadLines.PRINT_LIMIT + ").")
  Path badLines;
}
