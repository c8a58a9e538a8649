package io.querylens.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.querylens.QueryLens;
import io.querylens.core.FindingKind;
import io.querylens.core.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class QueryLensMetersTest {
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
