package io.querylens.core.internal.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.Phase;
import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitOfWork;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.internal.detectors.BuiltInDetectors;
import io.querylens.core.internal.sql.SqlNormalizer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Start-up and runtime: executions inside a framework's start-up method (here a servlet context
 * listener's {@code contextInitialized}, a real start-up type) form start-up units, whose time and
 * findings are kept apart from the rest.
 */
@SuppressWarnings("try") // scopes in try-with-resources are not referenced in their bodies
class PhasesTest {
  private static final QueryShape CREATE = shape("create table order_lines (id int, v int)");
  private static final QueryShape INSERT_LINE = shape("insert into order_lines values (?, ?)");
  private static final QueryShape ORDERS = shape("select id from orders");
  private static final QueryShape LINES = shape("select * from order_lines where order_id = ?");

  /** Start time of the next execution; each helper call moves it on. */
  private long now = 1_000_000_000L;

  private static QueryShape shape(String sql) {
    return SqlNormalizer.shape(sql, SqlDialect.POSTGRESQL);
  }

  private static UnitOfWorkTracker tracker() {
    QueryLensConfig config =
        QueryLensConfig.builder()
            .set(ConfigKey.NPLUSONE_THRESHOLD, 3)
            .set(ConfigKey.UNIT_IDLE_GAP, Duration.ofSeconds(1))
            .build();
    return new UnitOfWorkTracker(
        config, BuiltInDetectors.create(config), line -> {}, System::nanoTime);
  }

  /** A framework starting: runs {@code work} inside {@code contextInitialized}. */
  private static void starting(Runnable work) {
    ServletContextListener listener =
        new ServletContextListener() {
          @Override
          public void contextInitialized(ServletContextEvent event) {
            work.run();
          }
        };
    listener.contextInitialized(null);
  }

  /** An execution without a cursor: 100 ns execute. */
  private void update(UnitOfWorkTracker t, QueryShape s, long hash) {
    ExecutionView e = t.execution();
    e.shape = s;
    e.startNanos = now;
    e.executeNanos = 100;
    e.rows = 1;
    e.parameterHash = hash;
    e.transactionId = 0;
    e.release();
    t.record(e);
    now += 1_000;
  }

  /** A query read to its end: 200 ns execute. */
  private void query(UnitOfWorkTracker t, QueryShape s, long hash, long rows) {
    ExecutionView e = t.execution();
    e.shape = s;
    e.startNanos = now;
    e.executeNanos = 200;
    e.rows = rows;
    e.readWhole = true;
    e.parameterHash = hash;
    e.transactionId = 0;
    e.release();
    t.cursorOpened(s);
    t.record(e);
    now += 1_000;
  }

  /** Start-up: the schema, then six rows inserted one by one. */
  private void seed(UnitOfWorkTracker t) {
    update(t, CREATE, 0);
    for (int i = 0; i < 6; i++) {
      update(t, INSERT_LINE, 10 + i);
    }
  }

  /** A request with an n-plus-one: the orders, then the lines of each of 4. */
  private void request(UnitOfWorkTracker t) {
    try (UnitOfWork unit = t.begin("GET /orders")) {
      query(t, ORDERS, 1, 4);
      for (int i = 0; i < 4; i++) {
        query(t, LINES, 100 + i, 2);
      }
    }
  }

  @Test
  void startUpFindingsComeAfterTheOthersWithAHintThatSaysTheyRunOncePerStart() {
    UnitOfWorkTracker t = tracker();
    starting(() -> seed(t));
    request(t);

    List<Finding> findings = t.diagnosis().findings();
    assertThat(findings)
        .extracting(Finding::kind)
        .containsExactly(FindingKind.N_PLUS_ONE, FindingKind.CHATTY_WRITES);
    assertThat(findings.get(0).phase()).isEqualTo(Phase.RUNTIME);
    assertThat(findings.get(0).hint()).isEqualTo(FindingKind.N_PLUS_ONE.hint());
    Finding seedFinding = findings.get(1);
    assertThat(seedFinding.phase()).isEqualTo(Phase.STARTUP);
    assertThat(seedFinding.hint())
        .startsWith("runs once per start, while the framework starts")
        .endsWith(FindingKind.CHATTY_WRITES.hint());
    assertThat(seedFinding.callSite())
        .as("the application's frame that ran it, inside the start-up")
        .startsWith(PhasesTest.class.getName() + ".update(PhasesTest.java:");
  }

  @Test
  void startUpTimeAndUnitsAreKeptApartFromTheHeadlineFigures() {
    UnitOfWorkTracker t = tracker();
    starting(() -> seed(t));
    request(t);

    TimeSplit time = t.diagnosis().time();
    assertThat(time.dbExecuteNanos()).as("the request's 5 queries only").isEqualTo(5 * 200);
    assertThat(time.wastedRoundTripNanos())
        .as("the n-plus-one's 3 extra round trips")
        .isEqualTo(600);
    TimeSplit startup = t.diagnosis().startupTime();
    assertThat(startup.dbExecuteNanos()).as("the schema and the 6 inserts").isEqualTo(7 * 100);
    assertThat(startup.wastedRoundTripNanos()).isEqualTo(500);
    assertThat(t.diagnosis().units()).extracting(UnitSnapshot::name).containsExactly("GET /orders");
    assertThat(t.diagnosis().startupUnits())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.name())
                  .isEqualTo(ThreadState.foldDigits(Thread.currentThread().getName()));
              assertThat(u.executions()).isEqualTo(7);
              assertThat(u.findings()).isEqualTo(1);
            });
  }

  @Test
  void anIdleGapUnitEndsWhereStartUpEndsAndGoesOnAsARuntimeUnit() {
    UnitOfWorkTracker t = tracker();
    starting(() -> seed(t));
    // within the idle gap, but outside the start-up: the application's own queries
    query(t, ORDERS, 1, 4);
    for (int i = 0; i < 4; i++) {
      query(t, LINES, 100 + i, 2);
    }

    assertThat(t.diagnosis().startupUnits())
        .singleElement()
        .extracting(UnitSnapshot::executions)
        .isEqualTo(7L);
    assertThat(t.diagnosis().units())
        .singleElement()
        .extracting(UnitSnapshot::executions)
        .isEqualTo(5L);
    assertThat(t.diagnosis().findings())
        .extracting(Finding::phase)
        .containsExactly(Phase.RUNTIME, Phase.STARTUP);
  }

  @Test
  void onceTheThreadIsReadyAStartUpFindingStillMovesItsUnitToStartUp() {
    UnitOfWorkTracker t = tracker();
    request(t); // the thread shows a stack without start-up: its shapes are no longer walked
    now += 5_000_000_000L; // past the idle gap
    starting(() -> seed(t)); // e.g. a test's data script before the next test

    assertThat(t.diagnosis().findings())
        .extracting(Finding::phase)
        .containsExactly(Phase.RUNTIME, Phase.STARTUP);
    assertThat(t.diagnosis().startupTime().dbExecuteNanos())
        .as("the unit of the start-up finding, moved whole")
        .isEqualTo(7 * 100);
    assertThat(t.diagnosis().time().dbExecuteNanos()).isEqualTo(5 * 200);
  }

  @Test
  void aThreadWithoutStartUpWalksOnceThenStopsAsking() {
    UnitOfWorkTracker t = tracker();
    request(t);
    ThreadState ts = t.execution().state;
    assertThat(ts.ready).isTrue();
    assertThat(ts.unitStartup).isFalse();
    assertThat(t.diagnosis().startupTime()).isEqualTo(TimeSplit.EMPTY);
    assertThat(t.diagnosis().startupUnits()).isEmpty();
  }
}
