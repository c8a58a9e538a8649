package io.querylens.jdbc;

import io.querylens.testing.TransparencySuite;

/**
 * Conformance of the proxy driver and DataSource wrapper: exceptions, results, unwrap and double
 * wrapping.
 */
class TransparencyIT extends TransparencySuite {
  TransparencyIT() {
    super(ProxyDriverInstrumentation.INSTANCE);
  }
}
