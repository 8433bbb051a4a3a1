/**
 * JMH benchmarks: batch and object scoring against hand-written code and the rule engines
 * (Easy Rules, Drools), table building and model compilation. Each class's Javadoc gives the
 * command to run it; results are in {@code BENCHMARKS.md}.
 */
package dev.scoring.benchmarks;
