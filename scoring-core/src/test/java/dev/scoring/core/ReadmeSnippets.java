package dev.scoring.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts documentation snippets out of test sources, removing the common indentation, and reads
 * the pages that must show them ({@code README.md} and the guide in {@code docs/}).
 */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /** The text of a guide page, {@code docs/<name>} at the top of the repository. */
  static String docPage(String name) throws IOException {
    return Files.readString(Path.of("..", "docs", name));
  }

  /**
   * The blocks of lines after each {@code startPrefix<name>} line up to the next
   * {@code endMarker} line, de-indented.
   */
  static List<String> between(String source, String startPrefix, String endMarker) {
    List<String> snippets = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].trim();
      if (t.startsWith(startPrefix) && !t.equals(endMarker)) {
        List<String> block = new ArrayList<>();
        int j = i + 1;
        while (j < lines.length && !lines[j].trim().equals(endMarker)) {
          block.add(lines[j]);
          j++;
        }
        snippets.add(dedent(block));
        i = j;
      }
    }
    return snippets;
  }

  private static String dedent(List<String> block) {
    int indent = Integer.MAX_VALUE;
    for (String line : block) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String line : block) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }
}
