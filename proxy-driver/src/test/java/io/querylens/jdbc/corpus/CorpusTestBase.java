package io.querylens.jdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.QueryLens;
import io.querylens.core.TimeSplit;
import io.querylens.core.UnitOfWork;
import io.querylens.testing.DriverManagerDataSource;
import io.querylens.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the corpus on one database once per class, then judges it: precision and recall of the
 * findings, the details of the matched ones, and the application/database time split on rows
 * iterated slowly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorpusTestBase {
  /** Application work per row in the split test. */
  static final long ROW_PAUSE_MILLIS = 40;

  static final int SLOW_ROWS = 5;

  /** How far a reported time may be from the injected one: 10%. */
  static final double TOLERANCE = 0.10;

  private DataSource raw;
  private DataSource instrumented;
  private Scorecard scorecard;

  abstract TestDatabase database();

  /** The scenarios run on this database; {@link #jdbcScenarios()} unless overridden. */
  List<Scenario> scenarios() {
    return jdbcScenarios();
  }

  /** The scenarios every database runs: plain JDBC, then Spring's {@code JdbcTemplate}. */
  static List<Scenario> jdbcScenarios() {
    List<Scenario> all = new ArrayList<>(PlainJdbcScenarios.all());
    all.addAll(JdbcTemplateScenarios.all());
    return all;
  }

  /** Called once the tables exist, before the scenarios run. */
  void beforeScenarios(DataSource instrumented) throws Exception {}

  /** Called after the last test. */
  void afterScenarios() throws Exception {}

  DataSource instrumented() {
    return instrumented;
  }

  @BeforeAll
  void runCorpus() throws Exception {
    TestDatabase database = database();
    database.requireAvailable();
    raw = database.rawDataSource();
    // H2 through the jdbc:querylens: URL, the servers through QueryLens.wrap
    instrumented =
        database == TestDatabase.H2
            ? new DriverManagerDataSource(
                "jdbc:querylens:" + database.url().substring("jdbc:".length()),
                database.user(),
                database.password())
            : QueryLens.wrap(database.rawDataSource());
    CorpusSchema.create(raw);
    beforeScenarios(instrumented);
    long start = System.nanoTime();
    scorecard = new Scorecard(CorpusRunner.runAll(database.id(), scenarios(), instrumented, raw));
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(scorecard.report(database + ", " + millis + " ms (warm-up and scored run)"));
  }

  @AfterAll
  void dropTables() throws Exception {
    try {
      afterScenarios();
    } finally {
      if (raw != null) {
        CorpusSchema.drop(raw);
      }
    }
  }

  @Test
  void scenariosRunWithoutErrors() {
    assertThat(scorecard.errors())
        .as("scenario errors:%n%s", Scorecard.table(scorecard.errors()))
        .isEmpty();
  }

  @Test
  void precisionAndRecallAreOne() {
    assertThat(scorecard.precision() == 1.0 && scorecard.recall() == 1.0)
        .as(
            "%s; mismatches (kind + shape + call-site line):%n%s",
            scorecard.summary(), Scorecard.table(scorecard.mismatches()))
        .isTrue();
  }

  @Test
  void matchedFindingsCarryTheLabelledDetails() {
    assertThat(scorecard.detailMismatches())
        .as("wrong details of matched findings:%n%s", Scorecard.table(scorecard.detailMismatches()))
        .isEmpty();
  }

  /**
   * Sleeping {@value #ROW_PAUSE_MILLIS} ms on each of {@value #SLOW_ROWS} rows is application time
   * while the cursor is open: process time, within 10%, and not database time.
   */
  @Test
  @SuppressWarnings("try") // the scope is only opened and closed
  void sleepingWhileIteratingRowsIsApplicationProcessTime() throws Exception {
    Thread.sleep(CorpusRunner.SETTLE_MILLIS);
    QueryLens.reset();
    long injected = 0;
    try (UnitOfWork unit = QueryLens.unitOfWork("corpus: slow rows");
        Connection c = instrumented.getConnection();
        PreparedStatement owners = c.prepareStatement(PlainJdbcScenarios.OWNERS_UP_TO)) {
      owners.setLong(1, SLOW_ROWS);
      try (ResultSet rs = owners.executeQuery()) {
        while (rs.next()) {
          long start = System.nanoTime();
          Thread.sleep(ROW_PAUSE_MILLIS);
          injected += System.nanoTime() - start;
        }
      }
    }
    TimeSplit time = QueryLens.snapshot().time();
    System.out.printf(
        "%s: slept %d ns while iterating rows; reported %s%n", database(), injected, time);
    assertThat(injected).isGreaterThanOrEqualTo(SLOW_ROWS * ROW_PAUSE_MILLIS * 1_000_000);
    assertThat(time.appProcessNanos())
        .as("process time for %d ns slept while iterating (%s)", injected, time)
        .isBetween((long) (injected * (1 - TOLERANCE)), (long) (injected * (1 + TOLERANCE)));
    assertThat(time.databaseNanos())
        .as("database time while the application slept (%s)", time)
        .isLessThan((long) (injected * TOLERANCE));
  }

  /**
   * Runs {@code sleepSql} (a statement the server takes {@code serverSeconds} to answer) three
   * times and checks that the database execute time is the server's sleep within 10%, and that the
   * application time is not.
   */
  @SuppressWarnings("try") // the scope is only opened and closed
  void assertServerSleepIsExecuteTime(String sleepSql, double serverSeconds) throws Exception {
    int times = 3;
    long injected = (long) (times * serverSeconds * 1e9);
    Thread.sleep(CorpusRunner.SETTLE_MILLIS);
    QueryLens.reset();
    try (UnitOfWork unit = QueryLens.unitOfWork("corpus: slow database");
        Connection c = instrumented.getConnection();
        Statement s = c.createStatement()) {
      for (int i = 0; i < times; i++) {
        try (ResultSet rs = s.executeQuery(sleepSql)) {
          PlainJdbcScenarios.drain(rs);
        }
      }
    }
    TimeSplit time = QueryLens.snapshot().time();
    System.out.printf("%s: server slept %d ns; reported %s%n", database(), injected, time);
    assertThat(time.dbExecuteNanos())
        .as("execute time for %d x %s (%s)", times, sleepSql, time)
        .isBetween((long) (injected * (1 - TOLERANCE)), (long) (injected * (1 + TOLERANCE)));
    assertThat(time.appProcessNanos())
        .as("process time while the database slept (%s)", time)
        .isLessThan((long) (injected * TOLERANCE));
  }
}
