/** JMH benchmarks of the customer-value models: BG/NBD and Gamma-Gamma fits at scale. */
package dev.scoring.benchmarks.value;
