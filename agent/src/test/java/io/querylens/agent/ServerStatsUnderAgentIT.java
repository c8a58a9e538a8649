package io.querylens.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.app.Apps;
import io.querylens.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database statistics reader under the agent, which instruments every Driver: its statistics
 * connection is neither wrapped nor counted, a refused one fails quietly, and it connects with the
 * password the application's driver was given.
 */
class ServerStatsUnderAgentIT {
  private static final String SELECT = "select name from agent_item where id = ?";
  private static final int READS = 7; // PlainJdbcApp reads ids 1 to 7, one connection each

  @TempDir Path dir;

  @Test
  void statisticsConnectionIsNotRecorded() throws Exception {
    TestDatabase.POSTGRESQL.requireAvailable();
    ChildJvm child =
        new ChildJvm(dir)
            .option("-Dquerylens.database.stats-interval=100ms")
            .option("-Dquerylens.database.sample-interval=50ms");
    ChildJvm.Result result =
        child.run(
            Apps.PLAIN_JDBC,
            TestDatabase.POSTGRESQL.url() + "?user=" + TestDatabase.POSTGRESQL.user(),
            String.valueOf(READS));

    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.count(SELECT)).isEqualTo(READS);
    assertThat(report.connects()).as("the application's connects only").isEqualTo(READS + 1);
    assertThat(report.text()).doesNotContainIgnoringCase("statement_timeout");
    assertThat(result.stderr()).doesNotContain("cannot read");
    assertThat(report.internalFaults()).isZero();
  }

  @Test
  void readsWithThePasswordThePoolGaveTheDriver() throws Exception {
    TestDatabase.MARIADB.requireAvailable();
    String user = "ql_agent_pw";
    String password = "ql-agent-secret-8351";
    createUser(user, password);
    ChildJvm child =
        new ChildJvm(dir)
            .option("-Dquerylens.report.console=true")
            .option("-Dquerylens.database.stats-interval=100ms");
    ChildJvm.Result result = child.run(Apps.HIKARI, TestDatabase.MARIADB.url(), user, password);

    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.count(SELECT)).isEqualTo(Apps.HIKARI_BORROWS);
    assertThat(report.serverStats("mariadb"))
        .as("read with the driver's credentials; stderr:%n%s", result.stderr())
        .matches("reading [1-9]\\d*");
    assertThat(report.hasServerSide(SELECT)).as("the shape was matched").isTrue();
    String printed = result.stdout() + result.stderr();
    assertThat(printed).as("the console report").contains("select name from agent_item");
    assertThat(printed).doesNotContain(password);
    assertThat(report.text()).doesNotContain(password);
    assertThat(report.internalFaults()).isZero();
  }

  /** A MariaDB user with {@code password}, allowed what the application and the reader need. */
  private static void createUser(String user, String password) throws SQLException {
    try (Connection root = TestDatabase.MARIADB.openRaw();
        Statement s = root.createStatement()) {
      s.execute("CREATE OR REPLACE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
      s.execute("GRANT SELECT, INSERT, CREATE, DROP ON test.* TO '" + user + "'@'%'");
      s.execute("GRANT SELECT ON performance_schema.* TO '" + user + "'@'%'");
      s.execute("GRANT PROCESS ON *.* TO '" + user + "'@'%'");
    }
  }

  @Test
  void refusedStatisticsConnectionFailsQuietly() throws Exception {
    TestDatabase.MARIADB.requireAvailable();
    String secret = "wrong-secret-42";
    ChildJvm child =
        new ChildJvm(dir)
            .option("-Dquerylens.database.stats=on")
            .option("-Dquerylens.database.stats-password=" + secret);
    ChildJvm.Result result =
        child.run(
            Apps.PLAIN_JDBC,
            TestDatabase.MARIADB.url() + "?user=" + TestDatabase.MARIADB.user(),
            String.valueOf(READS));

    assertThat(result.stderr())
        .as("the reader ran under the agent and said so once, without the password")
        .contains("Could not open the statistics connection")
        .doesNotContain(secret);
    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.count(SELECT)).isEqualTo(READS);
    assertThat(report.connects()).as("the refused connect is not counted").isEqualTo(READS + 1);
    assertThat(report.text()).doesNotContain(secret);
  }
}
