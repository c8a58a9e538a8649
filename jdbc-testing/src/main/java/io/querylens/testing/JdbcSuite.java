package io.querylens.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.querylens.core.DistributionSnapshot;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.core.ShapeSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every conformance suite: the parameter streams (database × mode × pooling), one
 * instrumented DataSource per {@link Setup} for the life of the test class, fixtures made over raw
 * connections, and lookups in the recorded snapshot.
 *
 * <p>Each test creates its own tables with unique names (so shapes never collide) and drops them
 * afterwards. Fixtures clear the recording when they are done, so that a snapshot holds only what
 * the test itself executed, even where the raw connection is instrumented too (the agent).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JdbcSuite {
  /** Allowance for clock granularity in timing assertions, in nanoseconds. */
  static final long CLOCK_SLACK_NANOS = 5_000_000L;

  private final InstrumentationUnderTest instrumentation;
  private final Map<Setup, DataSource> dataSources = new ConcurrentHashMap<>();
  private final List<Cleanup> cleanups = new ArrayList<>();

  protected JdbcSuite(InstrumentationUnderTest instrumentation) {
    this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
  }

  /** Every selected database × every mode × each pooling the mode supports. */
  public Stream<Setup> setups() {
    return setups(true, true);
  }

  /** Like {@link #setups()}, under HikariCP only. */
  public Stream<Setup> pooledSetups() {
    return setups(false, true);
  }

  private Stream<Setup> setups(boolean unpooled, boolean pooled) {
    List<InstrumentationMode> modes = instrumentation.modes();
    assertThat(modes).as("instrumentation modes").isNotEmpty();
    List<Setup> setups = new ArrayList<>();
    for (TestDatabase database : TestDatabase.values()) {
      if (!database.isSelected()) {
        continue;
      }
      for (InstrumentationMode mode : modes) {
        if (unpooled && mode.supportsUnpooled()) {
          setups.add(new Setup(database, mode, false));
        }
        if (pooled && mode.supportsPooled()) {
          setups.add(new Setup(database, mode, true));
        }
      }
    }
    return setups.stream();
  }

  protected final InstrumentationUnderTest instrumentation() {
    return instrumentation;
  }

  @BeforeEach
  final void clearRecording() {
    instrumentation.reset();
  }

  @AfterEach
  final void dropTestObjects() {
    List<Cleanup> pending = new ArrayList<>(cleanups);
    cleanups.clear();
    for (int i = pending.size() - 1; i >= 0; i--) {
      Cleanup cleanup = pending.get(i);
      try (Connection connection = cleanup.database().openRaw();
          Statement statement = connection.createStatement()) {
        statement.execute(cleanup.sql());
      } catch (SQLException e) {
        // the next run uses other names; a leftover table is harmless
      }
    }
  }

  @AfterAll
  final void closeDataSources() {
    dataSources.clear();
    TestDatabase.closePools();
  }

  /**
   * The instrumented DataSource of {@code setup}, made on first use and kept for the test class.
   * Skips or fails the test when the database is unreachable (see {@link TestDatabase}).
   */
  protected final DataSource dataSource(Setup setup) throws SQLException {
    setup.database().requireAvailable();
    DataSource dataSource = dataSources.get(setup);
    if (dataSource == null) {
      dataSource = setup.mode().instrument(setup.database(), setup.pooled());
      assertThat(dataSource).as("DataSource instrumented by " + setup.mode()).isNotNull();
      dataSources.put(setup, dataSource);
    }
    return dataSource;
  }

  /** A connection from {@link #dataSource(Setup)}. */
  protected final Connection connect(Setup setup) throws SQLException {
    return dataSource(setup).getConnection();
  }

  // ---- names and fixtures (over raw connections) ----

  /**
   * A fresh lower-case name of letters only (digits would be masked in shapes), e.g.
   * ql_stmt_kqzwfabc.
   */
  protected static String uniqueName(String prefix) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder name = new StringBuilder("ql_").append(prefix).append('_');
    for (int i = 0; i < 10; i++) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    return name.toString();
  }

  /** Runs {@code sql} over a raw connection, then clears the recording. */
  protected final void executeRaw(Setup setup, String... sql) throws SQLException {
    setup.database().requireAvailable();
    try (Connection connection = setup.database().openRaw();
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
    instrumentation.reset();
  }

  /** Runs {@code sql} over a raw connection after the current test, ignoring failures. */
  protected final void afterTest(Setup setup, String sql) {
    cleanups.add(new Cleanup(setup.database(), sql));
  }

  /** Creates a table with the given column definitions, dropped after the test. */
  protected final String createTable(Setup setup, String prefix, String columns)
      throws SQLException {
    String name = uniqueName(prefix);
    afterTest(setup, "drop table if exists " + name);
    executeRaw(setup, "create table " + name + " (" + columns + ")");
    return name;
  }

  /**
   * Creates a table {@code (id int primary key, name varchar(40), amount int)} holding rows {@code
   * (i, 'name-i', i * 10)} for i = 1..rows, dropped after the test.
   */
  protected final String tableWithRows(Setup setup, String prefix, int rows) throws SQLException {
    String name = createTable(setup, prefix, "id int primary key, name varchar(40), amount int");
    if (rows > 0) {
      try (Connection connection = setup.database().openRaw();
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into " + name + " (id, name, amount) values (?, ?, ?)")) {
        for (int i = 1; i <= rows; i++) {
          insert.setInt(1, i);
          insert.setString(2, "name-" + i);
          insert.setInt(3, i * 10);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    instrumentation.reset();
    return name;
  }

  // ---- reading the recording ----

  protected final QueryLensSnapshot snapshot() {
    QueryLensSnapshot snapshot = instrumentation.snapshot();
    assertThat(snapshot).as("snapshot").isNotNull();
    return snapshot;
  }

  /**
   * The recorded shape whose text is exactly {@code shapeText}; fails listing what was recorded.
   */
  protected final ShapeSnapshot recorded(String shapeText) {
    QueryLensSnapshot snapshot = snapshot();
    for (ShapeSnapshot shape : snapshot.shapes()) {
      if (shape.shape().text().equals(shapeText)) {
        return shape;
      }
    }
    return fail("no shape '" + shapeText + "' was recorded; recorded: " + describe(snapshot));
  }

  /** The recorded shapes whose text mentions {@code fragment}, ignoring case. */
  protected final List<ShapeSnapshot> shapesMentioning(String fragment) {
    String needle = fragment.toLowerCase(Locale.ROOT);
    return snapshot().shapes().stream()
        .filter(s -> s.shape().text().toLowerCase(Locale.ROOT).contains(needle))
        .collect(Collectors.toList());
  }

  /** Executions recorded over every shape that mentions {@code fragment} (a table or routine). */
  protected final long executionsMentioning(String fragment) {
    return shapesMentioning(fragment).stream().mapToLong(ShapeSnapshot::count).sum();
  }

  /** Text of every recorded shape with its count, for failure messages. */
  protected static String describe(QueryLensSnapshot snapshot) {
    return snapshot.shapes().stream()
        .map(s -> "'" + s.shape().text() + "' x" + s.count())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** What a test did with the cursor of each execution it timed. */
  protected enum Cursor {
    /** No cursor (an update or a batch): no fetch and no process time. */
    NONE,
    /** A cursor opened and closed, with at most one {@code next()}: it was open for some time. */
    OPENED,
    /**
     * A cursor on which {@code next()} was called at least twice: some of it was fetch time (the
     * wrapper times the second call; process may still be estimated to zero).
     */
    READ
  }

  /**
   * Asserts {@code shape}'s timings against {@code wallNanos}, the time the test measured around
   * the JDBC calls that recorded them, made on one thread: see {@link #assertTimings(ShapeSnapshot,
   * long, int, Cursor)}.
   */
  protected static void assertTimings(ShapeSnapshot shape, long wallNanos, Cursor cursor) {
    assertTimings(shape, wallNanos, 1, cursor);
  }

  /**
   * Asserts {@code shape}'s timings against {@code wallNanos}, the time the test measured around
   * the JDBC calls that recorded them, made on up to {@code threads} threads at once: every
   * execution took some execute time and none longer than the wall time; fetch and process are zero
   * without a cursor and positive where {@code cursor} says the test spent time in one; no sum
   * exceeds {@code threads} times the wall time; and each sum is at least the largest single value,
   * and the execute sum at least count times the smallest (the execute sum is derived from the
   * total, its extremes are kept apart).
   */
  protected static void assertTimings(
      ShapeSnapshot shape, long wallNanos, int threads, Cursor cursor) {
    String name = "'" + shape.shape().text() + "' ";
    long bound = wallNanos * threads;
    DistributionSnapshot execute = shape.execute();
    DistributionSnapshot fetch = shape.fetch();
    DistributionSnapshot process = shape.process();
    assertThat(wallNanos).as("measured wall time").isPositive();
    assertThat(execute.min()).as(name + "execute of every execution, " + execute).isPositive();
    assertThat(execute.sum())
        .as(name + "execute sum >= count x min, " + execute)
        .isGreaterThanOrEqualTo(execute.count() * execute.min());
    for (DistributionSnapshot timing : List.of(execute, fetch, process)) {
      assertThat(timing.max())
          .as(name + "max <= wall " + wallNanos + ", " + timing)
          .isLessThanOrEqualTo(wallNanos);
      assertThat(timing.sum())
          .as(name + "sum <= " + threads + " x wall " + wallNanos + ", " + timing)
          .isLessThanOrEqualTo(bound);
      assertThat(timing.sum())
          .as(name + "sum >= max, " + timing)
          .isGreaterThanOrEqualTo(timing.max());
    }
    assertThat(shape.totalNanos())
        .as(name + "total <= " + threads + " x wall " + wallNanos)
        .isLessThanOrEqualTo(bound);
    switch (cursor) {
      case NONE:
        assertThat(fetch.sum()).as(name + "fetch without a cursor, " + fetch).isZero();
        assertThat(process.sum()).as(name + "process without a cursor, " + process).isZero();
        break;
      case OPENED:
        assertThat(fetch.sum() + process.sum())
            .as(name + "fetch + process of open cursors, " + fetch + ", " + process)
            .isPositive();
        break;
      case READ:
        assertThat(fetch.sum()).as(name + "fetch of cursors read, " + fetch).isPositive();
        break;
    }
  }

  private record Cleanup(TestDatabase database, String sql) {}
}
