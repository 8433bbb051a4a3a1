/**
 * Live scoring in Kafka Streams: {@link dev.scoring.kafka.streams.LiveScoringTopology} adds a
 * scoring processor (one table or a model set), its state store and its sinks to a
 * {@link org.apache.kafka.streams.Topology}, or to a
 * {@link org.apache.kafka.streams.StreamsBuilder} with account scores repartitioned by
 * account id; {@link dev.scoring.kafka.streams.ScoringSerdes} reads and writes events,
 * attributes, scores, tier changes ({@link dev.scoring.core.live.TierChange}), account scores
 * and account tier changes ({@link dev.scoring.core.live.AccountTierChange}, the records the
 * live scorer's listeners get).
 */
package dev.scoring.kafka.streams;
