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
    long start = System.nanoTime();
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select id, name from " + table + " where id = 2")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("name-2");
      assertThat(rs.next()).isFalse();
    }
    long wall = System.nanoTime() - start;

    ShapeSnapshot shape = recorded("select id, name from " + table + " where id = ?");
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.errors()).isZero();
    assertThat(shape.rows().sum()).isEqualTo(1);
    assertThat(executionsMentioning(table)).isEqualTo(1);
    assertTimings(shape, wall, Cursor.READ);
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

  /**
   * Statements valid on each database whose strings and comments that database reads its own way
   * (backslashes, {@code #} and nested comments, dollar quotes, session settings that change string
   * escapes): no marker may reach a shape.
   */
  @AllSetups
  void literalsAreMaskedAsTheDatabaseReadsThem(Setup setup) throws SQLException {
    String table = tableWithRows(setup, "mask", 1);
    String marker = "QLMARK";
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      for (String sql : maskingStatements(setup.database(), table, marker)) {
        statement.execute(sql);
      }
    }
    assertThat(shapesMentioning(table)).isNotEmpty();
    assertThat(snapshot().shapes())
        .allSatisfy(
            s ->
                assertThat(s.shape().text())
                    .doesNotContainIgnoringCase(marker)
                    .doesNotContain("31337"));
  }

  private static String[] maskingStatements(TestDatabase database, String table, String marker) {
    String from = " from " + table;
    switch (database) {
      case POSTGRESQL:
        return new String[] {
          "select 'C:\\' as a, '" + marker + "' as b" + from,
          "select name" + from + " where name like 'a\\_b' escape '\\' or name = '" + marker + "'",
          "select E'it\\'s', $tag$" + marker + "'$tag$, $\u00e9$" + marker + "$\u00e9$" + from,
          "select 1 /* a /* b */ '" + marker + "' */" + from,
          "select (array[1,2,3])[:31337]" + from,
          "set standard_conforming_strings = off",
          "select 'it\\'s', '" + marker + "'" + from,
          "set standard_conforming_strings = on"
        };
      case MARIADB:
        return new String[] {
          "select 1 #" + marker + "\n" + from,
          "select 1 -- " + marker + "\r '\n" + from,
          "select \"" + marker + "\" as a" + from,
          "select /* a /* b */ '" + marker + "' as c" + from,
          "select 'it\\'s', '" + marker + "'" + from,
          "set session sql_mode = concat(@@sql_mode, ',NO_BACKSLASH_ESCAPES')",
          "select 'C:\\' as a, '" + marker + "' as b" + from,
          "set session sql_mode = replace(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')"
        };
      default:
        return new String[] {
          "select 'C:\\' as a, '" + marker + "' as b" + from,
          "select 1 // it's " + marker + "\n" + from,
          "select $$" + marker + "'$$" + from,
          "select 1 /* a /* b */ '" + marker + "' */" + from
        };
    }
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
    long start = System.nanoTime();
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      updated = statement.executeUpdate("update " + table + " set amount = 5 where id > 1");
    }
    long wall = System.nanoTime() - start;

    assertThat(updated).isEqualTo(2);
    ShapeSnapshot shape = recorded("update " + table + " set amount = ? where id > ?");
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(2);
    assertTimings(shape, wall, Cursor.NONE);
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
