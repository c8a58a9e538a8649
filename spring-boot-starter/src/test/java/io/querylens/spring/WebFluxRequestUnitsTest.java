package io.querylens.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.QueryLens;
import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.UnitSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A WebFlux application on Reactor Netty doing blocking JDBC on a Hikari pool, on {@code
 * boundedElastic} and on the event loop: each request is a unit named by its route template.
 */
class WebFluxRequestUnitsTest {
  static final String OWNERS = "GET /owners/{id}/visits";
  private static final String VETS = "GET /vets/{id}/specialties";

  /** More child queries per request than the N+1 threshold. */
  static final int PETS = 12;

  private static ConfigurableApplicationContext context;
  private static Clinic clinic;
  private static WebTestClient client;

  @BeforeAll
  static void start() {
    context =
        new SpringApplicationBuilder(Application.class)
            .web(WebApplicationType.REACTIVE)
            .properties("server.port=0", "spring.reactor.context-propagation=auto")
            .run();
    clinic = context.getBean(Clinic.class);
    client =
        WebTestClient.bindToServer()
            .baseUrl(
                "http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  @AfterAll
  static void stop() {
    context.close();
    Hooks.disableAutomaticContextPropagation(); // JVM-wide: the other tests run without it
  }

  @Test
  void jdbcOnBoundedElasticIsInTheRequestsUnitNamedByItsRoute() {
    long before = unitsNamed(OWNERS);

    get("/owners/1/visits", PETS + " visits");
    get("/owners/2/visits", PETS + " visits");

    assertThat(clinic.threads.get("owners")).startsWith("boundedElastic-");
    assertThat(unitsNamed(OWNERS) - before).isEqualTo(2);
    assertThat(nPlusOneOn("visits"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.unitNames()).contains(OWNERS);
              assertThat(f.maxCount()).isEqualTo((long) PETS);
              assertThat(f.callSite()).contains("Clinic.countChildren");
            });
  }

  @Test
  void concurrentRequestsKeepTheirExecutionsApart() {
    long before = unitsNamed(OWNERS);
    int requests = 8;

    List<String> bodies =
        Flux.range(1, requests)
            .flatMap(
                i ->
                    client
                        .get()
                        .uri("/owners/{id}/visits", 1 + i % 2)
                        .exchange()
                        .returnResult(String.class)
                        .getResponseBody()
                        .next(),
                requests)
            .collectList()
            .block(Duration.ofSeconds(60));

    assertThat(bodies).hasSize(requests).containsOnly(PETS + " visits");
    assertThat(unitsNamed(OWNERS) - before).isEqualTo(requests);
    // two requests' lookups in one unit would count 2 x PETS
    assertThat(nPlusOneOn("visits"))
        .singleElement()
        .extracting(Finding::maxCount)
        .isEqualTo((long) PETS);
  }

  @Test
  void jdbcOnTheEventLoopIsInTheRequestsUnit() {
    long before = unitsNamed(VETS);

    get("/vets/1/specialties", PETS + " specialties");
    get("/vets/2/specialties", PETS + " specialties");

    assertThat(clinic.threads.get("vets")).startsWith("reactor-http-");
    assertThat(unitsNamed(VETS) - before).isEqualTo(2);
    assertThat(nPlusOneOn("specialties"))
        .singleElement()
        .satisfies(f -> assertThat(f.unitNames()).containsExactly(VETS));
  }

  @Test
  void aTransactionalServiceCalledByTheRequestLeavesTheRequestToNameTheUnit() {
    String route = "GET /owners/{id}/visits-in-service";
    long before = unitsNamed(route);
    long serviceUnits = unitsNamed("OwnerService.visits");

    get("/owners/1/visits-in-service", PETS + " visits");

    assertThat(unitsNamed(route) - before).isEqualTo(1);
    assertThat(unitsNamed("OwnerService.visits")).isEqualTo(serviceUnits);
  }

  private void get(String uri, String body) {
    client.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).isEqualTo(body);
  }

  /** This test's N+1 findings on {@code table} (the MVC tests have one on the same shape). */
  private static List<Finding> nPlusOneOn(String table) {
    return QueryLens.snapshot().findings().stream()
        .filter(f -> f.kind().equals(FindingKind.N_PLUS_ONE))
        .filter(f -> f.shape().text().toLowerCase(Locale.ROOT).contains(table))
        .filter(f -> f.callSite().contains(WebFluxRequestUnitsTest.class.getSimpleName()))
        .toList();
  }

  static long unitsNamed(String name) {
    return QueryLens.snapshot().units().stream()
        .filter(u -> u.name().equals(name))
        .mapToLong(UnitSnapshot::units)
        .sum();
  }

  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableTransactionManagement
  @ImportAutoConfiguration({
    AopAutoConfiguration.class,
    QueryLensAutoConfiguration.class,
    QueryLensMethodUnitsAutoConfiguration.class,
    QueryLensWebFluxAutoConfiguration.class,
    ReactorAutoConfiguration.class,
    NettyReactiveWebServerAutoConfiguration.class,
    HttpHandlerAutoConfiguration.class,
    WebFluxAutoConfiguration.class
  })
  static class Application {
    @Bean
    DataSource dataSource() {
      return Pools.hikari("webflux-clinic");
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    OwnerService ownerService(DataSource dataSource) {
      return new OwnerService(new JdbcTemplate(dataSource));
    }

    @Bean
    Clinic clinic(DataSource dataSource, OwnerService ownerService) {
      return new Clinic(new JdbcTemplate(dataSource), ownerService);
    }
  }

  /** A service whose {@code @Transactional} call would be a unit of its own outside a request. */
  static class OwnerService {
    private final JdbcTemplate jdbc;

    OwnerService(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public int visits(int owner) {
      return Clinic.countChildren(jdbc, "pets", "owner_id", "visits", "pet_id", owner);
    }
  }

  /** Each owner's pets, then each pet's visits one query at a time: an N+1; vets alike. */
  @RestController
  static class Clinic {
    final Map<String, String> threads = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final OwnerService service;

    Clinic(JdbcTemplate jdbc, OwnerService service) {
      this.jdbc = jdbc;
      this.service = service;
      for (String table : List.of("pets", "visits", "vet_skills", "specialties")) {
        jdbc.execute("drop table if exists " + table); // the in-memory database outlives a context
      }
      jdbc.execute("create table pets (id int primary key, owner_id int)");
      jdbc.execute("create table visits (id int primary key, pet_id int)");
      jdbc.execute("create table vet_skills (id int primary key, vet_id int)");
      jdbc.execute("create table specialties (id int primary key, skill_id int)");
      for (int row = 1; row <= 2 * PETS; row++) {
        int parent = row <= PETS ? 1 : 2;
        jdbc.update("insert into pets values (?, ?)", row, parent);
        jdbc.update("insert into visits values (?, ?)", row, row);
        jdbc.update("insert into vet_skills values (?, ?)", row, parent);
        jdbc.update("insert into specialties values (?, ?)", row, row);
      }
    }

    /** Blocking JDBC where it belongs in WebFlux: on {@code boundedElastic}. */
    @GetMapping("/owners/{id}/visits")
    Mono<String> visits(@PathVariable("id") int owner) {
      return Mono.fromCallable(
              () ->
                  childCounts("owners", "pets", "owner_id", "visits", "pet_id", owner) + " visits")
          .subscribeOn(Schedulers.boundedElastic());
    }

    /** Blocking JDBC on the event loop, in the handler method itself. */
    @GetMapping("/vets/{id}/specialties")
    String specialties(@PathVariable("id") int vet) {
      return childCounts("vets", "vet_skills", "vet_id", "specialties", "skill_id", vet)
          + " specialties";
    }

    /** Blocking JDBC in a {@code @Transactional} service, on {@code boundedElastic}. */
    @GetMapping("/owners/{id}/visits-in-service")
    Mono<String> visitsInService(@PathVariable("id") int owner) {
      return Mono.fromCallable(() -> service.visits(owner) + " visits")
          .subscribeOn(Schedulers.boundedElastic());
    }

    private int childCounts(
        String handler,
        String parents,
        String parentKey,
        String children,
        String childKey,
        int id) {
      threads.put(handler, Thread.currentThread().getName());
      return countChildren(jdbc, parents, parentKey, children, childKey, id);
    }

    static int countChildren(
        JdbcTemplate jdbc,
        String parents,
        String parentKey,
        String children,
        String childKey,
        int id) {
      int total = 0;
      for (Integer parent :
          jdbc.queryForList(
              "select id from " + parents + " where " + parentKey + " = ?", Integer.class, id)) {
        total +=
            jdbc.queryForObject(
                "select count(*) from " + children + " where " + childKey + " = ?",
                Integer.class,
                parent);
      }
      return total;
    }
  }
}
