package io.querylens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.ShapeSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * ResultSet timing: {@code fetch} is the time inside {@code next()}, {@code process} the time the
 * application holds the open cursor minus fetch, and {@code rows} the rows actually read. The
 * execution ends when the cursor is closed, directly or by closing its statement or connection.
 */
public abstract class ResultSetTimingSuite extends JdbcSuite {
  private static final long SLEEP_MILLIS = 20;
  private static final int SLOW_ROWS = 5;

  protected ResultSetTimingSuite(InstrumentationUnderTest instrumentation) {
    super(instrumentation);
  }

  @AllSetups
  void slowConsumerTimeIsProcessNotFetch(Setup setup) throws Exception {
    String table = tableWithRows(setup, "rst", SLOW_ROWS);
    String sql = "select id, name from " + table + " order by id";
    int rows = 0;
    long wall;
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      long start = System.nanoTime();
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          rows++;
          Thread.sleep(SLEEP_MILLIS);
        }
      }
      wall = System.nanoTime() - start;
    }

    assertThat(rows).isEqualTo(SLOW_ROWS);
    ShapeSnapshot shape = recorded(sql);
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(SLOW_ROWS);
    long slept = TimeUnit.MILLISECONDS.toNanos(SLEEP_MILLIS * SLOW_ROWS);
    assertThat(shape.process().sum())
        .as("process covers the application's %d ms of sleep", SLEEP_MILLIS * SLOW_ROWS)
        .isGreaterThanOrEqualTo(slept - CLOCK_SLACK_NANOS);
    assertThat(shape.fetch().sum())
        .as("fetch excludes the application's sleep")
        .isLessThan(slept / 2);
    assertTimings(shape, wall, Cursor.READ);
  }

  @AllSetups
  void fastScanTimingsFitInsideWallTime(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "rst", 100);
    String sql = "select id, name, amount from " + table + " where amount >= 0";
    String shapeText = "select id, name, amount from " + table + " where amount >= ?";
    long sum = 0;
    long wall;
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      long start = System.nanoTime();
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          sum += rs.getLong(3);
        }
      }
      wall = System.nanoTime() - start;
    }

    assertThat(sum).isEqualTo(10L * 100 * 101 / 2);
    ShapeSnapshot shape = recorded(shapeText);
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(100);
    assertTimings(shape, wall, Cursor.READ);
  }

  @AllSetups
  void rowsAreTheRowsActuallyRead(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "rst", 5);
    String sql = "select id from " + table + " order by id";
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery(sql)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.next()).isTrue();
      }
      statement.executeQuery(sql).close();
    }

    ShapeSnapshot shape = recorded(sql);
    assertThat(shape.count()).isEqualTo(2);
    assertThat(shape.rows().sum()).as("2 rows read, then none").isEqualTo(2);
    assertThat(shape.rows().min()).isZero();
    assertThat(shape.rows().max()).isEqualTo(2);
  }

  @AllSetups
  void closingTheStatementEndsTheCursor(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "rst", 3);
    String sql = "select name from " + table + " where id > 0";
    String shapeText = "select name from " + table + " where id > ?";
    try (Connection connection = connect(setup)) {
      Statement statement = connection.createStatement();
      ResultSet rs = statement.executeQuery(sql);
      while (rs.next()) {
        rs.getString(1);
      }
      statement.close();
      assertThat(rs.isClosed()).isTrue();
    }

    ShapeSnapshot shape = recorded(shapeText);
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(3);
  }

  @AllSetups
  void closingTheConnectionEndsTheCursor(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "rst", 3);
    String sql = "select name from " + table + " where id < 3";
    String shapeText = "select name from " + table + " where id < ?";
    Connection connection = connect(setup);
    Statement statement = connection.createStatement();
    ResultSet rs = statement.executeQuery(sql);
    assertThat(rs.next()).isTrue();
    connection.close();

    ShapeSnapshot shape = recorded(shapeText);
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(1);
  }

  @AllSetups
  void executingAgainEndsThePreviousCursorOfTheStatement(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "rst", 3);
    String first = "select name from " + table + " where id = 1";
    String second = "select amount from " + table + " where id = 2";
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      ResultSet rs = statement.executeQuery(first);
      assertThat(rs.next()).isTrue();
      try (ResultSet next = statement.executeQuery(second)) { // not every driver marks rs closed
        assertThat(next.next()).isTrue();
      }
    }

    assertThat(recorded("select name from " + table + " where id = ?").rows().sum()).isEqualTo(1);
    assertThat(recorded("select amount from " + table + " where id = ?").rows().sum()).isEqualTo(1);
  }
}
