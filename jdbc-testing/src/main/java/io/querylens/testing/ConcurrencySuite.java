package io.querylens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.ConnectionSnapshot;
import io.querylens.core.ShapeSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrency: {@value #THREADS} threads sharing one HikariCP pool of {@value
 * TestDatabase#MAX_POOL_SIZE} connections run {@value #EXECUTIONS_PER_THREAD} executions each, and
 * not one execution or acquire is lost or counted twice.
 */
public abstract class ConcurrencySuite extends JdbcSuite {
  static final int THREADS = 16;
  static final int EXECUTIONS_PER_THREAD = 200;
  private static final long TIMEOUT_SECONDS = 120;

  protected ConcurrencySuite(InstrumentationUnderTest instrumentation) {
    super(instrumentation);
  }

  @PooledSetups
  void preparedExecutionsFromManyThreadsAreAllRecorded(Setup setup) throws Exception {
    String table = tableWithRows(setup, "conc", THREADS);
    String sql = "select name from " + table + " where id = ?";
    int executionsPerConnection = 20;
    AtomicLong getConnectionCalls = new AtomicLong();
    AtomicLong rowsRead = new AtomicLong();

    long start = System.nanoTime();
    runOnThreads(
        setup,
        thread -> {
          for (int done = 0; done < EXECUTIONS_PER_THREAD; done += executionsPerConnection) {
            getConnectionCalls.incrementAndGet();
            try (Connection connection = connect(setup);
                PreparedStatement statement = connection.prepareStatement(sql)) {
              for (int i = 0; i < executionsPerConnection; i++) {
                statement.setInt(1, thread + 1);
                try (ResultSet rs = statement.executeQuery()) {
                  while (rs.next()) {
                    rowsRead.incrementAndGet();
                  }
                }
              }
            }
          }
        });
    long wall = System.nanoTime() - start;

    long executions = (long) THREADS * EXECUTIONS_PER_THREAD;
    assertThat(rowsRead.get()).isEqualTo(executions);
    ShapeSnapshot shape = recorded(sql);
    assertThat(shape.count()).isEqualTo(executions);
    assertThat(shape.errors()).isZero();
    assertThat(shape.rows().sum()).isEqualTo(executions);
    assertTimings(shape, wall, THREADS, Cursor.READ);
    assertConnections(setup, getConnectionCalls.get());
  }

  @PooledSetups
  void statementsWithDifferentLiteralsFromManyThreadsShareOneShape(Setup setup) throws Exception {
    String table = tableWithRows(setup, "conc", THREADS);
    AtomicLong getConnectionCalls = new AtomicLong();

    long start = System.nanoTime();
    runOnThreads(
        setup,
        thread -> {
          for (int i = 0; i < EXECUTIONS_PER_THREAD; i++) {
            getConnectionCalls.incrementAndGet();
            try (Connection connection = connect(setup);
                Statement statement = connection.createStatement()) {
              int id = (thread + i) % THREADS + 1;
              statement.executeUpdate(
                  "update " + table + " set amount = " + i + " where id = " + id);
            }
          }
        });
    long wall = System.nanoTime() - start;

    long executions = (long) THREADS * EXECUTIONS_PER_THREAD;
    ShapeSnapshot shape = recorded("update " + table + " set amount = ? where id = ?");
    assertThat(shape.count()).isEqualTo(executions);
    assertThat(shape.rows().sum()).isEqualTo(executions);
    assertThat(shapesMentioning(table)).hasSize(1);
    assertTimings(shape, wall, THREADS, Cursor.NONE);
    assertConnections(setup, getConnectionCalls.get());
  }

  private void assertConnections(Setup setup, long getConnectionCalls) {
    ConnectionSnapshot connections = snapshot().connections();
    assertThat(connections.acquireErrors()).isZero();
    if (!setup.pooled()) {
      assertThat(connections.connect().count())
          .as("one physical connect per getConnection call")
          .isEqualTo(getConnectionCalls);
    } else if (setup.mode().seesPoolCheckouts()) {
      assertThat(connections.acquire().count())
          .as("one checkout per getConnection call")
          .isEqualTo(getConnectionCalls);
      assertThat(connections.hold().count())
          .as("one hold per checkout, whatever the pool's physical connections did")
          .isEqualTo(getConnectionCalls);
    }
  }

  /** Work done by one thread, numbered from 0. */
  @FunctionalInterface
  interface ThreadWork {
    void run(int thread) throws SQLException;
  }

  /**
   * Runs {@code work} on {@link #THREADS} threads released together; rethrows the first failure.
   */
  private void runOnThreads(Setup setup, ThreadWork work) throws Exception {
    dataSource(setup); // make the pool (and skip or fail) on this thread, before the others start
    instrumentation().reset();
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            executor.submit(
                () -> {
                  start.await();
                  work.run(thread);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).as("threads ended").isTrue();
    }
  }
}
