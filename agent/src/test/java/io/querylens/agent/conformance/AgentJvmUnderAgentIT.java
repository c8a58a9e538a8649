package io.querylens.agent.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.querylens.QueryLens;
import io.querylens.agent.QueryLensAgent;
import io.querylens.core.QueryLensSnapshot;
import io.querylens.jdbc.internal.QueryLensConnection;
import io.querylens.testing.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The premise of the {@code *UnderAgentIT} suites: this JVM runs with the shaded agent jar, which
 * is the only copy of QueryLens in it, and a plain {@code DriverManager} connection comes back
 * wrapped.
 */
@Tag(AgentInstrumentation.TAG)
class AgentJvmUnderAgentIT {

  @Test
  void queryLensIsLoadedFromTheAgentJarOnly() throws URISyntaxException, IOException {
    Path agentJar = Path.of(System.getProperty("querylens-agent.jar")).toAbsolutePath();
    Class<?>[] types = {
      QueryLensAgent.class, QueryLens.class, QueryLensSnapshot.class, QueryLensConnection.class
    };
    for (Class<?> type : types) {
      assertThat(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()))
          .as("where %s comes from", type.getName())
          .isEqualTo(agentJar);
      String resource = type.getName().replace('.', '/') + ".class";
      assertThat(Collections.list(ClassLoader.getSystemClassLoader().getResources(resource)))
          .as("copies of %s the system class loader can see", resource)
          .hasSize(1);
    }
  }

  @Test
  void aPlainDriverManagerConnectionIsWrappedAndRecorded() throws SQLException {
    TestDatabase h2 = TestDatabase.H2;
    QueryLens.reset();
    try (Connection connection = DriverManager.getConnection(h2.url(), h2.user(), h2.password())) {
      assertThat(connection.isWrapperFor(QueryLensConnection.class)).isTrue();
      try (Statement statement = connection.createStatement()) {
        statement.execute("select 1");
      }
    }
    assertThat(QueryLens.snapshot().connections().connect().count()).isEqualTo(1);
    assertThat(QueryLens.snapshot().connections().hold().count()).isEqualTo(1);
    assertThat(QueryLens.snapshot().shapes())
        .anySatisfy(shape -> assertThat(shape.shape().text()).isEqualTo("select ?"));
  }
}
