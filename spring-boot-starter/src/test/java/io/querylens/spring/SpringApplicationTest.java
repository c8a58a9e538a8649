package io.querylens.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.jdbc.QueryLensDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A Spring Boot application that only adds the starter: its auto-configurations are found through
 * {@code AutoConfiguration.imports} and run beside Boot's own (DataSource, Actuator, Micrometer).
 */
class SpringApplicationTest {
  @Test
  void anApplicationWithTheStarterRecordsItsDataSourceWithoutCode() throws Exception {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Application.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.datasource.url=jdbc:h2:mem:app;DB_CLOSE_DELAY=-1",
                "querylens.nplusone.threshold=9")
            .run()) {
      DataSource dataSource = context.getBean(DataSource.class);
      assertThat(dataSource).isInstanceOf(HikariDataSource.class);
      assertThat(dataSource.isWrapperFor(QueryLensDataSource.class)).isTrue();
      assertThat(context.getBean(QueryLensConfig.class).nPlusOneThreshold()).isEqualTo(9);
      assertThat(context.getBeansOfType(MeterBinder.class)).containsKey("queryLensMeters");
      Pools.createAndRead(dataSource, "app_table");
      assertThat(Pools.selectsOn("app_table")).isEqualTo(1);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {}
}
