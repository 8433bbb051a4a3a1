package dev.scoring.rfm.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import javax.tools.JavaCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application module that {@code requires dev.scoring.rfm} and nothing else compiles
 * against the module jars (directories) of this build, uses the report type of
 * {@code dev.scoring.core} (so {@code requires transitive} is in place), and links with
 * {@code jlink} into a runtime image that runs it: every module it needs has a real module
 * descriptor (no automatic module, which jlink refuses).
 */
class ModularApplicationTest {
  private static final String MODULE_INFO = """
      module app {
        requires dev.scoring.rfm;
      }
      """;
  private static final String MAIN = """
      package app;

      import dev.scoring.core.report.HtmlReport;
      import dev.scoring.rfm.Rfm;
      import dev.scoring.rfm.RfmReport;
      import dev.scoring.rfm.RfmResult;
      import dev.scoring.rfm.Transaction;
      import dev.scoring.rfm.value.BgNbdModel;
      import java.time.LocalDate;
      import java.util.List;

      public final class Main {
        public static void main(String[] args) {
          List<Transaction> orders = List.of(
              new Transaction("ann", LocalDate.of(2026, 1, 5), 0.1, null),
              new Transaction("ann", LocalDate.of(2026, 1, 9), 0.2, null),
              new Transaction("bob", LocalDate.of(2026, 1, 7), 0.3, null));
          RfmResult result = Rfm.builder().analysisDate(LocalDate.of(2026, 2, 1)).build()
              .score(orders);
          HtmlReport report = RfmReport.of(result, "EUR");
          BgNbdModel model = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
          System.out.println(result.customers().size() + " customers, report "
              + (report.html().startsWith("<!DOCTYPE html>") ? "ok" : "bad")
              + ", P(X(39) = 0) = " + String.format(java.util.Locale.ROOT, "%.7f",
                  model.probabilityOfPurchasesNewCustomer(0, 39)));
        }
      }
      """;

  @TempDir
  static Path work;
  private static String modulePath;
  private static Path compiled;

  @BeforeAll
  static void compileTheApplication() throws IOException {
    modulePath = String.join(File.pathSeparator, modularClassPathEntries());
    Path src = work.resolve("src");
    Files.createDirectories(src.resolve("app"));
    Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(src.resolve("app/Main.java"), MAIN);
    compiled = work.resolve("classes");
    JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, errors, errors, "--module-path", modulePath,
        "-d", compiled.toString(), src.resolve("module-info.java").toString(),
        src.resolve("app/Main.java").toString());
    assertEquals(0, status, "javac: " + errors.toString(StandardCharsets.UTF_8));
  }

  /** The class-path entries with a module descriptor: this build's modules and their deps. */
  private static List<String> modularClassPathEntries() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (!Files.exists(path) || entry.endsWith("test-classes")) {
        continue;
      }
      try {
        Set<ModuleReference> found = ModuleFinder.of(path).findAll();
        if (found.size() == 1 && !found.iterator().next().descriptor().isAutomatic()) {
          entries.add(entry);
        }
      } catch (RuntimeException e) {
        // not a module (e.g. a jar whose name gives no automatic module name): leave it out
      }
    }
    return entries;
  }

  @Test
  void anApplicationRequiringOnlyTheRfmModule_compilesAndReadsTheCoreReportType() {
    ModuleDescriptor app = ModuleFinder.of(compiled).find("app").orElseThrow().descriptor();
    assertEquals(Set.of("dev.scoring.rfm", "java.base"),
        app.requires().stream().map(ModuleDescriptor.Requires::name)
            .collect(java.util.stream.Collectors.toSet()));
    assertTrue(ModuleFinder.of(modulePathEntries()).find("dev.scoring.rfm").orElseThrow()
        .descriptor().requires().stream().anyMatch(r -> r.name().equals("dev.scoring.core")
            && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)),
        "dev.scoring.rfm must require dev.scoring.core transitively");
  }

  @Test
  void jlinkLinksTheApplicationAndTheImageRunsIt() throws Exception {
    Optional<ToolProvider> jlink = ToolProvider.findFirst("jlink");
    assertTrue(jlink.isPresent(), "the JDK must provide jlink");
    Path image = work.resolve("image");
    StringWriter out = new StringWriter();
    int status = jlink.get().run(new PrintWriter(out), new PrintWriter(out),
        "--module-path", compiled + File.pathSeparator + modulePath,
        "--add-modules", "app", "--output", image.toString(),
        "--strip-debug", "--no-header-files", "--no-man-pages");
    assertEquals(0, status, "jlink: " + out);
    Path java = image.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    Process process = new ProcessBuilder(java.toString(), "-m", "app/app.Main")
        .redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the linked application must exit");
    assertEquals(0, process.exitValue(), printed);
    // P(X(39) = 0) at the paper's parameters is BTYD's 0.5737864
    assertEquals("2 customers, report ok, P(X(39) = 0) = 0.5737864", printed.strip());
  }

  private static Path[] modulePathEntries() {
    return java.util.Arrays.stream(modulePath.split(File.pathSeparator)).map(Path::of)
        .toArray(Path[]::new);
  }

  private static boolean isWindows() {
    return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win");
  }
}
