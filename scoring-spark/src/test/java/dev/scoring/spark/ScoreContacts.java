package dev.scoring.spark;

// docs:spark
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ModelJson;
import dev.scoring.spark.SparkScorer;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

public final class ScoreContacts {
  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().appName("score-contacts").getOrCreate();
    ScoringTable model = ModelJson.read(Path.of(args[0]));
    Instant asOf = Instant.parse(args[3]);

    // nested: id, attribute columns (or an "attributes" map/struct), events array
    Dataset<Row> contacts = spark.read().parquet(args[1]);
    Dataset<Row> scored = SparkScorer.of(model).withFingerprint(true)
        .scoreNested(contacts, asOf);
    scored.where("error IS NULL").select("id", "score", "tier").write().parquet(args[2]);
    scored.where("error IS NOT NULL").select("id", "error").show(20, false);
    spark.stop();
  }
}
// docs:end
