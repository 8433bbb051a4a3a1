package dev.scoring.core.analysis;

import dev.scoring.core.Scale;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.json.ModelJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A static analysis of a {@link ScoringTable}: what scores are possible at all, which tiers
 * can be reached and how, and which rules and tiers look like mistakes. No contacts needed.
 *
 * <pre>{@code
 * ModelAnalysis analysis = ModelAnalysis.of(ExampleModels.seed());
 * System.out.print(analysis.report());
 * if (!analysis.findings().isEmpty()) { ... fail the build ... }
 * }</pre>
 *
 * <p>The ranges are exact: every contact (any attributes, any events, any instant) scores
 * inside them, and a witness contact reaches each finite extreme. Demographic rules on the
 * same attribute may exclude each other (age 18-24 and 25-34 cannot both fire), so the
 * highest fit is an optimisation over consistent attribute values; events interact through
 * {@code maxOccurrences}, windows, {@code minValue}, decay, the behavioral cap and
 * inactivity, which the analysis takes into account exactly (see the package
 * documentation for how). An extreme that needs more than {@link #EVENT_LIMIT} events, or a
 * search over budget, is replaced by a safe bound and marked inexact ({@link #exact()}).
 * Event ages are considered up to {@link Vocabulary#MAX_AGE_DAYS} (some 820 million years),
 * which matters only for a half-life so long that its factor never reaches 0 before.
 *
 * <p>Aggregate rules (SPEC section 9) are analysed from the exact analysis of the table
 * without them: the engagement range is widened by what they can add or take (a safe bound,
 * marked inexact unless a witness contact attains it), tiers claim no fewest event count,
 * and aggregate rules that can never fire or always apply are findings (see
 * {@link Finding.Kind#NEVER_FIRES}, {@link Finding.Kind#ALWAYS_APPLIES},
 * {@link Finding.Kind#RATE_ABOVE_ONE}).
 *
 * <p>This is a value-based record: immutable and thread-safe.
 *
 * @param model      the table's name
 * @param version    the table's version
 * @param scale      the table's scale
 * @param fit        the range of {@code fit}
 * @param engagement the range of {@code engagement}
 * @param raw        the range of {@code raw = fit + engagement}
 * @param score      the range of the score, {@code raw} clamped to the scale
 * @param tiers      how each tier can be reached, in the table's order
 * @param findings   probable mistakes, in the table's order
 */
public record ModelAnalysis(String model, String version, Scale scale, Range fit,
    Range engagement, Range raw, Range score, List<TierReach> tiers, List<Finding> findings) {

  /** The instant every witness contact is scored as of: {@code 2026-01-01T00:00:00Z}. */
  public static final Instant WITNESS_AS_OF = Instant.parse("2026-01-01T00:00:00Z");

  /** The most events per contact the analysis searches (for extremes and tiers). */
  public static final int EVENT_LIMIT = EngagementAnalysis.EVENT_LIMIT;

  /**
   * Copies the lists.
   *
   * @param model the table's name
   * @param version the table's version
   * @param scale the table's scale
   * @param fit the range of {@code fit}
   * @param engagement the range of {@code engagement}
   * @param raw the range of {@code raw = fit + engagement}
   * @param score the range of the score, {@code raw} clamped to the scale
   * @param tiers how each tier can be reached, in the table's order
   * @param findings probable mistakes, in the table's order
   */
  public ModelAnalysis {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(engagement, "engagement");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(score, "score");
    tiers = List.copyOf(tiers);
    findings = List.copyOf(findings);
  }

  /**
   * Analyses a table.
   *
   * @param table the table
   * @return the analysis
   * @throws NullPointerException if {@code table} is null
   */
  public static ModelAnalysis of(ScoringTable table) {
    Objects.requireNonNull(table, "table");
    List<dev.scoring.core.AggregateRule> aggregates = Vocabulary.aggregateRules(table);
    return aggregates.isEmpty() ? new Analyzer(table).analyse()
        : AggregateAnalysis.of(table, aggregates);
  }

  /**
   * Analyses a JSON model file (SPEC section 7), read with the default limits.
   *
   * @param file the model file
   * @return the analysis
   * @throws dev.scoring.api.ModelException if the file is not a valid model
   * @throws IOException                  if the file cannot be read
   */
  public static ModelAnalysis of(Path file) throws IOException {
    return of(ModelJson.read(file));
  }

  /** {@return whether every extreme is exact (no search ran over budget)} */
  public boolean exact() {
    for (Range r : List.of(fit, engagement, raw, score)) {
      if (!r.min().exact() || !r.max().exact()) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@return the analysis as a short text report: the ranges, one line per tier, then the
   * findings} Lines end with {@code \n}.
   */
  public String report() {
    return Report.write(this);
  }
}
