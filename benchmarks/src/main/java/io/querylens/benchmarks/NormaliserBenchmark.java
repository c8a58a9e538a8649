package io.querylens.benchmarks;

import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.intercept.QueryShapes;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The normaliser alone, uncached, per dialect: a typical ORM statement and the two large statements
 * of {@link LargeStatementBenchmark}, to show its cost per character. {@link QueryShapes#of} is the
 * public way to it: one pass that yields the shape text, operation, tables and summary, without the
 * shape cache an execution goes through.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class NormaliserBenchmark {
  @Param({"POSTGRESQL", "MYSQL", "OTHER"})
  public SqlDialect dialect;

  String orm;
  final LargeStatementBenchmark.Statements large = new LargeStatementBenchmark.Statements();

  @Setup(Level.Trial)
  public void build() {
    large.build();
    orm =
        "select o1_0.id,o1_0.address,o1_0.city,o1_0.first_name,o1_0.last_name,o1_0.telephone"
            + " from owners o1_0 left join pets p1_0 on o1_0.id=p1_0.owner_id where"
            + " o1_0.last_name like 'Dav%' escape '\\' and o1_0.id in (1, 2, 3) /* hint */"
            + " order by o1_0.last_name offset 0 rows fetch first 5 rows only";
  }

  @Benchmark
  public QueryShape ormStatement() {
    return QueryShapes.of(dialect, orm);
  }

  @Benchmark
  public QueryShape inList100k() {
    return QueryShapes.of(dialect, large.inList100k);
  }

  @Benchmark
  public QueryShape inList10Mb() {
    return QueryShapes.of(dialect, large.inList10Mb);
  }
}
