package io.querylens.jdbc;

import io.querylens.testing.StatementSuite;

/**
 * Conformance of the proxy driver and DataSource wrapper: Statement execute, executeQuery,
 * executeUpdate and executeLargeUpdate.
 */
class StatementIT extends StatementSuite {
  StatementIT() {
    super(ProxyDriverInstrumentation.INSTANCE);
  }
}
