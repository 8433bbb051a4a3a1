package dev.scoring.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.scoring.core.AccountExplanation;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountScorer;
import dev.scoring.core.AccountScores;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ContactJsonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scoring accounts}: scores the accounts of a contacts file under a model's account
 * block (SPEC section 12), with optional account records, and writes one line per account in
 * account id order, or only the best {@code --top} accounts, best first. The contacts are
 * read as by {@code score} ({@link ContactSource}, bad lines reported and skipped); the
 * accounts are {@link AccountScorer}'s, bit for bit.
 */
@Command(name = "accounts", mixinStandardHelpOptions = true,
    versionProvider = ScoringCli.Version.class,
    description = "Scores the accounts of a contacts file under the model's account block (SPEC"
        + " section 12), with optional account records, and writes one line per account in id"
        + " order (id, score, raw, fit, engagement, tier, members), or the --top best. Bad"
        + " contact lines are reported on standard error and skipped (exit code 1); a model"
        + " without an account block is exit code 3.")
final class AccountsCommand implements Callable<Integer> {
  private static final JsonFactory JSON = new JsonFactory();

  @ParentCommand
  ScoringCli root;

  @Option(names = "--model", required = true, paramLabel = "<file>",
      description = "The model, a JSON file with an account block (SPEC section 12).")
  Path model;

  @Mixin
  ContactOptions contacts;

  @Mixin
  ScoreOptions options;

  @Option(names = "--accounts", paramLabel = "<file>",
      description = "Account records, NDJSON (gzip detected): one {\"id\": ..., \"attributes\":"
          + " {...}} per line; a bad line or a repeated id stops the run (exit code 3)."
          + " Default: no records (accounts named by members only, without attributes).")
  Path accounts;

  @Option(names = "--explain",
      description = "Add each account's explanation (account rules, caps, each member's"
          + " score and share, the clamp; the points sum to the score; ndjson only).")
  boolean explain;

  @Option(names = "--top", paramLabel = "<n>",
      description = "Only the n best accounts, best first (equal scores in id order)."
          + " Default: every account, in id order.")
  Integer top;

  /** Creates the command; picocli calls it. */
  AccountsCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintStream err = root.err;
    ScoreWriter.Format fmt = options.format(explain);
    int n = options.threads();
    Instant asOf = options.asOf;
    Path out = options.out;
    if (top != null && top < 1) {
      throw new UsageException("--top must be at least 1, but was " + top);
    }
    bothFromStdin(accounts, contacts);
    ScoringTable table = ScoreCommand.loadModel(model);
    AccountScorer scorer = scorer(table, model);
    AccountRecords records = readRecords(accounts, root.in);
    long t0 = System.nanoTime();
    ContactTable contactTable;
    long badCount;
    try (BadLines bad = new BadLines(err, contacts.badLines)) {
      contactTable = new ContactSource(contacts, bad, !options.noProgress, root, n).table();
      badCount = bad.count();
    }
    long t1 = System.nanoTime();
    AccountScores scores = scorer.score(contactTable, records, asOf, n);
    long t2 = System.nanoTime();
    int[] order = top == null ? null : scores.topK(top);
    int lines = order == null ? scores.size() : order.length;
    try (OutputStream stream = Io.create(out, root.out)) {
      if (fmt == ScoreWriter.Format.csv) {
        writeCsv(stream, scores, order);
      } else {
        writeNdjson(stream, scores, order, explain);
      }
    } catch (UncheckedIOException e) {
      throw new BadInputException("output must be writable, but " + e.getMessage(), e);
    }
    long t3 = System.nanoTime();
    err.printf(Locale.ROOT, "scored %,d accounts of %,d contacts (%,d account records, %,d bad"
            + " lines skipped): read %.2f s, scored %.2f s on %d threads, %,d written in"
            + " %.2f s; tiers %s%n",
        scores.size(), contactTable.size(), records.size(), badCount, (t1 - t0) / 1e9,
        (t2 - t1) / 1e9, n, lines, (t3 - t2) / 1e9, scores.tierCountsByName());
    return badCount > 0 ? Exit.FINDINGS : Exit.OK;
  }

  /**
   * Returns the account scorer of a model.
   *
   * @param table the model
   * @param file  its file, for the message
   * @return the scorer
   * @throws BadInputException if the model has no account block
   */
  static AccountScorer scorer(ScoringTable table, Path file) {
    if (table.account().isEmpty()) {
      throw new BadInputException(file + ": the model must have an account block (SPEC"
          + " section 12, \"account\"), but " + table.name() + " has none");
    }
    return AccountScorer.of(table);
  }

  /**
   * Refuses account records and contacts both from standard input.
   *
   * @param accounts the account records file, or null
   * @param contacts the contacts options
   * @throws UsageException if both are {@code -}
   */
  static void bothFromStdin(Path accounts, ContactOptions contacts) {
    if (accounts != null && Io.isStdin(accounts) && contacts.contacts != null
        && Io.isStdin(contacts.contacts)) {
      throw new UsageException("--accounts and --contacts must not both be standard input (-),"
          + " but were");
    }
  }

  /**
   * Reads account records with {@link AccountRecords#fromNdjson}, gzip detected.
   *
   * @param file  the NDJSON file, {@code -} for standard input, or null for no records
   * @param stdin standard input
   * @return the records, empty for a null file
   * @throws BadInputException if the file cannot be read or a line is bad (with its number)
   */
  static AccountRecords readRecords(Path file, InputStream stdin) {
    if (file == null) {
      return AccountRecords.empty();
    }
    String name = Io.isStdin(file) ? "stdin" : file.toString();
    Io.Input input = Io.open(file, "accounts", stdin);
    try (InputStream in = input.in()) {
      return AccountRecords.fromNdjson(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (ContactJsonException e) {
      String message = e.getMessage();
      throw new BadInputException(name + ": " + (message.startsWith("line ") ? message
          : "line " + e.line() + ": " + message), e);
    } catch (UncheckedIOException | IOException e) {
      throw new BadInputException(name + ": accounts file must be readable, but "
          + e.getMessage(), e);
    }
  }

  /** CSV through FastCSV: {@code id,score,raw,fit,engagement,tier,members}. */
  private static void writeCsv(OutputStream stream, AccountScores scores, int[] order)
      throws IOException {
    CsvWriter csv = CsvWriter.builder()
        .lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF)
        .build(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
    csv.writeRecord("id", "score", "raw", "fit", "engagement", "tier", "members");
    int lines = order == null ? scores.size() : order.length;
    for (int k = 0; k < lines; k++) {
      int a = order == null ? k : order[k];
      csv.writeRecord(scores.id(a), CsvOut.number(scores.score(a)),
          CsvOut.number(scores.raw(a)), CsvOut.number(scores.fit(a)),
          CsvOut.number(scores.engagement(a)), scores.tier(a),
          Integer.toString(scores.memberCount(a)));
    }
    csv.flush();
  }

  /** One JSON object per line; numbers as the library's JSON writer spells them. */
  private static void writeNdjson(OutputStream stream, AccountScores scores, int[] order,
      boolean explain) throws IOException {
    Writer w = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
    int lines = order == null ? scores.size() : order.length;
    for (int k = 0; k < lines; k++) {
      w.write(line(scores, order == null ? k : order[k], explain));
      w.write('\n');
    }
    w.flush();
  }

  /**
   * The JSON line of one account: {@code id, score, raw, fit, engagement, tier, members}, and
   * with {@code explain} an {@code explanation} array of {@code {kind, id, points}} entries
   * (members also with their {@code score}).
   */
  static String line(AccountScores scores, int a, boolean explain) throws IOException {
    StringWriter s = new StringWriter(160);
    try (JsonGenerator g = JSON.createGenerator(s)) {
      g.writeStartObject();
      g.writeStringField("id", scores.id(a));
      number(g, "score", scores.score(a));
      number(g, "raw", scores.raw(a));
      number(g, "fit", scores.fit(a));
      number(g, "engagement", scores.engagement(a));
      g.writeStringField("tier", scores.tier(a));
      g.writeNumberField("members", scores.memberCount(a));
      if (explain) {
        double[] memberScores = scores.memberScores(a);
        int member = 0;
        g.writeArrayFieldStart("explanation");
        for (AccountExplanation.Entry e : scores.explain(a).entries()) {
          g.writeStartObject();
          g.writeStringField("kind", e.kind().name().toLowerCase(Locale.ROOT));
          g.writeStringField("id", e.id());
          if (e.kind() == AccountExplanation.Kind.MEMBER) {
            number(g, "score", memberScores[member++]);
          }
          number(g, "points", e.points());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    return escapeUnpairedSurrogates(s.toString());
  }

  private static void number(JsonGenerator g, String field, double v) throws IOException {
    g.writeFieldName(field);
    g.writeNumber(CsvOut.number(v));
  }

  /**
   * Ids may hold unpaired surrogates (the contact reader accepts {@code "\ud800"}); UTF-8
   * cannot encode them, so they are written as JSON escapes, as the library's score lines do.
   */
  private static String escapeUnpairedSurrogates(String json) {
    StringBuilder b = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean paired = Character.isHighSurrogate(c)
          ? i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))
          : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(json.charAt(i - 1));
      boolean unpaired = Character.isSurrogate(c) && !paired;
      if (unpaired && b == null) {
        b = new StringBuilder(json.length() + 8).append(json, 0, i);
      }
      if (b != null) {
        if (unpaired) {
          b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? json : b.toString();
  }
}
