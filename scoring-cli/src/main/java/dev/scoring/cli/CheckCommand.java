package dev.scoring.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scoring.core.ContactTable;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.analysis.Finding;
import dev.scoring.core.analysis.ModelAnalysis;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scoring check}: the static analysis of JSON model files for a pull request's CI
 * ({@link ModelAnalysis}: ranges, tier reach, findings), and with a sample of contacts a
 * {@link Coverage} check that catches typos between the data and the model. Exit code 0
 * when every model loads and nothing was found, 1 on a finding, 3 when a model does not
 * load (3 wins over 1).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    versionProvider = ScoringCli.Version.class,
    description = "Checks JSON model files: ranges, tier reach and findings of the static"
        + " analysis; with --contacts also the coverage of a sample: rules that never"
        + " matched, and attribute names and event types in the data that no rule reads,"
        + " each with the closest name the model reads. Exit code 1 on a finding (a likely"
        + " typo, a rule never matched), 3 when a model does not load.")
final class CheckCommand implements Callable<Integer> {
  @ParentCommand
  ScoringCli root;

  @Parameters(arity = "1..*", paramLabel = "<model.json>", description = "The model files.")
  List<Path> models;

  @Mixin
  ContactOptions contacts;

  @Option(names = "--as-of", paramLabel = "<instant>",
      description = "The instant the sample is scored as of (coverage). Default: now.")
  Instant asOf;

  @Option(names = "--json", description = "Print one JSON document instead of text (for CI).")
  boolean json;

  /** Creates the command; picocli calls it. */
  CheckCommand() {}

  @Override
  public Integer call() throws IOException {
    PrintStream out = root.out;
    Instant at = asOf != null ? asOf : Instant.now();
    ContactTable sample = null;
    long badLines = 0;
    if (contacts.contacts != null || contacts.events != null) {
      try (BadLines bad = new BadLines(root.err, contacts.badLines)) {
        sample = new ContactSource(contacts, bad, false, root, 1).table();
        badLines = bad.count();
      }
    }
    int status = badLines > 0 ? Exit.FINDINGS : Exit.OK;
    List<Map<String, Object>> results = new ArrayList<>();
    for (Path file : models) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("file", file.toString());
      if (!json) {
        out.println("== " + file);
      }
      ScoringTable model;
      try {
        model = ScoreCommand.loadModel(file);
      } catch (BadInputException e) {
        result.put("loads", false);
        result.put("error", e.getMessage());
        results.add(result);
        if (!json) {
          out.println("does not load: " + e.getMessage());
        }
        status = Exit.BAD_INPUT;
        continue;
      }
      ModelAnalysis analysis = ModelAnalysis.of(model);
      result.put("loads", true);
      result.put("model", model.name());
      result.put("version", model.version());
      List<Map<String, String>> findings = new ArrayList<>();
      for (Finding f : analysis.findings()) {
        findings.add(Map.of("kind", f.kind().name().toLowerCase(Locale.ROOT),
            "subject", f.subject(), "message", f.message()));
      }
      result.put("findings", findings);
      result.put("report", analysis.report());
      if (!json) {
        out.print(analysis.report());
      }
      boolean found = !analysis.findings().isEmpty();
      if (sample != null) {
        Coverage coverage = new Coverage(model, at);
        for (int i = 0; i < sample.size(); i++) {
          coverage.add(sample.contact(i));
        }
        result.put("coverage", coverage.toMap());
        if (!json) {
          out.print(coverage.report(String.valueOf(
              contacts.contacts != null ? contacts.contacts : contacts.events)));
        }
        found |= coverage.hasFindings();
      }
      if (found && status == Exit.OK) {
        status = Exit.FINDINGS;
      }
      results.add(result);
    }
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("status", status);
      doc.put("badLines", badLines);
      doc.put("models", results);
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(doc));
    }
    out.flush();
    return status;
  }
}
