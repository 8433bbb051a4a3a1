package dev.scoring.benchmarks.cli;

import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.json.ContactJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes the benchmark input: {@code n} generated seed-table contacts
 * ({@link ExampleContacts}, seed 42, 5 to 15 events each, about 10) as NDJSON, and the seed
 * model as JSON beside it ({@code seed-b2b.json}).
 *
 * <p>Run: {@code java -cp scoring-benchmarks/target/benchmarks.jar
 * dev.scoring.benchmarks.cli.ContactFile contacts.ndjson 1000000}
 */
public final class ContactFile {
  /** The instant the contacts are generated before and scored as of. */
  public static final Instant AS_OF = Instant.parse("2026-11-22T12:00:00Z");

  private ContactFile() {}

  /**
   * Writes the file.
   *
   * @param args the NDJSON file, then the number of contacts (default 1,000,000)
   * @throws IOException if writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ContactFile <contacts.ndjson> [contacts]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    ExampleContacts generator = new ExampleContacts(42, AS_OF, 5, 15);
    try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
        StandardCharsets.UTF_8), 1 << 16)) {
      for (int i = 0; i < n; i++) {
        out.write(ContactJson.toJson(generator.next()));
        out.write('\n');
      }
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.writeString(parent.resolve("seed-b2b.json"), ExampleModels.seedJson());
    System.out.printf("wrote %,d contacts, %,d bytes, to %s%n", n, Files.size(file), file);
  }
}
