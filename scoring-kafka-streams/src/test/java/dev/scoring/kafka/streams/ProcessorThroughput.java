package dev.scoring.kafka.streams;

import dev.scoring.api.Event;
import dev.scoring.core.ModelSet;
import dev.scoring.core.ScoringTable;
import dev.scoring.core.examples.ExampleModels;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Events per second through the scoring processor on {@link TopologyTestDriver} with the
 * in-memory store, against the floor: a processor that only counts events per key in the
 * same kind of store and forwards the count (the same number of store reads, writes and
 * output records, no scoring). A timed harness, not JMH: the driver's per-record cost
 * (serialisation, mock consumer and producer) is part of both sides.
 *
 * <p>With the argument {@code set}, it compares instead a model set of three tables in one
 * topology (one state per contact) against three single-table topologies fed the same
 * events one after the other (three states per contact): the time for all three scores of
 * every event.
 *
 * <p>With the argument {@code accounts}, it compares the {@code StreamsBuilder} wiring of a
 * table with an account block (10 000 contacts in 1 000 accounts of 10, member updates
 * repartitioned, each account rescored) against the same wiring of the same table without
 * its account block (contacts only).
 *
 * <p>Run: {@code mvn -B -q -o -pl scoring-kafka-streams -am package -DskipTests
 * dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt} then {@code java -cp
 * scoring-kafka-streams/target/classes:scoring-kafka-streams/target/test-classes:$(cat
 * /tmp/cp.txt) dev.scoring.kafka.streams.ProcessorThroughput [set|accounts]}
 */
public final class ProcessorThroughput {
  private static final int CONTACTS = 10_000;
  private static final int EVENTS = 200_000;
  private static final int ROUNDS = 8;
  private static final int WARMUP = 3;

  private ProcessorThroughput() {}

  /**
   * Prints events per second of wall-clock and of CPU time, per round and their medians.
   *
   * @param args ignored
   * @throws Exception if the driver fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("set")) {
      sets();
      return;
    }
    if (args.length > 0 && args[0].equals("accounts")) {
      accounts();
      return;
    }
    ScoringTable model = ExampleModels.seed();
    String[] types = {"white_paper_download", "pricing_page_visit", "email_open",
        "newsletter_subscription", "contact_form", "webinar", "case_study_download",
        "chatbot_interaction", "blog_visit", "demo_request", "page_view", "hard_bounce"};
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    Random random = new Random(42);
    String[] keys = new String[EVENTS];
    Event[] events = new Event[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      keys[i] = "c-" + random.nextInt(CONTACTS);
      events[i] = Event.of(types[random.nextInt(types.length)],
          now.minusSeconds(random.nextInt(180 * 86_400)));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] wall = new double[2][ROUNDS - WARMUP];
    double[][] cpu = new double[2][ROUNDS - WARMUP];
    for (int round = 0; round < ROUNDS; round++) {
      for (int side = 0; side < 2; side++) {
        Path dir = Files.createTempDirectory("throughput");
        Topology topology = side == 0
            ? LiveScoringTopology.builder(model)
                .sweepEvery(Duration.ofDays(365), PunctuationType.WALL_CLOCK_TIME).build()
                .addTo(new Topology())
            : counting();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "throughput");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, p, now)) {
          TestInputTopic<String, Event> in = driver.createInputTopic("events",
              Serdes.String().serializer(), ScoringSerdes.event().serializer());
          long c0 = mx.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          for (int i = 0; i < EVENTS; i++) {
            in.pipeInput(keys[i], events[i], now);
          }
          long t1 = System.nanoTime();
          long c1 = mx.getCurrentThreadCpuTime();
          double perSecond = EVENTS / ((t1 - t0) / 1e9);
          double perCpuSecond = EVENTS / ((c1 - c0) / 1e9);
          System.out.printf(Locale.ROOT, "round %d%s %s: %.0f events/s wall, %.0f events/s "
              + "CPU%n", round + 1, round < WARMUP ? " (warm-up)" : "",
              side == 0 ? "scoring " : "counting", perSecond, perCpuSecond);
          if (round >= WARMUP) {
            wall[side][round - WARMUP] = perSecond;
            cpu[side][round - WARMUP] = perCpuSecond;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "median: scoring %.0f / counting %.0f events/s wall "
        + "(%.2fx), scoring %.0f / counting %.0f events/s CPU (%.2fx)%n",
        median(wall[0]), median(wall[1]), median(wall[0]) / median(wall[1]),
        median(cpu[0]), median(cpu[1]), median(cpu[0]) / median(cpu[1]));
  }

  /** A set of three tables in one topology against three single-table topologies. */
  private static void sets() throws Exception {
    ScoringTable seed = ExampleModels.seed();
    ScoringTable[] tables = {seed,
        seed.toBuilder().name("seed-strict").clearTiers().tier("MQL", 70).tier("SQL", 90)
            .build(),
        seed.toBuilder().name("seed-slow").decay(dev.scoring.core.Decay.halfLife(90)).build()};
    ModelSet set = ModelSet.builder("three").add(tables[0]).add(tables[1]).add(tables[2])
        .build();
    String[] types = {"white_paper_download", "pricing_page_visit", "email_open",
        "newsletter_subscription", "contact_form", "webinar", "case_study_download",
        "chatbot_interaction", "blog_visit", "demo_request", "page_view", "hard_bounce"};
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    Random random = new Random(42);
    int n = EVENTS / 2;
    String[] keys = new String[n];
    Event[] events = new Event[n];
    for (int i = 0; i < n; i++) {
      keys[i] = "c-" + random.nextInt(CONTACTS);
      events[i] = Event.of(types[random.nextInt(types.length)],
          now.minusSeconds(random.nextInt(180 * 86_400)));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] cpu = new double[2][ROUNDS - WARMUP];
    for (int round = 0; round < ROUNDS; round++) {
      for (int side = 0; side < 2; side++) {
        List<Topology> topologies = new ArrayList<>();
        if (side == 0) {
          topologies.add(LiveScoringTopology.builder(set)
              .sweepEvery(Duration.ofDays(365), PunctuationType.WALL_CLOCK_TIME).build()
              .addTo(new Topology()));
        } else {
          for (ScoringTable t : tables) {
            topologies.add(LiveScoringTopology.builder(t)
                .sweepEvery(Duration.ofDays(365), PunctuationType.WALL_CLOCK_TIME).build()
                .addTo(new Topology()));
          }
        }
        long cpuNanos = 0;
        for (Topology topology : topologies) {
          Properties p = new Properties();
          p.put(StreamsConfig.APPLICATION_ID_CONFIG, "throughput");
          p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
          p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("sets").toString());
          try (TopologyTestDriver driver = new TopologyTestDriver(topology, p, now)) {
            TestInputTopic<String, Event> in = driver.createInputTopic("events",
                Serdes.String().serializer(), ScoringSerdes.event().serializer());
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
              in.pipeInput(keys[i], events[i], now);
            }
            cpuNanos += mx.getCurrentThreadCpuTime() - c0;
          }
        }
        double perCpuSecond = n / (cpuNanos / 1e9);
        System.out.printf(Locale.ROOT, "round %d%s %s: %.0f events/s CPU (3 scores each)%n",
            round + 1, round < WARMUP ? " (warm-up)" : "",
            side == 0 ? "set of 3        " : "3 single tables ", perCpuSecond);
        if (round >= WARMUP) {
          cpu[side][round - WARMUP] = perCpuSecond;
        }
      }
    }
    System.out.printf(Locale.ROOT, "median: set of 3 %.0f / 3 single tables %.0f events/s CPU "
        + "(%.2fx)%n", median(cpu[0]), median(cpu[1]), median(cpu[0]) / median(cpu[1]));
  }

  /** The StreamsBuilder wiring with accounts against the same without the account block. */
  private static void accounts() throws Exception {
    ScoringTable withAccounts = ExampleModels.seed().toBuilder()
        .account(dev.scoring.core.AccountRules.builder(
                dev.scoring.core.AccountRules.Combine.topMean(3))
            .tier("target", 50).build())
        .build();
    ScoringTable contactsOnly = ExampleModels.seed();
    String[] types = {"white_paper_download", "pricing_page_visit", "email_open",
        "newsletter_subscription", "contact_form", "webinar", "case_study_download",
        "chatbot_interaction", "blog_visit", "demo_request", "page_view", "hard_bounce"};
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    Random random = new Random(42);
    int n = EVENTS / 2;
    String[] keys = new String[n];
    Event[] events = new Event[n];
    for (int i = 0; i < n; i++) {
      keys[i] = "c-" + random.nextInt(CONTACTS);
      events[i] = Event.of(types[random.nextInt(types.length)],
          now.minusSeconds(random.nextInt(180 * 86_400)));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] cpu = new double[2][ROUNDS - WARMUP];
    for (int round = 0; round < ROUNDS; round++) {
      for (int side = 0; side < 2; side++) {
        Topology topology = LiveScoringTopology.builder(side == 0 ? withAccounts : contactsOnly)
            .attributesTopic("attributes")
            .sweepEvery(Duration.ofDays(365), PunctuationType.WALL_CLOCK_TIME).build()
            .addTo(new org.apache.kafka.streams.StreamsBuilder()).build();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "throughput");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("accounts").toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, p, now)) {
          TestInputTopic<String, ContactAttributes> attributes = driver.createInputTopic(
              "attributes", Serdes.String().serializer(),
              ScoringSerdes.attributes().serializer());
          for (int c = 0; c < CONTACTS; c++) {
            attributes.pipeInput("c-" + c, new ContactAttributes(
                java.util.Map.of("account_id", "a-" + c / 10)), now);
          }
          TestInputTopic<String, Event> in = driver.createInputTopic("events",
              Serdes.String().serializer(), ScoringSerdes.event().serializer());
          long c0 = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < n; i++) {
            in.pipeInput(keys[i], events[i], now);
          }
          double perCpuSecond = n / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
          System.out.printf(Locale.ROOT, "round %d%s %s: %.0f events/s CPU%n", round + 1,
              round < WARMUP ? " (warm-up)" : "", side == 0 ? "with accounts " : "contacts only",
              perCpuSecond);
          if (round >= WARMUP) {
            cpu[side][round - WARMUP] = perCpuSecond;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "median: with accounts %.0f / contacts only %.0f events/s "
        + "CPU (%.2fx)%n", median(cpu[0]), median(cpu[1]), median(cpu[0]) / median(cpu[1]));
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** The floor: counts events per key in an in-memory store and forwards the count. */
  private static Topology counting() {
    Topology t = new Topology();
    t.addSource("events", Serdes.String().deserializer(), ScoringSerdes.event().deserializer(),
        "events");
    t.addProcessor("count", () -> new Processor<String, Event, String, Long>() {
      private ProcessorContext<String, Long> context;
      private KeyValueStore<String, Long> store;

      @Override
      public void init(ProcessorContext<String, Long> context) {
        this.context = context;
        this.store = context.getStateStore("counts");
      }

      @Override
      public void process(Record<String, Event> record) {
        Long n = store.get(record.key());
        long next = n == null ? 1 : n + 1;
        store.put(record.key(), next);
        context.forward(record.withValue(next));
      }
    }, "events");
    t.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"),
        Serdes.String(), Serdes.Long()), "count");
    t.addSink("out", "counts", Serdes.String().serializer(), Serdes.Long().serializer(),
        "count");
    return t;
  }
}
