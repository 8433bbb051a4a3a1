package dev.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contacts from a wide contacts CSV and a long events CSV. */
class ContactCsvTest {
  @TempDir
  Path dir;

  @Test
  void csvContactsAndEventsScoreAsTheSameNdjson() throws IOException {
    Path model = Files.writeString(dir.resolve("m.json"), ScoreCommandTest.MODEL);
    Path wide = Files.writeString(dir.resolve("contacts.csv"), """
        id,age,sector
        c-1,29,Technology
        c-2,40,
        c-3,,
        """);
    Path events = Files.writeString(dir.resolve("events.csv"), """
        contact_id,type,at,value
        c-1,webinar,2026-11-01T00:00:00Z,
        c-1,pricing_page_visit,2026-11-02T00:00:00Z,12.5
        c-1,pricing_page_visit,2026-11-03T00:00:00Z,
        c-2,unsubscribe,2026-10-01T00:00:00Z,
        c-3,webinar,2026-12-01T00:00:00Z,
        """);
    Cli csv = Cli.run("score", "--model", model.toString(), "--contacts", wide.toString(),
        "--events", events.toString(), "--as-of", ScoreCommandTest.AS_OF, "--format", "csv");

    assertThat(csv.exit()).as(csv.err()).isEqualTo(Exit.OK);
    assertThat(csv.out()).isEqualTo("""
        id,score,raw,fit,engagement,tier
        c-1,17.5,17.5,5.5,12,MQL
        c-2,0,-15,0,-15,unqualified
        c-3,0,0,0,0,unqualified
        """);
  }

  @Test
  void badCsvRowsAreReportedWithTheirLineNumbersAndTheRestIsScored() throws IOException {
    Path model = Files.writeString(dir.resolve("m.json"), ScoreCommandTest.MODEL);
    Path wide = Files.writeString(dir.resolve("contacts.csv"), """
        customer;age
        c-1;29
        c-1;30
        c-2
        ;31
        c-3;33
        """);
    Path events = Files.writeString(dir.resolve("events.csv"), """
        who;what;when;amount
        c-1;webinar;2026-11-01T00:00:00Z;
        c-9;webinar;2026-11-01T00:00:00Z;
        c-3;webinar;last week;
        c-3;;2026-11-01T00:00:00Z;
        c-3;webinar;2026-11-01T00:00:00Z;lots
        c-3;webinar;2026-11-02T00:00:00Z;1
        c-3;webinar;+10000-01-01T00:00:00Z;
        """);
    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", wide.toString(),
        "--events", events.toString(), "--id-column", "customer", "--csv-separator", ";",
        "--event-columns", "who,what,when,amount", "--as-of", ScoreCommandTest.AS_OF,
        "--format", "csv");

    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.out()).isEqualTo("""
        id,score,raw,fit,engagement,tier
        c-1,10,10,3,7,MQL
        c-3,10,10,3,7,MQL
        """);
    assertThat(r.err()).startsWith(
        wide + ": line 3: id must be unique in the contacts file, but was \"c-1\" again\n"
        + wide + ": line 4: row must have 2 fields like the header, but had 1\n"
        + wide + ": line 5: id must be a non-blank string, but was \"\"\n"
        + events + ": line 3: who must name a contact of the contacts file, but was \"c-9\"\n"
        + events + ": line 4: when must be an ISO-8601 instant from 0001-01-01T00:00:00Z to"
        + " 9999-12-31T23:59:59.999999999Z, but was \"last week\"\n"
        + events + ": line 5: what must be a non-blank string, but was \"\"\n"
        + events + ": line 6: amount must be a finite number, but was \"lots\"\n"
        // Instant.parse reads year 10000; the contact reader (and so the CLI) refuses it
        + events + ": line 8: when must be an ISO-8601 instant from 0001-01-01T00:00:00Z to"
        + " 9999-12-31T23:59:59.999999999Z, but was \"+10000-01-01T00:00:00Z\"\n");
  }

  @Test
  void eventsAloneMakeContactsWithoutAttributes() throws IOException {
    Path model = Files.writeString(dir.resolve("m.json"), ScoreCommandTest.MODEL);
    Path events = Files.writeString(dir.resolve("events.csv"), """
        contact_id,type,at
        b,webinar,2026-11-01T00:00:00Z
        a,unsubscribe,2026-11-01T00:00:00Z
        b,webinar,2026-11-02T00:00:00Z
        """);
    Cli r = Cli.run("score", "--model", model.toString(), "--events", events.toString(),
        "--as-of", ScoreCommandTest.AS_OF, "--format", "csv");

    assertThat(r.exit()).isEqualTo(Exit.OK);
    assertThat(r.out()).isEqualTo("""
        id,score,raw,fit,engagement,tier
        b,14,14,0,14,MQL
        a,0,-15,0,-15,unqualified
        """);
  }

  @Test
  void aFileThatIsNotCsvIsBadInput() throws IOException {
    Path model = Files.writeString(dir.resolve("m.json"), ScoreCommandTest.MODEL);
    Path wide = Files.writeString(dir.resolve("contacts.csv"), "id,age\n\"c-1\"x,29\n");
    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", wide.toString(),
        "--as-of", ScoreCommandTest.AS_OF);
    assertThat(r.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(r.err()).isEqualTo("error: " + wide + ": contacts file must be CSV, but"
        + " Unexpected character after closing quote: 'x' (0x78) (record starting at line 2)\n");
  }

  @Test
  void anUnclosedQuoteAtTheEndIsABadLine() throws IOException {
    Path model = Files.writeString(dir.resolve("m.json"), ScoreCommandTest.MODEL);
    Path wide = Files.writeString(dir.resolve("contacts.csv"), "id,age\nc-0,29\n\"c-1,29\n");
    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", wide.toString(),
        "--as-of", ScoreCommandTest.AS_OF, "--format", "csv");
    assertThat(r.exit()).isEqualTo(Exit.FINDINGS);
    assertThat(r.out()).isEqualTo("id,score,raw,fit,engagement,tier\nc-0,3,3,3,0,unqualified\n");
    assertThat(r.err()).startsWith(wide + ": line 3: row must have 2 fields like the header,"
        + " but had 1\n");
  }

  @Test
  void aMissingIdColumnIsBadInput() throws IOException {
    Path model = Files.writeString(dir.resolve("m.json"), ScoreCommandTest.MODEL);
    Path wide = Files.writeString(dir.resolve("contacts.csv"), "key,age\nc-1,29\n");
    Cli r = Cli.run("score", "--model", model.toString(), "--contacts", wide.toString(),
        "--as-of", ScoreCommandTest.AS_OF);
    assertThat(r.exit()).isEqualTo(Exit.BAD_INPUT);
    assertThat(r.err()).isEqualTo("error: " + wide + ": the header must have the column \"id\""
        + " (--id-column), but was [key, age]\n");
  }
}
