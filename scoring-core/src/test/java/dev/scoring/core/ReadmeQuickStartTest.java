package dev.scoring.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, taken from README.md as it stands, compiled with the JDK's compiler
 * against the library and run: the output must be the one the README shows under "prints".
 * So the README never shows code that misses an import, does not compile or prints otherwise.
 */
class ReadmeQuickStartTest {
  private static final Pattern QUICK_START = Pattern.compile(
      "## Quick start\\n.*?```java\\n(.*?)```\\n\\nprints\\n\\n```\\n(.*?)```\\n", Pattern.DOTALL);

  @Test
  void quickStartCompilesRunsAndPrintsWhatTheReadmeShows(@TempDir Path dir) throws Exception {
    Matcher m = QUICK_START.matcher(Files.readString(Path.of("..", "README.md")));
    assertThat(m.find()).as("README.md must have a Quick start with a java block and its output")
        .isTrue();
    String program = m.group(1);
    String printed = m.group(2);
    Files.writeString(dir.resolve("QuickStart.java"), program);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int rc = javac.run(null, diagnostics, diagnostics, "-d", dir.toString(),
        "-classpath", System.getProperty("java.class.path"),
        dir.resolve("QuickStart.java").toString());
    assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    assertThat(run(dir)).isEqualTo(printed);
  }

  private static String run(Path classes) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<URL> urls = List.of(classes.toUri().toURL());
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
        ReadmeQuickStartTest.class.getClassLoader())) {
      Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
