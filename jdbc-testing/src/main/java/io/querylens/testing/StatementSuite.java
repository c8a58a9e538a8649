package io.querylens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.ShapeSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link Statement}: every execute, executeQuery, executeUpdate and executeLargeUpdate call is one
 * execution, recorded under its shape with the rows read or affected.
 */
public abstract class StatementSuite extends JdbcSuite {

  protected StatementSuite(InstrumentationUnderTest instrumentation) {
    super(instrumentation);
  }

  @AllSetups
  void executeQueryIsOneExecutionWithRowsRead(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "stmt", 3);
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select id, name from " + table + " where id = 2")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("name-2");
      assertThat(rs.next()).isFalse();
    }

    ShapeSnapshot shape = recorded("select id, name from " + table + " where id = ?");
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.errors()).isZero();
    assertThat(shape.rows().sum()).isEqualTo(1);
    assertThat(executionsMentioning(table)).isEqualTo(1);
    assertTimingsSane(shape);
  }

  @AllSetups
  void literalsAreMaskedAndTheRestIsKeptAsWritten(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "stmt", 3);
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      statement.executeQuery("select * from " + table + " where id = 42").close();
      statement.executeQuery("select  name\n  from " + table + " where name = 'name-1'").close();
    }

    assertThat(recorded("select * from " + table + " where id = ?").count()).isEqualTo(1);
    assertThat(recorded("select name from " + table + " where name = ?").count()).isEqualTo(1);
  }

  @AllSetups
  void executionsWithDifferentLiteralsShareOneShape(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "stmt", 5);
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      for (int id = 1; id <= 5; id++) {
        try (ResultSet rs =
            statement.executeQuery("select name from " + table + " where id = " + id)) {
          assertThat(rs.next()).isTrue();
        }
      }
    }

    ShapeSnapshot shape = recorded("select name from " + table + " where id = ?");
    assertThat(shape.count()).isEqualTo(5);
    assertThat(shape.rows().sum()).isEqualTo(5);
    assertThat(shapesMentioning(table)).hasSize(1);
  }

  @AllSetups
  void executeUpdateIsOneExecutionWithRowsAffected(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "stmt", 3);
    int updated;
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      updated = statement.executeUpdate("update " + table + " set amount = 5 where id > 1");
    }

    assertThat(updated).isEqualTo(2);
    ShapeSnapshot shape = recorded("update " + table + " set amount = ? where id > ?");
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(2);
    assertTimingsSane(shape);
  }

  @AllSetups
  void executeLargeUpdateIsOneExecutionWithRowsAffected(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "stmt", 4);
    long deleted;
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      deleted = statement.executeLargeUpdate("delete from " + table + " where id <= 3");
    }

    assertThat(deleted).isEqualTo(3L);
    ShapeSnapshot shape = recorded("delete from " + table + " where id <= ?");
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(3);
  }

  @AllSetups
  void executeOfAQueryIsOneExecutionAndReadingItsResultsIsNot(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "stmt", 3);
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      assertThat(statement.execute("select id from " + table + " where amount >= 10")).isTrue();
      int rows = 0;
      try (ResultSet rs = statement.getResultSet()) {
        while (rs.next()) {
          rows++;
        }
      }
      assertThat(rows).isEqualTo(3);
      assertThat(statement.getMoreResults()).isFalse();
      assertThat(statement.getUpdateCount()).isEqualTo(-1);
    }

    ShapeSnapshot shape = recorded("select id from " + table + " where amount >= ?");
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(3);
    assertThat(executionsMentioning(table)).isEqualTo(1);
  }

  @AllSetups
  void executeOfAnUpdateIsOneExecutionWithRowsAffected(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "stmt", 3);
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      assertThat(statement.execute("update " + table + " set name = 'x' where id < 3")).isFalse();
      assertThat(statement.getUpdateCount()).isEqualTo(2);
    }

    ShapeSnapshot shape = recorded("update " + table + " set name = ? where id < ?");
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(2);
    assertThat(executionsMentioning(table)).isEqualTo(1);
  }
}
