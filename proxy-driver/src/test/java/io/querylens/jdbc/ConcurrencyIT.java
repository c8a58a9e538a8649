package io.querylens.jdbc;

import io.querylens.testing.ConcurrencySuite;

/** Conformance of the proxy driver and DataSource wrapper: many threads over one pool. */
class ConcurrencyIT extends ConcurrencySuite {
  ConcurrencyIT() {
    super(ProxyDriverInstrumentation.INSTANCE);
  }
}
