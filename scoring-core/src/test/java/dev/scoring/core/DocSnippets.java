package dev.scoring.core;

import java.util.List;

/** Snippets of test sources that a docs page must show verbatim (see ReadmeSnippets). */
public final class DocSnippets {
  private DocSnippets() {}

  /**
   * The de-indented blocks after each {@code startPrefix<name>} line up to {@code endMarker}.
   *
   * @param source     a test's source
   * @param startPrefix the marker starting a block
   * @param endMarker  the marker ending it
   * @return the blocks
   */
  public static List<String> between(String source, String startPrefix, String endMarker) {
    return ReadmeSnippets.between(source, startPrefix, endMarker);
  }
}
