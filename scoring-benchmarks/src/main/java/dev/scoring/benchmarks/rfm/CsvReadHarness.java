package dev.scoring.benchmarks.rfm;

import com.sun.management.OperatingSystemMXBean;
import dev.scoring.rfm.ReturnPolicy;
import dev.scoring.rfm.TransactionCsvReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Process CPU time of reading a transactions CSV with the reader of {@code OnlineRetailTest}
 * (the UCI Online Retail columns): the best of several reads in one JVM. Run:
 * {@code java -Xmx2g -cp benchmarks.jar dev.scoring.benchmarks.rfm.CsvReadHarness
 * online_retail.csv 6}. Not thread-safe; a command-line tool.
 */
public final class CsvReadHarness {
  private CsvReadHarness() {}

  /**
   * Reads the file the given number of times and prints the rows and the best CPU time.
   *
   * @param args the CSV file (the Online Retail columns) and the number of reads
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    OperatingSystemMXBean mx =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    TransactionCsvReader reader = TransactionCsvReader.builder().customerColumn("CustomerID")
        .dateColumn("InvoiceDate").dateFormat("yyyy-MM-dd HH:mm")
        .quantityTimesPrice("Quantity", "UnitPrice").orderColumn("InvoiceNo")
        .cancelledOrderPrefix("C").returns(ReturnPolicy.EXCLUDE).excludeZeroAmounts(true)
        .build();
    long best = Long.MAX_VALUE;
    long rows = 0;
    for (int i = 0; i < Integer.parseInt(args[1]); i++) {
      long t0 = mx.getProcessCpuTime();
      TransactionCsvReader.Result read = reader.read(Path.of(args[0]));
      best = Math.min(best, mx.getProcessCpuTime() - t0);
      rows = read.rows();
    }
    System.out.printf(Locale.ROOT, "rows %d best cpu %.0f ms%n", rows, best / 1e6);
  }
}
