package dev.scoring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What this module shows: attribute normalisation is not public API. */
class ApiSurfaceTest {

  @Test
  void normalizeAttribute_isNotAPublicMethodOfContact() {
    assertThatThrownBy(() -> Contact.class.getMethod("normalizeAttribute", String.class,
        Object.class)).isInstanceOf(NoSuchMethodException.class);
  }

  @Test
  void theInternalPackage_isExportedToTheEngineOnly() {
    Path classes = Path.of(System.getProperty("user.dir"), "target", "classes");
    Assumptions.assumeTrue(Files.exists(classes.resolve("module-info.class")),
        "the compiled module is not where a Maven build puts it");
    ModuleDescriptor module = ModuleFinder.of(classes).find("dev.scoring.api").orElseThrow()
        .descriptor();
    Map<String, Set<String>> exports = new TreeMap<>();
    module.exports().forEach(e -> exports.put(e.source(), e.targets()));
    assertThat(exports).isEqualTo(Map.of(
        "dev.scoring.api", Set.of(),
        "dev.scoring.api.internal", Set.of("dev.scoring.core")));
  }
}
