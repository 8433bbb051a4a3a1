package dev.scoring.kafka.streams;

// docs:kafka-accounts
import dev.scoring.core.ModelSet;
import dev.scoring.kafka.streams.LiveScoringTopology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

public class AccountsApp {

  /** A set's scores per contact, and accounts under its "b2b" table's account block. */
  public static Topology topology(ModelSet set) {
    StreamsBuilder builder = new StreamsBuilder();
    LiveScoringTopology.builder(set)
        .eventsTopic("events")                     // key: contact id, value: Event
        .attributesTopic("contact-attributes")     // key: contact id, value: ContactAttributes
        .scoresTopic("scores")                     // key: contact id, one Score per table
        .tierChangesTopic("tier-changes")          // key: contact id, value: TierChange
        .accountTable("b2b")                       // the table whose account block is used
        .accountsTopic("account-records")          // value: {"id": ..., "attributes": {...}}
        .accountScoresTopic("account-scores")      // key: account id, value: AccountScore
        .accountTierChangesTopic("account-tier-changes") // value: AccountTierChange
        .build()
        .addTo(builder);                           // a StreamsBuilder: accounts repartition
    return builder.build();
  }
}
// docs:end
