package dev.scoring.benchmarks.value;

import dev.scoring.rfm.value.BgNbdModel;
import dev.scoring.rfm.value.CustomerSummary;
import dev.scoring.rfm.value.GammaGammaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fitting the customer-value models on 1,000,000 customers' summaries.
 *
 * <p>The customers are simulated from the BG/NBD process with the CDNOW estimates (r = 0.243,
 * &alpha; = 4.414 weeks, a = 0.793, b = 2.426) and Gamma-Gamma spend (p = 6.25, q = 3.74,
 * v = 15.44): first purchases spread over the 84 days of a quarter, a 39-week calibration
 * period, times in whole days expressed in weeks, as in real data. {@code baseline} is one
 * evaluation of the BG/NBD log-likelihood over all customers (including grouping them), the
 * unit of work the optimizer repeats; {@code fitBgNbd} and {@code fitGammaGamma} are complete
 * maximum-likelihood fits, standard errors included.
 *
 * <p>Run, after {@code mvn -B -q package -DskipTests}:
 *
 * <pre>
 * java -jar scoring-benchmarks/target/benchmarks.jar ValueFitBenchmark -f 1 -wi 1 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ValueFitBenchmark {
  private static final BgNbdModel CDNOW = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);

  /** Number of simulated customers. */
  @Param("1000000")
  public int customers;

  List<CustomerSummary> summaries;

  /** Simulates the customers (seeded: every run fits the same data). */
  @Setup
  public void simulate() {
    UniformRandomProvider random = RandomSource.WELL_19937_C.create(20051L);
    ContinuousDistribution.Sampler rates =
        GammaDistribution.of(0.243, 1 / 4.414).createSampler(random);
    ContinuousDistribution.Sampler dropouts =
        BetaDistribution.of(0.793, 2.426).createSampler(random);
    ContinuousDistribution.Sampler spendScales =
        GammaDistribution.of(3.74, 1 / 15.44).createSampler(random);
    summaries = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      int firstDay = random.nextInt(84);
      double age = (273 - firstDay) / 7.0;
      double rate = rates.sample();
      double dropout = dropouts.sample();
      int x = 0;
      double last = 0;
      double t = 0;
      while (true) {
        t += -Math.log(1 - random.nextDouble()) / rate;
        if (t > age) {
          break;
        }
        x++;
        last = t;
        if (random.nextDouble() < dropout) {
          break;
        }
      }
      double recency = x == 0 ? 0 : Math.min(age, Math.floor(last * 7) / 7.0);
      double mean = 0;
      if (x > 0) {
        // mean of x Gamma(p, nu) values is Gamma(p x, nu x)
        double nu = spendScales.sample();
        mean = GammaDistribution.of(6.25 * x, 1 / (nu * x)).createSampler(random).sample();
      }
      summaries.add(new CustomerSummary(Integer.toString(i), x, recency, age, mean));
    }
  }

  /** One log-likelihood evaluation over all customers: the optimizer's unit of work. */
  @Benchmark
  public double baseline() {
    return CDNOW.logLikelihood(summaries);
  }

  /** A full BG/NBD maximum-likelihood fit with standard errors. */
  @Benchmark
  public BgNbdModel fitBgNbd() {
    return BgNbdModel.fit(summaries);
  }

  /** A full Gamma-Gamma fit on the customers with repeat purchases. */
  @Benchmark
  public GammaGammaModel fitGammaGamma() {
    return GammaGammaModel.fit(summaries);
  }
}
