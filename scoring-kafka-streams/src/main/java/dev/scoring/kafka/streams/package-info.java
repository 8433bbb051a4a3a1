/**
 * Live scoring in Kafka Streams: {@link dev.scoring.kafka.streams.LiveScoringTopology} adds a
 * scoring processor, its state store and its sinks to a {@link org.apache.kafka.streams.Topology};
 * {@link dev.scoring.kafka.streams.ScoringSerdes} reads and writes events, attributes, scores
 * and tier changes.
 */
package dev.scoring.kafka.streams;
