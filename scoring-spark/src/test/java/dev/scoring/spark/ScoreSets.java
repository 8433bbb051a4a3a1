package dev.scoring.spark;

// docs:spark
import dev.scoring.core.ModelSet;
import dev.scoring.core.json.ModelSetJson;
import dev.scoring.spark.SparkSetScorer;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

public final class ScoreSets {
  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().appName("score-sets").getOrCreate();
    // {"name": "acme", "tables": [{"name": "crm", ...}, {"name": "analytics", ...}]}
    ModelSet set = ModelSetJson.read(Path.of(args[0]));
    Instant asOf = Instant.parse(args[3]);

    Dataset<Row> contacts = spark.read().parquet(args[1]);
    // adds one struct column per table (crm, analytics), then error and fingerprint
    Dataset<Row> scored = SparkSetScorer.of(set).withFingerprint(true)
        .scoreNested(contacts, asOf);
    scored.where("error IS NULL")
        .selectExpr("id", "crm.score AS crm_score", "crm.tier AS crm_tier",
            "analytics.score AS analytics_score", "fingerprint")
        .write().parquet(args[2]);
    spark.stop();
  }
}
// docs:end
