package io.querylens.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.querylens.QueryLens;
import io.querylens.core.Database;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryShape;
import io.querylens.core.ServerSide;
import io.querylens.core.SqlDialect;
import io.querylens.core.UnitOfWork;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.core.intercept.ServerStatistics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class QueryLensMetersTest {
  private static final String KIND = "querylens.finding.kind";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  QueryLensAutoConfiguration.class, QueryLensMetricsAutoConfiguration.class))
          .withUserConfiguration(Pool.class);

  @Test
  void countsFindingsPerKindInMicrometer() {
    runner.run(
        context -> {
          DataSource dataSource = context.getBean(DataSource.class);
          try (UnitOfWork unit = QueryLens.unitOfWork("meters test");
              Connection c = dataSource.getConnection();
              Statement s = c.createStatement()) {
            assertThat(unit.name()).isEqualTo("meters test");
            s.execute("create table meter_items (id int primary key)");
            try (PreparedStatement one =
                c.prepareStatement("select id from meter_items where id = ?")) {
              for (int i = 0; i < 12; i++) {
                one.setInt(1, i);
                one.executeQuery().close();
              }
            }
          }
          SimpleMeterRegistry registry = new SimpleMeterRegistry();
          context.getBean(MeterBinder.class).bindTo(registry);

          for (FindingKind kind : FindingKind.builtIns()) {
            assertThat(
                    registry
                        .find("querylens.findings")
                        .tag("querylens.finding.kind", kind.label())
                        .functionCounter())
                .isNotNull();
          }
          assertThat(
                  registry
                      .get("querylens.findings")
                      .tag("querylens.finding.kind", "n-plus-one")
                      .functionCounter()
                      .count())
              .isGreaterThanOrEqualTo(1);
          assertThat(
                  registry
                      .get("querylens.findings.wasted")
                      .tag("querylens.finding.kind", "n-plus-one")
                      .functionCounter()
                      .count())
              .isPositive();
          assertThat(registry.get("querylens.internal.faults").functionCounter().count())
              .isGreaterThanOrEqualTo(0);
          assertThat(registry.get("querylens.shapes.dropped").gauge().value()).isZero();
        });
  }

  @Test
  void serverSideMetersAppearForTheShapesTheServerMatched() {
    runner.run(
        context -> {
          Recording recording = context.getBean(Recording.class);
          recording.reset(); // shapes of earlier tests would take the top-shape slots
          DataSource dataSource = context.getBean(DataSource.class);
          try (Connection c = dataSource.getConnection();
              Statement s = c.createStatement()) {
            s.execute("create table meter_server_items (id int primary key, qty int)");
            try (PreparedStatement select =
                    c.prepareStatement("select qty from meter_server_items where qty > ?");
                PreparedStatement update =
                    c.prepareStatement("update meter_server_items set qty = ? where id = ?")) {
              for (int i = 0; i < 4; i++) {
                select.setInt(1, i);
                select.executeQuery().close();
                update.setInt(1, i);
                update.setInt(2, i);
                update.executeUpdate();
              }
            }
          }
          AtomicLong clock = new AtomicLong();
          SimpleMeterRegistry registry = new SimpleMeterRegistry();
          new QueryLensMeters(recording, clock::get).bindTo(registry);
          assertThat(registry.find("querylens.shape.server.time").functionCounters()).isEmpty();

          ServerStatistics server = recording.serverStatistics();
          server.refreshShapes();
          QueryShape select =
              server.match(
                  h2(recording),
                  SqlDialect.H2,
                  "SELECT qty FROM meter_server_items WHERE qty > $1");
          assertThat(select).isNotNull();
          // 4 calls, 3ms executing and 1ms planning in all, 5000 rows examined per call, no index
          server.add(
              select,
              new ServerSide(
                  "performance_schema",
                  4,
                  3_000_000L,
                  1_000_000L,
                  4,
                  20_000,
                  -1,
                  -1,
                  0,
                  4,
                  null,
                  null));
          server.polled(h2(recording), "performance_schema", "read by the test");
          clock.addAndGet(2_000_000_000L); // the meters' snapshot is older than a second

          assertThat(
                  registry
                      .get("querylens.database.findings")
                      .tag(KIND, "full-scan")
                      .gauge()
                      .value())
              .isEqualTo(1);
          assertThat(
                  registry
                      .get("querylens.database.findings")
                      .tag(KIND, "network-bound")
                      .gauge()
                      .value())
              .isZero();
          assertThat(
                  registry
                      .get("querylens.shape.server.time")
                      .tag("querylens.shape.id", select.id())
                      .tag("db.query.text", select.text())
                      .tag("db.operation.name", "SELECT")
                      .functionCounter()
                      .count())
              .isEqualTo(0.004);
          assertThat(
                  registry
                      .get("querylens.shape.server.calls")
                      .tag("querylens.shape.id", select.id())
                      .functionCounter()
                      .count())
              .isEqualTo(4);
          // the update has a slot but no server side, and no shape is left for "other"
          assertThat(registry.find("querylens.shape.server.time").functionCounters()).hasSize(1);
        });
  }

  @Test
  void shapesPastTheTopShapesShareTheOtherSeries() {
    Recording recording =
        Recording.create(QueryLensConfig.builder().set(ConfigKey.METRICS_TOP_SHAPES, 1).build());
    Database h2 = new Database("h2database", "meters", null, -1);
    QueryShape slow = recording.shapeOf(SqlDialect.H2, "select a from meter_slow where id = 1");
    QueryShape quick = recording.shapeOf(SqlDialect.H2, "select b from meter_quick where id = 1");
    QueryShape quicker =
        recording.shapeOf(SqlDialect.H2, "select c from meter_quicker where id = 1");
    long start = System.nanoTime();
    recording.record(h2, slow, start, 9_000_000L, 1, 0, 0, 0);
    recording.record(h2, quick, start, 2_000_000L, 1, 0, 0, 0);
    recording.record(h2, quicker, start, 1_000_000L, 1, 0, 0, 0);
    ServerStatistics server = recording.serverStatistics();
    server.refreshShapes();
    for (String text :
        new String[] {
          "SELECT a FROM meter_slow WHERE id = $1",
          "SELECT b FROM meter_quick WHERE id = $1",
          "SELECT c FROM meter_quicker WHERE id = $1"
        }) {
      server.add(
          server.match(h2, SqlDialect.H2, text),
          new ServerSide("pg_stat_statements", 1, 500_000L, -1, 1, -1, 1, 0, -1, -1, null, null));
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    new QueryLensMeters(recording).bindTo(registry);

    assertThat(
            registry
                .get("querylens.shape.server.calls")
                .tag("querylens.shape.id", slow.id())
                .functionCounter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("querylens.shape.server.calls")
                .tags("querylens.shape.id", "other", "db.query.text", "", "db.operation.name", "")
                .functionCounter()
                .count())
        .isEqualTo(2);
    assertThat(registry.find("querylens.shape.server.calls").functionCounters()).hasSize(2);
  }

  private static Database h2(Recording recording) {
    return recording.snapshot().shapes().stream()
        .filter(s -> s.shape().text().contains("meter_server_items"))
        .findFirst()
        .orElseThrow()
        .database();
  }

  @Test
  void leavesMetricsToTheExporterWhenItIsPresent() {
    ClassLoader withExporter =
        StandIns.loaderWith(QueryLensMetricsAutoConfiguration.EXPORTER_CLASS);
    runner
        .withClassLoader(withExporter)
        .run(context -> assertThat(context).doesNotHaveBean(MeterBinder.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class Pool {
    @Bean
    DataSource dataSource() {
      return Pools.hikari("meters");
    }
  }
}
