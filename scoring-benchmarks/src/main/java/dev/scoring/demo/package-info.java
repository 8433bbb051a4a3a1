/** The runnable demo: {@code java -cp scoring-benchmarks/target/benchmarks.jar dev.scoring.demo.Demo}. */
package dev.scoring.demo;
