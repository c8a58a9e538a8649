package io.querylens.spring;

import io.micrometer.context.ContextRegistry;
import io.querylens.core.intercept.Recording;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Hooks;

/**
 * Names units of work after WebFlux request mappings ({@code GET /owners/{id}}) in a reactive
 * application whose JDBC runs on the event loop or on a Reactor scheduler; needs {@code
 * spring.reactor.context-propagation=auto} (decision 0039). Not under the QueryLens agent, whose
 * recording is its own.
 */
@AutoConfiguration(after = QueryLensAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({WebFilter.class, Hooks.class, ContextRegistry.class})
@ConditionalOnMissingClass(QueryLensAgentPresence.AGENT_CLASS)
@ConditionalOnBean(Recording.class)
public class QueryLensWebFluxAutoConfiguration {
  /** Registers the filter that gives each request its unit, and the source that reports it. */
  @Bean
  public WebFilter queryLensWebFluxRequestUnits(Recording recording) {
    WebFluxRequestUnits.installInto(recording);
    return new WebFluxRequestUnitFilter();
  }
}
