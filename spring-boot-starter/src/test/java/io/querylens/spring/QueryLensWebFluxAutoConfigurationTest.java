package io.querylens.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** When the WebFlux request units are configured, and when they stand aside. */
class QueryLensWebFluxAutoConfigurationTest {
  private static final AutoConfigurations configurations =
      AutoConfigurations.of(
          QueryLensAutoConfiguration.class,
          QueryLensWebMvcAutoConfiguration.class,
          QueryLensWebFluxAutoConfiguration.class);

  @Test
  void aReactiveApplicationGetsTheFilterAndNotTheMvcInterceptor() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(configurations)
        .run(
            context -> {
              assertThat(context).hasBean("queryLensWebFluxRequestUnits");
              assertThat(context).doesNotHaveBean("queryLensRequestUnits");
            });
  }

  @Test
  void aServletApplicationGetsTheMvcInterceptorOnly() {
    new WebApplicationContextRunner()
        .withConfiguration(configurations)
        .run(
            context -> {
              assertThat(context).hasBean("queryLensRequestUnits");
              assertThat(context).doesNotHaveBean("queryLensWebFluxRequestUnits");
            });
  }

  @Test
  void leavesReactiveRequestsAloneWhenTheAgentIsAttached() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(configurations)
        .withClassLoader(StandIns.loaderWith(QueryLensAgentPresence.AGENT_CLASS))
        .run(context -> assertThat(context).doesNotHaveBean("queryLensWebFluxRequestUnits"));
  }
}
