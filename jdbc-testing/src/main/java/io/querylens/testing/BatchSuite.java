package io.querylens.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.querylens.core.ShapeSnapshot;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Batches: one executeBatch call is one execution, whatever the batch holds, and its rows are the
 * sum of the update counts the driver returned.
 */
public abstract class BatchSuite extends JdbcSuite {

  protected BatchSuite(InstrumentationUnderTest instrumentation) {
    super(instrumentation);
  }

  @AllSetups
  void statementBatchIsOneExecution(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "batch", 0);
    int[] counts;
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      for (int id = 1; id <= 3; id++) {
        statement.addBatch(
            "insert into " + table + " (id, name, amount) values (" + id + ", 'n', " + id + ")");
      }
      counts = statement.executeBatch();
    }

    assertThat(counts).hasSize(3);
    assertThat(executionsMentioning(table)).as(describe(snapshot())).isEqualTo(1);
    long rows = shapesMentioning(table).stream().mapToLong(s -> s.rows().sum()).sum();
    assertRowsAreSumOfCounts(rows, counts);
    assertThat(rowCount(setup, table)).isEqualTo(3); // last: the agent would record this query
  }

  @AllSetups
  void preparedBatchIsOneExecutionWithRowsSummed(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "batch", 0);
    String sql = "insert into " + table + " (id, name, amount) values (?, ?, ?)";
    int[] counts;
    long start = System.nanoTime();
    try (Connection connection = connect(setup);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int id = 1; id <= 4; id++) {
        statement.setInt(1, id);
        statement.setString(2, "name-" + id);
        statement.setInt(3, id);
        statement.addBatch();
      }
      counts = statement.executeBatch();
    }
    long wall = System.nanoTime() - start;

    assertThat(counts).hasSize(4);
    ShapeSnapshot shape = recorded(sql);
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.errors()).isZero();
    assertThat(executionsMentioning(table)).isEqualTo(1);
    assertRowsAreSumOfCounts(shape.rows().sum(), counts);
    assertTimings(shape, wall, Cursor.NONE);
    assertThat(rowCount(setup, table)).isEqualTo(4); // last: the agent would record this query
  }

  @AllSetups
  void eachExecuteBatchOnOneStatementIsOneExecution(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "batch", 5);
    String sql = "update " + table + " set amount = ? where id = ?";
    int[] first;
    int[] second;
    try (Connection connection = connect(setup);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int id = 1; id <= 2; id++) {
        statement.setInt(1, 0);
        statement.setInt(2, id);
        statement.addBatch();
      }
      first = statement.executeBatch();
      for (int id = 3; id <= 5; id++) {
        statement.setInt(1, 0);
        statement.setInt(2, id);
        statement.addBatch();
      }
      second = statement.executeBatch();
    }

    assertThat(first).hasSize(2);
    assertThat(second).hasSize(3);
    ShapeSnapshot shape = recorded(sql);
    assertThat(shape.count()).isEqualTo(2);
    int[] all = Arrays.copyOf(first, 5);
    System.arraycopy(second, 0, all, 2, 3);
    assertRowsAreSumOfCounts(shape.rows().sum(), all);
  }

  @AllSetups
  void failedBatchIsOneExecutionWithAnError(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "batch", 1);
    String sql = "insert into " + table + " (id, name, amount) values (?, ?, ?)";
    BatchUpdateException failure;
    try (Connection connection = connect(setup);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int id = 2; id >= 1; id--) { // id 1 already exists
        statement.setInt(1, id);
        statement.setString(2, "dup");
        statement.setInt(3, id);
        statement.addBatch();
      }
      failure = catchThrowableOfType(BatchUpdateException.class, statement::executeBatch);
    }

    assertThat((Throwable) failure).as("the driver's BatchUpdateException").isNotNull();
    ShapeSnapshot shape = recorded(sql);
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.errors()).isEqualTo(1);
  }

  /**
   * Rows must be the sum of the update counts when the driver reported each one; a driver may
   * answer {@link Statement#SUCCESS_NO_INFO} instead, and then only a bound is checked.
   */
  private static void assertRowsAreSumOfCounts(long rows, int[] counts) {
    if (Arrays.stream(counts).allMatch(c -> c >= 0)) {
      assertThat(rows)
          .as("rows = sum of " + Arrays.toString(counts))
          .isEqualTo(Arrays.stream(counts).asLongStream().sum());
    } else {
      assertThat(rows)
          .as("rows with update counts " + Arrays.toString(counts))
          .isLessThanOrEqualTo(counts.length);
    }
  }

  private static long rowCount(Setup setup, String table) throws SQLException {
    try (Connection connection = setup.database().openRaw();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
