package io.querylens.jdbc.corpus;

import io.querylens.QueryLens;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ShapeSnapshot;
import io.querylens.core.UnitOfWork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Runs scenarios one at a time against the JVM-wide recording: reset, run, snapshot. Between two
 * scenarios the thread pauses for {@value #SETTLE_MILLIS} ms, far longer than the idle gap, so no
 * implicit unit of work spans two scenarios.
 */
final class CorpusRunner {
  static final long SETTLE_MILLIS = 50;

  private CorpusRunner() {}

  /**
   * Runs every scenario once unscored (class loading and JIT would otherwise only slow the first
   * scenarios), then once more, returning what each scored run left.
   */
  static List<ScenarioResult> runAll(
      String database, List<Scenario> scenarios, DataSource instrumented, DataSource raw)
      throws Exception {
    for (Scenario scenario : scenarios) {
      run(database, scenario, instrumented, raw);
    }
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      results.add(run(database, scenario, instrumented, raw));
    }
    return results;
  }

  /** Resets QueryLens, runs {@code scenario} and reads the snapshot it left. */
  @SuppressWarnings("try") // the scope is only opened and closed
  static ScenarioResult run(
      String database, Scenario scenario, DataSource instrumented, DataSource raw)
      throws Exception {
    CorpusSchema.clearVisits(raw);
    Thread.sleep(SETTLE_MILLIS);
    QueryLens.reset();
    Throwable error = null;
    long start = System.nanoTime();
    try {
      if (scenario.unit() == Scenario.Unit.SCOPE) {
        try (UnitOfWork unit = QueryLens.unitOfWork("corpus: " + scenario.name())) {
          scenario.body().run(instrumented);
        }
      } else {
        scenario.body().run(instrumented);
      }
    } catch (Throwable t) {
      error = t;
    }
    long elapsed = System.nanoTime() - start;
    if (scenario.unit() == Scenario.Unit.IMPLICIT) {
      Thread.sleep(SETTLE_MILLIS); // let the last implicit unit of work end
    }
    QueryLensSnapshot snapshot = QueryLens.snapshot();
    Map<String, Long> executions = new LinkedHashMap<>();
    for (ShapeSnapshot shape : snapshot.shapes()) {
      executions.merge(shape.shape().text(), shape.count(), Long::sum);
    }
    return new ScenarioResult(database, scenario, snapshot.findings(), executions, error, elapsed);
  }
}
