package io.querylens.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each variant of {@link JdbcState} costs on very large plain statements, whose literals
 * QueryLens must mask: a 100 000-element IN list (about 0.7 MB) and a 10 MB IN list of strings.
 * "same" passes one String instance every time (H2 then reuses its parsed command); "fresh" passes
 * an equal copy each time, as an application that builds its SQL per call does; "distinct" cycles
 * through 16 lists of different ids, more than either H2 or QueryLens remembers, so both parse
 * every statement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dquerylens.report.console=false"})
@Threads(1)
public class LargeStatementBenchmark {

  /** The two statements, built once per trial. */
  @State(Scope.Thread)
  public static class Statements {
    /** More distinct statements than H2's query cache (8) and QueryLens's (4) hold. */
    static final int DISTINCT = 16;

    String inList100k;
    String inList10Mb;
    final String[] distinct100k = new String[DISTINCT];
    private int next;

    @Setup(Level.Trial)
    public void build() {
      for (int d = 0; d < DISTINCT; d++) {
        distinct100k[d] = inList(d);
      }
      inList100k = distinct100k[0];
      StringBuilder names = new StringBuilder("select count(*) from item where name in (");
      for (int i = 0; names.length() < 10_000_000; i++) {
        names.append("'item-").append(i).append("', ");
      }
      inList10Mb = names.append("'none')").toString();
    }

    private static String inList(int offset) {
      StringBuilder in = new StringBuilder("select count(*) from item where id in (");
      for (int i = 0; i < 100_000; i++) {
        in.append(i + offset).append(", ");
      }
      return in.append("-1)").toString();
    }

    String nextDistinct() {
      String sql = distinct100k[next];
      next = (next + 1) % DISTINCT;
      return sql;
    }
  }

  @Benchmark
  public long inList100kSame(JdbcState state, Statements sql) throws SQLException {
    return count(state, sql.inList100k);
  }

  @Benchmark
  public long inList100kFresh(JdbcState state, Statements sql) throws SQLException {
    return count(state, new String(sql.inList100k.toCharArray()));
  }

  @Benchmark
  public long inList100kDistinct(JdbcState state, Statements sql) throws SQLException {
    return count(state, sql.nextDistinct());
  }

  @Benchmark
  public long inList10MbSame(JdbcState state, Statements sql) throws SQLException {
    return count(state, sql.inList10Mb);
  }

  @Benchmark
  public long inList10MbFresh(JdbcState state, Statements sql) throws SQLException {
    return count(state, new String(sql.inList10Mb.toCharArray()));
  }

  private static long count(JdbcState state, String sql) throws SQLException {
    try (Statement statement = state.connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      resultSet.next();
      return resultSet.getLong(1);
    }
  }
}
