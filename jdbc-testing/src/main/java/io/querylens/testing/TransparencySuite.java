package io.querylens.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.querylens.core.ShapeSnapshot;
import io.querylens.testing.TransparencyScript.Fixture;
import io.querylens.testing.TransparencyScript.Scene;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transparency: the application sees what the raw driver would show, and wrapping twice records
 * once. Each scene of {@link TransparencyScript} is played on a raw connection ({@link
 * RawConnections}: the vendor's, under HikariCP when the setup is pooled) and on one through
 * QueryLens, and the two {@link Transcript}s must be equal; the other tests check what QueryLens
 * records of what the driver showed.
 */
public abstract class TransparencySuite extends JdbcSuite {
  private final RawConnections rawConnections = new RawConnections();

  protected TransparencySuite(InstrumentationUnderTest instrumentation) {
    super(instrumentation);
  }

  /** Every scene of {@link TransparencyScript} in every setup. */
  public Stream<Arguments> scenes() {
    List<Scene> scenes = TransparencyScript.scenes();
    return setups().flatMap(setup -> scenes.stream().map(scene -> Arguments.of(setup, scene)));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("scenes")
  void aSceneShowsWhatTheRawDriverShows(Setup setup, Scene scene) throws SQLException {
    TestDatabase database = setup.database();
    String table = uniqueName("tr");
    String keyed = uniqueName("trkeys");
    afterTest(setup, "drop table if exists " + table);
    afterTest(setup, "drop table if exists " + keyed);
    TestDatabase.Routine routine = null;
    if (scene.usesRoutine()) {
      routine = database.incrementRoutine(uniqueName("inc"));
      afterTest(setup, routine.dropSql());
      executeRaw(setup, routine.createSql());
    }
    Fixture fixture = new Fixture(null, database, table, keyed, routine);

    Transcript expected =
        play(setup, scene, fixture, () -> rawConnections.open(database, setup.pooled()));
    assertThat(snapshot().shapes()).as("executions recorded in the raw run").isEmpty();
    Transcript actual = play(setup, scene, fixture, () -> connect(setup));

    actual.assertSameAs(expected, "raw", "wrapped");
    assertThat(snapshot().shapes()).as("executions recorded in the wrapped run").isNotEmpty();
    assertThat(snapshot().internalFaults())
        .as("faults inside QueryLens in the wrapped run")
        .isZero();
  }

  /** A getConnection-like call. */
  @FunctionalInterface
  private interface ConnectionSource {
    Connection get() throws SQLException;
  }

  /**
   * Remakes the fixture's tables, then plays {@code scene} on a connection from {@code source} and
   * closes it; the recording holds only what the scene did.
   */
  private Transcript play(Setup setup, Scene scene, Fixture fixture, ConnectionSource source)
      throws SQLException {
    String table = fixture.table();
    String keyed = fixture.keyed();
    executeRaw(
        setup,
        "drop table if exists " + table,
        "create table " + table + " (id int primary key, name varchar(40), amount int)",
        "insert into "
            + table
            + " (id, name, amount) values"
            + " (1, 'name-1', 10), (2, 'name-2', 20), (3, 'name-3', 30)",
        "drop table if exists " + keyed,
        "create table " + keyed + " (" + setup.database().identityColumn() + ", name varchar(40))");
    Transcript transcript = new Transcript();
    Connection connection = source.get();
    try {
      transcript.name("conn", connection);
      scene.body().play(transcript, fixture.on(connection));
      transcript.act("close()", () -> connection.close());
      transcript.step("isClosed()", () -> connection.isClosed());
    } finally {
      connection.close();
    }
    return transcript;
  }

  @AllSetups
  void badSqlThrowsTheDriversOwnException(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "tr", 1);
    String sql = "select nope from " + table + " where id = 1";
    SQLException expected;
    try (Connection raw = setup.database().openRaw();
        Statement statement = raw.createStatement()) {
      expected = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(sql));
    }
    instrumentation().reset();
    SQLException actual;
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      actual = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(sql));
    }

    assertThat((Throwable) expected).as("the raw driver's exception").isNotNull();
    assertSameDriverException(setup, actual, expected);
    ShapeSnapshot shape = recorded("select nope from " + table + " where id = ?");
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.errors()).isEqualTo(1);
  }

  @AllSetups
  void failedPreparedUpdateThrowsTheDriversExceptionAndCountsAnError(Setup setup)
      throws SQLException {
    String table = tableWithRows(setup, "tr", 1);
    String sql = "insert into " + table + " (id, name, amount) values (?, ?, ?)";
    SQLException expected;
    try (Connection raw = setup.database().openRaw();
        PreparedStatement statement = raw.prepareStatement(sql)) {
      bindDuplicate(statement);
      expected = catchThrowableOfType(SQLException.class, statement::executeUpdate);
    }
    instrumentation().reset();
    SQLException actual;
    try (Connection connection = connect(setup);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bindDuplicate(statement);
      actual = catchThrowableOfType(SQLException.class, statement::executeUpdate);
      // the statement stays usable after the failure
      statement.setInt(1, 2);
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }

    assertThat((Throwable) expected).as("the raw driver's exception").isNotNull();
    assertSameDriverException(setup, actual, expected);
    ShapeSnapshot shape = recorded(sql);
    assertThat(shape.count()).isEqualTo(2);
    assertThat(shape.errors()).isEqualTo(1);
    assertThat(shape.rows().sum())
        .as("the failed execution affected nothing")
        .isLessThanOrEqualTo(1);
  }

  @AllSetups
  void resultsAndUpdateCountsEqualTheRawDriver(Setup setup) throws SQLException {
    String rawTable = tableWithRows(setup, "tr", 4);
    String table = tableWithRows(setup, "tr", 4);
    List<Object> expected;
    try (Connection raw = setup.database().openRaw()) {
      expected = scenario(raw, rawTable);
    }
    instrumentation().reset();
    List<Object> actual;
    try (Connection connection = connect(setup)) {
      actual = scenario(connection, table);
    }

    assertThat(actual).isEqualTo(expected);
    assertThat(executionsMentioning(table)).isEqualTo(7);
  }

  @AllSetups
  void wrappingAnInstrumentedDataSourceAgainRecordsOnce(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "tr", 2);
    DataSource twice = instrumentation().instrumentAgain(dataSource(setup));
    instrumentation().reset();
    String sql = "select name from " + table + " where id = ?";
    try (Connection connection = twice.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, 2);
      try (ResultSet rs = statement.executeQuery()) {
        assertThat(rs.next()).isTrue();
      }
    }

    ShapeSnapshot shape = recorded(sql);
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(1);
    assertThat(executionsMentioning(table)).isEqualTo(1);
    if (setup.pooled() && setup.mode().seesPoolCheckouts()) {
      assertThat(snapshot().connections().acquire().count()).as("checkouts").isEqualTo(1);
      assertThat(snapshot().connections().hold().count()).as("holds").isEqualTo(1);
    }
  }

  /**
   * The instrumented exception must be the driver's: the same class, state, code and message as the
   * raw driver's for the same SQL, and created inside the driver (its top frame is vendor code).
   */
  private static void assertSameDriverException(
      Setup setup, SQLException actual, SQLException expected) {
    assertThat((Throwable) actual).as("exception through QueryLens").isNotNull();
    assertThat(actual.getClass()).isEqualTo(expected.getClass());
    assertThat(actual.getSQLState()).isEqualTo(expected.getSQLState());
    assertThat(actual.getErrorCode()).isEqualTo(expected.getErrorCode());
    assertThat(withoutConnectionIds(actual.getMessage()))
        .isEqualTo(withoutConnectionIds(expected.getMessage()));
    assertThat(actual.getStackTrace()).isNotEmpty();
    assertThat(actual.getStackTrace()[0].getClassName())
        .as("top frame of " + actual)
        .startsWith(setup.database().vendorPackage());
    if (expected.getCause() == null) {
      assertThat(actual.getCause()).isNull();
    } else {
      assertThat(actual.getCause()).isInstanceOf(expected.getCause().getClass());
    }
  }

  /** MariaDB prefixes messages with the connection id, which differs between two connections. */
  private static String withoutConnectionIds(String message) {
    return message == null ? null : message.replaceAll("\\(conn=\\d+\\) ", "");
  }

  private static void bindDuplicate(PreparedStatement statement) throws SQLException {
    statement.setInt(1, 1); // id 1 exists
    statement.setString(2, "dup");
    statement.setInt(3, 0);
  }

  /** Seven executions whose every visible outcome is collected. */
  private static List<Object> scenario(Connection connection, String table) throws SQLException {
    List<Object> out = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      out.add(statement.executeUpdate("update " + table + " set amount = amount + 1 where id > 2"));
      out.add(statement.execute("delete from " + table + " where id = 4"));
      out.add(statement.getUpdateCount());
      out.add(statement.getMoreResults());
      out.add(statement.getUpdateCount());
      try (ResultSet rs =
          statement.executeQuery("select id, name, amount from " + table + " order by id")) {
        ResultSetMetaData meta = rs.getMetaData();
        out.add(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          out.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        while (rs.next()) {
          out.add(rs.getInt(1) + "/" + rs.getString(2) + "/" + rs.getInt("amount"));
          out.add(rs.getRow());
        }
        out.add(rs.next());
      }
      out.add(statement.executeLargeUpdate("update " + table + " set name = 'z' where id < 3"));
    }
    try (PreparedStatement prepared =
        connection.prepareStatement(
            "insert into " + table + " (id, name, amount) values (?, ?, ?)")) {
      for (int id = 10; id < 13; id++) {
        prepared.setInt(1, id);
        prepared.setString(2, "name-" + id);
        prepared.setInt(3, id);
        prepared.addBatch();
      }
      int[] counts = prepared.executeBatch();
      out.add(Arrays.toString(counts));
      prepared.setInt(1, 20);
      prepared.setString(2, null);
      prepared.setNull(3, Types.INTEGER);
      out.add(prepared.executeUpdate());
    }
    try (PreparedStatement prepared =
        connection.prepareStatement(
            "select count(*), sum(amount) from " + table + " where name is not null")) {
      try (ResultSet rs = prepared.executeQuery()) {
        rs.next();
        out.add(rs.getLong(1) + "/" + rs.getLong(2));
      }
    }
    return out;
  }
}
