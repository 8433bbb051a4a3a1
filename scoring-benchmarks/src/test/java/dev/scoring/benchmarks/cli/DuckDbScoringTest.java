package dev.scoring.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleContacts;
import dev.scoring.core.examples.ExampleModels;
import dev.scoring.core.json.ContactJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's SQL is the seed table: it agrees with {@code model.score} to 1e-9. */
class DuckDbScoringTest {
  @TempDir
  Path dir;

  @Test
  void theSqlScoresLikeTheSeedTable() throws Exception {
    ScoringTable seed = ExampleModels.seed();
    ExampleContacts generator = new ExampleContacts(9, ContactFile.AS_OF, 0, 15);
    List<Contact> contacts = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Contact c = generator.next();
      contacts.add(c);
      lines.add(ContactJson.toJson(c));
    }
    Path in = Files.write(dir.resolve("c.ndjson"), lines);
    Path out = dir.resolve("duck.csv");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
         Statement st = db.createStatement()) {
      st.execute(DuckDbScoring.sql(in, out, ContactFile.AS_OF));
    }
    Map<String, String[]> rows = new HashMap<>();
    List<String> csv = Files.readAllLines(out);
    assertThat(csv.get(0)).isEqualTo("id,score,raw,fit,engagement,tier");
    for (String row : csv.subList(1, csv.size())) {
      String[] f = row.split(",");
      rows.put(f[0], f);
    }
    assertThat(rows).hasSize(contacts.size());
    for (Contact c : contacts) {
      Score s = seed.score(c, ContactFile.AS_OF);
      String[] f = rows.get(c.id());
      double[] expected = {s.score(), s.raw(), s.fit(), s.engagement()};
      for (int k = 0; k < 4; k++) {
        double actual = Double.parseDouble(f[k + 1]);
        assertThat(Math.abs(actual - expected[k]))
            .as("%s column %d", c.id(), k + 1)
            .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected[k])));
      }
      assertThat(f[5]).as(c.id()).isEqualTo(s.tier());
    }
  }
}
