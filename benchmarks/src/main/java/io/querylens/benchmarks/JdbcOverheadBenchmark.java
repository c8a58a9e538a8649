package io.querylens.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What each variant of {@link JdbcState} costs on three common JDBC patterns against in-memory H2:
 * a point lookup, a 100-row scan and a 100-row batch. Each invocation prepares, executes, reads and
 * closes, as application code does; the connection stays open for the whole trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dquerylens.report.console=false"})
@Threads(1)
public class JdbcOverheadBenchmark {
  static final String POINT_QUERY = "select id, name, amount from item where id = ?";

  static final String SCAN =
      "select id, name, amount from item where id >= ? order by id fetch first 100 rows only";

  /**
   * An upsert over keys that already exist, so the table keeps its size whatever the run length.
   */
  static final String BATCH =
      "merge into item_scratch (id, name, amount) key (id) values (?, ?, ?)";

  /** One row by primary key: prepare, bind, execute, read three columns, close. */
  @Benchmark
  public void pointQuery(JdbcState state, Blackhole blackhole) throws SQLException {
    pointQuery(state.connection, state.nextPointId(), blackhole);
  }

  /** The point query's work, shared with {@link AgentOverheadBenchmark}. */
  static void pointQuery(Connection connection, long id, Blackhole blackhole) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(POINT_QUERY)) {
      statement.setLong(1, id);
      try (ResultSet resultSet = statement.executeQuery()) {
        if (!resultSet.next()) {
          throw new IllegalStateException("point query found no row");
        }
        blackhole.consume(resultSet.getLong(1));
        blackhole.consume(resultSet.getString(2));
        blackhole.consume(resultSet.getBigDecimal(3));
      }
    }
  }

  /** 100 consecutive rows: prepare, execute, read three columns of each, close. */
  @Benchmark
  public void scan100(JdbcState state, Blackhole blackhole) throws SQLException {
    try (PreparedStatement statement = state.connection.prepareStatement(SCAN)) {
      statement.setLong(1, state.nextScanStart());
      try (ResultSet resultSet = statement.executeQuery()) {
        int rows = 0;
        while (resultSet.next()) {
          blackhole.consume(resultSet.getLong(1));
          blackhole.consume(resultSet.getString(2));
          blackhole.consume(resultSet.getBigDecimal(3));
          rows++;
        }
        if (rows != JdbcState.CHUNK) {
          throw new IllegalStateException("scan read " + rows + " rows");
        }
      }
    }
  }

  /**
   * 100 rows written in one JDBC batch: prepare, bind and addBatch 100 times, executeBatch, close.
   */
  @Benchmark
  public void batchInsert100(JdbcState state, Blackhole blackhole) throws SQLException {
    int start = state.nextBatchStart();
    try (PreparedStatement statement = state.connection.prepareStatement(BATCH)) {
      for (int key = start; key < start + JdbcState.CHUNK; key++) {
        statement.setLong(1, key);
        statement.setString(2, state.names[key]);
        statement.setBigDecimal(3, state.amounts[key]);
        statement.addBatch();
      }
      int[] counts = statement.executeBatch();
      if (counts.length != JdbcState.CHUNK) {
        throw new IllegalStateException("batch wrote " + counts.length + " statements");
      }
      blackhole.consume(counts);
    }
  }

  /**
   * A request with an N+1: one transaction that reads 100 ids, then looks each one up by primary
   * key with one prepared statement, then commits. QueryLens reports it as an {@code n-plus-one}
   * finding once per invocation (one unit of work per transaction).
   */
  @Benchmark
  public void nPlusOne100(JdbcState state, Blackhole blackhole) throws SQLException {
    Connection connection = state.connection;
    connection.setAutoCommit(false);
    try (PreparedStatement parent = connection.prepareStatement(SCAN);
        PreparedStatement child = connection.prepareStatement(POINT_QUERY)) {
      parent.setLong(1, state.nextScanStart());
      try (ResultSet ids = parent.executeQuery()) {
        while (ids.next()) {
          child.setLong(1, ids.getLong(1));
          try (ResultSet row = child.executeQuery()) {
            if (!row.next()) {
              throw new IllegalStateException("lookup found no row");
            }
            blackhole.consume(row.getString(2));
          }
        }
      }
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
