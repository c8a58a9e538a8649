package io.querylens.jdbc;

import io.querylens.testing.BatchSuite;

/**
 * Conformance of the proxy driver and DataSource wrapper: Statement and PreparedStatement batches.
 */
class BatchIT extends BatchSuite {
  BatchIT() {
    super(ProxyDriverInstrumentation.INSTANCE);
  }
}
