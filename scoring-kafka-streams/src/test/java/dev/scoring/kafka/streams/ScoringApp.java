package dev.scoring.kafka.streams;

// docs:kafka-streams
import dev.scoring.api.ScoringModel;
import dev.scoring.core.json.ModelJson;
import dev.scoring.kafka.streams.LiveScoringTopology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;

public class ScoringApp {

  /** Events and attributes in, scores and tier changes out, model updates from a topic. */
  public static Topology topology(ScoringModel model) {
    return LiveScoringTopology.builder(model)
        .eventsTopic("events")                  // key: contact id, value: Event
        .attributesTopic("contact-attributes")  // key: contact id, value: ContactAttributes
        .modelTopic("scoring-models")           // value: a model file (JSON); latest wins
        .scoresTopic("scores")                  // key: contact id, value: Score
        .tierChangesTopic("tier-changes")       // key: contact id, value: TierChange
        .persistent(true)                       // RocksDB; false keeps contacts in memory
        .sweepEvery(Duration.ofMinutes(5), PunctuationType.WALL_CLOCK_TIME)
        .maxEventsPerContact(10_000)
        .build()
        .addTo(new Topology());
  }

  /** Exactly once: the store, the outputs and the input offsets commit together. */
  public static Properties config(String bootstrapServers) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "lead-scoring");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    return props;
  }

  public static void main(String[] args) throws IOException {
    ScoringModel model = ModelJson.read(Path.of(args[0]));
    KafkaStreams streams = new KafkaStreams(topology(model), config(args[1]));
    Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
    streams.start();
  }
}
// docs:end
