package dev.scoring.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scoring.core.examples.ExampleModels;
import dev.scoring.api.Contact;
import dev.scoring.core.ScoringTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** jqwik is an optional dependency: only {@link ScoringArbitraries} may touch it. */
class JqwikIsOptionalTest {

  @Test
  void onlyScoringArbitrariesReferencesJqwik() throws Exception {
    Path classes = location(ScoringTable.class);
    List<String> referencing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
        try {
          String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
          if (bytes.contains("net/jqwik")) {
            referencing.add(classes.relativize(p).toString().replace('\\', '/'));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    referencing.sort(null);
    assertEquals(List.of("dev/scoring/core/testing/ScoringArbitraries.class"),
        referencing.stream().filter(s -> !s.equals("module-info.class")).toList());
  }

  @Test
  void scoringAnalysisAndChecksRunWithoutJqwikOnTheClassPath() throws Exception {
    URL[] urls = {
        location(ScoringTable.class).toUri().toURL(),
        location(Contact.class).toUri().toURL(),
        location(WithoutJqwik.class).toUri().toURL(),
        location(com.fasterxml.jackson.core.JsonFactory.class).toUri().toURL(),
    };
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class,
          () -> Class.forName("net.jqwik.api.Arbitrary", false, loader));
      Class<?> user = Class.forName(WithoutJqwik.class.getName(), true, loader);
      ((Runnable) user.getConstructor().newInstance()).run();
      // The loader really lacks jqwik: the arbitraries cannot run in it.
      assertThrows(NoClassDefFoundError.class, () -> invokeContacts(loader));
    }
  }

  private static void invokeContacts(ClassLoader loader) throws Throwable {
    Class<?> arbitraries = Class.forName(ScoringArbitraries.class.getName(), true, loader);
    Class<?> table = Class.forName(ScoringTable.class.getName(), true, loader);
    Class<?> examples = Class.forName("dev.scoring.core.examples.ExampleModels", true, loader);
    Object seed = examples.getMethod("seed").invoke(null);
    try {
      arbitraries.getMethod("contacts", table, java.time.Instant.class)
          .invoke(null, seed, java.time.Instant.EPOCH);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Path location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
