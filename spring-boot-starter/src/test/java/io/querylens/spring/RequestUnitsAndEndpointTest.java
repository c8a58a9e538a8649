package io.querylens.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.querylens.QueryLens;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.UnitSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.actuate.web.WebMvcEndpointManagementContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A Spring MVC application on a Hikari pool: its requests are units, its N+1 is found in one. */
class RequestUnitsAndEndpointTest {
  private static final String ROUTE = "GET /owners/{id}";

  /** More visits lookups per request than any threshold these tests configure. */
  private static final int PETS = 12;

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  QueryLensAutoConfiguration.class,
                  QueryLensWebMvcAutoConfiguration.class,
                  QueryLensEndpointAutoConfiguration.class,
                  HttpMessageConvertersAutoConfiguration.class,
                  DispatcherServletAutoConfiguration.class,
                  WebMvcAutoConfiguration.class,
                  EndpointAutoConfiguration.class,
                  WebEndpointAutoConfiguration.class,
                  ManagementContextAutoConfiguration.class,
                  WebMvcEndpointManagementContextConfiguration.class))
          .withUserConfiguration(Clinic.class)
          .withPropertyValues("management.endpoints.web.exposure.include=querylens");

  @Test
  void eachRequestIsAUnitNamedByItsMappingAndItsNPlusOneIsFoundThere() {
    runner.run(
        context -> {
          createClinic(context.getBean(DataSource.class));
          MockMvcTester mvc = MockMvcTester.from(context);
          long before = unitsNamed(ROUTE);

          assertThat(mvc.get().uri("/owners/1")).hasStatusOk().bodyText().isEqualTo("12 visits");
          assertThat(mvc.get().uri("/owners/2")).hasStatusOk();

          assertThat(unitsNamed(ROUTE) - before).isEqualTo(2);
          List<Finding> nPlusOne =
              QueryLens.snapshot().findings().stream()
                  .filter(f -> f.kind().equals(FindingKind.N_PLUS_ONE))
                  .filter(f -> f.shape().text().toLowerCase().contains("visits"))
                  .toList();
          assertThat(nPlusOne)
              .singleElement()
              .satisfies(
                  f -> {
                    assertThat(f.unitNames()).contains(ROUTE);
                    assertThat(f.maxCount()).isEqualTo(PETS);
                    assertThat(f.callSite()).contains("OwnersController.visits");
                  });
        });
  }

  @Test
  void theActuatorEndpointServesTheJsonReport() {
    runner.run(
        context -> {
          createClinic(context.getBean(DataSource.class));
          MockMvcTester mvc = MockMvcTester.from(context);
          assertThat(mvc.get().uri("/owners/1")).hasStatusOk();

          MvcResult report = mvc.perform(get("/actuator/querylens")).getMvcResult();
          assertThat(report.getResponse().getStatus()).isEqualTo(200);
          assertThat(report.getResponse().getContentType()).startsWith("application/json");
          String json = report.getResponse().getContentAsString();
          assertThat(json.strip())
              .startsWith("{")
              .endsWith("}")
              .contains(ROUTE)
              .contains("n-plus-one");
        });
  }

  @Test
  void theEndpointIsNotServedUnlessExposed() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=health")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(QueryLensEndpoint.class);
              assertThat(MockMvcTester.from(context).get().uri("/actuator/querylens"))
                  .hasStatus(404);
            });
  }

  @Test
  void leavesRequestsToTheAgentWhenItIsAttached() {
    runner
        .withClassLoader(StandIns.loaderWith(QueryLensAgentPresence.AGENT_CLASS))
        .run(
            context -> {
              assertThat(context).doesNotHaveBean("queryLensRequestUnits");
              assertThat(context).hasSingleBean(QueryLensEndpoint.class);
            });
  }

  private static long unitsNamed(String name) {
    return QueryLens.snapshot().units().stream()
        .filter(u -> u.name().equals(name))
        .mapToLong(UnitSnapshot::units)
        .sum();
  }

  private static void createClinic(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table if not exists pets (id int primary key, owner_id int)");
      s.execute("create table if not exists visits (id int primary key, pet_id int)");
      s.execute("delete from pets");
      s.execute("delete from visits");
      for (int pet = 1; pet <= 2 * PETS; pet++) {
        s.execute("insert into pets values (" + pet + ", " + (pet <= PETS ? 1 : 2) + ")");
        s.execute("insert into visits values (" + pet + ", " + pet + ")");
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Clinic {
    @Bean
    DataSource dataSource() {
      return Pools.hikari("clinic");
    }

    @Bean
    OwnersController ownersController(DataSource dataSource) {
      return new OwnersController(dataSource);
    }
  }

  /** Reads an owner's pets, then each pet's visits one query at a time: an N+1. */
  @RestController
  static class OwnersController {
    private final DataSource dataSource;

    OwnersController(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @GetMapping("/owners/{id}")
    String visits(@PathVariable("id") int owner) throws SQLException {
      int visits = 0;
      try (Connection c = dataSource.getConnection();
          PreparedStatement pets = c.prepareStatement("select id from pets where owner_id = ?");
          PreparedStatement perPet =
              c.prepareStatement("select count(*) from visits where pet_id = ?")) {
        pets.setInt(1, owner);
        try (ResultSet pet = pets.executeQuery()) {
          while (pet.next()) {
            perPet.setInt(1, pet.getInt(1));
            try (ResultSet count = perPet.executeQuery()) {
              count.next();
              visits += count.getInt(1);
            }
          }
        }
      }
      return visits + " visits";
    }
  }
}
