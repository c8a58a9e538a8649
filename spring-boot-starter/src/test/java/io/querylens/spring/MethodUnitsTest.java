package io.querylens.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.QueryLens;
import io.querylens.core.FindingKind;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.intercept.Recording;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/** {@code @Transactional} and {@code @Scheduled} methods as units where no request exists. */
class MethodUnitsTest {
  /** More lookups per call than any threshold these tests configure. */
  private static final int ITEMS = 12;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AopAutoConfiguration.class,
                  QueryLensAutoConfiguration.class,
                  QueryLensMethodUnitsAutoConfiguration.class))
          .withUserConfiguration(Warehouse.class);

  @Test
  void aTransactionalMethodIsAUnitNamedAfterItAndItsNPlusOneIsFoundThere() {
    runner.run(
        context -> {
          Stock stock = context.getBean(Stock.class);
          stock.create();
          long before = unitsNamed("Stock.countItems");

          assertThat(stock.countItems()).isEqualTo(ITEMS);

          assertThat(unitsNamed("Stock.countItems") - before).isEqualTo(1);
          assertThat(QueryLens.snapshot().findings())
              .filteredOn(f -> f.kind().equals(FindingKind.N_PLUS_ONE))
              .filteredOn(f -> f.shape().text().contains("stock_items"))
              .singleElement()
              .satisfies(f -> assertThat(f.unitNames()).contains("Stock.countItems"));
        });
  }

  @Test
  void insideASourcesUnitTheSourceStaysTheUnitOfATransactionalMethodAndOfItsFinding() {
    Recording.global().addUnitOfWorkSource(REQUESTS);
    runner.run(
        context -> {
          Stock stock = context.getBean(Stock.class);
          stock.create();
          long methodUnits = unitsNamed("Stock.countItems");
          long requestUnits = unitsNamed(REQUESTS.unitName("stock"));

          REQUESTS.current.set("stock");
          try {
            assertThat(stock.countItems()).isEqualTo(ITEMS);
          } finally {
            REQUESTS.current.remove();
          }
          stock.create(); // the thread's next execution, in another unit, ends the request's

          assertThat(unitsNamed("Stock.countItems")).isEqualTo(methodUnits);
          assertThat(unitsNamed(REQUESTS.unitName("stock")) - requestUnits).isEqualTo(1);
          assertThat(QueryLens.snapshot().findings())
              .filteredOn(f -> f.kind().equals(FindingKind.N_PLUS_ONE))
              .filteredOn(f -> f.shape().text().contains("stock_items"))
              .singleElement()
              .satisfies(f -> assertThat(f.unitNames()).contains("GET /stock"));
        });
  }

  @Test
  void eachScheduledRunIsAUnitNamedAfterItsMethod() {
    runner
        .withUserConfiguration(Scheduling.class)
        .run(
            context -> {
              long deadline = System.nanoTime() + 10_000_000_000L;
              while (unitsNamed("NightlyJob.run") < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
              }
              assertThat(unitsNamed("NightlyJob.run")).isGreaterThanOrEqualTo(2);
            });
  }

  @Test
  void addsNoUnitsWithQueryLensDisabled() {
    runner
        .withPropertyValues("querylens.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean("queryLensTransactionalUnits");
              assertThat(context).doesNotHaveBean("queryLensScheduledUnits");
            });
  }

  private static long unitsNamed(String name) {
    return QueryLens.snapshot().units().stream()
        .filter(u -> u.name().equals(name))
        .mapToLong(UnitSnapshot::units)
        .sum();
  }

  /** Requests as the agent's source would give them: set by the test on its thread. */
  private static final ThreadSource REQUESTS = new ThreadSource();

  private static final class ThreadSource implements UnitOfWorkSource {
    final ThreadLocal<Object> current = new ThreadLocal<>();

    @Override
    public Object currentUnit() {
      return current.get();
    }

    @Override
    public String unitName(Object unit) {
      return "GET /" + unit;
    }

    @Override
    public int precedence() {
      return PRECEDENCE_REQUEST;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Warehouse {
    @Bean
    DataSource dataSource() {
      return Pools.hikari("warehouse");
    }

    @Bean
    Stock stock(DataSource dataSource) {
      return new Stock(dataSource);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  static class Scheduling {
    @Bean
    NightlyJob nightlyJob(DataSource dataSource) {
      return new NightlyJob(dataSource);
    }
  }

  /** Reads the items, then each item's quantity one query at a time: an N+1. */
  static class Stock {
    private final DataSource dataSource;

    Stock(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    void create() throws SQLException {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("create table if not exists stock_items (id int primary key, qty int)");
        s.execute("delete from stock_items");
        for (int i = 1; i <= ITEMS; i++) {
          s.execute("insert into stock_items values (" + i + ", 1)");
        }
      }
    }

    @Transactional(readOnly = true)
    public int countItems() throws SQLException {
      int total = 0;
      try (Connection c = dataSource.getConnection();
          Statement ids = c.createStatement();
          ResultSet id = ids.executeQuery("select id from stock_items order by id");
          PreparedStatement qty = c.prepareStatement("select qty from stock_items where id = ?")) {
        while (id.next()) {
          qty.setInt(1, id.getInt(1));
          try (ResultSet q = qty.executeQuery()) {
            q.next();
            total += q.getInt(1);
          }
        }
      }
      return total;
    }
  }

  /** A scheduled job that reads one row each run. */
  static class NightlyJob {
    private final DataSource dataSource;

    NightlyJob(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Scheduled(fixedDelay = 20)
    public void run() throws SQLException {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.executeQuery("select 1").close();
      }
    }
  }
}
