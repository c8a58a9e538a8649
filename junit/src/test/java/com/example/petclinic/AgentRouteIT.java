package com.example.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.junit.NoNPlusOne;
import io.querylens.junit.QueryLensRecording;
import io.querylens.junit.QueryLensTest;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's route: H2 not wrapped, recorded only because the agent is attached. Failsafe attaches
 * the agent jar the reactor built ({@code -javaagent}, junit/pom.xml); without it this fails.
 */
class AgentRouteIT {

  @BeforeAll
  static void underTheAgent() {
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .as("this JVM's arguments")
        .anyMatch(a -> a.startsWith("-javaagent:") && a.contains("querylens-agent"));
  }

  @Test
  void theExtensionSeesWhatTheAgentRecords() {
    Map<String, Throwable> outcomes = Fixtures.run(Unwrapped.class);

    assertThat(outcomes.get("joined(QueryLensRecording)")).isSameAs(Fixtures.PASSED);
    assertThat(outcomes.get("oneByOne()").getMessage())
        .startsWith("@NoNPlusOne: 1 n-plus-one finding in unit Unwrapped.oneByOne()")
        .contains("executed 10 times in this test")
        .contains("*2-11  select name from pets where owner_id = ?  x10");
  }

  /** Plain JDBC on a DataSource nothing wraps. */
  @QueryLensTest
  @NoNPlusOne
  static class Unwrapped {
    static Clinic clinic;

    @BeforeAll
    static void open() throws SQLException {
      clinic = Clinic.unwrapped("agent-route");
    }

    @Test
    void oneByOne() throws SQLException {
      clinic.petNamesOneByOne();
    }

    @Test
    void joined(QueryLensRecording recording) throws SQLException {
      clinic.petNamesJoined();
      assertThat(recording.executions()).hasSize(1);
    }
  }
}
