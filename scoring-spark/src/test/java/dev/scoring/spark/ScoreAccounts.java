package dev.scoring.spark;

// docs:spark
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ModelJson;
import dev.scoring.spark.SparkAccountScorer;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

public final class ScoreAccounts {
  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().appName("score-accounts").getOrCreate();
    ScoringTable table = ModelJson.read(Path.of(args[0]));   // with an "account" block
    Instant asOf = Instant.parse(args[4]);

    // contacts as for SparkScorer, with the key attribute (account_id) as a string
    Dataset<Row> contacts = spark.read().parquet(args[1]);
    // records: id and the accounts' own attributes (employees, competitor, ...)
    Dataset<Row> records = spark.read().parquet(args[2]);
    Dataset<Row> accounts = SparkAccountScorer.of(table)
        .scoreNested(contacts, records, asOf);
    accounts.where("error IS NULL AND tier = 'target'")
        .orderBy(functions.desc("score"), functions.asc("id"))
        .write().parquet(args[3]);
    accounts.where("error IS NOT NULL").select("id", "error").show(20, false);
    spark.stop();
  }
}
// docs:end
