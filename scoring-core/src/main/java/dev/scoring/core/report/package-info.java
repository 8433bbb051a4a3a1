/**
 * Self-contained HTML reports with inline SVG charts: no JavaScript, no network, readable on a
 * phone and on paper. Every chart has a title, labelled axes with units and the table of its
 * numbers behind it; every label is placed from its measured width, so no two texts overlap
 * and none leaves its chart at any magnitude (checked in a browser at 100 to 1,000,000
 * contacts); every number is formatted by {@link dev.scoring.core.report.Numbers}.
 *
 * <p>{@link dev.scoring.core.report.HtmlReport} assembles a page from sections, notices,
 * charts ({@link dev.scoring.core.report.Histogram}, with whole-number bins for counts,
 * {@link dev.scoring.core.report.BarChart}, {@link dev.scoring.core.report.Heatmap},
 * {@link dev.scoring.core.report.LineChart}) and tables.
 * {@link dev.scoring.core.report.ScoringReport} draws a scored population: findings, scores,
 * rule contributions, fit x engagement, the movement since the last run and the top
 * contacts; {@link dev.scoring.core.report.EvaluationReport} draws an evaluation or a
 * comparison of two tables.
 */
package dev.scoring.core.report;
