package io.querylens.exporter.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import io.querylens.core.DatabaseFindingKind;
import io.querylens.exporter.otel.MarkerRun.Channels;
import io.querylens.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * No literal ever leaves the process (issue 9), end to end: a child JVM runs, through the {@code
 * jdbc:querylens:} driver on the real database, SQL with a marker in every literal, comment and
 * quoted-string position that database knows ({@link MarkerWorkload}), each statement often enough
 * in one unit of work to raise findings; then no marker may appear in anything QueryLens wrote:
 * spans, log records and metrics at a real OTLP receiver, the Prometheus endpoint's text and what a
 * real Prometheus server scraped from it, the JSON report, the console report and the finding lines
 * logged as they happen. Each channel must also carry the shapes, so that an empty one cannot pass.
 *
 * <p>The workloads run in parallel child JVMs, started before the tests: most of their time is
 * spent waiting out QueryLens's limit of one finding log line a second.
 */
class LiteralRoundTripIT {
  private static final Map<MarkerWorkload, CompletableFuture<Channels>> runs =
      new ConcurrentHashMap<>();
  private static final ExecutorService pool = Executors.newCachedThreadPool();

  @TempDir static Path dir;

  @BeforeAll
  static void startWorkloads() {
    for (MarkerWorkload w :
        List.of(MarkerWorkload.H2, MarkerWorkload.POSTGRESQL, MarkerWorkload.MARIADB)) {
      if (reachable(w.database())) {
        start(w);
      }
    }
  }

  /** Stops the runs still going (when only some tests ran): their child JVMs and Prometheus. */
  @AfterAll
  static void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).as("runs stopped").isTrue();
  }

  @Test
  void h2() {
    assertNoMarkerLeaves(MarkerWorkload.H2);
  }

  @Test
  void postgresql() {
    assertNoMarkerLeaves(MarkerWorkload.POSTGRESQL);
  }

  @Test
  void mariadbWithAndWithoutBackslashEscapes() {
    assertNoMarkerLeaves(MarkerWorkload.MARIADB);
  }

  /**
   * After {@code set standard_conforming_strings = off} PostgreSQL reads {@code \'} inside a plain
   * string as an escaped quote: the shapes follow the session's setting as the driver reports it
   * (this leaked before, e.g. {@code name = 'it\'s QLSECRET0'} gave {@code name = ?s QLSECRET0 …}).
   */
  @Test
  void postgresqlWithoutStandardConformingStrings() {
    assertNoMarkerLeaves(MarkerWorkload.POSTGRESQL_NONSTANDARD_STRINGS);
  }

  @Test
  void everyStatementCarriesAMarker() {
    for (MarkerWorkload w : MarkerWorkload.values()) {
      for (MarkerWorkload.Phase phase : w.phases()) {
        assertThat(phase.statements())
            .as(phase.name())
            .allSatisfy(m -> assertThat(ChannelTexts.hasMarker(m.sql(0))).as(m.label()).isTrue());
        assertThat(phase.setup()).as(phase.name()).noneMatch(ChannelTexts::hasMarker);
      }
    }
  }

  private static void assertNoMarkerLeaves(MarkerWorkload workload) {
    workload.database().requireAvailable();
    Channels ch = channels(workload);

    assertThat(ch.results())
        .as("each statement did on the database what it should, %d times", MarkerWorkload.REPEAT)
        .hasSize(workload.statementCount())
        .allSatisfy(line -> assertThat(line).endsWith("\tok"));

    assertNoMarker("spans", ChannelTexts.ofProto(ch.traces()), ch.traces().toString());
    assertNoMarker("OTLP log records", ChannelTexts.ofProto(ch.logs()), ch.logs().toString());
    assertNoMarker("OTLP metrics", ChannelTexts.ofProto(ch.metrics()), ch.metrics().toString());
    assertNoMarker(
        "Prometheus endpoint",
        ChannelTexts.ofPrometheus(ch.prometheusEndpoint()),
        ch.prometheusEndpoint());
    assertNoMarker(
        "Prometheus server", ChannelTexts.ofJson(ch.prometheusSeries()), ch.prometheusSeries());
    assertNoMarker("JSON report", ChannelTexts.ofJson(ch.jsonReport()), ch.jsonReport());
    assertNoMarker(
        "standard error: console report, finding lines", ch.stderr().lines().toList(), "");
    assertNoMarker("standard output", ch.stdout().lines().toList(), "");

    // and not because a channel was empty: each carries the shapes and findings
    Set<String> shapes = new HashSet<>(ChannelTexts.jsonValues(ch.jsonReport(), "shape"));
    List<String> findingKinds = ChannelTexts.jsonValues(ch.jsonReport(), "kind");
    assertThat(shapes)
        .as("shapes in the JSON report")
        .hasSizeGreaterThan(workload.statementCount() / 2);
    assertThat(findingKinds)
        .as("findings in the JSON report")
        .contains("n-plus-one", "duplicate", "chatty-writes");
    assertThat(attributeValues(spans(ch), "db.query.text"))
        .as("db.query.text of the spans")
        .containsAll(shapes);
    assertThat(findingLogRecords(ch))
        .as("a finding log record for each finding")
        .hasSameSizeAs(findingKinds);
    assertThat(metricQueryTexts(ch))
        .as("db.query.text of the OTLP metrics")
        .containsExactlyInAnyOrderElementsOf(shapes);
    assertThat(
            new HashSet<>(ChannelTexts.prometheusLabel(ch.prometheusEndpoint(), "db_query_text")))
        .as("db_query_text of the Prometheus endpoint")
        .containsExactlyInAnyOrderElementsOf(shapes);
    assertThat(ChannelTexts.ofJson(ch.prometheusSeries()))
        .as("series Prometheus scraped")
        .contains("querylens_shape_errors_total", "db_query_text");
    assertThat(ch.stderr().lines().filter(l -> l.contains("QueryLens finding ")))
        .as("a finding line for each finding of a unit of work (database findings have none)")
        .hasSameSizeAs(
            findingKinds.stream()
                .filter(
                    k ->
                        Arrays.stream(DatabaseFindingKind.values())
                            .noneMatch(d -> d.label().equals(k)))
                .toList());
    assertThat(ch.stderr()).as("console report").contains("QueryLens summary", "Findings: ");
  }

  /**
   * Neither marker in {@code texts} (the channel's text, see {@link ChannelTexts}), nor the marker
   * word anywhere in {@code raw} (the channel whole, numbers included).
   */
  private static void assertNoMarker(String channel, List<String> texts, String raw) {
    assertThat(texts).as("%s carries text", channel).isNotEmpty();
    assertThat(ChannelTexts.withMarker(texts)).as("%s: texts with a marker", channel).isEmpty();
    int at = raw.toLowerCase(Locale.ROOT).indexOf(MarkerWorkload.MARKER.toLowerCase(Locale.ROOT));
    assertThat(at).as("%s holds the marker: ...%s...", channel, excerpt(raw, at)).isEqualTo(-1);
  }

  private static String excerpt(String text, int at) {
    return at < 0 ? "" : text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 200));
  }

  private static List<Span> spans(Channels ch) {
    List<Span> out = new ArrayList<>();
    for (ExportTraceServiceRequest r : ch.traces()) {
      r.getResourceSpansList()
          .forEach(rs -> rs.getScopeSpansList().forEach(ss -> out.addAll(ss.getSpansList())));
    }
    return out;
  }

  private static Set<String> attributeValues(List<Span> spans, String key) {
    return spans.stream()
        .map(s -> OtlpReceiver.attributes(s.getAttributesList()).get(key))
        .filter(v -> v != null)
        .collect(Collectors.toSet());
  }

  private static List<LogRecord> findingLogRecords(Channels ch) {
    List<LogRecord> out = new ArrayList<>();
    for (ExportLogsServiceRequest r : ch.logs()) {
      r.getResourceLogsList()
          .forEach(
              rl ->
                  rl.getScopeLogsList()
                      .forEach(
                          sl ->
                              sl.getLogRecordsList().stream()
                                  .filter(
                                      lr -> has(lr.getAttributesList(), "querylens.finding.kind"))
                                  .forEach(out::add)));
    }
    return out;
  }

  /** The {@code db.query.text} attributes of every data point of every OTLP metric received. */
  private static Set<String> metricQueryTexts(Channels ch) {
    Set<String> out = new HashSet<>();
    ch.metrics()
        .forEach(
            r ->
                r.getResourceMetricsList()
                    .forEach(
                        rm ->
                            rm.getScopeMetricsList()
                                .forEach(sm -> sm.getMetricsList().forEach(m -> add(m, out)))));
    return out;
  }

  private static void add(Metric m, Set<String> out) {
    List<List<KeyValue>> points = new ArrayList<>();
    m.getHistogram().getDataPointsList().forEach(p -> points.add(p.getAttributesList()));
    m.getSum().getDataPointsList().forEach(p -> points.add(p.getAttributesList()));
    m.getGauge().getDataPointsList().forEach(p -> points.add(p.getAttributesList()));
    for (List<KeyValue> attributes : points) {
      String text = OtlpReceiver.attributes(attributes).get("db.query.text");
      if (text != null) {
        out.add(text);
      }
    }
  }

  private static boolean has(List<KeyValue> attributes, String key) {
    return attributes.stream().anyMatch(kv -> kv.getKey().equals(key));
  }

  /** The channels of {@code workload}'s run, started now unless it was before. */
  private static Channels channels(MarkerWorkload workload) {
    try {
      return start(workload).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      if (e.getCause() instanceof RuntimeException) { // a skip: no Prometheus outside CI
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }

  private static CompletableFuture<Channels> start(MarkerWorkload workload) {
    return runs.computeIfAbsent(
        workload,
        w ->
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return MarkerRun.run(w, dir.resolve(w.name()));
                  } catch (Exception e) {
                    throw new CompletionException(e);
                  }
                },
                pool));
  }

  /**
   * Whether {@code database} answers, without failing or skipping: each test asks again, and fails
   * or skips as {@link TestDatabase#requireAvailable} says.
   */
  private static boolean reachable(TestDatabase database) {
    try {
      database.requireAvailable();
      return true;
    } catch (TestAbortedException | AssertionError unreachable) {
      return false;
    }
  }
}
