package dev.scoring.core.report;

/**
 * A chart that renders itself as inline SVG, with the table of its numbers for readers who
 * cannot see it. Implementations are immutable and thread-safe.
 */
public interface Chart {

  /**
   * Returns the chart's title, shown above it.
   *
   * @return the chart's title, shown above it
   */
  String title();

  /**
   * Returns the chart as an {@code <svg>} element that scales to its container.
   *
   * @return the chart as an {@code <svg>} element that scales to its container
   */
  String svg();

  /**
   * Returns the chart's numbers as an HTML {@code <table>}.
   *
   * @return the chart's numbers as an HTML {@code <table>}
   */
  String table();
}
