/** JMH benchmarks of live scoring: events per second through the {@code LiveScorer}. */
package dev.scoring.benchmarks.live;
