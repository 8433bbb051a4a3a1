/**
 * Live scoring as a Kafka Streams processor: events keyed by contact id in, compact
 * per-contact state in a key-value store, score updates and tier changes out (one per table
 * of a model set), and account scores kept per account id after a repartition. Kafka Streams
 * is provided by the application.
 */
module dev.scoring.kafka.streams {
  requires transitive dev.scoring.core;
  requires transitive kafka.streams;
  requires transitive kafka.clients;

  exports dev.scoring.kafka.streams;
}
