package dev.scoring.core;

import dev.scoring.api.Contact;
import dev.scoring.api.Score;
import dev.scoring.core.json.ModelSetJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** SPEC section 11: a set's per-table scores equal each table scored alone, bit for bit. */
class ModelSetProperties {

  @Property(tries = 80)
  void aSetsScoresEqualEachTableAlone_onEveryPath(@ForAll("tables") List<ScoringTable> drawn,
      @ForAll("contacts") List<Contact> drawnContacts) {
    ModelSet.Builder b = ModelSet.builder("set");
    List<ScoringTable> tables = new ArrayList<>();
    for (int i = 0; i < drawn.size(); i++) {
      ScoringTable t = drawn.get(i).toBuilder().name("t" + i).build();
      tables.add(t);
      b.add(t);
    }
    ModelSet set = b.build();
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < drawnContacts.size(); i++) {
      Contact c = drawnContacts.get(i);
      contacts.add(Contact.builder("c" + i).attributes(c.attributes()).events(c.events()).build());
    }
    ModelSet reread = ModelSetJson.parse(set.toJson());
    if (!reread.equals(set) || !reread.fingerprint().equals(set.fingerprint())) {
      throw new AssertionError("the set must read back equal:\n" + set.toJson() + "\n"
          + reread.toJson());
    }
    ContactTable table = ContactTable.of(contacts);
    for (int threads : new int[] {1, 2}) {
      for (int block : new int[] {1, 3, BatchScorer.SET_BLOCK}) {
        List<BatchScorer> scorers = new ArrayList<>();
        BatchScores[] outs = new BatchScores[tables.size()];
        for (int t = 0; t < tables.size(); t++) {
          scorers.add(BatchScorer.of(tables.get(t)));
          outs[t] = new BatchScores(contacts.size());
        }
        BatchScorer.scoreSet(scorers, table, ArbitraryTables.AS_OF, threads, outs, block);
        for (int t = 0; t < tables.size(); t++) {
          BatchScores alone = BatchScorer.of(tables.get(t)).score(table, ArbitraryTables.AS_OF, 1);
          for (int i = 0; i < contacts.size(); i++) {
            same(alone.toScore(i), outs[t].toScore(i), "batch, table " + t + ", contact " + i);
          }
          if (!alone.tierCountsByName().equals(outs[t].tierCountsByName())) {
            throw new AssertionError("tier counts of table " + t + ": " + alone.tierCountsByName()
                + " alone, " + outs[t].tierCountsByName() + " in the set");
          }
        }
      }
    }
    Map<String, BatchScores> batch = set.scoreBatch(table, ArbitraryTables.AS_OF, 2);
    for (int i = 0; i < contacts.size(); i++) {
      Map<String, Score> scores = reread.score(contacts.get(i), ArbitraryTables.AS_OF);
      for (ScoringTable t : tables) {
        Score alone = t.score(contacts.get(i), ArbitraryTables.AS_OF);
        same(alone, scores.get(t.name()), "object, table " + t.name() + ", contact " + i);
        same(alone, batch.get(t.name()).toScore(i), "scoreBatch, table " + t.name());
      }
    }
  }

  private static void same(Score expected, Score actual, String where) {
    if (!expected.equals(actual)
        || Double.doubleToRawLongBits(expected.score()) != Double.doubleToRawLongBits(
            actual.score())
        || Double.doubleToRawLongBits(expected.raw()) != Double.doubleToRawLongBits(
            actual.raw())) {
      throw new AssertionError(where + ": alone " + expected + ", in the set " + actual);
    }
  }

  @Provide
  Arbitrary<List<ScoringTable>> tables() {
    return ArbitraryTables.tables().list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Contact>> contacts() {
    return ArbitraryTables.contacts().list().ofMaxSize(12);
  }
}
