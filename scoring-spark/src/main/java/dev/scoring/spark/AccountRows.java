package dev.scoring.spark;

import dev.scoring.api.Values;
import dev.scoring.core.AccountExplanation;
import dev.scoring.core.AccountRecords;
import dev.scoring.core.AccountRules;
import dev.scoring.core.AccountScore;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ModelJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;

/**
 * The function Spark calls once per account, on the executors: its input is
 * {@code struct(id, members: array<struct<contact: string, score: double>>,
 * records: array<struct<attributes...>>)} (either list may be null), its output
 * {@link SparkAccountScorer#RESULT}, or {@link SparkAccountScorer#EXPLAINED} with the
 * account's {@link AccountRules#explain explanation} as a last field. The account is scored by the core's one per-account
 * function, {@link AccountRules#score}; its record's attributes are read as
 * {@link AccountRecords#of} reads them (ids any non-empty string, attributes as a contact's).
 *
 * <p>The table arrives as a broadcast of its canonical JSON and is compiled once per executor
 * JVM (cached by fingerprint). Stateless apart from that cache: safe on any thread.
 */
final class AccountRows implements UDF1<Row, Row> {
  private static final long serialVersionUID = 1L;
  /** Account rules of this JVM, by the table's fingerprint. */
  private static final Map<String, AccountRules> RULES = new ConcurrentHashMap<>();

  private final Broadcast<String> tableJson;
  private final String fingerprint;
  private final long asOfSecond;
  private final int asOfNano;
  private final String source;
  /** The record's attribute column names (COLUMNS) or the struct's field names (STRUCT). */
  private final String[] attributeNames;
  private final boolean explain;

  AccountRows(Broadcast<String> tableJson, String fingerprint, Instant asOf, String source,
      String[] attributeNames, boolean explain) {
    this.explain = explain;
    this.tableJson = tableJson;
    this.fingerprint = fingerprint;
    this.asOfSecond = asOf.getEpochSecond();
    this.asOfNano = asOf.getNano();
    this.source = source;
    this.attributeNames = attributeNames;
  }

  /** The account block of the broadcast table, compiled once per JVM. */
  static AccountRules rules(Broadcast<String> tableJson, String fingerprint) {
    return RULES.computeIfAbsent(fingerprint, f -> {
      ScoringTable table = ModelJson.parse(tableJson.value());
      return table.account().orElseThrow(() -> new IllegalStateException(
          "table must have an account block, but " + table.name() + " has none"));
    });
  }

  @Override
  public Row call(Row row) {
    String id = row.getString(0);
    List<Row> records = row.isNullAt(2) ? List.of() : row.getList(2);
    if (id == null) {
      return error("records.id must be a non-empty string, but was null");
    }
    if (records.size() > 1) {
      return error("records.id must be unique, but was " + Values.quote(id, 60) + " in "
          + records.size() + " records");
    }
    Map<String, Object> attributes = null;
    if (records.size() == 1) {
      try {
        attributes = AccountRecords.of(java.util.Collections.singletonMap(id,
            attributes(records.get(0)))).attributes(id);
      } catch (IllegalArgumentException e) {
        return error("records: " + e.getMessage());
      }
    }
    List<Row> rows = row.isNullAt(1) ? List.of() : row.getList(1);
    List<AccountRules.Member> members = new ArrayList<>(rows.size());
    for (Row m : rows) {
      members.add(new AccountRules.Member(m.getString(0), m.getDouble(1)));
    }
    AccountRules rules = rules(tableJson, fingerprint);
    Instant asOf = Instant.ofEpochSecond(asOfSecond, asOfNano);
    AccountScore s = rules.score(id, attributes, members, asOf);
    if (!explain) {
      return RowFactory.create(s.score(), s.raw(), s.fit(), s.engagement(), s.tier(),
          s.members(), null);
    }
    List<AccountExplanation.Entry> entries = rules.explain(id, attributes, members, asOf)
        .entries();
    List<Row> parts = new ArrayList<>(entries.size());
    for (AccountExplanation.Entry e : entries) {
      parts.add(RowFactory.create(e.kind().name().toLowerCase(Locale.ROOT), e.id(),
          e.points()));
    }
    return RowFactory.create(s.score(), s.raw(), s.fit(), s.engagement(), s.tier(),
        s.members(), null, parts);
  }

  /** A record's attributes, null values left out (absent). */
  private Map<String, Object> attributes(Row record) {
    Map<String, Object> out = new HashMap<>();
    switch (source) {
      case ContactRows.MAP -> {
        if (!record.isNullAt(0)) {
          for (Map.Entry<Object, Object> a : record.getJavaMap(0).entrySet()) {
            if (a.getValue() != null) {
              out.put((String) a.getKey(), a.getValue());
            }
          }
        }
      }
      case ContactRows.STRUCT -> {
        if (!record.isNullAt(0)) {
          Row struct = record.getStruct(0);
          for (int j = 0; j < attributeNames.length; j++) {
            if (!struct.isNullAt(j)) {
              out.put(attributeNames[j], struct.get(j));
            }
          }
        }
      }
      default -> {
        for (int j = 0; j < attributeNames.length; j++) {
          if (!record.isNullAt(j)) {
            out.put(attributeNames[j], record.get(j));
          }
        }
      }
    }
    return out;
  }

  private Row error(String message) {
    return explain ? RowFactory.create(null, null, null, null, null, null, message, null)
        : RowFactory.create(null, null, null, null, null, null, message);
  }

  /**
   * The account a contact's key attribute names, by {@link AccountRules#accountOf}: a
   * non-blank string, else null (no account).
   */
  static final class Key implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<String> tableJson;
    private final String fingerprint;

    Key(Broadcast<String> tableJson, String fingerprint) {
      this.tableJson = tableJson;
      this.fingerprint = fingerprint;
    }

    @Override
    public String call(String value) {
      if (value == null) {
        return null;
      }
      AccountRules rules = rules(tableJson, fingerprint);
      return rules.accountOf(Map.of(rules.key(), value)).orElse(null);
    }
  }
}
