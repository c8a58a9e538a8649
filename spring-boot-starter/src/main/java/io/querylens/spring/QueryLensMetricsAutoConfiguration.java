package io.querylens.spring;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.querylens.core.intercept.Recording;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;

/**
 * QueryLens's meters for Micrometer, when Micrometer is on the class path and QueryLens's
 * OpenTelemetry exporter is not (alone or in the agent): the same metric is never reported twice.
 * Spring Boot binds the {@link MeterBinder} to its registries.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnMissingClass(QueryLensMetricsAutoConfiguration.EXPORTER_CLASS)
@ConditionalOnBean(Recording.class)
public class QueryLensMetricsAutoConfiguration {
  /** The exporter's front door: present when QueryLens reports metrics through OpenTelemetry. */
  static final String EXPORTER_CLASS = "io.querylens.exporter.otel.QueryLensOpenTelemetry";

  /** The meters, bound by Spring Boot to every registry. */
  @Bean
  public MeterBinder queryLensMeters(Recording recording) {
    return new QueryLensMeters(recording);
  }
}
