/**
 * JMH benchmarks of the scoring paths and the runnable demo. Never published; shaded into
 * {@code target/benchmarks.jar}. Open, so JMH's generated code and reflection reach the
 * benchmark state classes.
 */
open module dev.scoring.benchmarks {
  requires dev.scoring.core;
  requires dev.scoring.rfm;
  requires com.fasterxml.jackson.core;
  requires java.management;
  requires jdk.management;
  requires org.apache.commons.rng.api;
  requires org.apache.commons.rng.simple;
  requires org.apache.commons.statistics.distribution;
  requires java.sql;
  requires jmh.core;
  requires easy.rules.core;
  requires org.kie.api;
  requires org.kie.internal.api;
  requires org.drools.engine.classic;
}
