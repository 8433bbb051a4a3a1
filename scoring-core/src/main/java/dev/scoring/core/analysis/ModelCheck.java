package dev.scoring.core.analysis;

import dev.scoring.api.ModelException;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks JSON model files from the command line, for a pull request's CI: prints each file's
 * analysis and exits with 1 when a file does not load or has findings, 0 when all are clean.
 *
 * <pre>
 * java -cp scoring-benchmarks/target/benchmarks.jar dev.scoring.core.analysis.ModelCheck models/*.json
 * </pre>
 */
public final class ModelCheck {
  private ModelCheck() {}

  /**
   * Runs the check and exits.
   *
   * @param args the model files
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /**
   * Checks model files.
   *
   * @param files the model files
   * @param out   where the reports go
   * @return 0 when every file loads and has no finding, 1 otherwise, 2 without files
   */
  public static int run(String[] files, PrintStream out) {
    if (files.length == 0) {
      out.println("usage: ModelCheck <model.json>...");
      return 2;
    }
    int status = 0;
    for (String file : files) {
      out.println("== " + file);
      try {
        ModelAnalysis analysis = ModelAnalysis.of(Path.of(file));
        out.print(analysis.report());
        if (!analysis.findings().isEmpty()) {
          status = 1;
        }
      } catch (ModelException | IOException e) {
        out.println("does not load: " + e.getMessage());
        status = 1;
      }
    }
    return status;
  }
}
