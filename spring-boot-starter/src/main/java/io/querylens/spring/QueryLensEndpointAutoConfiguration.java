package io.querylens.spring;

import io.querylens.core.intercept.Recording;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The {@code querylens} Actuator endpoint, when Actuator is present and the endpoint available. */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean(Recording.class)
public class QueryLensEndpointAutoConfiguration {
  /** The endpoint serving the JSON report. */
  @Bean
  @ConditionalOnAvailableEndpoint
  public QueryLensEndpoint queryLensEndpoint(Recording recording) {
    return new QueryLensEndpoint(recording);
  }
}
