package io.querylens.jdbc;

import io.querylens.testing.PreparedStatementSuite;

/**
 * Conformance of the proxy driver and DataSource wrapper: PreparedStatement executions, reused and
 * not.
 */
class PreparedStatementIT extends PreparedStatementSuite {
  PreparedStatementIT() {
    super(ProxyDriverInstrumentation.INSTANCE);
  }
}
