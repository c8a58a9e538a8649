package io.querylens.jdbc;

import io.querylens.testing.ResultSetTimingSuite;

/**
 * Conformance of the proxy driver and DataSource wrapper: fetch, process and rows of ResultSets.
 */
class ResultSetTimingIT extends ResultSetTimingSuite {
  ResultSetTimingIT() {
    super(ProxyDriverInstrumentation.INSTANCE);
  }
}
