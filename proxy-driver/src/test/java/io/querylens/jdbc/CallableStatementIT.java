package io.querylens.jdbc;

import io.querylens.testing.CallableStatementSuite;

/** Conformance of the proxy driver and DataSource wrapper: stored routine calls. */
class CallableStatementIT extends CallableStatementSuite {
  CallableStatementIT() {
    super(ProxyDriverInstrumentation.INSTANCE);
  }
}
