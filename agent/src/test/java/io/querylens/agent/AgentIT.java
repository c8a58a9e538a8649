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
    assertThat(report.acquires()).as("one per DriverManager.getConnection").isEqualTo(4);
    assertThat(report.findings("chatty-writes", "insert into agent_item")).isEqualTo(1);
    assertThat(report.internalFaults()).isZero();
    assertThat(result.stderr()).contains("QueryLens agent started");
  }

  @Test
  void aGetConnectionInheritedFromAnAbstractDataSourceIsTimedAtTheOutermostCall() throws Exception {
    ChildJvm child = new ChildJvm(dir);
    child.run(Apps.SLOW_DATA_SOURCE);

    JsonReportFile report = JsonReportFile.read(child.report());
    assertThat(report.acquires())
        .as("H2's JdbcDataSource inside is not counted again")
        .isEqualTo(2);
    assertThat(report.acquireMinNanos())
        .as("the application's DataSource was instrumented, not only H2's")
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(Apps.SLOW_ACQUIRE_MILLIS));
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
        .as("each borrow, plus the pool's physical connects on its own threads")
        .isGreaterThanOrEqualTo(Apps.HIKARI_BORROWS + 1);
    assertThat(report.internalFaults()).isZero();
    if (!database.password().isEmpty()) {
      assertThat(report.text()).doesNotContain(database.password());
    }
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
    assertThat(report.acquires())
        .as("the driver and the agent share one acquire per DriverManager.getConnection")
        .isEqualTo(4);
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
    assertThat(report.acquires()).isEqualTo(Apps.READS_AFTER_ATTACH);
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
