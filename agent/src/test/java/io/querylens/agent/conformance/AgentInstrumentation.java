package io.querylens.agent.conformance;

import io.querylens.QueryLens;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.jdbc.internal.QueryLensConnection;
import io.querylens.testing.DriverManagerDataSource;
import io.querylens.testing.InstrumentationMode;
import io.querylens.testing.InstrumentationUnderTest;
import io.querylens.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The agent as the conformance suites' instrumentation: the agent alone puts QueryLens in front of
 * the database. The application side is plain JDBC (vendor URLs through {@code DriverManager}, the
 * vendor's DataSource, HikariCP over either) and the agent wraps what {@code Driver.connect} and
 * {@code DataSource.getConnection} return. Recording and reset go through the agent jar's own
 * {@code QueryLens} class: the test JVM has no other copy of QueryLens (see this module's pom).
 */
final class AgentInstrumentation extends InstrumentationUnderTest {
  static final AgentInstrumentation INSTANCE = new AgentInstrumentation();

  /**
   * The JUnit tag of the tests that must run in the JVM with the agent: the pom's failsafe
   * execution {@code conformance-under-agent} runs only these, the default execution all others,
   * whatever {@code -Dit.test} selects.
   */
  static final String TAG = "under-agent";

  private static final String SKIP_KNOWN_BUGS_PROPERTY = "querylens-it.agent.skip-known-bugs";

  /** The vendor URL through {@code DriverManager}, or as HikariCP's {@code jdbcUrl}. */
  static final InstrumentationMode DRIVER_MANAGER =
      new AgentMode("agent-driver-manager") {
        @Override
        public DataSource instrument(TestDatabase database, boolean pooled) throws SQLException {
          if (pooled) {
            return database.pool(database.url());
          }
          DataSource dataSource =
              new DriverManagerDataSource(database.url(), database.user(), database.password());
          if (database == TestDatabase.MARIADB) {
            skipWhileCovariantConnectIsMissed(dataSource);
          }
          return dataSource;
        }
      };

  /** The vendor's DataSource, or HikariCP over it. */
  static final InstrumentationMode VENDOR_DATASOURCE =
      new AgentMode("agent-vendor-datasource") {
        @Override
        public DataSource instrument(TestDatabase database, boolean pooled) {
          DataSource vendor = database.rawDataSource();
          return pooled ? database.pool(vendor) : vendor;
        }
      };

  private AgentInstrumentation() {}

  @Override
  public List<InstrumentationMode> modes() {
    return List.of(DRIVER_MANAGER, VENDOR_DATASOURCE);
  }

  @Override
  public QueryLensSnapshot snapshot() {
    return QueryLens.snapshot();
  }

  @Override
  public void reset() {
    QueryLens.reset();
  }

  /** The application wraps the agent's DataSource once more with {@code QueryLens.wrap}. */
  @Override
  public DataSource instrumentAgain(DataSource instrumented) {
    return QueryLens.wrap(instrumented);
  }

  /**
   * Known agent bug: MariaDB's driver declares {@code connect(String, Properties)} returning its
   * own {@code org.mariadb.jdbc.Connection}, so the agent's advice, which matches a method
   * returning {@code java.sql.Connection}, misses it (the compiler's bridge method that does return
   * {@code java.sql.Connection} is not advised either), and MariaDB connections from {@code
   * DriverManager} are not recorded. Skips the setup while a connection comes back unwrapped, so it
   * runs by itself once the agent is fixed; {@code -Dquerylens-it.agent.skip-known-bugs=false} runs
   * it (and fails it) now.
   */
  private static void skipWhileCovariantConnectIsMissed(DataSource dataSource) throws SQLException {
    if (!Boolean.parseBoolean(System.getProperty(SKIP_KNOWN_BUGS_PROPERTY, "true"))) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      Assumptions.assumeTrue(
          connection.isWrapperFor(QueryLensConnection.class),
          "known agent bug: MariaDB's covariant Driver.connect is not instrumented, so its"
              + " DriverManager connections are not recorded");
    }
  }

  /**
   * A mode of the agent: unpooled, each {@code getConnection} is one outermost instrumented call,
   * so one acquire; under HikariCP the pool's physical connects on its own threads are acquires
   * too, so the count is not one per borrow.
   */
  private abstract static class AgentMode extends InstrumentationMode {
    AgentMode(String name) {
      super(name);
    }

    @Override
    public boolean recordsAcquirePerGetConnection(boolean pooled) {
      return !pooled;
    }
  }
}
