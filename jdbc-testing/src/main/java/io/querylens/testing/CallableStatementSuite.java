package io.querylens.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;

/**
 * {@link CallableStatement}: calling a stored routine is one execution; registering and reading its
 * OUT parameter is not. The routine is {@link TestDatabase#incrementRoutine}.
 */
public abstract class CallableStatementSuite extends JdbcSuite {

  protected CallableStatementSuite(InstrumentationUnderTest instrumentation) {
    super(instrumentation);
  }

  @AllSetups
  void callIsOneExecution(Setup setup) throws SQLException {
    String name = uniqueName("inc");
    TestDatabase.Routine routine = createRoutine(setup, name);
    try (Connection connection = connect(setup);
        CallableStatement call = connection.prepareCall(routine.callSql())) {
      call.registerOutParameter(routine.outIndex(), Types.INTEGER);
      call.setInt(routine.inIndex(), 41);
      call.execute();
      assertThat(call.getInt(routine.outIndex())).isEqualTo(42);
    }

    assertThat(executionsMentioning(name)).as(describe(snapshot())).isEqualTo(1);
    assertThat(shapesMentioning(name)).allSatisfy(shape -> assertThat(shape.errors()).isZero());
  }

  @AllSetups
  void reusingOneCallableStatementRecordsEveryCall(Setup setup) throws SQLException {
    String name = uniqueName("inc");
    TestDatabase.Routine routine = createRoutine(setup, name);
    try (Connection connection = connect(setup);
        CallableStatement call = connection.prepareCall(routine.callSql())) {
      call.registerOutParameter(routine.outIndex(), Types.INTEGER);
      for (int x = 1; x <= 3; x++) {
        call.setInt(routine.inIndex(), x);
        call.execute();
        assertThat(call.getInt(routine.outIndex())).isEqualTo(x + 1);
      }
    }

    assertThat(executionsMentioning(name)).as(describe(snapshot())).isEqualTo(3);
    assertThat(shapesMentioning(name)).hasSize(1);
  }

  @AllSetups
  void preparingACallRecordsNothing(Setup setup) throws SQLException {
    String name = uniqueName("inc");
    TestDatabase.Routine routine = createRoutine(setup, name);
    try (Connection connection = connect(setup)) {
      connection.prepareCall(routine.callSql()).close();
    }

    assertThat(executionsMentioning(name)).isZero();
  }

  private TestDatabase.Routine createRoutine(Setup setup, String name) throws SQLException {
    TestDatabase.Routine routine = setup.database().incrementRoutine(name);
    afterTest(setup, routine.dropSql());
    executeRaw(setup, routine.createSql());
    return routine;
  }
}
