package dev.scoring.benchmarks;

import dev.scoring.api.Contact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.utils.KieHelper;

/**
 * The seed table in Drools: {@code seed.drl} (one rule per table rule, events as facts
 * summed with {@code accumulate}) compiled when constructed, run in a stateless session once
 * per contact. One thread at a time.
 */
final class DroolsSeed {
  private final StatelessKieSession session;

  DroolsSeed() {
    this(compile());
  }

  private DroolsSeed(KieBase base) {
    session = base.newStatelessKieSession();
  }

  /** Reads and compiles {@code seed.drl}: what the model compilation benchmark times. */
  static KieBase compile() {
    return new KieHelper().addContent(drl(), ResourceType.DRL).build();
  }

  static String drl() {
    try (InputStream in = DroolsSeed.class.getResourceAsStream("seed.drl")) {
      if (in == null) {
        throw new IllegalStateException("seed.drl must be on the class path, but was missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scores one contact. */
  double score(Contact c, Instant asOf) {
    Lead lead = new Lead(c, asOf);
    List<Object> facts = new ArrayList<>(lead.eventCount() + 1);
    facts.add(lead);
    for (int i = 0; i < lead.eventCount(); i++) {
      if (lead.days(i) >= 0) {
        facts.add(new LeadEvent(lead.type(i), lead.days(i)));
      }
    }
    session.execute(facts);
    return lead.score();
  }
}
