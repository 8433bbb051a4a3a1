package dev.scoring.spark;

// docs:spark
import dev.scoring.rfm.Rfm;
import dev.scoring.spark.SparkCustomerValue;
import dev.scoring.spark.SparkRfm;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

public final class CustomerAnalytics {
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("rfm").getOrCreate();
    // customer_id: string, date: date, amount: double or decimal, order_id: string (optional)
    Dataset<Row> tx = spark.read().parquet(args[0]);

    Rfm settings = Rfm.builder().analysisDate(LocalDate.of(2011, 12, 10)).build();
    SparkRfm.Scored rfm = SparkRfm.of(settings).score(tx);
    System.out.println(rfm.thresholds());
    rfm.customers().write().parquet(args[1]);
    rfm.unpersist();

    SparkCustomerValue.Result value = SparkCustomerValue
        .of(LocalDate.of(2011, 9, 30), ChronoUnit.WEEKS)
        .horizon(52, 12, 0.01)
        .score(tx);
    System.out.println(value.purchases() + " " + value.spend());
    value.customers().write().parquet(args[2]);
    spark.stop();
  }
}
// docs:end
