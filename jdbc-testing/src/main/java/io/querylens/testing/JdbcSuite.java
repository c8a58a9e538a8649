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

  /** Asserts that every timing of {@code shape} is non-negative and consistent with its count. */
  protected static void assertTimingsSane(ShapeSnapshot shape) {
    String name = "'" + shape.shape().text() + "' ";
    for (DistributionSnapshot timing : List.of(shape.execute(), shape.fetch(), shape.process())) {
      assertThat(timing.min()).as(name + "min of " + timing).isGreaterThanOrEqualTo(0);
      assertThat(timing.sum()).as(name + "sum of " + timing).isGreaterThanOrEqualTo(0);
      assertThat(timing.max()).as(name + "max of " + timing).isGreaterThanOrEqualTo(timing.min());
    }
    assertThat(shape.execute().count()).as(name + "execute count").isEqualTo(shape.count());
    assertThat(shape.totalNanos())
        .as(name + "totalNanos = execute + fetch + process")
        .isBetween(
            shape.execute().sum() + shape.fetch().sum() + shape.process().sum() - 1_000,
            shape.execute().sum() + shape.fetch().sum() + shape.process().sum() + 1_000);
  }

  private record Cleanup(TestDatabase database, String sql) {}
}
