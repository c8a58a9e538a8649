package io.querylens.benchmarks;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link JdbcOverheadBenchmark#pointQuery} in forks started with {@code
 * -javaagent:querylens-agent.jar}, over the plain H2 URL: the agent wraps the connection H2's
 * driver returns. A class of its own because JVM arguments are per benchmark class, not per
 * {@code @Param}; its figures sit beside {@code raw} and {@code querylens} under the same {@code
 * variant} column. A {@code -jvmArgsAppend} on the JMH command line replaces this annotation's, and
 * the setup then fails because the connection is not wrapped.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xms512m",
      "-Xmx512m",
      "-Dquerylens.report.console=false",
      "-javaagent:" + AgentJar.PATH
    })
@Threads(1)
public class AgentOverheadBenchmark {
  /** The agent variant's connection, opened and checked by {@link JdbcState}. */
  @State(Scope.Thread)
  public static class AgentState {
    /** The only variant that runs here. */
    @Param({"querylens-agent"})
    public String variant;

    final JdbcState jdbc = new JdbcState();

    /** Creates the tables and opens the connection; fails unless the agent wrapped it. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
      if (Variant.of(variant) != Variant.QUERYLENS_AGENT) {
        throw new IllegalArgumentException(
            "AgentOverheadBenchmark runs only variant=querylens-agent, not "
                + variant
                + "; select JdbcOverheadBenchmark when narrowing -p variant");
      }
      jdbc.variant = variant;
      jdbc.open();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      jdbc.close();
    }
  }

  /** One row by primary key, exactly as {@link JdbcOverheadBenchmark#pointQuery}. */
  @Benchmark
  public void pointQuery(AgentState state, Blackhole blackhole) throws SQLException {
    JdbcOverheadBenchmark.pointQuery(state.jdbc.connection, state.jdbc.nextPointId(), blackhole);
  }
}
