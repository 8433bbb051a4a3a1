/**
 * Self-contained HTML reports with inline SVG charts: no JavaScript, no network, readable on a
 * phone and on paper. Every chart has a title, labelled axes with units and the table of its
 * numbers behind it.
 *
 * <p>{@link dev.scoring.core.report.HtmlReport} assembles a page from sections, charts
 * ({@link dev.scoring.core.report.Histogram}, {@link dev.scoring.core.report.BarChart},
 * {@link dev.scoring.core.report.Heatmap}, {@link dev.scoring.core.report.LineChart}) and tables;
 * {@link dev.scoring.core.report.ScoringReport} draws a scored population.
 */
package dev.scoring.core.report;
