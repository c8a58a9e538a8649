package io.querylens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.core.ShapeSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Generated keys stay readable through QueryLens, and reading them is not an execution. */
public abstract class GeneratedKeysSuite extends JdbcSuite {

  protected GeneratedKeysSuite(InstrumentationUnderTest instrumentation) {
    super(instrumentation);
  }

  @AllSetups
  void statementGeneratedKeysAreReadableAndNotAnExecution(Setup setup) throws SQLException {
    String table = keyedTable(setup);
    long key;
    try (Connection connection = connect(setup);
        Statement statement = connection.createStatement()) {
      int inserted =
          statement.executeUpdate(
              "insert into " + table + " (name) values ('a')", Statement.RETURN_GENERATED_KEYS);
      assertThat(inserted).isEqualTo(1);
      try (ResultSet keys = statement.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        key = keys.getLong(1);
      }
    }

    assertThat(key).isPositive();
    assertThat(executionsMentioning(table)).as(describe(snapshot())).isEqualTo(1);
    ShapeSnapshot shape = recorded("insert into " + table + " (name) values (?)");
    assertThat(shape.count()).isEqualTo(1);
    assertThat(shape.rows().sum()).isEqualTo(1);
  }

  @AllSetups
  void preparedGeneratedKeysAreReadableAfterEachExecution(Setup setup) throws SQLException {
    String table = keyedTable(setup);
    String sql = "insert into " + table + " (name) values (?)";
    long firstKey;
    long secondKey;
    try (Connection connection = connect(setup);
        PreparedStatement statement =
            connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      statement.setString(1, "a");
      statement.executeUpdate();
      firstKey = onlyKey(statement);
      statement.setString(1, "b");
      statement.executeUpdate();
      secondKey = onlyKey(statement);
    }

    assertThat(firstKey).isPositive();
    assertThat(secondKey).isGreaterThan(firstKey);
    assertThat(executionsMentioning(table)).as(describe(snapshot())).isEqualTo(2);
    assertThat(recorded(sql).count()).isEqualTo(2);
  }

  @AllSetups
  void generatedKeysByColumnNameAreReadable(Setup setup) throws SQLException {
    String table = keyedTable(setup);
    String sql = "insert into " + table + " (name) values (?)";
    String idColumn = setup.database() == TestDatabase.H2 ? "ID" : "id";
    try (Connection connection = connect(setup);
        PreparedStatement statement = connection.prepareStatement(sql, new String[] {idColumn})) {
      statement.setString(1, "a");
      assertThat(statement.executeUpdate()).isEqualTo(1);
      assertThat(onlyKey(statement)).isPositive();
    }

    assertThat(recorded(sql).count()).isEqualTo(1);
    assertThat(executionsMentioning(table)).isEqualTo(1);
  }

  private String keyedTable(Setup setup) throws SQLException {
    return createTable(setup, "keys", setup.database().identityColumn() + ", name varchar(40)");
  }

  private static long onlyKey(Statement statement) throws SQLException {
    try (ResultSet keys = statement.getGeneratedKeys()) {
      assertThat(keys.next()).as("a generated key").isTrue();
      long key = keys.getLong(1);
      assertThat(keys.next()).as("only one generated key").isFalse();
      return key;
    }
  }
}
