package io.querylens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.ShapeSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@link PreparedStatement}: each execute call on a prepared statement is one execution, however
 * often the statement is reused; preparing alone records nothing.
 */
public abstract class PreparedStatementSuite extends JdbcSuite {

  protected PreparedStatementSuite(InstrumentationUnderTest instrumentation) {
    super(instrumentation);
  }

  @AllSetups
  void reusingOnePreparedStatementRecordsEveryExecution(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "prep", 10);
    String sql = "select name from " + table + " where id = ?";
    long start = System.nanoTime();
    try (Connection connection = connect(setup);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int id = 1; id <= 10; id++) {
        statement.setInt(1, id);
        try (ResultSet rs = statement.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("name-" + id);
        }
      }
    }
    long wall = System.nanoTime() - start;

    ShapeSnapshot shape = recorded(sql);
    assertThat(shape.count()).isEqualTo(10);
    assertThat(shape.errors()).isZero();
    assertThat(shape.rows().sum()).isEqualTo(10);
    assertThat(shape.rows().max()).isEqualTo(1);
    assertTimings(shape, wall, Cursor.OPENED);
  }

  @AllSetups
  void preparedUpdatesRecordRowsAffected(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "prep", 0);
    String insert = "insert into " + table + " (id, name, amount) values (?, ?, ?)";
    String update = "update " + table + " set amount = ? where id > ?";
    long updated;
    try (Connection connection = connect(setup)) {
      try (PreparedStatement statement = connection.prepareStatement(insert)) {
        for (int id = 1; id <= 4; id++) {
          statement.setInt(1, id);
          statement.setString(2, "name-" + id);
          statement.setInt(3, id);
          assertThat(statement.executeUpdate()).isEqualTo(1);
        }
      }
      try (PreparedStatement statement = connection.prepareStatement(update)) {
        statement.setInt(1, 7);
        statement.setInt(2, 1);
        updated = statement.executeLargeUpdate();
      }
    }

    assertThat(updated).isEqualTo(3L);
    ShapeSnapshot inserts = recorded(insert);
    assertThat(inserts.count()).isEqualTo(4);
    assertThat(inserts.rows().sum()).isEqualTo(4);
    ShapeSnapshot updates = recorded(update);
    assertThat(updates.count()).isEqualTo(1);
    assertThat(updates.rows().sum()).isEqualTo(3);
  }

  @AllSetups
  void preparedExecuteIsOneExecutionAndGetResultSetIsNot(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "prep", 4);
    String sql = "select id, amount from " + table + " where amount > ?";
    try (Connection connection = connect(setup);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, 15);
      assertThat(statement.execute()).isTrue();
      int rows = 0;
      try (ResultSet rs = statement.getResultSet()) {
        while (rs.next()) {
          rows++;
        }
      }
      assertThat(rows).isEqualTo(3);
      assertThat(statement.getMoreResults()).isFalse();
    }

    ShapeSnapshot shape = recorded(sql);
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(3);
  }

  @AllSetups
  void literalsWrittenIntoPreparedSqlAreMasked(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "prep", 3);
    try (Connection connection = connect(setup);
        PreparedStatement statement =
            connection.prepareStatement(
                "select id from " + table + " where amount > 15 and name <> ?")) {
      statement.setString(1, "name-3");
      try (ResultSet rs = statement.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }

    assertThat(recorded("select id from " + table + " where amount > ? and name <> ?").count())
        .isEqualTo(1);
  }

  @AllSetups
  void preparingWithoutExecutingRecordsNothing(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "prep", 1);
    try (Connection connection = connect(setup)) {
      connection.prepareStatement("select name from " + table + " where id = ?").close();
      connection.prepareStatement("update " + table + " set amount = ? where id = ?").close();
    }

    assertThat(executionsMentioning(table)).isZero();
  }
}
