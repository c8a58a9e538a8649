package io.querylens.core.internal.unitofwork;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.Finding;
import io.querylens.core.FindingKind;
import io.querylens.core.QueryShape;
import io.querylens.core.SqlDialect;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitOfWork;
import io.querylens.core.UnitOfWorkSource;
import io.querylens.core.UnitSnapshot;
import io.querylens.core.config.ConfigKey;
import io.querylens.core.config.QueryLensConfig;
import io.querylens.core.intercept.Faults;
import io.querylens.core.internal.detectors.BuiltInDetectors;
import io.querylens.core.internal.sql.SqlNormalizer;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes in try-with-resources are not referenced in their bodies
class UnitOfWorkTrackerTest {
  private static final QueryShape ORDERS = shape("select id from orders where customer_id = ?");
  private static final QueryShape LINES = shape("select * from order_lines where order_id = ?");
  private static final QueryShape CUSTOMER = shape("select * from customers where id = ?");
  private static final QueryShape INSERT_LINE = shape("insert into order_lines values (?, ?)");
  private static final QueryShape PING = shape("select 1");
  private static final SQLException FAILURE = new SQLException("failed");

  private final List<String> logLines = new ArrayList<>();
  private long logClock = 0;

  /** Start time of the next execution; each helper call moves it on. */
  private long now = 1_000_000_000L;

  private static QueryShape shape(String sql) {
    return SqlNormalizer.shape(sql, SqlDialect.POSTGRESQL);
  }

  private static int line() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).get().getLineNumber();
  }

  private UnitOfWorkTracker tracker() {
    return tracker(QueryLensConfig.builder().build());
  }

  private UnitOfWorkTracker tracker(QueryLensConfig config) {
    return new UnitOfWorkTracker(
        config, BuiltInDetectors.create(config), logLines::add, () -> logClock);
  }

  /**
   * One execution as the recording writes it into the thread's reused holder, for {@code
   * t.record(...)} on the caller's line (the line findings name as the call site).
   */
  private static ExecutionView execution(
      UnitOfWorkTracker t,
      QueryShape shape,
      long start,
      long executeNanos,
      long fetchNanos,
      long processNanos,
      long rows,
      int batchSize,
      boolean failed,
      long parameterHash,
      long transactionId) {
    ExecutionView e = t.execution();
    e.shape = shape;
    e.startNanos = start;
    e.executeNanos = executeNanos;
    e.fetchNanos = fetchNanos;
    e.processNanos = processNanos;
    e.rows = rows;
    e.batchSize = batchSize;
    e.error = failed ? FAILURE : null;
    e.parameterHash = parameterHash;
    e.transactionId = transactionId;
    e.release(); // single-threaded tests: nothing records between here and t.record(e)
    return e;
  }

  /** A query read to its end: 100 ns execute, 20 ns fetch, 30 ns process. */
  private void query(UnitOfWorkTracker t, QueryShape s, long hash, long rows, long tx) {
    t.cursorOpened(s);
    t.record(execution(t, s, now, 100, 20, 30, rows, 0, false, hash, tx));
    now += 1_000;
  }

  private void query(UnitOfWorkTracker t, QueryShape s, long hash) {
    query(t, s, hash, 1, 0);
  }

  private void update(UnitOfWorkTracker t, QueryShape s, long hash, int batchSize) {
    t.record(execution(t, s, now, 100, 0, 0, 1, batchSize, false, hash, 0));
    now += 1_000;
  }

  @Test
  void loopNPlusOneNamesShapeParentRowsAndTheCallSiteLine() {
    UnitOfWorkTracker t = tracker();
    query(t, ORDERS, 1, 10, 0); // the parent, read to its end before the loop
    int callLine = 0;
    for (int i = 0; i < 10; i++) {
      callLine = line() + 1;
      t.cursorOpened(LINES);
      t.record(execution(t, LINES, now, 100, 20, 30, 3, 0, false, 100 + i, 0));
      now += 1_000;
    }

    assertThat(t.diagnosis().findings()).hasSize(1);
    Finding f = t.diagnosis().findings().get(0);
    assertThat(f.kind()).isEqualTo(FindingKind.N_PLUS_ONE);
    assertThat(f.shape()).isEqualTo(LINES);
    assertThat(f.parentShape()).isEqualTo(ORDERS);
    assertThat(f.parentRows()).isEqualTo(10);
    assertThat(f.callSite())
        .isEqualTo(
            UnitOfWorkTrackerTest.class.getName()
                + ".loopNPlusOneNamesShapeParentRowsAndTheCallSiteLine(UnitOfWorkTrackerTest.java:"
                + callLine
                + ")");
    assertThat(f.occurrences()).isEqualTo(1);
    assertThat(f.totalCount()).isEqualTo(10);
    assertThat(f.maxCount()).isEqualTo(10);
    assertThat(f.hint()).contains("join fetch", "entity graph", "batch fetching", "IN list");
    assertThat(f.unitNames())
        .containsExactly(ThreadState.foldDigits(Thread.currentThread().getName()));
  }

  @Test
  void aPendingExecuteTakesItsCallSiteWhereItWasExecutedNotWhereItWasRecorded() {
    UnitOfWorkTracker t = tracker();
    int executeLine = 0;
    for (int i = 0; i < 5; i++) {
      executeLine = line() + 1;
      t.executionPending(INSERT_LINE);
      now += 1_000;
      recordLater(t, i);
    }
    assertThat(t.diagnosis().findings().get(0).callSite())
        .endsWith(
            ".aPendingExecuteTakesItsCallSiteWhereItWasExecutedNotWhereItWasRecorded"
                + "(UnitOfWorkTrackerTest.java:"
                + executeLine
                + ")");
  }

  private void recordLater(UnitOfWorkTracker t, long hash) {
    t.record(execution(t, INSERT_LINE, now - 1_000, 100, 0, 0, -1, 0, false, hash, 0));
  }

  @Test
  void parentStillBeingIteratedIsTheParentAndItsRowsAreKnownOnceItEnds() {
    UnitOfWorkTracker t = tracker();
    long parentStart = now;
    t.cursorOpened(ORDERS);
    for (int i = 0; i < 6; i++) {
      now += 20_000_000; // 20 ms of application work per row: the open cursor keeps one unit
      query(t, CUSTOMER, i);
    }
    t.record(execution(t, ORDERS, parentStart, 500, 100, now - parentStart, 6, 0, false, 1, 0));
    assertThat(t.diagnosis().findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.N_PLUS_ONE);
              assertThat(f.parentShape()).isEqualTo(ORDERS);
            });

    now += 1_000_000_000; // the unit ends with the next execution, after the idle gap
    query(t, PING, 1);
    assertThat(t.diagnosis().findings().get(0).parentRows()).isEqualTo(6);
  }

  private static final QueryShape VETS = shape("select id, name from vets order by id");
  private static final QueryShape SPECIALTIES = shape("select id, name from specialties");
  private static final QueryShape VET_SPECIALTIES =
      shape("select specialty_id from vet_specialties where vet_id = ?");
  private static final QueryShape VISITS = shape("select * from visits where line_id = ?");

  /** The finding about {@code shape}. */
  private static Finding findingOf(UnitOfWorkTracker t, QueryShape shape) {
    return t.diagnosis().findings().stream()
        .filter(f -> f.shape().equals(shape))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding about " + shape.text()));
  }

  @Test
  void aListReadFirstIsTheParentEvenWhenASmallerReadRanBeforeTheLoop() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork page = t.begin("GET /vets")) {
      query(t, VETS, 1, 6, 0); // read fully into a list
      query(t, SPECIALTIES, 2, 3, 0); // once, three rows: fewer than the loop's calls
      for (int vet = 1; vet <= 6; vet++) {
        query(t, VET_SPECIALTIES, vet, 1, 0);
      }
      Finding live = findingOf(t, VET_SPECIALTIES);
      assertThat(live.parentShape()).isEqualTo(VETS);
      assertThat(live.parentRows()).isEqualTo(6);
    }
    Finding f = findingOf(t, VET_SPECIALTIES);
    assertThat(f.parentShape()).isEqualTo(VETS);
    assertThat(f.parentRows()).isEqualTo(6);
  }

  @Test
  void aOneRowLookupBetweenIterationsIsNeitherParentNorCandidateButGetsTheListAsItsOwnParent() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork page = t.begin("GET /orders")) {
      query(t, ORDERS, 1, 8, 0);
      for (int order = 1; order <= 8; order++) {
        query(t, CUSTOMER, order, 1, 0); // one row each, between the iterations
        query(t, LINES, order, 2, 0);
      }
    }
    assertThat(findingOf(t, LINES).parentShape()).isEqualTo(ORDERS);
    assertThat(findingOf(t, LINES).parentRows()).isEqualTo(8);
    assertThat(findingOf(t, CUSTOMER).parentShape()).isEqualTo(ORDERS);
  }

  @Test
  void aReadRepeatedOncePerIterationBeforeTheLoopBodyIsASiblingNotTheParent() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork page = t.begin("GET /orders")) {
      query(t, ORDERS, 1, 7, 0);
      for (int order = 1; order <= 7; order++) {
        query(t, LINES, order, 3, 0); // three rows each: more rows in all than the loop's calls
        query(t, CUSTOMER, order, 1, 0);
      }
    }
    assertThat(findingOf(t, CUSTOMER).parentShape()).isEqualTo(ORDERS);
    assertThat(findingOf(t, CUSTOMER).parentRows()).isEqualTo(7);
  }

  @Test
  void nestedLoopsOverListsNameTheInnerListWithItsRowsInTheUnit() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork page = t.begin("GET /orders")) {
      query(t, ORDERS, 1, 5, 0);
      long line = 0;
      for (int order = 1; order <= 5; order++) {
        query(t, LINES, order, 3, 0);
        for (int i = 0; i < 3; i++) {
          query(t, VISITS, ++line, 1, 0);
        }
      }
    }
    assertThat(findingOf(t, LINES).parentShape()).isEqualTo(ORDERS);
    assertThat(findingOf(t, LINES).parentRows()).isEqualTo(5);
    assertThat(findingOf(t, VISITS).parentShape()).isEqualTo(LINES);
    assertThat(findingOf(t, VISITS).parentRows()).isEqualTo(15);
  }

  @Test
  void aListReadInsideAnOpenOneRowCursorIsTheParentNotTheCursor() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork page = t.begin("GET /customers/{id}")) {
      long start = now;
      t.cursorOpened(CUSTOMER); // the customer's one row, its cursor still open
      query(t, ORDERS, 1, 6, 0); // the customer's orders, read fully inside it
      for (int order = 1; order <= 6; order++) {
        query(t, LINES, order, 2, 0);
      }
      t.record(execution(t, CUSTOMER, start, 100, 20, now - start, 1, 0, false, 1, 0));
    }
    assertThat(findingOf(t, LINES).parentShape()).isEqualTo(ORDERS);
    assertThat(findingOf(t, LINES).parentRows()).isEqualTo(6);
  }

  @Test
  void anOpenCursorThatEndsWithOneRowGivesWayToTheListReadBeforeIt() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork page = t.begin("GET /orders")) {
      query(t, ORDERS, 1, 6, 0);
      long start = now;
      t.cursorOpened(PING); // a one-row cursor left open around the loop
      for (int order = 1; order <= 6; order++) {
        query(t, LINES, order, 2, 0);
      }
      assertThat(findingOf(t, LINES).parentShape()).isEqualTo(PING); // its rows not known yet
      t.record(execution(t, PING, start, 100, 20, now - start, 1, 0, false, 1, 0));
      assertThat(findingOf(t, LINES).parentShape()).isEqualTo(ORDERS);
    }
    assertThat(findingOf(t, LINES).parentShape()).isEqualTo(ORDERS);
    assertThat(findingOf(t, LINES).parentRows()).isEqualTo(6);
  }

  @Test
  void withoutAReadThatCouldDriveTheLoopTheParentIsUnknown() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork page = t.begin("GET /report")) {
      query(t, SPECIALTIES, 1, 3, 0); // three rows cannot drive six calls
      query(t, CUSTOMER, 2, 1, 0);
      for (int i = 1; i <= 6; i++) {
        query(t, LINES, i, 2, 0);
      }
    }
    Finding f = findingOf(t, LINES);
    assertThat(f.parentShape()).isNull();
    assertThat(f.parentRows()).isEqualTo(-1);
  }

  @Test
  void whenTwoReadsFitTheOneWhoseRowsEqualTheCountWinsAtTheUnitsEnd() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork page = t.begin("GET /vets")) {
      query(t, VETS, 1, 6, 0);
      query(t, SPECIALTIES, 2, 100, 0); // larger, and more recent
      for (int vet = 1; vet <= 6; vet++) {
        query(t, VET_SPECIALTIES, vet, 1, 0);
      }
    }
    assertThat(findingOf(t, VET_SPECIALTIES).parentShape()).isEqualTo(VETS);
  }

  @Test
  void theParentIsChosenAgainWhenTheCountPassesItsRows() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork page = t.begin("GET /vets")) {
      query(t, VETS, 1, 8, 0);
      query(t, SPECIALTIES, 2, 5, 0);
      for (int vet = 1; vet <= 5; vet++) {
        query(t, VET_SPECIALTIES, vet, 1, 0);
      }
      // five calls so far: the five specialties fit them exactly
      assertThat(findingOf(t, VET_SPECIALTIES).parentShape()).isEqualTo(SPECIALTIES);
      query(t, VET_SPECIALTIES, 6, 1, 0);
      // six calls: five rows no longer can have driven them; the unit is still open
      assertThat(findingOf(t, VET_SPECIALTIES).parentShape()).isEqualTo(VETS);
      assertThat(findingOf(t, VET_SPECIALTIES).parentRows()).isEqualTo(8);
    }
  }

  @Test
  void nestedOpenCursorsNameTheInnerCursorWithItsRowsInTheUnit() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork page = t.begin("GET /orders")) {
      long ordersStart = now;
      t.cursorOpened(ORDERS);
      long line = 0;
      for (int order = 1; order <= 3; order++) {
        long linesStart = now;
        t.cursorOpened(LINES);
        for (int i = 0; i < 2; i++) {
          query(t, VISITS, ++line, 1, 0);
        }
        t.record(execution(t, LINES, linesStart, 100, 20, now - linesStart, 2, 0, false, order, 0));
        now += 1_000;
      }
      t.record(execution(t, ORDERS, ordersStart, 100, 20, now - ordersStart, 3, 0, false, 1, 0));
    }
    assertThat(findingOf(t, VISITS).parentShape()).isEqualTo(LINES);
    assertThat(findingOf(t, VISITS).parentRows()).isEqualTo(6);
  }

  @Test
  void mergedAcrossUnitsTheParentIsTheOneOfTheUnitWithTheMostRepetitionsThatNamedOne() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork page = t.begin("GET /vets")) {
      query(t, VETS, 1, 6, 0);
      for (int vet = 1; vet <= 6; vet++) {
        query(t, VET_SPECIALTIES, vet, 1, 0);
      }
    }
    try (UnitOfWork page = t.begin("GET /vets")) { // more repetitions, but no parent known
      for (int vet = 1; vet <= 9; vet++) {
        query(t, VET_SPECIALTIES, vet, 1, 0);
      }
    }
    Finding f = findingOf(t, VET_SPECIALTIES);
    assertThat(f.parentShape()).isEqualTo(VETS);
    assertThat(f.parentRows()).isEqualTo(6);

    try (UnitOfWork page = t.begin("GET /vets")) {
      query(t, ORDERS, 1, 7, 0);
      for (int vet = 1; vet <= 7; vet++) {
        query(t, VET_SPECIALTIES, vet, 1, 0);
      }
    }
    f = findingOf(t, VET_SPECIALTIES);
    assertThat(f.parentShape()).isEqualTo(ORDERS);
    assertThat(f.parentRows()).isEqualTo(7);
    assertThat(f.maxCount()).isEqualTo(9);
  }

  @Test
  void followingTheParentAllocatesNothingPerExecution() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    UnitOfWorkTracker t = tracker();
    int n = 100_000;
    try (UnitOfWork job = t.begin("batch job")) {
      query(t, VETS, 1, n, 0);
      query(t, SPECIALTIES, 2, 3, 0);
      for (int i = 0; i < 1_000; i++) { // raised, its parent chosen
        query(t, CUSTOMER, 1, 1, 0);
        query(t, VET_SPECIALTIES, i, 1, 0);
      }
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 1_000; i < n; i++) {
        query(t, CUSTOMER, 1, 1, 0);
        query(t, VET_SPECIALTIES, i, 1, 0);
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      System.out.println("ParentChoice: " + allocated + " bytes over 198,000 executions");
      assertThat(allocated).isLessThan(16 * 1024);
      assertThat(findingOf(t, VET_SPECIALTIES).parentShape()).isEqualTo(VETS);
    }
  }

  @Test
  void belowTheThresholdIsNoFindingAndExactlyAtItIsOne() {
    UnitOfWorkTracker below = tracker();
    for (int i = 0; i < 4; i++) {
      query(below, CUSTOMER, i);
    }
    assertThat(below.diagnosis().findings()).isEmpty();

    UnitOfWorkTracker at = tracker();
    for (int i = 0; i < 5; i++) {
      query(at, CUSTOMER, i);
    }
    assertThat(at.diagnosis().findings())
        .singleElement()
        .extracting(Finding::maxCount)
        .isEqualTo(5L);
  }

  @Test
  void thresholdIsConfigurable() {
    UnitOfWorkTracker t =
        tracker(QueryLensConfig.builder().set(ConfigKey.NPLUSONE_THRESHOLD, 2).build());
    query(t, CUSTOMER, 1);
    assertThat(t.diagnosis().findings()).isEmpty();
    query(t, CUSTOMER, 2);
    assertThat(t.diagnosis().findings()).hasSize(1);
  }

  @Test
  void batchesAreNeverAFindingNorCounted() {
    UnitOfWorkTracker t = tracker();
    for (int i = 0; i < 20; i++) {
      update(t, INSERT_LINE, i, 100);
    }
    for (int i = 0; i < 4; i++) {
      update(t, INSERT_LINE, 1000 + i, 0);
    }
    assertThat(t.diagnosis().findings()).isEmpty();
    assertThat(t.diagnosis().time().dbExecuteNanos()).isEqualTo(24 * 100);
  }

  @Test
  void sameParametersRepeatedAreADuplicate() {
    UnitOfWorkTracker t = tracker();
    for (int i = 0; i < 5; i++) {
      query(t, CUSTOMER, 42);
    }
    Finding f = t.diagnosis().findings().get(0);
    assertThat(f.kind()).isEqualTo(FindingKind.DUPLICATE);
    assertThat(f.hint()).contains("cache");
  }

  @Test
  void rowByRowWritesAreChattyWrites() {
    UnitOfWorkTracker t = tracker();
    for (int i = 0; i < 6; i++) {
      update(t, INSERT_LINE, i, 0);
    }
    Finding f = t.diagnosis().findings().get(0);
    assertThat(f.kind()).isEqualTo(FindingKind.CHATTY_WRITES);
    assertThat(f.hint()).contains("addBatch");
    assertThat(f.callSite()).contains(".update(UnitOfWorkTrackerTest.java:");
    assertThat(f.parentShape()).isNull();
    assertThat(f.parentRows()).isEqualTo(-1);
  }

  @Test
  void oneInListQueryIsNoFinding() {
    UnitOfWorkTracker t = tracker();
    QueryShape in = shape("select * from customers where id in (1, 2, 3, 4, 5, 6, 7)");
    query(t, ORDERS, 1, 7, 0);
    query(t, in, 2, 7, 0);
    assertThat(t.diagnosis().findings()).isEmpty();
  }

  @Test
  void connectionChecksAndOtherTablelessReadsAreNeverJudged() {
    UnitOfWorkTracker t = tracker();
    for (int i = 0; i < 50; i++) {
      query(t, PING, 7, 1, 99); // one transaction that never ends: a single unit
      query(t, shape("select 1 from dual"), 7, 1, 99);
      update(t, shape("call refresh(?)"), i, 0);
    }
    assertThat(t.diagnosis().findings()).isEmpty();
  }

  @Test
  void backgroundPingEveryFewTensOfMillisecondsGivesNoFindingAndOneUnitEach() {
    UnitOfWorkTracker t = tracker();
    for (int i = 0; i < 30; i++) {
      t.connectionCheckedOut(5_000, 0);
      query(t, shape("select count(*) from jobs where state = ?"), 7);
      now += 30_000_000;
    }
    assertThat(t.diagnosis().findings()).isEmpty();
    assertThat(t.diagnosis().units())
        .singleElement()
        .extracting(UnitSnapshot::units)
        .isEqualTo(30L);
  }

  @Test
  void idleGapSplitsAThreadsExecutionsIntoUnits() {
    UnitOfWorkTracker t =
        tracker(
            QueryLensConfig.builder().set(ConfigKey.UNIT_IDLE_GAP, Duration.ofMillis(5)).build());
    for (int i = 0; i < 3; i++) {
      query(t, CUSTOMER, i);
    }
    // past the gap even after the first execution's stack walk for its phase (QueryLens's time,
    // which does not count as idleness), however long that first walk took
    now += 50_000_000;
    for (int i = 0; i < 3; i++) {
      query(t, CUSTOMER, 10 + i);
    }
    assertThat(t.diagnosis().findings()).isEmpty();
    UnitSnapshot u = t.diagnosis().units().get(0);
    assertThat(u.units()).isEqualTo(2);
    assertThat(u.executions()).isEqualTo(6);

    now += 4_000_000; // within the gap: the same unit goes on
    for (int i = 0; i < 2; i++) {
      query(t, CUSTOMER, 20 + i);
    }
    assertThat(t.diagnosis().findings()).hasSize(1);
  }

  @Test
  void transactionGroupsASlowLoopIntoOneUnit() {
    UnitOfWorkTracker t = tracker();
    query(t, ORDERS, 1, 6, 42);
    for (int i = 0; i < 6; i++) {
      now += 50_000_000; // application work far beyond the idle gap
      query(t, CUSTOMER, i, 1, 42);
    }
    t.transactionEnded(42);
    assertThat(t.diagnosis().findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FindingKind.N_PLUS_ONE);
              assertThat(f.parentShape()).isEqualTo(ORDERS);
              assertThat(f.parentRows()).isEqualTo(6);
            });
    assertThat(t.diagnosis().units().get(0).units()).isEqualTo(1);
  }

  @Test
  void twentyShortTransactionsWithOneLookupEachAreTwentyUnitsAndNoFinding() {
    UnitOfWorkTracker t = tracker();
    for (int tx = 1; tx <= 20; tx++) {
      query(t, CUSTOMER, tx, 1, tx);
      t.transactionEnded(tx);
    }
    assertThat(t.diagnosis().findings()).isEmpty();
    assertThat(t.diagnosis().units())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.units()).isEqualTo(20);
              assertThat(u.executions()).isEqualTo(20);
            });
  }

  @Test
  void twoThreadsEachWithTheirOwnNPlusOneGiveTwoFindings() throws Exception {
    UnitOfWorkTracker t = tracker();
    CountDownLatch both = new CountDownLatch(2);
    Thread a = new Thread(() -> loopA(t, both), "worker-1");
    Thread b = new Thread(() -> loopB(t, both), "worker-2");
    a.start();
    b.start();
    a.join();
    b.join();

    List<Finding> findings = t.diagnosis().findings();
    assertThat(findings).hasSize(2);
    assertThat(findings).extracting(Finding::callSite).allMatch(s -> s.contains(".loop"));
    assertThat(findings).extracting(Finding::callSite).doesNotHaveDuplicates();
    assertThat(findings).extracting(Finding::occurrences).containsOnly(1L);
    assertThat(findings).extracting(Finding::unitNames).containsOnly(List.of("worker-#"));
  }

  private static void loopA(UnitOfWorkTracker t, CountDownLatch both) {
    await(both);
    for (int i = 0; i < 8; i++) {
      t.cursorOpened(LINES);
      t.record(execution(t, LINES, System.nanoTime(), 100, 0, 0, 1, 0, false, i, 0));
    }
  }

  private static void loopB(UnitOfWorkTracker t, CountDownLatch both) {
    await(both);
    for (int i = 0; i < 8; i++) {
      t.cursorOpened(LINES);
      t.record(execution(t, LINES, System.nanoTime(), 100, 0, 0, 1, 0, false, i, 0));
    }
  }

  private static void await(CountDownLatch both) {
    both.countDown();
    try {
      both.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void nestedScopesMakeOneUnitNamedByTheOutermost() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork outer = t.begin("nightly export")) {
      query(t, CUSTOMER, 1);
      query(t, CUSTOMER, 2);
      try (UnitOfWork inner = t.begin("page")) {
        assertThat(inner.name()).isEqualTo("page");
        query(t, CUSTOMER, 3);
        query(t, CUSTOMER, 4);
      }
      now += 5_000_000_000L; // a long pause does not end a scope
      query(t, CUSTOMER, 5);
      assertThat(outer.name()).isEqualTo("nightly export");
    }
    assertThat(t.diagnosis().findings())
        .singleElement()
        .extracting(Finding::unitNames)
        .isEqualTo(List.of("nightly export"));
    assertThat(t.diagnosis().units())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.name()).isEqualTo("nightly export");
              assertThat(u.units()).isEqualTo(1);
              assertThat(u.executions()).isEqualTo(5);
              assertThat(u.findings()).isEqualTo(1);
            });
  }

  @Test
  void scopesClosedTwiceOrOutOfOrderEndTheUnitOnce() {
    UnitOfWorkTracker t = tracker();
    UnitOfWork outer = t.begin("outer");
    UnitOfWork inner = t.begin("inner");
    query(t, CUSTOMER, 1);
    outer.close(); // the outermost ends the unit even with an inner one open
    outer.close();
    inner.close();
    query(t, CUSTOMER, 2);
    assertThat(t.diagnosis().units())
        .extracting(UnitSnapshot::name, UnitSnapshot::units)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("outer", 1L),
            org.assertj.core.groups.Tuple.tuple(
                ThreadState.foldDigits(Thread.currentThread().getName()), 1L));
  }

  /** A source whose current unit the test sets. */
  private static class FixedSource implements UnitOfWorkSource {
    private final int precedence;
    Object current;

    FixedSource(int precedence) {
      this.precedence = precedence;
    }

    @Override
    public Object currentUnit() {
      return current;
    }

    @Override
    public String unitName(Object unit) {
      return "GET /" + unit;
    }

    @Override
    public int precedence() {
      return precedence;
    }
  }

  @Test
  void sourcesAreAskedInPrecedenceOrderAfterScopesAndBeforeTransactions() {
    UnitOfWorkTracker t = tracker();
    FixedSource request = new FixedSource(UnitOfWorkSource.PRECEDENCE_REQUEST);
    FixedSource span = new FixedSource(UnitOfWorkSource.PRECEDENCE_SPAN);
    t.addSource(request);
    t.addSource(span);

    request.current = "owners";
    span.current = "span";
    query(t, CUSTOMER, 1, 1, 7); // in a transaction, but the span wins
    span.current = null;
    query(t, CUSTOMER, 2, 1, 7); // the request is next
    try (UnitOfWork scope = t.begin("scope")) {
      query(t, CUSTOMER, 3, 1, 7); // an explicit scope beats both
    }
    request.current = null;
    query(t, CUSTOMER, 4, 1, 7); // then the transaction
    t.transactionEnded(7);

    assertThat(t.diagnosis().units())
        .extracting(UnitSnapshot::name)
        .containsExactlyInAnyOrder(
            "GET /span",
            "GET /owners",
            "scope",
            ThreadState.foldDigits(Thread.currentThread().getName()));
  }

  @Test
  void aScopeOpenedIfNoneDefersToASourcesUnitAndToAnOpenScope() {
    UnitOfWorkTracker t = tracker();
    FixedSource request = new FixedSource(UnitOfWorkSource.PRECEDENCE_REQUEST);
    t.addSource(request);

    request.current = "owners";
    try (UnitOfWork method = t.beginIfNone("OwnerDirectory.list")) {
      query(t, CUSTOMER, 1, 1, 7); // the request stays the unit
    }
    request.current = null;
    try (UnitOfWork method = t.beginIfNone("OwnerDirectory.list")) {
      query(t, CUSTOMER, 2, 1, 7); // nothing current: the method is the unit
      try (UnitOfWork inner = t.beginIfNone("OwnerDirectory.view")) {
        query(t, CUSTOMER, 3, 1, 7); // inside it, the outer method stays the unit
      }
    }
    t.transactionEnded(7);

    assertThat(t.diagnosis().units())
        .extracting(UnitSnapshot::name, UnitSnapshot::units)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("GET /owners", 1L),
            org.assertj.core.groups.Tuple.tuple("OwnerDirectory.list", 1L));
  }

  @Test
  void aSourceUnitSpansEqualIdentitiesAndEndsWhenTheIdentityChanges() {
    UnitOfWorkTracker t = tracker();
    FixedSource request = new FixedSource(UnitOfWorkSource.PRECEDENCE_REQUEST);
    t.addSource(request);
    request.current = new String("owners"); // equal, not identical, identities are one unit
    query(t, CUSTOMER, 1);
    query(t, CUSTOMER, 2);
    request.current = new String("owners");
    now += 5_000_000_000L; // no idle gap inside a source's unit
    query(t, CUSTOMER, 3);
    query(t, CUSTOMER, 4);
    query(t, CUSTOMER, 5);
    assertThat(t.diagnosis().findings()).hasSize(1);
    request.current = "vets";
    query(t, CUSTOMER, 6);
    assertThat(t.diagnosis().units())
        .extracting(UnitSnapshot::name, UnitSnapshot::units)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("GET /owners", 1L),
            org.assertj.core.groups.Tuple.tuple("GET /vets", 1L));
  }

  private record Told(Finding finding, Object unit, boolean newInJvm) {}

  @Test
  void findingListenersHearEachUnitOnceWithItsSourceIdentityAndWhetherTheFindingIsNew() {
    UnitOfWorkTracker t = tracker();
    FixedSource request = new FixedSource(UnitOfWorkSource.PRECEDENCE_REQUEST);
    t.addSource(request);
    List<Told> told = new ArrayList<>();
    t.addFindingListener((f, unit, isNew) -> told.add(new Told(f, unit, isNew)));
    for (String unit : List.of("a", "b")) {
      request.current = unit;
      query(t, ORDERS, 1, 7, 0);
      for (int i = 0; i < 7; i++) { // threshold 5: told at the fifth, not again
        query(t, CUSTOMER, 10 + i);
      }
    }
    request.current = null;
    for (int i = 0; i < 5; i++) { // a unit that did not come from a source
      query(t, CUSTOMER, 20 + i);
    }

    assertThat(told).extracting(Told::unit).containsExactly("a", "b", null);
    assertThat(told).extracting(Told::newInJvm).containsExactly(true, false, false);
    Finding first = told.get(0).finding();
    assertThat(first.kind()).isEqualTo(FindingKind.N_PLUS_ONE);
    assertThat(first.shape()).isEqualTo(CUSTOMER);
    assertThat(first.parentShape()).isEqualTo(ORDERS);
    assertThat(first.totalCount()).isEqualTo(5);
    assertThat(first.occurrences()).isEqualTo(1);
    assertThat(first.unitNames()).containsExactly("GET /a");
    assertThat(first.callSite()).contains("UnitOfWorkTrackerTest");
    assertThat(first.hint()).isNotBlank();
    assertThat(first.wastedNanos()).isEqualTo(wastedOf(5, 120));
  }

  @Test
  void aThrowingFindingListenerIsCountedAndTheOthersStillHear() {
    UnitOfWorkTracker t = tracker();
    List<Object> heard = new ArrayList<>();
    t.addFindingListener(
        (f, unit, isNew) -> {
          throw new IllegalStateException("broken listener");
        });
    t.addFindingListener((f, unit, isNew) -> heard.add(f.shape()));
    long faults = Faults.count();
    for (int i = 0; i < 5; i++) {
      query(t, CUSTOMER, 30 + i);
    }
    assertThat(heard).containsExactly(CUSTOMER);
    assertThat(Faults.count()).isEqualTo(faults + 1);
    assertThat(t.diagnosis().findings()).hasSize(1);
  }

  /** A source whose unit's name is learnt late, as a request's route template is. */
  private static final class LateNamedSource implements UnitOfWorkSource {
    Object current;
    String name;
    int asked;

    @Override
    public Object currentUnit() {
      return current;
    }

    @Override
    public String unitName(Object unit) {
      asked++;
      return name;
    }

    @Override
    public int precedence() {
      return PRECEDENCE_REQUEST;
    }
  }

  @Test
  void aSourceUnitIsNamedAgainWhenItEndsAndItsFindingsAndSumsFollowTheNewName() {
    UnitOfWorkTracker t = tracker();
    LateNamedSource request = new LateNamedSource();
    t.addSource(request);
    request.current = new Object();
    request.name = "GET /owners/42"; // the raw path: the route is not known yet
    for (int i = 0; i < 5; i++) {
      query(t, CUSTOMER, i);
    }
    assertThat(t.diagnosis().findings())
        .extracting(Finding::unitNames)
        .containsExactly(List.of("GET /owners/42"));
    assertThat(request.asked).isEqualTo(1); // once when the unit starts, not per execution

    request.name = "GET /owners/{id}"; // the framework has dispatched it
    request.current = new Object(); // the next request on this thread
    request.name = "GET /vets";
    // the previous unit is named again as it ends, before this one is named
    query(t, CUSTOMER, 99);

    assertThat(t.diagnosis().findings())
        .extracting(Finding::unitNames)
        .containsExactly(List.of("GET /vets"));
    assertThat(request.asked).isEqualTo(3);
  }

  @Test
  void aSourceThatCannotNameItsUnitTakesTheNameOfTheNextSourceAndItsLateRename() {
    UnitOfWorkTracker t = tracker();
    FixedSource span = // a span bridged by the OpenTelemetry Java agent: no name readable
        new FixedSource(UnitOfWorkSource.PRECEDENCE_SPAN) {
          @Override
          public String unitName(Object unit) {
            return null;
          }
        };
    LateNamedSource request = new LateNamedSource();
    t.addSource(span);
    t.addSource(request);
    span.current = "trace-1";
    request.current = new Object();
    request.name = "GET /owners/42";
    for (int i = 0; i < 5; i++) {
      query(t, CUSTOMER, i);
    }
    assertThat(t.diagnosis().findings())
        .extracting(Finding::unitNames)
        .containsExactly(List.of("GET /owners/42"));

    request.name = "GET /owners/{id}"; // learnt late; asked of the request as the unit ends
    span.current = null; // the request ended; the thread's next execution is outside any
    request.current = null;
    query(t, CUSTOMER, 99);

    assertThat(t.diagnosis().findings())
        .extracting(Finding::unitNames)
        .containsExactly(List.of("GET /owners/{id}"));
    assertThat(t.diagnosis().units()).extracting(UnitSnapshot::name).contains("GET /owners/{id}");
  }

  @Test
  void aUnitRenamedAsItEndsIsSummedOnlyUnderItsFinalName() {
    UnitOfWorkTracker t = tracker();
    LateNamedSource request = new LateNamedSource();
    t.addSource(request);
    request.current = new Object();
    request.name = "GET /owners/42";
    for (int i = 0; i < 6; i++) {
      query(t, CUSTOMER, i);
    }
    // still open: shown under the name it has so far
    assertThat(t.diagnosis().units())
        .extracting(UnitSnapshot::name)
        .containsExactly("GET /owners/42");

    request.name = "GET /owners/{id}";
    request.current = null; // the request ended; the thread's next execution is outside any
    query(t, CUSTOMER, 6);

    assertThat(t.diagnosis().findings())
        .extracting(Finding::unitNames)
        .containsExactly(List.of("GET /owners/{id}"));
    assertThat(t.diagnosis().units())
        .extracting(UnitSnapshot::name, UnitSnapshot::units, UnitSnapshot::executions)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("GET /owners/{id}", 1L, 6L),
            org.assertj.core.groups.Tuple.tuple(
                ThreadState.foldDigits(Thread.currentThread().getName()), 1L, 1L));
  }

  @Test
  void aThrowingSourceIsSkippedAndCounted() {
    Faults.reset();
    UnitOfWorkTracker t = tracker();
    t.addSource(
        new UnitOfWorkSource() {
          @Override
          public Object currentUnit() {
            throw new IllegalStateException("broken source");
          }

          @Override
          public String unitName(Object unit) {
            return "x";
          }

          @Override
          public int precedence() {
            return 1;
          }
        });
    for (int i = 0; i < 5; i++) {
      query(t, CUSTOMER, i);
    }
    assertThat(t.diagnosis().findings()).hasSize(1);
    assertThat(Faults.count()).isEqualTo(5);
    Faults.reset();
  }

  @Test
  void aNeverEndingUnitStaysBoundedUnderDistinctShapesAndStillFindsALateNPlusOne() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int n = 100_000;
    QueryShape[] shapes = new QueryShape[n];
    for (int i = 0; i < n; i++) {
      shapes[i] = new QueryShape(i * 0x9E3779B97F4A7C15L, "select * from t" + i, "SELECT");
    }
    UnitOfWorkTracker t = tracker();
    UnitOfWork job = t.begin("batch job");
    for (int i = 0; i < 1000; i++) { // the table reaches its largest size
      query(t, shapes[i], i);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 1000; i < n; i++) {
      query(t, shapes[i], i);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    System.out.println("UnitOfWorkTracker: " + allocated + " bytes over 99,000 new shapes");
    assertThat(allocated).isLessThan(64 * 1024);
    assertThat(t.trackedShapes()).isLessThanOrEqualTo(ShapeTable.MAX_SHAPES);

    for (int i = 0; i < 5; i++) {
      query(t, CUSTOMER, i);
    }
    assertThat(t.diagnosis().findings()).hasSize(1);
    for (int i = 0; i < 95; i++) {
      query(t, CUSTOMER, 100 + i);
    }
    // while the unit is still open, the finding is up to date
    assertThat(t.diagnosis().findings().get(0).totalCount()).isEqualTo(100);
    job.close();
  }

  @Test
  void findingsAreCappedAndTheRestCounted() {
    UnitOfWorkTracker t = tracker(QueryLensConfig.builder().set(ConfigKey.MAX_FINDINGS, 3).build());
    for (int s = 0; s < 5; s++) {
      QueryShape shape = shape("select * from table_" + s + " where id = ?");
      for (int i = 0; i < 5; i++) {
        query(t, shape, i);
      }
    }
    assertThat(t.diagnosis().findings()).hasSize(3);
    assertThat(t.diagnosis().droppedFindings()).isEqualTo(2);
    // the dropped ones' waste still counts in the split
    assertThat(t.diagnosis().time().wastedRoundTripNanos()).isEqualTo(5 * wastedOf(5, 120));
  }

  @Test
  void aDroppedFindingIsCountedOnceHoweverManyUnitsRaiseIt() {
    UnitOfWorkTracker t = tracker(QueryLensConfig.builder().set(ConfigKey.MAX_FINDINGS, 1).build());
    QueryShape kept = shape("select * from kept where id = ?");
    QueryShape dropped = shape("select * from dropped where id = ?");
    for (int u = 0; u < 3; u++) {
      try (UnitOfWork unit = t.begin("unit " + u)) {
        for (int i = 0; i < 5; i++) {
          query(t, kept, i);
        }
        for (int i = 0; i < 5; i++) {
          query(t, dropped, i);
        }
      }
    }
    assertThat(t.diagnosis().findings())
        .singleElement()
        .satisfies(f -> assertThat(f.shape()).isEqualTo(kept));
    assertThat(t.diagnosis().droppedFindings())
        .as("one distinct finding, raised by three units")
        .isEqualTo(1);
  }

  private static long wastedOf(int n, long dbEach) {
    long total = n * dbEach;
    return total - total / n;
  }

  @Test
  void findingsWithTheSameKindShapeAndCallSiteMergeAcrossUnits() {
    UnitOfWorkTracker t = tracker();
    int[] counts = {5, 7, 6};
    for (int u = 0; u < counts.length; u++) {
      try (UnitOfWork unit = t.begin("GET /orders")) {
        for (int i = 0; i < counts[u]; i++) {
          query(t, LINES, i);
        }
      }
    }
    Finding f = t.diagnosis().findings().get(0);
    assertThat(t.diagnosis().findings()).hasSize(1);
    assertThat(f.occurrences()).isEqualTo(3);
    assertThat(f.totalCount()).isEqualTo(18);
    assertThat(f.maxCount()).isEqualTo(7);
    assertThat(f.wastedNanos()).isEqualTo(wastedOf(5, 120) + wastedOf(7, 120) + wastedOf(6, 120));
    assertThat(f.unitNames()).containsExactly("GET /orders");
    assertThat(f.firstSeenMillis()).isPositive().isLessThanOrEqualTo(f.lastSeenMillis());
    assertThat(f.callSite()).contains("UnitOfWorkTrackerTest.query(UnitOfWorkTrackerTest.java:");
  }

  @Test
  void wastedTimeIsTheDatabaseTimeBeyondOneAverageRoundTrip() {
    UnitOfWorkTracker t = tracker();
    for (int i = 0; i < 5; i++) {
      t.record(execution(t, CUSTOMER, now, 100 + 10 * i, 20, 1_000, 1, 0, false, i, 0));
      now += 10_000;
    }
    long db = 5 * 120 + 10 * (0 + 1 + 2 + 3 + 4); // 700: execute + fetch, process left out
    assertThat(t.diagnosis().findings().get(0).wastedNanos()).isEqualTo(db - db / 5).isEqualTo(560);
    assertThat(t.diagnosis().time().wastedRoundTripNanos()).isEqualTo(560);

    t.record(execution(t, CUSTOMER, now, 100, 20, 0, 1, 0, false, 99, 0));
    long db6 = db + 120;
    assertThat(t.diagnosis().findings().get(0).wastedNanos()).isEqualTo(db6 - db6 / 6);
    assertThat(t.diagnosis().time().wastedRoundTripNanos()).isEqualTo(db6 - db6 / 6);
  }

  @Test
  void timeSplitSumsEveryExecutionAndLeavesNestedExecutionsOutOfTheCursorsProcessTime() {
    UnitOfWorkTracker t = tracker();
    long parentStart = now;
    t.cursorOpened(ORDERS);
    now += 1_000;
    query(t, CUSTOMER, 1); // 100 + 20 + 30 inside the parent's cursor
    query(t, CUSTOMER, 2);
    update(t, INSERT_LINE, 3, 0); // 100
    // the parent: 400 execute, 50 fetch, 2000 process, of which 400 were the nested executions
    t.record(execution(t, ORDERS, parentStart, 400, 50, 2_000, 2, 0, false, 0, 0));

    TimeSplit time = t.diagnosis().time();
    assertThat(time.dbExecuteNanos()).isEqualTo(400 + 100 + 100 + 100);
    assertThat(time.dbFetchNanos()).isEqualTo(50 + 20 + 20);
    assertThat(time.appProcessNanos()).isEqualTo((2_000 - 400) + 30 + 30);
    assertThat(time.poolWaitNanos()).isZero();
    assertThat(time.connectNanos()).isZero();
    assertThat(time.wastedRoundTripNanos()).isZero();

    UnitSnapshot u = t.diagnosis().units().get(0);
    assertThat(u.units()).isEqualTo(1);
    assertThat(u.executions()).isEqualTo(4);
    assertThat(u.total()).isEqualTo(time);
    assertThat(u.slowest()).isEqualTo(time);
  }

  @Test
  void connectionTimeGoesToTheScopeOpenWhenItWasSpentAndUnitsListTheSlowestFirst() {
    UnitOfWorkTracker t = tracker();
    try (UnitOfWork fast = t.begin("fast")) {
      query(t, CUSTOMER, 1);
    }
    try (UnitOfWork slow = t.begin("slow")) {
      t.connectionCheckedOut(1_000_000, 250_000);
      query(t, CUSTOMER, 1);
    }
    try (UnitOfWork slow = t.begin("slow")) {
      query(t, CUSTOMER, 1);
    }
    List<UnitSnapshot> units = t.diagnosis().units();
    assertThat(units).extracting(UnitSnapshot::name).containsExactly("slow", "fast");
    assertThat(units.get(0).units()).isEqualTo(2);
    assertThat(units.get(0).slowest().poolWaitNanos()).isEqualTo(1_000_000);
    assertThat(units.get(0).slowest().connectNanos()).isEqualTo(250_000);
    assertThat(units.get(0).slowest().applicationNanos()).as("process only").isEqualTo(30);
    assertThat(units.get(0).total().dbExecuteNanos()).isEqualTo(200);
  }

  @Test
  void aConnectionCheckedOutBeforeAScopeBeganAddsNothingToTheScopesUnit() {
    UnitOfWorkTracker t = tracker();
    t.connectionCheckedOut(3_000, 252_000_000); // the demo: opened before "load data" began
    try (UnitOfWork load = t.begin("load data")) {
      query(t, CUSTOMER, 1);
    }
    UnitSnapshot load = t.diagnosis().units().get(0);
    assertThat(load.name()).isEqualTo("load data");
    assertThat(load.total().connectionNanos()).isZero();
    assertThat(load.total().totalNanos()).isEqualTo(150); // its one query: 100 + 20 + 30
    TimeSplit time = t.diagnosis().time();
    assertThat(time.poolWaitNanos()).isEqualTo(3_000);
    assertThat(time.connectNanos()).isEqualTo(252_000_000);
    assertThat(time.applicationNanos()).as("process only").isEqualTo(30);
  }

  @Test
  void aConnectionCheckedOutInsideASourcesUnitIsChargedToThatUnitAndOutsideToNone() {
    UnitOfWorkTracker t = tracker();
    FixedSource request = new FixedSource(UnitOfWorkSource.PRECEDENCE_REQUEST);
    t.addSource(request);
    t.connectionCheckedOut(9_000, 0); // no unit: an idle-gap unit starts at its first execution
    query(t, CUSTOMER, 1);
    request.current = "owners";
    t.connectionCheckedOut(4_000, 1_000);
    query(t, CUSTOMER, 2);
    request.current = null;
    query(t, CUSTOMER, 3);

    List<UnitSnapshot> units = t.diagnosis().units();
    assertThat(units)
        .extracting(
            UnitSnapshot::name, u -> u.total().poolWaitNanos(), u -> u.total().connectNanos())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("GET /owners", 4_000L, 1_000L),
            org.assertj.core.groups.Tuple.tuple(
                ThreadState.foldDigits(Thread.currentThread().getName()), 0L, 0L));
    assertThat(t.diagnosis().time().poolWaitNanos()).isEqualTo(13_000);
  }

  @Test
  void unitNamesAreBoundedWithTheRestUnderOtherUnits() {
    UnitOfWorkTracker t = tracker();
    for (int i = 0; i < 250; i++) {
      try (UnitOfWork u = t.begin("scope " + i)) {
        query(t, CUSTOMER, i);
      }
    }
    List<UnitSnapshot> units = t.diagnosis().units();
    assertThat(units).hasSize(UnitNames.MAX_NAMES + 1);
    assertThat(units)
        .filteredOn(u -> u.name().equals(UnitNames.OTHER_NAME))
        .singleElement()
        .extracting(UnitSnapshot::units)
        .isEqualTo(50L);
  }

  @Test
  void openUnitsAreReportedAsTheyStandAndDeadThreadsAreFoldedIn() throws Exception {
    UnitOfWorkTracker t = tracker();
    Thread worker =
        new Thread(
            () -> {
              for (int i = 0; i < 6; i++) {
                t.cursorOpened(LINES);
                t.record(execution(t, LINES, System.nanoTime(), 100, 20, 0, 2, 0, false, i, 0));
              }
            },
            "importer-7");
    worker.start();
    worker.join();
    query(t, CUSTOMER, 1); // this thread's unit stays open
    List<UnitSnapshot> units = t.diagnosis().units();
    assertThat(units).extracting(UnitSnapshot::name).contains("importer-#");
    assertThat(units)
        .filteredOn(u -> u.name().equals("importer-#"))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.units()).isEqualTo(1);
              assertThat(u.executions()).isEqualTo(6);
              assertThat(u.findings()).isEqualTo(1);
            });
    assertThat(t.diagnosis().time().dbExecuteNanos()).isEqualTo(700);
    assertThat(t.diagnosis().time().dbExecuteNanos())
        .isEqualTo(700); // folding dead threads is idempotent
  }

  @Test
  void aNewFindingIsLoggedOnceWithItsCallSiteAndHintAtMostOnceASecond() {
    UnitOfWorkTracker t = tracker();
    for (int s = 0; s < 3; s++) {
      QueryShape shape = shape("select * from table_" + s + " where id = ?");
      for (int i = 0; i < 10; i++) {
        query(t, shape, i);
      }
    }
    assertThat(logLines).hasSize(1);
    assertThat(logLines.get(0))
        .startsWith("QueryLens finding n-plus-one: select * from table_0 where id = ? ran 5 times")
        .contains("UnitOfWorkTrackerTest.query(UnitOfWorkTrackerTest.java:")
        .contains("Hint: load these rows together with the parent query");

    logClock += TimeUnit.SECONDS.toNanos(1);
    for (int i = 0; i < 5; i++) {
      query(t, shape("select * from table_9 where id = ?"), i);
    }
    assertThat(logLines).hasSize(2);
    assertThat(logLines.get(1))
        .contains("2 new findings held back since the previous line")
        .contains("the console report at exit lists them");
  }

  @Test
  void findingsTheRateLimitHeldBackAreMarkedAndTheLoggedOnesAreNot() {
    UnitOfWorkTracker t = tracker();
    for (int s = 0; s < 3; s++) {
      QueryShape shape = shape("select * from table_" + s + " where id = ?");
      for (int i = 0; i < 5; i++) {
        query(t, shape, i);
      }
    }

    assertThat(logLines).hasSize(1);
    assertThat(t.diagnosis().findings())
        .extracting(f -> f.shape().text(), Finding::heldBack)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("select * from table_0 where id = ?", false),
            org.assertj.core.groups.Tuple.tuple("select * from table_1 where id = ?", true),
            org.assertj.core.groups.Tuple.tuple("select * from table_2 where id = ?", true));
  }

  @Test
  void aFindingWhoseLogLineFailsIsMarkedAsNotLogged() {
    QueryLensConfig config = QueryLensConfig.builder().build();
    UnitOfWorkTracker t =
        new UnitOfWorkTracker(
            config,
            BuiltInDetectors.create(config),
            line -> {
              throw new IllegalStateException("no logging here");
            },
            () -> logClock);
    for (int i = 0; i < 5; i++) {
      query(t, CUSTOMER, i);
    }

    assertThat(t.diagnosis().findings())
        .singleElement()
        .extracting(Finding::heldBack)
        .isEqualTo(true);
  }

  @Test
  void aFindingMergedOverUnitsOfSeveralNamesNamesThemAllInTheOrderSeen() {
    UnitOfWorkTracker t = tracker();
    for (String name : List.of("GET /api/owners", "GET /api/v2/owners", "GET /api/owners")) {
      try (UnitOfWork unit = t.begin(name)) {
        for (int i = 0; i < 5; i++) {
          query(t, LINES, i);
        }
      }
    }

    Finding f = t.diagnosis().findings().get(0);
    assertThat(f.occurrences()).isEqualTo(3);
    assertThat(f.unitNames()).containsExactly("GET /api/owners", "GET /api/v2/owners");
    assertThat(f.unitNameCount()).isEqualTo(2);
  }

  @Test
  void aFindingKeepsTheFirstTenUnitNamesAndCountsTheOthers() {
    UnitOfWorkTracker t = tracker();
    for (int u = 0; u < 14; u++) {
      try (UnitOfWork unit = t.begin("job " + (char) ('a' + u))) {
        for (int i = 0; i < 5; i++) {
          query(t, LINES, i);
        }
      }
    }

    Finding f = t.diagnosis().findings().get(0);
    assertThat(f.unitNames())
        .hasSize(Finding.MAX_UNIT_NAMES)
        .startsWith("job a", "job b")
        .endsWith("job j");
    assertThat(f.unitNameCount()).isEqualTo(14);
  }

  /** A request whose path becomes its route once dispatched; a {@link FixedSource} names it. */
  private static final class Request {
    String path;

    Request(String path) {
      this.path = path;
    }

    @Override
    public String toString() {
      return path;
    }
  }

  /** Runs {@code requests} one after the other, each raising the LINES finding, then ends them. */
  private void serve(UnitOfWorkTracker t, List<String> paths, String route) {
    FixedSource source = new FixedSource(UnitOfWorkSource.PRECEDENCE_REQUEST);
    t.addSource(source);
    for (String path : paths) {
      Request request = new Request(path); // the raw path until the framework dispatches it
      source.current = request;
      for (int i = 0; i < 5; i++) {
        query(t, LINES, i);
      }
      request.path = route;
    }
    source.current = null;
    query(t, CUSTOMER, 1); // ends the last request
  }

  @Test
  void aKeptRawPathIsReplacedByTheRouteItsUnitEndsWith() {
    UnitOfWorkTracker t = tracker();
    serve(t, List.of("owners/1", "owners/2", "owners/3"), "owners/{id}");

    Finding f = t.diagnosis().findings().get(0);
    assertThat(f.occurrences()).isEqualTo(3);
    assertThat(f.unitNames()).containsExactly("GET /owners/{id}");
    assertThat(f.unitNameCount()).isEqualTo(1);
  }

  @Test
  void rawPathsBeyondTheKeptNamesAreCountedOnlyByTheRouteTheirUnitsEndWith() {
    UnitOfWorkTracker t = tracker();
    for (int u = 0; u < 10; u++) { // fills the list
      try (UnitOfWork unit = t.begin("job " + u)) {
        for (int i = 0; i < 5; i++) {
          query(t, LINES, i);
        }
      }
    }
    serve(t, List.of("owners/1", "owners/2", "owners/3"), "owners/{id}");

    Finding f = t.diagnosis().findings().get(0);
    assertThat(f.occurrences()).isEqualTo(13);
    assertThat(f.unitNames()).hasSize(10).allMatch(n -> n.startsWith("job "));
    assertThat(f.unitNameCount()).isEqualTo(11);
  }

  @Test
  void anOpenUnitIsNamedAsItIsNow() {
    UnitOfWorkTracker t = tracker();
    FixedSource source = new FixedSource(UnitOfWorkSource.PRECEDENCE_REQUEST);
    t.addSource(source);
    source.current = new Request("vets");
    for (int i = 0; i < 5; i++) {
      query(t, LINES, i);
    }

    assertThat(t.diagnosis().findings().get(0).unitNames()).containsExactly("GET /vets");
  }

  @Test
  void resetForgetsEverything() {
    UnitOfWorkTracker t = tracker();
    for (int i = 0; i < 5; i++) {
      query(t, CUSTOMER, i);
    }
    t.reset();
    assertThat(t.diagnosis().findings()).isEmpty();
    assertThat(t.diagnosis().units()).isEmpty();
    assertThat(t.diagnosis().time()).isEqualTo(TimeSplit.EMPTY);
    for (int i = 0; i < 4; i++) {
      query(t, CUSTOMER, i);
    }
    assertThat(t.diagnosis().findings()).isEmpty();
    assertThat(t.diagnosis().time().dbExecuteNanos()).isEqualTo(400);
  }

  @Test
  void disabledDiagnosisRecordsNothing() {
    UnitOfWorkTracker t =
        tracker(QueryLensConfig.builder().set(ConfigKey.DIAGNOSIS_ENABLED, false).build());
    try (UnitOfWork u = t.begin("scope")) {
      assertThat(u.name()).isEqualTo("scope");
      for (int i = 0; i < 10; i++) {
        query(t, CUSTOMER, i);
      }
    }
    assertThat(t.diagnosis().findings()).isEmpty();
    assertThat(t.diagnosis().units()).isEmpty();
    assertThat(t.diagnosis().time()).isEqualTo(TimeSplit.EMPTY);
  }

  @Test
  void unitsAreNamedAfterTheThreadWithDigitRunsFolded() {
    assertThat(ThreadState.foldDigits("http-nio-8080-exec-12")).isEqualTo("http-nio-#-exec-#");
    assertThat(ThreadState.foldDigits("main")).isEqualTo("main");
    assertThat(ThreadState.foldDigits("42")).isEqualTo("#");
  }

  @Test
  void concurrentThreadsAddUpExactlyWhileReadersRead() throws Exception {
    UnitOfWorkTracker t = tracker();
    int threads = 4;
    int unitsPerThread = 1_000;
    Thread[] workers = new Thread[threads];
    for (int w = 0; w < threads; w++) {
      workers[w] =
          new Thread(
              () -> {
                for (int u = 0; u < unitsPerThread; u++) {
                  UnitOfWork unit = t.begin("GET /orders");
                  for (int i = 0; i < 6; i++) {
                    t.cursorOpened(LINES);
                    t.record(execution(t, LINES, System.nanoTime(), 100, 20, 0, 1, 0, false, i, 0));
                  }
                  unit.close();
                }
              },
              "load-" + w);
      workers[w].start();
    }
    while (workers[threads - 1].isAlive()) {
      assertThat(t.diagnosis().findings()).hasSizeLessThanOrEqualTo(1);
      assertThat(t.diagnosis().units()).hasSizeLessThanOrEqualTo(1);
      t.diagnosis().time();
    }
    for (Thread w : workers) {
      w.join();
    }
    Finding f = t.diagnosis().findings().get(0);
    assertThat(f.occurrences()).isEqualTo(threads * unitsPerThread);
    assertThat(f.totalCount()).isEqualTo(6L * threads * unitsPerThread);
    assertThat(f.maxCount()).isEqualTo(6);
    assertThat(f.wastedNanos()).isEqualTo(threads * unitsPerThread * wastedOf(6, 120));
    UnitSnapshot u = t.diagnosis().units().get(0);
    assertThat(u.units()).isEqualTo(threads * unitsPerThread);
    assertThat(u.executions()).isEqualTo(6L * threads * unitsPerThread);
    assertThat(t.diagnosis().time().dbExecuteNanos()).isEqualTo(600L * threads * unitsPerThread);
  }
}
