package io.querylens.agent.conformance;

import io.querylens.QueryLens;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.testing.DriverManagerDataSource;
import io.querylens.testing.InstrumentationMode;
import io.querylens.testing.InstrumentationUnderTest;
import io.querylens.testing.TestDatabase;
import java.util.List;
import javax.sql.DataSource;

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

  /** The vendor URL through {@code DriverManager}, or as HikariCP's {@code jdbcUrl}. */
  static final InstrumentationMode DRIVER_MANAGER =
      new AgentMode("agent-driver-manager") {
        @Override
        public DataSource instrument(TestDatabase database, boolean pooled) {
          if (pooled) {
            return database.pool(database.url());
          }
          return new DriverManagerDataSource(database.url(), database.user(), database.password());
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
   * A mode of the agent: unpooled, each {@code getConnection} is one physical connect; under
   * HikariCP each borrow is one checkout (its pool's own physical connects are connects only).
   */
  private abstract static class AgentMode extends InstrumentationMode {
    AgentMode(String name) {
      super(name);
    }

    @Override
    public boolean seesPoolCheckouts() {
      return true;
    }
  }
}
