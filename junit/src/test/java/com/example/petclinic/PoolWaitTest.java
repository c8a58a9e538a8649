package com.example.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.querylens.QueryLens;
import io.querylens.junit.MaxPoolWait;
import io.querylens.junit.QueryLensRecording;
import io.querylens.junit.QueryLensTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @MaxPoolWait} over HikariCP with one connection. */
class PoolWaitTest {

  @Test
  void aTestWaitingForTheOnlyConnectionFailsItsBudget() {
    Map<String, Throwable> outcomes = Fixtures.run(Pooled.class);

    assertThat(outcomes.get("poolIsFree(QueryLensRecording)")).isSameAs(Fixtures.PASSED);
    assertThat(outcomes.get("waitsBehindAnotherThread(QueryLensRecording)").getMessage())
        .startsWith("@MaxPoolWait(\"50ms\"): ")
        .endsWith(
            " ms waiting for pooled connections over 1 checkouts in unit"
                + " Pooled.waitsBehindAnotherThread() (wall-clock budgets are noisy)");
  }

  /** A pool of one connection, wrapped over the pool. */
  @QueryLensTest
  static class Pooled {
    static HikariDataSource pool;
    static DataSource wrapped;

    @BeforeAll
    static void open() throws SQLException {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl("jdbc:h2:mem:pool-wait;DB_CLOSE_DELAY=-1");
      config.setMaximumPoolSize(1);
      config.setConnectionTimeout(5_000);
      pool = new HikariDataSource(config);
      wrapped = QueryLens.wrap(pool);
      try (Connection c = wrapped.getConnection()) {
        c.isValid(1); // the pool's one connection is open before the tests
      }
    }

    @AfterAll
    static void close() {
      pool.close();
    }

    @Test
    @MaxPoolWait("50ms")
    void waitsBehindAnotherThread(QueryLensRecording recording) throws Exception {
      CountDownLatch held = new CountDownLatch(1);
      Thread holder =
          new Thread(
              () -> {
                try (Connection c = wrapped.getConnection()) {
                  c.isValid(1);
                  held.countDown();
                  Thread.sleep(300);
                } catch (SQLException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      holder.start();
      held.await();
      try (Connection c = wrapped.getConnection()) {
        c.isValid(1);
      }
      holder.join();
      // the holder's checkout was on its own thread: not this test's
      assertThat(recording.checkouts()).isEqualTo(1);
    }

    @Test
    @MaxPoolWait("2s")
    void poolIsFree(QueryLensRecording recording) throws SQLException {
      try (Connection c = wrapped.getConnection()) {
        c.isValid(1);
      }
      assertThat(recording.checkouts()).isEqualTo(1);
      assertThat(recording.poolWaitNanos()).isLessThan(Duration.ofSeconds(2).toNanos());
    }
  }
}
