package io.querylens.jdbc.corpus;

import java.util.List;
import javax.sql.DataSource;

/**
 * One labelled case of the corpus: code run against an instrumented DataSource and the findings it
 * must produce (an empty list: no finding of any kind).
 *
 * @param name short name shown in the results table
 * @param unit what makes the unit of work while the body runs
 * @param body the code under observation
 * @param expected every finding the run must report, and only those
 */
record Scenario(String name, Unit unit, Body body, List<ExpectedFinding> expected) {

  Scenario {
    expected = List.copyOf(expected);
  }

  /** What makes the unit of work of a scenario. */
  enum Unit {
    /** The runner opens {@code QueryLens.unitOfWork(name)} around the body. */
    SCOPE,
    /**
     * No scope from the runner: the body's own transactions, scopes, or the thread's runs of
     * executions separated by idle gaps make the units.
     */
    IMPLICIT
  }

  /** Scenario code; it opens and closes its own connections. */
  @FunctionalInterface
  interface Body {
    void run(DataSource dataSource) throws Exception;
  }

  static Scenario scoped(String name, Body body, ExpectedFinding... expected) {
    return new Scenario(name, Unit.SCOPE, body, List.of(expected));
  }

  static Scenario implicit(String name, Body body, ExpectedFinding... expected) {
    return new Scenario(name, Unit.IMPLICIT, body, List.of(expected));
  }
}
