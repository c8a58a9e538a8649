package io.querylens.spring;

import static io.querylens.spring.WebFluxRequestUnitsTest.OWNERS;
import static io.querylens.spring.WebFluxRequestUnitsTest.PETS;
import static io.querylens.spring.WebFluxRequestUnitsTest.unitsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.intercept.Faults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Hooks;

/** Boot's default {@code limited} propagation: requests still work, their JDBC is not in units. */
class WebFluxWithoutContextPropagationTest {
  @Test
  void requestsProceedAndTheirJdbcFallsBackToThreadUnits() {
    Hooks.disableAutomaticContextPropagation();
    long faults = Faults.count();
    long before = unitsNamed(OWNERS);
    long threadUnitsBefore = unitsNamed("boundedElastic-#");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(WebFluxRequestUnitsTest.Application.class)
            .web(WebApplicationType.REACTIVE)
            .properties("server.port=0")
            .run()) {
      assertThat(context.getBean("queryLensWebFluxRequestUnits")).isNotNull();
      WebTestClient.bindToServer()
          .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
          .build()
          .get()
          .uri("/owners/1/visits")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(String.class)
          .isEqualTo(PETS + " visits");
    }
    assertThat(unitsNamed(OWNERS)).isEqualTo(before);
    assertThat(unitsNamed("boundedElastic-#")).isGreaterThan(threadUnitsBefore);
    assertThat(Faults.count()).isEqualTo(faults);
  }
}
