package io.querylens.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.querylens.jdbc.internal.QueryLensConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryLensDriverTest {
  private final QueryLensDriver driver = new QueryLensDriver();

  @Test
  void acceptsOnlyItsOwnPrefix() {
    assertThat(driver.acceptsURL("jdbc:querylens:h2:mem:x")).isTrue();
    assertThat(driver.acceptsURL("jdbc:h2:mem:x")).isFalse();
    assertThat(driver.acceptsURL("jdbc:querylensx:h2:mem:x")).isFalse();
    assertThat(driver.acceptsURL(null)).isFalse();
  }

  @Test
  void returnsNullForAnotherDriversUrl() throws SQLException {
    assertThat(driver.connect("jdbc:h2:mem:foreign", new Properties())).isNull();
  }

  @Test
  void isFoundThroughDriverManager() throws SQLException {
    assertThat(DriverManager.getDriver("jdbc:querylens:h2:mem:x"))
        .isInstanceOf(QueryLensDriver.class);
  }

  @Test
  void connectsThroughTheRealDriverAndWrapsTheConnection() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:querylens:h2:mem:driver-test");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select 41 + 1")) {
      assertThat(connection).isInstanceOf(QueryLensConnection.class);
      assertThat(connection.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void acceptsTheRealUrlWithItsOwnJdbcPrefix() throws SQLException {
    try (Connection connection =
        DriverManager.getConnection("jdbc:querylens:jdbc:h2:mem:driver-test-2")) {
      assertThat(connection.isWrapperFor(JdbcConnection.class)).isTrue();
    }
  }

  @Test
  void saysWhichDriverItCouldNotFindWithoutShowingCredentials() {
    assertThatThrownBy(
            () ->
                driver.connect(
                    "jdbc:querylens:nosuchdb://admin:hunter2@db/app?password=hunter2&user=admin",
                    new Properties()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no JDBC driver for jdbc:nosuchdb://")
        .hasMessageContaining("classpath")
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("admin");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:querylens:oracle:thin:scott/hunter2@ora.example:1521/svc",
        "jdbc:querylens:mysql://admin:hun/ter2@db/app",
        "jdbc:querylens:nosuchdb://db/app?%70assword=hunter2",
        "jdbc:querylens:nosuchdb://db/app;passphrase=hun;ter2",
      })
  void namesTheUrlWithoutItsCredentialsWhenNoDriverAcceptsIt(String url) {
    assertThatThrownBy(() -> driver.connect(url, new Properties()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no JDBC driver for jdbc:")
        .hasMessageNotContaining("hun")
        .hasMessageNotContaining("ter2");
  }

  @Test
  void explainsAUrlThatNamesNoDatabase() {
    assertThatThrownBy(() -> driver.connect("jdbc:querylens:", new Properties()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("names no database")
        .hasMessageContaining("jdbc:querylens:postgresql://");
  }

  @Test
  void passesTheRealDriversConnectFailureThroughUnchanged() throws SQLException {
    try (Connection owner =
        DriverManager.getConnection("jdbc:h2:mem:guarded;DB_CLOSE_DELAY=-1", "sa", "right")) {
      assertThat(owner.isValid(1)).isTrue();
      assertThatThrownBy(
              () -> DriverManager.getConnection("jdbc:querylens:h2:mem:guarded", "sa", "wrong"))
          .isInstanceOf(SQLException.class)
          .satisfies(
              e -> {
                assertThat(((SQLException) e).getSQLState()).isEqualTo("28000");
                assertThat(e.getStackTrace()[0].getClassName()).startsWith("org.h2");
              });
    }
  }
}
