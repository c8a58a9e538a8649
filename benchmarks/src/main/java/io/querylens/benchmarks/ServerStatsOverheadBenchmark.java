package io.querylens.benchmarks;

import io.querylens.core.ServerStatsStatus;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.Mode;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Recording;
import io.querylens.jdbc.QueryLensDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Whether reading the database's own statistics slows the application: {@link
 * JdbcOverheadBenchmark}'s point query on the local PostgreSQL through QueryLens, with the
 * statistics reader off and on at aggressive settings (read every 100 ms, sampled every 50 ms).
 * PostgreSQL is reached as the integration tests reach it: {@code
 * jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres}, overridden by the system properties
 * {@code querylens-it.postgresql.url}, {@code .user} and {@code .password}; it needs {@code
 * pg_stat_statements} (docs/database-side.md), or the {@code on} trial fails.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dquerylens.report.console=false"})
@Threads(1)
public class ServerStatsOverheadBenchmark {

  /** One row by primary key from {@code ql_bench.item}, as in {@link JdbcOverheadBenchmark}. */
  @Benchmark
  public void pointQuery(PostgresState state, Blackhole blackhole) throws SQLException {
    JdbcOverheadBenchmark.pointQuery(state.connection, state.nextPointId(), blackhole);
  }

  /**
   * A QueryLens connection to PostgreSQL on a recording of its own, with the statistics reader
   * {@code off} or {@code on}; the table {@code item} in the schema {@code ql_bench}.
   */
  @State(Scope.Thread)
  public static class PostgresState {
    static final Duration STATS_INTERVAL = Duration.ofMillis(100);
    static final Duration SAMPLE_INTERVAL = Duration.ofMillis(50);

    /** {@code off}: the reader never connects; {@code on}: it reads and samples. */
    @Param({"off", "on"})
    public String stats;

    Connection connection;
    private Recording recording;
    private PGSimpleDataSource postgres;
    private int nextPointId;

    /** Creates and fills {@code ql_bench.item}, then opens the recorded connection. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
      postgres = new PGSimpleDataSource();
      postgres.setURL(setting("url", "jdbc:postgresql://127.0.0.1:5432/test"));
      postgres.setUser(setting("user", "postgres"));
      postgres.setPassword(setting("password", ""));
      postgres.setCurrentSchema("ql_bench");
      try (Connection raw = postgres.getConnection();
          Statement s = raw.createStatement()) {
        s.execute("create schema if not exists ql_bench");
        s.execute("drop table if exists ql_bench.item");
        s.execute(
            "create table ql_bench.item (id bigint primary key, name varchar(64) not null,"
                + " amount decimal(12, 2) not null)");
        s.execute(
            "insert into ql_bench.item select g, 'item-' || g, g + 0.99"
                + " from generate_series(0, "
                + (JdbcState.ROWS - 1)
                + ") g");
        s.execute("analyze ql_bench.item");
      }
      recording =
          Recording.create(
              QueryLensConfig.builder()
                  .set(ConfigKey.DATABASE_STATS, "on".equals(stats) ? Mode.ON : Mode.OFF)
                  .set(ConfigKey.DATABASE_STATS_INTERVAL, STATS_INTERVAL)
                  .set(ConfigKey.DATABASE_SAMPLE_INTERVAL, SAMPLE_INTERVAL)
                  .set(ConfigKey.REPORT_CONSOLE, false)
                  .build());
      connection = QueryLensDataSource.wrap(postgres, recording).getConnection();
    }

    /** Closes the connection; fails the trial unless the reader was in the state measured. */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
      connection.close();
      List<ServerStatsStatus> statuses = recording.snapshot().serverStats();
      boolean on = "on".equals(stats);
      boolean asMeasured =
          statuses.size() == 1
              && statuses.get(0).state()
                  == (on ? ServerStatsStatus.State.READING : ServerStatsStatus.State.OFF)
              && (!on || statuses.get(0).polls() > 1);
      try (Connection raw = postgres.getConnection();
          Statement s = raw.createStatement()) {
        s.execute("drop table if exists ql_bench.item");
      }
      if (!asMeasured) {
        throw new IllegalStateException("the statistics reader was not " + stats + ": " + statuses);
      }
    }

    /** The next id for a point query, cycling over all rows. */
    long nextPointId() {
      int id = nextPointId;
      nextPointId = id + 1 == JdbcState.ROWS ? 0 : id + 1;
      return id;
    }

    private static String setting(String name, String defaultValue) {
      return System.getProperty("querylens-it.postgresql." + name, defaultValue);
    }
  }
}
