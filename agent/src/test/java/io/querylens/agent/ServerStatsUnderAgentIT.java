package io.querylens.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.app.Apps;
import io.querylens.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database statistics reader under the agent, which instruments every Driver: its statistics
 * connection is neither wrapped nor counted, and a refused one fails quietly.
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
