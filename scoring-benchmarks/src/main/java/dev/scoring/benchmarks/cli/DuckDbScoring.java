package dev.scoring.benchmarks.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The seed table ({@link dev.scoring.core.examples.ExampleModels#seed()}) written as one DuckDB SQL
 * query over an NDJSON contacts file, as a data engineer would: {@code read_json}, CASE
 * expressions, list functions and {@code COPY ... TO} a CSV with the columns of
 * {@code scoring-cli score --format csv} ({@code id,score,raw,fit,engagement,tier}). Run
 * through DuckDB's JDBC driver (found by {@link DriverManager}; the jar is on the class path
 * only for this run, see {@code cli-vs-duckdb.sh}).
 *
 * <p>SPEC sections 2-6 for the seed table: ages are whole days, {@code floor((asOf - at) /
 * 1 day)}; future events are ignored; behavioral points decay with a 30-day half-life,
 * negative event points do not; the inactivity rule applies when no behavioral event is
 * younger than 90 days; a string attribute that reads as a number compares as one
 * ({@code TRY_CAST}); {@code equalsIgnoreCase} as {@code lower(..) =} (the data is ASCII).
 *
 * <p>Run: {@code java -cp benchmarks.jar:duckdb_jdbc.jar
 * dev.scoring.benchmarks.cli.DuckDbScoring contacts.ndjson out.csv 2026-11-22T12:00:00Z}
 */
public final class DuckDbScoring {
  private DuckDbScoring() {}

  /**
   * The query.
   *
   * @param contacts the NDJSON file
   * @param out      the CSV to write
   * @param asOf     the instant to score as of
   * @return one SQL statement
   */
  static String sql(Path contacts, Path out, Instant asOf) {
    String behavioralPoints = """
        CASE e.type
          WHEN 'white_paper_download' THEN 10 WHEN 'pricing_page_visit' THEN 5
          WHEN 'email_open' THEN 3 WHEN 'newsletter_subscription' THEN 2
          WHEN 'contact_form' THEN 8 WHEN 'webinar' THEN 7 WHEN 'case_study_download' THEN 6
          WHEN 'chatbot_interaction' THEN 4 WHEN 'blog_visit' THEN 3 WHEN 'demo_request' THEN 9
          ELSE 0 END""";
    return """
        COPY (
          WITH c AS (
            SELECT id, attributes,
              list_transform(
                list_filter(events, lambda e: epoch_us(e."at") <= %2$d),
                lambda e: {'type': e.type, 'age': (%2$d - epoch_us(e."at")) // 86400000000})
                AS events
            FROM read_json('%1$s', format = 'newline_delimited',
              columns = {id: 'VARCHAR', attributes: 'JSON',
                         events: 'STRUCT(type VARCHAR, "at" TIMESTAMPTZ, value DOUBLE)[]'})
          ),
          a AS (
            SELECT id, events,
              TRY_CAST(trim(attributes->>'age') AS DOUBLE) AS age,
              lower(trim(attributes->>'near_office')) AS near_office,
              lower(attributes->>'sector') AS sector,
              lower(attributes->>'gender') AS gender
            FROM c
          ),
          s AS (
            SELECT id,
              CAST(
                (CASE WHEN age BETWEEN 18 AND 24 THEN 5 ELSE 0 END)
              + (CASE WHEN age BETWEEN 25 AND 34 THEN 3 ELSE 0 END)
              + (CASE WHEN age BETWEEN 35 AND 44 THEN 2 ELSE 0 END)
              + (CASE WHEN age >= 45 THEN 1 ELSE 0 END)
              + (CASE WHEN near_office = 'true' THEN 4 ELSE 0 END)
              + (CASE sector WHEN 'technology' THEN 3 WHEN 'health' THEN 2
                   WHEN 'finance' THEN 2 WHEN 'education' THEN 1 ELSE 0 END)
              + (CASE gender WHEN 'female' THEN 3 WHEN 'male' THEN 2 ELSE 0 END)
              AS DOUBLE) AS fit,
              coalesce(list_sum(list_transform(events,
                  lambda e: (%3$s) * pow(0.5, e.age / 30.0))), 0)
              + coalesce(list_sum(list_transform(events,
                  lambda e: CASE e.type WHEN 'unsubscribe' THEN -15.0
                                   WHEN 'hard_bounce' THEN -10.0 ELSE 0.0 END)), 0)
              + CASE WHEN coalesce(list_min(list_transform(
                    list_filter(events, lambda e: (%3$s) <> 0), lambda e: e.age)), 90) >= 90
                  THEN -10 ELSE 0 END
              AS engagement
            FROM a
          )
          SELECT id,
            greatest(0.0, least(100.0, fit + engagement)) AS score,
            fit + engagement AS raw, fit, engagement,
            CASE WHEN greatest(0.0, least(100.0, fit + engagement)) >= 80 THEN 'SQL'
                 WHEN greatest(0.0, least(100.0, fit + engagement)) >= 60 THEN 'MQL'
                 ELSE 'unqualified' END AS tier
          FROM s
        ) TO '%4$s' (FORMAT csv, HEADER)
        """.formatted(contacts.toString().replace("'", "''"),
        asOf.getEpochSecond() * 1_000_000L + asOf.getNano() / 1000, behavioralPoints,
        out.toString().replace("'", "''"));
  }

  /**
   * Runs the query.
   *
   * @param args the NDJSON file, the CSV to write, the instant, optionally the threads
   * @throws SQLException if DuckDB fails
   */
  public static void main(String[] args) throws SQLException {
    if (args.length < 3) {
      System.err.println("usage: DuckDbScoring <contacts.ndjson> <out.csv> <asOf> [threads]");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
         Statement st = db.createStatement()) {
      if (args.length > 3) {
        st.execute("SET threads = " + Integer.parseInt(args[3]));
      }
      st.execute(sql(Path.of(args[0]), Path.of(args[1]), Instant.parse(args[2])));
    }
    System.err.printf("duckdb: scored %s into %s in %.2f s%n", args[0], args[1],
        (System.nanoTime() - t0) / 1e9);
  }
}
