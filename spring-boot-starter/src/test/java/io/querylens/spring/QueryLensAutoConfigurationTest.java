package io.querylens.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.querylens.QueryLens;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.QueryLensDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourcePoolMetadataProvidersConfiguration;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DelegatingDataSource;

class QueryLensAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(QueryLensAutoConfiguration.class));

  @Test
  void wrapsAHikariBeanOnceOverThePoolAndKeepsItAHikariDataSource() {
    runner
        .withUserConfiguration(OnePool.class)
        .run(
            context -> {
              DataSource bean = context.getBean(DataSource.class);
              assertThat(bean).isInstanceOf(HikariDataSource.class);
              assertThat(bean.isWrapperFor(QueryLensDataSource.class)).isTrue();
              HikariDataSource pool = bean.unwrap(HikariDataSource.class);
              assertThat(pool.getPoolName()).isEqualTo("single");
              assertThat(((HikariDataSource) bean).getPoolName()).isEqualTo("single");
              assertThat(bean.isWrapperFor(HikariDataSource.class)).isTrue();

              long checkouts = QueryLens.snapshot().connections().hold().count();
              Pools.createAndRead(bean, "wrap_once");
              assertThat(Pools.selectsOn("wrap_once")).isEqualTo(1);
              assertThat(QueryLens.snapshot().connections().hold().count() - checkouts)
                  .isEqualTo(1);
            });
  }

  @Test
  void wrapsTheDataSourceBootConfiguresAndBootStillReadsItsPool() {
    runner
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class,
                DataSourcePoolMetadataProvidersConfiguration.class))
        .withPropertyValues(
            "spring.datasource.url=jdbc:h2:mem:boot;DB_CLOSE_DELAY=-1",
            "spring.datasource.hikari.maximum-pool-size=3")
        .run(
            context -> {
              DataSource bean = context.getBean(DataSource.class);
              assertThat(bean).isInstanceOf(HikariDataSource.class);
              assertThat(bean.isWrapperFor(QueryLensDataSource.class)).isTrue();
              DataSourcePoolMetadata pool =
                  context
                      .getBean(DataSourcePoolMetadataProvider.class)
                      .getDataSourcePoolMetadata(bean);
              assertThat(pool).isNotNull();
              assertThat(pool.getMax()).isEqualTo(3);
              Pools.createAndRead(bean, "boot_pool");
              assertThat(Pools.selectsOn("boot_pool")).isEqualTo(1);
            });
  }

  @Test
  void leavesADataSourceDelegatingToARecordedOneAsItIs() {
    runner
        .withUserConfiguration(DelegatingOverAPool.class)
        .run(
            context -> {
              DataSource delegating = context.getBean("delegating", DataSource.class);
              assertThat(delegating).isExactlyInstanceOf(DelegatingDataSource.class);
              long holds = QueryLens.snapshot().connections().hold().count();
              Pools.createAndRead(delegating, "delegating_pool");
              assertThat(Pools.selectsOn("delegating_pool")).isEqualTo(1);
              assertThat(QueryLens.snapshot().connections().hold().count() - holds).isEqualTo(1);
            });
  }

  @Test
  void leavesADataSourceTheApplicationWrappedItselfAsItIs() {
    runner
        .withUserConfiguration(WrappedByTheApplication.class)
        .run(
            context -> {
              DataSource bean = context.getBean(DataSource.class);
              assertThat(bean).isInstanceOf(QueryLensDataSource.class);
              Pools.createAndRead(bean, "wrapped_by_app");
              assertThat(Pools.selectsOn("wrapped_by_app")).isEqualTo(1);
            });
  }

  @Test
  void wrapsEveryDataSourceAndKeepsThePrimaryOne() {
    runner
        .withUserConfiguration(TwoPools.class)
        .run(
            context -> {
              assertThat(context.getBeansOfType(DataSource.class)).hasSize(2);
              DataSource primary = context.getBean(DataSource.class);
              DataSource reports = context.getBean("reports", DataSource.class);
              assertThat(primary.unwrap(HikariDataSource.class).getPoolName()).isEqualTo("main");
              assertThat(reports.unwrap(HikariDataSource.class).getPoolName()).isEqualTo("reports");
              assertThat(context.getBean(Consumer.class).dataSource).isSameAs(primary);
              for (DataSource ds : List.of(primary, reports)) {
                assertThat(ds.isWrapperFor(QueryLensDataSource.class)).isTrue();
              }
              Pools.createAndRead(primary, "main_pool");
              Pools.createAndRead(reports, "reports_pool");
              assertThat(Pools.selectsOn("main_pool")).isEqualTo(1);
              assertThat(Pools.selectsOn("reports_pool")).isEqualTo(1);
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "off", "NO", "0"})
  void doesNothingWithQueryLensDisabled(String off) {
    runner
        .withUserConfiguration(OnePool.class)
        .withPropertyValues("querylens.enabled=" + off)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(Recording.class);
              assertThat(context).doesNotHaveBean(DataSourceRecorder.class);
              DataSource bean = context.getBean(DataSource.class);
              assertThat(bean.isWrapperFor(QueryLensDataSource.class)).isFalse();
              String table = "disabled_" + off.toLowerCase(Locale.ROOT);
              Pools.createAndRead(bean, table);
              assertThat(Pools.selectsOn(table)).isZero();
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "on", "yes", "1", "maybe"})
  void runsWithQueryLensEnabledInAnyOfItsSpellings(String on) {
    runner
        .withUserConfiguration(OnePool.class)
        .withPropertyValues("querylens.enabled=" + on)
        .run(
            context -> {
              assertThat(context).hasSingleBean(Recording.class);
              DataSource bean = context.getBean(DataSource.class);
              assertThat(bean.isWrapperFor(QueryLensDataSource.class)).isTrue();
            });
  }

  @Test
  void leavesDataSourcesToTheAgentWhenItIsAttached() {
    ClassLoader withAgent = StandIns.loaderWith(QueryLensAgentPresence.AGENT_CLASS);
    runner
        .withClassLoader(withAgent)
        .withUserConfiguration(OnePool.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(Recording.class);
              assertThat(context).doesNotHaveBean(DataSourceRecorder.class);
              DataSource bean = context.getBean(DataSource.class);
              assertThat(bean.isWrapperFor(QueryLensDataSource.class)).isFalse();
            });
  }

  @Test
  void bindsQueryLensPropertiesFromTheEnvironment() {
    runner
        .withPropertyValues(
            "querylens.nplusone.threshold=7",
            "querylens.callsite.app-packages[0]=com.example.shop",
            "querylens.callsite.app-packages[1]=com.example.billing",
            "querylens.unit.idle-gap=250ms",
            "querylens.nplusone.treshold=3")
        .run(
            context -> {
              QueryLensConfig config = context.getBean(QueryLensConfig.class);
              assertThat(config.nPlusOneThreshold()).isEqualTo(7);
              assertThat(config.callSiteAppPackages())
                  .containsExactly("com.example.shop", "com.example.billing");
              assertThat(config.unitIdleGap().toMillis()).isEqualTo(250);
              assertThat(config.problems())
                  .singleElement()
                  .asString()
                  .contains("querylens.nplusone.treshold")
                  .contains("querylens.nplusone.threshold");
            });
  }

  @Test
  void reportsABadValueAndKeepsTheDefault() {
    runner
        .withPropertyValues("querylens.nplusone.threshold=many")
        .run(
            context -> {
              QueryLensConfig config = context.getBean(QueryLensConfig.class);
              assertThat(config.nPlusOneThreshold()).isEqualTo(5);
              assertThat(config.problems()).singleElement().asString().contains("many");
            });
  }

  @Test
  void theIdeMetadataOfEveryKeyIsOnTheStartersClassPath() throws IOException {
    StringBuilder metadata = new StringBuilder();
    for (URL url :
        Collections.list(
            getClass()
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = url.openStream()) {
        metadata.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(metadata)
        .contains("\"querylens.enabled\"")
        .contains("\"querylens.nplusone.threshold\"")
        .contains("\"querylens.callsite.app-packages\"");
  }

  @Configuration(proxyBeanMethods = false)
  static class OnePool {
    @Bean
    HikariDataSource dataSource() {
      return Pools.hikari("single");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class DelegatingOverAPool {
    @Bean
    @Primary
    HikariDataSource pool() {
      return Pools.hikari("delegated");
    }

    @Bean
    DataSource delegating(DataSource pool) {
      return new DelegatingDataSource(pool);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class WrappedByTheApplication {
    @Bean
    DataSource dataSource() {
      return QueryLens.wrap(Pools.hikari("byapp"));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoPools {
    @Bean
    @Primary
    HikariDataSource main() {
      return Pools.hikari("main");
    }

    @Bean
    HikariDataSource reports() {
      return Pools.hikari("reports");
    }

    @Bean
    Consumer consumer(DataSource dataSource, @Qualifier("reports") DataSource reports) {
      return new Consumer(dataSource);
    }
  }

  /** A bean injected with the unqualified DataSource: it must get the primary one. */
  static final class Consumer {
    final DataSource dataSource;

    Consumer(DataSource dataSource) {
      this.dataSource = dataSource;
    }
  }
}
