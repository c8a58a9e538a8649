package io.querylens.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.app.Apps;
import io.querylens.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real programs that know nothing of QueryLens, run in child JVMs with the shaded agent jar; each
 * test reads the JSON report the child writes at exit.
 */
class AgentIT {
  private static final String INSERT = "insert into agent_item values (?, ?)";
  private static final String SELECT = "select name from agent_item where id = ?";

  @TempDir Path dir;

  @Test
  void plainDriverManagerOnH2IsRecordedWithoutACodeChange() throws Exception {
    ChildJvm child = new ChildJvm(dir);
    ChildJvm.Result result = child.run(Apps.PLAIN_JDBC);

    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.count(INSERT)).isEqualTo(7);
    assertThat(report.count(SELECT)).isEqualTo(3);
    assertThat(report.connects()).as("one per DriverManager.getConnection").isEqualTo(4);
    assertThat(report.holds()).as("each the application's checkout").isEqualTo(4);
    assertThat(report.acquires()).as("no pool, no pool wait").isZero();
    assertThat(report.findings("chatty-writes", "insert into agent_item")).isEqualTo(1);
    assertThat(report.internalFaults()).isZero();
    assertThat(result.stderr()).contains("QueryLens agent started");
  }

  @Test
  void aGetConnectionInheritedFromAnAbstractDataSourceIsTimedAtTheOutermostCall() throws Exception {
    ChildJvm child = new ChildJvm(dir);
    child.run(Apps.SLOW_DATA_SOURCE);

    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.connects())
        .as("H2's JdbcDataSource inside is not counted again")
        .isEqualTo(2);
    assertThat(report.connectMinNanos())
        .as("the application's DataSource, which pools nothing, is part of the connect")
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(Apps.SLOW_CONNECT_MILLIS));
    assertThat(report.acquires()).isZero();
    assertThat(report.holds()).isEqualTo(2);
    assertThat(report.count(SELECT)).isEqualTo(1);
  }

  @Test
  void agentArgumentsWinOverSystemPropertiesAndBadOnesAreReportedAtStart() throws Exception {
    ChildJvm child =
        new ChildJvm(dir)
            .agentArgs("report.console=true,log.level=warn,no-such-key=1,max-shapes=abc");
    ChildJvm.Result result = child.run(Apps.PLAIN_JDBC);

    assertThat(result.stderr())
        .as("report.console=true beats -Dquerylens.report.console=false")
        .contains("QueryLens summary")
        .contains("querylens.no-such-key")
        .contains("querylens.max-shapes=\"abc\"")
        .as("log.level=warn hides the start-up line")
        .doesNotContain("QueryLens agent started");
    assertThat(JsonReportFile.read(child.report()).count(SELECT))
        .as("bad arguments fall back to the defaults")
        .isEqualTo(3);
  }

  @Test
  void hikariOnPostgresqlRecordsEachExecutionOnce() throws Exception {
    hikariOn(TestDatabase.POSTGRESQL);
  }

  @Test
  void hikariOnMariadbRecordsEachExecutionOnce() throws Exception {
    hikariOn(TestDatabase.MARIADB);
  }

  private void hikariOn(TestDatabase database) throws Exception {
    database.requireAvailable();
    ChildJvm child = new ChildJvm(dir);
    child.run(Apps.HIKARI, database.url(), database.user(), database.password());

    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.count(INSERT)).isEqualTo(7);
    assertThat(report.count(SELECT)).isEqualTo(Apps.HIKARI_BORROWS);
    assertThat(report.acquires())
        .as("each borrow (the pool's physical connects on its own threads are none)")
        .isEqualTo(Apps.HIKARI_BORROWS + 1);
    assertThat(report.holds()).as("one per borrow").isEqualTo(Apps.HIKARI_BORROWS + 1);
    assertThat(report.connects()).as("at most 2 physical connections").isBetween(1L, 2L);
    assertThat(report.internalFaults()).isZero();
    if (!database.password().isEmpty()) {
      assertThat(report.text()).doesNotContain(database.password());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hikari", "dbcp2", "c3p0", "tomcat"})
  void eachPoolGivesOneCheckoutAndOneHoldPerBorrowAndRecordsEachExecutionOnce(String pool)
      throws Exception {
    ChildJvm child = new ChildJvm(dir);
    child.run(Apps.POOLS, pool, "jdbc:h2:mem:" + pool + ";DB_CLOSE_DELAY=-1");

    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.count(INSERT)).isEqualTo(7);
    assertThat(report.count(SELECT)).as("recorded once").isEqualTo(Apps.POOL_BORROWS);
    assertThat(report.acquires()).as("checkouts").isEqualTo(Apps.POOL_BORROWS + 1);
    assertThat(report.holds())
        .as("one hold per checkout, not per physical connection")
        .isEqualTo(Apps.POOL_BORROWS + 1);
    assertThat(report.connects())
        .as("physical connects, on the pool's threads or inside a borrow (dbcp2 validates one)")
        .isBetween(1L, 3L);
    assertThat(report.internalFaults()).isZero();
  }

  @Test
  void hibernateOnH2ShowsTheNPlusOne() throws Exception {
    ChildJvm child = new ChildJvm(dir);
    child.run(Apps.HIBERNATE);

    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.findings("n-plus-one", "agent_pet"))
        .as("lazy pets loaded one owner at a time; report:%n%s", report.text())
        .isGreaterThanOrEqualTo(1);
    assertThat(report.internalFaults()).isZero();
  }

  @Test
  void agentAndDriverUrlTogetherRecordEachExecutionOnce() throws Exception {
    ChildJvm child = new ChildJvm(dir).withQueryLensOnClassPath();
    child.run(Apps.PLAIN_JDBC, "jdbc:querylens:h2:mem:both;DB_CLOSE_DELAY=-1", "3");

    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.count(INSERT)).isEqualTo(7);
    assertThat(report.count(SELECT)).isEqualTo(3);
    assertThat(report.connects())
        .as("the driver and the agent share one connect per DriverManager.getConnection")
        .isEqualTo(4);
    assertThat(report.holds()).isEqualTo(4);
    assertThat(report.internalFaults()).isZero();
  }

  @Test
  void dynamicAttachRecordsConnectionsHandedOutAfterIt() throws Exception {
    ChildJvm child = new ChildJvm(dir).withoutAgent();
    Path go = dir.resolve("go");
    Path attachedReport = dir.resolve("attached.json");
    Process app = child.start(Apps.WAITING, go.toString());
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!child.read("stdout.txt").contains("ready")) {
        assertThat(app.isAlive()).as(child.read("stderr.txt")).isTrue();
        assertThat(System.nanoTime()).as("child ready in time").isLessThan(deadline);
        Thread.sleep(20);
      }
      Process attach =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-jar",
                      ChildJvm.agentJar().toString(),
                      Long.toString(app.pid()),
                      "report.json=" + attachedReport))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("attach.txt").toFile())
              .start();
      assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(attach.exitValue()).as(child.read("attach.txt")).isZero();
      Files.createFile(go);
      child.await(app);
    } finally {
      app.destroyForcibly();
    }

    JsonReportFile report = JsonReportFile.read(attachedReport);
    assertThat(report.count(SELECT)).isEqualTo(Apps.READS_AFTER_ATTACH);
    assertThat(report.count(INSERT)).as("run before the attach").isZero();
    assertThat(report.connects()).isEqualTo(Apps.READS_AFTER_ATTACH);
    assertThat(report.holds()).isEqualTo(Apps.READS_AFTER_ATTACH);
    assertThat(child.report()).as("the attach arguments won").doesNotExist();
  }

  @Test
  void applicationsOwnByteBuddyAndDatasourceProxyKeepWorking() throws Exception {
    Path otherByteBuddy = Path.of(System.getProperty("app-byte-buddy.jar"));
    ChildJvm child = new ChildJvm(dir).withApplicationByteBuddy(otherByteBuddy);
    ChildJvm.Result result = child.run(Apps.OWN_LIBRARIES);

    assertThat(result.stdout())
        .as("the application generated its class with its own Byte Buddy (another version)")
        .contains("bytebuddy=" + otherByteBuddy.getFileName());
    assertThat(result.stdout())
        .as("datasource-proxy saw every execution: drop, create, 7 inserts, 3 selects")
        .contains("dsproxy=12");
    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.count(INSERT)).isEqualTo(7);
    assertThat(report.count(SELECT)).isEqualTo(3);
    assertThat(report.internalFaults()).isZero();
  }
}
