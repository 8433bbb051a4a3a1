package dev.scoring.benchmarks.cli;

import dev.scoring.api.Contact;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.json.ContactJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the input of {@code cli-accounts.sh}: the contacts of {@link ContactFile} (seed 42,
 * 5 to 15 events each), each with an attribute {@code account_id} = {@code a-<k>}, {@code k}
 * scattered over {@code m} accounts ({@code i * 7919 mod m}), and the account records of every
 * other account ({@code employees} from 0 to 4,999).
 *
 * <p>Run: {@code java -cp scoring-benchmarks/target/benchmarks.jar
 * dev.scoring.benchmarks.cli.AccountFiles contacts.ndjson accounts.ndjson 1000000 100000}
 */
public final class AccountFiles {
  private AccountFiles() {}

  /**
   * Writes both files.
   *
   * @param args the contacts file, the account records file, the number of contacts and the
   *             number of accounts
   * @throws IOException if writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: AccountFiles <contacts.ndjson> <accounts.ndjson> <contacts>"
          + " <accounts>");
      System.exit(2);
    }
    int n = Integer.parseInt(args[2]);
    int m = Integer.parseInt(args[3]);
    ExampleContacts generator = new ExampleContacts(42, ContactFile.AS_OF, 5, 15);
    try (Writer out = writer(Path.of(args[0]))) {
      for (int i = 0; i < n; i++) {
        Contact c = generator.next().toBuilder()
            .attribute("account_id", "a-" + (i * 7919L) % m).build();
        out.write(ContactJson.toJson(c));
        out.write('\n');
      }
    }
    try (Writer out = writer(Path.of(args[1]))) {
      for (int k = 0; k < m; k += 2) {
        out.write("{\"id\":\"a-" + k + "\",\"attributes\":{\"employees\":" + (k * 37L) % 5000
            + "}}\n");
      }
    }
    System.out.printf("wrote %,d contacts in %,d accounts to %s and %s%n", n, m, args[0],
        args[1]);
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
        StandardCharsets.UTF_8), 1 << 16);
  }
}
