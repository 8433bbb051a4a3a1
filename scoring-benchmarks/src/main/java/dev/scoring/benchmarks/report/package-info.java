/** JMH benchmarks of collecting a scored population into an HTML report. */
package dev.scoring.benchmarks.report;
